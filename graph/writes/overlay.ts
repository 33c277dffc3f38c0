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
  /** The change in the order it was planned. */
  private readonly upserts = new Map<string, Upsert>();
  private readonly deletes = new Map<string, EntityRef>();
  /** The same, by type and id, for reads (an import reads millions of times). */
  private readonly upserted = new Map<EntityType, Map<string, AnyEntity>>();
  private readonly deleted = new Map<EntityType, Set<string>>();
  /** Moves with every put and remove; see markChecked. */
  private revision = 0;
  private checkedRevision = -1;

  constructor(readonly state: GraphState) {}

  get(type: EntityType, id: string): AnyEntity | undefined {
    if (this.deleted.get(type)?.has(id)) return undefined;
    return this.upserted.get(type)?.get(id) ?? this.state.entities[type].get(id);
  }

  /** Records that the change as planned so far was checked and found sound. */
  markChecked(): void {
    this.checkedRevision = this.revision;
  }

  /** True when nothing was planned since markChecked. */
  get checked(): boolean {
    return this.checkedRevision === this.revision;
  }

  /** The stored version of an entity before this change, if it existed. */
  storedVersion(type: EntityType, id: string): number | undefined {
    return (this.state.entities[type].get(id) as Stored<AnyEntity> | undefined)?.version;
  }

  /** Plans an insert or replace; a `version` the entity carries is the store's and is dropped. */
  put(upsert: Upsert): void {
    const { type } = upsert;
    const key = keyOf(type, upsert.entity.id);
    const entity = withoutVersion(upsert.entity) as AnyEntity;
    this.revision += 1;
    this.deletes.delete(key);
    this.deleted.get(type)?.delete(entity.id);
    this.upserts.set(key, { type, entity } as Upsert);
    let ofType = this.upserted.get(type);
    if (!ofType) this.upserted.set(type, (ofType = new Map()));
    ofType.set(entity.id, entity);
  }

  remove(type: EntityType, id: string): void {
    const key = keyOf(type, id);
    this.revision += 1;
    this.upserts.delete(key);
    this.upserted.get(type)?.delete(id);
    if (this.state.entities[type].has(id)) {
      this.deletes.set(key, { type, id });
      let ofType = this.deleted.get(type);
      if (!ofType) this.deleted.set(type, (ofType = new Set()));
      ofType.add(id);
    }
  }

  isDeleted(type: EntityType, id: string): boolean {
    return this.deletes.has(keyOf(type, id));
  }

  changeSet(): ChangeSet {
    return { upserts: [...this.upserts.values()], deletes: [...this.deletes.values()] };
  }
}

/** The entities of a change's upserts as stored: each with the version the store assigned. */
export function storedUpserts(
  changes: ChangeSet,
  versions: readonly number[],
): Stored<AnyEntity>[] {
  return changes.upserts.map(
    (u, index) => ({ ...u.entity, version: versions[index] ?? 1 }) as Stored<AnyEntity>,
  );
}

/** Writes a committed change into the state: `stored` holds its upserts as storedUpserts gives them. */
export function applyToState(
  state: GraphState,
  changes: ChangeSet,
  stored: readonly Stored<AnyEntity>[],
  storeVersion: number,
): void {
  for (const { type, id } of changes.deletes) state.entities[type].delete(id);
  for (let i = 0; i < stored.length; i += 1) {
    const map = state.entities[changes.upserts[i]!.type] as Map<string, Stored<AnyEntity>>;
    map.set(stored[i]!.id, stored[i]!);
  }
  state.version = storeVersion;
}
