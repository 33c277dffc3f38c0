import { describe, expect, it } from 'vitest';
import { dryRunText, fixture, useSampleService } from '../../tests/helpers/sample-service.js';
import { exportBytes } from '../../tests/helpers/export-bytes.js';
import { COLLECTION_OF, ENTITY_TYPES } from '../model/index.js';
import { exportGraph } from './export.js';
import { READ_IN_THREAD_FROM, importDocument, importFile, readsInThread } from './import-file.js';

const sample = useSampleService();

describe('importing messy files', () => {
  it('maps a messy actor list, reports every bad row with where it is, and writes nothing', async () => {
    const version = await sample.current.store.version();
    const report = await importFile(sample.current, fixture('actors-messy.csv'), {
      filename: 'actors-messy.csv',
    });
    expect(report.ok).toBe(false);
    expect(report.committed).toBe(false);
    expect(report.errors.map((e) => [e.row, e.column, e.code])).toEqual([
      [6, 'Home', 'UNKNOWN_REFERENCE'],
      [7, 'Type', 'INVALID_INPUT'],
      [7, 'Sector', 'INVALID_INPUT'],
    ]);
    expect(report.errors[0]!.value).toBe('atlantis');
    expect(report.counts).toEqual({ created: 3, updated: 0, unchanged: 0, rejected: 2 });
    const { created, updated, unchanged, rejected } = report.counts;
    expect(created + updated + unchanged + rejected).toBe(5);
    expect(report.warnings.map((w) => [w.row, w.code])).toEqual([[5, 'LIKELY_DUPLICATE']]);
    expect(await sample.current.store.version()).toBe(version);
  });

  it('normalises enums, trims, splits multi-value cells and resolves names, on a dry run', async () => {
    const fixed = fixture('actors-messy.csv')
      .toString('utf8')
      .split('\r\n')
      .slice(0, 5)
      .join('\r\n');
    const report = await importFile(sample.current, new TextEncoder().encode(fixed), {
      filename: 'actors.csv',
      dryRun: true,
    });
    expect(report).toMatchObject({
      ok: true,
      dryRun: true,
      committed: false,
      counts: { created: 3 },
    });
    const real = await importFile(sample.current, new TextEncoder().encode(fixed), {
      filename: 'actors.csv',
    });
    expect(real.committed).toBe(true);
    const [film, anglers] = await sample.current.store.getMany('actor', [
      'wesgro-film-office',
      'berg-river-anglers',
    ]);
    expect(film).toMatchObject({
      name: 'Wesgro Film Office',
      kind: 'public_entity',
      sector: 'public',
      levelId: 'provincial',
      jurisdictionId: 'western-cape',
      tags: ['tourism', 'film'],
      contact: { url: 'https://example.org/film' },
    });
    expect(anglers).toMatchObject({
      kind: 'community_group',
      sector: 'civil_society',
      jurisdictionId: 'berg-river-catchment',
    });
    const again = await importFile(sample.current, new TextEncoder().encode(fixed), {
      filename: 'actors.csv',
    });
    expect(again.counts).toEqual({ created: 0, updated: 0, unchanged: 3, rejected: 0 });
  });

  it('reports a non-numeric score, resolves an issue by name and an enum synonym', async () => {
    const report = await importFile(sample.current, fixture('interests-messy.csv'), {
      filename: 'interests.csv',
    });
    expect(report.errors).toEqual([
      {
        sheet: 'interests.csv',
        row: 2,
        column: 'interest',
        value: 'five',
        code: 'INVALID_NUMBER',
        message: "interest: 'five' is not a number: give a whole number from 1 to 5",
      },
      {
        sheet: 'interests.csv',
        row: 2,
        column: 'actor',
        value: 'Berg River Anglers',
        code: 'UNKNOWN_REFERENCE',
        message: "no actor has the id or the name 'Berg River Anglers'",
      },
    ]);
    const ok = await importFile(
      sample.current,
      new TextEncoder().encode(
        'actor,issue,stance,influence,interest\nwwf-sa,Water quality,For,4,5\n',
      ),
      {
        filename: 'interests.csv',
      },
    );
    expect(ok.ok).toBe(true);
    expect(
      (await sample.current.store.getMany('interest', ['wwf-sa~water-quality']))[0],
    ).toMatchObject({
      stance: 'supports',
    });
  });

  it('reads quoted mandates with commas and newlines, multi-valued issues and a holder by name', async () => {
    const report = await importFile(sample.current, fixture('mandates-quoted.csv'), {
      filename: 'mandates.csv',
    });
    expect(report.errors).toEqual([]);
    const [byLaw] = await sample.current.store.getMany('mandate', [
      'trade-effluent-by-law-enforcement',
    ]);
    expect(byLaw).toMatchObject({
      holderId: 'drakenstein-municipality',
      function: 'enforce',
      issueIds: ['effluent', 'water-quality'],
      source: {
        instrument: 'Drakenstein Municipality: Water Services By-law',
        section: 's 12, s 13',
      },
      validFrom: '2019-07-01',
    });
    expect(
      (await sample.current.store.getMany('mandate', ['catchment-monitoring-for-the-estuary']))[0]
        ?.title,
    ).toBe('Catchment monitoring\nfor the estuary');
  });

  it.each([
    ['a file that is not UTF-8', 'actors-latin1.csv', {}, 'INVALID_INPUT', /not UTF-8/],
    ['a format it cannot read', 'actors.xls', {}, 'INVALID_INPUT', /cannot import '.xls'/],
    [
      'an Excel 97-2003 workbook, whatever its name',
      'old.csv',
      {},
      'INVALID_INPUT',
      /^the file is an Excel 97-2003 workbook \(\.xls\), which is not read: save it as an Excel Workbook \(\.xlsx\) or as CSV UTF-8$/,
    ],
    [
      'a workbook named .csv',
      'workbook.csv',
      {},
      'INVALID_INPUT',
      /^the file is named \.csv but is a workbook \(\.xlsx\) or another zip file: if it is a workbook, name it \.xlsx$/,
    ],
    [
      'UTF-16 text without a byte-order mark',
      'utf16.csv',
      {},
      'INVALID_INPUT',
      /^the file is named \.csv but is UTF-16 text: save it as UTF-8 \(CSV UTF-8 in Excel\)$/,
    ],
    [
      'a PDF named .csv',
      'scan.csv',
      {},
      'INVALID_INPUT',
      /^the file is named \.csv but is a PDF document; a \.csv file must be text$/,
    ],
    [
      'a file over the size limit',
      'actors-messy.csv',
      { maxBytes: 100 },
      'LIMIT_EXCEEDED',
      /more than 100/,
    ],
    [
      'more rows than allowed',
      'actors-messy.csv',
      { maxRows: 2 },
      'LIMIT_EXCEEDED',
      /more than 2 rows/,
    ],
    [
      'more columns than allowed',
      'actors-messy.csv',
      { maxColumns: 3 },
      'LIMIT_EXCEEDED',
      /columns/,
    ],
    [
      'a JSON document with more rows than allowed',
      'actors.json',
      { maxRows: 2 },
      'LIMIT_EXCEEDED',
      /^the document has 3 rows, more than 2$/,
    ],
  ])('refuses %s with a coded error', async (_label, name, limits, code, message) => {
    const actors = ['One', 'Two', 'Three'].map((n) => ({ name: n, kind: 'ngo', sector: 'public' }));
    const made: Record<string, () => Buffer> = {
      'actors.xls': () => Buffer.from('x'),
      'actors.json': () => Buffer.from(JSON.stringify({ actors })),
      'old.csv': () =>
        Buffer.concat([
          Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]),
          Buffer.alloc(64),
        ]),
      'workbook.csv': () => fixture('kumu-export.xlsx'),
      'scan.csv': () => Buffer.from('%PDF-1.4\n'),
      'utf16.csv': () => Buffer.from('name,kind,sector\nA,ngo,public\n', 'utf16le'),
    };
    const bytes = made[name]?.() ?? fixture(name);
    const error = await importFile(sample.current, bytes, { filename: name, limits }).catch(
      (e) => e,
    );
    expect(error).toMatchObject({ code });
    expect(error.message).toMatch(message);
  });

  it('names a reference that is neither an id nor a known name', async () => {
    const report = await importFile(
      sample.current,
      new TextEncoder().encode('name,kind,sector,home\nX,ngo,public,Lost City\n'),
      {
        filename: 'actors.csv',
      },
    );
    expect(report.errors).toMatchObject([
      {
        row: 2,
        column: 'home',
        code: 'UNKNOWN_REFERENCE',
        message: "no jurisdiction has the id or the name 'Lost City'",
      },
    ]);
    expect(report.counts.rejected).toBe(1);
  });

  it('says which required columns are missing', async () => {
    const report = await importFile(
      sample.current,
      new TextEncoder().encode('name,colour\nX,red\n'),
      {
        filename: 'actors.csv',
      },
    );
    expect(report.errors.map((e) => [e.code, e.column])).toEqual([
      ['MISSING_COLUMN', 'kind'],
      ['MISSING_COLUMN', 'sector'],
    ]);
    expect(report.warnings.map((w) => w.code)).toEqual(['UNKNOWN_COLUMN']);
  });

  it('asks once for a missing name column, not once per row', async () => {
    const report = await dryRunText(
      sample.current,
      'actors.csv',
      'id,kind,sector\nx1,ngo,public\nx2,ngo,public\n',
    );
    expect(report.errors.map((e) => [e.row, e.code, e.column])).toEqual([
      [1, 'MISSING_COLUMN', 'name'],
    ]);
  });

  it('says an empty file is empty, and writes nothing', async () => {
    const version = await sample.current.store.version();
    for (const text of ['', '\ufeff', '\n\n']) {
      const report = await importFile(sample.current, new TextEncoder().encode(text), {
        filename: 'actors.csv',
      });
      expect(report).toMatchObject({ ok: true, errors: [] });
      expect(report.counts).toEqual({ created: 0, updated: 0, unchanged: 0, rejected: 0 });
      expect(report.warnings.map((w) => [w.code, w.message])).toEqual([
        ['EMPTY_SHEET', "'actors.csv' is empty: nothing to import"],
      ]);
    }
    expect(await sample.current.store.version()).toBe(version);
  });

  it('reports progress while it parses, maps, checks and writes', async () => {
    const csv = [
      'name,kind,sector',
      ...Array.from({ length: 12_000 }, (_, i) => `Org ${i},ngo,civil society`),
    ].join('\n');
    const bytes = new TextEncoder().encode(csv);
    const stages: string[] = [];
    const report = await importFile(sample.current, bytes, {
      filename: 'actors.csv',
      onProgress: (stage, done, total) => stages.push(`${stage} ${done}/${total}`),
    });
    expect(report.counts.created).toBe(12_000);
    const size = bytes.byteLength;
    // parsed 5,000 rows a turn: told after the first two turns, as a share of the bytes
    const parsing = stages.filter((s) => s.startsWith('parsing'));
    const parsed = parsing.map((s) => Number(/ (\d+)\//.exec(s)![1]));
    expect(parsing).toHaveLength(4);
    expect(parsing[0]).toBe(`parsing 0/${size}`);
    expect(parsing[3]).toBe(`parsing ${size}/${size}`);
    expect(parsed[1]! / size).toBeCloseTo(5_001 / 12_001, 1);
    expect(parsed[2]! / size).toBeCloseTo(10_001 / 12_001, 1);
    expect(stages.slice(4)).toEqual([
      'mapping 5000/12000',
      'mapping 10000/12000',
      'mapping 12000/12000',
      'checking 0/12000',
      'checking 5000/12000',
      'checking 10000/12000',
      'checking 12000/12000',
      'writing 0/12000',
      'writing 12000/12000',
    ]);
    // the same file again, one row changed: only that row is written
    const edited = new TextEncoder().encode(csv.replace('Org 7,ngo,', 'Org 7,research,'));
    stages.length = 0;
    const again = await importFile(sample.current, edited, {
      filename: 'actors.csv',
      onProgress: (stage, done, total) => stages.push(`${stage} ${done}/${total}`),
    });
    expect(again.counts).toMatchObject({ updated: 1, unchanged: 11_999 });
    expect(stages.slice(-3)).toEqual(['checking 12000/12000', 'writing 0/1', 'writing 1/1']);
    // and once more: nothing to write, which it says at the end
    stages.length = 0;
    await importFile(sample.current, edited, {
      filename: 'actors.csv',
      onProgress: (stage, done, total) => stages.push(`${stage} ${done}/${total}`),
    });
    expect(stages.slice(-2)).toEqual(['checking 12000/12000', 'writing 0/0']);
  });

  it('reports no writing on a dry run, nor when the file is refused', async () => {
    for (const [csv, dryRun] of [
      ['name,kind,sector\nOrg,ngo,public\n', true],
      ['name,kind,sector\nOrg,cabal,public\n', false],
    ] as const) {
      const stages: string[] = [];
      const report = await importFile(sample.current, new TextEncoder().encode(csv), {
        filename: 'actors.csv',
        dryRun,
        onProgress: (stage, done, total) => stages.push(`${stage} ${done}/${total}`),
      });
      expect(report.committed).toBe(false);
      expect(stages.at(-1)).toBe('checking 1/1');
      expect(stages.some((s) => s.startsWith('writing'))).toBe(false);
    }
  });

  it('takes a tab-separated file of levels', async () => {
    const report = await importFile(sample.current, fixture('levels.tsv'), {
      filename: 'levels.tsv',
    });
    expect(report).toMatchObject({ ok: true, counts: { created: 1 } });
  });

  it('takes an assessment sheet with the dimensions named as the maturity assessment names them', async () => {
    const report = await importFile(
      sample.current,
      new TextEncoder().encode(
        'Partnership,Date,Goals and objectives,Resources,Activities,Communications,Governance,"Processes, technologies and systems","Culture, attitudes, leadership"\n' +
          'BRIP Steering Committee,2020-06-30,5,4,4,3,4,3,5\n',
      ),
      { filename: 'assessments.csv' },
    );
    expect(report.errors).toEqual([]);
    const assessment = (await sample.current.state()).entities.assessment.get(
      'brip-steering-committee@2020-06-30',
    );
    expect(assessment?.scores).toEqual({
      goals: 5,
      resources: 4,
      activities: 4,
      communications: 3,
      governance: 4,
      systems: 3,
      culture: 5,
    });
  });

  it("takes Excel's Unicode Text: tab-separated UTF-16 with a byte-order mark", async () => {
    const text = 'Organisation\tType\tSector\r\nZoë Ndlovu Trust\tNGO\tCivil society\r\n';
    const bytes = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
    const report = await importFile(sample.current, bytes, { filename: 'stakeholders.txt' });
    expect(report).toMatchObject({ ok: true, counts: { created: 1 } });
    const actor = (await sample.current.state()).entities.actor.get('zoe-ndlovu-trust');
    expect(actor).toMatchObject({ name: 'Zoë Ndlovu Trust', kind: 'ngo' });
  });
});

