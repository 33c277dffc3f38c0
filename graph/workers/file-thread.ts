/**
 * Files read off the request thread. A workbook is read in long synchronous
 * stretches (exceljs, which read them before xlsx-read.ts, held the request
 * thread over two seconds at a time for a 5 MB workbook, and the server
 * answered other users 503 meanwhile; xlsx-read.ts takes about half as long). A worker thread reads the file instead (readFile, whatever its
 * format; import-file.ts sends large workbooks here), one file at a time, so
 * that a few large uploads at once do not each hold a file's worth of
 * memory, and with a memory limit of its own: a file that needs more fails
 * as LIMIT_EXCEEDED and the server carries on. Main function: readFileInThread.
 */
import { GraphError } from '../errors.js';
import type { ImportLimits, Parsed, ReadOptions, ReadProgress } from '../io/read-file.js';
import { spawnWorker } from './spawn.js';
import { fromWire } from './wire-error.js';
import type { FileJob, FileMessage } from './file-worker.js';

/**
 * Memory a worker may use to read a file within `limits`: reading a workbook
 * and mapping its rows holds some 4 bytes per unpacked byte (3.4-4.1 on the
 * benchmark's workbooks), a CSV's rows no more per byte of the file; twice
 * that, for room to spare.
 */
export function readingMemoryMb(
  limits: Pick<ImportLimits, 'maxBytes' | 'maxUnpackedBytes'>,
): number {
  const largest = Math.max(limits.maxBytes, limits.maxUnpackedBytes);
  return Math.max(256, Math.ceil((largest * 8) / (1024 * 1024)));
}

/** Files waiting for, or being read by, a worker: one at a time. */
let queue: Promise<unknown> = Promise.resolve();
let started = 0;

/** How many reading threads this thread has started (for tests). */
export function readingThreadsStarted(): number {
  return started;
}

function outOfMemory(memoryMb: number): GraphError {
  return new GraphError(
    'LIMIT_EXCEEDED',
    `reading the file needed more than the ${memoryMb} MB of memory an import may use; nothing was imported (split the file, or save large workbooks as CSV)`,
    { reason: 'MEMORY', max: memoryMb },
  );
}

function readInWorker(
  job: FileJob,
  memoryMb: number,
  onProgress: ReadProgress | undefined,
): Promise<Parsed> {
  return new Promise((resolve, reject) => {
    const worker = spawnWorker('file-worker', job, {
      resourceLimits: { maxOldGenerationSizeMb: memoryMb },
    });
    started += 1;
    // The worker sends each chunk when asked, and this thread asks for the next
    // as it takes one: the worker prepares it while this thread does other work,
    // and no more than one chunk ever waits on the port.
    const askForMore = () => worker.postMessage(null);
    askForMore();
    const parsed: Required<Parsed> = {
      rows: [],
      memberRows: [],
      errors: [],
      warnings: [],
      refused: 0,
    };
    let settled = false;
    const settle = (done: () => void) => {
      if (settled) return;
      settled = true;
      done();
      void worker.terminate();
    };
    worker.on('message', (message: FileMessage) => {
      switch (message.kind) {
        case 'rows':
        case 'memberRows':
        case 'errors':
        case 'warnings': {
          const into = parsed[message.kind] as unknown[];
          askForMore();
          for (const item of message.items) into.push(item);
          break;
        }
        case 'progress':
          onProgress?.(message.stage, message.done, message.total);
          break;
        case 'done': {
          const { memberRows, ...rest } = parsed;
          const result: Parsed = { ...rest, refused: message.refused };
          if (message.hasMemberRows) result.memberRows = memberRows;
          settle(() => resolve(result));
          break;
        }
        case 'failed':
          settle(() => reject(fromWire(message.error, 'reading the file')));
          break;
      }
    });
    worker.on('error', (error: Error & { code?: string }) => {
      const memory = error.code === 'ERR_WORKER_OUT_OF_MEMORY';
      settle(() => reject(memory ? outOfMemory(memoryMb) : error));
    });
    worker.on('exit', (code) => {
      settle(() => reject(new Error(`the file reader stopped (exit code ${code})`)));
    });
  });
}

/**
 * Reads a file as readFile does, in a worker thread, after the files before
 * it; its errors (LIMIT_EXCEEDED, INVALID_INPUT, ...) are readFile's own, and
 * so is its progress. `memoryMb` is what the thread may use (by default
 * readingMemoryMb of the limits).
 */
export function readFileInThread(
  bytes: Uint8Array,
  options: ReadOptions,
  limits: ImportLimits,
  thread: { memoryMb?: number; onProgress?: ReadProgress } = {},
): Promise<Parsed> {
  const memoryMb = thread.memoryMb ?? readingMemoryMb(limits);
  const job: FileJob = {
    bytes,
    options: { filename: options.filename, ...(options.type ? { type: options.type } : {}) },
    limits,
    progress: thread.onProgress !== undefined,
  };
  const read = queue.then(() => readInWorker(job, memoryMb, thread.onProgress));
  queue = read.catch(() => undefined);
  return read;
}
