/**
 * A full or read-only disk: the write is refused with a clear STORE_UNAVAILABLE
 * and nothing of it is kept. Needs root (a 1 MB tmpfs; chattr +i); in CI that
 * is a requirement, elsewhere the tests skip and say why.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { GraphService } from '../../graph/index.js';
import { openSqliteStore } from '../../graph/store/sqlite/sqlite-store.js';

const root = process.getuid?.() === 0;
if (!root && process.env.CI)
  throw new Error('the disk-failure tests need root in CI (tmpfs mount, chattr)');
const maybe = root ? describe : describe.skip;
if (!root) console.warn('disk-failure tests skipped: they need root (tmpfs mount, chattr +i)');

const actors = (prefix: string, n: number, description = '') =>
  Array.from({ length: n }, (_, i) => ({
    id: `${prefix}-${i}`,
    name: `${prefix} ${i}`,
    kind: 'ngo',
    sector: 'civil_society',
    ...(description ? { description } : {}),
  }));

async function importActors(service: GraphService, list: object[]) {
  for (const actor of list) await service.put('actor', actor);
}

maybe('when the disk fails', () => {
  it('a full disk refuses the write, keeps what was there, and says so', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'mm-full-'));
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=1m', 'tmpfs', dir]);
    try {
      const service = new GraphService(openSqliteStore({ path: join(dir, 'graph.db') }));
      await importActors(service, actors('kept', 3));
      const version = await service.store.version();
      const big = 'x'.repeat(4_000);
      const error = await service
        .commit((overlay) => {
          for (const a of actors('overflow', 600, big))
            overlay.put({ type: 'actor', entity: a } as never);
        })
        .then(
          () => undefined,
          (e: unknown) => e,
        );
      expect(error).toMatchObject({
        code: 'STORE_UNAVAILABLE',
        message: expect.stringMatching(/disk is full/),
      });
      expect(await service.store.version()).toBe(version);
      expect((await service.store.list('actor', { first: 1000 })).items.map((a) => a.id)).toEqual([
        'kept-0',
        'kept-1',
        'kept-2',
      ]);
      await service.close();
    } finally {
      execFileSync('umount', [dir]);
    }
  });

  it('a read-only database file refuses the write with a clear error and writes nothing', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'mm-ro-'));
    const path = join(dir, 'graph.db');
    const first = new GraphService(openSqliteStore({ path }));
    await importActors(first, actors('kept', 2));
    await first.close();
    execFileSync('chattr', ['+i', dir, path]);
    try {
      const error = await Promise.resolve()
        .then(async () => {
          const service = new GraphService(openSqliteStore({ path }));
          try {
            await service.put('actor', actors('new', 1)[0]);
          } finally {
            await service.close();
          }
        })
        .then(
          () => undefined,
          (e: unknown) => e,
        );
      expect(error).toMatchObject({ code: 'STORE_UNAVAILABLE' });
    } finally {
      execFileSync('chattr', ['-i', dir, path]);
    }
    const after = new GraphService(openSqliteStore({ path }));
    expect((await after.store.list('actor', { first: 10 })).items.map((a) => a.id)).toEqual([
      'kept-0',
      'kept-1',
    ]);
    await after.close();
  });
});
