/**
 * The authorisation matrix: every mutation of the schema x every role, plus
 * requests with no token, a malformed one and a revoked one, over real HTTP.
 */
import { parse } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AccessError } from '../../api/auth/access-error.js';
import { MUTATION_ROLES, ROLES, allows } from '../../api/auth/roles.js';
import type { Role } from '../../api/auth/roles.js';
import { authorise, unclassifiedMutations } from '../../api/graphql/guard.js';
import { buildSchema } from '../../api/graphql/schema.js';
import { makeTestApp } from '../helpers/app.js';
import type { TestApp } from '../helpers/app.js';

const schema = buildSchema();
const mutations = Object.keys(schema.getMutationType()!.getFields());

describe('classification', () => {
  it('gives every mutation of the schema a role (a new unclassified one fails here)', () => {
    expect(unclassifiedMutations(schema)).toEqual([]);
    expect(mutations.length).toBeGreaterThan(30);
  });

  it('notices an unclassified mutation', () => {
    const extended = buildSchema();
    const fields = extended.getMutationType()!.getFields() as Record<string, unknown>;
    fields.dropEverything = fields.createActor;
    expect(unclassifiedMutations(extended)).toEqual(['dropEverything']);
    expect(() =>
      authorise(parse('mutation { dropEverything }'), { role: 'admin', tokenId: 'x' }),
    ).toThrow(/not classified/);
  });
});

describe.each(mutations)('mutation %s', (field) => {
  it.each(ROLES)('as %s', (role: Role) => {
    const need = MUTATION_ROLES[field]!;
    const run = () => authorise(parse(`mutation { ${field} }`), { role, tokenId: 't' });
    if (allows(role, need)) expect(run).not.toThrow();
    else expect(run).toThrow(AccessError);
  });
});

describe('over HTTP, with tokens configured', () => {
  let t: TestApp;
  const tokens: Record<string, string> = {};
  let revoked: string;

  beforeAll(async () => {
    t = await makeTestApp();
    for (const role of ROLES) tokens[role] = t.app.tokens.create(role, `test ${role}`).token;
    const old = t.app.tokens.create('admin', 'old');
    t.app.tokens.revoke(old.record.id);
    revoked = old.token;
  });
  afterAll(() => t.close());

  async function ask(query: string, authorization?: string) {
    const res = await t.app.inject({
      method: 'POST',
      url: '/graphql',
      headers: authorization ? { authorization } : {},
      payload: { query },
    });
    return { status: res.statusCode, body: res.json() as any };
  }

  const read = '{ actors(first: 1) { totalCount } }';
  const write = (n: number) =>
    `mutation { createActor(input: { name: "Auth test ${n}", kind: NGO, sector: PUBLIC }) { id } }`;
  const remove = (id: string) => `mutation { deleteActor(id: "${id}") { deleted { id } } }`;

  it.each([
    ['no token', undefined],
    ['a malformed token', 'Bearer not-a-token'],
    ['a revoked token', 'revoked'],
    [
      'a well-formed unknown token',
      'Bearer mm_000000000000_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA',
    ],
    ['another scheme', 'Basic dXNlcjpwYXNz'],
  ])('refuses %s with 401 UNAUTHENTICATED, reads and writes alike', async (_what, header) => {
    const authorization = header === 'revoked' ? `Bearer ${revoked}` : header;
    for (const query of [read, write(0)]) {
      const { status, body } = await ask(query, authorization);
      expect(status).toBe(401);
      expect(body.errors[0].extensions.code).toBe('UNAUTHENTICATED');
    }
    expect((await t.gql('{ actor(id: "auth-test-0") { id } }')).data).toBeDefined();
  });

  it('lets a viewer read but not write', async () => {
    expect(
      (await ask(read, `Bearer ${tokens.viewer}`)).body.data.actors.totalCount,
    ).toBeGreaterThan(0);
    const { body } = await ask(write(1), `Bearer ${tokens.viewer}`);
    expect(body.errors[0].extensions).toMatchObject({
      code: 'FORBIDDEN',
      details: { need: 'editor', have: 'viewer' },
    });
  });

  it('lets an editor write but not delete; an admin deletes', async () => {
    const created = await ask(write(2), `Bearer ${tokens.editor}`);
    expect(created.body.data.createActor.id).toBe('auth-test-2');
    const denied = await ask(remove('auth-test-2'), `Bearer ${tokens.editor}`);
    expect(denied.body.errors[0].extensions.code).toBe('FORBIDDEN');
    const deleted = await ask(remove('auth-test-2'), `Bearer ${tokens.admin}`);
    expect(deleted.body.data.deleteActor.deleted).toEqual([{ id: 'auth-test-2' }]);
  });

  it('guards the REST routes: import needs an editor, export a viewer', async () => {
    const exportAs = (token?: string) =>
      t.app.inject({
        method: 'GET',
        url: '/api/export/json',
        headers: token ? { authorization: `Bearer ${token}` } : {},
      });
    expect((await exportAs()).statusCode).toBe(401);
    expect((await exportAs(tokens.viewer)).statusCode).toBe(200);
    const importAs = await t.app.inject({
      method: 'POST',
      url: '/api/import?dryRun=true',
      headers: {
        authorization: `Bearer ${tokens.viewer}`,
        'content-type': 'multipart/form-data; boundary=x',
      },
      payload:
        '--x\r\nContent-Disposition: form-data; name="file"; filename="a.csv"\r\n\r\nname\r\nA\r\n--x--\r\n',
    });
    expect(importAs.statusCode).toBe(403);
    expect(importAs.json().error.code).toBe('FORBIDDEN');
  });

  it('keeps health probes and the map open', async () => {
    expect((await t.app.inject('/healthz')).statusCode).toBe(200);
    expect((await t.app.inject('/readyz')).statusCode).toBe(200);
  });

  it('stores only hashes of tokens', async () => {
    const { readFileSync } = await import('node:fs');
    const file = readFileSync(t.app.tokens.path, 'utf8');
    for (const token of Object.values(tokens)) {
      expect(token.slice(16)).toHaveLength(43);
      expect(file).not.toContain(token.slice(16));
    }
  });
});
