/**
 * Starts one of this folder's worker scripts. From the TypeScript sources
 * (tests, benchmarks) the worker registers tsx before loading itself; from the
 * build it loads the compiled file.
 */
import { Worker } from 'node:worker_threads';
import type { WorkerOptions } from 'node:worker_threads';

/** `options` go to the Worker as they are (a memory limit, say), besides `workerData`. */
export function spawnWorker(
  name: string,
  workerData?: unknown,
  options: Omit<WorkerOptions, 'workerData' | 'eval'> = {},
): Worker {
  const here = import.meta.url;
  const fromSource = here.endsWith('.ts');
  const url = new URL(`./${name}${fromSource ? '.ts' : '.js'}`, here);
  if (!fromSource) return new Worker(url, { ...options, workerData });
  const bootstrap = `import('tsx/esm/api').then(({ register }) => { register(); return import(${JSON.stringify(url.href)}); })`;
  return new Worker(bootstrap, { ...options, eval: true, workerData });
}
