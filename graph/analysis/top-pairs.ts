/**
 * The actor pairs with the most overlapping mandates, counted in the same
 * pass as the summary: each actor's partners are tallied by holder, and a pair
 * is kept from the side of its lower-indexed actor, so every pair is seen once.
 */
import { connectionsBetween } from './connections.js';
import type { Projection } from './projection.js';
import type { ScopeIndex } from './scope-index.js';

export interface PairCount {
  a: number;
  b: number;
  count: number;
}

export class TopPairs {
  private readonly hist: Int32Array;
  private readonly touched: number[] = [];
  private readonly kept: PairCount[] = [];

  constructor(
    private readonly p: Projection,
    private readonly top: number,
  ) {
    this.hist = new Int32Array(top > 0 ? p.actors.length : 0);
  }

  /** Tallies the valid partners of `m` (its candidates must be loaded) by their holder. */
  addPartnersOf(ix: ScopeIndex, m: number): void {
    const holder = this.p.mandates[m]!.holder;
    const checkDates = ix.anyTime && ix.datedAt[ix.pos[m]!] === 1;
    const { candidates, touched, holderAt, datedAt, list } = ix;
    const hist = this.hist;
    for (let k = 0; k < ix.touchedCount; k += 1) {
      const w = touched[k]!;
      let word = candidates[w]!;
      while (word !== 0) {
        const low = word & -word;
        const q = (w << 5) + (31 - Math.clz32(low));
        word ^= low;
        const b = holderAt[q]!;
        if (b <= holder) continue;
        if (checkDates && datedAt[q] === 1 && !ix.validPair(m, list[q]!)) continue;
        if (hist[b] === 0) this.touched.push(b);
        hist[b]! += 1;
      }
    }
  }

  /** Closes actor `a`: its tallies are complete counts of pairs (a, b > a). */
  flush(a: number): void {
    const full = this.top > 0 && this.kept.length >= this.top;
    for (const b of this.touched) {
      const count = this.hist[b]!;
      this.hist[b] = 0;
      // most pairs are fewer than the last one kept: passed over without making a pair
      if (full && count < this.kept[this.kept.length - 1]!.count) continue;
      const pair = { a, b, count };
      if (this.kept.length < this.top || this.better(pair, this.kept[this.kept.length - 1]!)) {
        this.kept.push(pair);
        this.kept.sort((x, y) => (this.better(x, y) ? -1 : 1));
        if (this.kept.length > this.top) this.kept.pop();
      }
    }
    this.touched.length = 0;
  }

  best(): PairCount[] {
    return [...this.kept];
  }

  private better(x: PairCount, y: PairCount): boolean {
    if (x.count !== y.count) return x.count > y.count;
    const ids = (z: PairCount) => `${this.p.actors[z.a]!.id}\u0000${this.p.actors[z.b]!.id}`;
    return ids(x) < ids(y);
  }
}

export function actorPairReasons(
  p: Projection,
  a: number,
  b: number,
  count: number,
  connected: boolean,
): string[] {
  const [na, nb] = [p.actors[a]!.entity.name, p.actors[b]!.entity.name];
  const links = connectionsBetween(p, a, b);
  return [
    `${na} and ${nb} hold ${count} overlapping mandate pair${count === 1 ? '' : 's'} in scope`,
    connected
      ? `already connected: ${[...links.partnerships.map((x) => `partnership ${x}`), ...links.ties.map((t) => `tie ${t}`)].join(', ')}`
      : 'not connected: no shared partnership and no tie (conflict ties do not count)',
  ];
}
