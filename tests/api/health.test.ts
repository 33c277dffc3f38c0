import { afterEach, describe, expect, it } from 'vitest';
import { openSqliteStore } from '../../graph/store/sqlite/sqlite-store.js';
import { makeTestApp } from '../helpers/app.js';
import type { TestApp } from '../helpers/app.js';

let t: TestApp | undefined;
afterEach(async () => t?.close());

describe('health', () => {
  it('answers /healthz and /readyz with the store and its version', async () => {
    t = await makeTestApp();
    expect((await t.app.inject('/healthz')).json()).toEqual({ status: 'ok' });
    const ready = await t.app.inject('/readyz');
    expect(ready.statusCode).toBe(200);
    expect(ready.json()).toEqual({ status: 'ready', store: 'sqlite', version: 1 });
  });

  it('says 503 on /readyz when the store does not answer', async () => {
    const store = openSqliteStore({ path: ':memory:' });
    t = await makeTestApp({ store, sample: false });
    await store.close();
    const ready = await t.app.inject('/readyz');
    expect(ready.statusCode).toBe(503);
    expect(ready.json()).toMatchObject({ status: 'unavailable', store: 'sqlite' });
    expect((await t.app.inject('/healthz')).statusCode).toBe(200);
  });

  it('serves GraphiQL only when enabled', async () => {
    t = await makeTestApp({ sample: false });
    expect((await t.app.inject('/graphiql')).statusCode).toBe(404);
    await t.close();
    t = await makeTestApp({ sample: false, config: { graphiql: true } });
    expect((await t.app.inject('/graphiql')).statusCode).toBe(200);
  });
});
