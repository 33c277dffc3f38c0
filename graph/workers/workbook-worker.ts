/**
 * Worker thread: reads one workbook and ends. It checks what the workbook
 * unpacks to, lets exceljs read it whole (seconds for a large one, which the
 * request thread would otherwise spend blocked), and posts the sheets' cells
 * back a few thousand rows a message. Started by workbook-thread.ts.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { tablesFromXlsx } from '../io/xlsx.js';
import { checkZipSize } from '../io/zip-guard.js';
import { toWire } from './wire-error.js';
import type { WireError } from './wire-error.js';

export interface WorkbookJob {
  bytes: Uint8Array;
  maxUnpackedBytes: number;
  maxRows: number;
  maxColumns: number;
}

/** A sheet is `sheet`, its `rows` in order, then its `unreadable` cells if any; `done` ends the workbook. */
export type WorkbookMessage =
  | { kind: 'sheet'; name: string }
  | { kind: 'rows'; rows: string[][]; lines: number[] }
  | { kind: 'unreadable'; cells: [string, string][] }
  | { kind: 'done' }
  | { kind: 'failed'; error: WireError };

/** Rows per message: the request thread takes each in a few tens of milliseconds. */
const ROWS_PER_MESSAGE = 5_000;

function send(message: WorkbookMessage): void {
  parentPort!.postMessage(message);
}

async function read(job: WorkbookJob): Promise<void> {
  const buffer = Buffer.from(job.bytes.buffer, job.bytes.byteOffset, job.bytes.byteLength);
  checkZipSize(buffer, job.maxUnpackedBytes);
  const sheets = await tablesFromXlsx(buffer, job.maxRows, job.maxColumns);
  for (const { name, table } of sheets) {
    send({ kind: 'sheet', name });
    for (let i = 0; i < table.rows.length; i += ROWS_PER_MESSAGE) {
      const end = i + ROWS_PER_MESSAGE;
      send({ kind: 'rows', rows: table.rows.slice(i, end), lines: table.lines.slice(i, end) });
    }
    if (table.unreadable) send({ kind: 'unreadable', cells: [...table.unreadable] });
  }
  send({ kind: 'done' });
}

read(workerData as WorkbookJob).catch((error: unknown) => {
  send({ kind: 'failed', error: toWire(error) });
});
