/**
 * Excel workbooks in and out (exceljs). In: one sheet per entity type, named
 * for it (actors, mandates, ... and members), or a single sheet of actors;
 * formula cells give their cached result. Out: a workbook that re-imports as
 * it is. Main functions: tablesFromXlsx, xlsxFromState.
 */
import { PassThrough } from 'node:stream';
import { setImmediate as nextTurn } from 'node:timers/promises';
import ExcelJS from 'exceljs';
import { GraphError } from '../errors.js';
import { COLLECTION_OF, ENTITY_TYPES } from '../model/index.js';
import type { AnyEntity, EntityType, GraphState } from '../model/index.js';
import { COLUMNS } from './columns.js';
import { neutralise } from './csv.js';
import { entityRows, longCells, sortedEntities } from './export-table.js';
import type { Table } from './table.js';
import { typeNamed } from './type-names.js';

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
    // a hyperlink's text may itself be formatted (rich text)
    if ('text' in value) return cellText(value.text as ExcelJS.CellValue);
    return new UnreadableCell('the cell holds a value of a kind mandatemap cannot read');
  }
  return String(value);
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
    // exceljs works columnCount out over every row each time it is read
    const columnCount = ws.columnCount;
    ws.eachRow({ includeEmpty: false }, (row, number) => {
      const cells: string[] = [];
      for (let c = 1; c <= columnCount; c += 1) {
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
    return { name: ws.name, type: typeNamed(ws.name), table };
  });
}

/** The most characters an Excel cell holds: Excel calls a workbook with a longer cell damaged, and its repair cuts the cell short. */
export const EXCEL_MAX_CELL = 32_767;

/** The most rows an Excel sheet holds, its header included. */
export const EXCEL_MAX_ROWS = 1_048_576;

/** Rows written between two turns of the event loop, so that the zip stream drains as they come. */
const ROWS_PER_TURN = 2_000;

/** Resolves when `stream` takes more writes again, or is closed. */
function drained(stream: PassThrough): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      stream.off('drain', done);
      stream.off('close', done);
      resolve();
    };
    stream.on('drain', done);
    stream.on('close', done);
  });
}

interface SheetOf {
  type: EntityType;
  entities: readonly AnyEntity[];
}

/** Writes the sheets into `out` as a workbook, a few thousand rows at a time; stops when `out` is closed. */
async function writeWorkbook(out: PassThrough, sheets: readonly SheetOf[]): Promise<void> {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
    stream: out,
    useStyles: false,
    useSharedStrings: false,
  });
  for (const { type, entities } of sheets) {
    // the header stays in view and filters each column, as a planner opening the file expects
    const last = columnLetters(COLUMNS[type].length);
    const sheet = workbook.addWorksheet(COLLECTION_OF[type], {
      views: [{ state: 'frozen', ySplit: 1 }],
    });
    sheet.autoFilter = `A1:${last}1`;
    let written = 0;
    for (const row of entityRows(type, entities)) {
      sheet.addRow(row.map(neutralise)).commit();
      written += 1;
      if (written % ROWS_PER_TURN === 0) {
        await nextTurn();
        if (out.writableNeedDrain) await drained(out);
        if (out.destroyed) return;
      }
    }
    sheet.commit();
  }
  await workbook.commit();
}

/** A spreadsheet's letters for its n-th column, from 1: 1 -> A, 27 -> AA. */
export function columnLetters(n: number): string {
  let letters = '';
  for (let k = n; k > 0; k = Math.floor((k - 1) / 26))
    letters = String.fromCharCode(65 + ((k - 1) % 26)) + letters;
  return letters;
}

/** Throws LIMIT_EXCEEDED naming the first entity of `type` with a cell longer than `max` characters, if any. */
function refuseLongCells(type: EntityType, entities: readonly AnyEntity[], max: number): void {
  const long = longCells(type, entities, max);
  const [first] = long;
  if (!first) return;
  const others = long.length - 1;
  const more = others === 0 ? '' : ` (and ${others} more such ${others === 1 ? 'cell' : 'cells'})`;
  throw new GraphError(
    'LIMIT_EXCEEDED',
    `${type} '${first.id}' has ${first.length.toLocaleString('en-US')} characters of ${first.field}, more than a spreadsheet cell holds (${max.toLocaleString('en-US')})${more}: export as JSON or CSV instead`,
    {
      max,
      entity: type,
      id: first.id,
      field: first.field,
      length: first.length,
      cells: long.length,
    },
  );
}

async function* workbookChunks(sheets: readonly SheetOf[]): AsyncGenerator<Buffer> {
  const out = new PassThrough();
  const writing = writeWorkbook(out, sheets).catch((error: unknown) => {
    out.destroy(error instanceof Error ? error : new Error(String(error)));
  });
  try {
    for await (const chunk of out) yield chunk as Buffer;
  } finally {
    // the reader stopped early, or the file is done: either way the writer stops
    out.destroy();
    await writing;
  }
}

/**
 * The whole graph as a workbook, one sheet per entity type, with the columns
 * the import reads; streamed, a few thousand rows at a time, so that a
 * country-scale graph never sits in memory as one workbook. Refuses a graph
 * with more entities of one type than a sheet of `maxRows` rows holds, or
 * a list (ids, members, tags) longer than a cell of `maxCell` characters
 * holds (Excel's own limits by default): the spreadsheet would cut them short.
 */
export function xlsxFromState(
  state: GraphState,
  maxRows = EXCEL_MAX_ROWS,
  maxCell = EXCEL_MAX_CELL,
): AsyncIterable<Buffer> {
  const sheets = ENTITY_TYPES.map((type) => ({ type, entities: sortedEntities(state, type) }));
  for (const { type, entities } of sheets) {
    if (entities.length + 1 > maxRows) {
      throw new GraphError(
        'LIMIT_EXCEEDED',
        `there are ${entities.length} ${COLLECTION_OF[type]}, more than a sheet holds (${maxRows - 1} below its header): export them as CSV instead`,
        { max: maxRows - 1, entity: type },
      );
    }
  }
  for (const { type, entities } of sheets) refuseLongCells(type, entities, maxCell);
  return workbookChunks(sheets);
}
