import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { aMandate, aPlace, anActor, anIssue } from '../../../tests/helpers/builders.js';
import { parseEntity } from '../../model/index.js';
import { migrateSqlite } from './schema.js';
import { openSqliteStore } from './sqlite-store.js';
import { SQL } from './statements.js';

describe('SQLite statements', () => {
  it.each(['getManyJson'] as const)(
    '%s reads the JSON list first and looks rows up by index (never a scan of a table)',
    (name) => {
      const db = new Database(':memory:');
      migrateSqlite(db);
      // with rows and no statistics, as in a real store, a plain JOIN makes the planner loop over the table first
      const insert = db.prepare(
        `INSERT INTO entity (type, id, version, data) VALUES ('mandate', ?, 1, '{}')`,
      );
      db.transaction(() => {
        for (let i = 0; i < 5000; i += 1) insert.run(`m${i}`);
      })();
      const statement = db.prepare(`EXPLAIN QUERY PLAN ${SQL[name]}`);
      const params = ['[]', 'mandate'];
      const plan = (statement.all(...params) as { detail: string }[])
        .map((r) => r.detail)
        .join('\n');
      // the outer loop is the JSON list; the tables are searched by their full keys
      expect(plan.split('\n')[0]).toMatch(/^SCAN j/);
      expect(plan).not.toMatch(/SCAN e\b|\(type=\?\)$/m);
      db.close();
    },
  );
});

