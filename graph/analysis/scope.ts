/** Scopes: which mandates an analysis looks at (DESIGN.md, "Scope"). */
import { GraphError } from '../errors.js';
import { forEachBit, hasBit } from './bitset.js';
import { ancestorsOrSelf, isAncestorOrSelf, subtree } from './projection.js';
import type { MandateRow, Projection } from './projection.js';

export interface Scope {
  issueId?: string;
  jurisdictionId?: string;
  /** A date (yyyy-mm-dd), or null for any time. */
  at: string | null;
}

export interface ResolvedScope {
  issue: number;
  place: number;
  at: string | null;
}

export function resolveScope(p: Projection, scope: Scope): ResolvedScope {
  const issue = scope.issueId === undefined ? -1 : p.issues.index.get(scope.issueId);
  if (issue === undefined) {
    throw new GraphError('NOT_FOUND', `no issue with id '${scope.issueId}'`, {
      type: 'issue',
      id: scope.issueId,
    });
  }
  const place = scope.jurisdictionId === undefined ? -1 : p.places.index.get(scope.jurisdictionId);
  if (place === undefined) {
    throw new GraphError('NOT_FOUND', `no jurisdiction with id '${scope.jurisdictionId}'`, {
      type: 'jurisdiction',
      id: scope.jurisdictionId,
    });
  }
  return { issue, place, at: scope.at };
}

export function issuesRelated(p: Projection, a: number, b: number): boolean {
  return isAncestorOrSelf(p.issues, a, b) || isAncestorOrSelf(p.issues, b, a);
}

export function placesIntersect(p: Projection, a: number, b: number): boolean {
  return hasBit(p.intersects[a]!, b);
}

export function validOn(m: MandateRow, at: string): boolean {
  return (m.from === '' || m.from <= at) && (m.to === '' || at <= m.to);
}

/** Two validity intervals meet (bounds inclusive; open ends reach forever). */
export function intervalsMeet(a: MandateRow, b: MandateRow): boolean {
  return (
    (a.to === '' || b.from === '' || b.from <= a.to) &&
    (b.to === '' || a.from === '' || a.from <= b.to)
  );
}

export function inScope(p: Projection, m: MandateRow, s: ResolvedScope): boolean {
  if (s.at !== null && !validOn(m, s.at)) return false;
  if (s.issue >= 0 && !m.issues.some((i) => issuesRelated(p, i, s.issue))) return false;
  if (s.place >= 0 && !m.places.some((j) => placesIntersect(p, j, s.place))) return false;
  return true;
}

/** Indices of the in-scope mandates, in id order. Candidates come from the place or issue index. */
export function scopedMandates(p: Projection, s: ResolvedScope): number[] {
  let candidates: Iterable<number>;
  if (s.place >= 0) {
    const found = new Set<number>();
    forEachBit(p.intersects[s.place]!, (q) => {
      for (const m of p.mandatesByPlace[q]!) found.add(m);
    });
    candidates = found;
  } else if (s.issue >= 0) {
    const found = new Set<number>();
    for (const i of new Set([
      ...ancestorsOrSelf(p.issues, s.issue),
      ...subtree(p.issues, s.issue),
    ])) {
      for (const m of p.mandatesByIssue[i]!) found.add(m);
    }
    candidates = found;
  } else {
    candidates = p.mandates.keys();
  }
  const out: number[] = [];
  for (const i of candidates) if (inScope(p, p.mandates[i]!, s)) out.push(i);
  return out.sort((a, b) => a - b);
}
