import { describe, expect, it } from 'vitest';
import { useSampleService } from '../../tests/helpers/sample-service.js';
import { workbook } from '../../tests/helpers/workbook.js';
import { importFile } from './import-file.js';

const sample = useSampleService();

const MEMBERS_HEADER = ['partnership', 'actor', 'role'];

async function importSheets(sheets: Record<string, string[][]>, dryRun = false) {
  const bytes = await workbook(sheets);
  return importFile(sample.current, bytes, { filename: 'partners.xlsx', dryRun });
}

describe("a members sheet's partnerships", () => {
  it('finds a partnership of the file by the id its name makes', async () => {
    const report = await importSheets({
      Partnerships: [
        ['name', 'kind'],
        ['Paarl Forum', 'forum'],
      ],
      Members: [MEMBERS_HEADER, ['paarl-forum', 'dws', 'convener']],
    });
    expect(report.errors).toEqual([]);
    const forum = (await sample.current.state()).entities.partnership.get('paarl-forum');
    expect(forum?.members).toEqual([{ actorId: 'dws', role: 'convener' }]);
  });

  it("finds a stored partnership the file's own row names without an id", async () => {
    // stored as berg-catchment-forum; its name would make another id
    const report = await importSheets({
      Partnerships: [
        ['name', 'kind'],
        ['Berg River catchment forum', 'forum'],
      ],
      Members: [MEMBERS_HEADER, ['berg-catchment-forum', 'wesgro', 'member']],
    });
    expect(report.errors).toEqual([]);
    const forum = (await sample.current.state()).entities.partnership.get('berg-catchment-forum');
    expect(forum?.members).toEqual([{ actorId: 'wesgro', role: 'member' }]);
  });

  it('says which partnership an unknown name likely means, once per name', async () => {
    const report = await importSheets(
      {
        Members: [
          ['Partnership', 'Organisation', 'Role'],
          ['BRIP Steering Comittee', 'wesgro', 'member'],
          ['BRIP Steering Comittee', 'csir', 'member'],
        ],
      },
      true,
    );
    expect(report.errors.map((e) => [e.row, e.column, e.code, e.message])).toEqual([
      [
        2,
        'Partnership',
        'UNKNOWN_REFERENCE',
        "no partnership 'BRIP Steering Comittee' in the file or the store; did you mean 'brip-steering-committee' (BRIP Steering Committee)?",
      ],
    ]);
    expect(report.counts.rejected).toBe(2);
  });

  it('refuses a name two partnerships have', async () => {
    const twin = await importSheets({
      Partnerships: [
        ['id', 'name', 'kind'],
        ['brip-2', 'BRIP Steering Committee', 'forum'],
      ],
    });
    expect(twin.ok).toBe(true);
    const report = await importSheets(
      { Members: [MEMBERS_HEADER, ['BRIP Steering Committee', 'wesgro', 'member']] },
      true,
    );
    expect(report.errors.map((e) => [e.code, e.message])).toEqual([
      [
        'AMBIGUOUS_NAME',
        "'BRIP Steering Committee' names 2 partnerships (brip-steering-committee, brip-2); use the id",
      ],
    ]);
  });
});
