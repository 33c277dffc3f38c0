/**
 * A members sheet (partnership, actor, role): its rows read, then folded into
 * the member lists of their partnerships, in the file or stored. Main
 * functions: membersTable, foldMembers.
 */
import { MEMBER_ROLES, entityId } from '../model/index.js';
import type { GraphState } from '../model/index.js';
import { normaliseEnum, notOneOf } from './enum-values.js';
import type { CellAt, ImportRow } from './import-plan.js';
import { problemAt } from './report.js';
import type { ImportProblem } from './report.js';
import { idsByName, nameKey } from './name-keys.js';
import { didYouMean, likelyMeantAmong } from './resolve-names.js';
import type { Named } from './resolve-names.js';
import { filledRows, fromHeader, isBlankRow } from './table.js';
import type { Table, TableRows } from './table.js';

/** What a members row's partnership cell names: the file's row for it, a stored one, or several. */
type Found = { row: ImportRow } | { stored: string } | { several: string[] } | undefined;

/**
 * Finds the partnership a members row names: in the file, by id (given, or
 * made from the name) or by name (case and spacing aside), else stored, by
 * id or by name.
 */
function partnershipFinder(rows: readonly ImportRow[], state: GraphState): (ref: string) => Found {
  const inFile = rows.filter((r) => r.type === 'partnership');
  const byId = new Map<string, ImportRow>();
  for (const r of inFile) {
    const id = entityId('partnership', r.input);
    if (id !== undefined && !byId.has(id)) byId.set(id, r);
  }
  const fileNames = idsByName(inFile.map((r, k) => ({ id: String(k), name: r.input.name })));
  const stored = state.entities.partnership;
  let storedNames: Map<string, Set<string>> | undefined;
  return (ref) => {
    const row = byId.get(ref);
    if (row) return { row };
    const key = nameKey(ref);
    const named = [...(fileNames.get(key) ?? [])].map((k) => inFile[Number(k)]!);
    if (named.length === 1) return { row: named[0]! };
    if (named.length > 1) return { several: named.map((r) => entityId('partnership', r.input)!) };
    if (stored.has(ref)) return { stored: ref };
    storedNames ??= idsByName(stored.values());
    const ids = [...(storedNames.get(key) ?? [])];
    if (ids.length === 0) return undefined;
    return ids.length === 1 ? { stored: ids[0]! } : { several: ids };
  };
}

/** The problem of members rows whose partnership cell (`at`, the first) names none, or several. */
function unfoundProblem(
  ref: string,
  at: CellAt,
  found: Found,
  meant: () => (value: string) => Named | undefined,
): ImportProblem {
  if (found && 'several' in found) {
    return problemAt(
      at.sheet,
      at.row,
      at.column,
      ref,
      'AMBIGUOUS_NAME',
      `'${ref}' names ${found.several.length} partnerships (${found.several.join(', ')}); use the id`,
    );
  }
  return problemAt(
    at.sheet,
    at.row,
    at.column,
    ref,
    'UNKNOWN_REFERENCE',
    `no partnership '${ref}' in the file or the store${didYouMean(meant()(ref))}`,
  );
}

/**
 * Members rows (partnership, actor, role), of every members sheet, become
 * the member lists of their partnerships. A partnership of the file takes
 * them after its own; a stored one that the file has no row for gets a row
 * (`membersOnly`) with the members listed, which withStoredMembers merges
 * into its stored members once names are resolved. Rows whose partnership
 * is unknown are refused, each name reported once.
 */
export function foldMembers(
  rows: ImportRow[],
  members: readonly ImportRow[],
  state: GraphState,
): { problems: ImportProblem[]; refused: number } {
  const problems: ImportProblem[] = [];
  let refused = 0;
  const find = partnershipFinder(rows, state);
  // by the row of the file's partnership, or the id of a stored one
  const groups = new Map<ImportRow | string, { list: ListedMember[]; at: CellAt[] }>();
  const unfound = new Map<string, { at: CellAt[]; found: Found }>();
  for (const row of members) {
    const ref = String(row.input.partnershipId);
    const at = { sheet: row.sheet, row: row.row, column: row.columns?.actorId ?? 'actor' };
    const found = find(ref);
    if (!found || 'several' in found) {
      const seen = unfound.get(ref) ?? unfound.set(ref, { at: [], found }).get(ref)!;
      seen.at.push({ ...at, column: row.columns?.partnershipId ?? 'partnership' });
      continue;
    }
    const target = 'row' in found ? found.row : found.stored;
    const group = groups.get(target) ?? groups.set(target, { list: [], at: [] }).get(target)!;
    group.list.push({ actorId: String(row.input.actorId), role: String(row.input.role) });
    group.at.push(at);
  }
  let meant: ((value: string) => Named | undefined) | undefined;
  const likelyMeant = () =>
    (meant ??= likelyMeantAmong([
      ...state.entities.partnership.values(),
      ...rows.flatMap((r) => {
        const id = r.type === 'partnership' ? entityId('partnership', r.input) : undefined;
        return id === undefined ? [] : [{ id, name: r.input.name }];
      }),
    ]));
  for (const [ref, { at, found }] of unfound) {
    problems.push(unfoundProblem(ref, at[0]!, found, likelyMeant));
    refused += at.length;
  }
  for (const [target, { list, at }] of groups) {
    if (typeof target !== 'string') {
      const own = (target.input.members as unknown[] | undefined) ?? [];
      target.memberAt = [...(target.memberAt ?? own.map(() => undefined)), ...at];
      target.input.members = [...own, ...list];
      // the members sheet gives the members, whether or not the partnership's own sheet has the column
      if (target.keepStored?.includes('members'))
        target.keepStored = target.keepStored.filter((f) => f !== 'members');
      continue;
    }
    const { version: _version, ...entity } = state.entities.partnership.get(target)!;
    rows.push({
      type: 'partnership',
      sheet: at[0]!.sheet,
      row: at[0]!.row,
      input: { ...entity, members: list },
      memberAt: at,
      membersOnly: true,
    });
  }
  return { problems, refused };
}

