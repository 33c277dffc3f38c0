/**
 * Text that no file can hold: a lone UTF-16 surrogate. JSON and GraphQL can
 * carry one ("\ud800"), but a CSV or a workbook writes it as U+FFFD, so an
 * entity holding one would change on its way through an export and back.
 * Input is refused instead. Main function: illFormedText.
 */

/** Where a lone surrogate is: the field's path (as zod gives paths) and the character, from 1. */
export interface IllFormed {
  path: string;
  at: number;
  code: number;
}

/** The first lone surrogate in `text`, as [index, code unit]. */
function loneSurrogate(text: string): [number, number] {
  for (let i = 0; i < text.length; i += 1) {
    const c = text.charCodeAt(i);
    if (c < 0xd800 || c > 0xdfff) continue;
    const next = text.charCodeAt(i + 1);
    if (c <= 0xdbff && next >= 0xdc00 && next <= 0xdfff) i += 1;
    else return [i, c];
  }
  return [-1, 0];
}

/**
 * The first lone surrogate of a string in `value`, as [index, code unit];
 * `path` gets the keys down to it, innermost first. Paths are made only
 * then: this runs on every entity of an import.
 */
function find(value: unknown, path: string[]): [number, number] | undefined {
  if (typeof value === 'string') return value.isWellFormed() ? undefined : loneSurrogate(value);
  if (typeof value !== 'object' || value === null) return undefined;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i += 1) {
      const found = find(value[i], path);
      if (found) {
        path.push(String(i));
        return found;
      }
    }
    return undefined;
  }
  for (const key in value) {
    const found = find((value as Record<string, unknown>)[key], path);
    if (found) {
      path.push(key);
      return found;
    }
  }
  return undefined;
}

/** The first string in `value` (an entity, its arrays and objects) that holds a lone surrogate. */
export function illFormedText(value: unknown): IllFormed | undefined {
  const path: string[] = [];
  const found = find(value, path);
  if (!found) return undefined;
  return { path: path.reverse().join('.'), at: found[0] + 1, code: found[1] };
}

/** What is wrong with such text, in plain words. */
export function illFormedMessage(found: IllFormed): string {
  const hex = found.code.toString(16).toUpperCase();
  return `character ${found.at} is half of a UTF-16 surrogate pair (U+${hex}) without its other half, which no file can hold`;
}
