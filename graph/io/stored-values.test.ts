import { describe, expect, it } from 'vitest';
import { useSampleService } from '../../tests/helpers/sample-service.js';
import { emptyLists, stateFromSnapshot } from '../model/index.js';
import type { EntityMap, Snapshot, Stored } from '../model/index.js';
import { importDocument, importFile } from './import-file.js';
import type { ImportRow } from './import-plan.js';
import { withStoredValues } from './stored-values.js';

const sample = useSampleService();

const importText = (filename: string, text: string) =>
  importFile(sample.current, new TextEncoder().encode(text), { filename });

const stored = async <K extends 'actor' | 'partnership'>(type: K, id: string) =>
  (await sample.current.state()).entities[type].get(id) as Stored<EntityMap[K]> | undefined;

/** Stores actors with a JSON import, and checks that each was created. */
const addActors = async (...actors: Record<string, unknown>[]) => {
  const report = await importDocument(sample.current, { actors });
  expect(report.counts.created).toBe(actors.length);
};

describe('columns a file does not have', () => {
  it('leave the stored values of an entity as they are', async () => {
    const before = await stored('actor', 'dws');
    expect(before).toMatchObject({ levelId: 'national', parentId: 'national-government' });
    expect(before!.description).toBeTruthy();
    const report = await importText(
      'stakeholders.csv',
      'id,Name,Type,Sector\ndws,Department of Water and Sanitation,department,public\n',
    );
    expect(report.counts).toEqual({ created: 0, updated: 0, unchanged: 1, rejected: 0 });
    expect(await stored('actor', 'dws')).toEqual(before);
  });

  it('keep what the file does not give while it changes what it does, and a blank cell clears', async () => {
    const { version: _version, ...dws } = (await stored('actor', 'dws'))!;
    const edited = await importDocument(sample.current, {
      actors: [
        {
          ...dws,
          tags: ['national'],
          contact: { person: 'Duty officer', email: 'info@dws.example' },
        },
      ],
    });
    expect(edited.counts.updated).toBe(1);
    const report = await importText(
      'actors.csv',
      'Name,Email,Description,Sector,Kind\nDWS,water@dws.example,,public,department\n',
    );
    expect(report.errors).toEqual([]);
    expect(report.counts).toEqual({ created: 0, updated: 1, unchanged: 0, rejected: 0 });
    const after = await stored('actor', 'dws');
    expect(after).toMatchObject({
      name: 'DWS',
      levelId: 'national',
      jurisdictionId: 'south-africa',
      parentId: 'national-government',
      tags: ['national'],
      contact: { person: 'Duty officer', email: 'water@dws.example' },
    });
    expect(after).not.toHaveProperty('description');
  });

  it('leave new entities without those values', async () => {
    const report = await importText(
      'actors.csv',
      'Name,Kind,Sector\nRiver Watch,ngo,civil society\n',
    );
    expect(report.counts.created).toBe(1);
    expect(await stored('actor', 'river-watch')).toMatchObject({ tags: [] });
    expect(await stored('actor', 'river-watch')).not.toHaveProperty('levelId');
  });

  it('keep the members of a partnership, unless a members sheet gives them', async () => {
    const members = (await stored('partnership', 'berg-catchment-forum'))!.members;
    const sheet = 'id,name,kind\nberg-catchment-forum,Berg catchment forum,forum\n';
    const renamed = await importText('partnerships.csv', sheet);
    expect(renamed.counts.updated).toBe(1);
    expect(await stored('partnership', 'berg-catchment-forum')).toMatchObject({
      name: 'Berg catchment forum',
      members,
      issueIds: ['water-quantity'],
    });
  });

  it('let a Kumu element keep its stored sector, and its kind for a type that names none', async () => {
    await addActors(
      { id: 'river-watch', name: 'River Watch', kind: 'ngo', sector: 'academic' },
      { id: 'wine-route', name: 'Wine Route', kind: 'business', sector: 'private' },
    );
    const report = await importText(
      'berg-elements.csv',
      'Label,Type\nRiver Watch,NGO\nWine Route,Club\nPaarl Anglers,Community group\nFly Fishers,Club\n',
    );
    expect(report.counts).toEqual({ created: 2, updated: 0, unchanged: 2, rejected: 0 });
    expect(await stored('actor', 'river-watch')).toMatchObject({ sector: 'academic' });
    expect(await stored('actor', 'wine-route')).toMatchObject({
      kind: 'business',
      sector: 'private',
    });
    expect(await stored('actor', 'paarl-anglers')).toMatchObject({
      kind: 'community_group',
      sector: 'civil_society',
    });
    expect(await stored('actor', 'fly-fishers')).toMatchObject({
      kind: 'other',
      sector: 'civil_society',
    });
    expect(report.warnings.map((w) => [w.row, w.code, w.message])).toEqual([
      [
        1,
        'SECTOR_ASSUMED',
        'no Sector column: each new element takes the sector of its kind (a stored actor keeps its own)',
      ],
      [
        3,
        'KUMU_TYPE',
        "element type 'Club' is not an actor kind; imported as 'other' (a stored actor keeps its kind)",
      ],
      [
        5,
        'KUMU_TYPE',
        "element type 'Club' is not an actor kind; imported as 'other' (a stored actor keeps its kind)",
      ],
    ]);
  });

  it('keep a mandate found by its title, whose stored name is another', async () => {
    const added = await importDocument(sample.current, {
      mandates: [
        {
          id: 'regulate-water-use',
          name: 'Water use licensing',
          title: 'Regulate water use',
          function: 'regulate',
          strength: 'core',
          holderId: 'dws',
          issueIds: ['water-quality'],
          jurisdictionIds: ['south-africa'],
        },
      ],
    });
    expect(added.counts.created).toBe(1);
    const report = await importText(
      'mandates.csv',
      'title,function,strength,holder,issues,places\n' +
        'Regulate water use,regulate,shared,dws,water-quality,south-africa\n',
    );
    expect(report.errors).toEqual([]);
    expect(report.counts).toEqual({ created: 0, updated: 1, unchanged: 0, rejected: 0 });
    const mandates = (await sample.current.state()).entities.mandate;
    expect(mandates.get('regulate-water-use')).toMatchObject({
      name: 'Water use licensing',
      strength: 'shared',
    });
    expect(mandates.has('water-use-licensing')).toBe(false);
  });

  it('count in the checks of the row: a rule broken with a stored value is reported', async () => {
    const dated = await importDocument(sample.current, {
      mandates: [
        {
          id: 'm-dated',
          title: 'Dated mandate',
          function: 'regulate',
          strength: 'core',
          holderId: 'dws',
          issueIds: ['water-quality'],
          jurisdictionIds: ['south-africa'],
          validFrom: '2020-01-01',
        },
      ],
    });
    expect(dated.counts.created).toBe(1);
    const report = await importText(
      'mandates.csv',
      'id,title,function,strength,holder,issues,places,valid to\n' +
        'm-dated,Dated mandate,regulate,core,dws,water-quality,south-africa,2019-12-31\n',
    );
    expect(report.errors.map((e) => [e.column, e.value, e.message])).toEqual([
      ['valid to', '2019-12-31', 'validTo: must not be before validFrom'],
    ]);
  });
});