describe('SQLite references', () => {
  it('finds referrers and filters lists from the stored JSON, each entity once', async () => {
    const store = openSqliteStore({ path: ':memory:' });
    try {
      const entities = [
        { type: 'actor' as const, entity: parseEntity('actor', anActor('dws')) },
        { type: 'actor' as const, entity: parseEntity('actor', anActor('muni')) },
        { type: 'issue' as const, entity: parseEntity('issue', anIssue('water')) },
        { type: 'jurisdiction' as const, entity: parseEntity('jurisdiction', aPlace('town')) },
        {
          type: 'mandate' as const,
          // the same place twice: the mandate is still found once
          entity: parseEntity('mandate', aMandate('m1', 'dws', ['water'], ['town', 'town'])),
        },
        {
          type: 'partnership' as const,
          entity: parseEntity('partnership', {
            id: 'p',
            name: 'P',
            kind: 'forum',
            members: [{ actorId: 'muni', role: 'member' }],
          }),
        },
      ];
      await store.write({ upserts: entities, deletes: [] });
      const ids = (groups: { id: string }[][]): string[][] => groups.map((g) => g.map((e) => e.id));
      expect(ids(await store.findByRef('mandate', 'jurisdictionIds', ['town', 'x']))).toEqual([
        ['m1'],
        [],
      ]);
      expect(ids(await store.findByRef('mandate', 'holderId', ['muni', 'dws']))).toEqual([
        [],
        ['m1'],
      ]);
      expect(ids(await store.findByRef('partnership', 'members', ['muni']))).toEqual([['p']]);
      // a field that holds no reference names nothing, even when its value equals a target
      expect(ids(await store.findByRef('actor', 'name', ['dws']))).toEqual([[]]);
      const list = async (filter: object): Promise<number> =>
        (await store.list('actor', { first: 10, filter })).totalCount;
      expect(await list({ issueId: 'water' })).toBe(1);
      expect(await list({ issueId: 'air' })).toBe(0);
      expect(
        (await store.list('mandate', { first: 10, filter: { jurisdictionId: 'town' } })).totalCount,
      ).toBe(1);
      // a filter on a field the type does not have matches nothing
      expect(
        (await store.list('mandate', { first: 10, filter: { levelId: 'local' } })).totalCount,
      ).toBe(0);
    } finally {
      await store.close();
    }
  });

  it('brings a version 1 database to version 3 with its data intact and the ref table gone', async () => {
    const path = join(mkdtempSync(join(tmpdir(), 'mandatemap-v1-')), 'graph.db');
    const v1 = new Database(path);
    v1.exec(`
      CREATE TABLE meta (key TEXT PRIMARY KEY, value INTEGER NOT NULL) STRICT;
      INSERT INTO meta (key, value) VALUES ('version', 3);
      CREATE TABLE entity (type TEXT NOT NULL, id TEXT NOT NULL, version INTEGER NOT NULL,
        name TEXT, kind TEXT, data TEXT NOT NULL, PRIMARY KEY (type, id)) STRICT, WITHOUT ROWID;
      CREATE INDEX entity_type_kind ON entity (type, kind);
      CREATE TABLE ref (type TEXT NOT NULL, id TEXT NOT NULL, field TEXT NOT NULL,
        target TEXT NOT NULL, PRIMARY KEY (type, field, target, id)) STRICT, WITHOUT ROWID;
      CREATE INDEX ref_owner ON ref (type, id);
      PRAGMA user_version = 1;`);
    const entity = v1.prepare(
      `INSERT INTO entity (type, id, version, name, kind, data) VALUES (?, ?, 1, ?, ?, ?)`,
    );
    entity.run(
      'actor',
      'dws',
      'DWS',
      'department',
      JSON.stringify(parseEntity('actor', anActor('dws'))),
    );
    entity.run(
      'actor',
      'muni',
      'Muni',
      'department',
      JSON.stringify(parseEntity('actor', anActor('muni'))),
    );
    entity.run(
      'issue',
      'water',
      'water',
      null,
      JSON.stringify(parseEntity('issue', anIssue('water'))),
    );
    entity.run(
      'jurisdiction',
      'town',
      'town',
      'other',
      JSON.stringify(parseEntity('jurisdiction', aPlace('town'))),
    );
    const mandate = parseEntity('mandate', aMandate('m1', 'dws', ['water'], ['town']));
    entity.run('mandate', 'm1', 'm1', null, JSON.stringify(mandate));
    v1.prepare(
      `INSERT INTO ref (type, id, field, target) VALUES ('mandate', 'm1', 'holderId', 'dws')`,
    ).run();
    v1.close();

    const store = openSqliteStore({ path });
    try {
      expect(await store.version()).toBe(3);
      expect((await store.getMany('mandate', ['m1']))[0]).toEqual({ ...mandate, version: 1 });
      expect((await store.findByRef('mandate', 'holderId', ['dws']))[0]!.map((m) => m.id)).toEqual([
        'm1',
      ]);
      expect(
        (await store.list('actor', { first: 10, filter: { kind: 'department' } })).totalCount,
      ).toBe(2);
      await store.write({
        upserts: [{ type: 'mandate', entity: { ...mandate, holderId: 'muni' } }],
        deletes: [],
      });
      expect(
        (await store.findByRef('mandate', 'holderId', ['dws', 'muni'])).map((g) => g.length),
      ).toEqual([0, 1]);
      await store.write({ upserts: [], deletes: [{ type: 'mandate', id: 'm1' }] });
      expect((await store.findByRef('mandate', 'issueIds', ['water']))[0]).toEqual([]);
    } finally {
      await store.close();
    }
    const after = new Database(path, { readonly: true });
    expect(after.pragma('user_version', { simple: true })).toBe(3);
    const names = (kind: string): string[] =>
      (
        after.prepare(`SELECT name FROM sqlite_master WHERE type = ? ORDER BY name`).all(kind) as {
          name: string;
        }[]
      ).map((r) => r.name);
    expect(names('table')).toEqual(['entity', 'meta']);
    expect(names('index')).toContain('entity_kind');
    expect(names('index')).not.toContain('entity_type_kind');
    // the kind index covers only entities that have a kind, and the list by kind uses it
    const plan = (
      after
        .prepare(
          `EXPLAIN QUERY PLAN SELECT id FROM entity e WHERE e.type = 'actor' AND e.kind = 'department'`,
        )
        .all() as { detail: string }[]
    ).map((r) => r.detail);
    expect(plan.join('\n')).toMatch(/USING (COVERING )?INDEX entity_kind \(type=\? AND kind=\?\)/);
    after.close();
  });
});

