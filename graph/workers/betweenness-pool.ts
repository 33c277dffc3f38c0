/**
 * Betweenness off the request thread: the sources are split across worker
 * threads (one per core) and the partial sums added. Past `exactLimit` nodes a
 * stated approximation samples `sample` sources and scales the result.
 */
import { availableParallelism } from 'node:os';
import { betweennessSources, brandesPartial } from '../analysis/betweenness.js';
import type { Csr } from '../analysis/network.js';
import { spawnWorker } from './spawn.js';

/**
 * Exact Brandes costs about 3.5 ms per source on a 20k-actor, 90k-edge network
 * here; past this many nodes the answer is a stated approximation from
 * BETWEENNESS_SAMPLE evenly spread sources, scaled to the whole.
 */
export const BETWEENNESS_EXACT_LIMIT = 5_000;
export const BETWEENNESS_SAMPLE = 500;

export interface BetweennessResult {
  values: Float64Array;
  exact: boolean;
  sources: number;
}

export interface BetweennessOptions {
  exactLimit?: number;
  sample?: number;
  /** Below this many nodes the work is too small to be worth a thread. */
  inlineBelow?: number;
}

function runWorker(csr: Csr, sources: Int32Array): Promise<Float64Array> {
  const worker = spawnWorker('betweenness-worker', {
    n: csr.n,
    offsets: csr.offsets,
    targets: csr.targets,
    sources,
  });
  return new Promise((resolve, reject) => {
    worker.once('message', (result: Float64Array) => resolve(result));
    worker.once('error', reject);
    worker.once('exit', (code) => {
      if (code !== 0) reject(new Error(`betweenness worker exited with ${code}`));
    });
  });
}

export async function computeBetweenness(
  csr: Csr,
  options: BetweennessOptions = {},
): Promise<BetweennessResult> {
  const { sources, scale } = betweennessSources(
    csr.n,
    options.exactLimit ?? BETWEENNESS_EXACT_LIMIT,
    options.sample ?? BETWEENNESS_SAMPLE,
  );
  const exact = sources.length === csr.n;
  let values: Float64Array;
  if (csr.n < (options.inlineBelow ?? 3_000)) {
    values = brandesPartial(csr, sources);
  } else {
    const threads = Math.max(1, Math.min(availableParallelism(), 8));
    const slices = Array.from({ length: threads }, (_, t) =>
      sources.filter((_, i) => i % threads === t),
    );
    const parts = await Promise.all(
      slices.filter((s) => s.length > 0).map((s) => runWorker(csr, s)),
    );
    values = new Float64Array(csr.n);
    for (const part of parts) for (let i = 0; i < values.length; i += 1) values[i]! += part[i]!;
  }
  return { values: values.map((x) => x * scale), exact, sources: sources.length };
}
