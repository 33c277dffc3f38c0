/**
 * A scope's mandates laid out for counting: positions ordered by place (so the
 * candidates of a mandate fill few, dense words), per-issue and per-place
 * candidate bitsets, and attribute masks. Candidates of a mandate are the
 * in-scope mandates with a related issue and an intersecting place; the rules
 * that also need the pair (different holders, validity) are applied after.
 */
import { newBitset, setBit } from './bitset.js';
import type { Bitset } from './bitset.js';
import { ancestorsOrSelf, subtree } from './projection.js';
import type { Projection } from './projection.js';
import { intervalsMeet, scopedMandates } from './scope.js';
import type { ResolvedScope } from './scope.js';

/** A sparse bitset: the non-zero words, ascending, and their values. */
interface PlaceBits {
  words: Int32Array;
  values: Uint32Array;
}

/** Candidate sets computed over at least this many words are kept for mandates with the same place and issue. */
const CACHE_MIN_WORDS = 256;

export class ScopeIndex {
  /** Mandate index at each position. */
  readonly list: number[];
  /** Position of each mandate, or -1 when out of scope. */
  readonly pos: Int32Array;
  readonly words: number;
  readonly anyTime: boolean;
  private readonly namedByIssue = new Map<number, number[]>();
  private readonly namedByPlace = new Map<number, number[]>();
  private readonly issueBits = new Map<number, Bitset>();
  private readonly placeBits = new Map<number, PlaceBits>();
  private readonly issueUnions = new Map<string, Bitset>();
  /** Candidates of single-place, single-issue mandates whose place spans many words, by place and issue. */
  private readonly candidateCache = new Map<number, PlaceBits>();
  /** Reused buffer holding one mandate's candidates; only `touched` words are non-zero. */
  readonly candidates: Bitset;
  readonly touched: Int32Array;
  touchedCount = 0;
  /** The mandate whose candidates are loaded, or -1. */
  loaded = -1;
  /** Holder of the mandate at each position, and whether it has validity dates. */
  readonly holderAt: Int32Array;
  readonly datedAt: Uint8Array;

  constructor(
    readonly p: Projection,
    readonly scope: ResolvedScope,
  ) {
    const inScope = scopedMandates(p, scope);
    // Mandates named at one place are contiguous, and within a place sorted by issue, so a
    // mandate's candidates (a few issues at each enclosing place) fill few, dense words.
    const placeKey = new Int32Array(inScope.length);
    const issueKey = new Int32Array(inScope.length);
    inScope.forEach((m, k) => {
      const row = p.mandates[m]!;
      placeKey[k] = row.places.reduce((min, j) => Math.min(min, p.places.tin[j]!), Infinity);
      issueKey[k] = row.issues.reduce((min, i) => Math.min(min, p.issues.tin[i]!), Infinity);
    });
    const order = Array.from(inScope.keys()).sort(
      (a, b) =>
        placeKey[a]! - placeKey[b]! || issueKey[a]! - issueKey[b]! || inScope[a]! - inScope[b]!,
    );
    this.list = order.map((k) => inScope[k]!);
    this.pos = new Int32Array(p.mandates.length).fill(-1);
    this.list.forEach((m, i) => (this.pos[m] = i));
    this.words = Math.ceil(this.list.length / 32);
    this.candidates = newBitset(this.list.length);
    this.touched = new Int32Array(this.words);
    this.holderAt = Int32Array.from(this.list, (m) => p.mandates[m]!.holder);
    this.datedAt = Uint8Array.from(this.list, (m) =>
      p.mandates[m]!.from !== '' || p.mandates[m]!.to !== '' ? 1 : 0,
    );
    this.anyTime = scope.at === null;
    this.list.forEach((m, position) => {
      const row = p.mandates[m]!;
      for (const i of new Set(row.issues)) push(this.namedByIssue, i, position);
      for (const j of new Set(row.places)) push(this.namedByPlace, j, position);
    });
  }

  mandateAt(position: number): number {
    return this.list[position]!;
  }

  /** In-scope mandates with an issue related to `i`. */
  private issueRelated(i: number): Bitset {
    let bits = this.issueBits.get(i);
    if (!bits) {
      bits = newBitset(this.list.length);
      const related = new Set([...ancestorsOrSelf(this.p.issues, i), ...subtree(this.p.issues, i)]);
      for (const r of related)
        for (const position of this.namedByIssue.get(r) ?? []) setBit(bits, position);
      this.issueBits.set(i, bits);
    }
    return bits;
  }

