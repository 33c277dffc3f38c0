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

  it('states an approximation past the exact limit', async () => {
    const csr = toCsr(
      50,
      Array.from({ length: 49 }, (_, i) => [i, i + 1] as [number, number]),
    );
    const result = await computeBetweenness(csr, { exactLimit: 10, sample: 5 });
    expect(result).toMatchObject({ exact: false, sources: 5 });
  });
});
