import { describe, expect, it } from 'vitest';
import { rowsFromSheets } from './sheets.js';

describe('rowsFromSheets', () => {
  it('handles a sheet of 200,000 rows (no argument spreading over rows)', () => {
    const rows = [
      ['name', 'kind', 'sector'],
      ...Array.from({ length: 200_000 }, (_, i) => [`Org ${i}`, 'ngo', 'civil society']),
    ];
    const lines = rows.map((_, i) => i + 1);
    const out = rowsFromSheets(
      [{ name: 'actors.csv', type: 'actor', table: { rows, lines } }],
      'actor',
    );
    expect(out.rows).toHaveLength(200_000);
    expect(out.rows[199_999]!.input).toEqual({
      name: 'Org 199999',
      kind: 'ngo',
      sector: 'civil_society',
    });
  });

  it('tells how many rows of all its sheets are mapped, every few thousand and after each sheet', () => {
    const table = (header: string[], count: number, row: (i: number) => string[]) => {
      const rows = [header, ...Array.from({ length: count }, (_, i) => row(i))];
      return { rows, lines: rows.map((_, i) => i + 1) };
    };
    const reports: string[] = [];
    const out = rowsFromSheets(
      [
        {
          name: 'Actors',
          type: 'actor',
          table: table(['name', 'kind', 'sector'], 12_000, (i) => [`Org ${i}`, 'ngo', 'public']),
        },
        { name: 'Notes', type: undefined, table: table(['anything'], 3, () => ['x']) },
        { name: 'Issues', type: 'issue', table: table(['name'], 2, (i) => [`Issue ${i}`]) },
      ],
      'actor',
      (done, total) => reports.push(`${done}/${total}`),
    );
    expect(out.rows).toHaveLength(12_002);
    // the Notes sheet is not read, and not counted
    expect(reports).toEqual(['5000/12002', '10000/12002', '12000/12002', '12002/12002']);
  });
});
