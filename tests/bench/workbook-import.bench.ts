/**
 * Workbook import (issue 4): the workbook a 20,000-actor graph exports
 * (~130,000 rows over every sheet), imported again as a dry run into an empty
 * store. The figures are the time, how far the process grew (sampled every
 * 50 ms), and the longest the request thread was held (the workbook is read
 * in a worker thread).
 */
import { exportGraph } from '../../graph/io/export.js';
import { importDocument, importFile } from '../../graph/io/import-file.js';
import { syntheticCountry } from '../../graph/samples/synthetic.js';
import { GraphService } from '../../graph/service.js';
import { openSqliteStore } from '../../graph/store/sqlite/sqlite-store.js';
import { exportBytes } from '../helpers/export-bytes.js';
import { longestHold, report } from './report.js';

async function countryWorkbook(actors: number): Promise<Buffer> {
  const service = new GraphService(openSqliteStore({ path: ':memory:' }));
  const doc = syntheticCountry({ actors, mandates: actors * 3 });
  await importDocument(service, doc, { limits: { maxRows: 10_000_000 } });
  const bytes = await exportBytes(await exportGraph(service, 'xlsx'));
  await service.close();
  return bytes;
}

export async function benchWorkbookImport(): Promise<void> {
  const bytes = await countryWorkbook(20_000);
  const service = new GraphService(openSqliteStore({ path: ':memory:' }));
  (globalThis as { gc?: () => void }).gc?.();
  const base = process.memoryUsage().rss;
  let peak = base;
  const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 50);
  const start = performance.now();
  const { holdMs, value: result } = await longestHold(() =>
    importFile(service, bytes, { filename: 'country.xlsx', dryRun: true }),
  );
  const ms = performance.now() - start;
  clearInterval(sampler);
  await service.close();
  if (!result.ok) throw new Error(`bench workbook failed: ${JSON.stringify(result.errors[0])}`);
  const rows = Object.values(result.counts).reduce((a, b) => a + b, 0);
  report(
    `import a ${(bytes.length / 1e6).toFixed(1)} MB workbook (dry run)`,
    ms,
    `${rows} rows, ${Math.round(rows / (ms / 1000))} rows/s; the process grew ${Math.round((peak - base) / 1e6)} MB; request thread held at most ${Math.round(holdMs)} ms`,
  );
}
