/**
 * Rows of entities already stored: one without an id finds its entity by
 * name, a column the file does not have keeps the stored value, where a
 * blank cell clears it, and a members sheet adds to a partnership's stored
 * members. Main functions: idsFromStoredNames, withStoredValues,
 * withStoredMembers.
 */
import { deriveId, entityId, isEndpointType } from '../model/index.js';
import type { EntityType, GraphState } from '../model/index.js';
import type { CellAt, ImportRow } from './import-plan.js';
import type { ListedMember } from './members-sheet.js';
import { pathReader } from './field-paths.js';
import { idsByName, nameKey } from './name-keys.js';

type Fields = Record<string, unknown>;

/** A `keepStored` path: its keys, and a reader of its value. */
interface KeptPath {
  keys: readonly string[];
  read: (entity: Fields) => unknown;
}

/** A table's `keepStored` paths by first key, made once: the rows of a table share the array. */
const byHeadOf = new WeakMap<readonly string[], Map<string, KeptPath[]>>();

function byHead(paths: readonly string[]): Map<string, KeptPath[]> {
  let made = byHeadOf.get(paths);
  if (made) return made;
  made = new Map();
  for (const path of paths) {
    const keys = path.split('.');
    made.set(keys[0]!, [...(made.get(keys[0]!) ?? []), { keys, read: pathReader(path) }]);
  }
  byHeadOf.set(paths, made);
  return made;
}

/**
 * Sets the value at the path of `keys` in `target`, a copy of the row's
 * input: an object on the way that is not one of `copies` (the objects made
 * for this row) is the input's own, and is copied before it is written to.
 */
function setInCopy(
  target: Fields,
  keys: readonly string[],
  value: unknown,
  copies: Set<object>,
): void {
  let at = target;
  for (let i = 0; i < keys.length - 1; i += 1) {
    const inner = at[keys[i]!];
    let next: Fields;
    if (typeof inner === 'object' && inner !== null && copies.has(inner)) next = inner as Fields;
    else {
      next = typeof inner === 'object' && inner !== null ? { ...(inner as Fields) } : {};
      copies.add(next);
      at[keys[i]!] = next;
    }
    at = next;
  }
  at[keys[keys.length - 1]!] = value;
}

/**
 * The row's input with the stored entity's values at the paths of
 * `row.keepStored`, when the row's entity (by the id it gives or would be
 * given) is stored; else the input itself. The row is left as it was: the
 * input is copied once, and an object inside it only when written to.
 */
export function withStoredValues(row: ImportRow, state: GraphState): Fields {
  const paths = row.keepStored;
  if (!paths || paths.length === 0) return row.input;
  const id = entityId(row.type, row.input);
  const stored =
    id === undefined ? undefined : (state.entities[row.type].get(id) as Fields | undefined);
  if (!stored) return row.input;
  let input: Fields | undefined;
  let copies: Set<object> | undefined;
  // the id found, kept: a mandate's stored name would otherwise make another one
  if (row.input.id === undefined && !isEndpointType(row.type)) {
    input = { ...row.input };
    input.id = id;
  }
  const wanted = byHead(paths);
  // the stored entity's own fields, walked once: most kept paths name a field it does not have
  for (const key in stored) {
    const kept = wanted.get(key);
    if (!kept) continue;
    for (const { keys, read } of kept) {
      const value = read(stored);
      if (value === undefined) continue;
      input ??= { ...row.input };
      if (keys.length === 1) input[key] = value;
      else setInCopy(input, keys, value, (copies ??= new Set([input])));
    }
  }
  return input ?? row.input;
}

/**
 * Gives a row that has no id the id of the stored entity whose name it has,
 * when exactly one stored entity of its type has that name (case and spacing
 * aside) and that entity's id is not the one the name would make: a list of
 * names re-imported then updates "Department of Water and Sanitation"
 * (stored as `dws`) rather than add a second. Rows are changed in place.
 */
export function idsFromStoredNames(rows: readonly ImportRow[], state: GraphState): void {
  const byName = new Map<EntityType, Map<string, Set<string>>>();
  for (const row of rows) {
    if (isEndpointType(row.type) || row.input.id !== undefined) continue;
    const slug = deriveId(row.type, row.input);
    const stored = state.entities[row.type];
    if (slug === undefined || stored.size === 0) continue;
    const name = typeof row.input.name === 'string' ? row.input.name : (row.input.title as string);
    let names = byName.get(row.type);
    if (!names) byName.set(row.type, (names = idsByName(stored.values())));
    const ids = names.get(nameKey(name));
    const id = ids?.size === 1 ? [...ids][0]! : undefined;
    if (id !== undefined && id !== slug) row.input.id = id;
  }
}

/**
 * Gives each row a members sheet made for a stored partnership (`membersOnly`)
 * the partnership's stored members as well as those listed, once the listed
 * actors' names are resolved to ids: a listed member the partnership has
 * takes that member's place, so that listing members as they are changes
 * nothing, and the others follow in the sheet's order. Rows are changed in place.
 */
export function withStoredMembers(rows: readonly ImportRow[], state: GraphState): void {
  for (const row of rows) {
    if (!row.membersOnly) continue;
    const stored = state.entities.partnership.get(row.input.id as string);
    if (!stored) continue;
    const { members, memberAt } = withListed(
      stored.members,
      row.input.members as ListedMember[],
      row.memberAt ?? [],
    );
    row.input.members = members;
    row.memberAt = memberAt;
  }
}

/** Stored members with the listed ones (at the cells `at`) in their places, or after them. */
function withListed(
  stored: readonly ListedMember[],
  listed: readonly ListedMember[],
  at: readonly (CellAt | undefined)[],
): { members: ListedMember[]; memberAt: (CellAt | undefined)[] } {
  const members = [...stored];
  const memberAt: (CellAt | undefined)[] = stored.map(() => undefined);
  const place = new Map(stored.map((m, k) => [m.actorId, k]));
  listed.forEach((m, k) => {
    const i = place.get(m.actorId);
    // an actor listed twice goes in twice, for the model to refuse
    if (i !== undefined && memberAt[i] === undefined) {
      members[i] = m;
      memberAt[i] = at[k];
    } else {
      members.push(m);
      memberAt.push(at[k]);
    }
  });
  return { members, memberAt };
}
