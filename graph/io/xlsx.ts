/**
 * Excel workbooks out (exceljs): one sheet per entity type, with the columns
 * the import reads, so that the workbook re-imports as it is (reading one:
 * xlsx-read.ts). Main function: xlsxFromState.
 */
import { PassThrough } from 'node:stream';
import { setImmediate as nextTurn } from 'node:timers/promises';
import ExcelJS from 'exceljs';
import { GraphError } from '../errors.js';
import { COLLECTION_OF, ENTITY_TYPES } from '../model/index.js';
import type { AnyEntity, EntityType, GraphState } from '../model/index.js';
import { COLUMNS } from './columns.js';
import { neutralise } from './csv.js';
import { encodeXstring } from './xstring.js';
import { entityRows, longCells, sortedEntities } from './export-table.js';

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

/**
 * A cell as written: its text, formula-like text neutralised (csv.ts). Text
 * with characters XML cannot hold as they are, or a literal `_xHHHH_`, is
 * escaped (xstring.ts) in an inline string: Excel and LibreOffice both undo
 * the escapes there, where LibreOffice leaves a plain string value as it is.
 */
function cellValue(text: string): ExcelJS.CellValue {
  const neutral = neutralise(text);
  const escaped = encodeXstring(neutral);
  return escaped === neutral ? neutral : { richText: [{ text: escaped }] };
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
      sheet.addRow(row.map(cellValue)).commit();
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
