/**
 * The audit log: one JSON line per entity written — who, when, which store
 * version, and the entity before and after. Appended in commit order; read by
 * admins (GraphQL `auditLog`) and used to restore deleted entities.
 */
import { createReadStream, createWriteStream, existsSync, mkdirSync } from 'node:fs';
import type { WriteStream } from 'node:fs';
import { dirname } from 'node:path';
import { createInterface } from 'node:readline';
import { setImmediate as nextTurn } from 'node:timers/promises';
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

/**
 * Entries written per turn of the event loop: the 300,000 entries of a large
 * import took 2.7 s to write out at once, and the server answered nobody
 * meanwhile.
 */
const ENTRIES_PER_TURN = 2_000;

/** A recorded change, and how many of its entities are written so far. */
interface Recorded {
  change: CommittedChange;
  at: string;
  written: number;
}

export class AuditLog {
  private stream: WriteStream | undefined;
  /** Changes recorded and not yet all written, oldest first. */
  private readonly queue: Recorded[] = [];
  /** True while changes are being written; `draining` settles when they all are. */
  private running = false;
  private draining: Promise<void> = Promise.resolve();

  constructor(readonly path: string) {}

  private out(): WriteStream {
    if (!this.stream) {
      mkdirSync(dirname(this.path), { recursive: true });
      this.stream = createWriteStream(this.path, { flags: 'a', mode: 0o600 });
    }
    return this.stream;
  }

  /**
   * Records a committed change; the writer is its author, or `system` (CLI,
   * sample). A change of a few thousand entities is written at once; a larger
   * one a few thousand entities a turn, and the changes after it wait their turn.
   */
  record(change: CommittedChange): void {
    this.queue.push({ change, at: new Date().toISOString(), written: 0 });
    if (this.running) return;
    this.running = true;
    // runs at once up to its first wait: a small change is written before record returns
    this.draining = this.drain();
  }

  private async drain(): Promise<void> {
    try {
      while (this.queue.length > 0) {
        const recorded = this.queue[0]!;
        const { entities } = recorded.change;
        const end = Math.min(recorded.written + ENTRIES_PER_TURN, entities.length);
        this.write(recorded, recorded.written, end);
        recorded.written = end;
        if (end === entities.length) this.queue.shift();
        if (this.queue.length > 0) await nextTurn();
      }
    } finally {
      this.running = false;
    }
  }

  /** Writes entries `from` to `to` of a recorded change. */
  private write({ change, at }: Recorded, from: number, to: number): void {
    const principal = change.author;
    const lines: string[] = [];
    for (let k = from; k < to; k += 1) {
      const e = change.entities[k]!;
      lines.push(
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
    }
    if (lines.length > 0) this.out().write(`${lines.join('\n')}\n`);
  }

  /** Resolves once everything recorded so far is on disk. */
  async flush(): Promise<void> {
    while (this.running) await this.draining;
    const stream = this.stream;
    if (!stream) return;
    // A write's callback runs once it and every write before it reached the file.
    await new Promise<void>((resolve, reject) =>
      stream.write('', (error) => (error ? reject(error) : resolve())),
    );
  }

  async close(): Promise<void> {
    while (this.running) await this.draining;
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
