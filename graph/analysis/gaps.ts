/**
 * Gaps (DESIGN.md, "Gaps"): coverage per unit x issue x function class,
 * collaboration between overlapping actors with no link, engagement of strong
 * stakeholders left out. Main functions: coverageGaps, collaborationGaps, engagementGaps.
 */
import { FUNCTION_CLASSES } from '../model/index.js';
import type { FunctionClass, JurisdictionKind } from '../model/index.js';
import { hasBit, newBitset, setBit } from './bitset.js';
import type { Bitset } from './bitset.js';
import { connectedActors } from './connections.js';
import { ancestorsOrSelf, subtree } from './projection.js';
import type { Projection } from './projection.js';
import { issuesRelated, placesIntersect, validOn } from './scope.js';
import type { ResolvedScope } from './scope.js';
import type { ScopeIndex } from './scope-index.js';

export interface CoverageGap {
  kind: 'coverage';
  status: 'gap' | 'partial';
  issueId: string;
  jurisdictionId: string;
  functionClass: FunctionClass;
  /** Mandates whose place only intersects the unit (partial). */
  mandateIds: string[];
  because: string[];
}

/** Issue index -> class -> places named by valid mandates of that class on the issue or an ancestor. */
function placesByIssueAndClass(p: Projection, at: string | null): Bitset[][] {
  const named: Bitset[][] = p.issues.ids.map(() =>
    FUNCTION_CLASSES.map(() => newBitset(p.places.ids.length)),
  );
  for (const m of p.mandates) {
    if (at !== null && !validOn(m, at)) continue;
    for (const i of m.issues) for (const j of m.places) setBit(named[i]![m.fclass]!, j);
  }
  const inherited: Bitset[][] = named.map((row) => row.map((b) => b.slice()));
  const order = [...p.issues.ids.keys()].sort((a, b) => p.issues.depth[a]! - p.issues.depth[b]!);
  for (const i of order) {
    const parent = p.issues.parent[i]!;
    if (parent < 0) continue;
    inherited[i]!.forEach((bits, c) => {
      const up = inherited[parent]![c]!;
      for (let w = 0; w < bits.length; w += 1) bits[w]! |= up[w]!;
    });
  }
  return inherited;
}

function intersectsAny(row: Bitset, places: Bitset): boolean {
  for (let w = 0; w < row.length; w += 1) if ((row[w]! & places[w]!) !== 0) return true;
  return false;
}

/** One coverage gap, compactly: issue, unit and class indices, and whether it is partial. */
export interface CoverageCell {
  issue: number;
  unit: number;
  fclass: number;
  partial: boolean;
}

/** Every coverage gap in scope, in issue id, unit id, class order; describe the ones shown with describeCoverage. */
export function coverageGaps(
  p: Projection,
  s: ResolvedScope,
  unitKind: JurisdictionKind = 'municipality',
): CoverageCell[] {
  const units = p.placeEntities
    .filter((j) => j.kind === unitKind)
    .map((j) => p.places.index.get(j.id)!)
    .filter((u) => s.place < 0 || placesIntersect(p, u, s.place))
    .sort((a, b) => (p.places.ids[a]! < p.places.ids[b]! ? -1 : 1));
  const issues = (s.issue < 0 ? [...p.issues.ids.keys()] : subtree(p.issues, s.issue)).sort(
    (a, b) => (p.issues.ids[a]! < p.issues.ids[b]! ? -1 : 1),
  );
  const covered = placesByIssueAndClass(p, s.at);
  const out: CoverageCell[] = [];
  for (const i of issues) {
    for (const u of units) {
      const ancestors = ancestorsOrSelf(p.places, u);
      FUNCTION_CLASSES.forEach((fclass, c) => {
        const places = covered[i]![c]!;
        if (ancestors.some((a) => hasBit(places, a))) return;
        out.push({
          issue: i,
          unit: u,
          fclass: c,
          partial: intersectsAny(p.intersects[u]!, places),
        });
      });
    }
  }
  return out;
}

