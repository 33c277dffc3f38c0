/**
 * The keys names are compared under: the exact-name key references use
 * (case and spacing aside), and the looser look-alike key likely duplicates
 * meet under ("Drakenstein Local Municipality" and "drakenstein
 * municipality."). Main functions: nameKey, idsByName, lookAlikeKey,
 * duplicateKey.
 */

/** A name as references match it: case, surrounding and repeated spaces aside. */
export const nameKey = (name: string) =>
  name.normalize('NFKC').trim().toLocaleLowerCase('en').replace(/\s+/g, ' ');

/** Ids by the name key of their entities' names, blank names left out; a key with one id names that entity. */
export function idsByName(
  ...lists: Iterable<{ id: string; name?: unknown }>[]
): Map<string, Set<string>> {
  const ids = new Map<string, Set<string>>();
  for (const list of lists) {
    for (const { id, name } of list) {
      if (typeof name !== 'string' || name.trim() === '') continue;
      const key = nameKey(name);
      (ids.get(key) ?? ids.set(key, new Set()).get(key)!).add(id);
    }
  }
  return ids;
}

const FILLER = new Set([
  'the',
  'of',
  'and',
  'local',
  'district',
  'metropolitan',
  'metro',
  'for',
  '&',
]);

/** A looser key for spotting likely duplicates: words without fillers, in order. */
export function lookAlikeKey(name: string): string {
  // Plain ASCII needs neither Unicode normalisation nor Unicode classes, and is most
  // names: an import of 100,000 actors spent 0.6 s here before.
  return isAscii(name)
    ? wordsWithoutFillers(name.toLowerCase().replace(/[^a-z0-9\s]/g, ' '))
    : lookAlikeKeyUnicode(name);
}

/** The look-alike key of any name, the long way: what lookAlikeKey gives for plain ASCII too. */
export function lookAlikeKeyUnicode(name: string): string {
  return wordsWithoutFillers(nameKey(name).replace(/[^\p{L}\p{N}\s]/gu, ' '));
}

function wordsWithoutFillers(text: string): string {
  return text
    .split(/\s+/)
    .filter((w) => w !== '' && !FILLER.has(w))
    .join(' ');
}

/** True when every character of a name is ASCII. */
function isAscii(name: string): boolean {
  for (let i = 0; i < name.length; i += 1) if (name.charCodeAt(i) > 0x7f) return false;
  return true;
}

/** The key under which look-alike names meet; a name of fillers alone ("District") keeps its own. */
export function duplicateKey(name: string): string {
  const key = lookAlikeKey(name);
  return key === '' ? `=${nameKey(name)}` : key;
}
