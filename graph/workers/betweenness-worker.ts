/** Worker thread: sums betweenness dependencies for a run of sources. */
import { parentPort, workerData } from 'node:worker_threads';
import { dependencySums } from '../analysis/betweenness.js';

interface Job {
  n: number;
  offsets: Int32Array;
  targets: Int32Array;
  sources: Int32Array;
  weights: Float64Array;
}

const job = workerData as Job;
const result = dependencySums(
  { n: job.n, offsets: job.offsets, targets: job.targets },
  job.sources,
  job.weights,
);
parentPort!.postMessage(result, [result.buffer as ArrayBuffer]);
