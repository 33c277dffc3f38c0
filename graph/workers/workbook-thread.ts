/**
 * Workbooks read off the request thread. exceljs reads a workbook whole and
 * in long synchronous stretches: a 5 MB workbook held the request thread for
 * over two seconds at a time, and the server answered other users 503
 * meanwhile. A worker thread reads it instead, one workbook at a time (so
 * that a few large uploads at once do not each hold a workbook's worth of
 * memory), with a memory limit of its own: a workbook that needs more fails
 * as LIMIT_EXCEEDED and the server carries on.
 * Main function: readWorkbookInThread.
 */
import { GraphError } from '../errors.js';
import type { Sheet } from '../io/xlsx.js';
import type { Table } from '../io/table.js';
import { typeNamed } from '../io/type-names.js';
import { spawnWorker } from './spawn.js';
import { fromWire } from './wire-error.js';
import type { WorkbookJob, WorkbookMessage } from './workbook-worker.js';

export type WorkbookLimits = Omit<WorkbookJob, 'bytes'>;

/**
 * Memory a worker may use to read a workbook that unpacks to at most
 * `unpackedBytes`: exceljs holds some 16 bytes per unpacked byte (xlsx.ts),
 * with room to spare.
 */
export function workbookMemoryMb(unpackedBytes: number): number {
  return Math.max(256, Math.ceil((unpackedBytes * 24) / (1024 * 1024)));
}

/** Workbooks waiting for, or being read by, the worker: one at a time. */
let queue: Promise<unknown> = Promise.resolve();
let started = 0;

/** How many workbook threads this thread has started (for tests). */
export function workbookThreadsStarted(): number {
  return started;
}

function outOfMemory(memoryMb: number): GraphError {
  return new GraphError(
    'LIMIT_EXCEEDED',
    `reading the workbook needed more than the ${memoryMb} MB of memory an import may use; nothing was imported (save large sheets as CSV)`,
    { reason: 'MEMORY', max: memoryMb },
  );
}

function readInWorker(
  bytes: Uint8Array,
  limits: WorkbookLimits,
  memoryMb: number,
): Promise<Sheet[]> {
  return new Promise((resolve, reject) => {
    const job: WorkbookJob = { ...limits, bytes };
    const worker = spawnWorker('workbook-worker', job, {
      resourceLimits: { maxOldGenerationSizeMb: memoryMb },
    });
    started += 1;
    const sheets: Sheet[] = [];
    let table: Table | undefined;
    let settled = false;
    const settle = (done: () => void) => {
      if (settled) return;
      settled = true;
      done();
      void worker.terminate();
    };
    worker.on('message', (message: WorkbookMessage) => {
      switch (message.kind) {
        case 'sheet':
          table = { rows: [], lines: [] };
          sheets.push({ name: message.name, type: typeNamed(message.name), table });
          break;
        case 'rows':
          for (const row of message.rows) table!.rows.push(row);
          for (const line of message.lines) table!.lines.push(line);
          break;
        case 'unreadable':
          table!.unreadable = new Map(message.cells);
          break;
        case 'done':
          settle(() => resolve(sheets));
          break;
        case 'failed':
          settle(() => reject(fromWire(message.error, 'reading the workbook')));
          break;
      }
    });
    worker.on('error', (error: Error & { code?: string }) => {
      const memory = error.code === 'ERR_WORKER_OUT_OF_MEMORY';
      settle(() => reject(memory ? outOfMemory(memoryMb) : error));
    });
    worker.on('exit', (code) => {
      settle(() => reject(new Error(`the workbook reader stopped (exit code ${code})`)));
    });
  });
}

/**
 * The sheets of a workbook, read in a worker thread after the workbooks
 * before it: its unpacked size is checked there first (LIMIT_EXCEEDED), then
 * its rows and columns, as tablesFromXlsx does.
 */
export function readWorkbookInThread(
  bytes: Uint8Array,
  limits: WorkbookLimits,
  memoryMb = workbookMemoryMb(limits.maxUnpackedBytes),
): Promise<Sheet[]> {
  const read = queue.then(() => readInWorker(bytes, limits, memoryMb));
  queue = read.catch(() => undefined);
  return read;
}
