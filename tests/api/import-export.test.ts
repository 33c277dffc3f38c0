import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeTestApp } from '../helpers/app.js';
import type { TestApp } from '../helpers/app.js';
import { multipartFile } from '../helpers/multipart.js';

let t: TestApp;
beforeEach(async () => {
  t = await makeTestApp({
    config: {
      importLimits: { maxBytes: 4096, maxRows: 1000, maxColumns: 50, maxUnpackedBytes: 1_000_000 },
    },
  });
});
afterEach(async () => t.close());

const upload = (filename: string, content: string | Buffer, query = '') =>
  t.app.inject({ method: 'POST', url: `/api/import${query}`, ...multipartFile(filename, content) });

describe('POST /api/import', () => {
  it('reports a dry run, then commits, then finds nothing to change', async () => {
    const csv = 'Name,Type,Sector\nPaarl Rivers Trust,NGO,civil society\n';
    const dry = await upload('actors.csv', csv, '?dryRun=true');
    expect(dry.statusCode).toBe(200);
    expect(dry.json()).toMatchObject({
      ok: true,
      dryRun: true,
      committed: false,
      counts: { created: 1 },
    });
    const real = await upload('actors.csv', csv);
    expect(real.json()).toMatchObject({ ok: true, committed: true, counts: { created: 1 } });
    expect(
      (await t.gql('{ actor(id: "paarl-rivers-trust") { kind sector } }')).data?.actor,
    ).toEqual({ kind: 'NGO', sector: 'CIVIL_SOCIETY' });
    expect((await upload('actors.csv', csv)).json().counts).toEqual({
      created: 0,
      updated: 0,
      unchanged: 1,
      rejected: 0,
    });
  });

  it('answers 422 with every problem, and writes nothing', async () => {
    const res = await upload('actors.csv', 'Name,Type,Sector\nGood,ngo,public\nBad,cabal,public\n');
    expect(res.statusCode).toBe(422);
    expect(res.json()).toMatchObject({
      ok: false,
      committed: false,
      errors: [{ row: 3, column: 'Type', code: 'INVALID_INPUT' }],
    });
    expect((await t.gql('{ actor(id: "good") { id } }')).data?.actor).toBeNull();
  });

  it('takes the entity type from the query', async () => {
    const res = await upload('list.csv', 'name,rank\nWard,5\n', '?type=levels');
    expect(res.json()).toMatchObject({ ok: true, counts: { created: 1 } });
  });

  it.each([
    ['an oversized file', 'actors.csv', 'x'.repeat(5000), 413, 'LIMIT_EXCEEDED'],
    ['a file type it cannot read', 'actors.pdf', '%PDF-1.4', 415, 'BAD_USER_INPUT'],
    [
      'a file that is not UTF-8',
      'actors.csv',
      Buffer.from([0x6e, 0x0a, 0xe9]),
      400,
      'BAD_USER_INPUT',
    ],
    ['broken JSON', 'graph.json', '{"actors": [', 400, 'BAD_USER_INPUT'],
  ])('refuses %s with a coded error', async (_label, name, content, status, code) => {
    const res = await upload(name, content);
    expect(res.statusCode).toBe(status);
    expect(res.json().error.code).toBe(code);
  });

  it('refuses a request without a file', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/api/import', payload: { a: 1 } });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.message).toMatch(/multipart/);
  });
});

