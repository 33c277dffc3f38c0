/**
 * overlapSummary: totals by kind and nature, and the top actor pairs, counted
 * with bit masks over each mandate's candidates instead of pair by pair.
 * Main function: summariseOverlaps.
 */
import { SECTORS } from '../model/index.js';
import { hasBit, newBitset, popcount32, setBit } from './bitset.js';
import type { Bitset } from './bitset.js';
import { connectedActors } from './connections.js';
import { OVERLAP_KINDS, OVERLAP_NATURES, overlapKinds, overlapNature } from './overlap-rules.js';
import type { OverlapKind, OverlapNature } from './overlap-rules.js';
import type { Projection } from './projection.js';
import type { ScopeIndex } from './scope-index.js';
import { actorPairReasons, topActorPairs } from './top-pairs.js';

export interface ActorPairSummary {
  actorIds: [string, string];
  count: number;
  kinds: { kind: OverlapKind; count: number }[];
  natures: { nature: OverlapNature; count: number }[];
  connected: boolean;
  because: string[];
}

export interface OverlapSummary {
  mandatesInScope: number;
  total: number;
  byKind: Record<OverlapKind, number>;
  byNature: Record<OverlapNature, number>;
  topPairs: ActorPairSummary[];
}

interface Masks {
  cls: Bitset[];
  level: Bitset[];
  hasLevel: Bitset;
  levelHome: Bitset[];
  sector: Bitset[];
}

function buildMasks(ix: ScopeIndex): Masks {
  const p = ix.p;
  const n = ix.list.length;
  const masks: Masks = {
    cls: [0, 1, 2].map(() => newBitset(n)),
    level: Array.from({ length: p.levels.ids.length + 1 }, () => newBitset(n)),
    hasLevel: newBitset(n),
    levelHome: Array.from({ length: p.levels.ids.length }, () => newBitset(n)),
    sector: SECTORS.map(() => newBitset(n)),
  };
  ix.list.forEach((m, position) => {
    const row = p.mandates[m]!;
    const holder = p.actors[row.holder]!;
    setBit(masks.cls[row.fclass]!, position);
    setBit(masks.level[holder.level + 1]!, position);
    if (holder.level >= 0) {
      setBit(masks.hasLevel, position);
      if (holder.home >= 0) setBit(masks.levelHome[holder.level]!, position);
    }
    setBit(masks.sector[SECTORS.indexOf(holder.sector as (typeof SECTORS)[number])]!, position);
  });
  return masks;
}

/** [total, complementary, intergovernmental, cross_boundary, cross_sector] of one pair. */
function pairVector(p: Projection, m: number, other: number): number[] {
  const kinds = overlapKinds(p, m, other);
  return [
    1,
    p.mandates[m]!.fclass !== p.mandates[other]!.fclass ? 1 : 0,
    kinds.includes('intergovernmental') ? 1 : 0,
    kinds.includes('cross_boundary') ? 1 : 0,
    kinds.includes('cross_sector') ? 1 : 0,
  ];
}

/** The five counters of one mandate over its candidates, before pair rules. */
function rawCounts(ix: ScopeIndex, masks: Masks, m: number, sameLevelSameHome: number): number[] {
  const holder = ix.p.actors[ix.p.mandates[m]!.holder]!;
  const cls = masks.cls[ix.p.mandates[m]!.fclass]!;
  const lvl = masks.level[holder.level + 1]!;
  const lh = holder.level >= 0 ? masks.levelHome[holder.level]! : undefined;
  const sec = masks.sector[SECTORS.indexOf(holder.sector as (typeof SECTORS)[number])]!;
  const has = masks.hasLevel;
  const c = ix.candidates;
  let total = 0,
    sameClass = 0,
    sameLevel = 0,
    hasLevel = 0,
    sameLevelHome = 0,
    sameSector = 0;
  for (const w of ix.touched) {
    const word = c[w]!;
    total += popcount32(word);
    sameClass += popcount32(word & cls[w]!);
    sameLevel += popcount32(word & lvl[w]!);
    hasLevel += popcount32(word & has[w]!);
    if (lh) sameLevelHome += popcount32(word & lh[w]!);
    sameSector += popcount32(word & sec[w]!);
  }
  const withLevel = holder.level >= 0;
  return [
    total,
    total - sameClass,
    withLevel ? hasLevel - sameLevel : 0,
    withLevel && holder.home >= 0 ? sameLevelHome - sameLevelSameHome : 0,
    total - sameSector,
  ];
}

interface Groups {
  byRoot: Map<number, number[]>;
  byLevelHome: Map<string, number[]>;
  dated: number[];
}

