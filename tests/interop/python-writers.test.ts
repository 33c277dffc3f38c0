/**
 * Workbooks written by other programs than ours: openpyxl and XlsxWriter,
 * the writers behind pandas' to_excel, with which many lists are made. The
 * same list, saved by each (python-workbooks.py), imports the same: shared
 * strings, merged cells, dates by their number format, a formula by its
 * result. Needs Python 3 with openpyxl and XlsxWriter; in CI their absence
 * is a failure, elsewhere a stated skip.
 */
import { execFile, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { runsWith } from '../helpers/prerequisite.js';
import { makeTestApp } from '../helpers/app.js';
import type { TestApp } from '../helpers/app.js';
import { multipartFile } from '../helpers/multipart.js';

/** The first Python that has both writers: the one on the PATH, else Debian's (apt's modules are its own). */
const python = ['python3', '/usr/bin/python3'].find(
  (candidate) => spawnSync(candidate, ['-c', 'import openpyxl, xlsxwriter']).status === 0,
);
const reason =
  'Python 3 with openpyxl and XlsxWriter is not installed (apt-get install python3-openpyxl python3-xlsxwriter)';

let dir: string;

const importFile = (t: TestApp, name: string, dryRun = false) =>
  t.app.inject({
    method: 'POST',
    url: `/api/import${dryRun ? '?dryRun=true' : ''}`,
    ...multipartFile(name, readFileSync(join(dir, name))),
  });

describe('workbooks written by openpyxl and XlsxWriter', { timeout: 30_000 }, () => {
  if (!runsWith(python !== undefined, 'the Python workbook writers', reason)) return;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'mandatemap-python-'));
    if (python)
      await promisify(execFile)(python, [join(import.meta.dirname, 'python-workbooks.py'), dir]);
  });
  // in CI, each test fails when the writers are missing
  beforeEach(() => {
    expect(python, reason).toBeDefined();
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it.each(['openpyxl.xlsx', 'xlsxwriter.xlsx'])('%s imports as its cells say', async (name) => {
    const t = await makeTestApp();
    try {
      const res = await importFile(t, name);
      expect(res.json()).toMatchObject({ ok: true, errors: [], warnings: [] });
      expect(res.json().counts).toEqual({ created: 3, updated: 0, unchanged: 0, rejected: 0 });
      const { actors: actor, mandates: mandate } = (
        await t.app.inject('/api/export/json')
      ).json() as Record<string, Record<string, unknown>[]>;
      const byId = (list: Record<string, unknown>[] | undefined, id: string) =>
        list?.find((entity) => entity.id === id);
      expect(byId(actor, '007')).toMatchObject({
        name: 'Berg River Trust & <Friends>',
        kind: 'ngo',
        sector: 'civil_society',
        description: 'line one\nline two',
        tags: ['rivers', 'water'],
      });
      expect(byId(actor, 'paarl-forum')).toMatchObject({
        name: 'Paarl Youth Forum \u{1F30A}',
        kind: 'community_group',
        sector: 'civil_society',
        description: 'Youth, sport & rivers',
        tags: ['0012'],
      });
      expect(byId(mandate, 'abstraction-licences')).toMatchObject({
        holderId: 'dws',
        validFrom: '2012-04-01',
        validTo: '2030-03-31',
      });
    } finally {
      await t.close();
    }
  });

  it('reports a formula openpyxl saved without a result, and writes nothing', async () => {
    const t = await makeTestApp();
    try {
      const res = await importFile(t, 'openpyxl-formula.xlsx');
      expect(res.statusCode).toBe(422);
      expect(res.json()).toMatchObject({ ok: false, committed: false });
      expect(res.json().errors).toEqual([
        expect.objectContaining({
          sheet: 'Actors',
          row: 2,
          column: 'description',
          code: 'UNREADABLE_CELL',
        }),
      ]);
      const found = await t.gql<{ actor: unknown }>('{ actor(id: "formula-trust") { id } }');
      expect(found.data).toEqual({ actor: null });
    } finally {
      await t.close();
    }
  });
});
