/**
 * A table of cells (from CSV or a sheet) -> import rows in the model's shape:
 * headers matched to fields, cells trimmed, split, converted and normalised.
 * Main function: rowsFromTable.
 */
import type { EntityType } from '../model/index.js';
import { MEMBER_ROLES } from '../model/index.js';
import { AmbiguousDate, dateOrder, readDate, spelledDate } from './dates.js';
import type { DateOrder, SheetDateOrder } from './dates.js';
import { COLUMNS, headerKey } from './columns.js';
import { normaliseEnum } from './enum-values.js';
import { setPath } from './field-paths.js';
import type { Column } from './columns.js';
import { unneutralise } from './csv.js';
import { splitValues } from './multi-values.js';
import type { ImportRow } from './import-plan.js';
import { problemAt, withArticle } from './report.js';
import type { ImportProblem } from './report.js';
import { oneEditApart } from './spelling.js';

export interface Table {
  rows: string[][];
  /** Source line (or sheet row) of each row, 1-based. */
  lines: number[];
  /**
   * Cells that could not be read (a workbook's error values), by
   * "row index:column index" into `rows`, with why; their text is blank.
   */
  unreadable?: Map<string, string>;
}

/**
 * Unreadable cells as "row:column" keys moved `up` rows and `right` columns;
 * cells moved above the first row are dropped.
 */
function moveUnreadable(
  unreadable: ReadonlyMap<string, string>,
  up: number,
  right: number,
): Map<string, string> {
  const moved = new Map<string, string>();
  for (const [key, reason] of unreadable) {
    const [r, c] = key.split(':').map(Number) as [number, number];
    if (r >= up) moved.set(`${r - up}:${c + right}`, reason);
  }
  return moved;
}

/** The same table with `count` columns put in front: unreadable cells move with their columns. */
export function withColumnsInFront(table: Table, rows: string[][], count: number): Table {
  if (!table.unreadable) return { rows, lines: table.lines };
  return { rows, lines: table.lines, unreadable: moveUnreadable(table.unreadable, 0, count) };
}

/** The table from row `k` on: unreadable cells keep their places. */
function rowsFrom(table: Table, k: number): Table {
  const rows = table.rows.slice(k);
  const lines = table.lines.slice(k);
  if (!table.unreadable) return { rows, lines };
  return { rows, lines, unreadable: moveUnreadable(table.unreadable, k, 0) };
}

/** How far down a header is looked for when the first row is not one (a title, a date, a note). */
const HEADER_SEARCH_ROWS = 10;

/**
 * The table from its header on, and a warning naming the rows above it when
 * there are any. The header is the first row, unless `isHeader` refuses it
 * and accepts one of the next few rows.
 */
export function fromHeader(
  sheet: string,
  table: Table,
  isHeader: (cells: string[]) => boolean,
): { table: Table; warning?: ImportProblem } {
  const { rows, lines } = table;
  if (rows.length === 0 || isHeader(rows[0]!)) return { table };
  const below = rows.slice(1, HEADER_SEARCH_ROWS + 1).findIndex(isHeader);
  if (below < 0) return { table };
  const skip = below + 1;
  const [first, last] = [lines[0]!, lines[skip - 1]!];
  const above = first === last ? `row ${first} above it is` : `rows ${first}-${last} above it are`;
  const warning = problemAt(
    sheet,
    first,
    '',
    rows[0]!.find((c) => c.trim() !== '') ?? '',
    'ROWS_ABOVE_HEADER',
    `the header is row ${lines[skip]}: ${above} not read`,
  );
  return { table: rowsFrom(table, skip), warning };
}

/** A header row that has every column a type needs. */
function completeHeader(type: EntityType): (cells: string[]) => boolean {
  return (cells) => {
    const headers = cells.map((h) => h.trim());
    return missingColumns(type, matchHeaders(type, headers)).length === 0;
  };
}

export interface TableRows {
  rows: ImportRow[];
  errors: ImportProblem[];
  warnings: ImportProblem[];
  /** Rows of the table refused outright (each with its error), which give no import row. */
  refused: number;
}

/** A row with nothing in it: skipped by every reader, and not a row read. */
export function isBlankRow(cells: readonly string[]): boolean {
  return cells.every((c) => c.trim() === '');
}

