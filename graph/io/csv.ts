/**
 * CSV reading and writing. Reading: UTF-8 with or without BOM, or UTF-16 with
 * one (other encodings are refused, never guessed), comma, semicolon or tab
 * detected from the header line (or named by Excel's `sep=;` line), CRLF or
 * LF, RFC 4180 quoting. Main functions: parseCsvInTurns (what an import
 * reads with), parseCsv (the same, at once), csvChunks.
 */
import { setImmediate as nextTurn } from 'node:timers/promises';
import { GraphError } from '../errors.js';

export interface CsvTable {
  delimiter: string;
  /** Rows as read, header first; line numbers are 1-based. */
  rows: string[][];
  lines: number[];
}

/** The UTF-16 byte order a byte-order mark names, if the bytes start with one. */
function utf16Order(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | undefined {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  return undefined;
}

/** True when the bytes start with a UTF-16 byte-order mark, little- or big-endian. */
export function hasUtf16Bom(bytes: Uint8Array): boolean {
  return utf16Order(bytes) !== undefined;
}

/**
 * The text of a file: UTF-8, with or without a byte-order mark, or UTF-16
 * with one (Excel's "Unicode Text"). Anything else is refused, never guessed.
 */
export function decodeText(bytes: Uint8Array, what = 'the file'): string {
  const order = utf16Order(bytes);
  const encoding = order ?? 'utf-8';
  try {
    return new TextDecoder(encoding, { fatal: true }).decode(bytes).replace(/^\uFEFF/, '');
  } catch {
    const message = order
      ? `${what} starts as UTF-16 but does not decode as UTF-16; save it as UTF-8 (CSV UTF-8 in Excel) and try again`
      : `${what} is not UTF-8 (it looks like Windows-1252 or Latin-1); save it as UTF-8 (CSV UTF-8 in Excel) and try again`;
    throw new GraphError('INVALID_INPUT', message, {
      reason: 'ENCODING',
      ...(order ? { encoding: order } : {}),
    });
  }
}

function detectDelimiter(text: string): string {
  const counts = new Map([
    [',', 0],
    [';', 0],
    ['\t', 0],
  ]);
  let quoted = false;
  for (const ch of text) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && (ch === '\n' || ch === '\r')) break;
    else if (!quoted && counts.has(ch)) counts.set(ch, counts.get(ch)! + 1);
  }
  return [...counts].sort((a, b) => b[1] - a[1])[0]![1] > 0
    ? [...counts].sort((a, b) => b[1] - a[1])[0]![0]
    : ',';
}

/** The line Excel reads and writes before the header to name the delimiter: `sep=;`. */
const SEP_LINE = /^sep=([^\r\n])(?:\r\n|\n|\r)/i;

const QUOTE = 0x22;
const LF = 0x0a;
const CR = 0x0d;

export interface CsvOptions {
  delimiter?: string;
  maxRows?: number;
}

export function parseCsv(input: Uint8Array | string, options: CsvOptions = {}): CsvTable {
  const reader = csvReader(input, options);
  reader.read(Infinity);
  return reader.table;
}

/**
 * parseCsv, `rowsPerTurn` rows at a time with a turn of the event loop
 * between: an 18 MB CSV of 300,000 rows took ~0.5 s to parse at once.
 * `onRead` is told, after each turn's rows, the share of the text read.
 */
export async function parseCsvInTurns(
  input: Uint8Array | string,
  options: CsvOptions = {},
  rowsPerTurn = 5_000,
  onRead?: (share: number) => void,
): Promise<CsvTable> {
  const reader = csvReader(input, options);
  while (!reader.read(reader.table.rows.length + rowsPerTurn)) {
    onRead?.(reader.share());
    await nextTurn();
  }
  return reader.table;
}

/**
 * A CSV read row by row: `read(until)` reads on until the table has `until`
 * rows or the text ends (true then), and stops only between rows.
 */
