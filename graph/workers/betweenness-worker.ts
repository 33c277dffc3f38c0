/** Worker thread: sums Brandes dependencies for a slice of sources. */
import { parentPort, workerData } from 'node:worker_threads';
import { brandesPartial } from '../analysis/betweenness.js';

interface Job {
  n: number;
  offsets: Int32Array;
  targets: Int32Array;
  sources: Int32Array;
}

const job = workerData as Job;
const result = brandesPartial(
  { n: job.n, offsets: job.offsets, targets: job.targets },
  job.sources,
);
parentPort!.postMessage(result, [result.buffer as ArrayBuffer]);
