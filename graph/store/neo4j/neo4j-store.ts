/**
 * The Neo4j store: neo4j-driver 6, writes as UNWIND batches in one
 * `executeWrite` transaction (retried by the driver on transient errors, so
 * every statement is idempotent), the version counter bumped in that same
 * transaction. Main function: openNeo4jStore.
 */
import neo4j from 'neo4j-driver';
import type { Driver, ManagedTransaction, Node } from 'neo4j-driver';
import { GraphError } from '../../errors.js';
import { emptyLists, refTargets } from '../../model/index.js';
import type {
  AnyEntity,
  ChangeSet,
  EntityMap,
  EntityType,
  Snapshot,
  Stored,
} from '../../model/index.js';
import { checkBaseVersion } from '../graph-store.js';
import type { GraphStore, ListPage, ListQuery, WriteOptions, WriteResult } from '../graph-store.js';
import { foldCase } from '../fold-case.js';
import { CYPHER, TYPE_CYPHER, VERSION_KEY, listCypher } from './cypher.js';
import { translateNeo4jError } from './errors.js';
import { LABEL_OF } from './graph-map.js';
import { runMigrations } from './migrations.js';
import type { MigrationRun } from './migrations.js';
import { entityFromNode, toPlain, toProperties } from './records.js';

export interface Neo4jStoreOptions {
  uri: string;
  user: string;
  password: string;
  /** The database; the server's default when omitted. */
  database?: string;
  /** Apply pending migrations on open (default true). */
  migrate?: boolean;
  /** How long to wait for a connection before answering STORE_UNAVAILABLE, in ms. */
  connectionTimeoutMs?: number;
  /** How long opening keeps trying while the server is starting, in ms (default 30 s). */
  startupWaitMs?: number;
}

/** Rows per UNWIND statement: large changes are cut into batches inside one transaction. */
const BATCH = 5_000;
/** What a statement runs in: a managed (write) or explicit (read) transaction. */
type Runner = Pick<ManagedTransaction, 'run'>;

const TYPE_OF_LABEL = new Map(Object.entries(LABEL_OF).map(([t, l]) => [l, t as EntityType]));

function batches<T>(items: readonly T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += BATCH) out.push(items.slice(i, i + BATCH));
  return out;
}

function numberOf(value: unknown): number {
  const plain = toPlain(value);
  return typeof plain === 'number' ? plain : 0;
}

/** After Neo4j fails to answer, calls fail at once for this long, then the next one tries again. */
const FAIL_FAST_MS = 2_000;

export interface Neo4jStoreTuning {
  /** Overrides FAIL_FAST_MS (tests). */
  failFastMs?: number;
}

export class Neo4jStore implements GraphStore {
  readonly kind = 'neo4j' as const;
  private closed = false;
  /** Until when calls fail fast, because Neo4j did not answer moments ago. */
  private failFastUntil = 0;

  /** Wraps a driver; openNeo4jStore is the usual way in (it checks the server and migrates). */
  constructor(
    private readonly driver: Driver,
    private readonly database: string | undefined,
    private readonly tuning: Neo4jStoreTuning = {},
  ) {}

  /**
   * Runs a driver call with errors translated. While Neo4j is down, callers
   * get STORE_UNAVAILABLE at once instead of each waiting out the driver's
   * timeouts; every FAIL_FAST_MS one call tries again, so service resumes by
   * itself when the server is back.
   */
  private async guard<T>(fn: () => Promise<T>): Promise<T> {
    if (this.closed) throw new GraphError('STORE_UNAVAILABLE', 'the store is closed');
    const wait = this.failFastUntil - Date.now();
    if (wait > 0) {
      throw new GraphError(
        'STORE_UNAVAILABLE',
        'Neo4j did not answer moments ago; try again shortly',
        {
          reason: 'RECENTLY_UNAVAILABLE',
          retryAfterMs: wait,
        },
      );
    }
    try {
      const result = await fn();
      this.failFastUntil = 0;
      return result;
    } catch (error) {
      const translated = translateNeo4jError(error);
      if (translated instanceof GraphError && translated.code === 'STORE_UNAVAILABLE') {
        this.failFastUntil = Date.now() + (this.tuning.failFastMs ?? FAIL_FAST_MS);
      }
      throw translated;
    }
  }

  /**
   * A read transaction without the driver's retries: a read that fails is
   * reported at once (the caller may simply ask again), so a dead server costs
   * one connection timeout rather than the whole retry budget.
   */
  private read<T>(work: (tx: Runner) => Promise<T>): Promise<T> {
    return this.guard(async () => {
      const session = this.driver.session({
        database: this.database,
        defaultAccessMode: neo4j.session.READ,
      });
      try {
        const tx = await session.beginTransaction();
        try {
          const result = await work(tx);
          await tx.commit();
          return result;
        } catch (error) {
          if (tx.isOpen()) await tx.rollback().catch(() => undefined);
          throw error;
        }
      } finally {
        await session.close();
      }
    });
  }

