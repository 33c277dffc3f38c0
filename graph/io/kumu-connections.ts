/**
 * Kumu's Connections (a sheet or CSV) -> ties. Kumu's fields are free-form
 * where the model's are not: a type is read as a tie kind ("Funding" ->
 * funds) and a connection without one is taken for a collaboration; a
 * strength may be a word ("Strong"); a To (or From) cell may name several
 * elements, `A|B`, for a connection to each; a mutual Direction makes a tie
 * each way for a kind that has a direction. Main function: kumuConnections.
 */
import { TIE_KINDS } from '../model/index.js';
import { normaliseEnum } from './enum-values.js';
import type { ImportRow } from './import-plan.js';
import { problemAt as warning } from './report.js';
import type { ImportProblem } from './report.js';
import {
  fromHeader,
  isBlankRow,
  matchHeaders,
  rowsFromTable,
  withColumnsInFront,
} from './table.js';
import type { Table, TableRows } from './table.js';

/** The tie kind a Kumu connection without a type is taken to be. */
const UNTYPED_CONNECTION = 'collaborates';

/** Strengths written as words, on the model's scale of 1 to 3. */
const STRENGTH_WORDS: ReadonlyMap<string, number> = new Map([
  ['weak', 1],
  ['low', 1],
  ['medium', 2],
  ['moderate', 2],
  ['strong', 3],
  ['high', 3],
]);

/** The fields a header's cells feed, by position. */
const fieldsOf = (cells: readonly string[]) =>
  matchHeaders(
    'tie',
    cells.map((h) => h.trim()),
  ).map((c) => c?.field);

const hasEnds = (cells: string[]) => {
  const fields = fieldsOf(cells);
  return fields.includes('fromId') && fields.includes('toId');
};

/** A table's rows with one cell replaced in the rows `change` gives a value for. */
function withCells(
  rows: string[][],
  column: number,
  change: (cell: string, k: number) => string | undefined,
): string[][] {
  return rows.map((cells, k) => {
    const value = k === 0 ? undefined : change((cells[column] ?? '').trim(), k);
    if (value === undefined) return cells;
    const changed = [...cells];
    while (changed.length < column) changed.push('');
    changed[column] = value;
    return changed;
  });
}

/** The elements an end names: Kumu separates several with `|`. */
function endsOf(cell: string): string[] {
  const ends = cell
    .split('|')
    .map((end) => end.trim())
    .filter((end) => end !== '');
  return ends.length > 0 ? ends : [cell];
}

/**
 * One row for each pair of ends a row names (From `A`, To `B|C`: A to B and
 * A to C), and for a `mutual` row each pair the other way too, at the row's
 * own line.
 */
function oneRowPerEnd(
  table: Table,
  from: number,
  to: number,
  mutual: (cells: string[]) => boolean,
): Table {
  const several = (cells: string[]) =>
    (cells[from] ?? '').includes('|') || (cells[to] ?? '').includes('|') || mutual(cells);
  if (!table.rows.some((cells, k) => k > 0 && several(cells))) return table;
  const unreadableAt = new Map<number, [column: string, reason: string][]>();
  for (const [key, reason] of table.unreadable ?? []) {
    const [row, column] = key.split(':') as [string, string];
    const list = unreadableAt.get(Number(row)) ?? [];
    list.push([column, reason]);
    unreadableAt.set(Number(row), list);
  }
  const out: Table = {
    rows: [],
    lines: [],
    ...(table.unreadable ? { unreadable: new Map() } : {}),
  };
  // an unreadable cell goes with the first of its row's copies: it is reported once, and stops the import
  const push = (cells: string[], k: number) => {
    for (const [column, reason] of unreadableAt.get(k) ?? [])
      out.unreadable!.set(`${out.rows.length}:${column}`, reason);
    unreadableAt.delete(k);
    out.rows.push(cells);
    out.lines.push(table.lines[k] ?? k + 1);
  };
  table.rows.forEach((cells, k) => {
    if (k === 0 || !several(cells)) {
      push(cells, k);
      return;
    }
    const pairs = endsOf(cells[from] ?? '').flatMap((a) =>
      endsOf(cells[to] ?? '').map((b) => [a, b] as const),
    );
    const both = mutual(cells) ? [...pairs, ...pairs.map(([a, b]) => [b, a] as const)] : pairs;
    for (const [a, b] of both) {
      const pair = [...cells];
      pair[from] = a;
      pair[to] = b;
      push(pair, k);
    }
  });
  return out;
}

/** The tie kinds that have a direction: a `mutual` Kumu connection of one is a tie each way. */
const DIRECTED_KINDS: ReadonlySet<string> = new Set([
  'funds',
  'reports_to',
  'informs',
  'contracts',
]);

/** Kumu's directions; a `mutual` one goes both ways, the others are as drawn. */
const DIRECTIONS = ['directed', 'undirected', 'mutual'];

