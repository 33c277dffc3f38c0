/**
 * Cypher migrations: `migrations/V0001__name.cypher`, applied in order, each
 * recorded in the database with the SHA-256 of its text. Running again applies
 * only what is missing; an applied file that has since been edited, or an
 * applied version this build does not know, stops the run before anything.
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import neo4j from 'neo4j-driver';
import type { Driver } from 'neo4j-driver';
import { GraphError } from '../../errors.js';
import { CYPHER } from './cypher.js';
import { toPlain } from './records.js';

export interface Migration {
  version: number;
  name: string;
  file: string;
  checksum: string;
  statements: string[];
}

export interface MigrationRun {
  applied: string[];
  alreadyApplied: string[];
}

const FILE_PATTERN = /^V(\d{4})__([a-z0-9_]+)\.cypher$/;

/** The repository's migrations/ folder, from the sources or from dist/. */
export function defaultMigrationsDir(): string {
  const here = fileURLToPath(new URL('.', import.meta.url));
  const root = here.replace(/\/(dist\/)?graph\/store\/neo4j\/?$/, '');
  return `${root}/migrations`;
}

/** Statements of a migration file: `//` comment lines dropped, split at each `;` ending a line. */
export function splitStatements(text: string): string[] {
  return text
    .replace(/\r\n/g, '\n')
    .split('\n')
    .filter((line) => !line.trim().startsWith('//'))
    .join('\n')
    .split(/;[ \t]*(?:\n|$)/)
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
}

export function readMigrations(dir = defaultMigrationsDir()): Migration[] {
  if (!existsSync(dir)) {
    throw new GraphError('STORE_UNAVAILABLE', `the migrations folder ${dir} does not exist`);
  }
  const files = readdirSync(dir).filter((f) => f.endsWith('.cypher'));
  const migrations = files.map((file) => {
    const match = FILE_PATTERN.exec(file);
    if (!match) {
      throw new GraphError(
        'INVALID_INPUT',
        `migration file ${file} is not named V0001__name.cypher`,
      );
    }
    const text = readFileSync(`${dir}/${file}`, 'utf8').replace(/\r\n/g, '\n');
    return {
      version: Number(match[1]),
      name: match[2]!,
      file,
      checksum: createHash('sha256').update(text).digest('hex'),
      statements: splitStatements(text),
    };
  });
  migrations.sort((a, b) => a.version - b.version);
  migrations.forEach((m, i) => {
    if (i > 0 && migrations[i - 1]!.version === m.version) {
      throw new GraphError('INVALID_INPUT', `two migrations have version ${m.version}`);
    }
  });
  return migrations;
}

/** What to do, given what the database has applied; throws CONFLICT when history disagrees. */
export function pendingMigrations(
  migrations: readonly Migration[],
  applied: readonly { version: number; checksum: string }[],
): Migration[] {
  const known = new Map(migrations.map((m) => [m.version, m]));
  for (const record of applied) {
    const migration = known.get(record.version);
    if (!migration) {
      throw new GraphError(
        'CONFLICT',
        `the database has migration V${String(record.version).padStart(4, '0')}, which this build does not have; upgrade mandatemap`,
        { reason: 'UNKNOWN_MIGRATION', version: record.version },
      );
    }
    if (migration.checksum !== record.checksum) {
      throw new GraphError(
        'CONFLICT',
        `migration ${migration.file} was edited after it was applied; restore it and add a new migration instead`,
        { reason: 'MIGRATION_EDITED', file: migration.file },
      );
    }
  }
  const done = new Set(applied.map((a) => a.version));
  return migrations.filter((m) => !done.has(m.version));
}

/** Brings the database's constraints and indexes up to date. */
export async function runMigrations(
  driver: Driver,
  database: string | undefined,
  dir = defaultMigrationsDir(),
): Promise<MigrationRun> {
  const migrations = readMigrations(dir);
  const session = driver.session({ database, defaultAccessMode: neo4j.session.WRITE });
  try {
    const result = await session.run(CYPHER.migrationsApplied);
    const applied = result.records.map((r) => ({
      version: toPlain(r.get('version')) as number,
      checksum: r.get('checksum') as string,
    }));
    const pending = pendingMigrations(migrations, applied);
    for (const migration of pending) {
      // Schema statements cannot share a transaction with data writes: each runs on its own,
      // and every one is IF NOT EXISTS, so a run cut short is simply repeated.
      for (const statement of migration.statements) await session.run(statement);
      await session.run(CYPHER.recordMigration, {
        version: neo4j.int(migration.version),
        name: migration.name,
        checksum: migration.checksum,
      });
    }
    return {
      applied: pending.map((m) => m.file),
      alreadyApplied: migrations.filter((m) => !pending.includes(m)).map((m) => m.file),
    };
  } finally {
    await session.close();
  }
}
