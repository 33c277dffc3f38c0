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
  private readonly namedByIssue: Grouped;
  private readonly namedByPlace: Grouped;
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
    // One number per mandate, (first place, first issue, mandate), sorted as numbers with no comparator.
    // Euler-tour times are below twice the node count; a mandate naming none sorts last.
    const issueSpan = p.issues.ids.length * 2 + 1;
    const keys = new Float64Array(inScope.length);
    inScope.forEach((m, k) => {
      const row = p.mandates[m]!;
      let place = p.places.ids.length * 2;
      for (const j of row.places) place = Math.min(place, p.places.tin[j]!);
      let issue = issueSpan - 1;
      for (const i of row.issues) issue = Math.min(issue, p.issues.tin[i]!);
      keys[k] = (place * issueSpan + issue) * p.mandates.length + m;
    });
    keys.sort();
    this.list = Array.from(keys, (key) => key % p.mandates.length);
    this.pos = new Int32Array(p.mandates.length).fill(-1);
    this.list.forEach((m, i) => (this.pos[m] = i));
    this.words = Math.ceil(this.list.length / 32);
    this.candidates = newBitset(this.list.length);
    this.touched = new Int32Array(this.words);
    // Rows are read in mandate order (`inScope` ascends), not position order: the rows lie in
    // memory about in mandate order, and read by position they cost a cache miss each.
    this.holderAt = new Int32Array(this.list.length);
    this.datedAt = new Uint8Array(this.list.length);
    for (const m of inScope) {
      const row = p.mandates[m]!;
      const position = this.pos[m]!;
      this.holderAt[position] = row.holder;
      this.datedAt[position] = row.from !== '' || row.to !== '' ? 1 : 0;
    }
    this.anyTime = scope.at === null;
    this.namedByIssue = positionsByKey(p, inScope, this.pos, 'issues');
    this.namedByPlace = positionsByKey(p, inScope, this.pos, 'places');
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
      const { offsets, positions } = this.namedByIssue;
      for (const r of related)
        for (let k = offsets[r]!; k < offsets[r + 1]!; k += 1) setBit(bits, positions[k]!);
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
          const { offsets, positions } = this.namedByPlace;
          for (let k = offsets[q]!; k < offsets[q + 1]!; k += 1) {
            const position = positions[k]!;
            const w = position >>> 5;
            if (scratch[w] === 0) words.push(w);
            scratch[w]! |= 1 << (position & 31);
          }
        }
      }
      const sorted = Int32Array.from(words).sort();
      const values = wordsOf(scratch, sorted);
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
          values: wordsOf(out, kept),
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

/** Positions of the mandates naming each issue (or place): those of key k are positions[offsets[k] .. offsets[k + 1]). */
interface Grouped {
  offsets: Int32Array;
  positions: Int32Array;
}

/** The words of `bits` at `at`, in order (a loop: TypedArray.from with a mapping function is several times slower). */
function wordsOf(bits: Bitset, at: Int32Array): Uint32Array {
  const values = new Uint32Array(at.length);
  for (let k = 0; k < at.length; k += 1) values[k] = bits[at[k]!]!;
  return values;
}

/** Whether keys[k] already came earlier in keys. */
function seenBefore(keys: readonly number[], k: number): boolean {
  for (let e = 0; e < k; e += 1) if (keys[e] === keys[k]) return true;
  return false;
}

/**
 * Groups the positions of `mandates` (ascending mandate indices) by the issues
 * (or places) they name, each once per mandate: counted, then filled, reading
 * rows in mandate order.
 */
function positionsByKey(
  p: Projection,
  mandates: readonly number[],
  pos: Int32Array,
  field: 'issues' | 'places',
): Grouped {
  const keyCount = p[field].ids.length;
  const offsets = new Int32Array(keyCount + 1);
  for (const m of mandates) {
    const keys = p.mandates[m]![field];
    for (let k = 0; k < keys.length; k += 1) if (!seenBefore(keys, k)) offsets[keys[k]! + 1]! += 1;
  }
  for (let k = 0; k < keyCount; k += 1) offsets[k + 1]! += offsets[k]!;
  const next = offsets.slice(0, keyCount);
  const positions = new Int32Array(offsets[keyCount]!);
  for (const m of mandates) {
    const keys = p.mandates[m]![field];
    for (let k = 0; k < keys.length; k += 1)
      if (!seenBefore(keys, k)) positions[next[keys[k]!]!++] = pos[m]!;
  }
  return { offsets, positions };
}
