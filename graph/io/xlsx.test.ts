import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { fixture, useSampleService } from '../../tests/helpers/sample-service.js';
import { exportBytes } from '../../tests/helpers/export-bytes.js';
import { workbook } from '../../tests/helpers/workbook.js';
import { zipOf } from '../../tests/helpers/zip.js';
import { exportGraph } from './export.js';
import { GraphService } from '../service.js';
import { openSqliteStore } from '../store/sqlite/sqlite-store.js';
import { READ_IN_THREAD_FROM, importDocument, importFile } from './import-file.js';
import { readingThreadsStarted } from '../workers/file-thread.js';
import { columnLetters } from './xlsx.js';
import { checkZipSize } from './zip-guard.js';

const sample = useSampleService();

describe('xlsx import', () => {
  it('reads one sheet per entity type, formula results, a members sheet, and skips other sheets with a warning', async () => {
    const report = await importFile(sample.current, fixture('stakeholders-formulas.xlsx'), {
      filename: 'stakeholders.xlsx',
    });
    expect(report.errors).toEqual([]);
    expect(report.counts).toEqual({ created: 3, updated: 1, unchanged: 0, rejected: 0 });
    expect(report.warnings.map((w) => w.code)).toEqual(['UNKNOWN_SHEET']);
    const [interest] = await sample.current.store.getMany('interest', [
      'paarl-rivers-trust~water-quality',
    ]);
    expect(interest).toMatchObject({ influence: 3, interest: 5, stance: 'supports' });
    const [brip] = await sample.current.store.getMany('partnership', ['brip-steering-committee']);
    expect(brip?.members).toContainEqual({ actorId: 'paarl-rivers-trust', role: 'cheering' });
    expect(brip?.members.length).toBeGreaterThan(10);

    // its members sheet names the actor, now a member, by name: again, nothing changes
    const version = await sample.current.store.version();
    const again = await importFile(sample.current, fixture('stakeholders-formulas.xlsx'), {
      filename: 'stakeholders.xlsx',
    });
    expect(again.errors).toEqual([]);
    expect(again.counts).toEqual({ created: 0, updated: 0, unchanged: 4, rejected: 0 });
    expect(await sample.current.store.version()).toBe(version);
  });

  it('maps a Kumu export: elements to actors, connections to ties by label', async () => {
    const report = await importFile(sample.current, fixture('kumu-export.xlsx'), {
      filename: 'kumu-export.xlsx',
    });
    expect(report.errors).toEqual([]);
    expect(report.counts.created).toBe(5);
    expect(report.warnings.map((w) => w.code).sort()).toEqual(['KUMU_TYPE', 'SECTOR_ASSUMED']);
    const [wine, watch] = await sample.current.store.getMany('actor', [
      'wine-route-association',
      'river-watch',
    ]);
    expect(wine).toMatchObject({
      kind: 'industry_body',
      sector: 'private',
      tags: ['tourism', 'wine'],
    });
    expect(watch).toMatchObject({ kind: 'community_group', sector: 'civil_society' });
    expect(
      await sample.current.store.getMany('tie', ['wine-route-association~conflicts~dws']),
    ).not.toEqual([null]);
  });

  it('knows a sheet by the names people give it', async () => {
    const bytes = await workbook({
      Stakeholders: [
        ['Organisation', 'Type', 'Sector'],
        ['Paarl Rivers Trust', 'NGO', 'civil society'],
      ],
      'Issue Areas': [['Name'], ['Alien vegetation']],
      Mandates: [
        ['title', 'function', 'strength', 'holder', 'issues', 'places'],
        [
          'Clearing',
          'implement',
          'shared',
          'Paarl Rivers Trust',
          'Alien vegetation',
          'berg-river-catchment',
        ],
      ],
      Notes: [['remember to call DWS']],
    });
    const report = await importFile(sample.current, bytes, {
      filename: 'stakeholders.xlsx',
      dryRun: true,
    });
    expect(report.errors).toEqual([]);
    expect(report.counts.created).toBe(3);
    expect(report.warnings.map((w) => [w.sheet, w.code])).toEqual([['Notes', 'UNKNOWN_SHEET']]);
  });

  it('knows a sheet by a name with more words than its type, as sheets get renamed and copied', async () => {
    const bytes = await workbook({
      'Stakeholder list': [
        ['Organisation', 'Type', 'Sector'],
        ['Paarl Rivers Trust', 'NGO', 'civil society'],
      ],
      'Mandates (2)': [
        ['title', 'function', 'strength', 'holder', 'issues', 'places'],
        [
          'Clearing',
          'implement',
          'shared',
          'Paarl Rivers Trust',
          'water-quality',
          'berg-river-catchment',
        ],
      ],
    });
    const report = await importFile(sample.current, bytes, {
      filename: 'berg.xlsx',
      dryRun: true,
    });
    expect(report.errors).toEqual([]);
    expect(report.warnings).toEqual([]);
    expect(report.counts.created).toBe(2);
  });

  it('finds a Kumu Elements header below a title', async () => {
    const bytes = await workbook({
      Elements: [
        ['Berg River map, exported from Kumu'],
        [],
        ['Label', 'Type', 'Description'],
        ['Wupperthal Water Users', 'Community Group', 'irrigators'],
      ],
    });
    const report = await importFile(sample.current, bytes, {
      filename: 'kumu.xlsx',
      dryRun: true,
    });
    expect(report.errors).toEqual([]);
    expect(report.counts.created).toBe(1);
    expect(report.warnings.map((w) => [w.row, w.code])).toEqual([
      [1, 'ROWS_ABOVE_HEADER'],
      [3, 'SECTOR_ASSUMED'],
    ]);
  });

  it('maps Kumu CSVs by their names', async () => {
    expect(
      (
        await importFile(sample.current, fixture('kumu-elements.csv'), {
          filename: 'kumu-elements.csv',
        })
      ).counts.created,
    ).toBe(2);
    const ties = await importFile(sample.current, fixture('kumu-connections.csv'), {
      filename: 'kumu-connections.csv',
    });
    expect(ties).toMatchObject({ ok: true, counts: { created: 1 } });
  });

  it('exports a workbook that re-imports as it is, each header frozen and filtering', async () => {
    const workbook = await exportGraph(sample.current, 'xlsx');
    const bytes = await exportBytes(workbook);
    const read = new ExcelJS.Workbook();
    await read.xlsx.load(bytes as unknown as ArrayBuffer);
    expect(read.worksheets).toHaveLength(9);
    for (const ws of read.worksheets) {
      expect(ws.views[0], ws.name).toMatchObject({ state: 'frozen', ySplit: 1 });
      const width = ws.getRow(1).cellCount;
      expect(ws.autoFilter, ws.name).toBe(`A1:${columnLetters(width)}1`);
    }
    const report = await importFile(sample.current, bytes, { filename: 'mandatemap.xlsx' });
    expect(report.errors).toEqual([]);
    expect(report.counts.created + report.counts.updated).toBe(0);
    expect(report.counts.unchanged).toBeGreaterThan(100);
  });

  it('reads a macro-enabled workbook (.xlsm) as a workbook, and refuses text so named', async () => {
    const bytes = await workbook({
      Stakeholders: [
        ['Organisation', 'Type', 'Sector'],
        ['Saron Water Users', 'community group', 'civil society'],
      ],
    });
    const report = await importFile(sample.current, bytes, { filename: 'Template.xlsm' });
    expect(report).toMatchObject({ ok: true, counts: { created: 1 } });
    const actors = (await sample.current.state()).entities.actor;
    expect(actors.get('saron-water-users')).toMatchObject({ kind: 'community_group' });
    const text = await importFile(sample.current, Buffer.from('name,kind\n'), {
      filename: 'list.xlsm',
    }).catch((e) => e);
    expect(text).toMatchObject({
      code: 'INVALID_INPUT',
      message: 'the file is named .xlsm but holds text: if it is CSV, name it .csv',
    });
  });

  it('carries every field into an empty store, tags and descriptions of ties, interests and assessments too', async () => {
    const extra = await importDocument(sample.current, {
      ties: [
        {
          fromId: 'dws',
          toId: 'wwf-sa',
          kind: 'funds',
          strength: 2,
          name: 'Grant',
          description: 'Monitoring grant',
          tags: ['2024', 'monitoring'],
        },
      ],
      interests: [
        {
          actorId: 'wwf-sa',
          issueId: 'water-quantity',
          stance: 'supports',
          influence: 2,
          interest: 5,
          description: 'Environmental flows',
          tags: ['flows'],
        },
      ],
      assessments: [
        {
          partnershipId: 'berg-catchment-forum',
          date: '2024-03-01',
          scores: {
            goals: 1,
            resources: 2,
            activities: 3,
            communications: 4,
            governance: 5,
            systems: 1,
            culture: 2,
          },
          notes: 'First workshop',
          description: 'Baseline',
          tags: ['baseline'],
        },
      ],
    });
    expect(extra.counts.created).toBe(3);
    const bytes = await exportBytes(await exportGraph(sample.current, 'xlsx'));
    const empty = new GraphService(openSqliteStore({ path: ':memory:' }));
    try {
      const report = await importFile(empty, bytes, { filename: 'mandatemap.xlsx' });
      expect(report.errors).toEqual([]);
      const json = async (service: GraphService) =>
        JSON.parse((await exportBytes(await exportGraph(service, 'json'))).toString('utf8'));
      expect(await json(empty)).toEqual(await json(sample.current));
    } finally {
      await empty.close();
    }
  });
});