describe('GET /api/export/:format', () => {
  it('exports CSV that re-imports as it is', async () => {
    const res = await t.app.inject('/api/export/csv?entity=actors');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/text\/csv/);
    expect(res.headers['content-disposition']).toContain('actors.csv');
    const again = await upload('actors.csv', res.rawPayload);
    expect(again.json().counts).toMatchObject({ created: 0, updated: 0, rejected: 0 });
  });

  it('streams a workbook that re-imports as it is over HTTP', async () => {
    const roomy = await makeTestApp();
    try {
      const res = await roomy.app.inject('/api/export/xlsx');
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-disposition']).toContain('mandatemap.xlsx');
      const again = await roomy.app.inject({
        method: 'POST',
        url: '/api/import?dryRun=true',
        ...multipartFile('mandatemap.xlsx', res.rawPayload),
      });
      expect(again.json()).toMatchObject({ ok: true, errors: [], warnings: [] });
      expect(again.json().counts).toMatchObject({ created: 0, updated: 0, rejected: 0 });
      expect(again.json().counts.unchanged).toBeGreaterThan(100);
    } finally {
      await roomy.close();
    }
  });

  it('neutralises formulas in exported CSV', async () => {
    await t.gql(
      'mutation { createActor(input: { id: "formula", name: "=HYPERLINK(\\"http://x\\")", kind: NGO, sector: PUBLIC }) { id } }',
    );
    const csv = (await t.app.inject('/api/export/csv?entity=actor')).body;
    expect(csv).toContain(`'=HYPERLINK`);
    expect(csv).not.toMatch(/(^|[,\n])=HYPERLINK/);
  });

  it.each([
    ['graphml', /<graphml[\s\S]*<node id="dws">[\s\S]*<\/graphml>/],
    [
      'gexf',
      /<gexf[\s\S]*<node id="dws" label="Department of Water and Sanitation">[\s\S]*<\/gexf>/,
    ],
  ])('exports %s of the actor network', async (format, shape) => {
    const res = await t.app.inject(`/api/export/${format}`);
    expect(res.statusCode).toBe(200);
    expect(res.body).toMatch(shape);
  });

  it('keeps XML well formed whatever the names contain', async () => {
    await t.gql(
      'mutation { createActor(input: { id: "odd", name: "<b>A & B</b> \\"q\\" \\u0001", kind: NGO, sector: PUBLIC }) { id } }',
    );
    const body = (await t.app.inject('/api/export/graphml')).body;
    expect(body).toContain('&lt;b&gt;A &amp; B&lt;/b&gt; &quot;q&quot; ');
    expect(body).not.toContain('\u0001');
  });

  it('restricts the network to a scope, and exports JSON of the whole graph', async () => {
    const scoped = (await t.app.inject('/api/export/gexf?issueId=water-pricing')).body;
    expect(scoped).toContain('id="dws"');
    expect(scoped).not.toContain('id="wesgro"');
    const json = (await t.app.inject('/api/export/json')).json();
    expect(Object.keys(json)).toEqual([
      'levels',
      'jurisdictions',
      'issues',
      'actors',
      'mandates',
      'partnerships',
      'interests',
      'ties',
      'assessments',
    ]);
  });

  it.each([
    ['gexf?at=2020-13-45', "at must be a date written yyyy-mm-dd, or 'any'; not '2020-13-45'"],
    [
      'graphml?issue=water-quality',
      "unknown parameter 'issue'; /api/export/:format takes 'entity', 'issueId', 'jurisdictionId', 'at'. Nothing was done",
    ],
    [
      'csv?entity=actors&entity=mandates',
      "'entity' is given twice, as 'actors' and 'mandates': give it once. Nothing was done",
    ],
    [
      'csv?entity=mandates&issueId=water-quality',
      'issueId restricts the actor network (graphml, gexf); a csv export holds every entity, unscoped',
    ],
    [
      'json?entity=actors',
      'entity chooses the table of a csv export; a json export holds every entity',
    ],
  ])('refuses %s with a message that says why', async (query, message) => {
    const res = await t.app.inject(`/api/export/${query}`);
    expect(res.statusCode).toBe(400);
    expect(res.json().error).toMatchObject({ code: 'BAD_USER_INPUT', message });
  });

  it('refuses a workbook whose list is longer than a spreadsheet cell holds, and exports it as JSON', async () => {
    const roomy = await makeTestApp();
    try {
      // a national mandate over 2,000 wards: 55,999 characters of ids in one cell
      const jurisdictions = Array.from({ length: 2000 }, (_, i) => ({
        id: `metro-ward-${String(i).padStart(4, '0')}-of-the-city`,
        name: `Ward ${i}`,
        kind: 'ward',
      }));
      const mandate = {
        id: 'ward-committees',
        title: 'Ward committees',
        function: 'coordinate',
        strength: 'core',
        holderId: 'dws',
        issueIds: ['water-quality'],
        jurisdictionIds: jurisdictions.map((j) => j.id),
      };
      const imported = await roomy.gql('mutation($d: JSON!) { importData(data: $d) { ok } }', {
        d: { jurisdictions, mandates: [mandate] },
      });
      expect(imported.data).toEqual({ importData: { ok: true } });

      const res = await roomy.app.inject('/api/export/xlsx');
      expect(res.statusCode).toBe(413);
      expect(res.json().error).toMatchObject({
        code: 'LIMIT_EXCEEDED',
        message:
          "mandate 'ward-committees' has 55,999 characters of jurisdictionIds, more than a spreadsheet cell holds (32,767): export as JSON or CSV instead",
        details: { entity: 'mandate', id: 'ward-committees', field: 'jurisdictionIds' },
      });
      const json = await roomy.app.inject('/api/export/json');
      const stored = json.json().mandates.find((m: { id: string }) => m.id === 'ward-committees');
      expect(stored.jurisdictionIds).toHaveLength(2000);
    } finally {
      await roomy.close();
    }
  });

  it('takes the format in any case', async () => {
    const res = await t.app.inject('/api/export/GraphML');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('graphml');
  });

  it('refuses an unknown format', async () => {
    const res = await t.app.inject('/api/export/pdf');
    expect(res.statusCode).toBe(415);
  });
});

