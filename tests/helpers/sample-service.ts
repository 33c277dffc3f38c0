/** A graph service over an in-memory store with the Berg River sample, fresh for each test. */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterEach, beforeEach } from 'vitest';
import { importFile } from '../../graph/io/import-file.js';
import type { ImportReport } from '../../graph/io/report.js';
import { loadBergRiverSample } from '../../graph/samples/load-sample.js';
import { GraphService } from '../../graph/service.js';
import { openSqliteStore } from '../../graph/store/sqlite/sqlite-store.js';

export function fixture(name: string): Buffer {
  return readFileSync(resolve(import.meta.dirname, '../fixtures', name));
}

/** A dry run of text (CSV, TSV) as a file of that name: the report, nothing written. */
export function dryRunText(
  service: GraphService,
  filename: string,
  text: string,
): Promise<ImportReport> {
  return importFile(service, new TextEncoder().encode(text), { filename, dryRun: true });
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
