/**
 * Brandes' betweenness centrality (unweighted, undirected) over a CSR graph.
 * The kernel (kernel/betweenness.c, WebAssembly) runs 32 sources at a time;
 * the pool splits the sources across worker threads. Main function here:
 * betweenness (exact, inline, for the small networks of a team).
 */
import { planBetweenness, type BetweennessPlan } from './betweenness-plan.js';
import { dependencySums } from './kernel/betweenness-kernel.js';
import type { Csr } from './network.js';

/** `k` of the nodes 0..n-1, spread evenly: the sources of a sampled approximation. */
export function spreadSample(n: number, k: number): Int32Array {
  const count = Math.min(k, n);
  return Int32Array.from({ length: count }, (_, i) => Math.floor((i * n) / count));
}

/**
 * Betweenness by node of the original network, from the kernel's sums over the
 * plan's renumbered nodes: plus the folded leaves' dependencies when the sums
 * came from the plan's own sources, times `scale`.
 */
export function valuesByNode(
  plan: BetweennessPlan,
  sums: Float64Array,
  scale: number,
  folded: boolean,
): Float64Array {
  return Float64Array.from({ length: plan.csr.n }, (_, v) => {
    const k = plan.position[v]!;
    return (sums[k]! + (folded ? plan.extra[k]! : 0)) * scale;
  });
}

/** Exact betweenness, inline: for the small networks of a team. */
export function betweenness(csr: Csr): Float64Array {
  const plan = planBetweenness(csr);
  return valuesByNode(plan, dependencySums(plan.csr, plan.sources, plan.weights), 0.5, true);
}
