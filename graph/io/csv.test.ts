import { describe, expect, it } from 'vitest';
import { GraphError } from '../errors.js';
import { neutralise, parseCsv, toCsv, unneutralise } from './csv.js';

const bytes = (text: string) => new TextEncoder().encode(text);

describe('parseCsv', () => {
  it.each([
    ['comma', 'a,b\n1,2\n', ','],
    ['semicolon', 'a;b\r\n1;2\r\n', ';'],
    ['tab', 'a\tb\n1\t2', '\t'],
    ['comma inside quotes does not count', '"x,y";b\n1;2', ';'],
  ])('detects the %s delimiter', (_label, text, delimiter) => {
    const table = parseCsv(bytes(text));
    expect(table.delimiter).toBe(delimiter);
    expect(table.rows).toEqual([
      [expect.any(String), 'b'],
      ['1', '2'],
    ]);
  });

  it('reads quotes, escaped quotes, newlines in quotes, a BOM, CRLF, and skips blank lines with their line numbers', () => {
    const table = parseCsv(
      bytes('\uFEFFname,notes\r\n"Smith, J","said ""hi""\r\nthen left"\r\n\r\nx,\r\n'),
    );
    expect(table.rows).toEqual([
      ['name', 'notes'],
      ['Smith, J', 'said "hi"\r\nthen left'],
      ['x', ''],
    ]);
    expect(table.lines).toEqual([1, 2, 5]);
  });

  it('refuses an unterminated quote, naming the line', () => {
    expect(() => parseCsv(bytes('a,b\n"open,1\n'))).toThrow(/line 2/);
  });

  it('refuses text that is not UTF-8 instead of guessing', () => {
    const latin1 = Uint8Array.from([0x6e, 0x61, 0x6d, 0x65, 0x0a, 0x43, 0x61, 0x66, 0xe9]);
    expect(() => parseCsv(latin1)).toThrow(GraphError);
    expect(() => parseCsv(latin1)).toThrow(/not UTF-8/);
    expect(() => parseCsv(Uint8Array.from([0xff, 0xfe, 0x61, 0x00]))).toThrow(/UTF-16/);
  });

  it('stops at the row limit', () => {
    expect(() => parseCsv(bytes('a\n1\n2\n3\n'), { maxRows: 2 })).toThrow(/more than 2 rows/);
  });
});

describe('writing CSV', () => {
  it.each(['=SUM(A1)', '+1', '-2', '@cmd', '\tx', '\rx'])(
    'neutralises %j and undoes it on import',
    (cell) => {
      expect(neutralise(cell)).toBe(`'${cell}`);
      expect(unneutralise(neutralise(cell))).toBe(cell);
    },
  );

  it('quotes what needs quoting and reads back the same cells', () => {
    const rows = [
      ['name', 'note'],
      ['a,b', 'say "x"\nnext'],
      [' padded ', '=1+1'],
    ];
    const text = toCsv(rows);
    expect(text.startsWith('\uFEFF')).toBe(true);
    expect(parseCsv(text).rows.map((r) => r.map(unneutralise))).toEqual(rows);
  });
});
