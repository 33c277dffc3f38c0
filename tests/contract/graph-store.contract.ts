/**
 * The GraphStore contract: one suite that every adapter must pass.
 * Call `describeGraphStoreContract(name, open)` from an adapter's test file.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parseEntity } from '../../graph/model/index.js';
import type { ChangeSet, EntityMap, EntityType, Upsert } from '../../graph/model/index.js';
import type { GraphStore } from '../../graph/store/graph-store.js';
import { aMandate, aPlace, anActor, anInterest, aPartnership } from '../helpers/builders.js';

const up = <K extends EntityType>(type: K, input: object): Upsert =>
  ({ type, entity: parseEntity(type, input) as EntityMap[K] }) as Upsert;
const upserts = (...items: Upsert[]): ChangeSet => ({ upserts: items, deletes: [] });

async function errorOf(
  promise: Promise<unknown>,
): Promise<{ code?: string; details?: Record<string, unknown> }> {
  try {
    await promise;
  } catch (error) {
    return error as { code?: string };
  }
  throw new Error('expected a rejection');
}

export function describeGraphStoreContract(name: string, open: () => Promise<GraphStore>): void {
  describe(`GraphStore contract: ${name}`, () => {
    let store: GraphStore;
    beforeEach(async () => {
      store = await open();
    });
    afterEach(async () => {
      await store.close();
    });

    const seed = () =>
      store.write(
        upserts(
          up('level', { id: 'local', name: 'Local', rank: 4 }),
          up('jurisdiction', aPlace('town', { kind: 'municipality', levelId: 'local' })),
          up('jurisdiction', aPlace('river', { kind: 'catchment', overlaps: ['town'] })),
          up('issue', { id: 'water', name: 'Water' }),
          up('actor', anActor('dws', { name: 'Department of Water' })),
          up(
            'actor',
            anActor('muni', {
              name: 'Town Municipality',
              kind: 'municipality',
              levelId: 'local',
              jurisdictionId: 'town',
            }),
          ),
          up(
            'actor',
            anActor('farmers', { name: 'Farmers’ Union', kind: 'business', sector: 'private' }),
          ),
          up(
            'actor',
            anActor('ngo', { name: 'Rivière Vivante', kind: 'ngo', sector: 'civil_society' }),
          ),
          up('mandate', aMandate('m1', 'dws', ['water'], ['river', 'town'])),
          up('partnership', aPartnership('p1', ['dws', 'muni'])),
          up('interest', anInterest('farmers', 'water', 4, 5)),
        ),
      );

    it('starts empty at version 0', async () => {
      expect(await store.version()).toBe(0);
      const snapshot = await store.snapshot();
      expect(snapshot.version).toBe(0);
      expect(Object.values(snapshot.entities).every((list) => list.length === 0)).toBe(true);
    });

    it('bumps the version once per write, and not for an empty one', async () => {
      const first = await seed();
      expect(first.version).toBe(1);
      expect(first.entityVersions.every((v) => v === 1)).toBe(true);
      const empty = await store.write({ upserts: [], deletes: [] });
      expect(empty.version).toBe(1);
      const second = await store.write(
        upserts(up('actor', anActor('dws', { description: 'edited' }))),
      );
      expect(second).toEqual({ version: 2, entityVersions: [2] });
      expect(await store.version()).toBe(2);
    });

    it('gets many in input order, with null for missing ids', async () => {
      await seed();
      const found = await store.getMany('actor', ['muni', 'nobody', 'dws', 'muni']);
      expect(found.map((a) => a?.id ?? null)).toEqual(['muni', null, 'dws', 'muni']);
      expect(found[0]).toMatchObject({ version: 1, levelId: 'local', jurisdictionId: 'town' });
      expect(await store.getMany('actor', [])).toEqual([]);
    });

    it('finds referrers through scalar, list and member references, grouped per target', async () => {
      await seed();
      const byPlace = await store.findByRef('mandate', 'jurisdictionIds', [
        'town',
        'nowhere',
        'river',
      ]);
      expect(byPlace.map((g) => g.map((m) => m.id))).toEqual([['m1'], [], ['m1']]);
      const byMember = await store.findByRef('partnership', 'members', ['muni', 'farmers']);
      expect(byMember.map((g) => g.map((p) => p.id))).toEqual([['p1'], []]);
      const byHolder = await store.findByRef('mandate', 'holderId', ['dws']);
      expect(byHolder[0]?.[0]).toMatchObject({ id: 'm1', version: 1 });
    });

    it('lists pages in id order with totals and cursors', async () => {
      await seed();
      const page1 = await store.list('actor', { first: 2 });
      expect(page1.items.map((a) => a.id)).toEqual(['dws', 'farmers']);
      expect(page1).toMatchObject({ hasNextPage: true, totalCount: 4 });
      const page2 = await store.list('actor', { first: 2, afterId: 'farmers' });
      expect(page2.items.map((a) => a.id)).toEqual(['muni', 'ngo']);
      expect(page2.hasNextPage).toBe(false);
    });

    it.each([
      [{ nameContains: 'MUNICIPALITY' }, ['muni']],
      [{ nameContains: 'rivière' }, ['ngo']],
      [{ nameContains: '’' }, ['farmers']],
      [{ nameContains: '%' }, []],
      [{ kind: 'ngo' }, ['ngo']],
      [{ sector: 'private' }, ['farmers']],
      [{ levelId: 'local' }, ['muni']],
      [{ jurisdictionId: 'town' }, ['muni']],
      [{ issueId: 'water' }, ['dws', 'farmers']],
      [{ sector: 'public', kind: 'department' }, ['dws']],
    ])('filters actors by %j', async (filter, ids) => {
      await seed();
      const page = await store.list('actor', { first: 10, filter });
      expect(page.items.map((a) => a.id)).toEqual(ids);
      expect(page.totalCount).toBe(ids.length);
    });

    it('filters mandates by the places and issues they name', async () => {
      await seed();
      expect(
        (await store.list('mandate', { first: 10, filter: { jurisdictionId: 'river' } }))
          .totalCount,
      ).toBe(1);
      expect(
        (await store.list('mandate', { first: 10, filter: { issueId: 'air' } })).totalCount,
      ).toBe(0);
    });

    it('deletes entities and their references', async () => {
      await seed();
      await store.write({ upserts: [], deletes: [{ type: 'mandate', id: 'm1' }] });
      expect(await store.getMany('mandate', ['m1'])).toEqual([null]);
      expect((await store.findByRef('mandate', 'holderId', ['dws']))[0]).toEqual([]);
    });

    it('replaces references when an entity is rewritten', async () => {
      await seed();
      await store.write(upserts(up('mandate', aMandate('m1', 'muni', ['water'], ['town']))));
      expect(
        (await store.findByRef('mandate', 'holderId', ['dws', 'muni'])).map((g) => g.length),
      ).toEqual([0, 1]);
      expect((await store.findByRef('mandate', 'jurisdictionIds', ['river']))[0]).toEqual([]);
    });

    it('refuses a write planned against an older version, writing nothing', async () => {
      await seed();
      const error = await errorOf(
        store.write(upserts(up('actor', anActor('late'))), { baseVersion: 0 }),
      );
      expect(error).toMatchObject({ code: 'CONFLICT', details: { reason: 'STALE_BASE' } });
      expect(await store.getMany('actor', ['late'])).toEqual([null]);
      expect(await store.version()).toBe(1);
    });

    it('writes all of a change or none of it', async () => {
      await seed();
      const broken = {
        ...parseEntity('actor', anActor('broken')),
        description: 10n,
      } as unknown as EntityMap['actor'];
      await expect(
        store.write({
          upserts: [up('actor', anActor('fine')), { type: 'actor', entity: broken }],
          deletes: [{ type: 'mandate', id: 'm1' }],
        }),
      ).rejects.toBeDefined();
      expect(await store.getMany('actor', ['fine'])).toEqual([null]);
      expect(await store.getMany('mandate', ['m1'])).not.toEqual([null]);
      expect(await store.version()).toBe(1);
    });

    it('stores hostile text verbatim', async () => {
      const names = [
        "'); DROP TABLE entity; --",
        '<img src=x onerror=alert(1)>',
        'MATCH (n) DETACH DELETE n',
        '"}\u0000',
      ];
      await store.write(
        upserts(...names.map((n, i) => up('actor', anActor(`a${i}`, { name: n })))),
      );
      const found = await store.getMany(
        'actor',
        names.map((_, i) => `a${i}`),
      );
      expect(found.map((a) => a?.name)).toEqual(names);
    });

    it('snapshots every entity with its version', async () => {
      await seed();
      await store.write(upserts(up('actor', anActor('dws', { description: 'v2' }))));
      const snapshot = await store.snapshot();
      expect(snapshot.version).toBe(2);
      expect(snapshot.entities.actor.find((a) => a.id === 'dws')).toMatchObject({
        version: 2,
        description: 'v2',
      });
      expect(snapshot.entities.jurisdiction.map((j) => j.id).sort()).toEqual(['river', 'town']);
      expect(snapshot.entities.interest[0]).toMatchObject({ id: 'farmers~water', influence: 4 });
    });

    it('answers ping while open and STORE_UNAVAILABLE once closed', async () => {
      await expect(store.ping()).resolves.toBeUndefined();
      await store.close();
      expect(await errorOf(store.ping())).toMatchObject({ code: 'STORE_UNAVAILABLE' });
      store = await open();
    });
  });
}
