/**
 * Files taken out to a spreadsheet program and brought back: the exports,
 * saved again by LibreOffice Calc, re-import as they are, and a workbook
 * LibreOffice made itself (formulas and all) imports. Needs LibreOffice
 * (`soffice`); in CI its absence is a failure, elsewhere a stated skip.
 */
import { execFile, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import ExcelJS from 'exceljs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runsWith } from '../helpers/prerequisite.js';
import { makeTestApp } from '../helpers/app.js';
import type { TestApp } from '../helpers/app.js';
import { multipartFile } from '../helpers/multipart.js';
import { unzipEntry, zipEntries } from '../../graph/io/zip.js';

const hasCalc = spawnSync('soffice', ['--version']).status === 0;
const reason = 'LibreOffice is not installed (apt-get install libreoffice-calc-nogui)';

/** Values spreadsheets like to reinterpret: numbers, formulas, dates, separators, line breaks. */
const AWKWARD_ACTORS = [
  {
    id: '007',
    name: '=HYPERLINK("http://example.org")',
    kind: 'ngo',
    sector: 'civil_society',
    tags: ['water; sanitation', 'a|b', '1-2', '0012'],
    description: 'line 1\nline 2 "quoted", and; more',
    contact: { phone: '+27 21 555 0100', email: 'info@example.org' },
  },
  {
    id: '1e5',
    name: 'Ōmarū — Trust ≠ 😀',
    kind: 'ngo',
    sector: 'civil_society',
    description: '-5',
  },
  {
    id: 'dated-2024-01-02',
    name: '2024-01-02',
    kind: 'community_group',
    sector: 'public',
    // what XML cannot hold as it is, written _xHHHH_, and text that looks so
    // (Calc itself turns a CR LF into a line feed, so there is none here)
    description: "Word's\u000Bline break, a bell\u0007, literal _x000D_ and _x005f_",
  },
];

let dir: string;
let t: TestApp;

/**
 * Runs LibreOffice headless with a profile of its own, so that runs never
 * share one; asynchronously, as a synchronous wait would hold the server's
 * event loop and the next request would find it overloaded (503).
 */
async function calc(args: string[]): Promise<void> {
  await promisify(execFile)(
    'soffice',
    [`-env:UserInstallation=file://${join(dir, 'profile')}`, '--headless', ...args],
    { timeout: 120_000 },
  );
}

/**
 * `content` written to the work folder as `name`, opened by LibreOffice
 * (with the import filter `infilter`, if given) and saved as `convertTo`:
 * the bytes it saved.
 */
async function savedByCalc(
  name: string,
  content: Buffer,
  convertTo: string,
  infilter?: string,
): Promise<Buffer> {
  const out = join(dir, 'out');
  mkdirSync(out, { recursive: true });
  writeFileSync(join(dir, name), content);
  await calc([
    ...(infilter ? [`--infilter=${infilter}`] : []),
    '--convert-to',
    convertTo,
    '--outdir',
    out,
    join(dir, name),
  ]);
  const saved = name.replace(/\.[^.]+$/, `.${convertTo.split(':')[0]}`);
  return readFileSync(join(out, saved));
}

const dryRun = (filename: string, content: Buffer) =>
  t.app.inject({
    method: 'POST',
    url: '/api/import?dryRun=true',
    ...multipartFile(filename, content),
  });

// comma, double quote, UTF-8, from the first line: what the exports write
const CSV_FILTER = 'CSV:44,34,76,1';

// LibreOffice takes a second or two a file, more on a loaded machine
describe('files saved again by LibreOffice Calc', { timeout: 60_000 }, () => {
  if (!runsWith(hasCalc, 'the LibreOffice round trips', reason)) return;

  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'mandatemap-calc-'));
    t = await makeTestApp();
    expect(hasCalc, reason).toBe(true);
    const added = await t.gql('mutation($d: JSON!) { importData(data: $d) { ok } }', {
      d: { actors: AWKWARD_ACTORS },
    });
    expect(added.data).toEqual({ importData: { ok: true } });
  });
  afterEach(async () => {
    await t.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('re-imports the workbook unchanged, awkward values and all', async () => {
    const exported = await t.app.inject('/api/export/xlsx');
    expect(exported.statusCode).toBe(200);
    const saved = await savedByCalc('mandatemap.xlsx', exported.rawPayload, 'xlsx');
    expect(saved.equals(exported.rawPayload)).toBe(false);

    const report = (await dryRun('mandatemap.xlsx', saved)).json();
    expect(report.errors).toEqual([]);
    expect(report.warnings).toEqual([]);
    const entities = (await t.app.inject('/api/export/json')).json() as Record<string, unknown[]>;
    const total = Object.values(entities).reduce((n, list) => n + list.length, 0);
    expect(report.counts).toEqual({ created: 0, updated: 0, unchanged: total, rejected: 0 });
  });

  it('re-imports the mandates CSV unchanged', async () => {
    const exported = await t.app.inject('/api/export/csv?entity=mandates');
    const saved = await savedByCalc(
      'mandates.csv',
      exported.rawPayload,
      'csv:Text - txt - csv (StarCalc):44,34,76,1',
      CSV_FILTER,
    );
    const report = (await dryRun('mandates.csv', saved)).json();
    expect(report).toMatchObject({ ok: true, errors: [], warnings: [] });
    expect(report.counts).toMatchObject({ created: 0, updated: 0, rejected: 0 });
    expect(report.counts.unchanged).toBeGreaterThan(30);
  });

  it('reports, row by row, the ids a spreadsheet read as numbers in a CSV, and writes nothing', async () => {
    const exported = await t.app.inject('/api/export/csv?entity=actors');
    expect(exported.body).toContain('\n007,');
    const saved = await savedByCalc(
      'actors.csv',
      exported.rawPayload,
      'csv:Text - txt - csv (StarCalc):44,34,76,1',
      CSV_FILTER,
    );
    // LibreOffice, as Excel does, took 007 and 1e5 for numbers
    expect(saved.toString()).toMatch(/\n7,/);
    expect(saved.toString()).not.toContain('\n1e5,');
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/import',
      ...multipartFile('actors.csv', saved),
    });
    const report = res.json();
    expect(res.statusCode).toBe(422);
    expect(report).toMatchObject({ ok: false, committed: false });
    // 1e5's record starts on line 4: 007's description takes lines 2 and 3
    expect(report.errors).toEqual([
      expect.objectContaining({ row: 4, column: 'id', code: 'INVALID_INPUT' }),
    ]);
    expect(report.warnings).toContainEqual(
      expect.objectContaining({
        row: 2,
        column: 'id',
        value: '7',
        code: 'LIKELY_DUPLICATE',
        message: expect.stringContaining(
          "differs only in leading zeros (as when a spreadsheet reads an id as a number) from stored actor '007'",
        ),
      }),
    );
    const seven = await t.gql('{ actor(id: "7") { id } }');
    expect(seven.data).toEqual({ actor: null });
  });

  it('imports a workbook made in LibreOffice, taking each formula by its result', async () => {
    const list = [
      'Name,Kind,Sector,Description,Tags',
      '"=CONCATENATE(""Berg River"";"" Youth Forum"")",Community group,civil society,=2+3,=TRUE()',
      'Paarl Trust,NGO,Civil Society,=2-2,=FALSE()',
    ].join('\r\n');
    // the last option makes LibreOffice evaluate the formulas as it reads the list
    const workbook = await savedByCalc(
      'list.csv',
      Buffer.from(list),
      'xlsx',
      'CSV:44,34,76,1,,,false,false,false,false,false,false,true',
    );
    // the cells hold formulas with their results, as a spreadsheet saves them
    const saved = new ExcelJS.Workbook();
    await saved.xlsx.load(workbook as unknown as ArrayBuffer);
    const sheet = saved.worksheets[0]!;
    expect(sheet.getCell('A2').value).toMatchObject({
      formula: expect.stringContaining('CONCATENATE'),
      result: 'Berg River Youth Forum',
    });
    expect(sheet.getCell('D2').value).toMatchObject({ formula: '2+3', result: 5 });
    // a result of 0 or FALSE, which exceljs's reader took for no result at all
    const [xml] = zipEntries(workbook)
      .filter((entry) => entry.name === 'xl/worksheets/sheet1.xml')
      .map((entry) => unzipEntry(entry, 1e7).toString('utf8'));
    expect(xml).toMatch(/<c r="D3"[^>]*><f[^>]*>2-2<\/f><v>0<\/v><\/c>/);
    expect(xml).toMatch(/<c r="E3"[^>]*t="b"[^>]*><f[^>]*>FALSE\(\)<\/f><v>0<\/v><\/c>/);
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/import',
      ...multipartFile('list.xlsx', workbook),
    });
    expect(res.json()).toMatchObject({ ok: true, errors: [] });
    expect(res.json().counts).toMatchObject({ created: 2, rejected: 0 });
    const actors = await t.gql<{
      forum: { name: string; description: string; tags: string[] } | null;
      trust: { description: string; tags: string[] } | null;
    }>(
      '{ forum: actor(id: "berg-river-youth-forum") { name description tags } trust: actor(id: "paarl-trust") { description tags } }',
    );
    expect(actors.data).toEqual({
      forum: { name: 'Berg River Youth Forum', description: '5', tags: ['true'] },
      trust: { description: '0', tags: ['false'] },
    });
  });
});
