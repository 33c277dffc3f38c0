/**
 * A members sheet (partnership, actor, role): its rows read, then folded into
 * the member lists of their partnerships, in the file or stored. Main
 * functions: membersTable, foldMembers.
 */
import { MEMBER_ROLES } from '../model/index.js';
import type { GraphState } from '../model/index.js';
import { normaliseEnum, notOneOf } from './enum-values.js';
import type { CellAt, ImportRow } from './import-plan.js';
import { problemAt } from './report.js';
import type { ImportProblem } from './report.js';
import { filledRows, fromHeader } from './table.js';
import type { Table, TableRows } from './table.js';

const warning = problemAt;

/**
 * Members rows (partnership, actor, role), of every members sheet, become
 * the member lists of their partnerships.
 */
export function foldMembers(
  rows: ImportRow[],
  members: readonly ImportRow[],
  state: GraphState,
): { problems: ImportProblem[]; refused: number } {
  const problems: ImportProblem[] = [];
  let refused = 0;
  const byPartnership = new Map<string, { list: Member[]; at: CellAt[] }>();
  for (const row of members) {
    const partnershipId = String(row.input.partnershipId);
    const group =
      byPartnership.get(partnershipId) ??
      byPartnership.set(partnershipId, { list: [], at: [] }).get(partnershipId)!;
    group.list.push({ actorId: String(row.input.actorId), role: String(row.input.role) });
    group.at.push({ sheet: row.sheet, row: row.row, column: row.columns?.actorId ?? 'actor' });
  }
  // the file's partnerships by id and by name: a members sheet may name either
  const inFile = new Map<string, ImportRow>();
  for (const r of rows) {
    if (r.type !== 'partnership') continue;
    for (const key of [r.input.id, r.input.name]) {
      if (typeof key === 'string' && !inFile.has(key)) inFile.set(key, r);
    }
  }
  for (const [partnershipId, { list, at }] of byPartnership) {
    const target = inFile.get(partnershipId);
    if (target) {
      const own = (target.input.members as unknown[] | undefined) ?? [];
      target.memberAt = [...(target.memberAt ?? own.map(() => undefined)), ...at];
      target.input.members = [...own, ...list];
      // the members sheet gives the members, whether or not the partnership's own sheet has the column
      if (target.keepStored?.includes('members'))
        target.keepStored = target.keepStored.filter((f) => f !== 'members');
      continue;
    }
    const stored = state.entities.partnership.get(partnershipId);
    if (!stored) {
      problems.push(
        warning(
          at[0]!.sheet,
          at[0]!.row,
          'partnership',
          partnershipId,
          'UNKNOWN_REFERENCE',
          `no partnership '${partnershipId}' in the file or the store`,
        ),
      );
      refused += at.length;
      continue;
    }
    const { version: _version, ...entity } = stored;
    const { members, memberAt } = withListed(entity.members, list, at);
    rows.push({
      type: 'partnership',
      sheet: at[0]!.sheet,
      row: at[0]!.row,
      input: { ...entity, members },
      memberAt,
      membersOnly: true,
    });
  }
  return { problems, refused };
}

type Member = { actorId: string; role: string };

/**
 * A stored partnership's members with those a members sheet lists (at the
 * cells `at`): a listed member it has takes that member's place, so that
 * listing members as they are changes nothing; the others follow in the
 * sheet's order. The members left as stored have no cell.
 */
function withListed(
  stored: readonly Member[],
  listed: readonly Member[],
  at: readonly CellAt[],
): { members: Member[]; memberAt: (CellAt | undefined)[] } {
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
      warning(
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
      if (cells.every((c) => c.trim() === '')) return;
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
