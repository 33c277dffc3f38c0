/**
 * A planned change on top of a graph state: reads see the change, the state
 * itself is untouched until the store has written it.
 */
import type { GraphView } from '../model/integrity.js';
import type { AnyEntity, EntityType, Stored } from '../model/entities.js';
import { withVersion, withoutVersion } from '../model/state.js';
import type { ChangeSet, EntityRef, GraphState, Upsert } from '../model/state.js';

/** A planned upsert or delete and when it was first planned (changeSet keeps that order). */
interface Planned<T> {
  order: number;
  value: T;
}

/** Entries of per-type maps in the order they were planned. */
function inPlannedOrder<T>(byType: Map<EntityType, Map<string, Planned<T>>>): T[] {
  const maps = [...byType.values()].filter((m) => m.size > 0);
  if (maps.length === 1) return Array.from(maps[0]!.values(), (e) => e.value);
  return maps
    .flatMap((m) => [...m.values()])
    .sort((a, b) => a.order - b.order)
    .map((e) => e.value);
}

export class Overlay implements GraphView {
  /** The change by type and id (an import reads it millions of times), each entry with its place in the plan. */
  private readonly upserted = new Map<EntityType, Map<string, Planned<Upsert>>>();
  private readonly deleted = new Map<EntityType, Map<string, Planned<EntityRef>>>();
  private planned = 0;
  /** Moves with every put and remove; see markChecked. */
  private revision = 0;
  private checkedRevision = -1;

  constructor(readonly state: GraphState) {}

  get(type: EntityType, id: string): AnyEntity | undefined {
    const upsert = this.upserted.get(type)?.get(id);
    if (upsert) return upsert.value.entity as AnyEntity;
    if (this.deleted.get(type)?.has(id)) return undefined;
    return this.state.entities[type].get(id);
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
    const entity = withoutVersion(upsert.entity) as AnyEntity;
    this.revision += 1;
    this.deleted.get(type)?.delete(entity.id);
    let ofType = this.upserted.get(type);
    if (!ofType) this.upserted.set(type, (ofType = new Map()));
    const value = { type, entity } as Upsert;
    const earlier = ofType.get(entity.id);
    if (earlier) earlier.value = value;
    else ofType.set(entity.id, { order: this.planned++, value });
  }

  remove(type: EntityType, id: string): void {
    this.revision += 1;
    this.upserted.get(type)?.delete(id);
    if (this.state.entities[type].has(id)) {
      let ofType = this.deleted.get(type);
      if (!ofType) this.deleted.set(type, (ofType = new Map()));
      if (!ofType.has(id)) ofType.set(id, { order: this.planned++, value: { type, id } });
    }
  }

  isDeleted(type: EntityType, id: string): boolean {
    return this.deleted.get(type)?.has(id) ?? false;
  }

  changeSet(): ChangeSet {
    return { upserts: inPlannedOrder(this.upserted), deletes: inPlannedOrder(this.deleted) };
  }
}

/** The entities of a change's upserts as stored: each with the version the store assigned. */
export function storedUpserts(
  changes: ChangeSet,
  versions: readonly number[],
): Stored<AnyEntity>[] {
  return changes.upserts.map(
    (u, index) => withVersion(u.entity, versions[index] ?? 1) as Stored<AnyEntity>,
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
