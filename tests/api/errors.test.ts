/** One test per entry of the error-code table (docs/adr/0002-error-codes.md). */
import { afterEach, describe, expect, it } from 'vitest';
import { GRAPH_ERROR_TO_EXTENSION_CODE } from '../../api/graphql/errors.js';
import { GRAPH_ERROR_CODES } from '../../graph/index.js';
import { openSqliteStore } from '../../graph/store/sqlite/sqlite-store.js';
import { makeTestApp } from '../helpers/app.js';
import type { TestApp } from '../helpers/app.js';
import { countCalls } from '../helpers/counting-store.js';

let t: TestApp | undefined;
afterEach(async () => {
  await t?.close();
  t = undefined;
});

async function firstError(query: string, variables?: Record<string, unknown>, app?: TestApp) {
  t ??= app ?? (await makeTestApp());
  const res = await t.gql(query, variables);
  expect(res.errors, JSON.stringify(res.data)).toBeDefined();
  return { status: res.status, ...res.errors![0]! };
}

describe('graph error codes', () => {
  it.each([
    [
      'INVALID_INPUT',
      'BAD_USER_INPUT',
      'mutation { createInterest(input: { actorId: "csir", issueId: "water", stance: NEUTRAL, influence: 9, interest: 1 }) { id } }',
    ],
    [
      'UNKNOWN_REFERENCE',
      'BAD_USER_INPUT',
      'mutation { createActor(input: { name: "X", kind: NGO, sector: PUBLIC, levelId: "galactic" }) { id } }',
    ],
    [
      'CYCLE',
      'BAD_USER_INPUT',
      'mutation { updateIssueArea(id: "water", input: { parentId: "effluent" }) { id } }',
    ],
    [
      'NOT_FOUND',
      'NOT_FOUND',
      'mutation { updateActor(id: "nobody", input: { name: "x" }) { id } }',
    ],
    [
      'CONFLICT',
      'CONFLICT',
      'mutation { updateActor(id: "dws", input: { description: "x" }, expectedVersion: 7) { id } }',
    ],
    ['IN_USE', 'CONFLICT', 'mutation { deleteIssueArea(id: "water") { id } }'],
    ['LIMIT_EXCEEDED', 'LIMIT_EXCEEDED', '{ actors(first: 501) { totalCount } }'],
  ])('%s -> %s', async (reason, code, query) => {
    const error = await firstError(query);
    expect(error.extensions).toMatchObject({ code, reason });
    expect(error.message.length).toBeGreaterThan(10);
  });

  it('STORE_UNAVAILABLE -> STORE_UNAVAILABLE', async () => {
    const store = openSqliteStore({ path: ':memory:' });
    t = await makeTestApp({ store });
    await store.close();
    const error = await firstError('{ actor(id: "dws") { id } }');
    expect(error.extensions).toMatchObject({ code: 'STORE_UNAVAILABLE' });
  });

  it('maps every graph code, and nothing else', () => {
    expect(Object.keys(GRAPH_ERROR_TO_EXTENSION_CODE).sort()).toEqual(
      [...GRAPH_ERROR_CODES].sort(),
    );
  });

  it('names the offending id and field in details', async () => {
    const error = await firstError(
      'mutation { createMandate(input: { title: "T", function: PLAN, strength: CORE, holderId: "dws", issueIds: ["water"], jurisdictionIds: ["atlantis"] }) { id } }',
    );
    expect(error.extensions).toMatchObject({
      details: { type: 'mandate', id: 't', field: 'jurisdictionIds', value: 'atlantis' },
    });
  });
});

describe('request error codes', () => {
  it('GRAPHQL_PARSE_FAILED for a syntax error', async () => {
    const error = await firstError('{ actor(id: ');
    expect(error.extensions).toMatchObject({ code: 'GRAPHQL_PARSE_FAILED' });
  });

  it('GRAPHQL_VALIDATION_FAILED for an unknown field', async () => {
    const error = await firstError('{ actor(id: "dws") { salary } }');
    expect(error.extensions).toMatchObject({ code: 'GRAPHQL_VALIDATION_FAILED' });
  });

  it('BAD_USER_INPUT for a variable of the wrong type', async () => {
    const error = await firstError('query($n: Int) { actors(first: $n) { totalCount } }', {
      n: 'ten',
    });
    expect(error.extensions).toMatchObject({ code: 'BAD_USER_INPUT' });
  });

  it('GRAPHQL_VALIDATION_FAILED for a bad literal, BAD_USER_INPUT for a bad Date variable and a bad cursor', async () => {
    expect(
      (
        await firstError(
          'mutation { updateMandate(id: "deadp-brip", input: { validTo: "31/03/2030" }) { id } }',
        )
      ).extensions,
    ).toMatchObject({ code: 'GRAPHQL_VALIDATION_FAILED' });
    await t!.close();
    t = undefined;
    expect(
      (
        await firstError(
          'mutation($d: Date) { updateMandate(id: "deadp-brip", input: { validTo: $d }) { id } }',
          { d: '31/03/2030' },
        )
      ).extensions,
    ).toMatchObject({ code: 'BAD_USER_INPUT' });
    expect(
      (await firstError('{ actors(after: "bm9wZQ") { totalCount } }')).extensions,
    ).toMatchObject({ code: 'BAD_USER_INPUT' });
  });

  it('INTERNAL_SERVER_ERROR masks an unexpected fault and keeps its detail out of the response', async () => {
    const counting = countCalls(openSqliteStore({ path: ':memory:' }), {
      version: () => new TypeError('secret internals at /srv/db.sqlite: SELECT * FROM entity'),
    });
    const app = await makeTestApp({ store: counting.store, sample: false });
    const error = await firstError('{ actors { totalCount } }', undefined, app);
    expect(error.extensions).toMatchObject({ code: 'INTERNAL_SERVER_ERROR' });
    expect(error.message).toBe('Internal server error');
    expect(JSON.stringify(error)).not.toMatch(/secret|SELECT|sqlite/);
  });
});
