import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { joinValues, splitValues } from './multi-values.js';

/** Values as a multi-valued cell keeps them: trimmed, not blank; separators and backslashes often. */
const value = fc
  .string({
    unit: fc.oneof(
      fc.constantFrom('|', ';', '\n', '\\', ' ', ':'),
      fc.string({ minLength: 1, maxLength: 1 }),
    ),
    minLength: 1,
    maxLength: 12,
  })
  .map((v) => v.trim())
  .filter((v) => v !== '');

describe('multi-valued cells', () => {
  it.each([
    ['water | sanitation;  energy\nfood', ['water', 'sanitation', 'energy', 'food']],
    ['a||b; ;', ['a', 'b']],
    ['water\\; sanitation|a\\|b', ['water; sanitation', 'a|b']],
    ['C:\\data|D:\\\\share', ['C:\\data', 'D:\\share']],
    ['trailing\\', ['trailing\\']],
  ])('splitValues(%j)', (cell, values) => {
    expect(splitValues(cell)).toEqual(values);
  });

  it('escapes separators and backslashes when it joins', () => {
    expect(joinValues(['water; sanitation', 'a|b', 'C:\\data'])).toBe(
      'water\\; sanitation|a\\|b|C:\\\\data',
    );
  });

  it('reads back what it wrote, whatever the values hold', () => {
    fc.assert(
      fc.property(fc.array(value, { maxLength: 6 }), (values) => {
        expect(splitValues(joinValues(values))).toEqual(values);
      }),
      { numRuns: 1000 },
    );
  });
});
