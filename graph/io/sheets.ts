/**
 * Several tables (workbook sheets) -> one set of import rows: typed sheets by
 * name, members sheets apart (members-sheet.ts folds them in later),
 * Kumu's Elements and Connections mapped onto actors and ties
 * (kumu-elements.ts, kumu-connections.ts). Main function: rowsFromSheets.
 */
import type { EntityType } from '../model/index.js';
import type { ImportRow } from './import-plan.js';
import { problemAt } from './report.js';
import { kumuConnections } from './kumu-connections.js';
import { kumuElements } from './kumu-elements.js';
import { membersTable } from './members-sheet.js';
import { rowsFromTable } from './table.js';
import type { Table, TableRows } from './table.js';

export interface NamedTable {
  name: string;
  type: EntityType | 'members' | 'kumu-elements' | 'kumu-connections' | undefined;
  table: Table;
}

const warning = problemAt;

/** The rows of a workbook's sheets (or a file's one table); a members sheet's rows apart. */
export interface SheetRows extends TableRows {
  /** The rows of every members sheet, to fold into their partnerships (foldMembers) once ids are found. */
  memberRows: ImportRow[];
}

/** Told, every few thousand rows and at the end of each sheet, how many of the sheets' rows are mapped. */
export type RowsProgress = (done: number, total: number) => void;

/** The rows below a table's first (most often its header): what progress counts. */
function bodyRows(s: NamedTable): number {
  return Math.max(0, s.table.rows.length - 1);
}

export function rowsFromSheets(
  sheets: NamedTable[],
  fallback: EntityType,
  onRows?: RowsProgress,
): SheetRows {
  const out: SheetRows = { rows: [], errors: [], warnings: [], refused: 0, memberRows: [] };
  if (sheets.length === 0) {
    // a workbook of chart sheets only, say
    const why = 'the workbook has no worksheet: nothing to import';
    out.warnings.push(warning('', 0, '', '', 'EMPTY_SHEET', why));
    return out;
  }
  const typed = sheets.filter((s) => s.type !== undefined);
  const chosen =
    typed.length > 0 ? typed : sheets.slice(0, 1).map((s) => ({ ...s, type: fallback }));
  for (const s of sheets) {
    if (!chosen.some((c) => c.name === s.name)) {
      out.warnings.push(
        warning(
          s.name,
          0,
          '',
          s.name,
          'UNKNOWN_SHEET',
          `sheet '${s.name}' is not read: name it for what it holds (actors, mandates, ...)`,
        ),
      );
    }
  }
  const total = chosen.reduce((n, s) => n + bodyRows(s), 0);
  let before = 0;
  for (const s of chosen) {
    if (s.table.rows.length === 0) {
      // not even a header: nothing is lost, but an empty upload is most likely a mistake
      out.warnings.push(
        warning(s.name, 0, '', '', 'EMPTY_SHEET', `'${s.name}' is empty: nothing to import`),
      );
      continue;
    }
    const part =
      s.type === 'kumu-elements'
        ? kumuElements(s.name, s.table)
        : s.type === 'kumu-connections'
          ? kumuConnections(s.name, s.table)
          : s.type === 'members'
            ? membersTable(s.name, s.table)
            : rowsFromTable(
                s.type as EntityType,
                s.name,
                s.table,
                0,
                onRows && ((done) => onRows(before + done, total)),
              );
    append(out.errors, part.errors);
    append(out.warnings, part.warnings);
    out.refused += part.refused;
    append(s.type === 'members' ? out.memberRows : out.rows, part.rows);
    before += bodyRows(s);
    onRows?.(before, total);
  }
  return out;
}

/** Appends without spreading into arguments, which overflows the stack for large files. */
function append<T>(target: T[], items: readonly T[]): void {
  for (const item of items) target.push(item);
}
