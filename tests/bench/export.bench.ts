/**
 * Export benchmarks (issue 4): the country-scale graph the import bench leaves
 * behind, exported as CSV, JSON and a workbook. Each export streams: the
 * figures are the whole export, its first chunk, and how far the heap grew
 * while it was read (sampled at every chunk).
 */
import { exportGraph } from '../../graph/io/export.js';
import type { ExportOptions } from '../../graph/io/export.js';
import type { GraphService } from '../../graph/service.js';
import { report } from './report.js';

async function measure(service: GraphService, format: string, options: ExportOptions) {
  (globalThis as { gc?: () => void }).gc?.();
  const base = process.memoryUsage().heapUsed;
  const start = performance.now();
  const result = await exportGraph(service, format, options);
  let first = 0;
  let bytes = 0;
  let peak = base;
  for await (const chunk of result.chunks) {
    if (first === 0) first = performance.now() - start;
    bytes += Buffer.byteLength(chunk);
    peak = Math.max(peak, process.memoryUsage().heapUsed);
  }
  return { ms: performance.now() - start, first, bytes, grew: peak - base };
}

export async function benchExport(service: GraphService): Promise<void> {
  const state = await service.state();
  const count = (type: 'actor' | 'mandate') => state.entities[type].size;
  for (const [label, format, options] of [
    [`export ${count('mandate')} mandates as CSV`, 'csv', { entity: 'mandate' }],
    ['export the whole graph as JSON', 'json', {}],
    ['export the whole graph as a workbook', 'xlsx', {}],
  ] as const) {
    const run = await measure(service, format, options);
    const mb = (n: number) => `${(n / 1024 / 1024).toFixed(0)} MB`;
    report(
      label,
      run.ms,
      `${mb(run.bytes)} file; first chunk after ${run.first.toFixed(0)} ms; heap grew ${mb(run.grew)} while it streamed`,
    );
  }
}
