/**
 * A file as its format reads it: CSV (or TSV), a workbook, or JSON (the
 * model's shape or a Kumu blueprint) -> import rows and the problems found on
 * the way, before anything is looked up in the graph. Runs on the request
 * thread, or in a worker thread for a large workbook (import-file.ts decides;
 * workers/file-thread.ts). Main function: readFile.
 */
import { extname, basename } from 'node:path';
import { GraphError } from '../errors.js';
import type { EntityType } from '../model/index.js';
import { decodeText, parseCsvInTurns } from './csv.js';
import type { ImportRow } from './import-plan.js';
import { rowsFromDocument } from './json.js';
import { isKumuBlueprint, tablesFromBlueprint } from './kumu-json.js';
import type { ImportProblem } from './report.js';
import { rowsFromSheets } from './sheets.js';
import { tablesFromXlsx } from './xlsx-read.js';
import type { Sheet } from './xlsx-read.js';
import { typeNamed } from './type-names.js';
import { checkContent, isWorkbookFormat } from './sniff.js';
import { filledRows } from './table.js';
import { checkZipSize } from './zip-guard.js';
import { typeFromName, typeHint } from './file-type.js';
import type { TableType } from './file-type.js';

/** What reading a file needs to know besides its bytes. */
export interface ReadOptions {
  filename: string;
  /** What a CSV (or a workbook's single unnamed sheet) holds; by default told from the file name, else actors. */
  type?: EntityType;
}

export interface ImportLimits {
  maxBytes: number;
  maxRows: number;
  maxColumns: number;
  /** What an .xlsx may unpack to (a 1 MB workbook can inflate to hundreds of MB). */
  maxUnpackedBytes: number;
}

export const DEFAULT_IMPORT_LIMITS: ImportLimits = {
  maxBytes: 50 * 1024 * 1024,
  maxRows: 500_000,
  maxColumns: 200,
  // reading a workbook holds ~4 bytes of memory per unpacked byte: 100 MiB
  // (some 200,000 rows) peaks near 0.4 GB
  maxUnpackedBytes: 100 * 1024 * 1024,
};

export const SUPPORTED_IMPORT_FORMATS = ['csv', 'tsv', 'txt', 'json', 'xlsx', 'xlsm'] as const;

function sheetKind(name: string): TableType {
  const key = name.trim().toLowerCase();
  if (key === 'elements') return 'kumu-elements';
  if (key === 'connections') return 'kumu-connections';
  return typeNamed(name);
}

function parseJson(bytes: Uint8Array): unknown {
  const text = decodeText(bytes);
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new GraphError(
      'INVALID_INPUT',
      `the file is not valid JSON: ${(error as Error).message}`,
      { reason: 'INVALID_JSON' },
    );
  }
}

/**
 * Where reading a file is: 'parsing' its bytes (done and total in bytes),
 * then 'mapping' its rows onto the model (in rows).
 */
export type ReadProgress = (stage: 'parsing' | 'mapping', done: number, total: number) => void;

export interface Parsed {
  rows: ImportRow[];
  errors: ImportProblem[];
  warnings: ImportProblem[];
  /** Rows read that a reader refused outright: they count as rejected. */
  refused: number;
  /** Rows of members sheets, to fold into their partnerships. */
  memberRows?: ImportRow[];
}

/**
 * The rows of a file, mapped onto the model's fields, with the problems its
 * reader found: nothing is looked up in the graph yet.
 */
