/**
 * Runs the WebAssembly betweenness kernel (betweenness.c): lays out its arrays
 * in a memory of the size the job needs, copies the graph in and the sums out.
 * Compiled once per thread; the instance and its memory are kept between calls
 * (calls in a thread never overlap), unless a call needed a very large one.
 */
import type { Csr } from '../network.js';
import { BETWEENNESS_WASM } from './betweenness-wasm.js';

const LANES = 32;
const PAGE = 65_536;

/**
 * Room for pairs (one per arc and search that takes it). Each search takes an
 * edge in one direction at most, so 16 pairs an arc, plus one node's worth (the
 * kernel checks for room before a node's arcs, counting all 32 searches),
 * always suffice. The room is capped (16 MB) for very large networks, whose
 * batches then find their arcs again on the way back instead (~1.15 million
 * pairs a batch on the synthetic country, under its 2.6 million room).
 */
const PAIRS_PER_ARC = 16;
const MOST_PAIRS = 4 * 1024 * 1024;

interface KernelExports {
  dependency_sums: (work: number) => void;
  __heap_base: WebAssembly.Global;
}

let compiled: { module: WebAssembly.Module; heapBase: number } | undefined;

/** The module, and where its stack ends (fixed at link time): the arrays go after it. */
function kernelModule(): { module: WebAssembly.Module; heapBase: number } {
  if (compiled) return compiled;
  const module = new WebAssembly.Module(Buffer.from(BETWEENNESS_WASM, 'base64'));
  const probe = new WebAssembly.Instance(module, {
    env: { memory: new WebAssembly.Memory({ initial: 2 }) },
  }).exports as unknown as KernelExports;
  compiled = { module, heapBase: probe.__heap_base.value as number };
  return compiled;
}

/**
 * Memories up to this size (networks of a few thousand actors) are kept for the
 * next call in the thread. Making a memory and an instance costs a few
 * milliseconds (a large address range is reserved for each), which dwarfed the
 * kernel on a team's small network (~4.9 against ~1.1 ms for 351 actors), but
 * not a large run, whose memory is let go rather than held while idle.
 */
const KEEP_BYTES = 16 * 1024 * 1024;

let kept: { kernel: KernelExports; memory: WebAssembly.Memory } | undefined;

/** An instance whose memory holds at least `bytes`: the kept one, grown if need be. */
function instanceFor(
  module: WebAssembly.Module,
  bytes: number,
): { kernel: KernelExports; memory: WebAssembly.Memory } {
  const pages = Math.ceil(bytes / PAGE);
  if (kept) {
    const have = kept.memory.buffer.byteLength / PAGE;
    if (have < pages) kept.memory.grow(pages - have);
    return kept;
  }
  const memory = new WebAssembly.Memory({ initial: pages });
  const kernel = new WebAssembly.Instance(module, { env: { memory } })
    .exports as unknown as KernelExports;
  kept = { kernel, memory };
  return kept;
}

/** Byte offsets of the kernel's arrays, each aligned to 8, from `base`. */
function layout(base: number, n: number, arcs: number, count: number, pairRoom: number) {
  let at = base;
  const take = (bytes: number): number => {
    const start = at;
    at += Math.ceil(bytes / 8) * 8;
    return start;
  };
  const entries = LANES * n + LANES;
  // In the order of `struct work`'s pointers (betweenness.c).
  const places = {
    offsets: take((n + 1) * 4),
    targets: take(arcs * 4),
    sources: take(count * 4),
    weights: take(count * 8),
    targetWeights: take(n * 8),
    sums: take(n * 8),
    sigma: take(n * LANES * 8),
    gamma: take(n * LANES * 8),
    seen: take(n * 4),
    dense: take(n * 4),
    listNode: take(entries * 4),
    listWord: take(entries * 4),
    levelStart: take((n + 3) * 4),
    pairStart: take((entries + 1) * 4),
    pairTo: take(pairRoom * 4),
  };
  const work = take((3 + Object.keys(places).length) * 4);
  return { places, work, end: at };
}

/**
 * Σ over `sources` of weight × Brandes dependency δ_s(v), for every node v of
 * `csr`. For an undirected graph halve the sum over all sources.
 */
export function dependencySums(
  csr: Csr,
  sources: Int32Array,
  weights: Float64Array,
  options: {
    /** Targets each node stands for (betweenness-plan.ts); 1 each by default. */
    targetWeights?: Float64Array;
    /** Pairs there is room for (tests set it low to reach the other path); never under 32 × the largest degree. */
    pairRoom?: number;
  } = {},
): Float64Array {
  const { n, offsets, targets } = csr;
  if (n === 0 || sources.length === 0) return new Float64Array(n);
  const { module, heapBase } = kernelModule();
  let widest = 0;
  for (let v = 0; v < n; v += 1) widest = Math.max(widest, offsets[v + 1]! - offsets[v]!);
  // A node's arcs are expanded at one go: room for all 32 searches on the widest.
  const pairRoom = Math.max(
    LANES * widest,
    options.pairRoom ?? Math.min(PAIRS_PER_ARC * targets.length + LANES * widest, MOST_PAIRS),
  );
  const { places, work, end } = layout(heapBase, n, targets.length, sources.length, pairRoom);
  const { kernel, memory } = instanceFor(module, end);
  const buffer = memory.buffer;
  new Int32Array(buffer, places.offsets, n + 1).set(offsets);
  new Int32Array(buffer, places.targets, targets.length).set(targets);
  new Int32Array(buffer, places.sources, sources.length).set(sources);
  new Float64Array(buffer, places.weights, sources.length).set(weights);
  const targetWeights = new Float64Array(buffer, places.targetWeights, n);
  if (options.targetWeights) targetWeights.set(options.targetWeights);
  else targetWeights.fill(1);
  // The kernel expects these zero; a memory used before may hold a last run's.
  new Float64Array(buffer, places.sums, n).fill(0);
  new Float64Array(buffer, places.sigma, n * LANES).fill(0);
  new Uint32Array(buffer, places.seen, n).fill(0);
  new Uint32Array(buffer, places.dense, n).fill(0);
  const fields = [n, sources.length, pairRoom, ...Object.values(places)];
  new Int32Array(buffer, work, fields.length).set(fields);
  kernel.dependency_sums(work);
  const sums = new Float64Array(buffer, places.sums, n).slice();
  if (end > KEEP_BYTES) kept = undefined;
  return sums;
}
