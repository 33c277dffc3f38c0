/**
 * The projection: an indexed, in-memory copy of the graph that every analysis
 * reads. Entities get dense indices; issue and place trees get Euler tours so
 * "is ancestor of" is two comparisons; place intersection is a precomputed
 * bit matrix. Main function: buildProjection.
 */
import { FUNCTION_CLASS_OF, FUNCTION_CLASSES } from '../model/index.js';
import type {
  Actor,
  FunctionClass,
  GraphState,
  IssueArea,
  Jurisdiction,
  Mandate,
  Stored,
} from '../model/index.js';
import { newBitset, orInto, setBit } from './bitset.js';
import type { Bitset } from './bitset.js';

export interface Tree {
  ids: string[];
  index: Map<string, number>;
  parent: Int32Array;
  /** Euler tour: a is an ancestor-or-self of b iff tin[a] <= tin[b] && tout[b] <= tout[a]. */
  tin: Int32Array;
  tout: Int32Array;
  depth: Int32Array;
  children: number[][];
}

/** Indices of a forest given by parent ids; unknown parents make roots. */
export function buildTree(items: readonly { id: string; parentId?: string }[]): Tree {
  const ids = items.map((i) => i.id).sort();
  const index = new Map(ids.map((id, i) => [id, i]));
  const n = ids.length;
  const parent = new Int32Array(n).fill(-1);
  const children: number[][] = Array.from({ length: n }, () => []);
  for (const item of items) {
    const p = item.parentId === undefined ? undefined : index.get(item.parentId);
    if (p !== undefined) {
      parent[index.get(item.id)!] = p;
    }
  }
  for (let i = 0; i < n; i += 1) if (parent[i]! >= 0) children[parent[i]!]!.push(i);
  const tin = new Int32Array(n);
  const tout = new Int32Array(n);
  const depth = new Int32Array(n);
  let clock = 0;
  const stack: [number, number][] = [];
  for (let root = 0; root < n; root += 1) {
    if (parent[root]! >= 0) continue;
    stack.push([root, 0]);
    tin[root] = clock++;
    while (stack.length > 0) {
      const top = stack[stack.length - 1]!;
      const [node, next] = top;
      const kids = children[node]!;
      if (next < kids.length) {
        top[1] += 1;
        const child = kids[next]!;
        depth[child] = depth[node]! + 1;
        tin[child] = clock++;
        stack.push([child, 0]);
      } else {
        tout[node] = clock - 1;
        stack.pop();
      }
    }
  }
  return { ids, index, parent, tin, tout, depth, children };
}

export function isAncestorOrSelf(tree: Tree, a: number, b: number): boolean {
  return tree.tin[a]! <= tree.tin[b]! && tree.tout[b]! <= tree.tout[a]!;
}

export function ancestorsOrSelf(tree: Tree, node: number): number[] {
  const out: number[] = [];
  for (let n = node; n >= 0; n = tree.parent[n]!) out.push(n);
  return out;
}

export function subtree(tree: Tree, node: number): number[] {
  const out: number[] = [];
  const stack = [node];
  while (stack.length > 0) {
    const n = stack.pop()!;
    out.push(n);
    stack.push(...tree.children[n]!);
  }
  return out;
}

export interface MandateRow {
  id: string;
  holder: number;
  issues: number[];
  places: number[];
  fclass: number;
  /** yyyy-mm-dd or '' when open. */
  from: string;
  to: string;
  entity: Stored<Mandate>;
}

export interface ActorRow {
  id: string;
  root: number;
  /** Level index or -1. */
  level: number;
  levelRank: number;
  home: number;
  sector: string;
  entity: Stored<Actor>;
}

export interface Projection {
  version: number;
  state: GraphState;
  issues: Tree;
  places: Tree;
  /** intersects[a] has bit b when places a and b intersect (DESIGN.md, "Place relation"). */
  intersects: Bitset[];
  levels: { ids: string[]; index: Map<string, number>; rank: number[] };
  actors: ActorRow[];
  actorIndex: Map<string, number>;
  mandates: MandateRow[];
  mandateIndex: Map<string, number>;
  mandatesOf: number[][];
  /** Mandates naming each place, and each issue. */
  mandatesByPlace: number[][];
  mandatesByIssue: number[][];
  issueEntities: Stored<IssueArea>[];
  placeEntities: Stored<Jurisdiction>[];
}

export const CLASS_INDEX: Readonly<Record<FunctionClass, number>> = Object.fromEntries(
  FUNCTION_CLASSES.map((c, i) => [c, i]),
) as Record<FunctionClass, number>;