describe('a row without an id', () => {
  it('finds the stored entity with its name, rather than add a second', async () => {
    const report = await importText(
      'stakeholders.csv',
      'Name,Type,Sector,Email\ndepartment of water and  sanitation,department,public,info@dws.example\n',
    );
    expect(report.errors).toEqual([]);
    expect(report.warnings).toEqual([]);
    expect(report.counts).toEqual({ created: 0, updated: 1, unchanged: 0, rejected: 0 });
    expect(await stored('actor', 'dws')).toMatchObject({
      name: 'department of water and  sanitation',
      levelId: 'national',
      contact: { email: 'info@dws.example' },
    });
    expect(await stored('actor', 'department-of-water-and-sanitation')).toBeUndefined();
  });

  it('takes the entity with its name over the one whose id its name would make', async () => {
    await addActors(
      { id: 'berg-watch', name: 'River Watch', kind: 'ngo', sector: 'civil_society' },
      { id: 'river-watch', name: 'RW Trust', kind: 'ngo', sector: 'civil_society' },
    );
    const report = await importText(
      'stakeholders.csv',
      'Name,Type,Sector\nRiver Watch,NGO,public\n',
    );
    expect(report.counts).toEqual({ created: 0, updated: 1, unchanged: 0, rejected: 0 });
    expect(await stored('actor', 'berg-watch')).toMatchObject({ sector: 'public' });
    expect(await stored('actor', 'river-watch')).toMatchObject({ name: 'RW Trust' });
  });

  it('is made from its name when two stored entities share the name', async () => {
    const ward = { name: 'Ward committee', kind: 'community_group', sector: 'civil_society' };
    await addActors({ id: 'ward-1', ...ward }, { id: 'ward-2', ...ward });
    const report = await importText(
      'stakeholders.csv',
      'Name,Type,Sector\nWard committee,community group,civil society\n',
    );
    expect(report.counts.created).toBe(1);
    expect(await stored('actor', 'ward-committee')).toBeDefined();
  });
});

