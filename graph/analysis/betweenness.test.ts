import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { betweenness, everyNode, valuesByNode } from './betweenness.js';
import { dependencySums } from './kernel/betweenness-kernel.js';
import { breadthFirstOrder, foldSources, planBetweenness } from './betweenness-plan.js';
import { toCsr, type Csr } from './network.js';

/** Betweenness by its definition: shortest paths from every node by plain BFS, counted pair by pair. */
function byDefinition(csr: Csr): number[] {
  const { n } = csr;
  const dist: number[][] = [];
  const count: number[][] = [];
  for (let s = 0; s < n; s += 1) {
    const d = Array<number>(n).fill(-1);
    const c = Array<number>(n).fill(0);
    d[s] = 0;
    c[s] = 1;
    const queue = [s];
    for (let h = 0; h < queue.length; h += 1) {
      const v = queue[h]!;
      for (let k = csr.offsets[v]!; k < csr.offsets[v + 1]!; k += 1) {
        const w = csr.targets[k]!;
        if (d[w] === -1) {
          d[w] = d[v]! + 1;
          queue.push(w);
        }
        if (d[w] === d[v]! + 1) c[w]! += c[v]!;
      }
    }
    dist.push(d);
    count.push(c);
  }
  const expected = Array<number>(n).fill(0);
  for (let s = 0; s < n; s += 1)
    for (let t = s + 1; t < n; t += 1)
      for (let v = 0; v < n; v += 1) {
        if (v === s || v === t || dist[s]![t]! < 0) continue;
        if (dist[s]![v]! >= 0 && dist[s]![v]! + dist[v]![t]! === dist[s]![t]!)
          expected[v]! += (count[s]![v]! * count[v]![t]!) / count[s]![t]!;
      }
  return expected;
}

/** Simple undirected graphs: no loops, no repeated pairs. */
function graphs(maxNodes: number, maxEdges: number): fc.Arbitrary<Csr> {
  return fc
    .integer({ min: 1, max: maxNodes })
    .chain((n) =>
      fc.tuple(
        fc.constant(n),
        fc.array(fc.tuple(fc.nat(n - 1), fc.nat(n - 1)), { maxLength: maxEdges }),
      ),
    )
    .map(([n, raw]) => {
      const seen = new Set<string>();
      const pairs = raw.filter(([a, b]) => {
        const key = a < b ? `${a}:${b}` : `${b}:${a}`;
        if (a === b || seen.has(key)) return false;
        seen.add(key);
        return true;
      });
      return toCsr(n, pairs);
    });
}

const path = (n: number): Csr =>
  toCsr(
    n,
    Array.from({ length: n - 1 }, (_, i) => [i, i + 1] as const),
  );

/** Node 0 joined to each of `leaves` others. */
const star = (leaves: number): Csr =>
  toCsr(
    leaves + 1,
    Array.from({ length: leaves }, (_, i) => [0, i + 1] as const),
  );

