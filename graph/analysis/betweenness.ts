/**
 * Brandes' betweenness centrality (unweighted, undirected) over a CSR graph,
 * 32 sources at a time: bit i of a node's word stands for source i of the
 * batch, so one pass over a node's arcs advances all 32 searches. Main
 * functions: dependencySums (the kernel, split across worker threads by the
 * pool) and betweenness (inline, for small networks).
 */
import { planBetweenness } from './betweenness-plan.js';
import type { Csr } from './network.js';

const LANES = 32;

/**
 * Σ over `sources` of weight × Brandes dependency δ_s(v), for every node v.
 * For undirected graphs halve the sum over all sources.
 *
 * Per batch: a level-synchronous search whose frontier words say which of the
 * batch's searches reached each node at this level; σ (shortest-path counts) is
 * added along each arc for the searches whose bit the arc carries. Backwards,
 * with γ(v) = (1 + δ(v)) / σ(v), Brandes' recurrence becomes
 * γ(u) = 1/σ(u) + Σ γ(w) over u's successors w, and δ(u) = σ(u)·γ(u) − 1.
 * Nodes are visited in number order at every level, which keeps memory access
 * close when the graph is numbered breadth-first (see betweenness-plan.ts).
 */
export function dependencySums(csr: Csr, sources: Int32Array, weights: Float64Array): Float64Array {
  const { n, offsets, targets } = csr;
  const sums = new Float64Array(n);
  const sigma = new Float64Array(n * LANES);
  const gamma = new Float64Array(n * LANES);
  const seen = new Int32Array(n);
  const levels: Int32Array[] = [new Int32Array(n)];
  const laneWeight = new Float64Array(LANES);
  for (let b = 0; b < sources.length; b += LANES) {
    const batch = Math.min(LANES, sources.length - b);
    const first = levels[0]!;
    laneWeight.fill(0);
    for (let i = 0; i < batch; i += 1) {
      const s = sources[b + i]!;
      first[s]! |= 1 << i;
      seen[s]! |= 1 << i;
      sigma[s * LANES + i] = 1;
      laneWeight[i] = weights[b + i]!;
    }
    let depth = 0;
    for (;;) {
      const frontier = levels[depth]!;
      if (levels.length === depth + 1) levels.push(new Int32Array(n));
      const next = levels[depth + 1]!;
      let grew = false;
      for (let u = 0; u < n; u += 1) {
        const fu = frontier[u]!;
        if (fu === 0) continue;
        const ub = u * LANES;
        for (let k = offsets[u]!, end = offsets[u + 1]!; k < end; k += 1) {
          const v = targets[k]!;
          let m = fu & ~seen[v]!;
          if (m === 0) continue;
          next[v]! |= m;
          grew = true;
          const vb = v * LANES;
          do {
            const low = m & -m;
            const lane = 31 - Math.clz32(low);
            m ^= low;
            sigma[vb + lane]! += sigma[ub + lane]!;
          } while (m !== 0);
        }
      }
      if (!grew) break;
      for (let v = 0; v < n; v += 1) seen[v]! |= next[v]!;
      depth += 1;
    }
    for (let i = 0, end = n * LANES; i < end; i += 1) {
      const s = sigma[i]!;
      gamma[i] = s === 0 ? 0 : 1 / s;
    }
    // Level 0 holds the sources, whose own dependency is not counted.
    for (let level = depth - 1; level >= 1; level -= 1) {
      const here = levels[level]!;
      const after = levels[level + 1]!;
      for (let u = 0; u < n; u += 1) {
        const lu = here[u]!;
        if (lu === 0) continue;
        const ub = u * LANES;
        for (let k = offsets[u]!, end = offsets[u + 1]!; k < end; k += 1) {
          const w = targets[k]!;
          let m = lu & after[w]!;
          if (m === 0) continue;
          const wb = w * LANES;
          do {
            const low = m & -m;
            const lane = 31 - Math.clz32(low);
            m ^= low;
            gamma[ub + lane]! += gamma[wb + lane]!;
          } while (m !== 0);
        }
      }
    }
    for (let v = 0; v < n; v += 1) {
      const vb = v * LANES;
      let sum = 0;
      for (let lane = 0; lane < batch; lane += 1) {
        const s = sigma[vb + lane]!;
        if (s !== 0) sum += laneWeight[lane]! * (s * gamma[vb + lane]! - 1);
      }
      sums[v]! += sum;
    }
    seen.fill(0);
    for (let level = 0; level <= depth + 1 && level < levels.length; level += 1)
      levels[level]!.fill(0);
    sigma.fill(0);
    gamma.fill(0);
  }
  return sums;
}

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
