/**
 * The audit log: one JSON line per entity written — who, when, which store
 * version, and the entity before and after. Appended in commit order; read by
 * admins (GraphQL `auditLog`) and used to restore deleted entities.
 */
import { createReadStream, createWriteStream, existsSync, mkdirSync } from 'node:fs';
import type { WriteStream } from 'node:fs';
import { dirname } from 'node:path';
import { createInterface } from 'node:readline';
import type { CommittedChange, EntityType } from '../../graph/index.js';

export interface AuditEntry {
  at: string;
  version: number;
  by: string;
  role: string;
  action: 'create' | 'update' | 'delete';
  type: EntityType;
  id: string;
  before: unknown;
  after: unknown;
}

export class AuditLog {
  private stream: WriteStream | undefined;

  constructor(readonly path: string) {}

  private out(): WriteStream {
    if (!this.stream) {
      mkdirSync(dirname(this.path), { recursive: true });
      this.stream = createWriteStream(this.path, { flags: 'a', mode: 0o600 });
    }
    return this.stream;
  }

  /** Records a committed change; the writer is its author, or `system` (CLI, sample). */
  record(change: CommittedChange): void {
    const principal = change.author;
    const at = new Date().toISOString();
    const lines = change.entities.map((e) =>
      JSON.stringify({
        at,
        version: change.version,
        by: principal?.tokenId ?? 'system',
        role: principal?.role ?? 'system',
        action: e.before === null ? 'create' : e.after === null ? 'delete' : 'update',
        type: e.type,
        id: e.id,
        before: e.before,
        after: e.after,
      } satisfies AuditEntry),
    );
    if (lines.length > 0) this.out().write(`${lines.join('\n')}\n`);
  }

  /** Resolves once everything recorded so far is on disk. */
  async flush(): Promise<void> {
    const stream = this.stream;
    if (!stream) return;
    // A write's callback runs once it and every write before it reached the file.
    await new Promise<void>((resolve, reject) =>
      stream.write('', (error) => (error ? reject(error) : resolve())),
    );
  }

  async close(): Promise<void> {
    const stream = this.stream;
    this.stream = undefined;
    if (stream) await new Promise<void>((resolve) => stream.end(resolve));
  }

  /** The newest entries first, filtered; `first` caps how many. */
  async read(filter: { type?: string; id?: string; first: number }): Promise<AuditEntry[]> {
    await this.flush();
    if (!existsSync(this.path)) return [];
    const matches: AuditEntry[] = [];
    const lines = createInterface({
      input: createReadStream(this.path, 'utf8'),
      crlfDelay: Infinity,
    });
    for await (const line of lines) {
      if (!line) continue;
      const entry = JSON.parse(line) as AuditEntry;
      if (filter.type && entry.type !== filter.type) continue;
      if (filter.id && entry.id !== filter.id) continue;
      matches.push(entry);
      if (matches.length > filter.first * 4) matches.splice(0, matches.length - filter.first);
    }
    return matches.slice(-filter.first).reverse();
  }
}
