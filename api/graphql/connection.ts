/** Relay connections: page arguments, opaque cursors and the connection shape. */
import { GraphError } from '../../graph/index.js';

export const PAGE_DEFAULT = 50;
export const PAGE_MAX = 500;
export const NESTED_DEFAULT = 100;

/** `first` checked against the documented bounds (0..PAGE_MAX). */
export function pageSize(first: number | null | undefined, fallback = PAGE_DEFAULT): number {
  if (first === undefined || first === null) return fallback;
  if (Number.isInteger(first) && first > PAGE_MAX) {
    throw new GraphError('LIMIT_EXCEEDED', `first may be at most ${PAGE_MAX}, not ${first}`, {
      field: 'first',
      value: first,
      max: PAGE_MAX,
    });
  }
  if (!Number.isInteger(first) || first < 0) {
    throw new GraphError('INVALID_INPUT', `first must be between 0 and ${PAGE_MAX}, not ${first}`, {
      field: 'first',
      value: first,
      max: PAGE_MAX,
    });
  }
  return first;
}

export function encodeCursor(id: string): string {
  return Buffer.from(`id:${id}`, 'utf8').toString('base64url');
}

export function decodeCursor(cursor: string | null | undefined): string | undefined {
  if (cursor === undefined || cursor === null) return undefined;
  const text = Buffer.from(cursor, 'base64url').toString('utf8');
  if (!text.startsWith('id:') || encodeCursor(text.slice(3)) !== cursor) {
    throw new GraphError('INVALID_INPUT', 'after is not a cursor this API gave out', {
      field: 'after',
      value: cursor,
    });
  }
  return text.slice(3);
}

export interface Connection<T> {
  edges: { cursor: string; node: T }[];
  nodes: T[];
  pageInfo: {
    hasNextPage: boolean;
    hasPreviousPage: boolean;
    startCursor: string | null;
    endCursor: string | null;
  };
  totalCount: number;
}

export function toConnection<T extends { id: string }>(
  items: T[],
  hasNextPage: boolean,
  totalCount: number,
  after: string | undefined,
): Connection<T> {
  const first = items[0];
  const last = items.at(-1);
  return {
    // Cursors are made only when edges are asked for.
    get edges() {
      return items.map((node) => ({ cursor: encodeCursor(node.id), node }));
    },
    nodes: items,
    pageInfo: {
      hasNextPage,
      hasPreviousPage: after !== undefined,
      startCursor: first ? encodeCursor(first.id) : null,
      endCursor: last ? encodeCursor(last.id) : null,
    },
    totalCount,
  };
}
