/**
 * The SQLite schema, versioned with PRAGMA user_version. Entities live in one
 * table as validated JSON.
 *
 * Versions 1 and 2 also kept every reference as a row of `ref` (version 2
 * without its index by owner). Version 3 drops `ref`: the service answers
 * every read from its in-memory graph, so the table was only ever written,
 * and writing it was most of the cost of an import (five rows per mandate).
 * The store's own reverse look-ups and reference filters now read the
 * references out of the stored JSON (see statements.ts). It also keeps the
 * index by kind only for entities that have one (mandates, issues and levels
 * do not).
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
  /* sql */ `
  DROP TABLE ref;
  DROP INDEX entity_type_kind;
  CREATE INDEX entity_kind ON entity (type, kind) WHERE kind IS NOT NULL;
  `,
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
