/** A large import lets other work in while it checks rows; reads meanwhile see the graph before it, writes wait for it. */
import { describe, expect, it } from 'vitest';
import { aLevel, anActor } from '../../tests/helpers/builders.js';
import { GraphService } from '../service.js';
import { openSqliteStore } from '../store/sqlite/sqlite-store.js';
import { importRows } from './import-plan.js';
import type { ImportRow } from './import-plan.js';

describe('importRows', () => {
  it('gives other work turns while it checks, and keeps reads and writes consistent', async () => {
    const service = new GraphService(openSqliteStore({ path: ':memory:' }), {
      analysis: { workers: 0 },
    });
    try {
      await service.create('level', aLevel('national', 1));
      const rows: ImportRow[] = Array.from({ length: 12_000 }, (_, i) => ({
        type: 'actor',
        sheet: 'actors.csv',
        row: i + 2,
        input: anActor(`a${i}`, { levelId: 'national' }),
      }));
      // turns of the event loop while the import runs: a ticker that re-arms itself
      let turns = 0;
      let ticking = true;
      const tick = (): void => {
        turns += 1;
        if (ticking) setImmediate(tick);
      };
      setImmediate(tick);
      const seenAt: number[] = [];
      const stages: string[] = [];
      const importing = importRows(service, rows, {
        onProgress: (stage, done) => {
          stages.push(`${stage} ${done}`);
          if (stage === 'checking') seenAt.push(turns);
        },
      });
      // while the import checks its rows: a read sees the graph as it was ...
      await new Promise((resolve) => setImmediate(resolve));
      const during = await service.reader();
      const readDuring = during.list('actor', { first: 1 }).totalCount;
      // ... and a write waits its turn, then lands after the import
      const late = service.create('actor', anActor('late', { levelId: 'national' }));
      const report = await importing;
      await late;
      ticking = false;
      expect(report).toMatchObject({ ok: true, committed: true });
      expect(report.counts.created).toBe(12_000);
      // progress at 5,000, 10,000 and all 12,000 rows checked, then written: other work ran in between
      expect(stages).toEqual([
        'checking 5000',
        'checking 10000',
        'checking 12000',
        'writing 0',
        'writing 12000',
      ]);
      expect(seenAt[1]!).toBeGreaterThan(seenAt[0]!);
      expect(seenAt[2]!).toBeGreaterThan(seenAt[1]!);
      expect(readDuring).toBe(0);
      expect((await service.reader()).list('actor', { first: 1 }).totalCount).toBe(12_001);
    } finally {
      await service.close();
    }
  });
});
