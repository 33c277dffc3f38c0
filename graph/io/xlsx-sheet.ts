/**
 * One worksheet's cells as text, read as a stream of XML: a string as it is,
 * a number as JavaScript writes it, a number styled as a date as yyyy-mm-dd,
 * a boolean as true or false, and a formula as the result it was saved with.
 * An error value, or a formula saved without its result, is unreadable and
 * reported where the import reads it. A merged range gives its value to each
 * of its cells in rows that hold anything else. Main function: readSheet.
 */
import { GraphError } from '../errors.js';
import type { Table } from './table.js';
import { StringItem } from './xlsx-parts.js';
import type { WorkbookParts } from './xlsx-parts.js';
import { readXml } from './xml-part.js';
import { decodeXstring } from './xstring.js';

/** A cell that cannot be read, and why. */
class Unreadable {
  constructor(readonly reason: string) {}
}

/** A cell as its XML gives it, before it is read as text. */
interface RawCell {
  column: number;
  /** The `t` attribute: s (shared string), str, inlineStr, b, e, d, or n (a number, the default). */
  type: string | undefined;
  style: number;
  /** The text of `<v>`: undefined when the cell has none. */
  value: string | undefined;
  /** The text of `<is>`, an inline string, its escapes undone. */
  inline: string | undefined;
  formula: boolean;
}

interface RowCells {
  line: number;
  cells: string[];
  unreadable?: Map<number, string>;
}

export interface SheetLimits {
  maxRows: number;
  maxColumns: number;
}

/** The column (from 1) a cell reference names: 'B7' -> 2, 'AA1' -> 27; 0 when it names none. */
export function columnOf(ref: string): number {
  let column = 0;
  for (let i = 0; i < ref.length; i += 1) {
    const code = ref.charCodeAt(i) | 0x20;
    if (code < 97 || code > 122) break;
    column = column * 26 + (code - 96);
  }
  return column;
}

/** The row (from 1) a cell reference names: 'B7' -> 7; 0 when it names none. */
function rowOf(ref: string): number {
  const digits = /\d+$/.exec(ref);
  return digits ? Number(digits[0]) : 0;
}

const DAY_MS = 86_400_000;
/** 1970-01-01 as an Excel day number (1900 system, which counts a 29 February 1900 that never was). */
const UNIX_DAY = 25_569;
const DAYS_1900_TO_1904 = 1_462;

function numberText(value: string, isDate: boolean, date1904: boolean): string {
  if (value.trim() === '') return '';
  const n = parseFloat(value);
  if (!Number.isFinite(n)) return value;
  if (!isDate) return String(n);
  const date = new Date(Math.round((n - UNIX_DAY + (date1904 ? DAYS_1900_TO_1904 : 0)) * DAY_MS));
  return Number.isNaN(date.getTime()) ? String(n) : date.toISOString().slice(0, 10);
}

function valueText(
  type: string | undefined,
  value: string,
  style: number,
  parts: WorkbookParts,
): string | Unreadable {
  switch (type) {
    case 's': {
      const text = parts.sharedStrings[parseInt(value, 10)];
      return (
        text ?? new Unreadable('the cell points to a shared string the workbook does not hold')
      );
    }
    case 'inlineStr':
      return decodeXstring(value);
    case 'str':
      // a formula's text result: LibreOffice and XlsxWriter write it unescaped, and read it so
      return value;
    case 'b':
      return parseInt(value, 10) !== 0 ? 'true' : 'false';
    case 'e':
      return new Unreadable(`the cell holds the error ${value}`);
    case 'd':
      // an ISO 8601 date and time, as some writers save dates
      return /^\d{4}-\d{2}-\d{2}/.test(value) ? value.slice(0, 10) : value;
    default:
      return numberText(value, parts.dateStyles[style] === true, parts.date1904);
  }
}

/** The cell's text, an unreadable cell, or undefined for a cell with nothing in it. */
function cellText(cell: RawCell, parts: WorkbookParts): string | Unreadable | undefined {
  if (cell.formula) {
    // an empty <v> is an empty text result (t="str"), or no result at all, as openpyxl saves formulas
    if (cell.value === undefined || (cell.value === '' && cell.type !== 'str')) {
      return new Unreadable(
        'the formula was saved without its result; open the workbook in a spreadsheet and save it again',
      );
    }
    return valueText(cell.type, cell.value, cell.style, parts);
  }
  if (cell.inline !== undefined) return cell.inline;
  if (cell.value === undefined) return undefined;
  return valueText(cell.type, cell.value, cell.style, parts);
}

function tooMany(sheet: string, what: 'rows' | 'columns', max: number): GraphError {
  return new GraphError('LIMIT_EXCEEDED', `sheet '${sheet}' has more than ${max} ${what}`, {
    max,
  });
}

