import { describe, expect, it } from 'vitest';
import { dryRunText, useSampleService } from '../../tests/helpers/sample-service.js';
import { typeFromName } from './file-type.js';
import { typeNamed } from './type-names.js';

const sample = useSampleService();

describe('what a file holds', () => {
  it.each([
    ['actors.csv', 'actor'],
    ['Mandates (2).csv', 'mandate'],
    ['berg-mandates-v2.csv', 'mandate'],
    ['interests_2024.tsv', 'interest'],
    ['Kumu Elements.csv', 'kumu-elements'],
    ['brip-members.csv', 'members'],
    ['actors-and-mandates.csv', undefined],
    ['export.csv', undefined],
    ['factors.csv', undefined],
    ['stakeholder-list.csv', 'actor'],
    ['places.csv', 'jurisdiction'],
    ['members-2024.csv', 'members'],
  ])('typeFromName(%j) = %j', (name, type) => {
    expect(typeFromName(name)).toBe(type);
  });

  it.each([
    ['Stakeholders', 'actor'],
    ['Stakeholder list', 'actor'],
    ['Actors (2)', 'actor'],
    ['Copy of Mandates', 'mandate'],
    ['Issue Areas', 'issue'],
    ['IssueAreas', 'issue'],
    ['Government levels', 'level'],
    ['Spheres', 'level'],
    ['Places', 'jurisdiction'],
    ['Relationships', 'tie'],
    ['Partnership members', 'members'],
    ['PartnershipMembers', 'members'],
    ['Stakeholder mandates', 'mandate'],
    ['Actors and mandates', undefined],
    ['Stakeholders and places', undefined],
    ['Notes', undefined],
    ['Sheet1', undefined],
  ])('typeNamed(%j) = %j', (name, type) => {
    expect(typeNamed(name)).toBe(type);
  });

  it('says which type a file seems to hold when its name does not say and it is not actors', async () => {
    const report = await dryRunText(
      sample.current,
      'export.csv',
      'title,function,strength,holder,issues,places\nY,regulate,core,dws,water-quality,drakenstein\n',
    );
    expect(report.ok).toBe(false);
    // only the hint: the missing actor columns and the unknown ones say nothing more
    expect(report.errors.map((e) => e.code)).toEqual(['UNKNOWN_FILE_TYPE']);
    expect(report.warnings).toEqual([]);
    expect(report.errors[0]).toMatchObject({ row: 1, code: 'UNKNOWN_FILE_TYPE' });
    expect(report.errors[0]!.message).toContain(
      'its columns are those of mandates: name the file mandates.csv, or give the type (?type=mandates, --type mandates)',
    );
    const named = await dryRunText(sample.current, 'export.csv', 'name\nAlpha\n');
    // names alone fit issues as well as actors: no hint
    expect(named.errors.map((e) => e.code)).not.toContain('UNKNOWN_FILE_TYPE');
  });
});