describe('reports that say what to do', () => {
  const dryRun = (filename: string, text: string) => dryRunText(sample.current, filename, text);

  it('says when a clashing id was made from a name', async () => {
    const report = await dryRun(
      'actors.csv',
      'name,kind,sector\nDept. of Water,department,public\nDept of Water,department,public\n',
    );
    expect(report.errors).toMatchObject([
      { row: 3, column: 'id', value: 'dept-of-water', code: 'DUPLICATE_ID' },
    ]);
    expect(report.errors[0]!.message).toBe(
      "actor 'dept-of-water' (the id made from its name) is also at actors.csv row 2: give one of them another id, or merge the rows",
    );
  });

  it('says when a clashing id is the one the ends of an interest make', async () => {
    const report = await dryRun(
      'interests.csv',
      'actor,issue,stance,influence,interest\ndws,water-quality,supports,4,5\ndws,water-quality,opposes,2,2\n',
    );
    expect(report.errors.map((e) => [e.row, e.code, e.message])).toEqual([
      [
        3,
        'DUPLICATE_ID',
        "interest 'dws~water-quality' (the id its ends make) is also at interests.csv row 2: merge the rows",
      ],
    ]);
  });

  it('shows the value that closes a cycle, and scores out of range in plain words', async () => {
    const cycle = await dryRun(
      'jurisdictions.csv',
      'id,name,kind,parent\nj-a,A,municipality,j-b\nj-b,B,municipality,j-a\n',
    );
    expect(cycle.errors.map((e) => [e.row, e.column, e.value, e.code])).toEqual([
      [2, 'parent', 'j-b', 'CYCLE'],
      [3, 'parent', 'j-a', 'CYCLE'],
    ]);
    const scores = await dryRun(
      'interests.csv',
      'actor,issue,stance,influence,interest\ndws,water-quality,supports,"4,5",6\n',
    );
    expect(scores.errors.map((e) => e.message)).toEqual([
      'influence: must be a whole number from 1 to 5',
      'interest: must be a whole number from 1 to 5',
    ]);
    const typos = await dryRun(
      'actors.csv',
      'name,kind,sector\nA,munisipality,public\nB,cabal,goverment\n',
    );
    expect(typos.errors.map((e) => [e.row, e.value, e.message])).toEqual([
      [
        2,
        'munisipality',
        "kind: 'munisipality' is not one of department, municipality, public_entity, business, industry_body, ngo, community_group, research, international, other (did you mean 'municipality'?)",
      ],
      [
        3,
        'cabal',
        "kind: 'cabal' is not one of department, municipality, public_entity, business, industry_body, ngo, community_group, research, international, other",
      ],
      [
        3,
        'goverment',
        "sector: 'goverment' is not one of public, private, civil_society, academic (did you mean 'government', read as public?)",
      ],
    ]);
    const several = await dryRun(
      'interests.csv',
      'actor,issue,stance,influence,interest\nBerg River Anglers,water-quality,suports,five,5\n',
    );
    expect(several.counts).toMatchObject({ rejected: 1 });
    expect(several.errors.map((e) => [e.row, e.column, e.code])).toEqual([
      [2, 'influence', 'INVALID_NUMBER'],
      [2, 'actor', 'UNKNOWN_REFERENCE'],
      [2, 'stance', 'INVALID_INPUT'],
    ]);
    const blanks = await dryRun(
      'actors.csv',
      'id,Organisation,Type,sector\nx1,,ngo,public\nx2,B,,public\n',
    );
    expect(blanks.errors.map((e) => [e.row, e.column, e.value, e.message])).toEqual([
      [2, 'Organisation', '', 'name: is required'],
      [
        3,
        'Type',
        '',
        'kind: is required; one of department, municipality, public_entity, business, industry_body, ngo, community_group, research, international, other',
      ],
    ]);
  });

  it('reads dates as a spreadsheet saved them, and refuses one that could be read two ways', async () => {
    const header = 'title,function,strength,holder,issues,places,valid from,valid to\n';
    const row = (title: string, from: string, to: string) =>
      `${title},regulate,core,dws,water-quality,berg-river-catchment,${from},${to}\n`;
    // no date of the sheet says whether the day or the month comes first
    const report = await dryRun(
      'mandates.csv',
      header + row('T1', '2024/03/01 00:00', '2025-12-31') + row('T2', '01/03/2024', ''),
    );
    expect(report.counts).toMatchObject({ created: 1, rejected: 1 });
    expect(report.errors.map((e) => [e.row, e.column, e.value, e.code, e.message])).toEqual([
      [
        3,
        'valid from',
        '01/03/2024',
        'AMBIGUOUS_DATE',
        "validFrom: '01/03/2024' could be 1 March or 3 January 2024: write dates as yyyy-mm-dd",
      ],
    ]);
    // dates that show both orders settle neither
    const mixed = await dryRun(
      'mandates.csv',
      header + row('T1', '12/31/2025', '31/12/2025') + row('T2', '01/03/2024', ''),
    );
    expect(mixed.errors.map((e) => [e.row, e.value, e.code])).toEqual([
      [3, '01/03/2024', 'AMBIGUOUS_DATE'],
    ]);
    const committed = await importFile(
      sample.current,
      new TextEncoder().encode(header + row('T1', '2024/03/01 00:00', '31/12/2025')),
      { filename: 'mandates.csv' },
    );
    expect(committed.committed).toBe(true);
    expect((await sample.current.state()).entities.mandate.get('t1')).toMatchObject({
      validFrom: '2024-03-01',
      validTo: '2025-12-31',
    });
  });

  it.each([
    ['day', '31/12/2025', '01/03/2024', '2024-03-01', '1 March 2024'],
    ['month', '12/31/2025', '3/1/2024', '2024-03-01', '1 March 2024'],
  ])(
    'reads every date of a sheet %s first when one of its dates can only be read so, and says so once',
    async (order, settling, ambiguous, iso, spelled) => {
      const header = 'title,function,strength,holder,issues,places,valid from,valid to\n';
      const row = (title: string, from: string, to: string) =>
        `${title},regulate,core,dws,water-quality,berg-river-catchment,${from},${to}\n`;
      const text = header + row('T1', ambiguous, settling) + row('T2', ambiguous, ambiguous);
      const report = await dryRun('mandates.csv', text);
      expect(report.errors).toEqual([]);
      expect(report.warnings.map((w) => [w.row, w.column, w.value, w.code, w.message])).toEqual([
        [
          2,
          'valid from',
          ambiguous,
          'DATE_ORDER',
          `validFrom: '${ambiguous}' is read as ${spelled}, ${order} first, as '${settling}' in this sheet can only be read; so are its other such dates (write dates as yyyy-mm-dd to be sure)`,
        ],
      ]);
      await importFile(sample.current, new TextEncoder().encode(text), {
        filename: 'mandates.csv',
      });
      const { mandate } = (await sample.current.state()).entities;
      expect(mandate.get('t1')).toMatchObject({ validFrom: iso, validTo: '2025-12-31' });
      expect(mandate.get('t2')).toMatchObject({ validFrom: iso, validTo: iso });
    },
  );

  it('reports every unknown reference of a row, not only the first', async () => {
    const report = await dryRun(
      'mandates.csv',
      'title,function,strength,holder,issues,places\n' +
        'T1,regulate,core,no-such-actor,water-quality|no-such-issue,nowhere\n' +
        'T2,regulatte,core,No Such Body,no-such-issue,berg-river-catchment\n',
    );
    expect(report.counts).toMatchObject({ created: 0, rejected: 2 });
    expect(report.errors.map((e) => [e.row, e.column, e.value, e.code])).toEqual([
      [2, 'holder', 'no-such-actor', 'UNKNOWN_REFERENCE'],
      [2, 'issues', 'no-such-issue', 'UNKNOWN_REFERENCE'],
      [2, 'places', 'nowhere', 'UNKNOWN_REFERENCE'],
      // a row refused for one cell still has its other references checked
      [3, 'holder', 'No Such Body', 'UNKNOWN_REFERENCE'],
      [3, 'issues', 'no-such-issue', 'UNKNOWN_REFERENCE'],
      [3, 'function', 'regulatte', 'INVALID_INPUT'],
    ]);
    expect(report.errors[0]!.message).toBe("no actor has the id or the name 'no-such-actor'");
  });

  it('suggests the entity an unknown reference likely means: its id in another case, or a look-alike name', async () => {
    const report = await dryRun(
      'ties.csv',
      'from,to,kind\n' +
        'DWS,the Department of Water & Sanitation,reports\n' +
        // a name that only shares a word with others is no look-alike
        'dws,Berg,reports\n',
    );
    expect(report.errors.map((e) => [e.row, e.column, e.message])).toEqual([
      [
        2,
        'from',
        "no actor has the id or the name 'DWS'; did you mean 'dws' (Department of Water and Sanitation)?",
      ],
      [
        2,
        'to',
        "no actor has the id or the name 'the Department of Water & Sanitation'; did you mean 'dws' (Department of Water and Sanitation)?",
      ],
      [3, 'to', "no actor has the id or the name 'Berg'"],
    ]);
    // a look-alike of an entity of the same file
    const inFile = await importDocument(
      sample.current,
      {
        actors: [
          { name: 'Berg Estuary Friends', kind: 'ngo', sector: 'civil_society' },
          { id: 'BEF', name: 'B. E. F.', kind: 'ngo', sector: 'civil_society' },
          { id: 'bef', name: 'Bee Eff', kind: 'ngo', sector: 'civil_society' },
        ],
        ties: [
          { fromId: 'dws', toId: 'The Berg Estuary Friends', kind: 'funds' },
          // two ids differ from it only in case: neither is suggested
          { fromId: 'dws', toId: 'BeF', kind: 'funds' },
        ],
      },
      { dryRun: true },
    );
    expect(inFile.errors.map((e) => e.message)).toEqual([
      "no actor has the id or the name 'The Berg Estuary Friends'; did you mean 'berg-estuary-friends' (Berg Estuary Friends)?",
      "no actor has the id or the name 'BeF'",
    ]);
  });

  it('says when a reference names an entity whose own row was rejected', async () => {
    const report = await importDocument(
      sample.current,
      {
        actors: [
          { id: 'a1', name: 'A1', kind: 'ngoo', sector: 'civil_society' },
          { id: 'a2', name: 'A2', kind: 'ngo', sector: 'nope' },
        ],
        partnerships: [
          { name: 'P', kind: 'forum', members: [{ actorId: 'a1' }, { actorId: 'a2' }] },
        ],
      },
      { dryRun: true },
    );
    expect(report.errors.map((e) => [e.sheet, e.row, e.code, e.message])).toEqual([
      ['actors', 1, 'INVALID_INPUT', expect.stringContaining("kind: 'ngoo'")],
      ['actors', 2, 'INVALID_INPUT', expect.stringContaining("sector: 'nope'")],
      [
        'partnerships',
        1,
        'UNKNOWN_REFERENCE',
        "partnership 'p' refers to actor 'a1' in members, whose own row (actors row 1) was rejected",
      ],
      [
        'partnerships',
        1,
        'UNKNOWN_REFERENCE',
        "partnership 'p' refers to actor 'a2' in members, whose own row (actors row 2) was rejected",
      ],
    ]);
  });
});

