/**
 * A planned change on top of a graph state: reads see the change, the state
 * itself is untouched until the store has written it.
 */
import type { GraphView } from '../model/integrity.js';
import type { AnyEntity, EntityType, Stored } from '../model/entities.js';
import { withoutVersion } from '../model/state.js';
import type { ChangeSet, EntityRef, GraphState, Upsert } from '../model/state.js';

const keyOf = (type: EntityType, id: string): string => `${type}\u0000${id}`;

export class Overlay implements GraphView {
  private readonly upserts = new Map<string, Upsert>();
  private readonly deletes = new Map<string, EntityRef>();

  constructor(readonly state: GraphState) {}

  get(type: EntityType, id: string): AnyEntity | undefined {
    const key = keyOf(type, id);
    if (this.deletes.has(key)) return undefined;
    return this.upserts.get(key)?.entity ?? this.state.entities[type].get(id);
  }

  /** The stored version of an entity before this change, if it existed. */
  storedVersion(type: EntityType, id: string): number | undefined {
    return (this.state.entities[type].get(id) as Stored<AnyEntity> | undefined)?.version;
  }

  /** Plans an insert or replace; a `version` the entity carries is the store's and is dropped. */
  put(upsert: Upsert): void {
    const key = keyOf(upsert.type, upsert.entity.id);
    this.deletes.delete(key);
    this.upserts.set(key, { type: upsert.type, entity: withoutVersion(upsert.entity) } as Upsert);
  }

  remove(type: EntityType, id: string): void {
    const key = keyOf(type, id);
    this.upserts.delete(key);
    if (this.state.entities[type].has(id)) this.deletes.set(key, { type, id });
  }

  isDeleted(type: EntityType, id: string): boolean {
    return this.deletes.has(keyOf(type, id));
  }

  changeSet(): ChangeSet {
    return { upserts: [...this.upserts.values()], deletes: [...this.deletes.values()] };
  }
}

/** Writes a committed change into the state, with the versions the store assigned. */
export function applyToState(
  state: GraphState,
  changes: ChangeSet,
  versions: readonly number[],
  storeVersion: number,
): void {
  changes.deletes.forEach(({ type, id }) => state.entities[type].delete(id));
  changes.upserts.forEach((u, index) => {
    const version = versions[index] ?? 1;
    const map = state.entities[u.type] as Map<string, Stored<AnyEntity>>;
    map.set(u.entity.id, { ...u.entity, version });
  });
  state.version = storeVersion;
}
