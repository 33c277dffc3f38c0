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
import { TopPairs, actorPairReasons } from './top-pairs.js';

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
  /** All zero: the level-and-home mask of a holder without a level. */
  none: Bitset;
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
    none: newBitset(n),
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

/** [total, complementary, intergovernmental, cross_boundary, cross_sector, transversal] of one pair. */
function pairVector(p: Projection, m: number, other: number): number[] {
  const kinds = overlapKinds(p, m, other);
  return [
    1,
    p.mandates[m]!.fclass !== p.mandates[other]!.fclass ? 1 : 0,
    kinds.includes('intergovernmental') ? 1 : 0,
    kinds.includes('cross_boundary') ? 1 : 0,
    kinds.includes('cross_sector') ? 1 : 0,
    kinds.includes('transversal') ? 1 : 0,
  ];
}

/** The five counters of one mandate over its candidates, before pair rules. */
function rawCounts(
  ix: ScopeIndex,
  masks: Masks,
  m: number,
  sameLevelSameHome: number,
  sameRoot: number,
  out: Float64Array,
): void {
  const holder = ix.p.actors[ix.p.mandates[m]!.holder]!;
  const cls = masks.cls[ix.p.mandates[m]!.fclass]!;
  const lvl = masks.level[holder.level + 1]!;
  const lh = holder.level >= 0 ? masks.levelHome[holder.level]! : masks.none;
  const sec = masks.sector[SECTORS.indexOf(holder.sector as (typeof SECTORS)[number])]!;
  const has = masks.hasLevel;
  const c = ix.candidates;
  const touched = ix.touched;
  const n = ix.touchedCount;
  let total = 0;
  let sameClass = 0;
  let sameLevel = 0;
  let hasLevel = 0;
  let sameLevelHome = 0;
  let sameSector = 0;
  for (let k = 0; k < n; k += 1) {
    const w = touched[k]!;
    const word = c[w]!;
    total += popcount32(word);
    sameClass += popcount32(word & cls[w]!);
    sameLevel += popcount32(word & lvl[w]!);
    hasLevel += popcount32(word & has[w]!);
    sameLevelHome += popcount32(word & lh[w]!);
    sameSector += popcount32(word & sec[w]!);
  }
  const withLevel = holder.level >= 0;
  out[0] = total;
  out[1] = total - sameClass;
  out[2] = withLevel ? hasLevel - sameLevel : 0;
  out[3] = withLevel && holder.home >= 0 ? sameLevelHome - sameLevelSameHome : 0;
  out[4] = total - sameSector;
  out[5] = sameRoot;
}

/** How many candidates of the loaded mandate are in a group of positions: by mask when big, one by one when small. */
function candidatesIn(ix: ScopeIndex, group: PositionGroup | undefined): number {
  if (!group) return 0;
  const c = ix.candidates;
  let count = 0;
  if (group.mask) {
    const mask = group.mask;
    for (let k = 0; k < ix.touchedCount; k += 1) {
      const w = ix.touched[k]!;
      count += popcount32(c[w]! & mask[w]!);
    }
    return count;
  }
  for (const q of group.positions) if (hasBit(c, q)) count += 1;
  return count;
}

interface PositionGroup {
  positions: number[];
  mask?: Bitset;
}

/** Groups with at least this many positions get a mask; smaller ones are counted one by one. */
const GROUP_MASK_MIN = 256;

interface Groups {
  byRoot: Map<number, PositionGroup>;
  /** By level and home place (levelHomeKey). */
  byLevelHome: Map<number, PositionGroup>;
  /** The level-and-home group of the mandate at each position, if its holder has both. */
  levelHomeAt: (PositionGroup | undefined)[];
  /** Positions of mandates naming a place, by place, function class and holder level (placeClassLevelKey). */
  byPlaceClassLevel: Map<number, number[]>;
  /** Per position, per distinct named place in order: same-class, same-level mandates naming it. */
  duplicateCandidatesAt: number[][][];
  dated: number[];
}

/** Numeric keys of the groups (a string key per mandate and place cost ~20% of a whole-country summary). */
const levelHomeKey = (p: Projection, level: number, home: number): number =>
  level * p.places.ids.length + home;
const placeClassLevelKey = (p: Projection, place: number, fclass: number, level: number): number =>
  (place * 3 + fclass) * (p.levels.ids.length + 1) + level + 1;

