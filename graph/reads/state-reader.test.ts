/** The reader answers exactly as the store does: checked on the Berg River sample for every type and filter. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENTITY_TYPES } from '../model/index.js';
import { loadBergRiverSample } from '../samples/load-sample.js';
import { GraphService } from '../service.js';
import { openSqliteStore } from '../store/sqlite/sqlite-store.js';
import type { ListFilter } from '../store/graph-store.js';

let service: GraphService;
beforeAll(async () => {
  service = new GraphService(openSqliteStore({ path: ':memory:' }));
  await loadBergRiverSample(service);
});
afterAll(() => service.close());

const FILTERS: ListFilter[] = [
  {},
  { nameContains: 'MUNICIPALITY' },
  { nameContains: 'water' },
  { kind: 'municipality' },
  { kind: 'department' },
  { sector: 'private' },
  { levelId: 'local' },
  { levelId: 'provincial' },
  { jurisdictionId: 'drakenstein' },
  { jurisdictionId: 'berg-river-catchment' },
  { issueId: 'water-quality' },
  { issueId: 'effluent' },
  { sector: 'public', jurisdictionId: 'berg-river-catchment' },
];

describe('StateReader', () => {
  it.each(ENTITY_TYPES)('lists %s like the store, for every filter and page', async (type) => {
    const reader = await service.reader();
    for (const filter of FILTERS) {
      for (const [first, afterId] of [
        [500, undefined],
        [3, undefined],
        [2, 'c'],
        [5, 'w'],
      ] as const) {
        const query = { filter, first, ...(afterId ? { afterId } : {}) };
        const mine = reader.list(type, query);
        const theirs = await service.store.list(type, query);
        expect({ ...mine, items: mine.items.map((e) => e.id) }, JSON.stringify(query)).toEqual({
          ...theirs,
          items: theirs.items.map((e) => e.id),
        });
      }
    }
  });

  it('finds referrers and entities like the store', async () => {
    const reader = await service.reader();
    const targets = ['dws', 'drakenstein', 'water-quality', 'nobody', 'brip'];
    for (const [type, field] of [
      ['mandate', 'holderId'],
      ['mandate', 'jurisdictionIds'],
      ['mandate', 'issueIds'],
      ['partnership', 'members'],
      ['interest', 'actorId'],
      ['tie', 'fromId'],
      ['assessment', 'partnershipId'],
    ] as const) {
      expect(reader.findByRef(type, field, targets)).toEqual(
        await service.store.findByRef(type, field, targets),
      );
    }
    expect(reader.getMany('actor', ['dws', 'x', 'dws'])).toEqual(
      await service.store.getMany('actor', ['dws', 'x', 'dws']),
    );
  });

  it('follows writes: a new reader after each version', async () => {
    const before = await service.reader();
    await service.create('actor', { name: 'Reader Test', kind: 'ngo', sector: 'civil_society' });
    const after = await service.reader();
    expect(after).not.toBe(before);
    expect(
      after.list('actor', { first: 500, filter: { nameContains: 'reader test' } }).totalCount,
    ).toBe(1);
  });
});