/** The rows below a table's header that hold anything. */
export function filledRows(table: Table): number {
  let n = 0;
  for (let k = 1; k < table.rows.length; k += 1) if (!isBlankRow(table.rows[k]!)) n += 1;
  return n;
}

/** The column each header (as headerKey gives it) names, for one entity type. */
function columnsByKey(type: EntityType): Map<string, Column> {
  const byKey = new Map<string, Column>();
  for (const column of COLUMNS[type]) {
    for (const synonym of column.synonyms)
      if (!byKey.has(headerKey(synonym))) byKey.set(headerKey(synonym), column);
  }
  return byKey;
}

/**
 * The synonym a header nobody reads likely misspells ("Sectr" for sector):
 * one edit from a synonym of exactly one column that no other header feeds.
 */
function headerLikelyMeant(
  type: EntityType,
  header: string,
  fed: readonly (Column | undefined)[],
): string | undefined {
  const key = headerKey(header);
  if (key.length < 4) return undefined;
  const meant = new Map<Column, string>();
  for (const column of COLUMNS[type]) {
    if (fed.includes(column)) continue;
    const synonym = column.synonyms.find((s) => oneEditApart(key, headerKey(s)));
    if (synonym !== undefined) meant.set(column, synonym);
  }
  return meant.size === 1 ? [...meant.values()][0] : undefined;
}

/** Bracketed hints people add to a header: "Influence (1-5)", "Date [yyyy-mm-dd]". */
const HINT = /\([^)]*\)|\[[^\]]*\]/g;

/**
 * The column a header names: by its key, or else by its key without a
 * bracketed hint ("Influence (1-5)"), unless the hint names another column
 * than the rest does ("Organisation (website)": the name, or the website?).
 */
function columnNamed(byKey: ReadonlyMap<string, Column>, header: string): Column | undefined {
  const column = byKey.get(headerKey(header));
  if (column) return column;
  const hints = header.match(HINT);
  if (!hints) return undefined;
  const named = byKey.get(headerKey(header.replace(HINT, ' ')));
  const other = hints.some((hint) => {
    const hinted = byKey.get(headerKey(hint));
    return hinted !== undefined && hinted !== named;
  });
  return other ? undefined : named;
}

/** Header cells -> the column each one feeds, or undefined for columns nobody reads. */
export function matchHeaders(type: EntityType, headers: readonly string[]): (Column | undefined)[] {
  const byKey = columnsByKey(type);
  const used = new Set<Column>();
  return headers.map((h) => {
    const column = columnNamed(byKey, h);
    if (!column || used.has(column)) return undefined;
    used.add(column);
    return column;
  });
}

/** The required columns of a type that no header feeds (a mandate's title stands for its name). */
export function missingColumns(
  type: EntityType,
  columns: readonly (Column | undefined)[],
): Column[] {
  const present = new Set(columns.flatMap((c) => (c ? [c.field] : [])));
  return COLUMNS[type].filter(
    (c) => c.required && !present.has(c.field) && !(c.field === 'name' && present.has('title')),
  );
}

/**
 * One member written `actor:role` (or `actor=role`, or the actor alone for
 * a plain member). The role follows the last separator: ids may hold a
 * colon themselves (`sanbi:cape:observer`).
 */
function memberOf(entry: string): { actorId: string; role: string } {
  const at = Math.max(entry.lastIndexOf(':'), entry.lastIndexOf('='));
  if (at < 0) return { actorId: entry, role: 'member' };
  const role = entry.slice(at + 1).trim();
  return {
    actorId: entry.slice(0, at).trim(),
    role: role ? normaliseEnum(role, MEMBER_ROLES) : 'member',
  };
}

/** The model field a column's path starts at: `contact.email` -> contact. */
const topField = (path: string) => path.split('.')[0]!;

/** A cell that cannot be read as its column's kind. */
class CellProblem {
  constructor(
    readonly code: string,
    readonly message: string,
  ) {}
}

/** A cell's text as read: trimmed, and a formula-like text's neutralising quote taken off. */
const textOf = (raw: string) => unneutralise(raw.trim());

