/**
 * The graph service that api/ calls: it owns the store, keeps the graph state
 * cached per store version, and plans, checks and commits every write.
 * Main class: GraphService.
 */
import { EventEmitter } from 'node:events';
import { AnalysisService } from './analysis-service.js';
import type { AnalysisOptions } from './analysis-service.js';
import { GraphError, isGraphError } from './errors.js';
import { parseEntity, stateFromSnapshot } from './model/index.js';
import type { AnyEntity, EntityMap, EntityType, GraphState, Stored } from './model/index.js';
import { readerOf } from './reads/state-reader.js';
import type { StateReader } from './reads/state-reader.js';
import type { GraphStore } from './store/graph-store.js';
import { Overlay, applyToState, storedUpserts } from './writes/overlay.js';
import { planDelete } from './writes/plan-delete.js';
import type { DeleteOutcome } from './writes/plan-delete.js';
import { checkPlanned, patchEntity, planUpsert } from './writes/plan-upsert.js';

export interface GraphChange {
  version: number;
  upserted: { type: EntityType; id: string }[];
  deleted: { type: EntityType; id: string }[];
}

/** Who asked for a write: an API token's id and role (the audit log's "by"). */
export interface Author {
  tokenId: string;
  role: string;
}

/** One committed write, entity by entity: what it was (null: created) and what it is (null: deleted). */
export interface CommittedChange {
  version: number;
  /** Absent for writes nobody asked for over the API (command line, sample). */
  author?: Author;
  entities: {
    type: EntityType;
    id: string;
    before: Stored<AnyEntity> | null;
    after: Stored<AnyEntity> | null;
  }[];
}

const STALE_RETRIES = 3;

export class GraphService {
  private cached: GraphState | undefined;
  private loading: Promise<GraphState> | undefined;
  private queue: Promise<unknown> = Promise.resolve();
  /**
   * Emits 'change' with a GraphChange after every committed write, and
   * 'committed' with a CommittedChange (each entity before and after) and the
   * updated state first.
   */
  readonly events = new EventEmitter();
  /** Overlaps, gaps, teams, levels, network metrics and maturity over this graph, off this thread. */
  readonly analysis: AnalysisService;

  constructor(
    readonly store: GraphStore,
    options: { analysis?: AnalysisOptions } = {},
  ) {
    this.events.setMaxListeners(1000);
    this.analysis = new AnalysisService(this, options.analysis);
  }

  /** The whole graph at the store's current version, re-read only when that version moved. */
  async state(): Promise<GraphState> {
    const version = await this.store.version();
    if (this.cached && this.cached.version === version) return this.cached;
    this.loading ??= this.store
      .snapshot()
      .then((snapshot) => (this.cached = stateFromSnapshot(snapshot)))
      .finally(() => (this.loading = undefined));
    return this.loading;
  }

  /** The store's version: it moves with every committed write, by this process or another. */
  version(): Promise<number> {
    return this.store.version();
  }

  /** Reads (getMany, findByRef, list) over the cached state at the store's current version. */
  async reader(): Promise<StateReader> {
    return readerOf(await this.state());
  }

  async create<K extends EntityType>(
    type: K,
    input: unknown,
    author?: Author,
  ): Promise<Stored<EntityMap[K]>> {
    const entity = parseEntity(type, input);
    await this.commit((overlay) => {
      if (overlay.get(type, entity.id)) {
        throw new GraphError('CONFLICT', `${type} '${entity.id}' already exists`, {
          type,
          id: entity.id,
          reason: 'ALREADY_EXISTS',
        });
      }
      planUpsert(overlay, type, entity);
    }, author);
    return this.mustGet(type, entity.id);
  }

  /**
   * Lays `patch` over the stored entity (null clears a field). A function patch
   * is computed from the entity as stored when the write is planned.
   */
  async update<K extends EntityType>(
    type: K,
    id: string,
    patch: Record<string, unknown> | ((existing: Stored<EntityMap[K]>) => Record<string, unknown>),
    expectedVersion?: number,
    author?: Author,
  ): Promise<Stored<EntityMap[K]>> {
    await this.commit((overlay) => {
      const existing = this.existing(overlay, type, id, expectedVersion);
      const fields = typeof patch === 'function' ? patch(existing) : patch;
      planUpsert(overlay, type, patchEntity(type, existing, fields));
    }, author);
    return this.mustGet(type, id);
  }

