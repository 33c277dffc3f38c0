/** Entities -> rows of cells, with the same columns the import reads, so a file exported re-imports as it is. */
import type { AnyEntity, EntityType, GraphState } from '../model/index.js';
import { COLUMNS } from './columns.js';
import type { Column } from './columns.js';
import { pathReader } from './field-paths.js';
import { joinValues } from './multi-values.js';

function cellOf(value: unknown, kind: string): string {
  if (value === undefined || value === null) return '';
  if (kind === 'members')
    return joinValues(
      (value as { actorId: string; role: string }[]).map((m) => `${m.actorId}:${m.role}`),
    );
  if (Array.isArray(value)) return joinValues(value as string[]);
  return String(value);
}

/**
 * The entities of a type in id order, taken at once: stored entities are
 * replaced, never changed, so an export streamed from this list shows the
 * graph as it was when the export began, whatever is written meanwhile.
 */
export function sortedEntities(state: GraphState, type: EntityType): AnyEntity[] {
  return [...(state.entities[type].values() as Iterable<AnyEntity>)].sort((a, b) =>
    a.id < b.id ? -1 : a.id > b.id ? 1 : 0,
  );
}

/** The columns of a type, or those of them `kept`, each with a reader of its path. */
function readColumns(type: EntityType, kept: (column: Column) => boolean = () => true) {
  return COLUMNS[type].filter(kept).map((c) => ({ ...c, read: pathReader(c.field) }));
}

/** An entity's cell whose text is longer than `max` characters. */
export interface LongCell {
  id: string;
  field: string;
  length: number;
}

/** Cell kinds whose text grows with the entity: lists of ids, members or tags. Other fields' lengths the model bounds. */
const LIST_KINDS: ReadonlySet<string> = new Set(['ids', 'members', 'tags']);

/**
 * No less than the length of a list's cell, found without writing it: a
 * value at most doubles when its separators are escaped, and one separator
 * follows each value but the last.
 */
function cellLengthBound(value: unknown, kind: string): number {
  if (!Array.isArray(value))
    return value === undefined || value === null ? 0 : String(value).length;
  let bound = value.length;
  for (const v of value as unknown[]) {
    const m = v as { actorId: string; role: string };
    bound += 2 * (kind === 'members' ? m.actorId.length + 1 + m.role.length : String(v).length);
  }
  return bound;
}

/** The cells of `entities` longer than `max` characters, in id order; only list cells can be. */
export function longCells(
  type: EntityType,
  entities: readonly AnyEntity[],
  max: number,
): LongCell[] {
  const lists = readColumns(type, (c) => LIST_KINDS.has(c.kind));
  const long: LongCell[] = [];
  if (lists.length === 0) return long;
  for (const e of entities) {
    for (const c of lists) {
      const value = c.read(e as unknown as Record<string, unknown>);
      // the usual short list is cleared by its bound; only a long one is written out to measure
      if (cellLengthBound(value, c.kind) <= max) continue;
      const length = cellOf(value, c.kind).length;
      if (length > max) long.push({ id: e.id, field: c.field, length });
    }
  }
  return long;
}

/** The header, then one row per entity, each made only when it is read. */
export function* entityRows(type: EntityType, entities: readonly AnyEntity[]): Generator<string[]> {
  const columns = readColumns(type);
  yield columns.map((c) => c.field);
  for (const e of entities) {
    yield columns.map((c) => cellOf(c.read(e as unknown as Record<string, unknown>), c.kind));
  }
}