/** Gives each merged range's value to its other cells, in the rows read and within the sheet's width. */
function spreadMerges(rows: RowCells[], merges: readonly string[], width: number): void {
  if (merges.length === 0) return;
  const byLine = new Map(rows.map((row) => [row.line, row]));
  for (const range of merges) {
    const [from, to = from] = range.split(':') as [string, string?];
    const top = rowOf(from);
    const left = columnOf(from);
    const master = byLine.get(top);
    const text = master?.cells[left - 1];
    if (!text || master?.unreadable?.has(left)) continue;
    const right = Math.min(columnOf(to), width);
    for (let line = top; line <= rowOf(to); line += 1) {
      const row = byLine.get(line);
      if (!row) continue;
      for (let column = left; column <= right; column += 1) {
        if (row.cells[column - 1] === undefined || row.cells[column - 1] === '')
          row.cells[column - 1] = text;
      }
    }
  }
}

function asTable(rows: readonly RowCells[], width: number): Table {
  const unreadable = new Map<string, string>();
  const table: Table = { rows: [], lines: [] };
  rows.forEach((row, index) => {
    const cells = new Array<string>(width);
    for (let c = 0; c < width; c += 1) cells[c] = row.cells[c] ?? '';
    table.rows.push(cells);
    table.lines.push(row.line);
    for (const [column, reason] of row.unreadable ?? [])
      unreadable.set(`${index}:${column - 1}`, reason);
  });
  if (unreadable.size > 0) table.unreadable = unreadable;
  return table;
}

/**
 * The sheet's rows that hold anything, each padded to the sheet's width;
 * throws LIMIT_EXCEEDED as soon as the sheet has more than `maxRows` rows
 * below its first, or a value beyond column `maxColumns`. `onRead` is told
 * as it goes the share of the sheet's XML read.
 */
export function readSheet(
  name: string,
  path: string,
  xml: Uint8Array,
  parts: WorkbookParts,
  limits: SheetLimits,
  onRead?: (share: number) => void,
): Table {
  const rows: RowCells[] = [];
  const merges: string[] = [];
  let width = 0;
  let inSheetData = false;
  let row: RowCells | undefined;
  let filled = false;
  let cell: RawCell | undefined;
  let collecting: 'v' | 'f' | undefined;
  // the cell's inline string, while its <is> is open
  let inline: StringItem | undefined;
  const item = new StringItem();
  let lastLine = 0;
  let lastColumn = 0;

  const finishCell = (done: RawCell) => {
    const text = cellText(done, parts);
    if (text === undefined) return;
    if (done.column > limits.maxColumns) throw tooMany(name, 'columns', limits.maxColumns);
    width = Math.max(width, done.column);
    filled = true;
    if (text instanceof Unreadable) {
      (row!.unreadable ??= new Map()).set(done.column, text.reason);
      row!.cells[done.column - 1] = '';
    } else row!.cells[done.column - 1] = text;
  };

  readXml(
    path,
    xml,
    {
      open(tag, a) {
        if (inline) return inline.open(tag);
        switch (tag) {
          case 'sheetData':
            inSheetData = true;
            break;
          case 'row':
            if (!inSheetData) break;
            lastLine = a.r ? parseInt(a.r, 10) : lastLine + 1;
            lastColumn = 0;
            row = { line: lastLine, cells: [] };
            filled = false;
            break;
          case 'c':
            if (!row) break;
            lastColumn = (a.r ? columnOf(a.r) : 0) || lastColumn + 1;
            cell = {
              column: lastColumn,
              type: a.t,
              style: a.s ? parseInt(a.s, 10) : 0,
              value: undefined,
              inline: undefined,
              formula: false,
            };
            break;
          case 'f':
            if (!cell) break;
            // a shared formula's other cells have <f t="shared" si="0"/>, with no text
            if (a.t !== undefined) cell.formula = true;
            collecting = 'f';
            break;
          case 'v':
            if (!cell) break;
            cell.value = '';
            collecting = 'v';
            break;
          case 'is':
            if (cell) inline = item;
            break;
          case 'mergeCell':
            if (a.ref) merges.push(a.ref);
            break;
        }
      },
      text(value) {
        if (inline) inline.text(value);
        else if (collecting === 'v') cell!.value += value;
        else if (collecting === 'f' && value.trim() !== '') cell!.formula = true;
      },
      close(tag) {
        if (inline) {
          if (tag !== 'is') return inline.close(tag);
          cell!.inline = inline.take();
          inline = undefined;
          return;
        }
        switch (tag) {
          case 'v':
          case 'f':
            collecting = undefined;
            break;
          case 'c':
            if (cell) finishCell(cell);
            cell = undefined;
            break;
          case 'row':
            if (row && filled) {
              rows.push(row);
              if (rows.length > limits.maxRows + 1) throw tooMany(name, 'rows', limits.maxRows);
            }
            row = undefined;
            break;
          case 'sheetData':
            inSheetData = false;
            break;
        }
      },
    },
    onRead,
  );
  spreadMerges(rows, merges, width);
  return asTable(rows, width);
}