  /** Creates the entity, or replaces the whole of the one with its id. */
  async put<K extends EntityType>(
    type: K,
    input: unknown,
    author?: Author,
  ): Promise<Stored<EntityMap[K]>> {
    const entity = parseEntity(type, input);
    await this.commit((overlay) => planUpsert(overlay, type, entity), author);
    return this.mustGet(type, entity.id);
  }

  async delete(
    type: EntityType,
    id: string,
    options: { cascade?: boolean; expectedVersion?: number; author?: Author } = {},
  ): Promise<DeleteOutcome> {
    return this.commit((overlay) => {
      this.existing(overlay, type, id, options.expectedVersion);
      return planDelete(overlay, type, id, options.cascade ?? false);
    }, options.author);
  }

  /**
   * Plans a change against the current state, checks it, and writes it in one
   * store transaction. When another writer moved the store meanwhile, plans again.
   * `author` is who asked, for the audit log.
   *
   * A plan may be asynchronous (an import lets other requests in between rows):
   * writes wait for it in turn, reads meanwhile see the state it started from,
   * which it does not change.
   */
  async commit<T>(plan: (overlay: Overlay) => T | Promise<T>, author?: Author): Promise<T> {
    const run = async (): Promise<T> => {
      for (let attempt = 0; ; attempt += 1) {
        const state = await this.state();
        const overlay = new Overlay(state);
        const result = await plan(overlay);
        checkPlanned(overlay);
        const changes = overlay.changeSet();
        if (changes.upserts.length === 0 && changes.deletes.length === 0) return result;
        try {
          const written = await this.store.write(changes, { baseVersion: state.version });
          const before = (type: EntityType, id: string) =>
            (state.entities[type].get(id) as Stored<AnyEntity> | undefined) ?? null;
          const stored = storedUpserts(changes, written.entityVersions);
          const committed: CommittedChange = {
            version: written.version,
            ...(author ? { author: { tokenId: author.tokenId, role: author.role } } : {}),
            entities: [
              ...changes.deletes.map((d) => ({ ...d, before: before(d.type, d.id), after: null })),
              ...changes.upserts.map((u, i) => ({
                type: u.type,
                id: u.entity.id,
                before: before(u.type, u.entity.id),
                after: stored[i]!,
              })),
            ],
          };
          applyToState(state, changes, stored, written.version);
          this.events.emit('committed', committed, state);
          this.events.emit('change', {
            version: written.version,
            upserted: changes.upserts.map((u) => ({ type: u.type, id: u.entity.id })),
            deleted: changes.deletes,
          } satisfies GraphChange);
          return result;
        } catch (error) {
          const stale = isGraphError(error) && error.details.reason === 'STALE_BASE';
          if (!stale || attempt >= STALE_RETRIES) throw error;
          this.cached = undefined;
        }
      }
    };
    const next = this.queue.then(run, run);
    this.queue = next.catch(() => undefined);
    return next;
  }

  private existing<K extends EntityType>(
    overlay: Overlay,
    type: K,
    id: string,
    expectedVersion?: number,
  ): Stored<EntityMap[K]> {
    const found = overlay.state.entities[type].get(id) as Stored<EntityMap[K]> | undefined;
    if (!found) throw new GraphError('NOT_FOUND', `no ${type} with id '${id}'`, { type, id });
    if (expectedVersion !== undefined && expectedVersion !== found.version) {
      throw new GraphError(
        'CONFLICT',
        `${type} '${id}' is at version ${found.version}, not ${expectedVersion}: someone else changed it`,
        { type, id, reason: 'STALE_VERSION', expectedVersion, version: found.version },
      );
    }
    return found;
  }

  private async mustGet<K extends EntityType>(type: K, id: string): Promise<Stored<EntityMap[K]>> {
    const [found] = await this.store.getMany(type, [id]);
    if (!found) throw new GraphError('NOT_FOUND', `no ${type} with id '${id}'`, { type, id });
    return found;
  }

  async close(): Promise<void> {
    await this.queue;
    await this.analysis.close();
    await this.store.close();
  }
}
