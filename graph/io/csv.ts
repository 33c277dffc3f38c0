/**
 * CSV reading and writing. Reading: UTF-8 with or without BOM (other encodings
 * are refused, never guessed), comma, semicolon or tab detected from the
 * header line, CRLF or LF, RFC 4180 quoting. Main functions: parseCsv, toCsv.
 */
import { GraphError } from '../errors.js';

export interface CsvTable {
  delimiter: string;
  /** Rows as read, header first; line numbers are 1-based. */
  rows: string[][];
  lines: number[];
}

/** Decodes UTF-8 strictly: a byte sequence that is not UTF-8 is an error naming what it looks like. */
export function decodeUtf8(bytes: Uint8Array, what = 'the file'): string {
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    throw new GraphError(
      'INVALID_INPUT',
      `${what} is UTF-16; save it as UTF-8 (CSV UTF-8 in Excel) and try again`,
      {
        reason: 'ENCODING',
        encoding: 'utf-16',
      },
    );
  }
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes).replace(/^\uFEFF/, '');
  } catch {
    throw new GraphError(
      'INVALID_INPUT',
      `${what} is not UTF-8 (it looks like Windows-1252 or Latin-1); save it as UTF-8 (CSV UTF-8 in Excel) and try again`,
      { reason: 'ENCODING' },
    );
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

export function parseCsv(
  input: Uint8Array | string,
  options: { delimiter?: string; maxRows?: number } = {},
): CsvTable {
  const text = typeof input === 'string' ? input.replace(/^\uFEFF/, '') : decodeUtf8(input);
  const delimiter = options.delimiter ?? detectDelimiter(text);
  const rows: string[][] = [];
  const lines: number[] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  let line = 1;
  let rowLine = 1;
  const endRow = () => {
    row.push(field);
    field = '';
    if (!(row.length === 1 && row[0]!.trim() === '')) {
      rows.push(row);
      lines.push(rowLine);
      if (options.maxRows !== undefined && rows.length > options.maxRows + 1) {
        throw new GraphError('LIMIT_EXCEEDED', `the file has more than ${options.maxRows} rows`, {
          max: options.maxRows,
        });
      }
    }
    row = [];
  };
  for (let i = 0; i < text.length; i += 1) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i += 1;
      } else if (ch === '"') quoted = false;
      else {
        if (ch === '\n') line += 1;
        field += ch;
      }
    } else if (ch === '"' && field.trim() === '') {
      field = '';
      quoted = true;
    } else if (ch === delimiter) {
      row.push(field);
      field = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i += 1;
      endRow();
      line += 1;
      rowLine = line;
    } else field += ch;
  }
  if (quoted) {
    throw new GraphError(
      'INVALID_INPUT',
      `a quoted field opened on line ${rowLine} is never closed`,
      {
        reason: 'UNTERMINATED_QUOTE',
        row: rowLine,
      },
    );
  }
  if (field !== '' || row.length > 0) endRow();
  return { delimiter, rows, lines };
}

/** Cells that a spreadsheet would run as a formula get a leading apostrophe. */
export function neutralise(cell: string): string {
  return /^[=+\-@\t\r]/.test(cell) ? `'${cell}` : cell;
}

/** Undoes `neutralise` on import, so export then import is the identity. */
export function unneutralise(cell: string): string {
  return /^'[=+\-@\t\r]/.test(cell) ? cell.slice(1) : cell;
}

function quote(cell: string, delimiter: string): string {
  return /["\r\n]/.test(cell) || cell.includes(delimiter) || cell !== cell.trim()
    ? `"${cell.replace(/"/g, '""')}"`
    : cell;
}

export function toCsv(rows: readonly (readonly string[])[], delimiter = ','): string {
  return `\uFEFF${rows.map((r) => r.map((c) => quote(neutralise(c), delimiter)).join(delimiter)).join('\r\n')}\r\n`;
}
