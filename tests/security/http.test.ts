/** HTTP hardening: headers and CSP, CORS off by default, rate limits, subscriptions need a token too. */
import { afterEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { makeTestApp } from '../helpers/app.js';
import type { TestApp } from '../helpers/app.js';

let t: TestApp | undefined;
afterEach(async () => {
  await t?.close();
  t = undefined;
});

describe('HTTP hardening', () => {
  it('sends security headers and a CSP without inline script or style', async () => {
    t = await makeTestApp({ sample: false });
    const res = await t.app.inject('/healthz');
    const csp = String(res.headers['content-security-policy']);
    expect(csp).toMatch(/default-src 'self'/);
    expect(csp).toMatch(/script-src 'self'/);
    expect(csp).not.toMatch(/unsafe-inline|unsafe-eval/);
    expect(csp).toMatch(/frame-ancestors 'none'/);
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['access-control-allow-origin']).toBeUndefined();
  });

  it('allows CORS only for the configured origin', async () => {
    t = await makeTestApp({
      sample: false,
      config: { corsOrigin: 'https://planning.example.org' },
    });
    const res = await t.app.inject({
      method: 'OPTIONS',
      url: '/graphql',
      headers: { origin: 'https://planning.example.org', 'access-control-request-method': 'POST' },
    });
    expect(res.headers['access-control-allow-origin']).toBe('https://planning.example.org');
  });

  it('limits the rate per client, and says when to come back', async () => {
    t = await makeTestApp({ sample: false, config: { rateLimit: 3 } });
    const statuses: number[] = [];
    for (let i = 0; i < 5; i++) {
      statuses.push(
        (
          await t.app.inject({
            method: 'POST',
            url: '/graphql',
            payload: { query: '{ graphVersion }' },
          })
        ).statusCode,
      );
    }
    expect(statuses).toEqual([200, 200, 200, 429, 429]);
    const limited = await t.app.inject({
      method: 'POST',
      url: '/graphql',
      payload: { query: '{ graphVersion }' },
    });
    expect(limited.json().errors[0].extensions.code).toBe('RATE_LIMITED');
    expect(limited.headers['retry-after']).toBeDefined();
    expect((await t.app.inject('/healthz')).statusCode).toBe(200);
  });

  it('counts the rate per token, not per address, when one is sent', async () => {
    t = await makeTestApp({ sample: false, config: { rateLimit: 2 } });
    const a = t.app.tokens.create('viewer').token;
    const b = t.app.tokens.create('viewer').token;
    const ask = (token: string) =>
      t!.app.inject({
        method: 'POST',
        url: '/graphql',
        headers: { authorization: `Bearer ${token}` },
        payload: { query: '{ graphVersion }' },
      });
    expect([
      (await ask(a)).statusCode,
      (await ask(a)).statusCode,
      (await ask(a)).statusCode,
    ]).toEqual([200, 200, 429]);
    expect((await ask(b)).statusCode).toBe(200);
    // Made-up tokens share the address's budget instead of each getting one.
    const madeUp = (i: number) => `mm_${String(i).padStart(12, '0')}_${'A'.repeat(43)}`;
    const statuses = [];
    for (let i = 0; i < 3; i++) statuses.push((await ask(madeUp(i))).statusCode);
    expect(statuses).toEqual([401, 401, 429]);
  });

  it('refuses a subscription without a valid token once tokens exist', async () => {
    t = await makeTestApp({ sample: false });
    const token = t.app.tokens.create('viewer').token;
    await t.app.listen({ host: '127.0.0.1', port: 0 });
    const { port } = t.app.server.address() as { port: number };
    const connect = (payload: object) =>
      new Promise<string>((resolve) => {
        const ws = new WebSocket(`ws://127.0.0.1:${port}/graphql`, 'graphql-transport-ws');
        ws.once('open', () => ws.send(JSON.stringify({ type: 'connection_init', payload })));
        ws.on('message', (data) => {
          resolve(JSON.parse(data.toString()).type);
          ws.close();
        });
        ws.once('close', (code) => resolve(`closed ${code}`));
      });
    expect(await connect({})).toMatch(/^closed|connection_error/);
    expect(await connect({ authorization: 'Bearer mm_nope' })).toMatch(/^closed|connection_error/);
    expect(await connect({ authorization: `Bearer ${token}` })).toBe('connection_ack');
  });
});
