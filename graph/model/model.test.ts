import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { GraphError } from '../errors.js';
import { MATURITY_DIMENSIONS, isIsoDate, parseEntity, slugify } from './index.js';
import type { EntityType } from './index.js';

function codeOf(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (error) {
    return error instanceof GraphError ? error.code : 'NOT_A_GRAPH_ERROR';
  }
  return undefined;
}

const mandate = {
  title: 'Regulate water quality',
  function: 'regulate',
  strength: 'core',
  holderId: 'dws',
  issueIds: ['water-quality'],
  jurisdictionIds: ['south-africa'],
};

const scores = {
  goals: 4,
  resources: 3,
  activities: 3,
  communications: 2,
  governance: 3,
  systems: 2,
  culture: 4,
};

describe('parseEntity: good input', () => {
  it.each<[EntityType, Record<string, unknown>, string]>([
    ['level', { name: 'National', rank: 1 }, 'national'],
    [
      'jurisdiction',
      { name: 'Western Cape', kind: 'province', parentId: 'south-africa' },
      'western-cape',
    ],
    ['issue', { name: 'Water quality', parentId: 'water' }, 'water-quality'],
    [
      'actor',
      { name: 'Dept. of Water & Sanitation', kind: 'department', sector: 'public' },
      'dept-of-water-and-sanitation',
    ],
    ['mandate', mandate, 'regulate-water-quality'],
    [
      'partnership',
      { name: 'BRIP SC', kind: 'coordination_committee', members: [{ actorId: 'a' }] },
      'brip-sc',
    ],
    [
      'interest',
      { actorId: 'agri', issueId: 'water', stance: 'mixed', influence: 4, interest: 5 },
      'agri~water',
    ],
    ['tie', { fromId: 'a', toId: 'b', kind: 'informs' }, 'a~informs~b'],
    ['assessment', { partnershipId: 'brip', date: '2016-08-31', scores }, 'brip@2016-08-31'],
  ])('%s derives id %s', (type, input, id) => {
    expect(parseEntity(type, input).id).toBe(id);
  });

  it('fills defaults: tags, overlaps, member role, tie strength, mandate name', () => {
    expect(parseEntity('jurisdiction', { id: 'x', name: 'X', kind: 'other' })).toMatchObject({
      tags: [],
      overlaps: [],
    });
    expect(
      parseEntity('partnership', { name: 'P', kind: 'forum', members: [{ actorId: 'a' }] }).members,
    ).toEqual([{ actorId: 'a', role: 'member' }]);
    expect(parseEntity('tie', { fromId: 'a', toId: 'b', kind: 'funds' }).strength).toBe(1);
    expect(parseEntity('mandate', mandate).name).toBe('Regulate water quality');
  });

  it('trims free text, and treats blank text as absent', () => {
    const actor = (description: string) =>
      parseEntity('actor', { name: 'A', kind: 'ngo', sector: 'public', description });
    expect(actor('  two\nlines  ').description).toBe('two\nlines');
    expect(actor(' \n ')).not.toHaveProperty('description', expect.anything());
    expect(
      parseEntity('assessment', {
        partnershipId: 'p',
        date: '2024-01-01',
        scores: Object.fromEntries(MATURITY_DIMENSIONS.map((d) => [d, 3])),
        notes: '  ',
      }).notes,
    ).toBeUndefined();
  });

  it('keeps a user-supplied id and trims names', () => {
    expect(
      parseEntity('actor', { id: 'DWS', name: '  DWS  ', kind: 'department', sector: 'public' }),
    ).toMatchObject({
      id: 'DWS',
      name: 'DWS',
    });
  });
});

