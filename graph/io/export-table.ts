/** Entities -> rows of cells, with the same columns the import reads, so a file exported re-imports as it is. */
import type { AnyEntity, EntityType, GraphState } from '../model/index.js';
import { COLUMNS } from './columns.js';
import { getPath } from './field-paths.js';
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

/** The header, then one row per entity, each made only when it is read. */
export function* entityRows(type: EntityType, entities: readonly AnyEntity[]): Generator<string[]> {
  const columns = COLUMNS[type];
  yield columns.map((c) => c.field);
  for (const e of entities) {
    yield columns.map((c) =>
      cellOf(getPath(e as unknown as Record<string, unknown>, c.field), c.kind),
    );
  }
}
