import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import {
  ACTOR_KINDS,
  ENTITY_SCHEMAS,
  ENTITY_TYPES,
  JURISDICTION_KINDS,
  SECTORS,
  isEndpointType,
} from '../model/index.js';
import { COLUMNS, normaliseEnum } from './columns.js';

/** The paths of a schema's fields, into nested objects (`contact.email`), past optional and default. */
function fieldPaths(schema: z.ZodType, prefix = ''): string[] {
  let inner: z.ZodType = schema;
  while (inner instanceof z.ZodOptional || inner instanceof z.ZodDefault)
    inner = inner.unwrap() as z.ZodType;
  if (!(inner instanceof z.ZodObject)) return [prefix];
  return Object.entries(inner.shape).flatMap(([key, field]) =>
    fieldPaths(field as z.ZodType, prefix ? `${prefix}.${key}` : key),
  );
}

describe('COLUMNS', () => {
  it('has a column for every field of every type, so that an export carries the whole entity', () => {
    for (const type of ENTITY_TYPES) {
      // interests, ties and assessments are identified by their ends: their id is never a column
      const fields = fieldPaths(ENTITY_SCHEMAS[type]).filter(
        (f) => !(f === 'id' && isEndpointType(type)),
      );
      expect(fields.length, type).toBeGreaterThan(3);
      expect(COLUMNS[type].map((c) => c.field).sort(), type).toEqual(fields.sort());
    }
  });
});

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

  it('reads a word as what it means for the enum at hand, and leaves an unknown one as written', () => {
    expect(normaliseEnum('Metro', JURISDICTION_KINDS)).toBe('municipality');
    expect(normaliseEnum('District', JURISDICTION_KINDS)).toBe('district');
    expect(normaliseEnum('Business', ACTOR_KINDS)).toBe('business');
    expect(normaliseEnum('Trade union', ACTOR_KINDS)).toBe('Trade union');
  });
});
