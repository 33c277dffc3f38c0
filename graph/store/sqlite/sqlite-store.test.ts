import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migrateSqlite } from './schema.js';
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
