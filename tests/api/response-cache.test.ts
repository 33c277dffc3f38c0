/**
 * The GraphQL response cache: a repeated query is answered from it, and never
 * with an answer older than the graph: writes through the API, writes by
 * another process on the same file, mutations, errors, roles and the audit
 * log all behave as without a cache.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ResponseCache } from '../../api/graphql/response-cache.js';
import { GraphService } from '../../graph/index.js';
import { openSqliteStore } from '../../graph/store/sqlite/sqlite-store.js';
import { makeTestApp } from '../helpers/app.js';
import type { TestApp } from '../helpers/app.js';

let t: TestApp | undefined;
afterEach(async () => t?.close());

const ACTOR = '{ actor(id: "dws") { id name } }';

describe('ResponseCache', () => {
  it('forgets everything when the version moves, and keeps only answers of its version', () => {
    const cache = new ResponseCache(1_000_000);
    expect(cache.get(1, 'q')).toBeUndefined();
    cache.set(1, 'q', 'answer');
    expect(cache.get(1, 'q')?.toString()).toBe('answer');
    expect(cache.get(2, 'q')).toBeUndefined();
    cache.set(1, 'q', 'stale');
    expect(cache.get(2, 'q')).toBeUndefined();
    // An older version never brings the cache back.
    expect(cache.get(1, 'q')).toBeUndefined();
    expect(cache.size).toBe(0);
  });

  it('drops the least recently used answers past its size', () => {
    // Each entry below takes 2 (the key, UTF-16) + 30 (the answer, UTF-8) = 32 bytes: four fit in 130, five do not.
    const cache = new ResponseCache(130);
    cache.get(1, 'a');
    for (const key of ['a', 'b']) cache.set(1, key, key.repeat(30));
    expect(cache.get(1, 'a')).toBeDefined();
    for (const key of ['c', 'd', 'f']) cache.set(1, key, key.repeat(30));
    expect(cache.size).toBe(4);
    expect(cache.get(1, 'b')).toBeUndefined();
    for (const key of ['a', 'c', 'd', 'f'])
      expect(cache.get(1, key)?.toString()).toBe(key.repeat(30));
    // An answer bigger than a quarter of the room is not kept.
    cache.set(1, 'e', 'e'.repeat(60));
    expect(cache.get(1, 'e')).toBeUndefined();
  });
});

describe('GraphQL answers from the cache', () => {
  it('answers a repeated query from the cache, byte for byte', async () => {
    t = await makeTestApp();
    const cache = t.app.responseCache!;
    const post = () =>
      t!.app.inject({ method: 'POST', url: '/graphql', payload: { query: ACTOR } });
    const first = await post();
    const hits = cache.hits;
    const second = await post();
    expect(cache.hits).toBe(hits + 1);
    expect(second.body).toBe(first.body);
    expect(second.headers['content-type']).toMatch(/^application\/json/);
    expect(second.json().data.actor.id).toBe('dws');
  });

  it('never answers with the graph as it was before a write', async () => {
    t = await makeTestApp();
    expect((await t.gql(ACTOR)).data!.actor.name).not.toBe('Renamed');
    await t.gql(ACTOR);
    const update = await t.gql(
      'mutation { updateActor(id: "dws", input: { name: "Renamed" }) { id } }',
    );
    expect(update.errors).toBeUndefined();
    expect((await t.gql(ACTOR)).data!.actor.name).toBe('Renamed');
  });

  it('sees writes another process made to the same database file', async () => {
    const path = join(mkdtempSync(join(tmpdir(), 'mandatemap-cache-')), 'graph.db');
    t = await makeTestApp({ store: openSqliteStore({ path }) });
    expect((await t.gql(ACTOR)).data!.actor.name).not.toBe('Changed elsewhere');
    await t.gql(ACTOR);
    const other = new GraphService(openSqliteStore({ path }), { analysis: { workers: 0 } });
    await other.update('actor', 'dws', { name: 'Changed elsewhere' });
    await other.close();
    expect((await t.gql(ACTOR)).data!.actor.name).toBe('Changed elsewhere');
  });

  it('runs every mutation, and keeps no answer that has errors', async () => {
    t = await makeTestApp({ sample: false });
    const create =
      'mutation { createGovernmentLevel(input: { id: "l1", name: "L1", rank: 1 }) { id } }';
    expect((await t.gql(create)).errors).toBeUndefined();
    const again = await t.gql(create);
    expect(again.errors?.[0]?.extensions?.code).toBe('CONFLICT');
    const missing = '{ overlaps(scope: { issueId: "nowhere" }) { totalCount } }';
    const hits = t.app.responseCache!.hits;
    const a = await t.gql(missing);
    const b = await t.gql(missing);
    expect(a.errors).toBeDefined();
    expect(b.errors?.[0]?.extensions?.code).toBe(a.errors?.[0]?.extensions?.code);
    expect(b.errors?.[0]?.message).toBe(a.errors?.[0]?.message);
    expect(t.app.responseCache!.hits).toBe(hits);
  });

  it('keeps answers apart by role, and never keeps the audit log', async () => {
    t = await makeTestApp();
    const viewer = t.app.tokens.create('viewer', 'v').token;
    const admin = t.app.tokens.create('admin', 'a').token;
    const ask = async (query: string, token: string) =>
      (
        await t!.app.inject({
          method: 'POST',
          url: '/graphql',
          headers: { authorization: `Bearer ${token}` },
          payload: { query },
        })
      ).json();
    const audit = '{ auditLog(first: 5) { at version by } }';
    const asAdmin = await ask(audit, admin);
    expect(asAdmin.errors).toBeUndefined();
    const hits = t.app.responseCache!.hits;
    await ask(audit, admin);
    expect(t.app.responseCache!.hits).toBe(hits);
    const asViewer = await ask(audit, viewer);
    expect(asViewer.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    await ask(ACTOR, admin);
    await ask(ACTOR, viewer);
    expect(t.app.responseCache!.hits).toBe(hits);
    await ask(ACTOR, viewer);
    expect(t.app.responseCache!.hits).toBe(hits + 1);
  });

  it('can be turned off', async () => {
    t = await makeTestApp({ config: { responseCacheBytes: 0 } });
    expect(t.app.responseCache).toBeUndefined();
    expect((await t.gql(ACTOR)).data!.actor.id).toBe('dws');
    expect((await t.gql(ACTOR)).data!.actor.id).toBe('dws');
  });
});