describe('betweenness', () => {
  it('matches hand-checked values on a small graph', () => {
    // A path a-b-c-d-e plus a triangle c-f-g.
    const csr = toCsr(7, [
      [0, 1],
      [1, 2],
      [2, 3],
      [3, 4],
      [2, 5],
      [5, 6],
      [6, 2],
    ]);
    // b: a to c,d,e,f,g (5); c: {a,b} x {d,e,f,g} and {d,e} x {f,g} (12); d: e to a,b,c,f,g (5)
    expect([...betweenness(csr)]).toEqual([0, 5, 12, 5, 0, 0, 0]);
  });

  it('gives a star centre every pair of its leaves, and the leaves nothing', () => {
    const leaves = 40;
    const values = betweenness(star(leaves));
    expect(values[0]).toBe((leaves * (leaves - 1)) / 2);
    expect(values.slice(1).every((x) => x === 0)).toBe(true);
  });

  it.each([
    { graphs: 'small random graphs', nodes: 10, edges: 25, digits: 9, runs: 200 },
    {
      graphs: 'graphs of several batches of 32 sources, with leaves, isolated nodes and components',
      nodes: 90,
      edges: 140,
      digits: 7,
      runs: 40,
    },
  ])('equals the definition on $graphs', ({ nodes, edges, digits, runs }) => {
    fc.assert(
      fc.property(graphs(nodes, edges), (csr) => {
        const actual = betweenness(csr);
        byDefinition(csr).forEach((x, v) => expect(actual[v]).toBeCloseTo(x, digits));
      }),
      { numRuns: runs },
    );
  });

  it('folds pendant trees into the node they hang from: fewer nodes and sources, same answer', () => {
    // A triangle 0-1-2 with a tree 3(4, 5) hanging from 0, and 6 hanging from 1.
    const csr = toCsr(7, [
      [0, 1],
      [1, 2],
      [2, 0],
      [0, 3],
      [3, 4],
      [3, 5],
      [1, 6],
    ]);
    const plan = planBetweenness(csr);
    expect(plan.csr.n).toBe(3);
    expect([...plan.targetWeights].sort()).toEqual([1, 2, 4]);
    const folded = foldSources(plan, everyNode(7));
    expect([...folded.weights].sort()).toEqual([1, 2, 4]);
    // From 3's branch (3 nodes), 0 lies on the paths to the other 7 - 3 - 1.
    expect(folded.extra[plan.position[0]!]).toBe(3 * 3);
    // 3 separates {4}, {5} and the other four nodes: 1·1 + 1·4 + 1·4.
    expect(plan.treeValues[3]).toBe(9);
    const expected = byDefinition(csr);
    betweenness(csr).forEach((x, v) => expect(x).toBeCloseTo(expected[v]!, 9));
    expect([...betweenness(path(6))]).toEqual([0, 4, 6, 6, 4, 0]);
  });

  it('folds a network that is a tree whole: nothing to search', () => {
    const plan = planBetweenness(star(5));
    expect(plan.csr.n).toBe(0);
    expect(foldSources(plan, everyNode(6)).sources).toHaveLength(0);
    expect([...betweenness(star(5))]).toEqual([10, 0, 0, 0, 0, 0]);
    expect(planBetweenness(path(6)).csr.n).toBe(0);
  });

  it('gives core nodes, for any set of sources, the sums of searching the whole network from them', () => {
    fc.assert(
      fc.property(graphs(60, 80), fc.uniqueArray(fc.nat(59), { maxLength: 40 }), (csr, picked) => {
        const chosen = Int32Array.from(picked.filter((v) => v < csr.n)).sort();
        const whole = dependencySums(csr, chosen, new Float64Array(chosen.length).fill(1));
        const plan = planBetweenness(csr);
        const { sources, weights, extra } = foldSources(plan, chosen);
        const core = dependencySums(plan.csr, sources, weights, {
          targetWeights: plan.targetWeights,
        });
        const folded = valuesByNode(plan, core, extra, 1);
        whole.forEach((x, v) => {
          if (plan.position[v]! >= 0) expect(folded[v]).toBeCloseTo(x, 7);
        });
      }),
      { numRuns: 60 },
    );
  });

  it('sums weighted dependencies over any split of the sources', () => {
    fc.assert(
      fc.property(graphs(70, 120), fc.nat(70), (csr, cut) => {
        const all = everyNode(csr.n);
        const weights = Float64Array.from(all, (v) => 1 + (v % 3));
        const whole = dependencySums(csr, all, weights);
        const at = Math.min(cut, csr.n);
        const left = dependencySums(csr, all.slice(0, at), weights.slice(0, at));
        const right = dependencySums(csr, all.slice(at), weights.slice(at));
        const single = dependencySums(csr, all, new Float64Array(csr.n).fill(1));
        const def = byDefinition(csr);
        whole.forEach((x, v) => expect(left[v]! + right[v]!).toBeCloseTo(x, 7));
        // Unit weights over every source count each pair from both ends.
        single.forEach((x, v) => expect(x / 2).toBeCloseTo(def[v]!, 7));
      }),
      { numRuns: 30 },
    );
  });

  it('gives the same sums when a batch runs out of room for its pairs and finds its arcs again', () => {
    fc.assert(
      fc.property(graphs(80, 400), (csr) => {
        const all = everyNode(csr.n);
        const ones = new Float64Array(csr.n).fill(1);
        const kept = dependencySums(csr, all, ones);
        const def = byDefinition(csr);
        for (const pairRoom of [32, 100]) {
          const found = dependencySums(csr, all, ones, { pairRoom });
          found.forEach((x, v) => {
            expect(x).toBeCloseTo(kept[v]!, 7);
            expect(x / 2).toBeCloseTo(def[v]!, 7);
          });
        }
      }),
      { numRuns: 30 },
    );
  });

  it('numbers every node once, breadth first from the node of highest degree', () => {
    const csr = toCsr(6, [
      [4, 0],
      [4, 1],
      [4, 2],
      [2, 3],
    ]);
    const order = breadthFirstOrder(csr);
    expect([...order].sort()).toEqual([0, 1, 2, 3, 4, 5]);
    expect(order[0]).toBe(4);
    expect(order.indexOf(3)).toBeGreaterThan(order.indexOf(2));
  });
});
