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
  it.each(['getManyJson', 'findByRefJson', 'versionsJson'] as const)(
    '%s reads the JSON list first and looks rows up by index (never a scan of a table)',
    (name) => {
      const db = new Database(':memory:');
      migrateSqlite(db);
      // with rows and no statistics, as in a real store, a plain JOIN makes the planner loop over the table first
      const insert = db.prepare(
        `INSERT INTO entity (type, id, version, data) VALUES ('mandate', ?, 1, '{}')`,
      );
      const ref = db.prepare(
        `INSERT INTO ref (type, id, field, target) VALUES ('mandate', ?, 'holderId', ?)`,
      );
      db.transaction(() => {
        for (let i = 0; i < 5000; i += 1) {
          insert.run(`m${i}`);
          ref.run(`m${i}`, `a${i % 50}`);
        }
      })();
      const statement = db.prepare(`EXPLAIN QUERY PLAN ${SQL[name]}`);
      const params = ['[]', 'mandate', 'holderId'].slice(
        0,
        statement.reader ? (SQL[name].match(/\?/g) ?? []).length : 0,
      );
      const plan = (statement.all(...params) as { detail: string }[])
        .map((r) => r.detail)
        .join('\n');
      // the outer loop is the JSON list; the tables are searched by their full keys
      expect(plan.split('\n')[0]).toMatch(/^SCAN j/);
      expect(plan).not.toMatch(/SCAN (e|r)\b|\(type=\?\)$/m);
      db.close();
    },
  );
});

describe('SQLite references', () => {
  it('deletes an entity’s references by key (never a scan of ref)', () => {
    const db = new Database(':memory:');
    migrateSqlite(db);
    const plan = (
      db.prepare(`EXPLAIN QUERY PLAN ${SQL.deleteRefsJson}`).all('mandate', '[]') as {
        detail: string;
      }[]
    ).map((r) => r.detail);
    expect(plan).toContain(
      'SEARCH ref USING PRIMARY KEY (type=? AND field=? AND target=? AND id=?)',
    );
    expect(plan.join('\n')).not.toMatch(/SCAN ref/);
    db.close();
  });

  it('brings a version 1 database to version 2 with its data and references intact', async () => {
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
    entity.run('mandate', 'm1', 'm1', 'regulate', JSON.stringify(mandate));
    const ref = v1.prepare(
      `INSERT INTO ref (type, id, field, target) VALUES ('mandate', 'm1', ?, ?)`,
    );
    ref.run('holderId', 'dws');
    ref.run('issueIds', 'water');
    ref.run('jurisdictionIds', 'town');
    v1.close();

    const store = openSqliteStore({ path });
    try {
      expect(await store.version()).toBe(3);
      expect((await store.findByRef('mandate', 'holderId', ['dws']))[0]!.map((m) => m.id)).toEqual([
        'm1',
      ]);
      // Rewriting the mandate replaces its references, found from its stored JSON.
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
    expect(after.pragma('user_version', { simple: true })).toBe(2);
    expect(
      after
        .prepare(`SELECT name FROM sqlite_master WHERE type = 'index' AND name = 'ref_owner'`)
        .all(),
    ).toEqual([]);
    expect(after.prepare(`SELECT count(*) AS n FROM ref`).get()).toEqual({ n: 0 });
    after.close();
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
