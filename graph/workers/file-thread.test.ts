import type ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { fixture } from '../../tests/helpers/sample-service.js';
import { workbook } from '../../tests/helpers/workbook.js';
import { zipOf } from '../../tests/helpers/zip.js';
import { toCsv } from '../io/csv.js';
import { DEFAULT_IMPORT_LIMITS, readFile } from '../io/read-file.js';
import { readFileInThread, readingMemoryMb } from './file-thread.js';

const LIMITS = DEFAULT_IMPORT_LIMITS;

/** Actors over more rows than one message of the worker carries, some with unreadable cells. */
function manyActors(count: number): ExcelJS.CellValue[][] {
  const rows: ExcelJS.CellValue[][] = [['id', 'name', 'kind', 'sector', 'description']];
  for (let i = 0; i < count; i += 1) {
    const description: ExcelJS.CellValue = i % 4_000 === 7 ? { error: '#REF!' } : `actor ${i}`;
    const kind = i % 2 ? 'ngo' : 'national department';
    rows.push([`a-${i}`, `Actor ${i}`, kind, 'civil society', description]);
  }
  return rows;
}

/** Reads `bytes` here and in a thread, and expects the same of both, progress reports included. */
async function bothWays(bytes: Uint8Array, filename: string, limits = LIMITS) {
  const told = { here: [] as string[], there: [] as string[] };
  const tell = (into: string[]) => (stage: string, done: number, total: number) =>
    into.push(`${stage} ${done}/${total}`);
  const here = await readFile(bytes, { filename }, limits, tell(told.here));
  const there = await readFileInThread(bytes, { filename }, limits, {
    onProgress: tell(told.there),
  });
  expect(there).toStrictEqual(here);
  expect(told.there).toEqual(told.here);
  return { ...there, told: told.there };
}

describe('files read in a worker thread', () => {
  it('gives the rows, members, problems and counts of a workbook that reading here gives', async () => {
    const bytes = await workbook({
      // a blank row is left out, as reading here does
      Actors: [['a title row'], [], ...manyActors(12_001)],
      Notes: [['anything']],
      Partnerships: [
        ['name', 'kind'],
        ['Berg Forum', 'forum'],
      ],
      Members: [
        ['partnership', 'actor', 'role'],
        ['Berg Forum', 'a-1', 'chair'],
        ['Berg Forum', 'a-2', 'boss'],
      ],
    });
    const parsed = await bothWays(bytes, 'list.xlsx');
    expect(parsed.rows).toHaveLength(12_002);
    expect(parsed.memberRows).toHaveLength(1);
    expect(parsed.refused).toBe(1);
    expect(parsed.errors.map((e) => [e.sheet, e.row, e.code])).toEqual([
      ['Actors', 11, 'UNREADABLE_CELL'],
      ['Actors', 4011, 'UNREADABLE_CELL'],
      ['Actors', 8011, 'UNREADABLE_CELL'],
      ['Members', 3, 'INVALID_INPUT'],
    ]);
    expect(parsed.rows[7]!.invalid).toEqual(new Set(['description']));
    expect(parsed.warnings.map((w) => w.code)).toEqual(['UNKNOWN_SHEET', 'ROWS_ABOVE_HEADER']);
    // the share of the sheets read, each weighed by its size in the zip: the actors' XML
    // (its text is in the shared strings) in three slices of a megabyte, then each other
    // sheet once; then the rows of the three sheets read (the actors' header, below a
    // title row, counts as one of them)
    const size = bytes.byteLength;
    const parsing = parsed.told
      .filter((s) => s.startsWith('parsing'))
      .map((s) => Number(/^parsing (\d+)\//.exec(s)![1]));
    expect(parsing).toHaveLength(6);
    expect(parsing.every((done, i) => i === 0 || done > parsing[i - 1]!)).toBe(true);
    expect(parsing[2]! / size).toBeGreaterThan(0.9);
    expect(parsed.told.slice(5)).toEqual([
      `parsing ${size}/${size}`,
      'mapping 5000/12005',
      'mapping 10000/12005',
      'mapping 12002/12005',
      'mapping 12003/12005',
      'mapping 12005/12005',
    ]);
  });

  it('reads a workbook saved by a spreadsheet program, a CSV and a JSON document', async () => {
    await bothWays(fixture('stakeholders-formulas.xlsx'), 'stakeholders.xlsx');
    const csv = toCsv(manyActors(6_000).map((row) => row.map(String)));
    expect((await bothWays(Buffer.from(csv), 'actors.csv')).rows).toHaveLength(6_000);
    const json = JSON.stringify({
      actors: [{ name: 'Alpha', kind: 'ngo', sector: 'civil_society' }],
    });
    expect((await bothWays(Buffer.from(json), 'graph.json')).memberRows).toBeUndefined();
  });

  it("refuses, with the reader's own errors, a file past a limit or not what its name says", async () => {
    const bomb = zipOf([
      { name: 'xl/worksheets/sheet1.xml', data: Buffer.alloc(30 * 1024 * 1024, 0x61) },
    ]);
    const unpacked = { ...LIMITS, maxUnpackedBytes: 10 * 1024 * 1024 };
    await expect(readFileInThread(bomb, { filename: 'b.xlsx' }, unpacked)).rejects.toMatchObject({
      name: 'GraphError',
      code: 'LIMIT_EXCEEDED',
      details: { reason: 'DECOMPRESSED_SIZE' },
    });
    const rows = await workbook({ actors: manyActors(30) });
    await expect(
      readFileInThread(rows, { filename: 'a.xlsx' }, { ...LIMITS, maxRows: 20 }),
    ).rejects.toMatchObject({
      code: 'LIMIT_EXCEEDED',
      message: "sheet 'actors' has more than 20 rows",
    });
    const latin1 = Buffer.from('name,kind\nCaf\xe9,ngo\n', 'latin1');
    await expect(readFileInThread(latin1, { filename: 'a.csv' }, LIMITS)).rejects.toMatchObject({
      code: 'INVALID_INPUT',
      details: { reason: 'ENCODING' },
    });
  });

  it('refuses a file that needs more memory than the thread may use, and reads the next', async () => {
    const bytes = await workbook({ actors: manyActors(40_000) });
    const small = await workbook({ actors: manyActors(3) });
    const [large, next] = await Promise.allSettled([
      readFileInThread(bytes, { filename: 'large.xlsx' }, LIMITS, { memoryMb: 16 }),
      readFileInThread(small, { filename: 'small.xlsx' }, LIMITS, { memoryMb: 16 }),
    ]);
    expect(large).toMatchObject({
      status: 'rejected',
      reason: { code: 'LIMIT_EXCEEDED', details: { reason: 'MEMORY', max: 16 } },
    });
    expect((large as PromiseRejectedResult).reason.message).toMatch(
      /needed more than the 16 MB of memory an import may use; nothing was imported/,
    );
    expect(next).toMatchObject({ status: 'fulfilled', value: { refused: 0 } });
  });

  it('gives a thread room for what the limits let through', () => {
    // reading a workbook holds some 4 bytes per unpacked byte
    expect(readingMemoryMb(LIMITS)).toBeGreaterThanOrEqual(400);
    expect(readingMemoryMb({ maxBytes: 1024, maxUnpackedBytes: 1024 })).toBe(256);
    expect(readingMemoryMb({ maxBytes: 200 * 1024 * 1024, maxUnpackedBytes: 1024 })).toBe(1_600);
  });
});
