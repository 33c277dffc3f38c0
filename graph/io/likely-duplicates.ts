/**
 * Likely duplicates: rows whose names look like another row's or a stored
 * entity's under another id (case, spacing, words such as "Local" and a
 * misspelt word aside), or whose ids differ from another's only in case.
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

/** What the rows of one type are checked against, and the spellings of its names' words. */
interface OfType {
  /** Stored entities, then rows, by look-alike name with misspelt words put right. */
  byName: Map<string, Seen>;
  /** By id in lower case; only when the store or the file has an id with a capital. */
  byId: Map<string, Seen> | undefined;
  spellings: Spellings;
}

/**
 * The stored entities of a type by look-alike name and, when the store or
 * the file has an id with a capital, by id in lower case (left out
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
  const capitals =
    rows.some((r) => r.type === type && typeof r.input.id === 'string' && hasCapital(r.input.id)) ||
    [...stored.keys()].some(hasCapital);
  const spellings = new Spellings();
  const byId = capitals ? new Map<string, Seen>() : undefined;
  const storedKeys: { seen: Seen; key: string }[] = [];
  for (const e of stored.values()) {
    const name = (e as { name?: string }).name;
    if (name) storedKeys.push({ seen: { id: e.id, name }, key: duplicateKey(name) });
    byId?.set(e.id.toLowerCase(), { id: e.id });
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
 * whose id is another's in a different case ("DWS" and "dws" are two ids).
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
    const idKey = byId && id?.toLowerCase();
    const sameButCase = idKey ? byId.get(idKey) : undefined;
    if (other && other.id !== id) {
      const message = `'${name}' looks like ${namedPlaceOf(row.type, other)}; check it is not the same ${row.type}`;
      const column = row.columns?.name ?? 'name';
      warnings.push(problemAt(row.sheet, row.row, column, name, 'LIKELY_DUPLICATE', message));
    } else if (id && sameButCase && sameButCase.id !== id) {
      const message = `id '${id}' differs only in case from ${placeOf(row.type, sameButCase)}; check it is not the same ${row.type}`;
      const column = row.columns?.id ?? 'id';
      warnings.push(problemAt(row.sheet, row.row, column, id, 'LIKELY_DUPLICATE', message));
    }
    if (!id) continue;
    const here = { id, name, at: { sheet: row.sheet, row: row.row } };
    if (!other) byName.set(key, here);
    if (idKey && !sameButCase) byId.set(idKey, here);
  }
  return warnings;
}
