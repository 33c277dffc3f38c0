/**
 * Likely duplicates: rows whose names look like another row's or a stored
 * entity's under another id (case, spacing and words such as "Local"
 * aside), or whose ids differ from another's only in case. They are
 * warnings: the user checks them. Main function: likelyDuplicates.
 */
import { deriveId, isEndpointType } from '../model/index.js';
import type { EntityType, GraphState } from '../model/index.js';
import type { ImportRow } from './import-plan.js';
import { duplicateKey } from './name-keys.js';
import { problemAt } from './report.js';
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
  at?: { sheet: string; row: number };
}

const describeSeen = (type: EntityType, seen: Seen) =>
  seen.at ? `${seen.at.sheet} row ${seen.at.row} ('${seen.id}')` : `stored ${type} '${seen.id}'`;

/** Whether an id has a capital letter: where none has, no two ids differ only in case. */
function hasCapital(id: string): boolean {
  for (let i = 0; i < id.length; i += 1) {
    const c = id.charCodeAt(i);
    if (c >= 65 && c <= 90) return true;
    if (c > 0x7f) return id !== id.toLowerCase();
  }
  return false;
}

/**
 * The stored entities of a type by look-alike name and, when the store or
 * the file has an id with a capital, by id in lower case (left out
 * otherwise: most ids are slugs, and the map costs time on 100,000 rows).
 */
function storedOfType(type: EntityType, rows: readonly ImportRow[], state: GraphState) {
  const stored = state.entities[type];
  const capitals =
    rows.some((r) => r.type === type && typeof r.input.id === 'string' && hasCapital(r.input.id)) ||
    [...stored.keys()].some(hasCapital);
  const byName = new Map<string, Seen>();
  const byId = capitals ? new Map<string, Seen>() : undefined;
  for (const e of stored.values()) {
    const name = (e as { name?: string }).name;
    if (name) byName.set(duplicateKey(name), { id: e.id });
    byId?.set(e.id.toLowerCase(), { id: e.id });
  }
  return { byName, byId };
}

/**
 * Rows whose name looks like another row's or a stored entity's, under a
 * different id; or, names aside, whose id is another's in a different case
 * ("DWS" and "dws" are two ids).
 */
export function likelyDuplicates(rows: readonly ImportRow[], state: GraphState): ImportProblem[] {
  const warnings: ImportProblem[] = [];
  // by type, so that no key is a new string made of the type and the name
  const seen = new Map<EntityType, ReturnType<typeof storedOfType>>();
  for (const row of rows) {
    if (!seen.has(row.type) && namesIdentify(row.type))
      seen.set(row.type, storedOfType(row.type, rows, state));
  }
  for (const row of rows) {
    if (!namesIdentify(row.type) || typeof row.input.name !== 'string') continue;
    const { byName, byId } = seen.get(row.type)!;
    const id = deriveId(row.type, row.input);
    const key = duplicateKey(row.input.name);
    const other = byName.get(key);
    const idKey = byId && id?.toLowerCase();
    const sameButCase = idKey ? byId.get(idKey) : undefined;
    if (other && other.id !== id) {
      const message = `'${row.input.name}' looks like ${describeSeen(row.type, other)}; check it is not the same ${row.type}`;
      const column = row.columns?.name ?? 'name';
      warnings.push(
        problemAt(row.sheet, row.row, column, row.input.name, 'LIKELY_DUPLICATE', message),
      );
    } else if (id && sameButCase && sameButCase.id !== id) {
      const message = `id '${id}' differs only in case from ${describeSeen(row.type, sameButCase)}; check it is not the same ${row.type}`;
      const column = row.columns?.id ?? 'id';
      warnings.push(problemAt(row.sheet, row.row, column, id, 'LIKELY_DUPLICATE', message));
    }
    if (!id) continue;
    const here = { id, at: { sheet: row.sheet, row: row.row } };
    if (!other) byName.set(key, here);
    if (idKey && !sameButCase) byId.set(idKey, here);
  }
  return warnings;
}
