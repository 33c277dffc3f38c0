/**
 * The SQLite schema, versioned with PRAGMA user_version. Entities live in one
 * table as validated JSON; every reference is also a row of `ref`, so reverse
 * look-ups and filters are indexed. Version 2 drops the index of `ref` by
 * owner: an entity's old references are worked out from its stored JSON and
 * deleted by key, and every write no longer keeps a second index up to date.
 */
import type { Database } from 'better-sqlite3';

const MIGRATIONS: readonly string[] = [
  /* sql */ `
  CREATE TABLE meta (key TEXT PRIMARY KEY, value INTEGER NOT NULL) STRICT;
  INSERT INTO meta (key, value) VALUES ('version', 0);
  CREATE TABLE entity (
    type TEXT NOT NULL,
    id TEXT NOT NULL,
    version INTEGER NOT NULL,
    name TEXT,
    kind TEXT,
    data TEXT NOT NULL,
    PRIMARY KEY (type, id)
  ) STRICT, WITHOUT ROWID;
  CREATE INDEX entity_type_kind ON entity (type, kind);
  CREATE TABLE ref (
    type TEXT NOT NULL,
    id TEXT NOT NULL,
    field TEXT NOT NULL,
    target TEXT NOT NULL,
    PRIMARY KEY (type, field, target, id)
  ) STRICT, WITHOUT ROWID;
  CREATE INDEX ref_owner ON ref (type, id);
  `,
  /* sql */ `DROP INDEX ref_owner;`,
];

export const SCHEMA_VERSION = MIGRATIONS.length;

/** Brings the database up to the current schema; refuses a newer one it does not know. */
export function migrateSqlite(db: Database): void {
  const current = db.pragma('user_version', { simple: true }) as number;
  if (current > SCHEMA_VERSION) {
    throw new Error(
      `database schema version ${current} is newer than this mandatemap (${SCHEMA_VERSION})`,
    );
  }
  for (let v = current; v < SCHEMA_VERSION; v += 1) {
    db.transaction(() => {
      db.exec(MIGRATIONS[v]!);
      db.pragma(`user_version = ${v + 1}`);
    })();
  }
}
