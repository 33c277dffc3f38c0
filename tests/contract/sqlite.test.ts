import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openSqliteStore } from '../../graph/store/sqlite/sqlite-store.js';
import { describeGraphStoreContract } from './graph-store.contract.js';

describeGraphStoreContract('sqlite :memory:', async () => openSqliteStore({ path: ':memory:' }));
describeGraphStoreContract('sqlite file (WAL)', async () =>
  openSqliteStore({ path: join(mkdtempSync(join(tmpdir(), 'mm-contract-')), 'graph.db') }),
);
