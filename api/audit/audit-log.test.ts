import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { CommittedChange } from '../../graph/index.js';
import { AuditLog } from './audit-log.js';

function created(version: number, ids: string[]): CommittedChange {
  return {
    version,
    author: { tokenId: 'tok-1', role: 'editor' },
    entities: ids.map((id) => ({
      type: 'actor',
      id,
      before: null,
      after: { id, name: id, kind: 'ngo', sector: 'civil_society', tags: [], version: 1 },
    })),
  };
}

describe('the audit log', () => {
  it('writes every entry of a large change, and the changes after it after it', async () => {
    const path = join(mkdtempSync(join(tmpdir(), 'audit-')), 'audit.log');
    const log = new AuditLog(path);
    const many = Array.from({ length: 7_001 }, (_, i) => `a-${i}`);
    log.record(created(2, many));
    log.record(created(3, ['late']));
    log.record(created(4, ['later']));
    await log.close();
    const lines = readFileSync(path, 'utf8').trimEnd().split('\n');
    const entries = lines.map((line) => JSON.parse(line) as { version: number; id: string });
    expect(entries.map((e) => e.id)).toEqual([...many, 'late', 'later']);
    expect(entries.map((e) => e.version)).toEqual([...many.map(() => 2), 3, 4]);
    expect(JSON.parse(lines[0]!)).toMatchObject({
      by: 'tok-1',
      role: 'editor',
      action: 'create',
      type: 'actor',
      before: null,
      after: { id: 'a-0', version: 1 },
    });
  });

  it('reads what was recorded just before, a large change included', async () => {
    const log = new AuditLog(join(mkdtempSync(join(tmpdir(), 'audit-')), 'audit.log'));
    log.record(
      created(
        2,
        Array.from({ length: 5_000 }, (_, i) => `a-${i}`),
      ),
    );
    const newest = await log.read({ type: 'actor', first: 2 });
    expect(newest.map((e) => e.id)).toEqual(['a-4999', 'a-4998']);
    await log.close();
  });
});
