/**
 * Betweenness off the request thread: the sources are split across worker
 * threads (one per core) and the partial sums added. Past `exactLimit` nodes a
 * stated approximation samples `sample` sources and scales the result.
 */
import { availableParallelism } from 'node:os';
import { dependencySums, spreadSample } from '../analysis/betweenness.js';
import { planBetweenness } from '../analysis/betweenness-plan.js';
import type { Csr } from '../analysis/network.js';
import { spawnWorker } from './spawn.js';

/**
 * Exact betweenness costs about 0.8–1 ms per source on a 20k-actor, 83k-edge
 * network here (two threads: ~8–10 s for all of it); past this many nodes the
 * answer is a stated approximation from BETWEENNESS_SAMPLE evenly spread
 * sources, scaled to the whole.
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

function runWorker(csr: Csr, sources: Int32Array, weights: Float64Array): Promise<Float64Array> {
  const worker = spawnWorker('betweenness-worker', {
    n: csr.n,
    offsets: csr.offsets,
    targets: csr.targets,
    sources,
    weights,
  });
  return new Promise((resolve, reject) => {
    worker.once('message', (result: Float64Array) => resolve(result));
    worker.once('error', reject);
    worker.once('exit', (code) => {
      if (code !== 0) reject(new Error(`betweenness worker exited with ${code}`));
    });
  });
}

/** Contiguous runs of sources, whole batches of 32 each, one per thread. */
async function threadedSums(
  csr: Csr,
  sources: Int32Array,
  weights: Float64Array,
): Promise<Float64Array> {
  const threads = Math.max(1, Math.min(availableParallelism(), 8));
  const per = Math.ceil(sources.length / threads / 32) * 32;
  const runs: Promise<Float64Array>[] = [];
  for (let start = 0; start < sources.length; start += per) {
    const end = Math.min(sources.length, start + per);
    runs.push(runWorker(csr, sources.slice(start, end), weights.slice(start, end)));
  }
  const sums = new Float64Array(csr.n);
  for (const part of await Promise.all(runs)) {
    for (let i = 0; i < sums.length; i += 1) sums[i]! += part[i]!;
  }
  return sums;
}

export async function computeBetweenness(
  csr: Csr,
  options: BetweennessOptions = {},
): Promise<BetweennessResult> {
  const plan = planBetweenness(csr);
  const exact = csr.n <= (options.exactLimit ?? BETWEENNESS_EXACT_LIMIT);
  let sources = plan.sources;
  let weights = plan.weights;
  let scale = 0.5;
  if (!exact) {
    const sample = spreadSample(csr.n, options.sample ?? BETWEENNESS_SAMPLE);
    sources = sample.map((v) => plan.position[v]!).sort();
    weights = new Float64Array(sources.length).fill(1);
    scale = (0.5 * csr.n) / sources.length;
  }
  const sums =
    csr.n < (options.inlineBelow ?? 3_000)
      ? dependencySums(plan.csr, sources, weights)
      : await threadedSums(plan.csr, sources, weights);
  const values = Float64Array.from({ length: csr.n }, (_, v) => {
    const k = plan.position[v]!;
    return (sums[k]! + (exact ? plan.extra[k]! : 0)) * scale;
  });
  return { values, exact, sources: exact ? csr.n : sources.length };
}