export function describeCoverage(
  p: Projection,
  cell: CoverageCell,
  at: string | null,
): CoverageGap {
  const { issue: i, unit: u, fclass: c, partial } = cell;
  const issueId = p.issues.ids[i]!;
  const jurisdictionId = p.places.ids[u]!;
  const functionClass = FUNCTION_CLASSES[c]!;
  const mandateIds = partial
    ? p.mandates
        .filter((m) => m.fclass === c && (at === null || validOn(m, at)))
        .filter((m) => m.issues.some((x) => ancestorsOrSelf(p.issues, i).includes(x)))
        .filter((m) => m.places.some((j) => placesIntersect(p, j, u)))
        .map((m) => m.id)
    : [];
  const what = `no valid ${functionClass} mandate on ${issueId} (or a broader issue)`;
  return {
    kind: 'coverage',
    status: partial ? 'partial' : 'gap',
    issueId,
    jurisdictionId,
    functionClass,
    mandateIds,
    because: partial
      ? [
          `${what} covers all of ${jurisdictionId}`,
          `only part of it is covered, by ${mandateIds.join(', ')}`,
        ]
      : [`${what} applies anywhere in ${jurisdictionId}`],
  };
}

export interface ActorGap {
  kind: 'collaboration' | 'engagement';
  actorIds: string[];
  issueId?: string;
  because: string[];
}

/** Pairs of actors that overlap in scope yet share no partnership and no (non-conflict) tie, in id order. */
export function* collaborationGaps(ix: ScopeIndex): Generator<ActorGap> {
  const p = ix.p;
  const connected = connectedActors(p);
  for (let a = 0; a < p.actors.length; a += 1) {
    const partners = new Map<number, { count: number; example: [number, number] }>();
    for (const m of p.mandatesOf[a]!) {
      if (ix.pos[m]! < 0) continue;
      for (const other of ix.partnersOf(m)) {
        const b = p.mandates[other]!.holder;
        if (b <= a) continue;
        const entry = partners.get(b);
        if (entry) entry.count += 1;
        else partners.set(b, { count: 1, example: [m, other] });
      }
    }
    for (const b of [...partners.keys()].sort((x, y) => x - y)) {
      if (connected(a, b)) continue;
      const { count, example } = partners.get(b)!;
      const [na, nb] = [p.actors[a]!.entity.name, p.actors[b]!.entity.name];
      yield {
        kind: 'collaboration',
        actorIds: [p.actors[a]!.id, p.actors[b]!.id],
        because: [
          `${na} and ${nb} hold ${count} overlapping mandate pair${count === 1 ? '' : 's'}, e.g. ${p.mandates[example[0]]!.id} and ${p.mandates[example[1]]!.id}`,
          'they share no partnership and no tie (a conflict tie does not connect)',
        ],
      };
    }
  }
}

export const ENGAGEMENT_THRESHOLD = 4;

/** Stakeholders with influence and interest >= 4 in an in-scope issue, in no partnership on a related issue. */
export function engagementGaps(p: Projection, s: ResolvedScope): ActorGap[] {
  const partnerships = [...p.state.entities.partnership.values()];
  const out: ActorGap[] = [];
  const interests = [...p.state.entities.interest.values()].sort((a, b) => (a.id < b.id ? -1 : 1));
  for (const interest of interests) {
    if (interest.influence < ENGAGEMENT_THRESHOLD || interest.interest < ENGAGEMENT_THRESHOLD)
      continue;
    const issue = p.issues.index.get(interest.issueId)!;
    if (s.issue >= 0 && !issuesRelated(p, issue, s.issue)) continue;
    const inPartnership = partnerships.some(
      (x) =>
        x.members.some((m) => m.actorId === interest.actorId) &&
        x.issueIds.some((id) => issuesRelated(p, p.issues.index.get(id)!, issue)),
    );
    if (inPartnership) continue;
    const name = p.actors[p.actorIndex.get(interest.actorId)!]!.entity.name;
    out.push({
      kind: 'engagement',
      actorIds: [interest.actorId],
      issueId: interest.issueId,
      because: [
        `${name} has influence ${interest.influence} and interest ${interest.interest} in ${interest.issueId} (${interest.stance})`,
        `it is a member of no partnership addressing ${interest.issueId} or a related issue`,
      ],
    });
  }
  return out;
}
