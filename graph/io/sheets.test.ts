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
});
