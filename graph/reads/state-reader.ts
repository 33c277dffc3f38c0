/**
 * Reads served from the graph service's cached state (the whole graph, kept
 * per store version): the same answers as the store's getMany / findByRef /
 * list, without a database round trip or re-parsing each row. Indexes are
 * built on first use and dropped when the version moves.
 */
import { REF_SPECS, refTargets } from '../model/index.js';
import type { AnyEntity, EntityMap, EntityType, GraphState, Stored } from '../model/index.js';
import { foldCase } from '../store/fold-case.js';
import { FILTER_REF_FIELDS } from '../store/graph-store.js';
import type { ListFilter, ListPage, ListQuery } from '../store/graph-store.js';

type Any = Stored<AnyEntity>;

export class StateReader {
  private readonly sorted = new Map<EntityType, Any[]>();
  private readonly refIndex = new Map<string, Map<string, Any[]>>();

  /** The version this reader's indexes were built at. */
  readonly version: number;

  constructor(readonly state: GraphState) {
    this.version = state.version;
  }

  private all(type: EntityType): Any[] {
    let list = this.sorted.get(type);
    if (!list) {
      list = [...(this.state.entities[type].values() as Iterable<Any>)].sort((a, b) =>
        a.id < b.id ? -1 : a.id > b.id ? 1 : 0,
      );
      this.sorted.set(type, list);
    }
    return list;
  }

  /** Entities of `type` per target id of `field`, each group in id order. */
  private referrers(type: EntityType, field: string): Map<string, Any[]> {
    const key = `${type}.${field}`;
    let index = this.refIndex.get(key);
    if (!index) {
      index = new Map();
      const spec = REF_SPECS[type].find((s) => s.field === field);
      if (spec) {
        for (const entity of this.all(type)) {
          for (const target of new Set(refTargets(entity, spec))) {
            const group = index.get(target) ?? index.set(target, []).get(target)!;
            group.push(entity);
          }
        }
      }
      this.refIndex.set(key, index);
    }
    return index;
  }

  getMany<K extends EntityType>(type: K, ids: readonly string[]): (Stored<EntityMap[K]> | null)[] {
    const map = this.state.entities[type];
    return ids.map((id) => (map.get(id) as Stored<EntityMap[K]> | undefined) ?? null);
  }

  findByRef<K extends EntityType>(
    type: K,
    field: string,
    targetIds: readonly string[],
  ): Stored<EntityMap[K]>[][] {
    const index = this.referrers(type, field);
    return targetIds.map((id) => [...((index.get(id) ?? []) as Stored<EntityMap[K]>[])]);
  }

  /** The ids of entities of `type` whose `fields` name `target`: built once per filter. */
  private idsReferring(type: EntityType, fields: readonly string[], target: string): Set<string> {
    return new Set(
      fields.flatMap((field) => (this.referrers(type, field).get(target) ?? []).map((e) => e.id)),
    );
  }

  private matcher(type: EntityType, filter: ListFilter): (entity: Any) => boolean {
    const tests: ((e: Any) => boolean)[] = [];
    const record = (e: Any) => e as unknown as Record<string, unknown>;
    if (filter.nameContains) {
      const needle = foldCase(filter.nameContains);
      tests.push(
        (e) =>
          typeof record(e).name === 'string' && foldCase(record(e).name as string).includes(needle),
      );
    }
    if (filter.kind) tests.push((e) => record(e).kind === filter.kind);
    if (filter.sector) tests.push((e) => record(e).sector === filter.sector);
    for (const key of ['levelId', 'jurisdictionId'] as const) {
      const target = filter[key];
      if (!target) continue;
      const ids = this.idsReferring(type, FILTER_REF_FIELDS[key], target);
      tests.push((e) => ids.has(e.id));
    }
    if (filter.issueId) {
      const issue = filter.issueId;
      let ids: Set<string>;
      if (type === 'actor') {
        ids = new Set(
          (this.referrers('mandate', 'issueIds').get(issue) ?? []).map(
            (m) => (m as Stored<EntityMap['mandate']>).holderId,
          ),
        );
        for (const i of this.referrers('interest', 'issueId').get(issue) ?? []) {
          ids.add((i as Stored<EntityMap['interest']>).actorId);
        }
      } else ids = this.idsReferring(type, FILTER_REF_FIELDS.issueId, issue);
      tests.push((e) => ids.has(e.id));
    }
    return (e) => tests.every((t) => t(e));
  }

  list<K extends EntityType>(type: K, query: ListQuery): ListPage<Stored<EntityMap[K]>> {
    const filter = query.filter ?? {};
    const all = this.all(type);
    const filtered = Object.values(filter).some((v) => v !== undefined && v !== null && v !== '')
      ? all.filter(this.matcher(type, filter))
      : all;
    let start = 0;
    if (query.afterId !== undefined) {
      const after = query.afterId;
      let lo = 0;
      let hi = filtered.length;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (filtered[mid]!.id <= after) lo = mid + 1;
        else hi = mid;
      }
      start = lo;
    }
    const items = filtered.slice(start, start + query.first) as Stored<EntityMap[K]>[];
    return {
      items,
      hasNextPage: start + query.first < filtered.length,
      totalCount: filtered.length,
    };
  }
}

const readers = new WeakMap<GraphState, StateReader>();

/** The reader of a state at its current version (states are updated in place after writes). */
export function readerOf(state: GraphState): StateReader {
  const cached = readers.get(state);
  if (cached && cached.version === state.version) return cached;
  const reader = new StateReader(state);
  readers.set(state, reader);
  return reader;
}
