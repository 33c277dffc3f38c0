import { describe, expect, it } from 'vitest';
import { ACTOR_KINDS, JURISDICTION_KINDS, SECTORS, STANCES } from '../model/index.js';
import { normaliseEnum } from './enum-values.js';

describe('enum values as stakeholder lists write them', () => {
  it.each([
    ['National Department', 'department'],
    ['Dept.', 'department'],
    ['Metropolitan municipality', 'municipality'],
    ['Local government', 'municipality'],
    ['SOE', 'public_entity'],
    ['State-owned enterprise', 'public_entity'],
    ['Parastatal', 'public_entity'],
    ['NPO', 'ngo'],
    ['Non-profit', 'ngo'],
    ['N.G.O.', 'ngo'],
    ['Faith-based organisation', 'ngo'],
    ['CBO', 'community_group'],
    ["Residents' association", 'community_group'],
    ['Association', 'industry_body'],
    ['Research institute', 'research'],
    ['Academic', 'research'],
    ['Development partner', 'international'],
  ])('actor kind %s -> %s', (cell, kind) => {
    expect(normaliseEnum(cell, ACTOR_KINDS)).toBe(kind);
  });

  it.each([
    ['Government', 'public'],
    ['Business', 'private'],
    ['NGO', 'civil_society'],
    ['Research', 'academic'],
    ['Academic', 'academic'],
  ])('sector %s -> %s', (cell, sector) => {
    expect(normaliseEnum(cell, SECTORS)).toBe(sector);
  });

  it.each([
    ['Supportive', 'supports'],
    ['In favour', 'supports'],
    ['Positive', 'supports'],
    ['Opposed', 'opposes'],
    ['Negative', 'opposes'],
    ['Undecided', 'neutral'],
    ['Ambivalent', 'mixed'],
  ])('stance %s -> %s', (cell, stance) => {
    expect(normaliseEnum(cell, STANCES)).toBe(stance);
  });

  it('reads a word as what it means for the enum at hand, and leaves an unknown one as written', () => {
    expect(normaliseEnum('Metro', JURISDICTION_KINDS)).toBe('municipality');
    expect(normaliseEnum('District', JURISDICTION_KINDS)).toBe('district');
    expect(normaliseEnum('Business', ACTOR_KINDS)).toBe('business');
    expect(normaliseEnum('Trade union', ACTOR_KINDS)).toBe('Trade union');
  });
});
