/**
 * Misspelt words in names: "Drakenstien" for "Drakenstein". Two words are
 * spellings of one when a single edit turns one into the other: a letter
 * added, dropped or changed, or two side by side swapped. Only words of six
 * letters or more without digits are compared, so that "Ward 1" and "Ward 2",
 * or "Cape" and "Care", stay apart. Of two spellings, the one more names use
 * is taken as meant. Main class: Spellings.
 */

/** The shortest word compared: one edit changes a shorter word too much. */
const SHORTEST = 6;

function comparable(word: string): boolean {
  if (word.length < SHORTEST) return false;
  for (let i = 0; i < word.length; i += 1) {
    const c = word.charCodeAt(i);
    if (c >= 48 && c <= 57) return false;
  }
  return true;
}

/** Calls back with each comparable word of a key (words split by a space) and where it starts. */
function eachComparable(key: string, found: (word: string, start: number) => void): void {
  let start = 0;
  for (let i = 0; i <= key.length; i += 1) {
    if (i < key.length && key.charCodeAt(i) !== 32) continue;
    if (i - start >= SHORTEST) {
      const word = key.slice(start, i);
      if (comparable(word)) found(word, start);
    }
    start = i + 1;
  }
}

const BASE = 131;
/** Hashes are kept to 30 bits, small integers in V8: a Map of them allocates nothing per key. */
const MASK = 0x3fffffff;

/**
 * A hash of the word and of the word with each of its letters left out in
 * turn, worked out without making those strings: two words one edit apart
 * share one of them. Equal hashes only make candidates; oneEditApart decides.
 */
function deletionHashes(word: string): number[] {
  const n = word.length;
  const prefix = new Array<number>(n + 1);
  const power = new Array<number>(n + 1);
  prefix[0] = 0;
  power[0] = 1;
  for (let i = 0; i < n; i += 1) {
    prefix[i + 1] = (Math.imul(prefix[i]!, BASE) + word.charCodeAt(i)) | 0;
    power[i + 1] = Math.imul(power[i]!, BASE);
  }
  const hashes = [prefix[n]! & MASK];
  for (let i = 0; i < n; i += 1) {
    // the letters after i, hashed alone: prefix[n] less what the first i + 1 letters give
    const after = (prefix[n]! - Math.imul(prefix[i + 1]!, power[n - i - 1]!)) | 0;
    hashes.push((Math.imul(prefix[i]!, power[n - i - 1]!) + after) & MASK);
  }
  return hashes;
}

/** Whether one edit (add, drop, change, or swap two side by side) turns a into b. */
export function oneEditApart(a: string, b: string): boolean {
  if (a === b) return false;
  if (a.length === b.length) {
    let i = 0;
    while (a[i] === b[i]) i += 1;
    if (a.slice(i + 1) === b.slice(i + 1)) return true;
    return a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2);
  }
  const [short, long] = a.length < b.length ? [a, b] : [b, a];
  if (long.length - short.length !== 1) return false;
  let i = 0;
  while (i < short.length && short[i] === long[i]) i += 1;
  return short.slice(i) === long.slice(i + 1);
}

/** The key with each comparable word that `meantOf` gives another spelling for replaced by it. */
function replaceWords(key: string, meantOf: (word: string) => string | undefined): string {
  let out = '';
  let copied = 0;
  eachComparable(key, (word, start) => {
    const meant = meantOf(word);
    if (meant === undefined || meant === word) return;
    out += key.slice(copied, start) + meant;
    copied = start + word.length;
  });
  return copied === 0 ? key : out + key.slice(copied);
}

interface Index {
  words: string[];
  /** Indexes into words, by each deletion hash of the word. */
  byHash: Map<number, number | number[]>;
}

/**
 * The words of a set of names (look-alike keys: lower case, words split by
 * a space), and the word each misspelt one likely means.
 */
export class Spellings {
  private readonly counts = new Map<string, number>();
  /** Worked out at the first question, as is misspelt. */
  private index: Index | undefined;
  /** The words added whose likely meant spelling is another word added. */
  private misspelt: Map<string, string> | undefined;
  /** The spellings meant by words asked about that were not added. */
  private readonly asked = new Map<string, string>();

  /** Counts the words of a key. */
  add(key: string): void {
    eachComparable(key, (word) => this.counts.set(word, (this.counts.get(word) ?? 0) + 1));
    this.index = this.misspelt = undefined;
    this.asked.clear();
  }

  /** A key added, with each misspelt word replaced by the spelling meant; the key itself when none is. */
  canonical(key: string): string {
    this.misspelt ??= this.findMisspelt();
    const misspelt = this.misspelt;
    return misspelt.size === 0 ? key : replaceWords(key, (word) => misspelt.get(word));
  }

  /** Any key (a reference's value), with each word likely a misspelling of a word added put right. */
  meantBy(key: string): string {
    if (this.counts.size === 0) return key;
    this.misspelt ??= this.findMisspelt();
    const misspelt = this.misspelt;
    return replaceWords(key, (word) => {
      if (this.counts.has(word)) return misspelt.get(word);
      let meant = this.asked.get(word);
      if (meant === undefined) this.asked.set(word, (meant = this.nearest(word)));
      return meant;
    });
  }

  private findMisspelt(): Map<string, string> {
    const misspelt = new Map<string, string>();
    for (const word of this.counts.keys()) {
      const meant = this.nearest(word);
      if (meant !== word) misspelt.set(word, meant);
    }
    return misspelt;
  }

  /** The spelling of a word that most names use, among it and the words added one edit away. */
  private nearest(word: string): string {
    const { words, byHash } = (this.index ??= this.buildIndex());
    let best = word;
    let bestCount = this.counts.get(word) ?? 0;
    const consider = (other: string) => {
      if (!oneEditApart(word, other)) return;
      const count = this.counts.get(other)!;
      if (count > bestCount || (count === bestCount && other < best))
        [best, bestCount] = [other, count];
    };
    for (const hash of deletionHashes(word)) {
      const found = byHash.get(hash);
      if (found === undefined) continue;
      if (typeof found === 'number') consider(words[found]!);
      else for (const k of found) consider(words[k]!);
    }
    return best;
  }

  private buildIndex(): Index {
    const words = [...this.counts.keys()];
    const byHash = new Map<number, number | number[]>();
    for (let k = 0; k < words.length; k += 1) {
      for (const hash of deletionHashes(words[k]!)) {
        const had = byHash.get(hash);
        if (had === undefined) byHash.set(hash, k);
        else if (typeof had === 'number') {
          if (had !== k) byHash.set(hash, [had, k]);
        } else if (had[had.length - 1] !== k) had.push(k);
      }
    }
    return { words, byHash };
  }
}
