/** Database rows -> model: every row is parsed by the entity's schema before it leaves the adapter. */
import { GraphError } from '../../errors.js';
import { ENTITY_SCHEMAS, withVersion } from '../../model/index.js';
import type { EntityMap, EntityType, Stored } from '../../model/index.js';

export interface EntityRow {
  id: string;
  version: number;
  data: string;
}

export function rowToEntity<K extends EntityType>(type: K, row: EntityRow): Stored<EntityMap[K]> {
  const parsed = ENTITY_SCHEMAS[type].safeParse(JSON.parse(row.data));
  if (!parsed.success) {
    throw new GraphError('STORE_UNAVAILABLE', `stored ${type} '${row.id}' is not valid`, {
      type,
      id: row.id,
    });
  }
  return withVersion(parsed.data, row.version) as Stored<EntityMap[K]>;
}

/** The columns besides the JSON that lists and filters use. */
export function indexedColumns(entity: object): { name: string | null; kind: string | null } {
  const record = entity as { name?: unknown; kind?: unknown };
  return {
    name: typeof record.name === 'string' ? record.name : null,
    kind: typeof record.kind === 'string' ? record.kind : null,
  };
}
