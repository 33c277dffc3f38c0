/**
 * The GraphStore port: what the graph service needs of a database. Adapters
 * (sqlite/, neo4j/) implement it; this file imports none of them.
 */
import { GraphError } from '../errors.js';
import type { ChangeSet, EntityMap, EntityType, Snapshot, Stored } from '../model/index.js';

/** Filters every list accepts; a filter that does not apply to a type matches nothing. */
export interface ListFilter {
  /** Case-insensitive substring of the name. */
  nameContains?: string;
  /** The entity's `kind` (jurisdictions, actors, partnerships, ties). */
  kind?: string;
  /** Actors only. */
  sector?: string;
  levelId?: string;
  jurisdictionId?: string;
  issueId?: string;
}

/**
 * The reference fields each reference filter follows. `issueId` on actors is
 * special (an actor holding a mandate on the issue, or with an interest in it).
 */
export const FILTER_REF_FIELDS = {
  levelId: ['levelId'],
  jurisdictionId: ['jurisdictionId', 'jurisdictionIds'],
  issueId: ['issueId', 'issueIds'],
} as const;

export interface ListQuery {
  filter?: ListFilter;
  /** How many items, already capped by the caller. */
  first: number;
  /** Exclusive: items whose id sorts after this one. */
  afterId?: string;
}

export interface ListPage<T> {
  items: T[];
  hasNextPage: boolean;
  totalCount: number;
}

export interface WriteOptions {
  /**
   * The store version the change was planned against. When the store has moved
   * on since, the write is refused with CONFLICT (details.reason 'STALE_BASE')
   * and nothing is written.
   */
  baseVersion?: number;
}

/** Refuses a write planned at `baseVersion` when the store is at another version: CONFLICT, STALE_BASE. */
export function checkBaseVersion(options: WriteOptions, current: number): void {
  if (options.baseVersion === undefined || options.baseVersion === current) return;
  throw new GraphError('CONFLICT', 'the graph changed while this change was planned', {
    reason: 'STALE_BASE',
    baseVersion: options.baseVersion,
    version: current,
  });
}

export interface WriteResult {
  /** The store version after the write. */
  version: number;
  /** The new version of each upserted entity, in the order of `changes.upserts`. */
  entityVersions: number[];
}

export interface GraphStore {
  readonly kind: 'sqlite' | 'neo4j';
  /** Monotonic counter, bumped by every write that changed something. */
  version(): Promise<number>;
  /** Every entity, read in one consistent pass, with the version it was read at. */
  snapshot(): Promise<Snapshot>;
  /** Entities by id, in input order; null where none exists. */
  getMany<K extends EntityType>(
    type: K,
    ids: readonly string[],
  ): Promise<(Stored<EntityMap[K]> | null)[]>;
  /**
   * Entities of `type` whose reference `field` names one of `targetIds`,
   * grouped per target in input order, each group sorted by id.
   */
  findByRef<K extends EntityType>(
    type: K,
    field: string,
    targetIds: readonly string[],
  ): Promise<Stored<EntityMap[K]>[][]>;
  /** A page of entities sorted by id. */
  list<K extends EntityType>(type: K, query: ListQuery): Promise<ListPage<Stored<EntityMap[K]>>>;
  /** Applies a change atomically: all of it, or nothing. Bumps `version` once when anything changed. */
  write(changes: ChangeSet, options?: WriteOptions): Promise<WriteResult>;
  /** Resolves when the store answers; rejects with STORE_UNAVAILABLE otherwise. */
  ping(): Promise<void>;
  close(): Promise<void>;
}