/** A workbook built with exceljs: each sheet a list of rows of cell values. */
describe('xlsx cells of every kind', () => {
  it('reads links, formatted text, dates, booleans and numbers as their text', async () => {
    const bytes = await workbook({
      actors: [
        ['name', 'kind', 'sector', 'description', 'tags'],
        [
          // exceljs reads a link with formatted text so, though its types say the text is a string
          {
            text: { richText: [{ text: 'Berg ' }, { text: 'Link Trust', font: { bold: true } }] },
            hyperlink: 'https://example.org',
          } as unknown as ExcelJS.CellHyperlinkValue,
          { richText: [{ text: 'n' }, { text: 'go', font: { italic: true } }] },
          'civil society',
          new Date(Date.UTC(2024, 2, 1)),
          true,
        ],
        [{ text: 'Plain Link Trust', hyperlink: 'https://example.org' }, 'ngo', 'public', 1.5, ''],
      ],
    });
    await importFile(sample.current, bytes, { filename: 'actors.xlsx' });
    const actors = (await sample.current.state()).entities.actor;
    expect(actors.get('berg-link-trust')).toMatchObject({
      name: 'Berg Link Trust',
      kind: 'ngo',
      description: '2024-03-01',
      tags: ['true'],
    });
    expect(actors.get('plain-link-trust')).toMatchObject({ description: '1.5' });
  });

  it('reads a date column of date cells, day numbers and dates written out', async () => {
    const mandate = ['regulate', 'core', 'dws', 'water-quality', 'berg-river-catchment'];
    const bytes = await workbook({
      mandates: [
        ['title', 'function', 'strength', 'holder', 'issues', 'places', 'valid from', 'valid to'],
        ['T1', ...mandate, new Date(Date.UTC(2024, 2, 1)), 46_022],
        ['T2', ...mandate, '1 March 2024', 'December 31, 2025'],
        ['T3', ...mandate, '1-Mar-24', 2024],
      ],
    });
    const report = await importFile(sample.current, bytes, {
      filename: 'mandates.xlsx',
      dryRun: true,
    });
    expect(report.errors.map((e) => [e.row, e.column, e.value, e.code, e.message])).toEqual([
      [
        4,
        'valid from',
        '1-Mar-24',
        'AMBIGUOUS_DATE',
        "validFrom: '1-Mar-24' has a two-digit year (1924 or 2024): write dates as yyyy-mm-dd",
      ],
      // a year alone is no day
      [4, 'valid to', '2024', 'INVALID_INPUT', 'validTo: must be a date written yyyy-mm-dd'],
    ]);
    const good = Buffer.from(
      await workbook({
        mandates: [
          ['title', 'function', 'strength', 'holder', 'issues', 'places', 'valid from', 'valid to'],
          ['T1', ...mandate, new Date(Date.UTC(2024, 2, 1)), 46_022],
          ['T2', ...mandate, '1 March 2024', 'December 31, 2025'],
        ],
      }),
    );
    await importFile(sample.current, good, { filename: 'mandates.xlsx' });
    const mandates = (await sample.current.state()).entities.mandate;
    for (const id of ['t1', 't2']) {
      expect(mandates.get(id)).toMatchObject({ validFrom: '2024-03-01', validTo: '2025-12-31' });
    }
  });
});

