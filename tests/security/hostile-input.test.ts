/**
 * Hostile input: injection payloads stored verbatim and inert, hostile
 * uploads refused with a code, and fuzzing of the import parsers and GraphQL
 * inputs that finds no crash and no 500.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GraphService, importFile, isGraphError } from '../../graph/index.js';
import { openSqliteStore } from '../../graph/store/sqlite/sqlite-store.js';
import { makeTestApp } from '../helpers/app.js';
import type { TestApp } from '../helpers/app.js';
import { multipartFile } from '../helpers/multipart.js';

const PAYLOADS = [
  "Robert'); DROP TABLE entity;--",
  "' OR 1=1 --",
  'x" }) MATCH (n) DETACH DELETE n //',
  '}] RETURN 1 UNION MATCH (n) DETACH DELETE n //',
  '<script>window.__pwned=1</script>',
  '<img src=x onerror=alert(1)>',
  '{{constructor.constructor("return process")()}}',
  '=cmd|" /C calc"!A0',
];

let t: TestApp;
beforeAll(async () => {
  t = await makeTestApp({ sample: false });
});
afterAll(() => t.close());

describe('injection payloads', () => {
  it.each(PAYLOADS)('stores %j verbatim through GraphQL and through import', async (payload) => {
    const created = await t.gql(
      'mutation($name: String!) { createActor(input: { name: $name, kind: NGO, sector: PUBLIC }) { id name } }',
      {
        name: payload,
      },
    );
    expect(created.errors).toBeUndefined();
    const read = await t.gql('query($id: ID!) { actor(id: $id) { name } }', {
      id: created.data!.createActor.id,
    });
    expect(read.data!.actor.name).toBe(payload);
    const csv = `name,kind,sector\n"${payload.replace(/"/g, '""')} (imported)",ngo,public\n`;
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/import?dryRun=false',
      ...multipartFile('hostile.csv', csv),
    });
    expect(res.json().ok).toBe(true);
    const found = await t.gql(
      'query($q: String!) { actors(filter: { nameContains: $q }) { nodes { name } } }',
      { q: '(imported)' },
    );
    expect(found.data!.actors.nodes.map((n: { name: string }) => n.name)).toContain(
      `${payload} (imported)`,
    );
  });

  it('refuses ids that could smuggle syntax', async () => {
    const res = await t.gql(
      'mutation { createActor(input: { id: "a\\" OR 1=1", name: "x", kind: NGO, sector: PUBLIC }) { id } }',
    );
    expect(res.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });
});

describe('hostile uploads', () => {
  const upload = async (name: string, bytes: Buffer) => {
    return t.app.inject({
      method: 'POST',
      url: '/api/import?dryRun=true',
      ...multipartFile(name, bytes),
    });
  };

  it('ignores prototype-polluting keys in JSON', async () => {
    const doc =
      '{"actors":[{"__proto__":{"polluted":true},"name":"P","kind":"ngo","sector":"public"}],"__proto__":{"polluted":true}}';
    const res = await upload('doc.json', Buffer.from(doc));
    expect(res.statusCode).toBeLessThan(500);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('refuses XML-ish and binary files it does not read, with a code', async () => {
    const xml =
      '<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "aaaaaaaa"><!ENTITY b "&a;&a;&a;&a;">]><x>&b;</x>';
    for (const [name, bytes] of [
      ['entities.xml', Buffer.from(xml)],
      ['program.exe', Buffer.from([0x4d, 0x5a, 0x90, 0x00])],
      ['fake.xlsx', Buffer.from('not a zip at all')],
    ] as const) {
      const res = await upload(name, bytes);
      expect(res.statusCode, name).toBeGreaterThanOrEqual(400);
      expect(res.statusCode, name).toBeLessThan(500);
      expect(res.json().error?.code ?? res.json().errors?.[0]?.code, name).toBeDefined();
    }
  });

  it('rejects a truncated multipart stream without importing anything', async () => {
    const { payload, headers } = multipartFile('a.csv', 'name,kind,sector\nTruncated,ngo,public\n');
    const cut = payload.subarray(0, payload.length - 30);
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/import?dryRun=false',
      headers,
      payload: cut,
    });
    expect(res.statusCode).toBeGreaterThanOrEqual(400);
    expect(res.statusCode).toBeLessThan(500);
    const found = await t.gql('{ actors(filter: { nameContains: "Truncated" }) { totalCount } }');
    expect(found.data!.actors.totalCount).toBe(0);
  });
});

describe('fuzzing', () => {
  it('import parsers answer every input with a report or a coded error', async () => {
    const service = new GraphService(openSqliteStore({ path: ':memory:' }));
    const csvish = fc.array(
      fc.array(
        fc.oneof(
          fc.string(),
          fc.constantFrom('name', 'kind', 'sector', 'ngo', '"', ';', '\t', '\r\n', '=1+1'),
        ),
        { maxLength: 6 },
      ),
      { maxLength: 8 },
    );
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          csvish.map((rows) => Buffer.from(rows.map((r) => r.join(',')).join('\n'))),
          fc.uint8Array({ maxLength: 300 }).map((a) => Buffer.from(a)),
          fc.json().map((j) => Buffer.from(j)),
        ),
        fc.constantFrom('a.csv', 'a.tsv', 'a.json', 'a.xlsx', 'a.txt'),
        async (bytes, filename) => {
          try {
            const report = await importFile(service, bytes, { filename, dryRun: true });
            expect(typeof report.ok).toBe('boolean');
          } catch (error) {
            expect(isGraphError(error), String(error)).toBe(true);
          }
        },
      ),
      { numRuns: 300 },
    );
    await service.close();
  });

  it('GraphQL inputs never produce a 500 or an internal error', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.record({
          id: fc.oneof(fc.string(), fc.constant(undefined)),
          name: fc.string(),
          description: fc.string(),
          tags: fc.array(fc.string(), { maxLength: 3 }),
        }),
        fc.constantFrom('NGO', 'DEPARTMENT'),
        async (input, kind) => {
          const res = await t.app.inject({
            method: 'POST',
            url: '/graphql',
            payload: {
              query: 'mutation($input: CreateActorInput!) { createActor(input: $input) { id } }',
              variables: { input: { ...input, kind, sector: 'PUBLIC' } },
            },
          });
          expect(res.statusCode).toBeLessThan(500);
          const codes = (res.json().errors ?? []).map((e: any) => e.extensions?.code);
          expect(codes).not.toContain('INTERNAL_SERVER_ERROR');
        },
      ),
      { numRuns: 200 },
    );
  });
});
