/**
 * An import killed with SIGKILL in the middle of its write leaves all or
 * nothing, and an intact database (a real child process on a real file).
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';

const ROWS = 60_000;

describe('crash safety of the embedded store', () => {
  it('a SIGKILLed import leaves all or nothing and an intact database', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'mm-kill-'));
    const db = join(dir, 'graph.db');
    const csv = join(dir, 'actors.csv');
    const lines = ['name,kind,sector'];
    for (let i = 0; i < ROWS; i++) lines.push(`Killed Import Actor ${i},ngo,civil_society`);
    writeFileSync(csv, `${lines.join('\n')}\n`);

    const child = spawn(
      process.execPath,
      ['--import', 'tsx', 'api/cli.ts', 'import', csv, '--db', db],
      {
        cwd: process.cwd(),
        env: {
          ...process.env,
          MANDATEMAP_LOG_LEVEL: 'silent',
          MANDATEMAP_AUDIT_FILE: join(dir, 'audit.log'),
        },
        stdio: 'ignore',
      },
    );
    const exited = new Promise<NodeJS.Signals | null>((resolve) =>
      child.once('exit', (_code, signal) => resolve(signal)),
    );
    // Kill as soon as the write transaction has put pages in the WAL, before it commits.
    const wal = `${db}-wal`;
    let killedMidWrite = false;
    for (let i = 0; i < 6_000 && child.exitCode === null; i++) {
      if (existsSync(wal) && statSync(wal).size > 256 * 1024) {
        child.kill('SIGKILL');
        killedMidWrite = true;
        break;
      }
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    if (!killedMidWrite) child.kill('SIGKILL');
    expect(await exited).toBe('SIGKILL');

    const check = new Database(db);
    try {
      expect(check.pragma('integrity_check', { simple: true })).toBe('ok');
      const { n } = check
        .prepare(`SELECT count(*) AS n FROM entity WHERE type = 'actor'`)
        .get() as { n: number };
      expect([0, ROWS]).toContain(n);
      console.log(
        `SIGKILL ${killedMidWrite ? 'during the write' : 'before the write'}: ${n} of ${ROWS} actors, integrity ok`,
      );
    } finally {
      check.close();
    }
  }, 120_000);
});