/** Marks the rows made from one line (its several ends), so that the line counts once. */
function markSharedLines(rows: readonly ImportRow[]): void {
  const perLine = new Map<number, number>();
  for (const row of rows) perLine.set(row.row, (perLine.get(row.row) ?? 0) + 1);
  for (const row of rows) if (perLine.get(row.row)! > 1) row.sharedLine = true;
}

/**
 * Kumu connections. A type is read as a tie kind; a connection without a
 * type (Kumu needs none) is imported as a collaboration, with one warning,
 * as is every connection of a sheet without a Type column; a type that names
 * no tie kind is refused. A strength of weak, medium or strong reads as 1, 2
 * or 3; other words are not read, with a warning (the tie takes the default);
 * a number is checked as the model checks it.
 */
export function kumuConnections(name: string, whole: Table): TableRows {
  const { table, warning: above } = fromHeader(name, whole, hasEnds);
  const header = table.rows[0] ?? [];
  // without From and To, the reader says which columns are missing
  if (!hasEnds(header)) return rowsFromTable('tie', name, whole);
  const fields = fieldsOf(header);
  const extra: ImportProblem[] = [];
  const lineOf = (k: number) => table.lines[k] ?? k + 1;
  const blankRow = (k: number) => isBlankRow(table.rows[k]!);
  let rows = table.rows;
  const kindColumn = fields.indexOf('kind');
  const untyped: number[] = [];
  if (kindColumn >= 0) {
    rows = withCells(rows, kindColumn, (cell, k) => {
      if (cell !== '' || blankRow(k)) return undefined;
      untyped.push(lineOf(k));
      return UNTYPED_CONNECTION;
    });
  }
  const strengthColumn = fields.indexOf('strength');
  if (strengthColumn >= 0) {
    rows = withCells(rows, strengthColumn, (cell, k) => {
      if (cell === '' || Number.isFinite(Number(cell.replace(',', '.')))) return undefined;
      const level = STRENGTH_WORDS.get(cell.toLowerCase());
      if (level !== undefined) return String(level);
      extra.push(
        warning(
          name,
          lineOf(k),
          header[strengthColumn]!.trim(),
          cell,
          'KUMU_STRENGTH',
          `strength '${cell}' is not read (1 to 3, or weak, medium, strong): the tie takes strength 1`,
        ),
      );
      return '';
    });
  }
  if (kindColumn < 0 && rows.length > 1) {
    extra.push(
      warning(
        name,
        lineOf(0),
        'Type',
        '',
        'KUMU_TYPE',
        `no Type column: each connection is imported as '${UNTYPED_CONNECTION}'`,
      ),
    );
  } else if (untyped.length > 0) {
    const others = untyped.length - 1;
    extra.push(
      warning(
        name,
        untyped[0]!,
        header[kindColumn]!.trim(),
        '',
        'KUMU_TYPE',
        `a connection without a type is imported as '${UNTYPED_CONNECTION}'${others > 0 ? ` (and ${others} more below)` : ''}`,
      ),
    );
  }
  const directionColumn = header.findIndex((h) => h.trim().toLowerCase() === 'direction');
  if (directionColumn >= 0) {
    table.rows.forEach((cells, k) => {
      const direction = (cells[directionColumn] ?? '').trim();
      if (k === 0 || direction === '' || DIRECTIONS.includes(direction.toLowerCase())) return;
      extra.push(
        warning(
          name,
          lineOf(k),
          header[directionColumn]!.trim(),
          direction,
          'KUMU_DIRECTION',
          `direction '${direction}' is not read (directed, undirected or mutual): the tie goes from From to To`,
        ),
      );
    });
  }
  // a sheet without a Type column gets one in front of its own
  const added = kindColumn < 0 ? 1 : 0;
  if (added > 0) rows = rows.map((cells, k) => [k === 0 ? 'Type' : UNTYPED_CONNECTION, ...cells]);
  const mutual = (cells: string[]) =>
    directionColumn >= 0 &&
    kindColumn >= 0 &&
    (cells[directionColumn] ?? '').trim().toLowerCase() === 'mutual' &&
    DIRECTED_KINDS.has(normaliseEnum(cells[kindColumn] ?? '', TIE_KINDS));
  const typed = oneRowPerEnd(
    withColumnsInFront(table, rows, added),
    fields.indexOf('fromId') + added,
    fields.indexOf('toId') + added,
    mutual,
  );
  const result = rowsFromTable('tie', name, typed, added);
  markSharedLines(result.rows);
  // the Direction column is read here, not by the table
  const read = (w: ImportProblem) =>
    w.code === 'UNKNOWN_COLUMN' &&
    directionColumn >= 0 &&
    w.column === header[directionColumn]!.trim();
  const warnings = result.warnings.filter((w) => !read(w));
  return { ...result, warnings: [...(above ? [above] : []), ...warnings, ...extra] };
}