function groupPositions(ix: ScopeIndex): Groups {
  const p = ix.p;
  const n = ix.list.length;
  const byRoot = new Map<number, PositionGroup>();
  const byLevelHome = new Map<number, PositionGroup>();
  const byPlaceClassLevel = new Map<number, number[]>();
  const levelHomeAt: (PositionGroup | undefined)[] = new Array<PositionGroup | undefined>(n);
  const duplicateCandidatesAt: number[][][] = new Array<number[][]>(n);
  const dated: number[] = [];
  const add = (map: Map<number, PositionGroup>, key: number, position: number): PositionGroup => {
    let group = map.get(key);
    if (group) group.positions.push(position);
    else map.set(key, (group = { positions: [position] }));
    return group;
  };
  // Plain loops, one list per mandate: this runs once per index, on the first
  // summary after each write (~100 ms of a whole-country summary before).
  for (let position = 0; position < n; position += 1) {
    const row = p.mandates[ix.list[position]!]!;
    const holder = p.actors[row.holder]!;
    add(byRoot, holder.root, position);
    levelHomeAt[position] =
      holder.level >= 0 && holder.home >= 0
        ? add(byLevelHome, levelHomeKey(p, holder.level, holder.home), position)
        : undefined;
    const places = row.places;
    const lists: number[][] = new Array<number[]>(places.length);
    for (let k = 0; k < places.length; k += 1) {
      const place = places[k]!;
      if (places.indexOf(place) !== k) {
        lists[k] = [];
        continue;
      }
      const key = placeClassLevelKey(p, place, row.fclass, holder.level);
      let list = byPlaceClassLevel.get(key);
      if (list) list.push(position);
      else byPlaceClassLevel.set(key, (list = [position]));
      lists[k] = list;
    }
    duplicateCandidatesAt[position] = lists;
    if (row.from !== '' || row.to !== '') dated.push(position);
  }
  for (const map of [byRoot, byLevelHome]) {
    for (const group of map.values()) {
      if (group.positions.length < GROUP_MASK_MIN) continue;
      group.mask = newBitset(n);
      for (const q of group.positions) setBit(group.mask, q);
    }
  }
  return { byRoot, byLevelHome, levelHomeAt, byPlaceClassLevel, duplicateCandidatesAt, dated };
}

/**
 * Counts over one mandate's valid partners into `v`: the six pair counters
 * and duplication (index 6). Candidates must be loaded.
 */
function countMandate(
  ix: ScopeIndex,
  masks: Masks,
  groups: Groups,
  m: number,
  v: Float64Array,
): void {
  const p = ix.p;
  const row = p.mandates[m]!;
  const holder = p.actors[row.holder]!;
  const c = ix.candidates;
  const position = ix.pos[m]!;
  const slsh = candidatesIn(ix, groups.levelHomeAt[position]);
  rawCounts(ix, masks, m, slsh, candidatesIn(ix, groups.byRoot.get(holder.root)), v);
  // same holder (itself included): no pair; such a pair would count once, as transversal, and as complementary when classes differ
  for (const other of p.mandatesOf[row.holder]!) {
    const q = ix.pos[other]!;
    if (q < 0 || !hasBit(c, q)) continue;
    v[0]! -= 1;
    if (p.mandates[other]!.fclass !== row.fclass) v[1]! -= 1;
    v[5]! -= 1;
  }
  if (ix.anyTime && ix.datedAt[position] === 1) {
    for (const q of groups.dated) {
      if (ix.holderAt[q] === row.holder || !hasBit(c, q)) continue;
      const other = ix.mandateAt(q);
      if (ix.validPair(m, other)) continue;
      const x = pairVector(p, m, other);
      for (let k = 0; k < 6; k += 1) v[k]! -= x[k]!;
    }
  }
  v[6] = duplicationsOf(ix, groups, m);
}

/** Valid partners of the loaded mandate that duplicate it, each counted at its first common named place. */
function duplicationsOf(ix: ScopeIndex, groups: Groups, m: number): number {
  const p = ix.p;
  const row = p.mandates[m]!;
  const c = ix.candidates;
  const lists = groups.duplicateCandidatesAt[ix.pos[m]!]!;
  let duplication = 0;
  for (let k = 0; k < lists.length; k += 1) {
    const list = lists[k]!;
    for (let i = 0; i < list.length; i += 1) {
      const position = list[i]!;
      if (!hasBit(c, position) || ix.holderAt[position] === row.holder) continue;
      const other = ix.mandateAt(position);
      if (
        k > 0 &&
        row.places.slice(0, k).some((earlier) => p.mandates[other]!.places.includes(earlier))
      )
        continue;
      if (!ix.anyTime || ix.validPair(m, other)) duplication += 1;
    }
  }
  return duplication;
}

/** Masks and groups of a scope index, made once per index (the engine keeps an index per scope). */
const layouts = new WeakMap<ScopeIndex, { masks: Masks; groups: Groups }>();

function layoutOf(ix: ScopeIndex): { masks: Masks; groups: Groups } {
  let layout = layouts.get(ix);
  if (!layout) {
    layout = { masks: buildMasks(ix), groups: groupPositions(ix) };
    layouts.set(ix, layout);
  }
  return layout;
}

export function summariseOverlaps(ix: ScopeIndex, top: number): OverlapSummary {
  const p = ix.p;
  const { masks, groups } = layoutOf(ix);
  const sums = new Float64Array(7);
  const pairs = new TopPairs(p, top);
  const v = new Float64Array(7);
  for (let a = 0; a < p.actors.length; a += 1) {
    for (const m of p.mandatesOf[a]!) {
      if (ix.pos[m]! < 0) continue;
      ix.loadCandidates(m);
      countMandate(ix, masks, groups, m, v);
      for (let k = 0; k < 7; k += 1) sums[k]! += v[k]!;
      if (top > 0) pairs.addPartnersOf(ix, m);
    }
    pairs.flush(a);
  }
  const half = (k: number) => Math.round(sums[k]! / 2);
  const total = half(0);
  const complementary = half(1);
  const duplication = half(6);
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
    topPairs: pairs.best().map(({ a, b, count }) => describePair(ix, a, b, count, connected(a, b))),
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
    ix.loadCandidates(m);
    for (const other of p.mandatesOf[b]!) {
      const q = ix.pos[other]!;
      if (q < 0 || !hasBit(ix.candidates, q) || !ix.validPair(m, other)) continue;
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