describe('SQLite writes', () => {
  it('writes many entities a hundred rows at a time, new and stored alike, with their versions', async () => {
    const store = openSqliteStore({ path: ':memory:' });
    try {
      const actors = (from: number, to: number, description: string) =>
        Array.from({ length: to - from }, (_, k) => ({
          type: 'actor' as const,
          entity: parseEntity('actor', anActor(`a${from + k}`, { description })),
        }));
      await store.write({ upserts: actors(0, 150, 'first'), deletes: [] });
      // 100 stored and 150 new: three statements, the last one short
      const written = await store.write({ upserts: actors(50, 300, 'second'), deletes: [] });
      expect(written.entityVersions).toEqual([
        ...Array<number>(100).fill(2),
        ...Array<number>(150).fill(1),
      ]);
      const found = await store.getMany('actor', ['a0', 'a49', 'a50', 'a149', 'a150', 'a299']);
      expect(found.map((a) => [a?.version, a?.description])).toEqual([
        [1, 'first'],
        [1, 'first'],
        [2, 'second'],
        [2, 'second'],
        [1, 'second'],
        [1, 'second'],
      ]);
      expect((await store.snapshot()).entities.actor).toHaveLength(300);
    } finally {
      await store.close();
    }
  });

  it('gives each upsert its own version when one write mixes types, new and stored, in any order', async () => {
    const store = openSqliteStore({ path: ':memory:' });
    try {
      const actor = (id: string, description: string) => ({
        type: 'actor' as const,
        entity: parseEntity('actor', anActor(id, { description })),
      });
      const issue = (id: string) => ({
        type: 'issue' as const,
        entity: parseEntity('issue', anIssue(id)),
      });
      await store.write({ upserts: [actor('a1', 'one'), actor('a2', 'one')], deletes: [] });
      await store.write({ upserts: [actor('a2', 'two')], deletes: [] });
      // issues have no rows yet; a2 is at version 2, a1 at 1; a3 is new
      const ids = Array.from({ length: 130 }, (_, k) => `i${k}`);
      const written = await store.write({
        upserts: [
          actor('a2', 'three'),
          ...ids.slice(0, 70).map(issue),
          actor('a3', 'one'),
          ...ids.slice(70).map(issue),
          actor('a1', 'two'),
        ],
        deletes: [],
      });
      expect(written.entityVersions).toEqual([
        3,
        ...Array<number>(70).fill(1),
        1,
        ...Array<number>(60).fill(1),
        2,
      ]);
      const snapshot = await store.snapshot();
      const versions = Object.fromEntries(snapshot.entities.actor.map((a) => [a.id, a.version]));
      expect(versions).toEqual({ a1: 2, a2: 3, a3: 1 });
      expect(snapshot.entities.issue.every((i) => i.version === 1)).toBe(true);
      expect(snapshot.entities.issue).toHaveLength(130);
    } finally {
      await store.close();
    }
  });
});

describe('SQLite snapshot', () => {
  it('lets other work in while it parses a large graph, and stays at the version it read', async () => {
    const store = openSqliteStore({ path: ':memory:' });
    try {
      const actors = Array.from({ length: 12_000 }, (_, i) => ({
        type: 'actor' as const,
        entity: parseEntity('actor', anActor(`a${i}`)),
      }));
      await store.write({ upserts: actors, deletes: [] });
      let turns = 0;
      const pending = store.snapshot();
      setImmediate(() => (turns += 1));
      // A write landing while the snapshot is parsed does not show in it.
      const late = store.write({
        upserts: [{ type: 'actor', entity: parseEntity('actor', anActor('late')) }],
        deletes: [],
      });
      const snapshot = await pending;
      await late;
      expect(turns).toBe(1);
      expect(snapshot.version).toBe(1);
      expect(snapshot.entities.actor).toHaveLength(12_000);
      expect(snapshot.entities.actor.some((a) => a.id === 'late')).toBe(false);
      expect((await store.snapshot()).entities.actor).toHaveLength(12_001);
    } finally {
      await store.close();
    }
  });
});