export async function readFile(
  bytes: Uint8Array,
  options: ReadOptions,
  limits: ImportLimits,
  onProgress?: ReadProgress,
): Promise<Parsed> {
  const format = extname(options.filename).slice(1).toLowerCase();
  const parsing = (share: number) =>
    onProgress?.('parsing', Math.round(share * bytes.byteLength), bytes.byteLength);
  const mapping =
    onProgress && ((done: number, total: number) => onProgress('mapping', done, total));
  if ((SUPPORTED_IMPORT_FORMATS as readonly string[]).includes(format) || format === 'xls') {
    checkContent(bytes, format);
  }
  if (format === 'json') {
    const document = parseJson(bytes);
    parsing(1);
    return jsonRows(document, limits.maxRows);
  }
  if (format === 'csv' || format === 'tsv' || format === 'txt') {
    // other requests get turns while a large file is parsed
    const table = await parseCsvInTurns(
      bytes,
      { maxRows: limits.maxRows, ...(format === 'tsv' ? { delimiter: '\t' } : {}) },
      undefined,
      parsing,
    );
    parsing(1);
    const width = table.rows.reduce((max, r) => Math.max(max, r.length), 0);
    if (width > limits.maxColumns) {
      throw new GraphError(
        'LIMIT_EXCEEDED',
        `the file has ${width} columns, more than ${limits.maxColumns}`,
        { max: limits.maxColumns },
      );
    }
    const named = options.type ?? typeFromName(options.filename);
    const name = basename(options.filename);
    const hint = named ? undefined : typeHint(name, table.rows[0] ?? [], 'actor');
    // read as actors, the columns of another type are all wrong: the hint is what to do
    if (hint) return { rows: [], errors: [hint], warnings: [], refused: filledRows(table) };
    return rowsFromSheets([{ name, type: named ?? 'actor', table }], 'actor', mapping);
  }
  if (isWorkbookFormat(format)) {
    const sheets = readWorkbook(bytes, limits, parsing);
    // its sheets tell their share as they are read; a workbook without one is read all the same
    if (sheets.length === 0) parsing(1);
    const named = sheets.map((sh) => ({
      name: sh.name,
      type: sheetKind(sh.name),
      table: sh.table,
    }));
    return rowsFromSheets(named, options.type ?? 'actor', mapping);
  }
  throw new GraphError(
    'INVALID_INPUT',
    `cannot import '.${format}' files; supported: ${SUPPORTED_IMPORT_FORMATS.map((f) => `.${f}`).join(', ')}`,
    { reason: 'UNSUPPORTED_FORMAT', format },
  );
}

/** A workbook's sheets, once its unpacked size is checked; `onRead` is told the share of them read. */
function readWorkbook(
  bytes: Uint8Array,
  limits: ImportLimits,
  onRead?: (share: number) => void,
): Sheet[] {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const entries = checkZipSize(buffer, limits.maxUnpackedBytes);
  return tablesFromXlsx(entries, { ...limits, maxPartBytes: limits.maxUnpackedBytes }, onRead);
}

/** Refuses a JSON document whole when it has more than `maxRows` items. */
function checkItems(items: number, maxRows: number): void {
  if (items > maxRows) {
    throw new GraphError('LIMIT_EXCEEDED', `the document has ${items} rows, more than ${maxRows}`, {
      max: maxRows,
    });
  }
}

/** The rows of a JSON document: a Kumu blueprint, else one in the model's shape. */
export function jsonRows(document: unknown, maxRows: number): Parsed {
  return isKumuBlueprint(document)
    ? blueprintRows(document, maxRows)
    : documentRows(document, maxRows);
}

/** The rows of a JSON document in the model's shape. */
function documentRows(document: unknown, maxRows: number): Parsed {
  const parsed = rowsFromDocument(document);
  checkItems(parsed.rows.length, maxRows);
  return { ...parsed, warnings: [] };
}

/** The rows of a Kumu blueprint, read as its Elements and Connections sheets would be. */
function blueprintRows(document: Record<string, unknown>, maxRows: number): Parsed {
  const { sheets, errors, warnings, refused } = tablesFromBlueprint(document);
  checkItems(sheets.reduce((n, s) => n + s.table.rows.length - 1, 0) + refused, maxRows);
  const read = rowsFromSheets(sheets, 'actor');
  return {
    ...read,
    errors: [...errors, ...read.errors],
    warnings: [...warnings, ...read.warnings],
    refused: refused + read.refused,
  };
}
