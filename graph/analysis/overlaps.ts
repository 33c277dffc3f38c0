/**
 * Overlaps listed lazily: pairs in the order of their two mandate ids, found
 * mandate by mandate from a cursor, so a page never needs all pairs.
 * Main function: listOverlaps.
 */
import { describeOverlap } from './overlap-rules.js';
import type { Overlap, OverlapKind, OverlapNature } from './overlap-rules.js';
import type { ScopeIndex } from './scope-index.js';

export interface OverlapPageQuery {
  first: number;
  /** Resume after this pair of mandate ids. */
  after?: [string, string];
  kinds?: readonly OverlapKind[];
  natures?: readonly OverlapNature[];
}

export interface OverlapPage {
  items: Overlap[];
  hasNextPage: boolean;
}

function lowerBound(sorted: readonly string[], value: string): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid]! < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

export function listOverlaps(ix: ScopeIndex, query: OverlapPageQuery): OverlapPage {
  const p = ix.p;
  const byId = [...ix.list].sort((a, b) => a - b);
  const ids = byId.map((m) => p.mandates[m]!.id);
  const items: Overlap[] = [];
  const wanted = (o: Overlap) =>
    (!query.kinds?.length || o.kinds.some((k) => query.kinds!.includes(k))) &&
    (!query.natures?.length || query.natures.includes(o.nature));
  for (let k = query.after ? lowerBound(ids, query.after[0]) : 0; k < byId.length; k += 1) {
    const m = byId[k]!;
    const id = ids[k]!;
    const floor = query.after && id === query.after[0] ? query.after[1] : id;
    const partners = ix
      .partnersOf(m)
      .filter((other) => p.mandates[other]!.id > floor)
      .sort((a, b) => a - b);
    for (const other of partners) {
      const overlap = describeOverlap(p, m, other);
      if (!wanted(overlap)) continue;
      if (items.length === query.first) return { items, hasNextPage: true };
      items.push(overlap);
    }
  }
  return { items, hasNextPage: false };
}
