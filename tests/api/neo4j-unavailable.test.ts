/**
 * Neo4j down: no server listens on the configured port. GraphQL answers with
 * STORE_UNAVAILABLE, readiness says so, and after the fail-fast window the next
 * call goes to the driver again (which is how service resumes by itself).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Neo4jStore, createNeo4jDriver } from '../../graph/store/neo4j/neo4j-store.js';
import { makeTestApp } from '../helpers/app.js';
import type { TestApp } from '../helpers/app.js';

const options = {
  uri: 'bolt://127.0.0.1:1',
  user: 'neo4j',
  password: 'x',
  connectionTimeoutMs: 1_000,
};
let t: TestApp;

beforeAll(async () => {
  const store = new Neo4jStore(createNeo4jDriver(options), undefined, { failFastMs: 300 });
  t = await makeTestApp({ sample: false, store });
});
afterAll(() => t.close());

const query = '{ actors(first: 1) { totalCount } }';

describe('when Neo4j does not answer', () => {
  it('GraphQL answers STORE_UNAVAILABLE, then fails fast, then tries the server again', async () => {
    const first = await t.gql(query);
    expect(first.errors?.[0]?.extensions).toMatchObject({ code: 'STORE_UNAVAILABLE' });
    const second = await t.gql(query);
    expect(second.errors?.[0]?.extensions).toMatchObject({
      code: 'STORE_UNAVAILABLE',
      details: { reason: 'RECENTLY_UNAVAILABLE' },
    });
    await new Promise((resolve) => setTimeout(resolve, 350));
    const third = await t.gql(query);
    expect(third.errors?.[0]?.extensions?.code).toBe('STORE_UNAVAILABLE');
    expect(third.errors?.[0]?.extensions?.details).not.toMatchObject({
      reason: 'RECENTLY_UNAVAILABLE',
    });
  });

  it('readiness names the store and answers 503; liveness still answers', async () => {
    const ready = await t.app.inject({ method: 'GET', url: '/readyz' });
    expect(ready.statusCode).toBe(503);
    expect(ready.json()).toMatchObject({ status: 'unavailable', store: 'neo4j' });
    expect((await t.app.inject({ method: 'GET', url: '/healthz' })).statusCode).toBe(200);
  });
});
