import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { useSampleService } from '../../tests/helpers/sample-service.js';
import { exportBytes } from '../../tests/helpers/export-bytes.js';
import { isGraphError } from '../errors.js';
import { emptyLists, stateFromSnapshot } from '../model/index.js';
import { csvChunks, parseCsv } from './csv.js';
import { exportGraph } from './export.js';
import { documentChunks, documentFromState } from './json.js';
import { xlsxFromState } from './xlsx.js';

const sample = useSampleService();

describe('streamed exports', () => {
  it('write the JSON document a few entities at a time, as JSON.stringify would whole', async () => {
    const state = await sample.current.state();
    const chunks = [...documentChunks(state, 3)];
    expect(chunks.length).toBeGreaterThan(20);
    expect(chunks.join('')).toBe(JSON.stringify(documentFromState(state), null, 2));
    const empty = stateFromSnapshot({ version: 0, entities: emptyLists() });
    expect([...documentChunks(empty)].join('')).toBe(
      JSON.stringify(documentFromState(empty), null, 2),
    );
  });

  it('write CSV a few rows at a time: a byte-order mark first, every row whole', () => {
    const rows = [['id', 'name'], ...Array.from({ length: 9 }, (_, i) => [`a${i}`, `A, "${i}"`])];
    const chunks = [...csvChunks(rows, ',', 4)];
    expect(chunks).toHaveLength(3);
    expect(chunks[0]!.startsWith('\uFEFFid,name\r\n')).toBe(true);
    for (const chunk of chunks) expect(chunk.endsWith('\r\n')).toBe(true);
    expect(parseCsv(chunks.join('')).rows).toEqual(rows);
  });

  it.each(['csv', 'json', 'xlsx', 'graphml', 'gexf'])(
    '%s shows the graph as it was when the export began, whatever is written meanwhile',
    async (format) => {
      const result = await exportGraph(sample.current, format);
      // written after the export began, before its first chunk is read
      await sample.current.update('actor', 'dws', { name: 'Renamed During Export' });
      await sample.current.create('actor', {
        name: 'Created During Export',
        kind: 'ngo',
        sector: 'civil_society',
      });
      const bytes = await exportBytes(result);
      const text =
        format === 'xlsx' ? JSON.stringify(await sheetValues(bytes, 'actors')) : bytes.toString();
      expect(text).toContain('Department of Water and Sanitation');
      expect(text).not.toContain('During Export');
    },
  );

  it('streams a workbook in many chunks, and stops writing when the reader stops', async () => {
    const state = await sample.current.state();
    const chunks: Buffer[] = [];
    for await (const chunk of xlsxFromState(state)) chunks.push(chunk);
    expect(chunks.length).toBeGreaterThan(1);
    expect(await sheetValues(Buffer.concat(chunks), 'mandates')).toHaveLength(
      state.entities.mandate.size + 1,
    );
    // a reader that leaves after one chunk: the writer ends instead of hanging
    for await (const chunk of xlsxFromState(state)) {
      expect(chunk.length).toBeGreaterThan(0);
      break;
    }
  });

  it('refuses a workbook with more rows in a sheet than it holds, before writing any', async () => {
    const state = await sample.current.state();
    const actors = state.entities.actor.size;
    expect(Math.max(...Object.values(state.entities).map((m) => m.size))).toBe(actors);
    expect(() => xlsxFromState(state, actors + 1)).not.toThrow();
    let error: unknown;
    try {
      xlsxFromState(state, actors);
    } catch (caught) {
      error = caught;
    }
    expect(isGraphError(error) && error.code).toBe('LIMIT_EXCEEDED');
    expect((error as Error).message).toBe(
      `there are ${actors} actors, more than a sheet holds (${actors - 1} below its header): export them as CSV instead`,
    );
  });

  it('gives the exported bytes whole to a reader that collects them', async () => {
    const csv = (await exportBytes(await exportGraph(sample.current, 'csv'))).toString();
    expect(csv.split('\r\n').length - 2).toBe((await sample.current.state()).entities.actor.size);
  });
});

/** The values of one sheet of a workbook, row by row. */
async function sheetValues(bytes: Buffer, name: string): Promise<unknown[][]> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  const rows: unknown[][] = [];
  workbook.getWorksheet(name)?.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
  return rows;
}