describe('xlsx cells that cannot be read', () => {
  it('refuses error values and formulas saved without a result in the columns it reads', async () => {
    const version = await sample.current.store.version();
    const bytes = await workbook({
      actors: [
        ['name', 'kind', 'sector', 'description', 'scratch'],
        ['Alpha Org', 'ngo', 'civil society', { error: '#REF!' }, 'x'],
        ['Beta Org', { formula: 'LOWER("NGO")' } as ExcelJS.CellValue, 'civil society', '', ''],
        ['Gamma Org', 'ngo', 'civil society', { formula: '"ok"', result: 'fine' }, ''],
        ['Delta Org', 'ngo', 'civil society', '', { error: '#N/A' }],
      ],
    });
    const report = await importFile(sample.current, bytes, { filename: 'actors.xlsx' });
    expect(report.ok).toBe(false);
    expect(report.errors.map((e) => [e.row, e.column, e.code])).toEqual([
      [2, 'description', 'UNREADABLE_CELL'],
      [3, 'kind', 'UNREADABLE_CELL'],
    ]);
    expect(report.errors[0]!.message).toBe('description: the cell holds the error #REF!');
    const nameless = await importFile(
      sample.current,
      await workbook({
        actors: [
          ['name', 'kind', 'sector'],
          [{ error: '#N/A' }, 'cabal', 'public'],
        ],
      }),
      { filename: 'actors.xlsx', dryRun: true },
    );
    // the row's other fields are still checked; its id, made from the unread name, is not
    expect(nameless.errors.map((e) => [e.row, e.column, e.code])).toEqual([
      [2, 'name', 'UNREADABLE_CELL'],
      [2, 'kind', 'INVALID_INPUT'],
    ]);
    expect(report.errors[1]!.message).toMatch(/saved without its result/);
    // an unread column's error is no reason to refuse; every row is counted once
    expect(report.counts).toEqual({ created: 2, updated: 0, unchanged: 0, rejected: 2 });
    expect(await sample.current.store.version()).toBe(version);
  });

  it('reports an unreadable cell of a Kumu connection to several elements once', async () => {
    const bytes = await workbook({
      Connections: [
        ['From', 'To', 'Type', 'Description'],
        ['WWF South Africa', 'Water Research Commission|Wesgro', 'funds', { error: '#N/A' }],
      ],
    });
    const report = await importFile(sample.current, bytes, { filename: 'kumu.xlsx' });
    expect(report.errors.map((e) => [e.row, e.column, e.code])).toEqual([
      [2, 'Description', 'UNREADABLE_CELL'],
    ]);
    // one line of the file, rejected: its other tie does not count on its own
    expect(report.counts).toEqual({ created: 0, updated: 0, unchanged: 0, rejected: 1 });
  });

  it('finds an unreadable cell of Kumu elements under its own column', async () => {
    const bytes = await workbook({
      Elements: [
        ['Label', 'Description'],
        ['River Watch', { error: '#DIV/0!' }],
      ],
    });
    const report = await importFile(sample.current, bytes, { filename: 'kumu.xlsx' });
    expect(report.errors.map((e) => [e.row, e.column, e.code])).toEqual([
      [2, 'Description', 'UNREADABLE_CELL'],
    ]);
  });

  it('keeps unreadable cells at their rows when rows above the header are left out', async () => {
    const bytes = await workbook({
      actors: [
        ['Berg River stakeholders'],
        ['name', 'kind', 'sector', 'description'],
        ['Alpha Org', 'ngo', 'civil society', 'fine'],
        ['Beta Org', 'ngo', 'civil society', { error: '#REF!' }],
      ],
    });
    const report = await importFile(sample.current, bytes, {
      filename: 'actors.xlsx',
      dryRun: true,
    });
    expect(report.warnings.map((w) => [w.row, w.code])).toEqual([[1, 'ROWS_ABOVE_HEADER']]);
    expect(report.errors.map((e) => [e.row, e.column, e.code])).toEqual([
      [4, 'description', 'UNREADABLE_CELL'],
    ]);
  });

  it('refuses a member row with a blank or unreadable end or a bad role, at its own row', async () => {
    const bytes = await workbook({
      members: [
        ['partnership', 'actor', 'role'],
        ['brip-steering-committee', '', 'member'],
        [{ error: '#VALUE!' }, 'dws', 'member'],
        ['', '', ''],
        ['no-such-partnership', 'dws', 'member'],
        ['brip-steering-committee', 'dws', 'leaad'],
      ],
    });
    const report = await importFile(sample.current, bytes, { filename: 'members.xlsx' });
    expect(report.errors.map((e) => [e.row, e.column, e.code, e.value])).toEqual([
      [2, 'actor', 'MISSING_VALUE', ''],
      [3, 'partnership', 'UNREADABLE_CELL', ''],
      [5, 'partnership', 'UNKNOWN_REFERENCE', 'no-such-partnership'],
      [6, 'role', 'INVALID_INPUT', 'leaad'],
    ]);
  });

  it('gives a partnership the members of its members sheet, though its own sheet has no members column', async () => {
    const bytes = await workbook({
      partnerships: [
        ['id', 'name', 'kind'],
        ['berg-catchment-forum', 'Berg River catchment forum', 'forum'],
      ],
      members: [
        ['partnership', 'actor', 'role'],
        ['berg-catchment-forum', 'dws', 'convener'],
        ['berg-catchment-forum', 'wwf-sa', 'member'],
      ],
    });
    const report = await importFile(sample.current, bytes, { filename: 'forum.xlsx' });
    // the forum's row, and its new member's, update it; dws was its convener already
    expect(report.counts).toEqual({ created: 0, updated: 2, unchanged: 1, rejected: 0 });
    const forum = (await sample.current.state()).entities.partnership.get('berg-catchment-forum');
    expect(forum?.members).toEqual([
      { actorId: 'dws', role: 'convener' },
      { actorId: 'wwf-sa', role: 'member' },
    ]);
    expect(forum?.issueIds).toEqual(['water-quantity']);
  });

  it("reports an actor a members sheet lists twice at the second one's row", async () => {
    const bytes = await workbook({
      Members: [
        ['partnership', 'actor', 'role'],
        ['brip-steering-committee', 'wesgro', 'cheering'],
        ['brip-steering-committee', 'dws', 'rowing'],
        ['brip-steering-committee', 'wesgro', 'member'],
        ['brip-steering-committee', 'dws', 'steering'],
      ],
    });
    const report = await importFile(sample.current, bytes, { filename: 'members.xlsx' });
    expect(report.errors.map((e) => [e.sheet, e.row, e.column, e.value, e.message])).toEqual([
      ['Members', 4, 'actor', 'wesgro', "actor 'wesgro' is listed twice"],
      ['Members', 5, 'actor', 'dws', "actor 'dws' is listed twice"],
    ]);
    expect(report.counts).toEqual({ created: 0, updated: 0, unchanged: 0, rejected: 4 });
  });

  it('finds a members header below a title', async () => {
    const bytes = await workbook({
      members: [
        ['BRIP membership, March'],
        ['Partnership', 'Actor', 'Role'],
        ['brip-steering-committee', 'dws', 'leaad'],
      ],
    });
    const report = await importFile(sample.current, bytes, {
      filename: 'members.xlsx',
      dryRun: true,
    });
    expect(report.warnings.map((w) => [w.row, w.code])).toEqual([[1, 'ROWS_ABOVE_HEADER']]);
    expect(report.errors.map((e) => [e.row, e.column, e.code])).toEqual([
      [3, 'Role', 'INVALID_INPUT'],
    ]);
  });

  it('reports a member whose actor is unknown at its own row, by id or by name', async () => {
    const bytes = await workbook({
      partnerships: [
        ['id', 'name', 'kind', 'formality'],
        ['river-pact', 'River Pact', 'forum', 'informal'],
      ],
      members: [
        ['Partnership', 'Member', 'Role'],
        ['brip-steering-committee', 'dws', 'member'],
        ['river-pact', 'dws', 'convener'],
        ['river-pact', 'no-such-actor', 'member'],
        ['brip-steering-committee', 'No Such Body', 'member'],
      ],
    });
    const report = await importFile(sample.current, bytes, {
      filename: 'partners.xlsx',
      dryRun: true,
    });
    expect(report.errors.map((e) => [e.sheet, e.row, e.column, e.value, e.code])).toEqual([
      ['members', 4, 'Member', 'no-such-actor', 'UNKNOWN_REFERENCE'],
      ['members', 5, 'Member', 'No Such Body', 'UNKNOWN_REFERENCE'],
    ]);
  });

  it('lists problems sheet by sheet as the workbook has them, whichever check found them', async () => {
    const bytes = await workbook({
      actors: [
        ['name', 'kind', 'sector'],
        ['Alpha Org', 'cabal', 'civil society'],
      ],
      partnerships: [
        ['id', 'name', 'kind'],
        ['river-pact', 'River Pact', 'forum'],
      ],
      members: [
        ['Partnership', 'Member'],
        ['river-pact', 'dws'],
        ['river-pact', 'no-such-actor'],
      ],
      mandates: [
        ['title', 'function', 'strength', 'holder', 'issues', 'places'],
        ['Permits', 'regulate', 'core', 'no-such-holder', 'water-quality', 'berg-river-catchment'],
      ],
    });
    const report = await importFile(sample.current, bytes, {
      filename: 'graph.xlsx',
      dryRun: true,
    });
    expect(report.errors.map((e) => [e.sheet, e.row, e.code])).toEqual([
      ['actors', 2, 'INVALID_INPUT'],
      ['members', 3, 'UNKNOWN_REFERENCE'],
      ['mandates', 2, 'UNKNOWN_REFERENCE'],
    ]);
  });
});