function buildIntersections(places: Tree, entities: Stored<Jurisdiction>[]): Bitset[] {
  const n = places.ids.length;
  // up[a]: ancestors-or-self of every place declared to overlap a place in a's subtree
  const up: Bitset[] = Array.from({ length: n }, () => newBitset(n));
  const overlapsOf: number[][] = Array.from({ length: n }, () => []);
  for (const j of entities) {
    const a = places.index.get(j.id)!;
    for (const other of j.overlaps) {
      const b = places.index.get(other);
      if (b === undefined) continue;
      overlapsOf[a]!.push(b);
      overlapsOf[b]!.push(a);
    }
  }
  const order = [...Array(n).keys()].sort((a, b) => places.depth[b]! - places.depth[a]!);
  for (const a of order) {
    for (const b of overlapsOf[a]!) for (const x of ancestorsOrSelf(places, b)) setBit(up[a]!, x);
    const p = places.parent[a]!;
    if (p >= 0) orInto(up[p]!, up[a]!);
  }
  // with ancestors and descendants added, row a is exactly "intersects a", which is symmetric by definition
  const rows = up;
  for (let a = 0; a < n; a += 1) {
    for (const x of ancestorsOrSelf(places, a)) setBit(rows[a]!, x);
    for (const x of subtree(places, a)) setBit(rows[a]!, x);
  }
  return rows;
}

export function buildProjection(state: GraphState): Projection {
  const e = state.entities;
  const issueEntities = [...e.issue.values()];
  const placeEntities = [...e.jurisdiction.values()];
  const issues = buildTree(issueEntities);
  const places = buildTree(placeEntities);
  const levelList = [...e.level.values()].sort((a, b) => a.rank - b.rank || (a.id < b.id ? -1 : 1));
  const levels = {
    ids: levelList.map((l) => l.id),
    index: new Map(levelList.map((l, i) => [l.id, i])),
    rank: levelList.map((l) => l.rank),
  };
  const actorList = [...e.actor.values()].sort((a, b) => (a.id < b.id ? -1 : 1));
  const actorIndex = new Map(actorList.map((a, i) => [a.id, i]));
  const actorTree = buildTree(actorList);
  const rootOf = (i: number): number => {
    let n = actorTree.index.get(actorList[i]!.id)!;
    while (actorTree.parent[n]! >= 0) n = actorTree.parent[n]!;
    return actorIndex.get(actorTree.ids[n]!)!;
  };
  const actors: ActorRow[] = actorList.map((a, i) => {
    const level = a.levelId === undefined ? -1 : (levels.index.get(a.levelId) ?? -1);
    return {
      id: a.id,
      root: rootOf(i),
      level,
      levelRank: level >= 0 ? levels.rank[level]! : 0,
      home: a.jurisdictionId === undefined ? -1 : (places.index.get(a.jurisdictionId) ?? -1),
      sector: a.sector,
      entity: a,
    };
  });
  const mandateList = [...e.mandate.values()].sort((a, b) => (a.id < b.id ? -1 : 1));
  const mandatesOf: number[][] = actors.map(() => []);
  const mandates: MandateRow[] = mandateList.map((m, i) => {
    const holder = actorIndex.get(m.holderId)!;
    mandatesOf[holder]!.push(i);
    return {
      id: m.id,
      holder,
      issues: m.issueIds.map((id) => issues.index.get(id)!),
      places: m.jurisdictionIds.map((id) => places.index.get(id)!),
      fclass: CLASS_INDEX[FUNCTION_CLASS_OF[m.function]],
      from: m.validFrom ?? '',
      to: m.validTo ?? '',
      entity: m,
    };
  });
  const mandatesByPlace: number[][] = places.ids.map(() => []);
  const mandatesByIssue: number[][] = issues.ids.map(() => []);
  mandates.forEach((m, i) => {
    for (const j of new Set(m.places)) mandatesByPlace[j]!.push(i);
    for (const x of new Set(m.issues)) mandatesByIssue[x]!.push(i);
  });
  return {
    version: state.version,
    state,
    mandatesByPlace,
    mandatesByIssue,
    issues,
    places,
    intersects: buildIntersections(places, placeEntities),
    levels,
    actors,
    actorIndex,
    mandates,
    mandateIndex: new Map(mandates.map((m, i) => [m.id, i])),
    mandatesOf,
    issueEntities,
    placeEntities,
  };
}
