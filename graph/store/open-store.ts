/** Config -> GraphStore: the one file that knows every adapter. */
import type { GraphStore } from './graph-store.js';
import { migrateNeo4j, openNeo4jStore } from './neo4j/neo4j-store.js';
import { openSqliteStore } from './sqlite/sqlite-store.js';

export interface StoreConfig {
  /** The embedded store's file, or ':memory:'. */
  sqlitePath: string;
  /** When set, Neo4j is the store and `sqlitePath` is not used. */
  neo4j?: { uri: string; user: string; password: string; database?: string };
}

export async function openStore(config: StoreConfig): Promise<GraphStore> {
  if (config.neo4j) return openNeo4jStore(config.neo4j);
  return openSqliteStore({ path: config.sqlitePath });
}

/** What `mandatemap migrate` did. */
export interface MigrateOutcome {
  store: 'sqlite' | 'neo4j';
  applied: string[];
  alreadyApplied: string[];
}

/**
 * Brings the configured store's schema up to date. Neo4j applies migrations/;
 * the embedded store migrates its own schema whenever it is opened.
 */
export async function migrateStore(config: StoreConfig): Promise<MigrateOutcome> {
  if (config.neo4j) {
    return { store: 'neo4j', ...(await migrateNeo4j(config.neo4j)) };
  }
  const store = openSqliteStore({ path: config.sqlitePath });
  await store.close();
  return { store: 'sqlite', applied: [], alreadyApplied: ['embedded schema (migrated on open)'] };
}