describe('withStoredValues', () => {
  const dws = {
    id: 'dws',
    name: 'DWS',
    kind: 'department',
    sector: 'public',
    tags: ['national'],
    description: 'Water and sanitation',
    contact: { person: 'Duty officer', url: 'https://dws.example' },
    version: 4,
  };
  const state = stateFromSnapshot({
    version: 1,
    entities: { ...emptyLists(), actor: [dws] },
  } as Snapshot);
  const row = (input: Record<string, unknown>, keepStored: readonly string[]): ImportRow => ({
    type: 'actor',
    sheet: 'actors.csv',
    row: 2,
    input,
    keepStored,
  });

  it('fills the kept paths from the stored entity on a copy, leaving the row and what it shares as they were', () => {
    const contact = { email: 'water@dws.example' };
    const given = row({ id: 'dws', name: 'DWS', contact }, [
      'description',
      'tags',
      'contact.person',
      'contact.phone',
      'levelId',
    ]);
    const input = withStoredValues(given, state);
    expect(input).toEqual({
      id: 'dws',
      name: 'DWS',
      contact: { email: 'water@dws.example', person: 'Duty officer' },
      description: 'Water and sanitation',
      tags: ['national'],
    });
    expect(given.input).toEqual({
      id: 'dws',
      name: 'DWS',
      contact: { email: 'water@dws.example' },
    });
    expect(contact).toEqual({ email: 'water@dws.example' });
    // two kept paths inside one object copy it once
    const both = withStoredValues(
      row({ id: 'dws', contact }, ['contact.person', 'contact.url']),
      state,
    );
    expect(both.contact).toEqual({
      email: 'water@dws.example',
      person: 'Duty officer',
      url: 'https://dws.example',
    });
    expect(contact).toEqual({ email: 'water@dws.example' });
  });

  it('makes the object on the way when the row has none, and gives a row without an id the one it found', () => {
    const input = withStoredValues(row({ name: 'DWS' }, ['contact.url']), state);
    expect(input).toEqual({ name: 'DWS', id: 'dws', contact: { url: 'https://dws.example' } });
  });

  it('returns the input itself when nothing is kept from a stored entity', () => {
    const alone = row({ id: 'dws', name: 'DWS' }, ['levelId', 'contact.phone']);
    expect(withStoredValues(alone, state)).toBe(alone.input);
    const unknown = row({ id: 'nobody', name: 'Nobody' }, ['description']);
    expect(withStoredValues(unknown, state)).toBe(unknown.input);
  });
});
