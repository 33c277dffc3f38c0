import type ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { fixture } from '../../tests/helpers/sample-service.js';
import { workbook } from '../../tests/helpers/workbook.js';
import { zipOf } from '../../tests/helpers/zip.js';
import { tablesFromXlsx } from '../io/xlsx.js';
import { readWorkbookInThread, workbookMemoryMb } from './workbook-thread.js';

const LIMITS = { maxUnpackedBytes: 100 * 1024 * 1024, maxRows: 500_000, maxColumns: 200 };

/** Actors over more rows than one message of the worker carries, with cells that cannot be read. */
function manyActors(count: number): ExcelJS.CellValue[][] {
  const rows: ExcelJS.CellValue[][] = [['id', 'name', 'kind', 'description']];
  for (let i = 0; i < count; i += 1) {
    const description: ExcelJS.CellValue = i % 4_000 === 7 ? { error: '#REF!' } : `actor ${i}`;
    rows.push([`a-${i}`, `Actor ${i}`, i % 2 ? 'ngo' : 'national_department', description]);
  }
  return rows;
}

describe('workbooks read in a worker thread', () => {
  it('gives the sheets, rows, row numbers and unreadable cells that reading here gives', async () => {
    const bytes = await workbook({
      // a blank row is left out, as reading here does
      Actors: [['a title row'], [], ...manyActors(12_001)],
      Notes: [['anything']],
      Mandates: [
        ['title', 'holderId'],
        ['Water use licensing', { formula: '"dws"', result: 'dws' }],
      ],
    });
    const here = await tablesFromXlsx(bytes, LIMITS.maxRows, LIMITS.maxColumns);
    const there = await readWorkbookInThread(bytes, LIMITS);
    expect(there.map((s) => [s.name, s.type, s.table.rows.length])).toEqual([
      ['Actors', 'actor', 12_003],
      ['Notes', undefined, 1],
      ['Mandates', 'mandate', 2],
    ]);
    expect([...there[0]!.table.unreadable!.keys()]).toEqual(['9:3', '4009:3', '8009:3']);
    expect(there).toEqual(here);
  });

  it('reads a workbook saved by a spreadsheet program, formula results and all', async () => {
    const bytes = fixture('stakeholders-formulas.xlsx');
    const here = await tablesFromXlsx(bytes, LIMITS.maxRows, LIMITS.maxColumns);
    expect(await readWorkbookInThread(bytes, LIMITS)).toEqual(here);
  });

  it("refuses, with the reader's own errors, a workbook past a limit or not a workbook", async () => {
    const bomb = zipOf([
      { name: 'xl/worksheets/sheet1.xml', data: Buffer.alloc(30 * 1024 * 1024, 0x61) },
    ]);
    const unpacked = { ...LIMITS, maxUnpackedBytes: 10 * 1024 * 1024 };
    await expect(readWorkbookInThread(bomb, unpacked)).rejects.toMatchObject({
      name: 'GraphError',
      code: 'LIMIT_EXCEEDED',
      details: { reason: 'DECOMPRESSED_SIZE' },
    });
    const rows = await workbook({ actors: manyActors(30) });
    await expect(readWorkbookInThread(rows, { ...LIMITS, maxRows: 20 })).rejects.toMatchObject({
      code: 'LIMIT_EXCEEDED',
      message: "sheet 'actors' has more than 20 rows",
    });
    const broken = Buffer.concat([Buffer.from('PK\x03\x04', 'latin1'), Buffer.alloc(64, 7)]);
    await expect(readWorkbookInThread(broken, LIMITS)).rejects.toMatchObject({
      code: 'INVALID_INPUT',
      details: { reason: 'INVALID_XLSX' },
    });
  });

  it('refuses a workbook that needs more memory than the thread may use, and reads the next', async () => {
    const bytes = await workbook({ actors: manyActors(40_000) });
    const small = await workbook({ actors: manyActors(3) });
    const [large, next] = await Promise.allSettled([
      readWorkbookInThread(bytes, LIMITS, 32),
      readWorkbookInThread(small, LIMITS, 64),
    ]);
    expect(large).toMatchObject({
      status: 'rejected',
      reason: { code: 'LIMIT_EXCEEDED', details: { reason: 'MEMORY', max: 32 } },
    });
    expect((large as PromiseRejectedResult).reason.message).toMatch(
      /needed more than the 32 MB of memory an import may use; nothing was imported/,
    );
    expect(next).toMatchObject({ status: 'fulfilled' });
    expect((next as PromiseFulfilledResult<unknown[]>).value).toHaveLength(1);
  });

  it('gives a thread room for what the unpacked limit lets through', () => {
    // exceljs holds some 16 bytes per unpacked byte
    expect(workbookMemoryMb(100 * 1024 * 1024)).toBeGreaterThanOrEqual(1_600);
    expect(workbookMemoryMb(1024)).toBe(256);
  });
});
