/**
 * The overlap of two mandates, decided and explained pair by pair
 * (DESIGN.md, "Overlap"). The counting engine must agree with these rules.
 */
import { FUNCTION_CLASSES } from '../model/index.js';
import { isAncestorOrSelf } from './projection.js';
import type { Projection } from './projection.js';
import { intervalsMeet, issuesRelated, placesIntersect } from './scope.js';

export const OVERLAP_KINDS = [
  'transversal',
  'intergovernmental',
  'cross_boundary',
  'cross_sector',
] as const;
export type OverlapKind = (typeof OVERLAP_KINDS)[number];
export const OVERLAP_NATURES = ['duplication', 'concurrent', 'complementary'] as const;
export type OverlapNature = (typeof OVERLAP_NATURES)[number];

export interface Overlap {
  /** The two mandate ids, ordered. */
  mandateIds: [string, string];
  kinds: OverlapKind[];
  nature: OverlapNature;
  sharedIssueIds: string[];
  sharedPlaceIds: string[];
  because: string[];
}

/** Whether two in-scope mandates overlap; `anyTime` adds the validity-interval condition. */
export function overlapsWith(p: Projection, a: number, b: number, anyTime: boolean): boolean {
  const ma = p.mandates[a]!;
  const mb = p.mandates[b]!;
  if (ma.holder === mb.holder) return false;
  if (anyTime && !intervalsMeet(ma, mb)) return false;
  if (!ma.issues.some((i) => mb.issues.some((j) => issuesRelated(p, i, j)))) return false;
  return ma.places.some((x) => mb.places.some((y) => placesIntersect(p, x, y)));
}

export function overlapKinds(p: Projection, a: number, b: number): OverlapKind[] {
  const ha = p.actors[p.mandates[a]!.holder]!;
  const hb = p.actors[p.mandates[b]!.holder]!;
  const kinds: OverlapKind[] = [];
  if (ha.root === hb.root) kinds.push('transversal');
  if (ha.level >= 0 && hb.level >= 0 && ha.level !== hb.level) kinds.push('intergovernmental');
  if (
    ha.level >= 0 &&
    ha.level === hb.level &&
    ha.home >= 0 &&
    hb.home >= 0 &&
    ha.home !== hb.home
  ) {
    kinds.push('cross_boundary');
  }
  if (ha.sector !== hb.sector) kinds.push('cross_sector');
  return kinds;
}

/** Duplication: same class, equal holder levels (both unset counts as equal), a common named place. */
export function overlapNature(p: Projection, a: number, b: number): OverlapNature {
  const ma = p.mandates[a]!;
  const mb = p.mandates[b]!;
  if (ma.fclass !== mb.fclass) return 'complementary';
  const sameLevel = p.actors[ma.holder]!.level === p.actors[mb.holder]!.level;
  return sameLevel && ma.places.some((x) => mb.places.includes(x)) ? 'duplication' : 'concurrent';
}

/** The most specific of a set of tree nodes: none is an ancestor of another. */
function mostSpecific(tree: Projection['issues'], nodes: Set<number>): number[] {
  const list = [...nodes];
  return list.filter((n) => !list.some((o) => o !== n && isAncestorOrSelf(tree, n, o)));
}

export function describeOverlap(p: Projection, a: number, b: number): Overlap {
  const [first, second] = p.mandates[a]!.id < p.mandates[b]!.id ? [a, b] : [b, a];
  const ma = p.mandates[first]!;
  const mb = p.mandates[second]!;
  const issues = new Set<number>();
  for (const i of ma.issues) {
    for (const j of mb.issues) {
      if (isAncestorOrSelf(p.issues, i, j)) issues.add(j);
      else if (isAncestorOrSelf(p.issues, j, i)) issues.add(i);
    }
  }
  const places = new Set<number>();
  for (const x of ma.places) {
    for (const y of mb.places) {
      if (isAncestorOrSelf(p.places, x, y)) places.add(y);
      else if (isAncestorOrSelf(p.places, y, x)) places.add(x);
      else if (placesIntersect(p, x, y)) places.add(x).add(y);
    }
  }
  const kinds = overlapKinds(p, first, second);
  const nature = overlapNature(p, first, second);
  const sharedIssueIds = mostSpecific(p.issues, issues)
    .map((i) => p.issues.ids[i]!)
    .sort();
  const sharedPlaceIds = mostSpecific(p.places, places)
    .map((j) => p.places.ids[j]!)
    .sort();
  const ha = p.actors[ma.holder]!;
  const hb = p.actors[mb.holder]!;
  const classA = FUNCTION_CLASSES[ma.fclass]!;
  const classB = FUNCTION_CLASSES[mb.fclass]!;
  const because = [
    `${ha.entity.name} holds '${ma.entity.title}' (${ma.entity.function}, ${classA}); ${hb.entity.name} holds '${mb.entity.title}' (${mb.entity.function}, ${classB})`,
    `both address ${sharedIssueIds.join(', ')} in ${sharedPlaceIds.join(', ')}`,
    ...kinds.map((k) => KIND_REASON[k](ha.entity, hb.entity)),
    NATURE_REASON[nature],
  ];
  return { mandateIds: [ma.id, mb.id], kinds, nature, sharedIssueIds, sharedPlaceIds, because };
}

type Named = { name: string; levelId?: string; jurisdictionId?: string; sector: string };
const KIND_REASON: Record<OverlapKind, (a: Named, b: Named) => string> = {
  transversal: () => 'transversal: both holders belong to the same organisation',
  intergovernmental: (a, b) =>
    `intergovernmental: ${a.levelId} and ${b.levelId} levels of government`,
  cross_boundary: (a, b) =>
    `cross-boundary: same level, home jurisdictions ${a.jurisdictionId} and ${b.jurisdictionId}`,
  cross_sector: (a, b) => `cross-sector: ${a.sector} and ${b.sector} sectors`,
};
const NATURE_REASON: Record<OverlapNature, string> = {
  duplication: 'duplication: same function class, same level, and both name a common jurisdiction',
  concurrent: 'concurrent: same function class',
  complementary: 'complementary: different function classes',
};
