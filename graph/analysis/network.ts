/**
 * The actor network: ties and shared partnership membership between actors,
 * as edges for display and as a compressed adjacency (CSR) for metrics.
 * Conflict ties are shown but do not connect. Main function: actorNetwork.
 */
import type { Projection } from './projection.js';

export interface NetworkEdge {
  a: number;
  b: number;
  /** Tie kinds and partnership ids that join the two actors. */
  tieKinds: string[];
  partnershipIds: string[];
  /** False when the only link is a conflict tie. */
  connects: boolean;
}

export interface Csr {
  n: number;
  offsets: Int32Array;
  targets: Int32Array;
}

export interface ActorNetwork {
  /** Actor indices of the nodes, ascending; node k is actor nodes[k]. */
  nodes: number[];
  edges: NetworkEdge[];
  /** Over node positions, connecting edges only, both directions. */
  csr: Csr;
}

export interface Links {
  /** Indices into `ties` and `members`, per actor. */
  tiesOf: number[][];
  partnershipsOf: number[][];
  ties: { id: string; a: number; b: number; kind: string }[];
  members: { id: string; actors: number[] }[];
}

const linkCache = new WeakMap<Projection, Links>();

/** Ties and partnerships indexed by actor, built once per projection. */
export function linksOf(p: Projection): Links {
  let links = linkCache.get(p);
  if (links) return links;
  const tiesOf: number[][] = p.actors.map(() => []);
  const partnershipsOf: number[][] = p.actors.map(() => []);
  const ties = [...p.state.entities.tie.values()].map((t, k) => {
    const tie = {
      id: t.id,
      a: p.actorIndex.get(t.fromId)!,
      b: p.actorIndex.get(t.toId)!,
      kind: t.kind,
    };
    tiesOf[tie.a]!.push(k);
    tiesOf[tie.b]!.push(k);
    return tie;
  });
  const members = [...p.state.entities.partnership.values()].map((x, k) => {
    const actors = [...new Set(x.members.map((m) => p.actorIndex.get(m.actorId)!))];
    for (const a of actors) partnershipsOf[a]!.push(k);
    return { id: x.id, actors };
  });
  links = { tiesOf, partnershipsOf, ties, members };
  linkCache.set(p, links);
  return links;
}

export function actorNetwork(p: Projection, only?: ReadonlySet<number>): ActorNetwork {
  const include = (a: number) => !only || only.has(a);
  const links = linksOf(p);
  const nodes = only ? [...only].sort((a, b) => a - b) : [...p.actors.keys()];
  const position = new Map(nodes.map((a, k) => [a, k]));
  const edges = new Map<string, NetworkEdge>();
  const edge = (x: number, y: number): NetworkEdge => {
    const [a, b] = x < y ? [x, y] : [y, x];
    const key = `${a}:${b}`;
    let e = edges.get(key);
    if (!e) edges.set(key, (e = { a, b, tieKinds: [], partnershipIds: [], connects: false }));
    return e;
  };
  const tieIds = only
    ? [...new Set([...only].flatMap((a) => links.tiesOf[a]!))]
    : [...links.ties.keys()];
  for (const k of tieIds.sort((x, y) => x - y)) {
    const tie = links.ties[k]!;
    if (!include(tie.a) || !include(tie.b)) continue;
    const e = edge(tie.a, tie.b);
    if (!e.tieKinds.includes(tie.kind)) e.tieKinds.push(tie.kind);
    if (tie.kind !== 'conflicts') e.connects = true;
  }
  const partnershipIds = only
    ? [...new Set([...only].flatMap((a) => links.partnershipsOf[a]!))]
    : [...links.members.keys()];
  for (const k of partnershipIds.sort((x, y) => x - y)) {
    const partnership = links.members[k]!;
    const members = partnership.actors.filter(include);
    for (let i = 0; i < members.length; i += 1) {
      for (let j = i + 1; j < members.length; j += 1) {
        const e = edge(members[i]!, members[j]!);
        e.partnershipIds.push(partnership.id);
        e.connects = true;
      }
    }
  }
  const list = [...edges.values()].sort((x, y) => x.a - y.a || x.b - y.b);
  return {
    nodes,
    edges: list,
    csr: toCsr(
      nodes.length,
      list.filter((e) => e.connects).map((e) => [position.get(e.a)!, position.get(e.b)!]),
    ),
  };
}

export function toCsr(n: number, pairs: readonly (readonly [number, number])[]): Csr {
  const degree = new Int32Array(n);
  for (const [a, b] of pairs) {
    degree[a]! += 1;
    degree[b]! += 1;
  }
  const offsets = new Int32Array(n + 1);
  for (let i = 0; i < n; i += 1) offsets[i + 1] = offsets[i]! + degree[i]!;
  const fill = offsets.slice(0, n);
  const targets = new Int32Array(offsets[n]!);
  for (const [a, b] of pairs) {
    targets[fill[a]!++] = b;
    targets[fill[b]!++] = a;
  }
  return { n, offsets, targets };
}

/** Connected components over connecting edges: a label per node, numbered from 0 by smallest node. */
export function components(csr: Csr): Int32Array {
  const label = new Int32Array(csr.n).fill(-1);
  const queue = new Int32Array(csr.n);
  let next = 0;
  for (let s = 0; s < csr.n; s += 1) {
    if (label[s] !== -1) continue;
    let head = 0;
    let tail = 0;
    queue[tail++] = s;
    label[s] = next;
    while (head < tail) {
      const v = queue[head++]!;
      for (let k = csr.offsets[v]!; k < csr.offsets[v + 1]!; k += 1) {
        const w = csr.targets[k]!;
        if (label[w] === -1) {
          label[w] = next;
          queue[tail++] = w;
        }
      }
    }
    next += 1;
  }
  return label;
}
