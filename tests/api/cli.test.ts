import { spawn, spawnSync } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { EXPORT_FORMATS, SUPPORTED_IMPORT_FORMATS } from '../../graph/index.js';
import { PROBLEMS_PRINTED } from '../../api/cli-report.js';
import { runsWith } from '../helpers/prerequisite.js';

const ROOT = resolve(import.meta.dirname, '../..');
const children: ChildProcess[] = [];
afterEach(() => children.splice(0).forEach((c) => c.kill('SIGKILL')));

function start(args: string[], env: Record<string, string> = {}): ChildProcess {
  const child = spawn(process.execPath, ['--import', 'tsx', 'api/cli.ts', ...args], {
    cwd: ROOT,
    env: { ...process.env, MANDATEMAP_DB: ':memory:', MANDATEMAP_LOG_LEVEL: 'info', ...env },
  });
  children.push(child);
  return child;
}

/** Resolves with the server's address once it logs that it listens. */
function listening(child: ChildProcess): Promise<string> {
  return new Promise((done, fail) => {
    let output = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const match = /listening at (http:\/\/[\d.:]+)/.exec(output);
      if (match) done(match[1]!);
    });
    child.once('exit', (code) => fail(new Error(`exited with ${code}: ${output}`)));
  });
}

function finished(child: ChildProcess): Promise<{ code: number | null; output: string }> {
  let output = '';
  child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  return new Promise((done) => child.once('exit', (code) => done({ code, output })));
}

describe('mandatemap CLI', () => {
  it('imports a file into a store, records it in the audit log, and exports it again', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'mm-cli-'));
    const db = join(dir, 'graph.db');
    const audit = join(dir, 'audit.log');
    const env = { MANDATEMAP_AUDIT_FILE: audit };
    writeFileSync(
      join(dir, 'actors.csv'),
      'Name,Type,Sector\nPaarl Rivers Trust,NGO,civil society\nBad,cabal,public\n',
    );
    const refused = await finished(start(['import', join(dir, 'actors.csv'), '--db', db], env));
    expect(refused.code).toBe(1);
    expect(refused.output).toContain('not imported: nothing was written');
    expect(refused.output).toMatch(/error {3}actors\.csv row 3 \[Type\]/);
    writeFileSync(
      join(dir, 'actors.csv'),
      'Name,Type,Sector\nPaarl Rivers Trust,NGO,civil society\n',
    );
    const dry = await finished(
      start(['import', join(dir, 'actors.csv'), '--db', db, '--dry-run'], env),
    );
    expect(dry.output).toContain('dry run: nothing written');
    const imported = await finished(start(['import', join(dir, 'actors.csv'), '--db', db], env));
    expect(imported).toMatchObject({ code: 0 });
    expect(imported.output).toContain('created 1, updated 0, unchanged 0, rejected 0');
    // the refused import and the dry run wrote nothing, so recorded nothing
    const entries = readFileSync(audit, 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(entries).toEqual([
      expect.objectContaining({
        by: 'system',
        action: 'create',
        type: 'actor',
        id: 'paarl-rivers-trust',
        before: null,
        after: expect.objectContaining({ name: 'Paarl Rivers Trust', version: 1 }),
      }),
    ]);
    const again = await finished(start(['import', join(dir, 'actors.csv'), '--db', db], env));
    expect(again).toMatchObject({ code: 0 });
    expect(again.output).toContain('nothing changed: every row is as stored');
    expect(again.output).toContain('created 0, updated 0, unchanged 1, rejected 0');
    expect(readFileSync(audit, 'utf8').trim().split('\n')).toHaveLength(1);
    const exported = await finished(start(['export', 'csv', '--entity', 'actors', '--db', db]));
    expect(exported.output).toContain('paarl-rivers-trust,Paarl Rivers Trust');
  });

  it('prints the first problems of a file that is wrong on every row, and writes them all with --report', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'mm-cli-'));
    const file = join(dir, 'actors.csv');
    const bad = Array.from({ length: 300 }, (_, i) => `Org ${i},cabal,public`);
    writeFileSync(file, ['Name,Type,Sector', ...bad].join('\n'));
    const report = join(dir, 'problems.csv');
    const run = await finished(start(['import', file, '--dry-run', '--report', report]));
    expect(run.code).toBe(1);
    const errorLines = run.output.split('\n').filter((l) => l.startsWith('error '));
    expect(errorLines).toHaveLength(PROBLEMS_PRINTED);
    expect(run.output).toContain(
      `... and ${300 - PROBLEMS_PRINTED} more errors (INVALID_INPUT ${300 - PROBLEMS_PRINTED}): every one is in ${report}`,
    );
    const rows = readFileSync(report, 'utf8').trim().split('\r\n');
    expect(rows).toHaveLength(1 + 300);
    expect(rows[300]).toContain('error,actors.csv,301,Type,cabal,INVALID_INPUT');
  });

  it('runs the benchmarks of the source tree, and refuses a group it does not have', async () => {
    const run = await finished(start(['bench', 'imprt']));
    expect(run.code).toBe(2);
    expect(run.output).toContain(
      'unknown benchmark group: imprt; groups: analysis, import, viz, load',
    );
  });

  it('serves the sample on the port asked for, and exits 0 on SIGTERM', async () => {
    const child = start(['serve', '--port', '0', '--host', '127.0.0.1']);
    const url = await listening(child);
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(await (await fetch(`${url}/readyz`)).json()).toMatchObject({
      status: 'ready',
      version: 1,
    });
    const exit = finished(child);
    child.kill('SIGTERM');
    expect((await exit).code).toBe(0);
  });

  it('starts empty with --empty', async () => {
    const url = await listening(start(['serve', '--port', '0', '--empty']));
    expect((await (await fetch(`${url}/readyz`)).json()).version).toBe(0);
  });

  it('names every import and export format in its help', async () => {
    const help = await finished(start(['help']));
    expect(help.code).toBe(0);
    const importLine = /^ {2}import .*$/m.exec(help.output)?.[0] ?? '';
    const exportLine = /^ {2}export .*$/m.exec(help.output)?.[0] ?? '';
    for (const format of SUPPORTED_IMPORT_FORMATS) expect(importLine).toContain(format);
    for (const format of EXPORT_FORMATS) expect(exportLine).toContain(format);
    const usage = await finished(start(['export']));
    expect(usage.code).toBe(1);
    for (const format of EXPORT_FORMATS) expect(usage.output).toContain(format);
  });

  it('names its own flags when an export option does not apply', async () => {
    const scoped = await finished(start(['export', 'csv', '--issue', 'water-quality']));
    expect(scoped.code).toBe(1);
    expect(scoped.output).toContain(
      '--issue restricts the actor network (graphml, gexf); a csv export holds every entity, unscoped',
    );
    const entity = await finished(start(['export', 'json', '--entity', 'actors']));
    expect(entity.output).toContain('--entity chooses the table of a csv export');
  });

  it('says plainly when the file to import is missing, not a file, or over the limit', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'mm-cli-'));
    const missing = await finished(start(['import', join(dir, 'nope.csv')]));
    expect(missing.code).toBe(1);
    expect(missing.output).toContain(
      `cannot import '${join(dir, 'nope.csv')}': there is no such file`,
    );
    const folder = await finished(start(['import', dir]));
    expect(folder.output).toContain(`cannot import '${dir}': it is not a file`);
    const file = join(dir, 'actors.csv');
    writeFileSync(file, 'name,kind,sector\nAlpha Org,ngo,public\n');
    const big = await finished(start(['import', file], { MANDATEMAP_IMPORT_MAX_BYTES: '10' }));
    expect(big.code).toBe(1);
    expect(big.output).toContain('more than 10 (LIMIT_EXCEEDED)');
  });

  it('refuses an unknown command and an unknown option', async () => {
    const unknown = await finished(start(['frobnicate']));
    expect(unknown.code).toBe(2);
    expect(unknown.output).toContain("unknown command 'frobnicate'");
    const badOption = await finished(start(['serve', '--colour', 'red']));
    expect(badOption.code).toBe(1);
    expect(badOption.output).toMatch(/Unknown option '--colour'/);
  });
});

