import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MEMBER_ROLES } from '../model/index.js';
import type { AnyEntity, EntityType } from '../model/index.js';
import { COLUMNS } from './columns.js';
import { entityRows, longCells } from './export-table.js';

/** The list cells (the only ones whose length the model leaves open) of the entity's written row longer than `max`, as [field, length]. */
function writtenLongCells(type: EntityType, entity: AnyEntity, max: number): [string, number][] {
  const [header, row] = [...entityRows(type, [entity])];
  return row!
    .map((cell, i): [string, number] => [header![i]!, cell.length])
    .filter(
      ([field, length]) =>
        length > max && COLUMNS[type].some((c) => c.field === field && LISTS.includes(c.kind)),
    );
}

const LISTS = ['ids', 'members', 'tags'];

// values full of the separators and backslashes that writing a cell escapes
const value = fc.string({ unit: fc.constantFrom('a', 'b', '|', ';', '\n', '\\'), maxLength: 12 });

describe('longCells', () => {
  it('finds exactly the written cells longer than the limit, of any list', () => {
    fc.assert(
      fc.property(
        fc.array(value, { maxLength: 20 }),
        fc.array(
          fc.record({
            actorId: fc.stringMatching(/^[a-z]{1,9}$/),
            role: fc.constantFrom(...MEMBER_ROLES),
          }),
          {
            maxLength: 12,
          },
        ),
        fc.integer({ min: 0, max: 160 }),
        (tags, members, max) => {
          const partnership = {
            id: 'p',
            name: 'P',
            kind: 'forum',
            tags,
            members,
            issueIds: [],
            jurisdictionIds: [],
          } as unknown as AnyEntity;
          const found = longCells('partnership', [partnership], max).map((c): [string, number] => [
            c.field,
            c.length,
          ]);
          expect(found).toEqual(writtenLongCells('partnership', partnership, max));
        },
      ),
      { numRuns: 500 },
    );
  });
});