  /** In-scope mandates with a place intersecting `j`, as a sparse bitset. */
  private placeIntersecting(j: number): PlaceBits {
    let entry = this.placeBits.get(j);
    if (!entry) {
      const scratch = this.candidates;
      const words: number[] = [];
      const row = this.p.intersects[j]!;
      for (let rw = 0; rw < row.length; rw += 1) {
        let bitsWord = row[rw]!;
        while (bitsWord !== 0) {
          const low = bitsWord & -bitsWord;
          const q = (rw << 5) + (31 - Math.clz32(low));
          bitsWord ^= low;
          const named = this.namedByPlace.get(q);
          if (!named) continue;
          for (let k = 0; k < named.length; k += 1) {
            const position = named[k]!;
            const w = position >>> 5;
            if (scratch[w] === 0) words.push(w);
            scratch[w]! |= 1 << (position & 31);
          }
        }
      }
      const sorted = Int32Array.from(words).sort();
      const values = Uint32Array.from(sorted, (w) => scratch[w]!);
      for (const w of words) scratch[w] = 0;
      entry = { words: sorted, values };
      this.placeBits.set(j, entry);
    }
    return entry;
  }

  /**
   * Fills `candidates` for mandate `m`: in-scope mandates with a related issue
   * and an intersecting place, itself included. The non-zero words are
   * `touched[0 .. touchedCount)`, ascending.
   */
  loadCandidates(m: number): void {
    this.clearCandidates();
    this.loaded = m;
    const row = this.p.mandates[m]!;
    const key =
      row.places.length === 1 && row.issues.length === 1
        ? row.places[0]! * 65536 + row.issues[0]!
        : -1;
    const cached = key >= 0 ? this.candidateCache.get(key) : undefined;
    if (cached) {
      for (let k = 0; k < cached.words.length; k += 1) {
        this.candidates[cached.words[k]!] = cached.values[k]!;
        this.touched[k] = cached.words[k]!;
      }
      this.touchedCount = cached.words.length;
      return;
    }
    const issueBits =
      row.issues.length === 1 ? this.issueRelated(row.issues[0]!) : this.issueUnion(row.issues);
    const out = this.candidates;
    const touched = this.touched;
    let n = 0;
    if (row.places.length === 1) {
      const place = this.placeIntersecting(row.places[0]!);
      const words = place.words;
      const values = place.values;
      for (let k = 0; k < words.length; k += 1) {
        const w = words[k]!;
        const word = values[k]! & issueBits[w]!;
        if (word !== 0) {
          out[w] = word;
          touched[n++] = w;
        }
      }
      if (words.length >= CACHE_MIN_WORDS && key >= 0) {
        const kept = touched.slice(0, n);
        this.candidateCache.set(key, {
          words: kept,
          values: Uint32Array.from(kept, (w) => out[w]!),
        });
      }
    } else {
      const places = row.places.map((j) => this.placeIntersecting(j));
      for (const place of places) {
        for (let k = 0; k < place.words.length; k += 1) {
          const w = place.words[k]!;
          const word = place.values[k]! & issueBits[w]!;
          if (word === 0) continue;
          if (out[w] === 0) touched[n++] = w;
          out[w]! |= word;
        }
      }
      touched.subarray(0, n).sort();
    }
    this.touchedCount = n;
  }

  private issueUnion(issues: readonly number[]): Bitset {
    const key = [...new Set(issues)].sort((a, b) => a - b).join(',');
    let bits = this.issueUnions.get(key);
    if (!bits) {
      bits = newBitset(this.list.length);
      for (const i of issues) {
        const one = this.issueRelated(i);
        for (let w = 0; w < bits.length; w += 1) bits[w]! |= one[w]!;
      }
      this.issueUnions.set(key, bits);
    }
    return bits;
  }

  private clearCandidates(): void {
    for (let k = 0; k < this.touchedCount; k += 1) this.candidates[this.touched[k]!] = 0;
    this.touchedCount = 0;
    this.loaded = -1;
  }

  /** Whether an overlap of candidates `m` and `other` also satisfies the pair rules. */
  validPair(m: number, other: number): boolean {
    const a = this.p.mandates[m]!;
    const b = this.p.mandates[other]!;
    return a.holder !== b.holder && (!this.anyTime || intervalsMeet(a, b));
  }

  /** Mandates (not positions) that overlap `m` under every rule. */
  partnersOf(m: number): number[] {
    this.loadCandidates(m);
    const out: number[] = [];
    for (let k = 0; k < this.touchedCount; k += 1) {
      const w = this.touched[k]!;
      let word = this.candidates[w]!;
      while (word !== 0) {
        const low = word & -word;
        const other = this.list[(w << 5) + (31 - Math.clz32(low))]!;
        if (this.validPair(m, other)) out.push(other);
        word ^= low;
      }
    }
    return out;
  }
}

function push(map: Map<number, number[]>, key: number, value: number): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