describe('large files', () => {
  it('are read in a worker thread when they are workbooks that would hold the request thread', () => {
    const ofSize = (n: number) => new Uint8Array(n);
    expect(readsInThread(ofSize(READ_IN_THREAD_FROM), 'list.xlsx')).toBe(true);
    expect(readsInThread(ofSize(READ_IN_THREAD_FROM), 'List.XLSX')).toBe(true);
    expect(readsInThread(ofSize(READ_IN_THREAD_FROM - 1), 'list.xlsx')).toBe(false);
    for (const name of ['list.csv', 'list.tsv', 'graph.json'])
      expect(readsInThread(ofSize(100 * READ_IN_THREAD_FROM), name)).toBe(false);
  });
});

describe('exported CSV', () => {
  it('re-imports unchanged with its dates as a spreadsheet in the US saves them', async () => {
    const exported = (
      await exportBytes(await exportGraph(sample.current, 'csv', { entity: 'mandate' }))
    ).toString('utf8');
    // 2012-04-01 -> 4/1/2012: every date month first, without leading zeros
    const saved = exported.replace(
      /\b(\d{4})-(\d{2})-(\d{2})\b/g,
      (_, y: string, m: string, d: string) => `${Number(m)}/${Number(d)}/${y}`,
    );
    expect(saved).toContain('4/1/2012');
    expect(saved).toContain('3/31/2017');
    const report = await importFile(sample.current, new TextEncoder().encode(saved), {
      filename: 'mandates.csv',
      dryRun: true,
    });
    expect(report.errors).toEqual([]);
    expect(report.warnings.map((w) => [w.code, w.value])).toEqual([['DATE_ORDER', '4/1/2012']]);
    const stored = (await sample.current.state()).entities.mandate.size;
    expect(report.counts).toEqual({ created: 0, updated: 0, unchanged: stored, rejected: 0 });
  });

  it.each(ENTITY_TYPES)('of every %s re-imports unchanged, without a warning', async (type) => {
    const exported = await exportGraph(sample.current, 'csv', { entity: type });
    const bytes = await exportBytes(exported);
    const report = await importFile(sample.current, bytes, {
      filename: `${COLLECTION_OF[type]}.csv`,
      dryRun: true,
    });
    const stored = (await sample.current.state()).entities[type].size;
    expect(stored).toBeGreaterThan(0);
    expect(report).toMatchObject({ ok: true, errors: [], warnings: [] });
    expect(report.counts).toEqual({ created: 0, updated: 0, unchanged: stored, rejected: 0 });
  });

  it('keeps members whose actor id holds a colon, in CSV and in a workbook', async () => {
    await sample.current.create('actor', {
      id: 'sanbi:cape',
      name: 'SANBI Cape',
      kind: 'public_entity',
      sector: 'public',
    });
    await sample.current.update('partnership', 'brip-steering-committee', (p) => ({
      members: [...p.members, { actorId: 'sanbi:cape', role: 'observer' }],
    }));
    for (const [format, filename] of [
      ['csv', 'partnerships.csv'],
      ['xlsx', 'mandatemap.xlsx'],
    ] as const) {
      const options = format === 'csv' ? { entity: 'partnership' as const } : {};
      const bytes = await exportBytes(await exportGraph(sample.current, format, options));
      const report = await importFile(sample.current, bytes, { filename, dryRun: true });
      expect(report.errors).toEqual([]);
      expect(report.counts).toMatchObject({ created: 0, updated: 0, rejected: 0 });
    }
  });

  it('warns of names alike, but not of names made only of fillers that differ', async () => {
    const report = await dryRunText(
      sample.current,
      'levels.csv',
      'id,name,rank\nmetro,Metro,9\ndistrict-2,DISTRICT,10\n',
    );
    expect(report.warnings.map((w) => [w.row, w.code, w.message])).toEqual([
      [
        3,
        'LIKELY_DUPLICATE',
        "'DISTRICT' looks like 'District' (stored level 'district'); check it is not the same level",
      ],
    ]);
  });

  it('warns of a name with a misspelt word, but not of names whose short words or numbers differ', async () => {
    const report = await dryRunText(
      sample.current,
      'actors.csv',
      'name,kind,sector\n' +
        'Drakenstien Local Municipality,municipality,public\n' +
        // words under six letters are not compared: a letter changes too much of them
        'Berg River Catchment Fourm,community_group,civil_society\n' +
        'Berg River Catchment Forum 2,community_group,civil_society\n' +
        'Berg River Catchment Forum 3,community_group,civil_society\n' +
        'Eastern Cape Water Board,public_entity,public\n' +
        'Western Cape Water Board,public_entity,public\n',
    );
    expect(report.warnings.map((w) => [w.row, w.value, w.code, w.message])).toEqual([
      [
        2,
        'Drakenstien Local Municipality',
        'LIKELY_DUPLICATE',
        "'Drakenstien Local Municipality' looks like 'Drakenstein Municipality' (stored actor 'drakenstein-municipality'); check it is not the same actor",
      ],
    ]);
    const typo = await dryRunText(
      sample.current,
      'mandates.csv',
      'title,function,strength,holder,issues,places\n' +
        'T1,regulate,core,Departmnet of Water and Sanitation,water-quality,berg-river-catchment\n',
    );
    expect(typo.errors.map((e) => e.message)).toEqual([
      "no actor has the id or the name 'Departmnet of Water and Sanitation'; did you mean 'dws' (Department of Water and Sanitation)?",
    ]);
  });

  it('warns of an id that is another in a different case, stored or in the file', async () => {
    const report = await dryRunText(
      sample.current,
      'actors.csv',
      'ID,Name,Kind,Sector\n' +
        'DWS,Water Affairs,department,public\n' +
        'bwa,Berg Water Alliance,ngo,civil_society\n' +
        'BWA,Breede Wine Association,industry_body,private\n' +
        // the stored actor itself, and an id no other has in any case
        'dws,Department of Water and Sanitation,department,public\n' +
        'OvTrust,Overberg Trust,ngo,civil_society\n',
    );
    expect(report.warnings.map((w) => [w.row, w.column, w.value, w.code, w.message])).toEqual([
      [
        2,
        'ID',
        'DWS',
        'LIKELY_DUPLICATE',
        "id 'DWS' differs only in case from stored actor 'dws'; check it is not the same actor",
      ],
      [
        4,
        'ID',
        'BWA',
        'LIKELY_DUPLICATE',
        "id 'BWA' differs only in case from actors.csv row 3 ('bwa'); check it is not the same actor",
      ],
    ]);
    expect(report.counts).toMatchObject({ created: 4, rejected: 0 });
  });

  it('warns of an id that is another but for leading zeros, as a spreadsheet saves a number', async () => {
    const stored = await importFile(
      sample.current,
      new TextEncoder().encode('id,name,kind,sector\n007,Paarl Rivers Trust,ngo,civil_society\n'),
      { filename: 'actors.csv' },
    );
    expect(stored.counts.created).toBe(1);
    // the list exported, opened in a spreadsheet and saved: 007 came back as 7
    const report = await dryRunText(
      sample.current,
      'actors.csv',
      'id,name,kind,sector\n' +
        '7,Paarl Rivers Trust,ngo,civil_society\n' +
        '0042,Wellington Water Forum,community_group,civil_society\n' +
        '42,Wellington Youth Forum,community_group,civil_society\n' +
        // ids that are no numbers, and the stored id itself
        'a007,Another Trust,ngo,civil_society\n' +
        '007,Paarl Rivers Trust,ngo,civil_society\n',
    );
    expect(report.warnings.map((w) => [w.row, w.column, w.value, w.message])).toEqual([
      [
        2,
        'id',
        '7',
        "id '7' differs only in leading zeros (as when a spreadsheet reads an id as a number) from stored actor '007'; check it is not the same actor",
      ],
      [
        4,
        'id',
        '42',
        "id '42' differs only in leading zeros (as when a spreadsheet reads an id as a number) from actors.csv row 3 ('0042'); check it is not the same actor",
      ],
    ]);
    expect(report.counts).toMatchObject({ created: 4, unchanged: 1, rejected: 0 });
  });
});
