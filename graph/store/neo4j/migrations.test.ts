import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { pendingMigrations, readMigrations, splitStatements } from './migrations.js';

function folder(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'mm-migrations-'));
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return dir;
}

describe('Cypher migrations', () => {
  it('reads the repository migrations in order, with checksums', () => {
    const migrations = readMigrations();
    expect(migrations.map((m) => m.file)).toEqual([
      'V0001__constraints.cypher',
      'V0002__indexes.cypher',
    ]);
    expect(migrations[0]!.statements.every((s) => /IF NOT EXISTS/.test(s))).toBe(true);
    expect(migrations[0]!.checksum).toMatch(/^[0-9a-f]{64}$/);
  });

  it('splits statements at line-ending semicolons and drops comments', () => {
    expect(
      splitStatements(
        '// note\nCREATE INDEX a IF NOT EXISTS FOR (n:A) ON (n.x);\r\n\nRETURN ";";\n',
      ),
    ).toEqual(['CREATE INDEX a IF NOT EXISTS FOR (n:A) ON (n.x)', 'RETURN ";"']);
  });

  it('applies only what is missing', () => {
    const [first, second] = readMigrations();
    expect(
      pendingMigrations([first!, second!], [{ version: 1, checksum: first!.checksum }]),
    ).toEqual([second]);
    expect(pendingMigrations([first!, second!], [])).toEqual([first, second]);
  });

  it('refuses when an applied migration was edited', () => {
    const [first] = readMigrations();
    expect(() => pendingMigrations([first!], [{ version: 1, checksum: 'f'.repeat(64) }])).toThrow(
      expect.objectContaining({
        code: 'CONFLICT',
        details: expect.objectContaining({ reason: 'MIGRATION_EDITED' }),
      }),
    );
  });

  it('refuses when the database has a migration this build lacks', () => {
    expect(() => pendingMigrations(readMigrations(), [{ version: 9, checksum: 'x' }])).toThrow(
      /V0009, which this build does not have/,
    );
  });

  it('refuses badly named or duplicate files', () => {
    expect(() => readMigrations(folder({ 'constraints.cypher': 'RETURN 1;' }))).toThrow(
      /V0001__name/,
    );
    expect(() =>
      readMigrations(folder({ 'V0001__a.cypher': 'RETURN 1;', 'V0001__b.cypher': 'RETURN 2;' })),
    ).toThrow(/two migrations have version 1/);
    expect(() => readMigrations('/nonexistent/migrations')).toThrow(/does not exist/);
  });
});
