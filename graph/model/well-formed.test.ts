import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseEntity } from './parse.js';
import { illFormedText } from './well-formed.js';

describe('illFormedText', () => {
  it('finds the first lone surrogate of any string, and none in well-formed text', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 12 }), (text) => {
        const found = illFormedText(text);
        expect(found === undefined).toBe(text.isWellFormed());
        if (!found) return;
        const index = found.at - 1;
        // everything before it is text, and it is a surrogate
        expect(text.slice(0, index).isWellFormed()).toBe(true);
        expect(text.charCodeAt(index)).toBe(found.code);
        expect(found.code >= 0xd800 && found.code <= 0xdfff).toBe(true);
        expect(text.slice(0, index + 1).isWellFormed()).toBe(false);
      }),
      { numRuns: 2000 },
    );
  });

  it('gives the path of the field, in objects and arrays, as zod gives paths', () => {
    expect(illFormedText({ name: 'Berg 😀 River', tags: ['a', 'b'] })).toBeUndefined();
    expect(illFormedText({ name: 'ok', contact: { person: 'Ann\udc00' } })).toEqual({
      path: 'contact.person',
      at: 4,
      code: 0xdc00,
    });
    expect(illFormedText({ members: [{ role: 'x' }, { role: '\ud83d' }] })?.path).toBe(
      'members.1.role',
    );
  });
});

describe('parseEntity and lone surrogates', () => {
  it('refuses text no file can hold, naming the field and the character', () => {
    const input = { name: 'Paarl\ud800 Trust', kind: 'ngo', sector: 'civil_society' };
    expect(() => parseEntity('actor', input)).toThrow(
      expect.objectContaining({
        code: 'INVALID_INPUT',
        message:
          "invalid actor 'paarl-trust': name: character 6 is half of a UTF-16 surrogate pair (U+D800) without its other half, which no file can hold",
        details: expect.objectContaining({
          problems: [expect.objectContaining({ path: 'name', code: 'invalid_text' })],
        }),
      }),
    );
    // a whole pair is one character, like any other
    expect(parseEntity('actor', { ...input, name: 'Paarl 🌊 Trust' }).name).toBe('Paarl 🌊 Trust');
  });
});