describe('text no file can hold', () => {
  it('refuses a lone UTF-16 surrogate from GraphQL and from JSON, and writes nothing', async () => {
    const version = (await t.gql('{ actors(first: 0) { totalCount } }')).data;
    const created = await t.gql(
      'mutation($input: CreateActorInput!) { createActor(input: $input) { id } }',
      { input: { name: 'Half \ud83d', kind: 'NGO', sector: 'PUBLIC' } },
    );
    expect(created.errors?.[0]).toMatchObject({
      message: expect.stringContaining('name: character 6 is half of a UTF-16 surrogate pair'),
      extensions: { code: 'BAD_USER_INPUT' },
    });
    // a JSON file with one such name among good ones: the row is refused, the file with it
    const json = JSON.stringify({
      actors: [
        { name: 'Whole 🌊', kind: 'ngo', sector: 'public' },
        { name: 'Half', description: 'ends in \udc00', kind: 'ngo', sector: 'public' },
      ],
    });
    expect(json).toContain('\\udc00');
    const report = (await upload('graph.json', json)).json();
    expect(report).toMatchObject({
      ok: false,
      committed: false,
      counts: { created: 1, rejected: 1 },
    });
    expect(report.errors).toEqual([
      expect.objectContaining({
        sheet: 'actors',
        row: 2,
        column: 'description',
        code: 'INVALID_INPUT',
        message: expect.stringContaining('character 9 is half of a UTF-16 surrogate pair (U+DC00)'),
      }),
    ]);
    expect((await t.gql('{ actors(first: 0) { totalCount } }')).data).toEqual(version);
  });
});

describe('round trips', () => {
  it.each([
    ['csv', '/api/export/csv?entity=actors', 'actors.csv'],
    ['workbook', '/api/export/xlsx', 'mandatemap.xlsx'],
  ])(
    '%s export then import is the identity, for arbitrary unicode names, tags and descriptions',
    async (_, url, filename) => {
      const trimmed = (unit: fc.Arbitrary<string> | 'grapheme', maxLength: number) =>
        fc
          .string({ unit, minLength: 1, maxLength })
          .filter((s) => s.trim() !== '' && s === s.trim());
      // tags often hold what separates the values of a cell, or escapes it
      const tag = trimmed(
        fc.oneof(
          fc.constantFrom('|', ';', '\\', '\n', ' '),
          fc.string({ unit: 'grapheme', maxLength: 1 }),
        ),
        12,
      );
      // free text as people write it: any spacing, quotes, delimiters, formula-like starts, controls
      const textUnit = fc.oneof(
        fc.constantFrom(
          ' ',
          '\n',
          '\t',
          '=',
          '+',
          '-',
          '@',
          "'",
          '"',
          ',',
          ';',
          '|',
          '_x000D_',
          '&amp;',
          '<',
          // a carriage return, Word's line break, a bell, a non-character: XML holds none as they are
          '\r',
          '\u000B',
          '\u0007',
          '\uFFFF',
        ),
        fc.string({ unit: 'grapheme', minLength: 1, maxLength: 1 }),
      );
      await fc.assert(
        fc.asyncProperty(
          fc.array(
            fc.record({
              name: trimmed('grapheme', 30),
              tags: fc.uniqueArray(tag, { maxLength: 3 }),
              description: fc.string({ unit: textUnit, maxLength: 40 }),
            }),
            {
              minLength: 1,
              maxLength: 8,
            },
          ),
          async (entries) => {
            const app = await makeTestApp({ sample: false });
            const actors = entries.map(({ name, tags, description }, i) => ({
              id: `a${i}`,
              name,
              tags,
              description,
              kind: 'ngo',
              sector: 'civil_society',
            }));
            await app.gql('mutation($d: JSON!) { importData(data: $d) { ok } }', { d: { actors } });
            const exported = (await app.app.inject(url)).rawPayload;
            const second = await makeTestApp({ sample: false });
            const report = (
              await second.app.inject({
                method: 'POST',
                url: '/api/import',
                ...multipartFile(filename, exported),
              })
            ).json();
            expect(report.ok).toBe(true);
            const read = async (a: TestApp) =>
              (await a.app.inject('/api/export/json')).json().actors;
            expect(await read(second)).toEqual(await read(app));
            await Promise.all([app.close(), second.close()]);
          },
        ),
        { numRuns: 25 },
      );
    },
  );
});
