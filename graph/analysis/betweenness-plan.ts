/**
 * What the betweenness kernel runs on: the network renumbered in breadth-first
 * order, and the sources it needs once degree-one nodes are folded into their
 * neighbours. Main function: planBetweenness.
 */
import { components, type Csr } from './network.js';

export interface BetweennessPlan {
  /** The same network with node k of `csr` renumbered as `position[k]`. */
  csr: Csr;
  position: Int32Array;
  /** Renumbered sources, ascending, so a batch holds nodes near one another. */
  sources: Int32Array;
  /** How many sources each one stands for: itself and the leaves folded into it. */
  weights: Float64Array;
  /** Dependencies the folded leaves put on their neighbour, by renumbered node. */
  extra: Float64Array;
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

/** `csr` with node `order[i]` renumbered i; each node's neighbours ascending. */
export function renumber(csr: Csr, order: Int32Array): { csr: Csr; position: Int32Array } {
  const { n, offsets, targets } = csr;
  const position = new Int32Array(n);
  for (let i = 0; i < n; i += 1) position[order[i]!] = i;
  const newOffsets = new Int32Array(n + 1);
  const newTargets = new Int32Array(targets.length);
  for (let i = 0; i < n; i += 1) {
    const v = order[i]!;
    const start = newOffsets[i]!;
    let k2 = start;
    for (let k = offsets[v]!, end = offsets[v + 1]!; k < end; k += 1) {
      newTargets[k2++] = position[targets[k]!]!;
    }
    newOffsets[i + 1] = k2;
    newTargets.subarray(start, k2).sort();
  }
  return { csr: { n, offsets: newOffsets, targets: newTargets }, position };
}

function componentSizes(csr: Csr): Int32Array {
  const label = components(csr);
  const count = new Int32Array(csr.n);
  for (const c of label) count[c]! += 1;
  return label.map((c) => count[c]!);
}

/**
 * Every shortest path from a leaf (a node of degree one) runs through its one
 * neighbour p, so the leaf's dependencies equal p's, except on p itself, which
 * lies on the leaf's paths to every other node of the component: |C| − 2. The
 * leaf need not be a source; p counts twice. Isolated nodes depend on nothing.
 */
export function planBetweenness(csr: Csr): BetweennessPlan {
  const renumbered = renumber(csr, breadthFirstOrder(csr));
  const { n, offsets, targets } = renumbered.csr;
  const degree = (v: number): number => offsets[v + 1]! - offsets[v]!;
  const size = componentSizes(renumbered.csr);
  const weights = new Float64Array(n);
  const extra = new Float64Array(n);
  for (let v = 0; v < n; v += 1) {
    const d = degree(v);
    if (d === 0) continue;
    const p = targets[offsets[v]!]!;
    if (d === 1 && degree(p) > 1) {
      weights[p]! += 1;
      extra[p]! += size[p]! - 2;
    } else {
      weights[v]! += 1;
    }
  }
  let count = 0;
  for (let v = 0; v < n; v += 1) if (weights[v]! > 0) count += 1;
  const sources = new Int32Array(count);
  const sourceWeights = new Float64Array(count);
  for (let v = 0, i = 0; v < n; v += 1) {
    if (weights[v]! === 0) continue;
    sources[i] = v;
    sourceWeights[i++] = weights[v]!;
  }
  return { ...renumbered, sources, weights: sourceWeights, extra };
}
