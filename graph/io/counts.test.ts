import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dryRunText, useSampleService } from '../../tests/helpers/sample-service.js';
import { workbook } from '../../tests/helpers/workbook.js';
import { importDocument, importFile } from './import-file.js';
import type { ImportCounts } from './report.js';

const sample = useSampleService();

const sum = ({ created, updated, unchanged, rejected }: ImportCounts) =>
  created + updated + unchanged + rejected;

/** A new forum, its members, and members of the sample's BRIP steering committee. */
const FORUM = {
  Actors: [
    ['id', 'name', 'kind', 'sector'],
    ['paarl-river-watch', 'Paarl River Watch', 'community_group', 'civil_society'],
  ],
  Partnerships: [
    ['id', 'name', 'kind'],
    ['paarl-forum', 'Paarl Forum', 'forum'],
  ],
  Members: [
    ['partnership', 'actor', 'role'],
    ['paarl-forum', 'paarl-river-watch', 'convener'],
    ['paarl-forum', 'dws', 'member'],
    ['paarl-forum', 'wesgro', 'member'],
    // a member the committee did not have, one it has as it is, one in another role
    ['brip-steering-committee', 'paarl-river-watch', 'cheering'],
    ['brip-steering-committee', 'dws', 'steering'],
    ['brip-steering-committee', 'wrc', 'member'],
  ],
};

