/** Communities of the actor network by Louvain (graphology), seeded so answers repeat. */
import graphology from 'graphology';
import type * as Graphology from 'graphology';
import louvainModule from 'graphology-communities-louvain';
import type { Csr } from './network.js';

// Both packages are CommonJS whose types declare an ES default export; at run time the default is module.exports.
const { UndirectedGraph } = graphology as unknown as typeof Graphology;
const louvain = louvainModule as unknown as (typeof louvainModule)['default'];

/** A deterministic generator for Louvain's random choices (mulberry32). */
function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A community label per node; isolated nodes get a community of their own. */
export function communities(csr: Csr): Int32Array {
  const graph = new UndirectedGraph();
  for (let v = 0; v < csr.n; v += 1) graph.addNode(String(v));
  for (let v = 0; v < csr.n; v += 1) {
    for (let k = csr.offsets[v]!; k < csr.offsets[v + 1]!; k += 1) {
      const w = csr.targets[k]!;
      if (v < w) graph.mergeEdge(String(v), String(w));
    }
  }
  const mapping = graph.size > 0 ? louvain(graph, { rng: seeded(42) }) : {};
  const label = new Int32Array(csr.n);
  const renumber = new Map<number, number>();
  for (let v = 0; v < csr.n; v += 1) {
    const raw = mapping[String(v)] ?? -1 - v;
    if (!renumber.has(raw)) renumber.set(raw, renumber.size);
    label[v] = renumber.get(raw)!;
  }
  return label;
}
