import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { betweenness } from '../analysis/betweenness.js';
import { toCsr } from '../analysis/network.js';
import { computeBetweenness } from './betweenness-pool.js';

/** A path a-b-c-d-e plus a triangle c-f-g: hand-checked betweenness. */
const pairs: [number, number][] = [
  [0, 1],
  [1, 2],
  [2, 3],
  [3, 4],
  [2, 5],
  [5, 6],
  [6, 2],
];

describe('betweenness', () => {
  it('matches hand-checked values on a small graph', () => {
    const values = [...betweenness(toCsr(7, pairs))];
    // b: a to c,d,e,f,g (5); c: {a,b} x {d,e,f,g} and {d,e} x {f,g} (12); d: e to a,b,c,f,g (5)
    expect(values).toEqual([0, 5, 12, 5, 0, 0, 0]);
  });

  it('gives the same answer in worker threads as inline', async () => {
    const n = 400;
    const edges: [number, number][] = [];
    for (let i = 1; i < n; i += 1) edges.push([i, Math.floor((i * 7919) % i)]);
    for (let i = 0; i < n; i += 3) edges.push([i, (i * 31 + 7) % n]);
    const csr = toCsr(
      n,
      edges.filter(([a, b]) => a !== b),
    );
    const inline = await computeBetweenness(csr);
    const threaded = await computeBetweenness(csr, { inlineBelow: 0 });
    expect(threaded.exact).toBe(true);
    threaded.values.forEach((v, i) => expect(v).toBeCloseTo(inline.values[i]!, 6));
  });

  it('equals the definition (shortest paths counted pair by pair) on random graphs', () => {
    fc.assert(
      fc.property(
        fc
          .integer({ min: 1, max: 10 })
          .chain((n) =>
            fc.tuple(
              fc.constant(n),
              fc.array(fc.tuple(fc.nat(n - 1), fc.nat(n - 1)), { maxLength: 25 }),
            ),
          ),
        ([n, raw]) => {
          const seen = new Set<string>();
          const pairs = raw.filter(([a, b]) => {
            const key = a < b ? `${a}:${b}` : `${b}:${a}`;
            if (a === b || seen.has(key)) return false;
            seen.add(key);
            return true;
          });
          const csr = toCsr(n, pairs);
          // Distances and shortest-path counts from every node by plain BFS.
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
          const actual = betweenness(csr);
          expected.forEach((x, v) => expect(actual[v]).toBeCloseTo(x, 9));
        },
      ),
      { numRuns: 200 },
    );
  });

  it('states an approximation past the exact limit', async () => {
    const csr = toCsr(
      50,
      Array.from({ length: 49 }, (_, i) => [i, i + 1] as [number, number]),
    );
    const result = await computeBetweenness(csr, { exactLimit: 10, sample: 5 });
    expect(result).toMatchObject({ exact: false, sources: 5 });
  });
});
