/** Entities -> rows of cells, with the same columns the import reads, so a file exported re-imports as it is. */
import type { EntityType, GraphState } from '../model/index.js';
import { COLUMNS } from './columns.js';
import { joinValues } from './multi-values.js';

function getPath(entity: Record<string, unknown>, path: string): unknown {
  return path
    .split('.')
    .reduce<unknown>((v, key) => (v as Record<string, unknown> | undefined)?.[key], entity);
}

function cellOf(value: unknown, kind: string): string {
  if (value === undefined || value === null) return '';
  if (kind === 'members')
    return joinValues(
      (value as { actorId: string; role: string }[]).map((m) => `${m.actorId}:${m.role}`),
    );
  if (Array.isArray(value)) return joinValues(value as string[]);
  return String(value);
}

export function entityTable(state: GraphState, type: EntityType): string[][] {
  const columns = COLUMNS[type];
  const rows = [...state.entities[type].values()]
    .sort((a, b) => (a.id < b.id ? -1 : 1))
    .map((e) =>
      columns.map((c) => cellOf(getPath(e as unknown as Record<string, unknown>, c.field), c.kind)),
    );
  return [columns.map((c) => c.field), ...rows];
}
