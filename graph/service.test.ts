import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import {
  aMandate,
  aPlace,
  anActor,
  anIssue,
  aPartnership,
  aTie,
} from '../tests/helpers/builders.js';
import { GraphError } from './errors.js';
import { GraphService } from './service.js';
import type { GraphChange } from './service.js';
import { openSqliteStore } from './store/sqlite/sqlite-store.js';

const services: GraphService[] = [];
function newService(path = ':memory:'): GraphService {
  const service = new GraphService(openSqliteStore({ path }));
  services.push(service);
  return service;
}
afterEach(async () => {
  await Promise.all(services.splice(0).map((s) => s.close()));
});

async function codeOf(promise: Promise<unknown>): Promise<string | undefined> {
  try {
    await promise;
  } catch (error) {
    return error instanceof GraphError ? error.code : String(error);
  }
  return undefined;
}

async function seeded(): Promise<GraphService> {
  const s = newService();
  await s.create('jurisdiction', aPlace('country'));
  await s.create('jurisdiction', aPlace('town', { parentId: 'country' }));
  await s.create('issue', anIssue('water'));
  await s.create('actor', anActor('dws'));
  await s.create('actor', anActor('muni'));
  await s.create('mandate', aMandate('m1', 'dws', ['water'], ['country']));
  return s;
}

describe('GraphService writes', () => {
  it('creates with version 1 and bumps the store version on every write', async () => {
    const s = newService();
    expect(await s.store.version()).toBe(0);
    const level = await s.create('level', { name: 'National', rank: 1 });
    expect(level).toMatchObject({ id: 'national', version: 1 });
    expect(await s.store.version()).toBe(1);
    const updated = await s.update('level', 'national', { rank: 2 });
    expect(updated).toMatchObject({ rank: 2, version: 2 });
    expect(await s.store.version()).toBe(2);
  });

  it('refuses a second entity with the same id', async () => {
    const s = await seeded();
    expect(await codeOf(s.create('actor', anActor('dws')))).toBe('CONFLICT');
  });

  it('refuses unknown references and names the field', async () => {
    const s = await seeded();
    const error = await s
      .create('mandate', aMandate('m2', 'dws', ['air'], ['country']))
      .catch((e) => e);
    expect(error).toMatchObject({
      code: 'UNKNOWN_REFERENCE',
      details: { field: 'issueIds', value: 'air' },
    });
    expect(await s.store.getMany('mandate', ['m2'])).toEqual([null]);
  });

  it.each([
    ['jurisdiction', 'country', { parentId: 'town' }],
    ['issue', 'water', { parentId: 'water-sub' }],
    ['actor', 'dws', { parentId: 'muni' }],
  ] as const)('refuses a cycle in %s parents', async (type, id, patch) => {
    const s = await seeded();
    await s.create('issue', anIssue('water-sub', 'water'));
    await s.update('actor', 'muni', { parentId: 'dws' });
    const versionBefore = await s.store.version();
    const error = await s.update(type, id, patch).catch((e) => e);
    expect(error).toMatchObject({ code: 'CYCLE' });
    expect(error.details.chain[0]).toBe(id);
    expect(await s.store.version()).toBe(versionBefore);
  });

  it('fails a stale expectedVersion with CONFLICT and keeps the other edit', async () => {
    const s = await seeded();
    const first = await s.update('actor', 'dws', { description: 'first editor' }, 1);
    expect(first.version).toBe(2);
    const error = await s
      .update('actor', 'dws', { description: 'second editor' }, 1)
      .catch((e) => e);
    expect(error).toMatchObject({
      code: 'CONFLICT',
      details: { reason: 'STALE_VERSION', version: 2 },
    });
    expect((await s.store.getMany('actor', ['dws']))[0]?.description).toBe('first editor');
  });

  it('clears an optional field with null and leaves others', async () => {
    const s = await seeded();
    await s.update('jurisdiction', 'town', { parentId: null, description: 'kept' });
    const [town] = await s.store.getMany('jurisdiction', ['town']);
    expect(town?.parentId).toBeUndefined();
    expect(town?.description).toBe('kept');
  });

  it('NOT_FOUND for updates and deletes of missing entities', async () => {
    const s = await seeded();
    expect(await codeOf(s.update('actor', 'nobody', { name: 'x' }))).toBe('NOT_FOUND');
    expect(await codeOf(s.delete('actor', 'nobody'))).toBe('NOT_FOUND');
  });

  it('an update that changes nothing writes nothing', async () => {
    const s = await seeded();
    const before = await s.store.version();
    const same = await s.update('actor', 'dws', { name: 'dws' });
    expect(same.version).toBe(1);
    expect(await s.store.version()).toBe(before);
  });

  it('emits one change event per committed write', async () => {
    const s = await seeded();
    const events: GraphChange[] = [];
    s.events.on('change', (e: GraphChange) => events.push(e));
    await s.update('actor', 'dws', { description: 'x' });
    await s.create('actor', anActor('dws')).catch(() => undefined);
    expect(events).toEqual([{ version: 7, upserted: [{ type: 'actor', id: 'dws' }], deleted: [] }]);
  });
});