describe('import counts add up to the rows read', () => {
  it('counts each row of a members sheet as what became of its member', async () => {
    const bytes = await workbook(FORUM);
    const report = await importFile(sample.current, bytes, { filename: 'forum.xlsx' });
    expect(report.errors).toEqual([]);
    // the actor, the forum and its three members are new; two rows change the committee
    expect(report.counts).toEqual({ created: 5, updated: 2, unchanged: 1, rejected: 0 });
    expect(sum(report.counts)).toBe(8);
    const [committee] = await sample.current.store.getMany('partnership', [
      'brip-steering-committee',
    ]);
    expect(committee?.members).toContainEqual({ actorId: 'wrc', role: 'member' });

    const again = await importFile(sample.current, bytes, { filename: 'forum.xlsx' });
    expect(again.counts).toEqual({ created: 0, updated: 0, unchanged: 8, rejected: 0 });
  });

  it('changes nothing for members listed as they are, in any order', async () => {
    const version = await sample.current.store.version();
    const bytes = await workbook({
      Members: [
        ['partnership', 'actor', 'role'],
        ['brip-steering-committee', 'wrc', 'observer'],
        ['brip-steering-committee', 'dws', 'steering'],
        ['brip-steering-committee', 'wc-deadp', 'convener'],
      ],
    });
    const report = await importFile(sample.current, bytes, { filename: 'members.xlsx' });
    expect(report.counts).toEqual({ created: 0, updated: 0, unchanged: 3, rejected: 0 });
    expect(await sample.current.store.version()).toBe(version);
  });

  it('finds a stored partnership and its members by name, as written or by id', async () => {
    const bytes = await workbook({
      Members: [
        ['partnership', 'actor', 'role'],
        ['brip steering committee', 'Wesgro', 'cheering'],
        ['brip-steering-committee', 'Water Research Commission', 'observer'],
      ],
    });
    const report = await importFile(sample.current, bytes, { filename: 'members.xlsx' });
    expect(report.errors).toEqual([]);
    expect(report.counts).toEqual({ created: 0, updated: 1, unchanged: 1, rejected: 0 });
    const [committee] = await sample.current.store.getMany('partnership', [
      'brip-steering-committee',
    ]);
    expect(committee?.members).toContainEqual({ actorId: 'wesgro', role: 'cheering' });

    const again = await importFile(sample.current, bytes, { filename: 'members.xlsx' });
    expect(again.errors).toEqual([]);
    expect(again.counts).toEqual({ created: 0, updated: 0, unchanged: 2, rejected: 0 });
  });

  it('reads the members of every members sheet', async () => {
    const bytes = await workbook({
      Members: [
        ['partnership', 'actor', 'role'],
        ['brip-steering-committee', 'wesgro', 'cheering'],
      ],
      'Partnership members': [
        ['partnership', 'actor', 'role'],
        ['brip-steering-committee', 'csir', 'observer'],
      ],
    });
    const report = await importFile(sample.current, bytes, { filename: 'members.xlsx' });
    expect(report.errors).toEqual([]);
    expect(report.counts).toEqual({ created: 0, updated: 2, unchanged: 0, rejected: 0 });
    const [committee] = await sample.current.store.getMany('partnership', [
      'brip-steering-committee',
    ]);
    expect(committee?.members).toEqual(
      expect.arrayContaining([
        { actorId: 'wesgro', role: 'cheering' },
        { actorId: 'csir', role: 'observer' },
      ]),
    );
  });

  it('counts rows a reader refuses outright as rejected', async () => {
    const bytes = await workbook({
      // no kind column: neither row can be read
      Actors: [
        ['name', 'sector'],
        ['Paarl River Watch', 'civil society'],
        ['Wellington Ratepayers', 'civil society'],
      ],
      Members: [
        ['partnership', 'actor', 'role'],
        ['brip-steering-committee', 'wesgro', 'cheerleading'],
        ['brip-steering-committee', '', 'member'],
        ['no-such-forum', 'dws', 'member'],
        ['no-such-forum', 'wrc', 'member'],
        [],
        ['brip-steering-committee', 'csir', 'observer'],
      ],
    });
    const report = await importFile(sample.current, bytes, {
      filename: 'messy.xlsx',
      dryRun: true,
    });
    expect(report.errors.map((e) => e.code)).toEqual([
      'MISSING_COLUMN',
      'INVALID_INPUT',
      'MISSING_VALUE',
      'UNKNOWN_REFERENCE',
    ]);
    expect(report.counts).toEqual({ created: 0, updated: 1, unchanged: 0, rejected: 6 });
  });

  it('counts the rows of a file read as the wrong type as rejected', async () => {
    const mandates = await dryRunText(
      sample.current,
      'list.csv',
      'id,title,function,strength,holder,issues,places\nm1,Permits,regulate,statutory,dws,water-quality,south-africa\n\nm2,Plans,plan,statutory,dws,water-quality,south-africa\n',
    );
    expect(mandates.errors.map((e) => e.code)).toEqual(['UNKNOWN_FILE_TYPE']);
    expect(mandates.counts).toEqual({ created: 0, updated: 0, unchanged: 0, rejected: 2 });
  });

  it('counts the items of a document that are not entities as rejected', async () => {
    const report = await importDocument(
      sample.current,
      {
        actors: [
          {
            id: 'paarl-river-watch',
            name: 'Paarl River Watch',
            kind: 'ngo',
            sector: 'civil_society',
          },
          5,
        ],
        elements: [{ label: 'A' }, { label: 'B' }],
      },
      { dryRun: true },
    );
    expect(report.counts).toEqual({ created: 1, updated: 0, unchanged: 0, rejected: 3 });
  });

  it('counts a Kumu line that names several elements once, rejected when any of its ties is', async () => {
    const report = await dryRunText(
      sample.current,
      'connections.csv',
      'From,To,Type\nWWF South Africa,Water Research Commission|Wesgro,funds\nWesgro,Water Research Commission|Nobody Known,informs\n',
    );
    expect(report.errors.map((e) => [e.row, e.code])).toEqual([[3, 'UNKNOWN_REFERENCE']]);
    expect(report.counts).toEqual({ created: 1, updated: 0, unchanged: 0, rejected: 1 });
  });

  it('add up for any mix of good, bad, repeated and blank rows', async () => {
    const actorIds = ['dws', 'wesgro', 'csir', 'paarl-river-watch', 'nobody-known', ''];
    const partnershipIds = ['brip-steering-committee', 'paarl-forum', 'no-such-forum', ''];
    const actorRow = fc.oneof(
      fc.tuple(
        fc.constantFrom('paarl-river-watch', 'dws', 'new-trust', ''),
        fc.constantFrom('Paarl River Watch', 'Department of Water and Sanitation', 'New Trust', ''),
        fc.constantFrom('ngo', 'department', 'not a kind', ''),
        fc.constantFrom('civil society', 'public', ''),
      ),
      fc.constant<string[]>(['', '', '', '']),
    );
    const memberRow = fc.tuple(
      fc.constantFrom(...partnershipIds),
      fc.constantFrom(...actorIds),
      fc.constantFrom('convener', 'rowing', 'cheerleading', ''),
    );
    const filled = (rows: readonly (readonly string[])[]) =>
      rows.filter((r) => r.some((c) => c !== '')).length;
    await fc.assert(
      fc.asyncProperty(
        fc.array(actorRow, { maxLength: 6 }),
        fc.array(memberRow, { maxLength: 8 }),
        fc.boolean(),
        async (actors, members, withForum) => {
          const bytes = await workbook({
            Actors: [['id', 'name', 'kind', 'sector'], ...actors],
            ...(withForum
              ? {
                  Partnerships: [
                    ['id', 'name', 'kind'],
                    ['paarl-forum', 'Paarl Forum', 'forum'],
                  ],
                }
              : {}),
            Members: [['partnership', 'actor', 'role'], ...members],
          });
          const report = await importFile(sample.current, bytes, {
            filename: 'mixed.xlsx',
            dryRun: true,
          });
          const read = filled(actors) + filled(members) + (withForum ? 1 : 0);
          expect(sum(report.counts)).toBe(read);
          if (report.errors.length > 0) expect(report.counts.rejected).toBeGreaterThan(0);
        },
      ),
      { numRuns: 60 },
    );
  });
});
