/**
 * Import of a file as a user hands it over: limits checked first, the format
 * told by its name, parsed, mapped, names resolved, then committed all or
 * nothing (or only reported, on a dry run). Main function: importFile.
 */
import { extname } from 'node:path';
import { setImmediate as nextTurn } from 'node:timers/promises';
import { GraphError } from '../errors.js';
import type { EntityType, GraphState } from '../model/index.js';
import type { Author, GraphService } from '../service.js';
import { readFileInThread } from '../workers/file-thread.js';
import { importRows } from './import-plan.js';
import type { ImportProgress } from './import-plan.js';
import type { ImportReport } from './report.js';
import { likelyDuplicates } from './likely-duplicates.js';
import { foldMembers } from './members-sheet.js';
import { DEFAULT_IMPORT_LIMITS, jsonRows, readFile } from './read-file.js';
import type { ImportLimits, Parsed } from './read-file.js';
import { resolveNames } from './resolve-names.js';
import { idsFromStoredNames, withStoredMembers } from './stored-values.js';
import { isWorkbookFormat } from './sniff.js';

export { DEFAULT_IMPORT_LIMITS, SUPPORTED_IMPORT_FORMATS } from './read-file.js';
export type { ImportLimits } from './read-file.js';

export interface FileImportOptions {
  filename: string;
  /** Who asked, for the audit log. */
  author?: Author;
  /** What a CSV (or a workbook's single unnamed sheet) holds; by default told from the file name, else actors. */
  type?: EntityType;
  dryRun?: boolean;
  limits?: Partial<ImportLimits>;
  onProgress?: ImportProgress;
}

/**
 * Workbooks from this size on are read in a worker thread, so that the server
 * answers other requests meanwhile: reading one holds the thread about a
 * third of a millisecond per kilobyte of workbook (2.8 s for 7.8 MB), each
 * sheet in one stretch. CSV and JSON are read here: some 70 ms per megabyte,
 * and the thread would cost more than it saves (it starts cold and copies its
 * rows back, 1-2 s more for 300,000 rows, while writing them holds this thread
 * anyway).
 */
export const READ_IN_THREAD_FROM = 256 * 1024;

/** True when a file of this name and size is read in a worker thread. */
export function readsInThread(bytes: Uint8Array, filename: string): boolean {
  const format = extname(filename).slice(1).toLowerCase();
  return isWorkbookFormat(format) && bytes.byteLength >= READ_IN_THREAD_FROM;
}

export type DocumentImportOptions = Omit<FileImportOptions, 'filename' | 'type'>;

/**
 * Imports a JSON document in the model's own shape, or a Kumu blueprint
 * (GraphQL `importData`), exactly as the same document in a .json file:
 * names resolved, look-alikes warned of, the row limit checked.
 */
export async function importDocument(
  service: GraphService,
  document: unknown,
  options: DocumentImportOptions = {},
): Promise<ImportReport> {
  const limits = { ...DEFAULT_IMPORT_LIMITS, ...options.limits };
  const state = await service.state();
  return importParsed(service, state, jsonRows(document, limits.maxRows), options);
}

export async function importFile(
  service: GraphService,
  bytes: Uint8Array,
  options: FileImportOptions,
): Promise<ImportReport> {
  const limits = { ...DEFAULT_IMPORT_LIMITS, ...options.limits };
  if (bytes.byteLength > limits.maxBytes) {
    throw new GraphError(
      'LIMIT_EXCEEDED',
      `the file is ${bytes.byteLength} bytes, more than ${limits.maxBytes}`,
      { max: limits.maxBytes },
    );
  }
  const state = await service.state();
  const { onProgress } = options;
  // a workbook may wait for the files before it (workers/file-thread.ts)
  onProgress?.('parsing', 0, bytes.byteLength);
  const parsed = readsInThread(bytes, options.filename)
    ? await readFileInThread(bytes, options, limits, { onProgress })
    : await readFile(bytes, options, limits, onProgress);
  return importParsed(service, state, parsed, options);
}

/** What every import does once its rows are read: names resolved, look-alikes found, rows checked and committed. */
async function importParsed(
  service: GraphService,
  state: GraphState,
  parsed: Parsed,
  options: DocumentImportOptions,
): Promise<ImportReport> {
  // names are found and resolved before the rows are checked one by one
  options.onProgress?.('checking', 0, parsed.rows.length);
  // Between the steps of a large file, other requests get a turn.
  await nextTurn();
  idsFromStoredNames(parsed.rows, state);
  // members rows find their partnerships by the ids just found, before names are resolved
  const folded = foldMembers(parsed.rows, parsed.memberRows ?? [], state);
  const ambiguous = resolveNames(parsed.rows, state);
  withStoredMembers(parsed.rows, state);
  await nextTurn();
  const warnings = [...parsed.warnings, ...likelyDuplicates(parsed.rows, state)];
  await nextTurn();
  return importRows(
    service,
    parsed.rows,
    { dryRun: options.dryRun, onProgress: options.onProgress, author: options.author },
    {
      errors: [...parsed.errors, ...folded.problems, ...ambiguous],
      warnings,
      refused: parsed.refused + folded.refused,
    },
  );
}