describe('large workbooks', () => {
  it('are read in a worker thread, small ones here, with the same outcome', async () => {
    const rows: string[][] = [['name', 'kind', 'sector']];
    for (let i = 0; rows.length < 16_000; i += 1)
      rows.push([`Large List Organisation ${i}`, 'ngo', 'civil society']);
    const large = await workbook({ actors: rows });
    const small = await workbook({ actors: rows.slice(0, 50) });
    expect(large.length).toBeGreaterThanOrEqual(READ_IN_THREAD_FROM);
    expect(small.length).toBeLessThan(READ_IN_THREAD_FROM);
    const before = readingThreadsStarted();
    const read = await importFile(sample.current, small, { filename: 'list.xlsx', dryRun: true });
    expect(readingThreadsStarted()).toBe(before);
    expect(read.counts).toEqual({ created: 49, updated: 0, unchanged: 0, rejected: 0 });
    const report = await importFile(sample.current, large, { filename: 'list.xlsx' });
    expect(readingThreadsStarted()).toBe(before + 1);
    expect(report.errors).toEqual([]);
    expect(report.counts).toEqual({ created: 15_999, updated: 0, unchanged: 0, rejected: 0 });
    const [last] = await sample.current.store.getMany('actor', ['large-list-organisation-15998']);
    expect(last).toMatchObject({ kind: 'ngo', sector: 'civil_society' });
  });
});

