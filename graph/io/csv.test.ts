import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { GraphError } from '../errors.js';
import { neutralise, parseCsv, parseCsvInTurns, toCsv, unneutralise } from './csv.js';

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

  it("takes the delimiter from Excel's sep= line, which is not a row", () => {
    const table = parseCsv('\uFEFFsep=;\r\nname;kind\r\nA, B;ngo\r\n');
    expect(table.delimiter).toBe(';');
    expect(table.rows).toEqual([
      ['name', 'kind'],
      ['A, B', 'ngo'],
    ]);
    expect(table.lines).toEqual([2, 3]);
    // a header that happens to start with sep= is still a header
    expect(parseCsv('sep=x,kind\nA,ngo\n').rows[0]).toEqual(['sep=x', 'kind']);
  });

  it('refuses an unterminated quote, naming the line', () => {
    expect(() => parseCsv(bytes('a,b\n"open,1\n'))).toThrow(/line 2/);
  });

  it('refuses text that is not UTF-8 instead of guessing', () => {
    const latin1 = Uint8Array.from([0x6e, 0x61, 0x6d, 0x65, 0x0a, 0x43, 0x61, 0x66, 0xe9]);
    expect(() => parseCsv(latin1)).toThrow(GraphError);
    expect(() => parseCsv(latin1)).toThrow(/not UTF-8/);
  });

  it('reads UTF-16 with a byte-order mark, as Excel saves Unicode Text, either byte order', () => {
    const text = 'name\tkind\r\nCafé Trust ☕\tngo\r\n';
    const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
    const be = Buffer.from(le);
    be.swap16();
    for (const bytes of [le, be]) {
      expect(parseCsv(bytes).rows).toEqual([
        ['name', 'kind'],
        ['Café Trust ☕', 'ngo'],
      ]);
    }
    // an odd byte at the end is no UTF-16
    const odd = Buffer.concat([le, Buffer.from([0x41])]);
    expect(() => parseCsv(odd)).toThrow(/does not decode as UTF-16/);
  });

  it('reads any text as a plain character-by-character reading of the same rules does', () => {
    // The rules, one character at a time: slow and obviously right.
    const reference = (text: string, delimiter: string) => {
      const rows: string[][] = [];
      const lines: number[] = [];
      let [row, field, quoted, line, rowLine] = [[] as string[], '', false, 1, 1];
      const endRow = () => {
        row.push(field);
        field = '';
        if (!(row.length === 1 && row[0]!.trim() === '')) {
          rows.push(row);
          lines.push(rowLine);
        }
        row = [];
      };
      for (let i = 0; i < text.length; i += 1) {
        const ch = text[i]!;
        if (quoted) {
          if (ch === '"' && text[i + 1] === '"') {
            field += '"';
            i += 1;
          } else if (ch === '"') quoted = false;
          else {
            if (ch === '\n') line += 1;
            field += ch;
          }
        } else if (ch === '"' && field.trim() === '') {
          field = '';
          quoted = true;
        } else if (ch === delimiter) {
          row.push(field);
          field = '';
        } else if (ch === '\n' || ch === '\r') {
          if (ch === '\r' && text[i + 1] === '\n') i += 1;
          endRow();
          line += 1;
          rowLine = line;
        } else field += ch;
      }
      if (quoted) return 'unterminated';
      if (field !== '' || row.length > 0) endRow();
      return { rows, lines };
    };
    const piece = fc.constantFrom(',', ';', '"', '""', '\n', '\r', '\r\n', ' ', 'a', 'bc', 'é');
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 40 }), fc.constantFrom(',', ';'), (parts, d) => {
        const text = parts.join('');
        const expected = reference(text, d);
        if (expected === 'unterminated') {
          expect(() => parseCsv(text, { delimiter: d })).toThrow(/never closed/);
        } else {
          const { rows, lines } = parseCsv(text, { delimiter: d });
          expect({ rows, lines }).toEqual(expected);
        }
      }),
      { numRuns: 3000 },
    );
  });

  it('stops at the row limit', () => {
    expect(() => parseCsv(bytes('a\n1\n2\n3\n'), { maxRows: 2 })).toThrow(/more than 2 rows/);
  });
});

describe('parseCsvInTurns', () => {
  it('reads the same rows, line numbers and errors as parseCsv, however few rows a turn', async () => {
    const piece = fc.constantFrom(',', '"', '""', '\n', '\r\n', ' ', 'a', 'bc', '\n\n');
    await fc.assert(
      fc.asyncProperty(
        fc.array(piece, { maxLength: 40 }),
        fc.integer({ min: 1, max: 3 }),
        async (parts, perTurn) => {
          const text = parts.join('');
          const options = { delimiter: ',', maxRows: 6 };
          const once = (() => {
            try {
              return parseCsv(text, options);
            } catch (error) {
              return (error as Error).message;
            }
          })();
          const inTurns = await parseCsvInTurns(text, options, perTurn).catch(
            (error: Error) => error.message,
          );
          expect(inTurns).toEqual(once);
        },
      ),
      { numRuns: 1000 },
    );
  });

  it('lets other work in between its turns', async () => {
    const text = Array.from({ length: 10 }, (_, i) => `row ${i},x`).join('\n');
    let turned = false;
    setImmediate(() => (turned = true));
    const table = await parseCsvInTurns(text, {}, 2);
    expect(turned).toBe(true);
    expect(table.rows).toHaveLength(10);
    expect(table.lines).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    turned = false;
    setImmediate(() => (turned = true));
    await parseCsvInTurns(text, {}, 100);
    expect(turned).toBe(false);
  });

  it('tells after each turn the share of the text read', async () => {
    // ten rows of six characters each (five and a line feed)
    const text = Array.from({ length: 10 }, (_, i) => `r${i},xy`).join('\n');
    const shares: number[] = [];
    await parseCsvInTurns(text, {}, 4, (share) => shares.push(share));
    // after 4 and 8 rows; the last turn ends the text, and the caller knows it is read
    expect(shares).toEqual([24 / text.length, 48 / text.length]);
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

  it.each(["'=SUM(A1)", "''+1", "'", "'plain"])(
    'gives back %j, apostrophes and all, after export and import',
    (cell) => {
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
