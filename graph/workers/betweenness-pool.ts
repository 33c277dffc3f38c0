/**
 * Betweenness off the request thread: the sources are split across worker
 * threads (one per core) and the partial sums added. Past `exactLimit` nodes a
 * stated approximation samples `sample` sources and scales the result.
 */
import { availableParallelism } from 'node:os';
import type { Worker } from 'node:worker_threads';
import { everyNode, spreadSample, valuesByNode } from '../analysis/betweenness.js';
import { foldSources, planBetweenness } from '../analysis/betweenness-plan.js';
import { dependencySums } from '../analysis/kernel/betweenness-kernel.js';
import type { Csr } from '../analysis/network.js';
import type { BetweennessJob, BetweennessReply } from './betweenness-worker.js';
import { spawnWorker } from './spawn.js';

/**
 * Exact betweenness costs about 0.4 ms per source searched on a 20k-actor,
 * 83k-edge network here (17k sources once pendant trees are folded; two
 * threads: ~3.5–4 s for all of it); past this many nodes the answer is a
 * stated approximation from BETWEENNESS_SAMPLE evenly spread sources, scaled
 * to the whole. Nodes of pendant trees get their exact value either way.
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

/**
 * Worker threads kept between runs (starting one costs tens of milliseconds,
 * several hundred from the TypeScript sources), unreferenced while idle so
 * they never keep the process alive. A worker that fails is dropped and its
 * runs refused; the next run starts a fresh one.
 */
interface Helper {
  worker: Worker;
  pending: Map<number, { resolve: (sums: Float64Array) => void; reject: (e: Error) => void }>;
}

const helpers: Helper[] = [];
let nextJob = 0;
let started = 0;

/** How many betweenness worker threads this thread has started (for tests). */
export function betweennessWorkersStarted(): number {
  return started;
}

function startHelper(): Helper {
  const helper: Helper = { worker: spawnWorker('betweenness-worker'), pending: new Map() };
  started += 1;
  const fail = (error: Error): void => {
    const at = helpers.indexOf(helper);
    if (at >= 0) helpers.splice(at, 1);
    for (const job of helper.pending.values()) job.reject(error);
    helper.pending.clear();
  };
  helper.worker.on('message', (reply: BetweennessReply) => {
    const job = helper.pending.get(reply.id);
    if (!job) return;
    helper.pending.delete(reply.id);
    if (helper.pending.size === 0) helper.worker.unref();
    if ('error' in reply) job.reject(new Error(`betweenness failed: ${reply.error}`));
    else job.resolve(reply.sums);
  });
  helper.worker.on('error', fail);
  helper.worker.on('exit', (code) => fail(new Error(`betweenness worker exited with ${code}`)));
  helper.worker.unref();
  return helper;
}

function runOn(
  helper: Helper,
  csr: Csr,
  sources: Int32Array,
  weights: Float64Array,
  targetWeights: Float64Array | undefined,
): Promise<Float64Array> {
  const id = (nextJob += 1);
  const job: BetweennessJob = { id, ...csr, sources, weights, targetWeights };
  return new Promise((resolve, reject) => {
    helper.pending.set(id, { resolve, reject });
    helper.worker.ref();
    helper.worker.postMessage(job);
  });
}

/** dependencySums on the worker threads: contiguous runs of sources, whole batches of 32, one per thread. */
export async function dependencySumsOnWorkers(
  csr: Csr,
  sources: Int32Array,
  weights: Float64Array,
  targetWeights?: Float64Array,
): Promise<Float64Array> {
  const threads = Math.max(1, Math.min(availableParallelism(), 8));
  const per = Math.ceil(sources.length / threads / 32) * 32;
  const runs: Promise<Float64Array>[] = [];
  for (let start = 0, t = 0; start < sources.length; start += per, t += 1) {
    const end = Math.min(sources.length, start + per);
    const helper = helpers[t] ?? startHelper();
    helpers[t] = helper;
    runs.push(
      runOn(helper, csr, sources.slice(start, end), weights.slice(start, end), targetWeights),
    );
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
  const chosen = exact
    ? everyNode(csr.n)
    : spreadSample(csr.n, options.sample ?? BETWEENNESS_SAMPLE);
  const { sources, weights, extra } = foldSources(plan, chosen);
  const { targetWeights } = plan;
  const sums =
    csr.n < (options.inlineBelow ?? 3_000)
      ? dependencySums(plan.csr, sources, weights, { targetWeights })
      : await dependencySumsOnWorkers(plan.csr, sources, weights, targetWeights);
  const values = valuesByNode(plan, sums, extra, (0.5 * csr.n) / Math.max(1, chosen.length));
  return { values, exact, sources: chosen.length };
}
