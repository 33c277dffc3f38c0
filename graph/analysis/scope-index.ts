/**
 * A scope's mandates laid out for counting: positions ordered by place (so the
 * candidates of a mandate fill few, dense words), per-issue and per-place
 * candidate bitsets, and attribute masks. Candidates of a mandate are the
 * in-scope mandates with a related issue and an intersecting place; the rules
 * that also need the pair (different holders, validity) are applied after.
 */
import { forEachBit, newBitset, setBit } from './bitset.js';
import type { Bitset } from './bitset.js';
import { ancestorsOrSelf, subtree } from './projection.js';
import type { Projection } from './projection.js';
import { intervalsMeet, scopedMandates } from './scope.js';
import type { ResolvedScope } from './scope.js';

interface PlaceBits {
  bits: Bitset;
  words: Int32Array;
}

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
  /** Reused buffer holding one mandate's candidates; only `touched` words are non-zero. */
  readonly candidates: Bitset;
  touched: Int32Array = new Int32Array(0);

  constructor(
    readonly p: Projection,
    readonly scope: ResolvedScope,
  ) {
    const inScope = scopedMandates(p, scope);
    const key = (m: number) => {
      const row = p.mandates[m]!;
      return Math.min(...row.places.map((j) => p.places.tin[j]!));
    };
    this.list = inScope.sort((a, b) => key(a) - key(b) || a - b);
    this.pos = new Int32Array(p.mandates.length).fill(-1);
    this.list.forEach((m, i) => (this.pos[m] = i));
    this.words = Math.ceil(this.list.length / 32);
    this.candidates = newBitset(this.list.length);
    this.anyTime = scope.at === null;
    this.list.forEach((m, position) => {
      const row = p.mandates[m]!;
      for (const i of new Set(row.issues)) push(this.namedByIssue, i, position);
      for (const j of new Set(row.places)) push(this.namedByPlace, j, position);
    });
  }

  /** Positions of in-scope mandates that name place `j`. */
  namedAt(j: number): readonly number[] {
    return this.namedByPlace.get(j) ?? [];
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

  /** In-scope mandates with a place intersecting `j`, with the words they occupy. */
  private placeIntersecting(j: number): PlaceBits {
    let entry = this.placeBits.get(j);
    if (!entry) {
      const bits = newBitset(this.list.length);
      const words: number[] = [];
      forEachBit(this.p.intersects[j]!, (q) => {
        for (const position of this.namedByPlace.get(q) ?? []) {
          const w = position >>> 5;
          if (bits[w] === 0) words.push(w);
          bits[w]! |= 1 << (position & 31);
        }
      });
      entry = { bits, words: Int32Array.from(words).sort() };
      this.placeBits.set(j, entry);
    }
    return entry;
  }

  /**
   * Fills `candidates` (and `touched`) for mandate `m`: in-scope mandates with
   * a related issue and an intersecting place, itself included.
   */
  loadCandidates(m: number): void {
    this.clearCandidates();
    const row = this.p.mandates[m]!;
    const places = row.places.map((j) => this.placeIntersecting(j));
    const issues = row.issues.map((i) => this.issueRelated(i));
    const words = places.length === 1 ? places[0]!.words : mergeWords(places.map((x) => x.words));
    const out = this.candidates;
    const touched: number[] = [];
    for (let k = 0; k < words.length; k += 1) {
      const w = words[k]!;
      let placeWord = 0;
      for (const x of places) placeWord |= x.bits[w]!;
      let issueWord = 0;
      for (const b of issues) issueWord |= b[w]!;
      const word = placeWord & issueWord;
      if (word !== 0) {
        out[w] = word;
        touched.push(w);
      }
    }
    this.touched = Int32Array.from(touched);
  }

  private clearCandidates(): void {
    for (const w of this.touched) this.candidates[w] = 0;
    this.touched = new Int32Array(0);
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
    for (const w of this.touched) {
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

function mergeWords(lists: Int32Array[]): Int32Array {
  return Int32Array.from(new Set(lists.flatMap((l) => [...l]))).sort();
}