/**
 * A cell's value in the model's shape; undefined when blank. `order` says
 * which comes first in the sheet's dates, when its dates settle it.
 */
function readCell(column: Column, raw: string, order?: DateOrder): unknown {
  const text = textOf(raw);
  if (text === '') return undefined;
  switch (column.kind) {
    case 'int': {
      const n = Number(text.replace(',', '.'));
      if (!Number.isFinite(n)) {
        // "High" on a scale of the file's own: the number it stands for is the user's to give
        const scale = column.range ? `: give a whole number from ${column.range.join(' to ')}` : '';
        return new CellProblem('INVALID_NUMBER', `'${text}' is not a number${scale}`);
      }
      return n;
    }
    case 'enum':
      return normaliseEnum(text, column.values ?? []);
    case 'ids':
    case 'tags':
      return splitValues(text);
    case 'members':
      return splitValues(text).map(memberOf);
    case 'date': {
      const date = readDate(text, order);
      return date instanceof AmbiguousDate ? new CellProblem('AMBIGUOUS_DATE', date.message) : date;
    }
    default:
      return text;
  }
}

/**
 * Warnings for values no column reads: under a blank header, or past the
 * header's last cell (often a field with the delimiter in it, unquoted).
 * One warning per such column, at the first row that has a value there.
 * `added` columns were put in front of the file's own by the caller.
 */
function unheadedValues(sheet: string, table: Table, added: number): ImportProblem[] {
  const [headers = [], ...body] = table.rows;
  const unnamed = headers.flatMap((h, i) => (h.trim() === '' ? [i] : []));
  const found = new Map<number, { row: number; value: string; count: number }>();
  const note = (i: number, k: number, value: string) => {
    if (value.trim() === '') return;
    const seen = found.get(i);
    if (seen) seen.count += 1;
    else found.set(i, { row: table.lines[k + 1] ?? k + 2, value, count: 1 });
  };
  body.forEach((cells, k) => {
    for (const i of unnamed) if (i < cells.length) note(i, k, cells[i]!);
    for (let i = headers.length; i < cells.length; i += 1) note(i, k, cells[i]!);
  });
  return [...found]
    .sort((a, b) => a[0] - b[0])
    .map(([i, { row, value, count }]) => {
      const column = `column ${i + 1 - added}`;
      const where = i < headers.length ? 'has no header' : "is past the header's last column";
      return problemAt(
        sheet,
        row,
        column,
        value,
        'UNNAMED_COLUMN',
        `${column} ${where}: its values in ${count} row${count === 1 ? '' : 's'} are not read; name the column, or quote fields that hold the delimiter`,
      );
    });
}

/** The order of day and month that the dates of the sheet's date columns settle, if any. */
function sheetDateOrder(
  body: readonly string[][],
  read: readonly { column: Column; i: number }[],
): SheetDateOrder | undefined {
  const dates = read.filter(({ column }) => column.kind === 'date').map(({ i }) => i);
  if (dates.length === 0) return undefined;
  function* texts(): Generator<string> {
    for (const cells of body) for (const i of dates) if (cells[i]) yield textOf(cells[i]);
  }
  return dateOrder(texts());
}

/** The warning for the first date of a sheet read in the order its other dates settle. */
function orderMessage(field: string, text: string, date: string, order: SheetDateOrder): string {
  return `${field}: '${text}' is read as ${spelledDate(date)}, ${order.order} first, as '${order.shownBy}' in this sheet can only be read; so are its other such dates (write dates as yyyy-mm-dd to be sure)`;
}

/** Rows of a table mapped between two calls of rowsFromTable's `onRows`. */
export const ROWS_PER_REPORT = 5_000;

/**
 * The rows of a table of one entity type. `added` counts columns a caller put
 * in front of the file's own (Kumu's derived kind and sector), so that
 * reports number columns as the file does. `onRows` is told every
 * ROWS_PER_REPORT rows how many of the table's rows are mapped.
 */
