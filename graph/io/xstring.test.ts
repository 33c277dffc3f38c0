import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeXstring, encodeXstring } from './xstring.js';

// eslint-disable-next-line no-control-regex -- what XML 1.0 cannot hold, and the CR it would turn into LF
const UNSAFE = /[\u0000-\u0008\u000B-\u000D\u000E-\u001F\uFFFE\uFFFF]/;

describe('text as a workbook holds it', () => {
  it('escapes what XML cannot hold, and text that looks escaped', () => {
    expect(encodeXstring('line\r\nnext\u000Bbell\u0007 tab\t')).toBe(
      'line_x000D_\nnext_x000B_bell_x0007_ tab\t',
    );
    expect(encodeXstring('literal _x000D_ and _x00ff_')).toBe(
      'literal _x005F_x000D_ and _x005F_x00ff_',
    );
    expect(encodeXstring('plain _x text_')).toBe('plain _x text_');
    // two that share an underscore
    expect(encodeXstring('_x0041_x0042_')).toBe('_x005F_x0041_x005F_x0042_');
    expect(decodeXstring(encodeXstring('_x0041_x0042_'))).toBe('_x0041_x0042_');
    // one that a written character completes
    expect(encodeXstring('_x000D\r')).toBe('_x005F_x000D_x000D_');
    expect(decodeXstring('_x005F_x000D_x000D_')).toBe('_x000D\r');
    expect(decodeXstring('G_x000b_H _x005F_x0041_')).toBe('G\u000BH _x0041_');
  });

  it('reads back what it writes, for any text', () => {
    const unit = fc.oneof(
      fc.constantFrom(
        '_',
        'x',
        '_x',
        '0',
        'D',
        'f',
        '_x000D',
        '_x000D_',
        '_x005F_',
        '\r',
        '\u0000',
      ),
      fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }),
    );
    fc.assert(
      fc.property(fc.string({ unit, maxLength: 30 }), (text) => {
        const written = encodeXstring(text);
        expect(UNSAFE.test(written)).toBe(false);
        expect(decodeXstring(written)).toBe(text);
      }),
      { numRuns: 5000 },
    );
  });
});
