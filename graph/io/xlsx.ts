/**
 * Excel workbooks in and out (exceljs). In: one sheet per entity type, named
 * for it (actors, mandates, ... and members), or a single sheet of actors;
 * formula cells give their cached result. Out: a workbook that re-imports as
 * it is. Main functions: tablesFromXlsx, xlsxFromState.
 */
import ExcelJS from 'exceljs';
import { GraphError } from '../errors.js';
import { COLLECTION_OF, ENTITY_TYPES } from '../model/index.js';
import type { EntityType, GraphState } from '../model/index.js';
import { neutralise } from './csv.js';
import { entityTable } from './export-table.js';
import type { Table } from './table.js';

export interface Sheet {
  name: string;
  /** The entity type the sheet holds, 'members', or undefined when its name says neither. */
  type: EntityType | 'members' | undefined;
  table: Table;
}

/** A cell that cannot be read: an error value, or a formula saved without its result. */
class UnreadableCell {
  constructor(readonly reason: string) {}
}

function cellText(value: ExcelJS.CellValue): string | UnreadableCell {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === 'object') {
    if ('formula' in value || 'sharedFormula' in value) {
      const result = (value as { result?: ExcelJS.CellValue }).result;
      if (result === undefined) {
        return new UnreadableCell(
          'the formula was saved without its result; open the workbook in a spreadsheet and save it again',
        );
      }
      return cellText(result);
    }
    if ('error' in value) return new UnreadableCell(`the cell holds the error ${value.error}`);
    if ('richText' in value) return value.richText.map((r) => r.text).join('');
    if ('text' in value) return String(value.text);
    return '';
  }
  return String(value);
}

export function sheetType(name: string): EntityType | 'members' | undefined {
  const key = name.trim().toLowerCase();
  if (key === 'members' || key === 'partnership members') return 'members';
  return ENTITY_TYPES.find((t) => key === t || key === COLLECTION_OF[t]);
}

export async function tablesFromXlsx(
  bytes: Buffer,
  maxRows: number,
  maxColumns: number,
): Promise<Sheet[]> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch {
    throw new GraphError('INVALID_INPUT', 'the file is not a readable .xlsx workbook', {
      reason: 'INVALID_XLSX',
    });
  }
  return workbook.worksheets.map((ws) => {
    if (ws.actualRowCount > maxRows + 1) {
      throw new GraphError('LIMIT_EXCEEDED', `sheet '${ws.name}' has more than ${maxRows} rows`, {
        max: maxRows,
      });
    }
    if (ws.actualColumnCount > maxColumns) {
      throw new GraphError(
        'LIMIT_EXCEEDED',
        `sheet '${ws.name}' has more than ${maxColumns} columns`,
        { max: maxColumns },
      );
    }
    const rows: string[][] = [];
    const lines: number[] = [];
    const unreadable = new Map<string, string>();
    ws.eachRow({ includeEmpty: false }, (row, number) => {
      const cells: string[] = [];
      for (let c = 1; c <= ws.columnCount; c += 1) {
        const text = cellText(row.getCell(c).value);
        if (text instanceof UnreadableCell) {
          unreadable.set(`${rows.length}:${c - 1}`, text.reason);
          cells.push('');
        } else cells.push(text);
      }
      rows.push(cells);
      lines.push(number);
    });
    const table = { rows, lines, ...(unreadable.size > 0 ? { unreadable } : {}) };
    return { name: ws.name, type: sheetType(ws.name), table };
  });
}

/** The whole graph as a workbook, one sheet per entity type, with the columns the import reads. */
export async function xlsxFromState(state: GraphState): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  for (const type of ENTITY_TYPES) {
    const sheet = workbook.addWorksheet(COLLECTION_OF[type]);
    for (const row of entityTable(state, type)) sheet.addRow(row.map(neutralise));
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
