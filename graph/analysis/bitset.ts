/** Plain bitsets over Uint32Array words, with the few operations analysis needs. */

export type Bitset = Uint32Array;

export function newBitset(size: number): Bitset {
  return new Uint32Array(Math.ceil(size / 32));
}

export function setBit(bits: Bitset, index: number): void {
  bits[index >>> 5]! |= 1 << (index & 31);
}

export function hasBit(bits: Bitset, index: number): boolean {
  return (bits[index >>> 5]! & (1 << (index & 31))) !== 0;
}

export function popcount32(x: number): number {
  let v = x - ((x >>> 1) & 0x55555555);
  v = (v & 0x33333333) + ((v >>> 2) & 0x33333333);
  return (((v + (v >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24;
}

export function orInto(target: Bitset, source: Bitset): void {
  for (let i = 0; i < target.length; i += 1) target[i]! |= source[i]!;
}

/** Calls `fn` with the index of every set bit, in increasing order; stops when `fn` returns false. */
export function forEachBit(
  bits: Bitset,
  fn: (index: number) => boolean | void,
  fromWord = 0,
): void {
  for (let w = fromWord; w < bits.length; w += 1) {
    let word = bits[w]!;
    while (word !== 0) {
      const low = word & -word;
      const index = (w << 5) + (31 - Math.clz32(low));
      if (fn(index) === false) return;
      word ^= low;
    }
  }
}
