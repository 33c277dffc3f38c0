/** Misspelt words: one edit apart, the spelling more names use taken as meant. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Spellings, oneEditApart } from './spelling.js';

/** Edits (add, drop, change, swap two side by side) from a to b, counted the plain way. */
function editDistance(a: string, b: string): number {
  const d = Array.from({ length: a.length + 1 }, (_, i) =>
    Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)),
  );
  for (let i = 1; i <= a.length; i += 1) {
    for (let j = 1; j <= b.length; j += 1) {
      const change = a[i - 1] === b[j - 1] ? 0 : 1;
      d[i]![j] = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + change);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        d[i]![j] = Math.min(d[i]![j]!, d[i - 2]![j - 2]! + 1);
    }
  }
  return d[a.length]![b.length]!;
}

const spellingsOf = (...keys: string[]) => {
  const spellings = new Spellings();
  for (const key of keys) spellings.add(key);
  return spellings;
};

describe('oneEditApart', () => {
  it.each([
    ['drakenstein', 'drakenstien', true],
    ['stellenbosch', 'stelenbosch', true],
    ['municipality', 'municipalityy', true],
    ['swartland', 'swartlond', true],
    ['eastern', 'western', false],
    ['drakenstein', 'drakenstein', false],
    ['abcdef', 'badcef', false],
  ])('%s and %s: %s', (a, b, apart) => {
    expect(oneEditApart(a, b)).toBe(apart);
    expect(oneEditApart(b, a)).toBe(apart);
  });

  it('agrees with the edit distance counted the plain way', () => {
    const word = fc.string({ unit: fc.constantFrom('a', 'b', 'c'), maxLength: 7 });
    fc.assert(
      fc.property(word, word, (a, b) => {
        expect(oneEditApart(a, b)).toBe(editDistance(a, b) === 1);
      }),
      { numRuns: 3000 },
    );
  });
});

describe('Spellings', () => {
  it('puts a misspelt word right, to the spelling more names use', () => {
    const spellings = spellingsOf(
      'drakenstein municipality',
      'drakenstein water forum',
      'drakenstien municipality',
    );
    expect(spellings.canonical('drakenstien municipality')).toBe('drakenstein municipality');
    expect(spellings.canonical('drakenstein water forum')).toBe('drakenstein water forum');
  });

  it('takes one spelling for two used as often, whichever is asked about', () => {
    const spellings = spellingsOf('stellenbosch', 'stelenbosch');
    expect(spellings.canonical('stellenbosch')).toBe(spellings.canonical('stelenbosch'));
  });

  it('leaves short words and words with digits as they are', () => {
    const spellings = spellingsOf(
      'cape care',
      'care',
      'ward 12',
      'ward 13',
      'zone 1234a',
      'zone 1235a',
    );
    for (const key of ['cape care', 'ward 12', 'ward 13', 'zone 1234a', 'zone 1235a'])
      expect(spellings.canonical(key)).toBe(key);
  });

  it('puts right a word it was not given, for a reference', () => {
    const spellings = spellingsOf('drakenstein municipality');
    expect(spellings.meantBy('drakensteen municipalty')).toBe('drakenstein municipality');
    expect(spellings.meantBy('paarl municipality')).toBe('paarl municipality');
    expect(spellingsOf().meantBy('drakensteen')).toBe('drakensteen');
  });

  it('finds every word one edit away from a word added, among many', () => {
    const word = fc.string({ unit: fc.constantFrom(...'abcdefgh'), minLength: 6, maxLength: 9 });
    fc.assert(
      fc.property(fc.uniqueArray(word, { minLength: 2, maxLength: 60 }), (words) => {
        const spellings = spellingsOf(...words);
        for (const w of words) {
          const meant = spellings.canonical(w);
          const neighbours = words.filter((o) => oneEditApart(w, o));
          // every word is added once: of it and its neighbours, the first in order is meant
          expect(meant).toBe([w, ...neighbours].sort()[0]);
        }
      }),
      { numRuns: 300 },
    );
  });
});