describe('zip bombs', () => {
  const bomb = zipOf([
    { name: 'xl/worksheets/sheet1.xml', data: Buffer.alloc(30 * 1024 * 1024, 0x61) },
  ]);

  it('refuses a workbook that inflates past the limit, before unpacking it', async () => {
    expect(bomb.length).toBeLessThan(100_000);
    const error = await importFile(sample.current, bomb, {
      filename: 'bomb.xlsx',
      limits: { maxUnpackedBytes: 10 * 1024 * 1024 },
    }).catch((e) => e);
    expect(error).toMatchObject({
      code: 'LIMIT_EXCEEDED',
      details: { reason: 'DECOMPRESSED_SIZE' },
    });
  });

  it('does not trust the declared sizes', () => {
    const liar = zipOf([
      { name: 'a.xml', data: Buffer.alloc(5 * 1024 * 1024, 0x61), declaredSize: 10 },
    ]);
    expect(() => checkZipSize(liar, 1024 * 1024)).toThrow(/unpacks to more than/);
  });

  it('refuses what is not a zip, and a zip it cannot read', async () => {
    const text = await importFile(sample.current, Buffer.from('name,kind\n'), {
      filename: 'x.xlsx',
    }).catch((e) => e);
    expect(text).toMatchObject({
      code: 'INVALID_INPUT',
      message: 'the file is named .xlsx but holds text: if it is CSV, name it .csv',
      details: { reason: 'WRONG_CONTENT' },
    });
    const broken = Buffer.concat([Buffer.from('PK\x03\x04', 'latin1'), Buffer.alloc(64, 7)]);
    const error = await importFile(sample.current, broken, { filename: 'x.xlsx' }).catch((e) => e);
    expect(error).toMatchObject({ code: 'INVALID_INPUT', details: { reason: 'INVALID_XLSX' } });
  });
});

describe('columnLetters', () => {
  it.each([
    [1, 'A'],
    [26, 'Z'],
    [27, 'AA'],
    [52, 'AZ'],
    [53, 'BA'],
    [702, 'ZZ'],
    [703, 'AAA'],
  ])('%i -> %s', (n, letters) => {
    expect(columnLetters(n)).toBe(letters);
  });
});