  private static async versionIn(tx: Runner): Promise<number> {
    const result = await tx.run(CYPHER.version, { key: VERSION_KEY });
    return result.records.length === 0 ? 0 : numberOf(result.records[0]!.get('value'));
  }

  version(): Promise<number> {
    return this.read((tx) => Neo4jStore.versionIn(tx));
  }

  /**
   * Streams every entity node in one query. Neo4j reads see committed data, so
   * the version is read before and after; a write in between means read again.
   */
  snapshot(): Promise<Snapshot> {
    return this.read(async (tx) => {
      for (let attempt = 0; ; attempt++) {
        const before = await Neo4jStore.versionIn(tx);
        const entities = emptyLists();
        for await (const record of tx.run(CYPHER.snapshot)) {
          const node = record.get('n') as Node;
          const type = node.labels.map((l) => TYPE_OF_LABEL.get(l)).find((t) => t !== undefined);
          if (type) (entities[type] as Stored<AnyEntity>[]).push(entityFromNode(type, node));
        }
        if ((await Neo4jStore.versionIn(tx)) === before) return { version: before, entities };
        if (attempt >= 4) {
          throw new GraphError('STORE_UNAVAILABLE', 'the graph kept changing while it was read');
        }
      }
    });
  }

  getMany<K extends EntityType>(
    type: K,
    ids: readonly string[],
  ): Promise<(Stored<EntityMap[K]> | null)[]> {
    if (ids.length === 0) return this.guard(async () => []);
    return this.read(async (tx) => {
      const result = await tx.run(TYPE_CYPHER[type].getMany, { ids: [...new Set(ids)] });
      const byId = new Map(
        result.records.map((r) => {
          const entity = entityFromNode(type, r.get('n') as Node);
          return [entity.id, entity];
        }),
      );
      return ids.map((id) => byId.get(id) ?? null);
    });
  }

  findByRef<K extends EntityType>(
    type: K,
    field: string,
    targetIds: readonly string[],
  ): Promise<Stored<EntityMap[K]>[][]> {
    const ref = TYPE_CYPHER[type].refs.find((r) => r.spec.field === field);
    if (!ref) {
      return Promise.reject(
        new GraphError('INVALID_INPUT', `${type} has no reference field '${field}'`),
      );
    }
    return this.read(async (tx) => {
      const result = await tx.run(ref.findBy, { targets: [...new Set(targetIds)] });
      const groups = new Map<string, Stored<EntityMap[K]>[]>();
      for (const record of result.records) {
        const target = record.get('target') as string;
        const group = groups.get(target) ?? groups.set(target, []).get(target)!;
        group.push(entityFromNode(type, record.get('n') as Node));
      }
      return targetIds.map((id) => groups.get(id) ?? []);
    });
  }

  list<K extends EntityType>(type: K, query: ListQuery): Promise<ListPage<Stored<EntityMap[K]>>> {
    const filter = query.filter ?? {};
    const { page, count } = listCypher(type, filter);
    const params = {
      ...filter,
      nameContains: filter.nameContains ? foldCase(filter.nameContains) : undefined,
    };
    return this.read(async (tx) => {
      const rows = await tx.run(page, {
        ...params,
        after: query.afterId ?? null,
        limit: neo4j.int(query.first + 1),
      });
      const total = await tx.run(count, params);
      const items = rows.records
        .slice(0, query.first)
        .map((r) => entityFromNode(type, r.get('n') as Node));
      return {
        items,
        hasNextPage: rows.records.length > query.first,
        totalCount: numberOf(total.records[0]?.get('total')),
      };
    });
  }

  write(changes: ChangeSet, options: WriteOptions = {}): Promise<WriteResult> {
    // Map to properties first: an entity that cannot be stored fails before any statement runs.
    const rowsByType = new Map<EntityType, { index: neo4j.Integer; id: string; props: object }[]>();
    changes.upserts.forEach((u, index) => {
      const rows = rowsByType.get(u.type) ?? rowsByType.set(u.type, []).get(u.type)!;
      rows.push({
        index: neo4j.int(index),
        id: u.entity.id,
        props: toProperties(u.type, u.entity),
      });
    });
    return this.guard(async () => {
      const session = this.driver.session({ database: this.database });
      try {
        return await session.executeWrite((tx) =>
          this.writeInTransaction(tx, changes, rowsByType, options),
        );
      } finally {
        await session.close();
      }
    });
  }

