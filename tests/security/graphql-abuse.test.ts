/**
 * Hostile GraphQL: deep, wide, aliased and fan-out queries, oversized
 * documents, batches, introspection and schema hints. Some rejections are
 * HTTP 200 with `errors`: these tests assert on the errors.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GRAPHQL_LIMITS } from '../../api/graphql/limits.js';
import { makeTestApp } from '../helpers/app.js';
import type { TestApp } from '../helpers/app.js';

let t: TestApp;
beforeAll(async () => {
  t = await makeTestApp();
});
afterAll(() => t.close());

async function post(payload: unknown) {
  const res = await t.app.inject({ method: 'POST', url: '/graphql', payload: payload as object });
  return { status: res.statusCode, body: res.json() as any };
}
const codes = (body: any): string[] => (body.errors ?? []).map((e: any) => e.extensions?.code);

describe('GraphQL limits', () => {
  it('refuses a query deeper than the limit', async () => {
    let inner = 'id';
    for (let i = 0; i < GRAPHQL_LIMITS.depth + 2; i++) inner = `parent { ${inner} }`;
    const { body } = await post({ query: `{ actor(id: "dws") { ${inner} } }` });
    expect(body.errors?.length).toBeGreaterThan(0);
    expect(body.data ?? null).toBeNull();
  });

  it('refuses more aliases than the limit', async () => {
    const fields = Array.from(
      { length: GRAPHQL_LIMITS.aliases + 1 },
      (_, i) => `a${i}: graphVersion`,
    ).join(' ');
    const { body } = await post({ query: `{ ${fields} }` });
    expect(codes(body)).toContain('LIMIT_EXCEEDED');
  });

  it('refuses a fan-out query whose cost passes the limit, before running it', async () => {
    const query = `{ actors(first: 500) { nodes { mandates(first: 500) { jurisdictions { id name } issues { id } } } } }`;
    const { body } = await post({ query });
    expect(codes(body)).toContain('LIMIT_EXCEEDED');
    expect(body.errors[0].message).toMatch(/cost/);
  });

  it('answers a normal nested query for 100 actors', async () => {
    const { body } = await post({
      query: '{ actors(first: 100) { nodes { id name mandates(first: 20) { title } } } }',
    });
    expect(body.errors).toBeUndefined();
    expect(body.data.actors.nodes.length).toBeGreaterThan(20);
  });

  it('caps first on every list', async () => {
    const { body } = await post({ query: '{ actors(first: 501) { totalCount } }' });
    expect(codes(body)).toContain('LIMIT_EXCEEDED');
  });

  it('refuses an oversized document with 413, and one with too many tokens', async () => {
    const long = await post({
      query: `{ graphVersion } # ${'x'.repeat(GRAPHQL_LIMITS.queryChars)}`,
    });
    expect(long.status).toBe(413);
    expect(codes(long.body)).toEqual(['LIMIT_EXCEEDED']);
    const many = await post({ query: `{ ${'graphVersion '.repeat(GRAPHQL_LIMITS.tokens)} }` });
    expect(many.status).toBe(413);
  });

  it('refuses batched requests', async () => {
    const { status, body } = await post([
      { query: '{ graphVersion }' },
      { query: '{ graphVersion }' },
    ]);
    expect(status).toBe(400);
    expect(JSON.stringify(body)).toMatch(/batched/);
  });

  it('refuses an oversized variables body without crashing', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/graphql',
      headers: { 'content-type': 'application/json' },
      payload: JSON.stringify({
        query: 'query($x: String) { graphVersion }',
        variables: { x: 'y'.repeat(11 * 1024 * 1024) },
      }),
    });
    expect(res.statusCode).toBe(413);
  });
});

describe('schema privacy (introspection off by default)', () => {
  it('refuses introspection', async () => {
    const { body } = await post({ query: '{ __schema { types { name } } }' });
    expect(codes(body)).toContain('GRAPHQL_VALIDATION_FAILED');
    expect(body.data ?? null).toBeNull();
  });

  it('does not suggest field names', async () => {
    const { body } = await post({ query: '{ actorz(id: "x") { id } }' });
    expect(codes(body)).toContain('GRAPHQL_VALIDATION_FAILED');
    expect(JSON.stringify(body)).not.toMatch(/Did you mean/);
  });

  it('allows both when enabled', async () => {
    const open = await makeTestApp({ sample: false, config: { introspection: true } });
    try {
      const schema = await open.gql('{ __schema { queryType { name } } }');
      expect(schema.data).toEqual({ __schema: { queryType: { name: 'Query' } } });
      const hint = await open.gql('{ actorz(id: "x") { id } }');
      expect(JSON.stringify(hint.errors)).toMatch(/Did you mean/);
    } finally {
      await open.close();
    }
  });

  it('masks unknown errors: no stack, SQL or path in the response', async () => {
    const { body } = await post({ query: '{ actors(after: "%%%") { totalCount } }' });
    const text = JSON.stringify(body);
    expect(text).not.toMatch(/at .*\.(ts|js):\d+|SELECT |\/work\//);
  });
});
