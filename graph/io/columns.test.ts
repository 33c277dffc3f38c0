import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { ENTITY_SCHEMAS, ENTITY_TYPES, isEndpointType } from '../model/index.js';
import { COLUMNS, headerKey } from './columns.js';

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

/** The schema of the field at `path` (`scores.goals`) of an object schema. */
function fieldSchema(schema: z.ZodType, path: string): z.ZodType {
  return path.split('.').reduce((at, key) => {
    const field = (at as z.ZodObject).shape[key];
    if (!field) throw new Error(`no field ${path}`);
    return field as z.ZodType;
  }, schema);
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

  it('has no header that names two columns of one type', () => {
    for (const type of ENTITY_TYPES) {
      const fieldOf = new Map<string, string>();
      for (const column of COLUMNS[type]) {
        for (const synonym of column.synonyms) {
          const key = headerKey(synonym);
          const other = fieldOf.get(key);
          if (other !== undefined && other !== column.field)
            expect.fail(`${type}: '${synonym}' names both ${other} and ${column.field}`);
          fieldOf.set(key, column.field);
        }
      }
    }
  });

  it("gives every whole-number column the model's own scale", () => {
    for (const type of ENTITY_TYPES) {
      for (const column of COLUMNS[type].filter((c) => c.kind === 'int')) {
        const name = `${type}.${column.field}`;
        expect(column.range, name).toBeDefined();
        const [low, high] = column.range!;
        const field = fieldSchema(ENTITY_SCHEMAS[type] as z.ZodType, column.field);
        const accepts = (n: number) => field.safeParse(n).success;
        expect([low, high].map(accepts), name).toEqual([true, true]);
        expect([low - 1, high + 1].map(accepts), name).toEqual([false, false]);
      }
    }
  });
});
