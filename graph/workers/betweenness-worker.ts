/**
 * Worker thread: sums betweenness dependencies for runs of sources, one job per
 * message, for as long as the pool keeps it.
 */
import { parentPort } from 'node:worker_threads';
import { dependencySums } from '../analysis/kernel/betweenness-kernel.js';

export interface BetweennessJob {
  id: number;
  n: number;
  offsets: Int32Array;
  targets: Int32Array;
  sources: Int32Array;
  weights: Float64Array;
  targetWeights: Float64Array | undefined;
}

export type BetweennessReply = { id: number; sums: Float64Array } | { id: number; error: string };

parentPort!.on('message', (job: BetweennessJob) => {
  let sums: Float64Array;
  try {
    sums = dependencySums(
      { n: job.n, offsets: job.offsets, targets: job.targets },
      job.sources,
      job.weights,
      { targetWeights: job.targetWeights },
    );
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    parentPort!.postMessage({ id: job.id, error: message } satisfies BetweennessReply);
    return;
  }
  parentPort!.postMessage({ id: job.id, sums } satisfies BetweennessReply, [
    sums.buffer as ArrayBuffer,
  ]);
});
