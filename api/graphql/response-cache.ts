/**
 * Answers to GraphQL queries kept per store version: the same query, with the
 * same variables, by the same role, on the same day, at the same version of
 * the graph has the same answer. A write moves the version and empties the
 * cache; least recently used answers go first past `maxBytes`.
 * Main class: ResponseCache.
 */
export class ResponseCache {
  private version = -1;
  private bytes = 0;
  /** Answers as UTF-8 bytes: sent as they are, with no encoding per request. */
  private readonly entries = new Map<string, Buffer>();
  hits = 0;
  misses = 0;

  constructor(readonly maxBytes: number) {}

  get(version: number, key: string): Buffer | undefined {
    if (version > this.version) this.reset(version);
    const found = this.entries.get(key);
    if (found === undefined) {
      this.misses += 1;
      return undefined;
    }
    // Most recently used last.
    this.entries.delete(key);
    this.entries.set(key, found);
    this.hits += 1;
    return found;
  }

  /** Keeps an answer computed at `version`; nothing is kept for a version already left behind. */
  set(version: number, key: string, payload: string): void {
    if (version !== this.version) return;
    const bytes = Buffer.from(payload, 'utf8');
    const size = key.length * 2 + bytes.length;
    if (size > this.maxBytes / 4) return;
    const old = this.entries.get(key);
    if (old !== undefined) {
      this.entries.delete(key);
      this.bytes -= key.length * 2 + old.length;
    }
    this.entries.set(key, bytes);
    this.bytes += size;
    for (const [k, v] of this.entries) {
      if (this.bytes <= this.maxBytes) break;
      this.entries.delete(k);
      this.bytes -= k.length * 2 + v.length;
    }
  }

  get size(): number {
    return this.entries.size;
  }

  private reset(version: number): void {
    this.version = version;
    this.entries.clear();
    this.bytes = 0;
  }
}