export function rowsFromTable(
  type: EntityType,
  sheet: string,
  whole: Table,
  added = 0,
  onRows?: (done: number) => void,
): TableRows {
  const out: TableRows = { rows: [], errors: [], warnings: [], refused: 0 };
  const { table, warning } = fromHeader(sheet, whole, completeHeader(type));
  if (warning) out.warnings.push(warning);
  const [rawHeaders = [], ...body] = table.rows;
  const headers = rawHeaders.map((h) => h.trim());
  const columns = matchHeaders(type, headers);
  const problem = (row: number, column: string, value: unknown, code: string, message: string) =>
    problemAt(sheet, row, column, value, code, message);
  const byKey = columnsByKey(type);
  const didYouMean = (header: string) => {
    const meant = headerLikelyMeant(type, header, columns);
    return meant === undefined ? '' : `; did you mean '${meant}'?`;
  };
  headers.forEach((h, i) => {
    if (columns[i] || h === '') return;
    // a header naming a field an earlier column already feeds ("Name", then "Organisation")
    const same = columnNamed(byKey, h);
    const repeated = same ? headers[columns.indexOf(same)] : undefined;
    const [code, message] =
      repeated !== undefined
        ? ['DUPLICATE_COLUMN', `column '${h}' repeats column '${repeated}': only the first is read`]
        : ['UNKNOWN_COLUMN', `column '${h}' is not read for ${type}s${didYouMean(h)}`];
    out.warnings.push(problem(table.lines[0] ?? 1, h, h, code, message));
  });
  out.warnings.push(...unheadedValues(sheet, table, added));
  const missing = missingColumns(type, columns);
  for (const c of missing) {
    const others = c.synonyms.slice(1);
    out.errors.push(
      problem(
        table.lines[0] ?? 1,
        c.field,
        '',
        'MISSING_COLUMN',
        `${withArticle(type)} sheet needs ${withArticle(`'${c.field}'`)} column${others.length > 0 ? ` (or one of: ${others.join(', ')})` : ''}`,
      ),
    );
  }
  if (missing.length > 0) {
    // none of the rows can be read without those columns
    out.refused = filledRows(table);
    return out;
  }
  // Which header fed each field: the same for every row of the table.
  const sources: Record<string, string> = {};
  columns.forEach((column, i) => {
    if (column) sources[column.field.split('.')[0]!] = headers[i]!;
  });
  const read = columns.flatMap((column, i) => (column ? [{ column, i }] : []));
  // fields no header feeds: a stored entity keeps its values there (an id is made from the name)
  const keepStored = COLUMNS[type]
    .filter((c) => c.field !== 'id' && !columns.includes(c))
    .map((c) => c.field);
  const order = sheetDateOrder(body, read);
  // told once a sheet: the first date the order settles
  let orderTold = order === undefined;
  body.forEach((cells, k) => {
    if (onRows && k > 0 && k % ROWS_PER_REPORT === 0) onRows(k);
    const line = table.lines[k + 1] ?? k + 2;
    if (isBlankRow(cells)) return;
    const input: Record<string, unknown> = {};
    const bad = new Set<string>();
    for (const { column, i } of read) {
      const unreadable = table.unreadable?.get(`${k + 1}:${i}`);
      if (unreadable !== undefined) {
        out.errors.push(
          problem(line, headers[i]!, '', 'UNREADABLE_CELL', `${column.field}: ${unreadable}`),
        );
        bad.add(topField(column.field));
        continue;
      }
      const value = readCell(column, cells[i] ?? '', order?.order);
      if (value instanceof CellProblem) {
        out.errors.push(
          problem(line, headers[i]!, cells[i], value.code, `${column.field}: ${value.message}`),
        );
        bad.add(topField(column.field));
        continue;
      }
      if (value !== undefined) setPath(input, column.field, value);
      if (
        !orderTold &&
        column.kind === 'date' &&
        readDate(textOf(cells[i]!)) instanceof AmbiguousDate
      ) {
        orderTold = true;
        out.warnings.push(
          problem(
            line,
            headers[i]!,
            cells[i],
            'DATE_ORDER',
            orderMessage(column.field, textOf(cells[i]!), value as string, order!),
          ),
        );
      }
    }
    out.rows.push({
      type,
      sheet,
      row: line,
      input,
      columns: sources,
      ...(bad.size > 0 ? { invalid: bad } : {}),
      ...(keepStored.length > 0 ? { keepStored } : {}),
    });
  });
  return out;
}
