/**
 * What the betweenness kernel runs on: the network with its leaves folded into
 * their neighbours, renumbered in breadth-first order, and the sources that
 * stand for a set of the original nodes. Main functions: planBetweenness,
 * foldSources.
 */
import { components, type Csr } from './network.js';

export interface BetweennessPlan {
  /** The core network: the original with its folded leaves left out, renumbered. */
  csr: Csr;
  /** Core node of each original node, or -1 for a folded leaf. */
  position: Int32Array;
  /** Core node each original node stands in: itself, or a folded leaf's neighbour. */
  host: Int32Array;
  /** How many targets each core node stands for: itself and its folded leaves. */
  targetWeights: Float64Array;
  /** What one folded leaf, as a source, puts on its neighbour: |C| − 2 (by core node). */
  leafShare: Float64Array;
}

/**
 * Breadth-first order, starting from the node of highest degree, then from each
 * unreached node in turn; a node's neighbours are taken busiest first. Nodes
 * near one another get nearby numbers, so the kernel's reads stay close in
 * memory: 1.0 against 0.53 ms a source on the synthetic country, unnumbered
 * against numbered so (0.57 with neighbours taken in stored order).
 */
export function breadthFirstOrder(csr: Csr): Int32Array {
  const { n, offsets, targets } = csr;
  const degree = (v: number): number => offsets[v + 1]! - offsets[v]!;
  // Neighbour lists in order of falling degree: each node, busiest first, is
  // appended to the lists of its neighbours.
  const byDegree = Int32Array.from({ length: n }, (_, v) => v).sort(
    (a, b) => degree(b) - degree(a) || a - b,
  );
  const busiest = new Int32Array(targets.length);
  const fill = offsets.slice(0, n);
  for (const u of byDegree) {
    for (let k = offsets[u]!, end = offsets[u + 1]!; k < end; k += 1) {
      const v = targets[k]!;
      busiest[fill[v]!++] = u;
    }
  }
  const order = new Int32Array(n);
  const reached = new Uint8Array(n);
  let tail = 0;
  for (let i = -1; i < n; i += 1) {
    const start = i < 0 ? (byDegree[0] ?? 0) : i;
    if (n === 0 || reached[start] === 1) continue;
    reached[start] = 1;
    let head = tail;
    order[tail++] = start;
    while (head < tail) {
      const v = order[head++]!;
      for (let k = offsets[v]!, end = offsets[v + 1]!; k < end; k += 1) {
        const w = busiest[k]!;
        if (reached[w] === 0) {
          reached[w] = 1;
          order[tail++] = w;
        }
      }
    }
  }
  return order;
}

/**
 * `csr` with node `order[i]` renumbered i; each node's neighbours ascending.
 * Nodes `order` leaves out are dropped with their arcs (position -1).
 */
export function renumber(csr: Csr, order: Int32Array): { csr: Csr; position: Int32Array } {
  const { offsets, targets } = csr;
  const n = order.length;
  const position = new Int32Array(csr.n).fill(-1);
  for (let i = 0; i < n; i += 1) position[order[i]!] = i;
  const newOffsets = new Int32Array(n + 1);
  const newTargets = new Int32Array(targets.length);
  let k2 = 0;
  for (let i = 0; i < n; i += 1) {
    const v = order[i]!;
    const start = k2;
    for (let k = offsets[v]!, end = offsets[v + 1]!; k < end; k += 1) {
      const to = position[targets[k]!]!;
      if (to >= 0) newTargets[k2++] = to;
    }
    newOffsets[i + 1] = k2;
    newTargets.subarray(start, k2).sort();
  }
  return { csr: { n, offsets: newOffsets, targets: newTargets.slice(0, k2) }, position };
}

function componentSizes(csr: Csr): Int32Array {
  const label = components(csr);
  const count = new Int32Array(csr.n);
  for (const c of label) count[c]! += 1;
  return label.map((c) => count[c]!);
}

/** Nodes of degree one whose neighbour has more: the leaves the plan folds. */
function foldedLeaves(csr: Csr): Uint8Array {
  const { n, offsets, targets } = csr;
  const degree = (v: number): number => offsets[v + 1]! - offsets[v]!;
  const leaf = new Uint8Array(n);
  for (let v = 0; v < n; v += 1) {
    if (degree(v) === 1 && degree(targets[offsets[v]!]!) > 1) leaf[v] = 1;
  }
  return leaf;
}

/**
 * The sources for the kernel that stand for `nodes` of the original network:
 * each folded leaf is counted on its neighbour, and what the leaf adds on that
 * neighbour is returned as `extra`. Sources that reach nothing are left out.
 */
export function foldSources(
  plan: BetweennessPlan,
  nodes: Int32Array,
): { sources: Int32Array; weights: Float64Array; extra: Float64Array } {
  const { csr, host, position } = plan;
  const count = new Float64Array(csr.n);
  const extra = new Float64Array(csr.n);
  for (const v of nodes) {
    const h = host[v]!;
    count[h]! += 1;
    if (position[v]! < 0) extra[h]! += plan.leafShare[h]!;
  }
  let used = 0;
  const reaches = (h: number): boolean => csr.offsets[h + 1]! > csr.offsets[h]!;
  for (let h = 0; h < csr.n; h += 1) if (count[h]! > 0 && reaches(h)) used += 1;
  const sources = new Int32Array(used);
  const weights = new Float64Array(used);
  for (let h = 0, i = 0; h < csr.n; h += 1) {
    if (count[h]! === 0 || !reaches(h)) continue;
    sources[i] = h;
    weights[i++] = count[h]!;
  }
  return { sources, weights, extra };
}

/**
 * Folds leaves (nodes of degree one whose neighbour p has more) into p.
 * - As sources: every shortest path from a leaf runs through p, so the leaf's
 *   dependencies equal p's, except on p itself, which lies on the leaf's paths
 *   to every other node of the component: |C| − 2 (see foldSources).
 * - As targets: a leaf is reached only through p, with p's path count, so in
 *   any other source's search p stands for it too. The kernel counts p as
 *   1 + its leaves in Brandes' recurrence, and the leaf itself, never between
 *   two others, has betweenness 0.
 * The searches then run on the rest (13% fewer nodes on the synthetic country).
 */
export function planBetweenness(csr: Csr): BetweennessPlan {
  const leaf = foldedLeaves(csr);
  const size = componentSizes(csr);
  const core = renumber(
    csr,
    breadthFirstOrder(csr).filter((v) => leaf[v] === 0),
  );
  const host = core.position.slice();
  const targetWeights = new Float64Array(core.csr.n).fill(1);
  const leafShare = new Float64Array(core.csr.n);
  for (let v = 0; v < csr.n; v += 1) {
    if (leaf[v] === 0) continue;
    const h = core.position[csr.targets[csr.offsets[v]!]!]!;
    host[v] = h;
    targetWeights[h]! += 1;
    leafShare[h] = size[v]! - 2;
  }
  return { csr: core.csr, position: core.position, host, targetWeights, leafShare };
}