  private async writeInTransaction(
    tx: ManagedTransaction,
    changes: ChangeSet,
    rowsByType: Map<EntityType, { index: neo4j.Integer; id: string; props: object }[]>,
    options: WriteOptions,
  ): Promise<WriteResult> {
    const locked = await tx.run(CYPHER.lockVersion, { key: VERSION_KEY });
    const current = numberOf(locked.records[0]?.get('value'));
    checkBaseVersion(options, current);
    if (changes.upserts.length === 0 && changes.deletes.length === 0) {
      return { version: current, entityVersions: [] };
    }
    const deletes = new Map<EntityType, string[]>();
    for (const d of changes.deletes)
      (deletes.get(d.type) ?? deletes.set(d.type, []).get(d.type)!).push(d.id);
    for (const [type, ids] of deletes) {
      for (const batch of batches(ids)) await tx.run(TYPE_CYPHER[type].delete, { ids: batch });
    }
    const entityVersions = new Array<number>(changes.upserts.length);
    for (const [type, rows] of rowsByType) {
      for (const batch of batches(rows)) {
        const result = await tx.run(TYPE_CYPHER[type].upsert, { rows: batch });
        for (const r of result.records)
          entityVersions[numberOf(r.get('index'))] = numberOf(r.get('version'));
      }
    }
    // References last: every node of the change exists by now.
    for (const [type, rows] of rowsByType) await this.writeRefs(tx, type, rows, changes);
    const bumped = await tx.run(CYPHER.bumpVersion, { key: VERSION_KEY });
    return { version: numberOf(bumped.records[0]?.get('value')), entityVersions };
  }

  private async writeRefs(
    tx: ManagedTransaction,
    type: EntityType,
    rows: { index: neo4j.Integer; id: string }[],
    changes: ChangeSet,
  ): Promise<void> {
    const ids = rows.map((r) => r.id);
    for (const ref of TYPE_CYPHER[type].refs) {
      for (const batch of batches(ids)) await tx.run(ref.clear, { ids: batch });
      const pairs: { id: string; target: string; role?: string }[] = [];
      for (const row of rows) {
        const entity = changes.upserts[numberOf(row.index)]!.entity as AnyEntity;
        if (ref.spec.roleProperty) {
          for (const m of (entity as EntityMap['partnership']).members) {
            pairs.push({ id: entity.id, target: m.actorId, role: m.role });
          }
        } else {
          for (const target of refTargets(entity, ref.spec.ref))
            pairs.push({ id: entity.id, target });
        }
      }
      for (const batch of batches(pairs)) await tx.run(ref.create, { pairs: batch });
    }
  }

  ping(): Promise<void> {
    return this.guard(async () => {
      const session = this.driver.session({ database: this.database });
      try {
        await session.run(CYPHER.ping, {}, { timeout: 3_000 });
      } finally {
        await session.close();
      }
    });
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.driver.close();
  }
}

/** A driver with mandatemap's timeouts: a dead server is reported within seconds. */
export function createNeo4jDriver(options: Neo4jStoreOptions): Driver {
  const timeout = options.connectionTimeoutMs ?? 3_000;
  return neo4j.driver(options.uri, neo4j.auth.basic(options.user, options.password), {
    connectionTimeout: timeout,
    connectionAcquisitionTimeout: timeout,
    maxTransactionRetryTime: 3_000,
  });
}

/** Runs `work` on a driver whose server answers; the driver is closed if `work` fails. */
async function withConnectedDriver<T>(
  options: Neo4jStoreOptions,
  work: (driver: Driver) => Promise<T>,
): Promise<T> {
  const driver = createNeo4jDriver(options);
  try {
    await driver.verifyConnectivity({ database: options.database });
    return await work(driver);
  } catch (error) {
    await driver.close();
    throw translateNeo4jError(error);
  }
}

function connect(options: Neo4jStoreOptions): Promise<Neo4jStore> {
  return withConnectedDriver(options, async (driver) => {
    if (options.migrate !== false) await runMigrations(driver, options.database);
    return new Neo4jStore(driver, options.database);
  });
}

/** `mandatemap migrate` on Neo4j: applies pending migrations, then closes the connection. */
export function migrateNeo4j(options: Neo4jStoreOptions): Promise<MigrationRun> {
  return withConnectedDriver(options, async (driver) => {
    const run = await runMigrations(driver, options.database);
    await driver.close();
    return run;
  });
}

/**
 * Connects, checks the server answers, and applies pending migrations (unless
 * told not to). While the server is unreachable it tries again until
 * `startupWaitMs` has passed; wrong credentials or a bad migration fail at once.
 */
export async function openNeo4jStore(options: Neo4jStoreOptions): Promise<Neo4jStore> {
  const deadline = Date.now() + (options.startupWaitMs ?? 30_000);
  for (;;) {
    try {
      return await connect(options);
    } catch (error) {
      const unreachable =
        error instanceof GraphError &&
        error.code === 'STORE_UNAVAILABLE' &&
        !String(error.details.driverCode ?? '').startsWith('Neo.ClientError.Security.');
      if (!unreachable || Date.now() >= deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, 1_000));
    }
  }
}