function groupPositions(ix: ScopeIndex): Groups {
  const groups: Groups = { byRoot: new Map(), byLevelHome: new Map(), dated: [] };
  ix.list.forEach((m, position) => {
    const row = ix.p.mandates[m]!;
    const holder = ix.p.actors[row.holder]!;
    const add = <K>(map: Map<K, number[]>, key: K) =>
      (map.get(key) ?? map.set(key, []).get(key)!).push(position);
    add(groups.byRoot, holder.root);
    if (holder.level >= 0 && holder.home >= 0)
      add(groups.byLevelHome, `${holder.level}:${holder.home}`);
    if (row.from !== '' || row.to !== '') groups.dated.push(position);
  });
  return groups;
}

/** Counts over one mandate's valid partners: the five counters, transversal and duplication. */
function countMandate(ix: ScopeIndex, masks: Masks, groups: Groups, m: number): number[] {
  const p = ix.p;
  const row = p.mandates[m]!;
  const holder = p.actors[row.holder]!;
  ix.loadCandidates(m);
  const c = ix.candidates;
  const count = (positions: readonly number[] | undefined, ok: (other: number) => boolean) =>
    (positions ?? []).reduce((n, q) => (hasBit(c, q) && ok(ix.mandateAt(q)) ? n + 1 : n), 0);
  const slsh = count(groups.byLevelHome.get(`${holder.level}:${holder.home}`), () => true);
  const v = rawCounts(ix, masks, m, slsh);
  const subtract = (other: number) => pairVector(p, m, other).forEach((x, k) => (v[k]! -= x));
  for (const other of p.mandatesOf[row.holder]!) {
    if (ix.pos[other]! >= 0 && hasBit(c, ix.pos[other]!)) subtract(other);
  }
  if (ix.anyTime && (row.from !== '' || row.to !== '')) {
    for (const q of groups.dated) {
      const other = ix.mandateAt(q);
      if (p.mandates[other]!.holder !== row.holder && hasBit(c, q) && !ix.validPair(m, other))
        subtract(other);
    }
  }
  const transversal = count(groups.byRoot.get(holder.root), (other) => ix.validPair(m, other));
  let duplication = 0;
  row.places.forEach((q, k) => {
    if (row.places.indexOf(q) !== k) return;
    for (const position of ix.namedAt(q)) {
      const other = ix.mandateAt(position);
      const o = p.mandates[other]!;
      if (o.fclass !== row.fclass || p.actors[o.holder]!.level !== holder.level) continue;
      if (row.places.slice(0, k).some((earlier) => o.places.includes(earlier))) continue;
      if (hasBit(c, position) && ix.validPair(m, other)) duplication += 1;
    }
  });
  return [...v, transversal, duplication];
}

export function summariseOverlaps(ix: ScopeIndex, top: number): OverlapSummary {
  const p = ix.p;
  const masks = buildMasks(ix);
  const groups = groupPositions(ix);
  const sums = new Float64Array(7);
  const actorTotals = new Float64Array(p.actors.length);
  for (const m of ix.list) {
    const v = countMandate(ix, masks, groups, m);
    v.forEach((x, k) => (sums[k]! += x));
    actorTotals[p.mandates[m]!.holder]! += v[0]!;
  }
  const half = (k: number) => Math.round(sums[k]! / 2);
  const total = half(0);
  const complementary = half(1);
  const duplication = half(6);
  const pairs = topActorPairs(ix, actorTotals, top);
  const connected = connectedActors(p);
  return {
    mandatesInScope: ix.list.length,
    total,
    byKind: {
      transversal: half(5),
      intergovernmental: half(2),
      cross_boundary: half(3),
      cross_sector: half(4),
    },
    byNature: { duplication, concurrent: total - complementary - duplication, complementary },
    topPairs: pairs.map(({ a, b, count }) => describePair(ix, a, b, count, connected(a, b))),
  };
}

function describePair(
  ix: ScopeIndex,
  a: number,
  b: number,
  count: number,
  isConnected: boolean,
): ActorPairSummary {
  const p = ix.p;
  const kinds = new Map<OverlapKind, number>();
  const natures = new Map<OverlapNature, number>();
  for (const m of p.mandatesOf[a]!) {
    if (ix.pos[m]! < 0) continue;
    const partners = new Set(ix.partnersOf(m));
    for (const other of p.mandatesOf[b]!) {
      if (!partners.has(other)) continue;
      for (const k of overlapKinds(p, m, other)) kinds.set(k, (kinds.get(k) ?? 0) + 1);
      const n = overlapNature(p, m, other);
      natures.set(n, (natures.get(n) ?? 0) + 1);
    }
  }
  const ids: [string, string] = [p.actors[a]!.id, p.actors[b]!.id];
  return {
    actorIds: ids,
    count,
    kinds: OVERLAP_KINDS.filter((k) => kinds.has(k)).map((kind) => ({
      kind,
      count: kinds.get(kind)!,
    })),
    natures: OVERLAP_NATURES.filter((n) => natures.has(n)).map((nature) => ({
      nature,
      count: natures.get(nature)!,
    })),
    connected: isConnected,
    because: actorPairReasons(p, a, b, count, isConnected),
  };
}
