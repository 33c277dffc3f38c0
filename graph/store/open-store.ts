/** Config -> GraphStore: the one file that knows every adapter. */
import type { GraphStore } from './graph-store.js';
import { openSqliteStore } from './sqlite/sqlite-store.js';

export interface StoreConfig {
  sqlitePath: string;
}

export async function openStore(config: StoreConfig): Promise<GraphStore> {
  return openSqliteStore({ path: config.sqlitePath });
}
