/**
 * Import of a file as a user hands it over: limits checked first, the format
 * told by its name, parsed, mapped, names resolved, then committed all or
 * nothing (or only reported, on a dry run). Main function: importFile.
 */
import { extname, basename } from 'node:path';
import { setImmediate as nextTurn } from 'node:timers/promises';
import { GraphError } from '../errors.js';
import type { EntityType, GraphState } from '../model/index.js';
import type { Author, GraphService } from '../service.js';
import { decodeText, parseCsv } from './csv.js';
import { importRows } from './import-plan.js';
import type { ImportProgress, ImportRow } from './import-plan.js';
import { rowsFromDocument } from './json.js';
import { isKumuBlueprint, tablesFromBlueprint } from './kumu-json.js';
import type { ImportProblem, ImportReport } from './report.js';
import { likelyDuplicates } from './likely-duplicates.js';
import { foldMembers } from './members-sheet.js';
import { resolveNames } from './resolve-names.js';
import { rowsFromSheets } from './sheets.js';
import { idsFromStoredNames, withStoredMembers } from './stored-values.js';
import { tablesFromXlsx } from './xlsx.js';
import type { Sheet } from './xlsx.js';
import { readWorkbookInThread } from '../workers/workbook-thread.js';
import { typeNamed } from './type-names.js';
import { checkContent } from './sniff.js';
import { filledRows } from './table.js';
import { checkZipSize } from './zip-guard.js';
import { typeFromName, typeHint } from './file-type.js';
import type { TableType } from './file-type.js';

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
  // exceljs reads a workbook whole, at ~16 bytes of memory per unpacked byte:
  // 100 MiB (some 200,000 rows) peaks near 1.7 GB
  maxUnpackedBytes: 100 * 1024 * 1024,
};

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

export const SUPPORTED_IMPORT_FORMATS = ['csv', 'tsv', 'txt', 'json', 'xlsx'] as const;

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

interface Parsed {
  rows: ImportRow[];
  errors: ImportProblem[];
  warnings: ImportProblem[];
  /** Rows read that a reader refused outright: they count as rejected. */
  refused: number;
  /** Rows of members sheets, to fold into their partnerships. */
  memberRows?: ImportRow[];
}

async function parseFile(
  bytes: Uint8Array,
  options: FileImportOptions,
  limits: ImportLimits,
): Promise<Parsed> {
  const format = extname(options.filename).slice(1).toLowerCase();
  if ((SUPPORTED_IMPORT_FORMATS as readonly string[]).includes(format) || format === 'xls') {
    checkContent(bytes, format);
  }
  if (format === 'json') return jsonRows(parseJson(bytes), limits.maxRows);
  if (format === 'csv' || format === 'tsv' || format === 'txt') {
    const table = parseCsv(bytes, {
      maxRows: limits.maxRows,
      ...(format === 'tsv' ? { delimiter: '\t' } : {}),
    });
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
    return rowsFromSheets([{ name, type: named ?? 'actor', table }], 'actor');
  }
  if (format === 'xlsx') {
    const sheets = await readWorkbook(bytes, limits);
    const named = sheets.map((sh) => ({
      name: sh.name,
      type: sheetKind(sh.name),
      table: sh.table,
    }));
    return rowsFromSheets(named, options.type ?? 'actor');
  }
  throw new GraphError(
    'INVALID_INPUT',
    `cannot import '.${format}' files; supported: ${SUPPORTED_IMPORT_FORMATS.map((f) => `.${f}`).join(', ')}`,
    { reason: 'UNSUPPORTED_FORMAT', format },
  );
}

/** Refuses a JSON document whole when it has more than `maxRows` items. */
/**
 * Workbooks from this size on are read in a worker thread. exceljs holds the
 * thread about a millisecond per kilobyte of workbook; a worker takes tens of
 * milliseconds to start.
 */
export const WORKBOOK_THREAD_FROM = 128 * 1024;

/** A workbook's sheets, after its unpacked size is checked; a large one is read off this thread. */
async function readWorkbook(bytes: Uint8Array, limits: ImportLimits): Promise<Sheet[]> {
  const { maxUnpackedBytes, maxRows, maxColumns } = limits;
  if (bytes.byteLength >= WORKBOOK_THREAD_FROM) {
    return readWorkbookInThread(bytes, { maxUnpackedBytes, maxRows, maxColumns });
  }
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  checkZipSize(buffer, maxUnpackedBytes);
  return tablesFromXlsx(buffer, maxRows, maxColumns);
}

function checkItems(items: number, maxRows: number): void {
  if (items > maxRows) {
    throw new GraphError('LIMIT_EXCEEDED', `the document has ${items} rows, more than ${maxRows}`, {
      max: maxRows,
    });
  }
}

/** The rows of a JSON document: a Kumu blueprint, else one in the model's shape. */
function jsonRows(document: unknown, maxRows: number): Parsed {
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
  options.onProgress?.('parsing', 0, bytes.byteLength);
  const parsed = await parseFile(bytes, options, limits);
  options.onProgress?.('parsing', bytes.byteLength, bytes.byteLength);
  return importParsed(service, state, parsed, options);
}

/** What every import does once its rows are read: names resolved, look-alikes found, rows checked and committed. */
async function importParsed(
  service: GraphService,
  state: GraphState,
  parsed: Parsed,
  options: DocumentImportOptions,
): Promise<ImportReport> {
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