describe('parseEntity: bad input is INVALID_INPUT naming the field', () => {
  it.each<[string, EntityType, Record<string, unknown>, string]>([
    ['unknown enum', 'actor', { name: 'A', kind: 'cabal', sector: 'public' }, 'kind'],
    ['missing name', 'actor', { id: 'a', kind: 'ngo', sector: 'public' }, 'name'],
    ['bad id', 'actor', { id: 'has space', name: 'A', kind: 'ngo', sector: 'public' }, 'id'],
    ['mandate without issue', 'mandate', { ...mandate, issueIds: [] }, 'issueIds'],
    ['mandate without place', 'mandate', { ...mandate, jurisdictionIds: [] }, 'jurisdictionIds'],
    [
      'validTo before validFrom',
      'mandate',
      { ...mandate, validFrom: '2020-01-02', validTo: '2020-01-01' },
      'validTo',
    ],
    ['impossible date', 'mandate', { ...mandate, validFrom: '2021-02-29' }, 'validFrom'],
    [
      'influence above 5',
      'interest',
      { actorId: 'a', issueId: 'i', stance: 'neutral', influence: 6, interest: 1 },
      'influence',
    ],
    [
      'interest below 1',
      'interest',
      { actorId: 'a', issueId: 'i', stance: 'neutral', influence: 1, interest: 0 },
      'interest',
    ],
    ['tie strength 4', 'tie', { fromId: 'a', toId: 'b', kind: 'funds', strength: 4 }, 'strength'],
    ['tie to itself', 'tie', { fromId: 'a', toId: 'a', kind: 'funds' }, 'toId'],
    [
      'score 7',
      'assessment',
      { partnershipId: 'p', date: '2020-01-01', scores: { ...scores, culture: 7 } },
      'scores.culture',
    ],
    [
      'score 0',
      'assessment',
      { partnershipId: 'p', date: '2020-01-01', scores: { ...scores, goals: 0 } },
      'scores.goals',
    ],
    [
      'missing dimension',
      'assessment',
      { partnershipId: 'p', date: '2020-01-01', scores: { goals: 1 } },
      'scores.resources',
    ],
    [
      'member twice',
      'partnership',
      { name: 'P', kind: 'forum', members: [{ actorId: 'a' }, { actorId: 'a' }] },
      'members.1.actorId',
    ],
    ['own parent', 'issue', { id: 'i', name: 'I', parentId: 'i' }, 'parentId'],
    [
      'overlaps itself',
      'jurisdiction',
      { id: 'j', name: 'J', kind: 'other', overlaps: ['j'] },
      'overlaps',
    ],
    ['unknown field', 'level', { name: 'L', rank: 1, colour: 'red' }, 'colour'],
    ['rank not integer', 'level', { name: 'L', rank: 1.5 }, 'rank'],
  ])('%s', (_label, type, input, path) => {
    try {
      parseEntity(type, input);
      expect.unreachable('should have thrown');
    } catch (error) {
      expect(error).toBeInstanceOf(GraphError);
      const e = error as GraphError;
      expect(e.code).toBe('INVALID_INPUT');
      const paths = (e.details.problems as { path: string }[]).map((p) => p.path);
      expect(paths).toContain(path);
    }
  });

  it('refuses an interest id that is not the key of its ends', () => {
    expect(
      codeOf(() =>
        parseEntity('interest', {
          id: 'other',
          actorId: 'a',
          issueId: 'i',
          stance: 'neutral',
          influence: 1,
          interest: 1,
        }),
      ),
    ).toBe('INVALID_INPUT');
  });

  it('says what size a field may be, and which values an enum takes, in plain words, and keeps a rule of its own', () => {
    const problems = (type: EntityType, input: Record<string, unknown>) => {
      try {
        parseEntity(type, input);
        return expect.unreachable('should have thrown');
      } catch (error) {
        return (error as GraphError).details.problems as { path: string; message: string }[];
      }
    };
    const actor = { kind: 'ngo', sector: 'public' };
    expect(
      problems('actor', { ...actor, name: 'x'.repeat(301), tags: ['', 't'.repeat(101)] }),
    ).toEqual([
      expect.objectContaining({ path: 'name', message: 'must have at most 300 characters' }),
      expect.objectContaining({ path: 'tags.0', message: 'must not be empty' }),
      expect.objectContaining({ path: 'tags.1', message: 'must have at most 100 characters' }),
    ]);
    const members = Array.from({ length: 10_001 }, (_, i) => ({ actorId: `a${i}` }));
    expect(problems('partnership', { name: 'P', kind: 'forum', members })).toEqual([
      expect.objectContaining({ path: 'members', message: 'must have at most 10,000 values' }),
    ]);
    expect(problems('mandate', { ...mandate, issueIds: [] })).toEqual([
      expect.objectContaining({ path: 'issueIds', message: 'a mandate needs at least one issue' }),
    ]);
    const lead = [{ actorId: 'dws', role: 'lead' }];
    expect(problems('partnership', { name: 'P', kind: 'forum', members: lead })).toEqual([
      expect.objectContaining({
        path: 'members.0.role',
        message: 'must be one of convener, steering, rowing, cheering, member, observer',
      }),
    ]);
  });

  it('refuses a non-object', () => {
    expect(codeOf(() => parseEntity('actor', 'dws'))).toBe('INVALID_INPUT');
    expect(codeOf(() => parseEntity('actor', null))).toBe('INVALID_INPUT');
  });
});

describe('slugify and dates', () => {
  it.each([
    ['Drakenstein Local Municipality', 'drakenstein-local-municipality'],
    ['  Café du Monde  ', 'cafe-du-monde'],
    ['R&D', 'r-and-d'],
    ['---', 'n-'],
  ])('%s -> %s', (name, slug) => {
    expect(slugify(name).startsWith(slug)).toBe(true);
  });

  it('gives names without latin letters a stable, distinct id', () => {
    expect(slugify('水务局')).toBe(slugify('水务局'));
    expect(slugify('水务局')).not.toBe(slugify('环境局'));
    expect(slugify('水务局')).toMatch(/^n-[0-9a-f]{8}$/);
  });

  it.each([
    ['2024-02-29', true],
    ['2023-02-29', false],
    ['2024-13-01', false],
    ['24-01-01', false],
    ['2024-1-1', false],
    ['2000-02-29', true],
    ['1900-02-29', false],
    ['2024-04-31', false],
    ['2024-12-31', true],
    ['2024-00-10', false],
    ['2024-01-00', false],
  ])('isIsoDate(%s) = %s', (value, ok) => {
    expect(isIsoDate(value)).toBe(ok);
  });

  it('isIsoDate agrees with the calendar for every yyyy-mm-dd', () => {
    const pad = (n: number, width: number) => String(n).padStart(width, '0');
    fc.assert(
      fc.property(
        // centuries often: they are where leap years are easy to get wrong
        fc.oneof(
          fc.integer({ min: 0, max: 9999 }),
          fc.integer({ min: 0, max: 99 }).map((c) => c * 100),
        ),
        fc.integer({ min: 0, max: 13 }),
        fc.oneof(fc.integer({ min: 0, max: 32 }), fc.integer({ min: 28, max: 31 })),
        (year, month, day) => {
          const text = `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}`;
          // the calendar's own answer: a date that rolls over is not a real one
          const date = new Date(0);
          date.setUTCFullYear(year, month - 1, day);
          const real =
            date.getUTCFullYear() === year &&
            date.getUTCMonth() === month - 1 &&
            date.getUTCDate() === day;
          expect(isIsoDate(text)).toBe(real);
        },
      ),
      { numRuns: 5000 },
    );
  });
});
