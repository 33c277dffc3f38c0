import { describe, expect, it } from 'vitest';
import { dryRunText, useSampleService } from '../../tests/helpers/sample-service.js';
import { importFile } from './import-file.js';

const sample = useSampleService();

const dryRun = (filename: string, text: string) => dryRunText(sample.current, filename, text);

const warningsOf = (report: Awaited<ReturnType<typeof dryRun>>) =>
  report.warnings.map((w) => [w.row, w.column, w.code, w.value]);

describe('columns a table does not read', () => {
  it('warns about a header that repeats a field, under its own name or a synonym', async () => {
    const report = await dryRun(
      'actors.csv',
      'Name,Kind,Sector,Organisation,name\nAlpha Org,ngo,civil society,Beta,Gamma\n',
    );
    expect(report.ok).toBe(true);
    expect(warningsOf(report)).toEqual([
      [1, 'Organisation', 'DUPLICATE_COLUMN', 'Organisation'],
      [1, 'name', 'DUPLICATE_COLUMN', 'name'],
    ]);
    expect(report.warnings[0]!.message).toBe(
      "column 'Organisation' repeats column 'Name': only the first is read",
    );
  });

  it('warns once per column about values under no header or past the last header', async () => {
    const report = await dryRun(
      'actors.csv',
      [
        'name,kind,,sector',
        'Alpha Org,ngo,,civil society',
        'Beta Org,ngo,a note,civil society,Cape Town',
        'Gamma Org,ngo,another,civil society,,',
        'Delta Org,ngo,,civil society,,  ',
      ].join('\n'),
    );
    expect(report.ok).toBe(true);
    expect(report.counts.created).toBe(4);
    expect(warningsOf(report)).toEqual([
      [3, 'column 3', 'UNNAMED_COLUMN', 'a note'],
      [3, 'column 5', 'UNNAMED_COLUMN', 'Cape Town'],
    ]);
    expect(report.warnings[0]!.message).toMatch(/^column 3 has no header: its values in 2 rows/);
    expect(report.warnings[1]!.message).toMatch(/^column 5 is past the header's last column/);
  });

  it('says nothing of blank cells past the header (trailing delimiters)', async () => {
    const report = await dryRun('actors.csv', 'name,kind,sector\nAlpha Org,ngo,civil society,,\n');
    expect(report.warnings).toEqual([]);
  });

  it('names the required columns that are missing, in plain words', async () => {
    const report = await dryRun('actors.csv', 'name\nAlpha Org\n');
    expect(report.errors.map((e) => e.message)).toEqual([
      "an actor sheet needs a 'kind' column (or one of: type, category, organisation type)",
      "an actor sheet needs a 'sector' column",
    ]);
  });

  it('reads a header with a bracketed hint, unless the hint names another column', async () => {
    const report = await dryRun(
      'interests.csv',
      'Stakeholder,Issue,Stance (supports/neutral/opposes),Influence (1-5),Interest [1–5]\n' +
        'dws,water-quality,supports,5,4\n',
    );
    expect(report.errors).toEqual([]);
    expect(report.warnings).toEqual([]);
    expect(report.counts.created).toBe(1);
    const hinted = await dryRun(
      'actors.csv',
      'Organisation (website),Name,Kind (type),Sector\nhttps://a.example,Alpha Org,ngo,public\n',
    );
    expect(hinted.errors).toEqual([]);
    expect(hinted.warnings.map((w) => w.message)).toEqual([
      "column 'Organisation (website)' is not read for actors",
    ]);
    const missing = await dryRun(
      'interests.csv',
      'Stakeholder,Issue,Stance\ndws,water-quality,supports\n',
    );
    expect(missing.errors.map((e) => e.message)).toEqual([
      "an interest sheet needs an 'influence' column (or one of: power)",
      "an interest sheet needs an 'interest' column (or one of: interest level)",
    ]);
  });

  it('says which column a misspelt header likely means, when one column is left unfed', async () => {
    const report = await dryRun(
      'mandates.csv',
      'Title,Function,Strenght,Holder,Issues,Places,Valid form,Valid till,Sourse\n' +
        'T1,regulate,core,dws,water-quality,berg-river-catchment,2024-01-01,2025-01-01,NWA\n',
    );
    expect(report.warnings.map((w) => [w.column, w.code, w.message])).toEqual([
      [
        'Strenght',
        'UNKNOWN_COLUMN',
        "column 'Strenght' is not read for mandates; did you mean 'strength'?",
      ],
      [
        'Valid form',
        'UNKNOWN_COLUMN',
        "column 'Valid form' is not read for mandates; did you mean 'validFrom'?",
      ],
      // more than one edit from any header a column is known by
      ['Valid till', 'UNKNOWN_COLUMN', "column 'Valid till' is not read for mandates"],
      [
        'Sourse',
        'UNKNOWN_COLUMN',
        "column 'Sourse' is not read for mandates; did you mean 'source'?",
      ],
    ]);
    expect(report.errors.map((e) => e.message)).toEqual([
      "a mandate sheet needs a 'strength' column",
    ]);
    // a column another header feeds is not suggested
    const fed = await dryRun('actors.csv', 'name,kind,sector,sectr\nAlpha Org,ngo,public,x\n');
    expect(fed.warnings.map((w) => w.message)).toEqual(["column 'sectr' is not read for actors"]);
  });

  it('reads a name under its synonyms followed by "name"', async () => {
    const report = await dryRun(
      'actors.csv',
      'Organisation Name,Type,Sector\nAlpha Org,ngo,civil society\n',
    );
    expect(report.warnings).toEqual([]);
    expect(report.counts.created).toBe(1);
  });
});

describe('Kumu elements with rows shorter or longer than the header', () => {
  it('keeps the kind and sector it derives on every row, and numbers columns as the file does', async () => {
    const report = await dryRun(
      'kumu-elements.csv',
      [
        'Label,Type,Description,Tags',
        'River Watch,Community',
        'Paarl Anglers',
        'Wine Route,Industry Body,Tourism,wine|tourism,stray',
      ].join('\n'),
    );
    expect(report.errors).toEqual([]);
    expect(report.counts.created).toBe(3);
    expect(report.warnings.map((w) => [w.row, w.column, w.code])).toEqual([
      [1, 'Sector', 'SECTOR_ASSUMED'],
      [3, 'Type', 'KUMU_TYPE'],
      [4, 'column 5', 'UNNAMED_COLUMN'],
    ]);
    const committed = await importFile(
      sample.current,
      new TextEncoder().encode(
        'Label,Type,Description\nRiver Watch,Community\nWine Route,Industry Body,Tourism\n',
      ),
      { filename: 'kumu-elements.csv' },
    );
    expect(committed.ok).toBe(true);
    const [watch, wine] = await sample.current.store.getMany('actor', [
      'river-watch',
      'wine-route',
    ]);
    expect(watch).toMatchObject({ kind: 'community_group', sector: 'civil_society' });
    expect(watch).not.toHaveProperty('description');
    expect(wine).toMatchObject({
      kind: 'industry_body',
      sector: 'private',
      description: 'Tourism',
    });
  });
});

describe('rows above the header', () => {
  it('finds the header below a title and a note, and says which rows it left', async () => {
    const report = await dryRun(
      'actors.csv',
      [
        'Stakeholder list, Berg River 2024',
        '',
        'Compiled by the catchment forum',
        'Name,Kind,Sector',
        'Alpha Org,ngo,civil society',
        'Beta Org,NGO,Civil Society',
      ].join('\n'),
    );
    expect(report.ok).toBe(true);
    expect(report.counts.created).toBe(2);
    expect(warningsOf(report)).toEqual([[1, '', 'ROWS_ABOVE_HEADER', 'Stakeholder list']]);
    expect(report.warnings[0]!.message).toBe('the header is row 4: rows 1-3 above it are not read');
    const bad = await dryRun('actors.csv', 'Our list\nname,kind,sector\nAlpha Org,cabal,public\n');
    expect(bad.errors.map((e) => [e.row, e.column, e.code])).toEqual([
      [3, 'kind', 'INVALID_INPUT'],
    ]);
  });

  it('keeps the first row as the header when no row below has every needed column', async () => {
    const report = await dryRun('actors.csv', 'name,kind\nAlpha Org,ngo\nname,kind\n');
    expect(report.warnings.map((w) => w.code)).not.toContain('ROWS_ABOVE_HEADER');
    expect(report.errors.map((e) => [e.row, e.column, e.code])).toEqual([
      [1, 'sector', 'MISSING_COLUMN'],
    ]);
  });
});

describe('member roles as people write them', () => {
  it('reads common words for the roles, and names the role a typo likely means', async () => {
    const report = await dryRun(
      'partnerships.csv',
      'name,kind,members\n' +
        'Berg forum 2,forum,dws:Convenor|wrc:steering committee|wwf-sa:Participant|stellenbosch-university:rowwing\n',
    );
    expect(report.errors.map((e) => [e.row, e.column, e.value, e.code, e.message])).toEqual([
      [
        2,
        'members',
        'rowwing',
        'INVALID_INPUT',
        "members.3.role: 'rowwing' is not one of convener, steering, rowing, cheering, member, observer (did you mean 'rowing'?)",
      ],
    ]);
    const sheet = await dryRun(
      'members.csv',
      'partnership,actor,role\nberg-catchment-forum,wrc,chair\nberg-catchment-forum,wwf-sa,cheerleeder\n',
    );
    expect(sheet.errors.map((e) => [e.row, e.column, e.message])).toEqual([
      [
        3,
        'role',
        "role: 'cheerleeder' is not one of convener, steering, rowing, cheering, member, observer (did you mean 'cheerleader', read as cheering?)",
      ],
    ]);
  });
});