function csvReader(
  input: Uint8Array | string,
  options: CsvOptions,
): { table: CsvTable; read: (until: number) => boolean; share: () => number } {
  const text = typeof input === 'string' ? input.replace(/^\uFEFF/, '') : decodeText(input);
  // Excel's "sep=;" first line names the delimiter and is not a row
  const hint = SEP_LINE.exec(text);
  const start = hint ? hint[0].length : 0;
  const delimiter = options.delimiter ?? hint?.[1] ?? detectDelimiter(text.slice(start));
  const delim = delimiter.charCodeAt(0);
  const table: CsvTable = { delimiter, rows: [], lines: [] };
  const { rows, lines } = table;
  const n = text.length;
  // where the next row starts: kept between reads, in locals while reading
  let at = start;
  let nextLine = hint ? 2 : 1;
  const read = (until: number): boolean => {
    let i = at;
    let line = nextLine;
    let row: string[] = [];
    let rowLine = line;
    let enough = false;
    const endRow = (field: string) => {
      row.push(field);
      if (!(row.length === 1 && row[0]!.trim() === '')) {
        rows.push(row);
        lines.push(rowLine);
        if (options.maxRows !== undefined && rows.length > options.maxRows + 1) {
          throw new GraphError('LIMIT_EXCEEDED', `the file has more than ${options.maxRows} rows`, {
            max: options.maxRows,
          });
        }
        enough = rows.length >= until;
      }
      row = [];
    };
    // Field by field: runs of plain characters are sliced whole, never added one by one.
    let field = '';
    while (i < n) {
      let j = i;
      let c = 0;
      while (j < n) {
        c = text.charCodeAt(j);
        if (c === delim || c === LF || c === CR || c === QUOTE) break;
        j += 1;
      }
      field += text.slice(i, j);
      if (j >= n) break;
      if (c === QUOTE) {
        if (field.trim() !== '') {
          // a quote inside a plain field is a character like any other
          field += '"';
          i = j + 1;
          continue;
        }
        // a quoted field: up to the closing quote, "" standing for one quote
        field = '';
        let k = j + 1;
        for (;;) {
          const close = text.indexOf('"', k);
          if (close < 0) {
            throw new GraphError(
              'INVALID_INPUT',
              `a quoted field opened on line ${rowLine} is never closed`,
              { reason: 'UNTERMINATED_QUOTE', row: rowLine },
            );
          }
          const chunk = text.slice(k, close);
          for (let nl = chunk.indexOf('\n'); nl >= 0; nl = chunk.indexOf('\n', nl + 1)) line += 1;
          field += chunk;
          if (text.charCodeAt(close + 1) === QUOTE) {
            field += '"';
            k = close + 2;
          } else {
            i = close + 1;
            break;
          }
        }
        continue;
      }
      if (c === delim) {
        row.push(field);
        field = '';
        i = j + 1;
        continue;
      }
      // end of line: LF, CR or CRLF
      i = c === CR && text.charCodeAt(j + 1) === LF ? j + 2 : j + 1;
      endRow(field);
      field = '';
      line += 1;
      rowLine = line;
      if (enough && i < n) {
        at = i;
        nextLine = line;
        return false;
      }
    }
    if (field !== '' || row.length > 0) endRow(field);
    at = n;
    nextLine = line;
    return true;
  };
  return { table, read, share: () => (n === 0 ? 1 : at / n) };
}

/**
 * Cells that a spreadsheet would run as a formula get a leading apostrophe;
 * so does a cell that already starts with apostrophes before one, so that
 * import, which takes one apostrophe off, gives back what was exported.
 */
export function neutralise(cell: string): string {
  return /^'*[=+\-@\t\r]/.test(cell) ? `'${cell}` : cell;
}

/** Undoes `neutralise` on import, so export then import is the identity. */
export function unneutralise(cell: string): string {
  return cell.charCodeAt(0) === 0x27 && /^'+[=+\-@\t\r]/.test(cell) ? cell.slice(1) : cell;
}

function quote(cell: string, delimiter: string): string {
  return /["\r\n]/.test(cell) || cell.includes(delimiter) || cell !== cell.trim()
    ? `"${cell.replace(/"/g, '""')}"`
    : cell;
}

/** Rows joined into CSV chunks while they are read: a byte-order mark first (Excel reads UTF-8 by it), CRLF after each row. */
export function* csvChunks(
  rows: Iterable<readonly string[]>,
  delimiter = ',',
  rowsPerChunk = 1_000,
): Generator<string> {
  let chunk = '\uFEFF';
  let count = 0;
  for (const row of rows) {
    chunk += `${row.map((c) => quote(neutralise(c), delimiter)).join(delimiter)}\r\n`;
    count += 1;
    if (count === rowsPerChunk) {
      yield chunk;
      chunk = '';
      count = 0;
    }
  }
  if (chunk !== '') yield chunk;
}

export function toCsv(rows: Iterable<readonly string[]>, delimiter = ','): string {
  return [...csvChunks(rows, delimiter)].join('');
}
