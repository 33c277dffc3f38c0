/**
 * Brandes' betweenness centrality (unweighted, undirected) over a CSR graph.
 * The kernel (kernel/betweenness.c, WebAssembly) runs 32 sources at a time;
 * the pool splits the sources across worker threads. Main function here:
 * betweenness (exact, inline, for the small networks of a team).
 */
import { planBetweenness } from './betweenness-plan.js';
import { dependencySums } from './kernel/betweenness-kernel.js';
import type { Csr } from './network.js';

/** `k` of the nodes 0..n-1, spread evenly: the sources of a sampled approximation. */
export function spreadSample(n: number, k: number): Int32Array {
  const count = Math.min(k, n);
  return Int32Array.from({ length: count }, (_, i) => Math.floor((i * n) / count));
}

/** Exact betweenness, inline: for the small networks of a team. */
export function betweenness(csr: Csr): Float64Array {
  const plan = planBetweenness(csr);
  const sums = dependencySums(plan.csr, plan.sources, plan.weights);
  return Float64Array.from({ length: csr.n }, (_, v) => {
    const k = plan.position[v]!;
    return (sums[k]! + plan.extra[k]!) / 2;
  });
}
