/**
 * Likely duplicates: rows whose names look like another row's or a stored
 * entity's under another id (case, spacing, words such as "Local" and a
 * misspelt word aside), or whose ids differ from another's only in case or
 * in a number's leading zeros (a spreadsheet's doing: "007" saved as "7").
 * They are warnings: the user checks them. Main function: likelyDuplicates.
 */
import { deriveId, isEndpointType } from '../model/index.js';
import type { EntityType, GraphState } from '../model/index.js';
import type { ImportRow } from './import-plan.js';
import { duplicateKey } from './name-keys.js';
import { problemAt } from './report.js';
import { Spellings } from './spelling.js';
import type { ImportProblem } from './report.js';

/**
 * Whether two entities of a type with look-alike names are likely one: not
 * for interests, ties and assessments (named by their ends), nor mandates,
 * which are titled by what they mandate, so that many holders share a title.
 */
const namesIdentify = (type: EntityType) => !isEndpointType(type) && type !== 'mandate';

/** An entity a row is checked against: stored, or at a row of the file. */
interface Seen {
  id: string;
  name?: string;
  at?: { sheet: string; row: number };
}

/** Where an entity is: "stored actor 'dws'", or "actors.csv row 3 ('dws')". */
const placeOf = (type: EntityType, seen: Seen) =>
  seen.at ? `${seen.at.sheet} row ${seen.at.row} ('${seen.id}')` : `stored ${type} '${seen.id}'`;

/** An entity by its name, then where it is: "'Department of Water and Sanitation' (stored actor 'dws')". */
const namedPlaceOf = (type: EntityType, seen: Seen) =>
  seen.name ? `'${seen.name}' (${placeOf(type, seen)})` : placeOf(type, seen);

/** Whether an id has a capital letter: where none has, no two ids differ only in case. */
function hasCapital(id: string): boolean {
  for (let i = 0; i < id.length; i += 1) {
    const c = id.charCodeAt(i);
    if (c >= 65 && c <= 90) return true;
    if (c > 0x7f) return id !== id.toLowerCase();
  }
  return false;
}

const DIGITS = /^\d+$/;

/**
 * Whether an id is a number written with a leading zero ("007"): where none
 * is, no two ids differ only in leading zeros.
 */
const hasLeadingZero = (id: string) => id.length > 1 && id[0] === '0' && DIGITS.test(id);

/** Whether an id needs the map of ids by their key: it has a capital or a leading zero. */
const keyedId = (id: string) => hasCapital(id) || hasLeadingZero(id);

/** An id as ids are compared: in lower case, and a number without its leading zeros. */
const idKeyOf = (id: string) => (DIGITS.test(id) ? id.replace(/^0+(?=\d)/, '') : id.toLowerCase());

/** Whether two ids differ only in a number's leading zeros. */
const differInZeros = (a: string, b: string) =>
  a !== b && DIGITS.test(a) && DIGITS.test(b) && idKeyOf(a) === idKeyOf(b);

/** The warning's words for an id that is `other`'s but for case or leading zeros. */
function lookAlikeId(type: EntityType, id: string, other: Seen): string {
  const how = differInZeros(id, other.id)
    ? 'in leading zeros (as when a spreadsheet reads an id as a number)'
    : 'in case';
  return `id '${id}' differs only ${how} from ${placeOf(type, other)}; check it is not the same ${type}`;
}

/** What the rows of one type are checked against, and the spellings of its names' words. */
interface OfType {
  /** Stored entities, then rows, by look-alike name with misspelt words put right. */
  byName: Map<string, Seen>;
  /** By id key (idKeyOf); only when the store or the file has an id with a capital or a leading zero. */
  byId: Map<string, Seen> | undefined;
  spellings: Spellings;
}

/**
 * The stored entities of a type by look-alike name and, when the store or
 * the file has an id with a capital or a leading zero, by id key (left out
 * otherwise: most ids are slugs, and the map costs time on 100,000 rows).
 * The words of every name, stored or in the file, tell misspellings.
 */
function ofType(
  type: EntityType,
  rows: readonly ImportRow[],
  keys: readonly (string | undefined)[],
  state: GraphState,
): OfType {
  const stored = state.entities[type];
  const keyed =
    rows.some((r) => r.type === type && typeof r.input.id === 'string' && keyedId(r.input.id)) ||
    [...stored.keys()].some(keyedId);
  const spellings = new Spellings();
  const byId = keyed ? new Map<string, Seen>() : undefined;
  const storedKeys: { seen: Seen; key: string }[] = [];
  for (const e of stored.values()) {
    const name = (e as { name?: string }).name;
    if (name) storedKeys.push({ seen: { id: e.id, name }, key: duplicateKey(name) });
    byId?.set(idKeyOf(e.id), { id: e.id });
  }
  for (const { key } of storedKeys) spellings.add(key);
  for (let i = 0; i < rows.length; i += 1) {
    const key = keys[i];
    if (key !== undefined && rows[i]!.type === type) spellings.add(key);
  }
  const byName = new Map<string, Seen>();
  for (const { seen, key } of storedKeys) byName.set(spellings.canonical(key), seen);
  return { byName, byId, spellings };
}

/**
 * Rows whose name looks like another row's or a stored entity's, under a
 * different id (a misspelt word aside: "Drakenstien"); or, names aside,
 * whose id is another's in a different case ("DWS" and "dws" are two ids)
 * or but for leading zeros ("7" and "007"). Where the ids say why two look
 * alike, the warning says that rather than the names.
 */
export function likelyDuplicates(rows: readonly ImportRow[], state: GraphState): ImportProblem[] {
  const warnings: ImportProblem[] = [];
  const keys = rows.map((row) =>
    namesIdentify(row.type) && typeof row.input.name === 'string'
      ? duplicateKey(row.input.name)
      : undefined,
  );
  // by type, so that no key is a new string made of the type and the name
  const seen = new Map<EntityType, OfType>();
  for (const row of rows) {
    if (!seen.has(row.type) && namesIdentify(row.type))
      seen.set(row.type, ofType(row.type, rows, keys, state));
  }
  for (let i = 0; i < rows.length; i += 1) {
    const [row, written] = [rows[i]!, keys[i]];
    if (written === undefined) continue;
    const { byName, byId, spellings } = seen.get(row.type)!;
    const name = row.input.name as string;
    const id = deriveId(row.type, row.input);
    const key = spellings.canonical(written);
    const other = byName.get(key);
    const idKey = byId && id !== undefined ? idKeyOf(id) : undefined;
    const sameKey = idKey === undefined ? undefined : byId?.get(idKey);
    // an entity whose id is this one's but for case or leading zeros
    const lookAlike = sameKey && sameKey.id !== id ? sameKey : undefined;
    if (other && other.id !== id && other.id !== lookAlike?.id) {
      const message = `'${name}' looks like ${namedPlaceOf(row.type, other)}; check it is not the same ${row.type}`;
      const column = row.columns?.name ?? 'name';
      warnings.push(problemAt(row.sheet, row.row, column, name, 'LIKELY_DUPLICATE', message));
    } else if (id && lookAlike) {
      // where the name looks like the same entity's, the ids say why
      const message = lookAlikeId(row.type, id, lookAlike);
      const column = row.columns?.id ?? 'id';
      warnings.push(problemAt(row.sheet, row.row, column, id, 'LIKELY_DUPLICATE', message));
    }
    if (!id) continue;
    const here = { id, name, at: { sheet: row.sheet, row: row.row } };
    if (!other) byName.set(key, here);
    if (idKey !== undefined && !sameKey) byId?.set(idKey, here);
  }
  return warnings;
}
