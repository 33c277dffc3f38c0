/** A graph service over an in-memory store with the Berg River sample, fresh for each test. */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterEach, beforeEach } from 'vitest';
import { loadBergRiverSample } from '../../graph/samples/load-sample.js';
import { GraphService } from '../../graph/service.js';
import { openSqliteStore } from '../../graph/store/sqlite/sqlite-store.js';

export function fixture(name: string): Buffer {
  return readFileSync(resolve(import.meta.dirname, '../fixtures', name));
}

/** Registers hooks that open and close the service; read `.current` inside tests. */
export function useSampleService(): { current: GraphService } {
  const holder = {} as { current: GraphService };
  beforeEach(async () => {
    holder.current = new GraphService(openSqliteStore({ path: ':memory:' }));
    await loadBergRiverSample(holder.current);
  });
  afterEach(async () => holder.current.close());
  return holder;
}
