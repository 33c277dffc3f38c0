/**
 * Brandes' betweenness centrality (unweighted, undirected) over a CSR graph.
 * The kernel (kernel/betweenness.c, WebAssembly) runs 32 sources at a time;
 * the pool splits the sources across worker threads. Main function here:
 * betweenness (exact, inline, for the small networks of a team).
 */
import { foldSources, planBetweenness, type BetweennessPlan } from './betweenness-plan.js';
import { dependencySums } from './kernel/betweenness-kernel.js';
import type { Csr } from './network.js';

/** `k` of the nodes 0..n-1, spread evenly: the sources of a sampled approximation. */
export function spreadSample(n: number, k: number): Int32Array {
  const count = Math.min(k, n);
  return Int32Array.from({ length: count }, (_, i) => Math.floor((i * n) / count));
}

/**
 * Betweenness by node of the original network: for core nodes, the kernel's
 * sums and what folded sources add (foldSources), times `scale`; for nodes of
 * folded trees, their exact value.
 */
export function valuesByNode(
  plan: BetweennessPlan,
  sums: Float64Array,
  extra: Float64Array,
  scale: number,
): Float64Array {
  return Float64Array.from(plan.position, (k, v) =>
    k < 0 ? plan.treeValues[v]! : (sums[k]! + extra[k]!) * scale,
  );
}

/** Every node of a network of `n`: the sources of an exact run. */
export function everyNode(n: number): Int32Array {
  return Int32Array.from({ length: n }, (_, v) => v);
}

/** Exact betweenness, inline: for the small networks of a team. */
export function betweenness(csr: Csr): Float64Array {
  const plan = planBetweenness(csr);
  const { sources, weights, extra } = foldSources(plan, everyNode(csr.n));
  const sums = dependencySums(plan.csr, sources, weights, { targetWeights: plan.targetWeights });
  return valuesByNode(plan, sums, extra, 0.5);
}