describe('mandatemap import on a terminal', () => {
  const hasScript = spawnSync('script', ['--version']).status === 0;
  if (!runsWith(hasScript, 'the progress bar test', 'script(1) (bsdutils) is not installed'))
    return;

  it('draws a progress bar on a terminal, through every stage of an import, and none through a pipe', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'mm-cli-'));
    const file = join(dir, 'actors.csv');
    const rows = Array.from({ length: 12_000 }, (_, i) => `Org ${i},ngo,public`);
    writeFileSync(file, ['Name,Type,Sector', ...rows].join('\n'));
    const args = ['import', file, '--db', join(dir, 'graph.db')];
    // script(1) runs the command on a pseudo-terminal of its own
    const command = [process.execPath, '--import', 'tsx', 'api/cli.ts', ...args].join(' ');
    const child = spawn('script', ['-qec', command, '/dev/null'], {
      cwd: ROOT,
      env: { ...process.env, MANDATEMAP_AUDIT_FILE: join(dir, 'audit.log') },
    });
    children.push(child);
    const run = await finished(child);
    expect(run.code).toBe(0);
    const drawn = run.output.split('\r').map((line) => line.replace('\x1b[K', '').trimEnd());
    const bar = (stage: string, percent: number) =>
      `${stage.padEnd(9)} [${'#'.repeat(Math.round((percent / 100) * 30)).padEnd(30)}] ${percent}%`;
    // 5,000 rows a step: 42% and 83% of 12,000 between the ends
    for (const [stage, percents] of [
      ['parsing', [0, 41, 83, 100]],
      ['mapping', [42, 83, 100]],
      ['checking', [0, 42, 83, 100]],
    ] as const) {
      for (const percent of percents) expect(drawn).toContain(bar(stage, percent));
    }
    expect(drawn).toContain('writing   12000 rows in one transaction...');
    // the bar's line is closed once the rows are written, before the report
    expect(run.output).toContain(`${bar('writing', 100)}\x1b[K\r\nimported`);
    expect(run.output).toContain('created 12000, updated 0, unchanged 0, rejected 0');
    // through a pipe, the same import draws nothing
    const piped = await finished(start([...args.slice(0, 2), '--dry-run'], {}));
    expect(piped.code).toBe(0);
    expect(piped.output).not.toContain('\r');
  });
});
