/** Look-alike keys: the quick way for plain ASCII names gives what the Unicode way gives. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { lookAlikeKey, lookAlikeKeyUnicode } from './name-keys.js';

describe('lookAlikeKey', () => {
  it('puts names that differ in case, spacing, punctuation and fillers together', () => {
    expect(lookAlikeKey('Drakenstein Local Municipality')).toBe(
      lookAlikeKey('  drakenstein   municipality.'),
    );
    expect(lookAlikeKey('Département de l’Eau')).toBe(lookAlikeKey('DÉPARTEMENT DE L’EAU'));
    expect(lookAlikeKey('Dept. of Water & Sanitation')).toBe('dept water sanitation');
  });

  it('gives the same key for any ASCII name as the Unicode way', () => {
    const ascii = fc.string({
      unit: fc.constantFrom(...' \t\n\u000b\u0000\u007fAbcXyz019.,-&/()\'"_!?~'.split('')),
      maxLength: 40,
    });
    const words = fc
      .array(fc.constantFrom('the', 'of', 'Local', 'METRO', 'Water', 'x1', '&', 'a-b'), {
        maxLength: 6,
      })
      .map((w) => w.join(' '));
    fc.assert(
      fc.property(fc.oneof(ascii, words), (name) => {
        expect(lookAlikeKey(name)).toBe(lookAlikeKeyUnicode(name));
      }),
      { numRuns: 2000 },
    );
  });
});