/** A member as a members sheet lists it: the role checked, the actor perhaps still a name. */
export type ListedMember = { actorId: string; role: string };

/** A members sheet: partnership, actor, role. */
const PARTNERSHIP_HEADERS = ['partnership', 'partnershipid', 'partnership id'];
const ACTOR_HEADERS = ['actor', 'actorid', 'actor id', 'member', 'organisation'];

/** Where a members header names each column: -1 for none. */
function membersColumns(cells: readonly string[]) {
  const header = cells.map((h) => h.trim().toLowerCase());
  const index = (names: string[]) => header.findIndex((h) => names.includes(h));
  return { p: index(PARTNERSHIP_HEADERS), a: index(ACTOR_HEADERS), r: index(['role']) };
}

export function membersTable(name: string, whole: Table): TableRows {
  const result: TableRows = { rows: [], errors: [], warnings: [], refused: 0 };
  const { table, warning: above } = fromHeader(name, whole, (cells) => {
    const { p, a } = membersColumns(cells);
    return p >= 0 && a >= 0;
  });
  if (above) result.warnings.push(above);
  const { p, a, r } = membersColumns(table.rows[0] ?? []);
  if (p < 0 || a < 0) {
    result.errors.push(
      problemAt(
        name,
        table.lines[0] ?? 1,
        p < 0 ? 'partnership' : 'actor',
        '',
        'MISSING_COLUMN',
        'a members sheet needs partnership and actor columns',
      ),
    );
    result.refused = filledRows(table);
    return result;
  }
  const columnName = (i: number) => table.rows[0]![i]!.trim();
  table.rows.slice(1).forEach((cells, k) => {
    const line = table.lines[k + 1] ?? k + 2;
    const unreadable = [p, a, r].filter((i) => i >= 0 && table.unreadable?.has(`${k + 1}:${i}`));
    for (const i of unreadable) {
      result.errors.push(
        problemAt(
          name,
          line,
          columnName(i),
          '',
          'UNREADABLE_CELL',
          table.unreadable!.get(`${k + 1}:${i}`)!,
        ),
      );
    }
    const partnershipId = cells[p]?.trim() ?? '';
    const actorId = cells[a]?.trim() ?? '';
    if (unreadable.length > 0) {
      result.refused += 1;
      return;
    }
    if (partnershipId === '' || actorId === '') {
      if (isBlankRow(cells)) return;
      result.refused += 1;
      const blank = partnershipId === '' ? p : a;
      result.errors.push(
        problemAt(
          name,
          line,
          columnName(blank),
          '',
          'MISSING_VALUE',
          `a member row needs both a partnership and an actor; '${columnName(blank)}' is blank`,
        ),
      );
      return;
    }
    const role = r >= 0 && cells[r]?.trim() ? normaliseEnum(cells[r]!, MEMBER_ROLES) : 'member';
    if (!(MEMBER_ROLES as readonly string[]).includes(role)) {
      // said here, at the member's own row, rather than at its partnership's
      result.errors.push(
        problemAt(
          name,
          line,
          columnName(r),
          cells[r],
          'INVALID_INPUT',
          `role: ${notOneOf(cells[r]!.trim(), MEMBER_ROLES)}`,
        ),
      );
      result.refused += 1;
      return;
    }
    result.rows.push({
      type: 'partnership',
      sheet: name,
      row: line,
      input: { partnershipId, actorId, role },
      columns: { partnershipId: columnName(p), actorId: columnName(a) },
    });
  });
  return result;
}
