/**
 * The actor pairs with the most overlapping mandates. Actors are visited by
 * their total overlap count, highest first; once that total cannot beat the
 * current top list, no later actor can, and the search stops.
 */
import { connectionsBetween } from './connections.js';
import type { Projection } from './projection.js';
import type { ScopeIndex } from './scope-index.js';

export interface PairCount {
  a: number;
  b: number;
  count: number;
}

const better = (x: PairCount, y: PairCount, p: Projection) =>
  x.count !== y.count
    ? x.count > y.count
    : `${p.actors[x.a]!.id}\u0000${p.actors[x.b]!.id}` <
      `${p.actors[y.a]!.id}\u0000${p.actors[y.b]!.id}`;

export function topActorPairs(ix: ScopeIndex, actorTotals: Float64Array, top: number): PairCount[] {
  const p = ix.p;
  if (top <= 0) return [];
  const order = [...actorTotals.keys()]
    .filter((a) => actorTotals[a]! > 0)
    .sort((x, y) => actorTotals[y]! - actorTotals[x]!);
  const best: PairCount[] = [];
  const seen = new Set<string>();
  const hist = new Float64Array(p.actors.length);
  for (const a of order) {
    const floor = best.length >= top ? best[best.length - 1]!.count : 0;
    if (best.length >= top && actorTotals[a]! < floor) break;
    const touched: number[] = [];
    for (const m of p.mandatesOf[a]!) {
      if (ix.pos[m]! < 0) continue;
      for (const other of ix.partnersOf(m)) {
        const b = p.mandates[other]!.holder;
        if (hist[b] === 0) touched.push(b);
        hist[b]! += 1;
      }
    }
    for (const b of touched) {
      const count = hist[b]!;
      hist[b] = 0;
      const pair = { a: Math.min(a, b), b: Math.max(a, b), count };
      const key = `${pair.a}:${pair.b}`;
      if (seen.has(key)) continue;
      seen.add(key);
      if (best.length < top || better(pair, best[best.length - 1]!, p)) {
        best.push(pair);
        best.sort((x, y) => (better(x, y, p) ? -1 : 1));
        if (best.length > top) best.pop();
      }
    }
  }
  return best;
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
