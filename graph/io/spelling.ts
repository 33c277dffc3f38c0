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

const comparable = (word: string) => word.length >= SHORTEST && !/\d/.test(word);

/** The word with each of its letters left out in turn, and the word itself. */
function deletions(word: string): string[] {
  const out = [word];
  for (let i = 0; i < word.length; i += 1) out.push(word.slice(0, i) + word.slice(i + 1));
  return out;
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

/**
 * The words of a set of names (look-alike keys: lower case, words split by
 * a space), and the word each misspelt one likely means.
 */
export class Spellings {
  private readonly counts = new Map<string, number>();
  /** Comparable words by each of their deletions; built at the first question. */
  private index: Map<string, string[]> | undefined;
  private readonly meant = new Map<string, string>();

  /** Counts the words of a key. */
  add(key: string): void {
    for (const word of key.split(' ')) {
      if (comparable(word)) this.counts.set(word, (this.counts.get(word) ?? 0) + 1);
    }
    this.index = undefined;
    this.meant.clear();
  }

  /** The key with each misspelt word replaced by the spelling meant; the key itself when none is. */
  canonical(key: string): string {
    if (this.counts.size === 0) return key;
    const words = key.split(' ');
    let changed = false;
    for (let i = 0; i < words.length; i += 1) {
      const meant = this.wordMeant(words[i]!);
      if (meant !== words[i]) [words[i], changed] = [meant, true];
    }
    return changed ? words.join(' ') : key;
  }

  /** The spelling of a word that most names use, among it and the words one edit away. */
  private wordMeant(word: string): string {
    if (!comparable(word)) return word;
    const known = this.meant.get(word);
    if (known !== undefined) return known;
    const index = (this.index ??= this.buildIndex());
    let best = word;
    let bestCount = this.counts.get(word) ?? 0;
    for (const variant of deletions(word)) {
      for (const other of index.get(variant) ?? []) {
        if (!oneEditApart(word, other)) continue;
        const count = this.counts.get(other)!;
        if (count > bestCount || (count === bestCount && other < best))
          [best, bestCount] = [other, count];
      }
    }
    this.meant.set(word, best);
    return best;
  }

  private buildIndex(): Map<string, string[]> {
    const index = new Map<string, string[]>();
    for (const word of this.counts.keys()) {
      for (const variant of deletions(word)) {
        const words = index.get(variant);
        if (words) words.push(word);
        else index.set(variant, [word]);
      }
    }
    return index;
  }
}
