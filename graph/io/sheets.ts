/**
 * Several tables (workbook sheets) -> one set of import rows: typed sheets by
 * name, members sheets folded into their partnerships (members-sheet.ts),
 * Kumu's Elements and Connections mapped onto actors and ties
 * (kumu-elements.ts, kumu-connections.ts). Main function: rowsFromSheets.
 */
import type { EntityType, GraphState } from '../model/index.js';
import type { ImportRow } from './import-plan.js';
import { problemAt } from './report.js';
import { kumuConnections } from './kumu-connections.js';
import { kumuElements } from './kumu-elements.js';
import { foldMembers, membersTable } from './members-sheet.js';
import { rowsFromTable } from './table.js';
import type { Table, TableRows } from './table.js';

export interface NamedTable {
  name: string;
  type: EntityType | 'members' | 'kumu-elements' | 'kumu-connections' | undefined;
  table: Table;
}

const warning = problemAt;

export function rowsFromSheets(
  sheets: NamedTable[],
  state: GraphState,
  fallback: EntityType,
): TableRows {
  const out: TableRows = { rows: [], errors: [], warnings: [], refused: 0 };
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
  // the rows of every members sheet, folded into their partnerships once all are read
  const members: ImportRow[] = [];
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
            : rowsFromTable(s.type as EntityType, s.name, s.table);
    append(out.errors, part.errors);
    append(out.warnings, part.warnings);
    out.refused += part.refused;
    append(s.type === 'members' ? members : out.rows, part.rows);
  }
  if (members.length > 0) {
    const folded = foldMembers(out.rows, members, state);
    append(out.errors, folded.problems);
    out.refused += folded.refused;
  }
  return out;
}

/** Appends without spreading into arguments, which overflows the stack for large files. */
function append<T>(target: T[], items: readonly T[]): void {
  for (const item of items) target.push(item);
}
