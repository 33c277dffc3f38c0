/**
 * Worker thread: reads one file and ends. It reads the file as the request
 * thread would (readFile: a workbook unpacked and read part by part, a
 * CSV parsed, every row mapped onto the model), which takes seconds for a
 * large file, and posts the result back a few thousand rows a message, each
 * once the request thread asks for it: a port delivers the messages waiting
 * on it in one go, so messages sent all at once would hold that thread about
 * as long as reading there would have. Started by file-thread.ts.
 */
import { parentPort, workerData } from 'node:worker_threads';
import type { ImportRow } from '../io/import-plan.js';
import { readFile } from '../io/read-file.js';
import type { ImportLimits, ReadOptions, ReadProgress } from '../io/read-file.js';
import type { ImportProblem } from '../io/report.js';
import { toWire } from './wire-error.js';
import type { WireError } from './wire-error.js';

export interface FileJob {
  bytes: Uint8Array;
  options: ReadOptions;
  limits: ImportLimits;
  /** True when the request thread listens to the reading's progress. */
  progress: boolean;
}

/**
 * Rows, member rows, errors and warnings in order, a chunk at a time; `done`
 * ends the file. `progress` is sent as reading goes, without being asked for,
 * when the job asks for it.
 */
export type FileMessage =
  | { kind: 'rows' | 'memberRows'; items: ImportRow[] }
  | { kind: 'errors' | 'warnings'; items: ImportProblem[] }
  | { kind: 'progress'; stage: Parameters<ReadProgress>[0]; done: number; total: number }
  | { kind: 'done'; refused: number; hasMemberRows: boolean }
  | { kind: 'failed'; error: WireError };

/** Items per message: the request thread takes each in a few tens of milliseconds. */
const ITEMS_PER_MESSAGE = 5_000;

function send(message: FileMessage): void {
  parentPort!.postMessage(message);
}

/** Messages the request thread asked for and has not had yet; `asked` wakes a send that waits for one. */
let credit = 0;
let asked: (() => void) | undefined;
parentPort!.on('message', () => {
  credit += 1;
  asked?.();
  asked = undefined;
});

/** Sends a chunk once the request thread asks for it (it asks for the first one when it starts). */
async function sendWhenAsked(message: FileMessage): Promise<void> {
  if (credit === 0) await new Promise<void>((resolve) => (asked = resolve));
  credit -= 1;
  send(message);
}

async function sendInChunks(
  kind: 'rows' | 'memberRows',
  items: readonly ImportRow[],
): Promise<void>;
async function sendInChunks(
  kind: 'errors' | 'warnings',
  items: readonly ImportProblem[],
): Promise<void>;
async function sendInChunks(kind: FileMessage['kind'], items: readonly unknown[]): Promise<void> {
  for (let i = 0; i < items.length; i += ITEMS_PER_MESSAGE) {
    await sendWhenAsked({ kind, items: items.slice(i, i + ITEMS_PER_MESSAGE) } as FileMessage);
  }
}

async function read({ bytes, options, limits, progress }: FileJob): Promise<void> {
  const parsed = await readFile(
    bytes,
    options,
    limits,
    progress ? (stage, done, total) => send({ kind: 'progress', stage, done, total }) : undefined,
  );
  await sendInChunks('rows', parsed.rows);
  await sendInChunks('memberRows', parsed.memberRows ?? []);
  await sendInChunks('errors', parsed.errors);
  await sendInChunks('warnings', parsed.warnings);
  send({ kind: 'done', refused: parsed.refused, hasMemberRows: parsed.memberRows !== undefined });
}

read(workerData as FileJob).catch((error: unknown) => {
  send({ kind: 'failed', error: toWire(error) });
});
