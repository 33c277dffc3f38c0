import { describe, expect, it } from 'vitest';
import { toCsr } from '../analysis/network.js';
import {
  betweennessWorkersStarted,
  computeBetweenness,
  dependencySumsOnWorkers,
} from './betweenness-pool.js';

describe('betweenness', () => {
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
    // Nodes of trees need no sample: node 25 of the path separates 25 nodes from 24.
    expect(result.values[25]).toBe(25 * 24);
  });

  it('keeps its worker threads for the next run', async () => {
    const csr = toCsr(
      300,
      Array.from({ length: 299 }, (_, i) => [i, i + 1] as [number, number]),
    );
    const first = await computeBetweenness(csr, { inlineBelow: 0 });
    const before = betweennessWorkersStarted();
    const second = await computeBetweenness(csr, { inlineBelow: 0 });
    expect(betweennessWorkersStarted()).toBe(before);
    expect([...second.values]).toEqual([...first.values]);
    // On a path every inner node lies between the nodes on either side of it.
    expect(second.values[150]).toBe(150 * 149);
  });

  it('refuses a run the kernel fails on, and answers the next', async () => {
    const csr = toCsr(4, [
      [0, 1],
      [1, 2],
      [2, 3],
    ]);
    const outside = Int32Array.from([50_000_000]);
    await expect(dependencySumsOnWorkers(csr, outside, Float64Array.from([1]))).rejects.toThrow(
      /betweenness failed: .*out of bounds/,
    );
    const result = await computeBetweenness(csr, { inlineBelow: 0 });
    expect([...result.values]).toEqual([0, 2, 2, 0]);
  });
});