describe('GraphService deletes', () => {
  it('refuses to delete an actor holding mandates without cascade', async () => {
    const s = await seeded();
    const error = await s.delete('actor', 'dws').catch((e) => e);
    expect(error).toMatchObject({ code: 'IN_USE' });
    expect(error.message).toContain('1 mandate');
    expect(await s.store.getMany('actor', ['dws'])).toHaveLength(1);
  });

  it('cascades: dependants deleted, optional references cleared, memberships dropped', async () => {
    const s = await seeded();
    await s.create('actor', anActor('unit', { parentId: 'dws' }));
    await s.create('tie', aTie('muni', 'dws'));
    await s.create('partnership', aPartnership('p', ['dws', 'muni']));
    const outcome = await s.delete('actor', 'dws', { cascade: true });
    expect(outcome.deleted).toEqual(
      expect.arrayContaining([
        { type: 'actor', id: 'dws' },
        { type: 'mandate', id: 'm1' },
        { type: 'tie', id: 'muni~collaborates~dws' },
      ]),
    );
    expect(outcome.updated).toEqual(
      expect.arrayContaining([
        { type: 'actor', id: 'unit' },
        { type: 'partnership', id: 'p' },
      ]),
    );
    const [unit] = await s.store.getMany('actor', ['unit']);
    expect(unit?.parentId).toBeUndefined();
    const [p] = await s.store.getMany('partnership', ['p']);
    expect(p?.members).toEqual([{ actorId: 'muni', role: 'member' }]);
  });

  it('a mandate keeps its other places when one is deleted, and goes with its last', async () => {
    const s = await seeded();
    await s.create('jurisdiction', aPlace('other'));
    await s.create('mandate', aMandate('m2', 'muni', ['water'], ['town', 'other']));
    await s.delete('jurisdiction', 'other', { cascade: true });
    expect((await s.store.getMany('mandate', ['m2']))[0]?.jurisdictionIds).toEqual(['town']);
    await s.delete('jurisdiction', 'town', { cascade: true });
    expect(await s.store.getMany('mandate', ['m2'])).toEqual([null]);
  });
});

describe('GraphService with two processes on one file', () => {
  it('replans a write when another writer moved the store', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'mm-'));
    const path = join(dir, 'shared.db');
    const a = newService(path);
    const b = newService(path);
    await a.create('actor', anActor('x'));
    await b.state();
    await a.create('actor', anActor('y'));
    // b's cached state lacks y; its write must see y and refuse the duplicate
    expect(await codeOf(b.create('actor', anActor('y')))).toBe('CONFLICT');
    await b.create('tie', aTie('x', 'y'));
    expect(await a.store.version()).toBe(3);
  });
});
