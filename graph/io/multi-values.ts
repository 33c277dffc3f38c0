/**
 * Cells that hold several values (tags, ids, partnership members): values are
 * separated by `|`, `;` or a line break. A separator (or a backslash) inside
 * a value is written with a backslash before it, so a tag such as
 * "water; sanitation" survives export and import. A backslash before any
 * other character is an ordinary character ("C:\data" reads as written).
 */

const SEPARATORS = '|;\n';
const ESCAPED = /[\\|;\n]/g;
const SPLIT = /\s*[|;\n]\s*/;

/** The values of a cell, trimmed, blanks dropped. */
export function splitValues(cell: string): string[] {
  // the usual cell, ids or tags without a backslash: one split, nothing allocated per value
  if (!cell.includes('\\')) return cell.trim().split(SPLIT).filter(notBlank);
  const values: string[] = [];
  let value = '';
  for (let i = 0; i < cell.length; i += 1) {
    const c = cell[i]!;
    const next = cell[i + 1];
    if (c === '\\' && next !== undefined && (next === '\\' || SEPARATORS.includes(next))) {
      value += next;
      i += 1;
    } else if (SEPARATORS.includes(c)) {
      values.push(value);
      value = '';
    } else value += c;
  }
  values.push(value);
  return values.map((v) => v.trim()).filter(notBlank);
}

const notBlank = (value: string) => value !== '';

/** One cell of several values, as splitValues reads it back. */
export function joinValues(values: readonly string[]): string {
  return values.map((v) => v.replace(ESCAPED, (c) => `\\${c}`)).join('|');
}
