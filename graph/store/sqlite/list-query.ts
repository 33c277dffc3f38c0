import type { EntityType } from '../../model/index.js';
import { FILTER_REF_FIELDS } from '../graph-store.js';
import type { ListQuery } from '../graph-store.js';
import { foldCase } from '../fold-case.js';
import { LIST_SQL } from './statements.js';

const { jurisdictionId: JURISDICTION_FIELDS, issueId: ISSUE_FIELDS } = FILTER_REF_FIELDS;

/** Composes the page and count statements of a list query from the fragments of LIST_SQL. */
export function buildListQuery(
  type: EntityType,
  query: ListQuery,
): { select: string; count: string; params: unknown[]; countParams: unknown[] } {
  const where: string[] = [];
  const params: unknown[] = [];
  const f = query.filter ?? {};
  if (f.nameContains) {
    where.push(LIST_SQL.nameContains);
    params.push(foldCase(f.nameContains));
  }
  if (f.kind) {
    where.push(LIST_SQL.kind);
    params.push(f.kind);
  }
  if (f.sector) {
    where.push(LIST_SQL.sector);
    params.push(f.sector);
  }
  const refIn = (fields: readonly string[], target: string): void => {
    where.push(`(${fields.map(() => LIST_SQL.refAt).join(' OR ')})`);
    for (const field of fields) params.push(`$.${field}`, target);
  };
  if (f.levelId) refIn(['levelId'], f.levelId);
  if (f.jurisdictionId) refIn(JURISDICTION_FIELDS, f.jurisdictionId);
  if (f.issueId) {
    if (type === 'actor') {
      where.push(LIST_SQL.actorIssue);
      params.push(f.issueId, f.issueId);
    } else {
      refIn(ISSUE_FIELDS, f.issueId);
    }
  }
  const filters = where.map((w) => ` AND ${w}`).join('');
  const count = `${LIST_SQL.count}${filters}`;
  const countParams = [type, ...params];
  const afterClause = query.afterId === undefined ? '' : ` AND ${LIST_SQL.after}`;
  const select = `${LIST_SQL.select}${filters}${afterClause} ${LIST_SQL.order}`;
  const selectParams = [type, ...params];
  if (query.afterId !== undefined) selectParams.push(query.afterId);
  selectParams.push(query.first + 1);
  return { select, count, params: selectParams, countParams };
}
