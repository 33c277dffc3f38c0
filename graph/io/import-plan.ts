/**
 * Import of parsed rows, whatever their file format: every row is parsed and
 * checked, every problem reported, and the change committed all or nothing.
 * Main function: importRows.
 */
import { GraphError, isGraphError } from '../errors.js';
import { inTurns } from '../turns.js';
import { deriveId, isEndpointType, parseEntity } from '../model/index.js';
import type { EntityType, Partnership, PartnershipMember } from '../model/index.js';
import type { FieldProblem } from '../model/index.js';
import type { Author, GraphService } from '../service.js';
import { findPlannedProblemsInTurns, planUpsert, sameEntity } from '../writes/plan-upsert.js';
import { COLUMNS } from './columns.js';
import { notOneOf } from './enum-values.js';
import { getPath } from './field-paths.js';
import { emptyCounts, showValue } from './report.js';
import { withStoredValues } from './stored-values.js';
import type { ImportCounts, ImportProblem, ImportReport } from './report.js';

/** One row of input, already mapped onto the model's field names. */
export interface ImportRow {
  type: EntityType;
  sheet: string;
  row: number;
  input: Record<string, unknown>;
  /** Source column of each model field, for reports. */
  columns?: Record<string, string>;
  /**
   * Fields (top-level names) the file's reader already reported a problem
   * with: the row is rejected, and only its other fields are still checked.
   */
  invalid?: Set<string>;
  /** A partnership's members that came from rows of a members sheet: where each was, by its index in `input.members`. */
  memberAt?: (CellAt | undefined)[];
  /**
   * A stored partnership that only a members sheet names: the rows of the
   * file are its members' (`memberAt`), and it counts as those.
   */
  membersOnly?: true;
  /**
   * One of several rows made from one line of the file (a Kumu connection
   * to `B|C`): the line counts once.
   */
  sharedLine?: true;
  /**
   * Fields (paths such as `contact.email`) the file has no column for, or
   * whose values its reader assumed: an entity already stored keeps its own
   * values there. Shared by the rows of a table.
   */
  keepStored?: readonly string[];
}

/** A cell of a file: its sheet, row and column. */
export interface CellAt {
  sheet: string;
  row: number;
  column: string;
}

/**
 * Where an import is: 'parsing' the file (in bytes), 'mapping' its rows onto
 * the model, 'checking' them one by one, then 'writing' the rows created or
 * updated in one transaction (0 when it starts, all once they are committed;
 * only the end when there is nothing to write).
 */
export type ImportProgress = (
  stage: 'parsing' | 'mapping' | 'checking' | 'writing',
  done: number,
  total: number,
) => void;

export interface ImportOptions {
  dryRun?: boolean;
  onProgress?: ImportProgress;
  /** Who asked, for the audit log. */
  author?: Author;
}

/** The rows an import writes: those it creates or updates. */
function changed(counts: ImportCounts): number {
  return counts.created + counts.updated;
}

/** Rows checked between two progress reports, and two turns of the event loop. */
const PROGRESS_EVERY = 5_000;

class ImportAborted extends Error {}

/** What became of a row of the file. */
type Outcome = keyof ImportCounts;

/** Of two outcomes of one line, the one it counts as: a rejection first, then whatever changed. */
const RANK: Record<Outcome, number> = { unchanged: 0, updated: 1, created: 2, rejected: 3 };

/**
 * What became of each member of a partnership whose outcome was `outcome`.
 * When a stored partnership was updated, a member it already had as it is
 * was unchanged; a member it did not have, or had in another role, updated it.
 */
function memberChanges(
  members: readonly PartnershipMember[],
  stored: readonly PartnershipMember[],
  outcome: Outcome,
): Outcome[] {
  if (outcome !== 'updated') return members.map(() => outcome);
  const before = new Map(stored.map((m) => [m.actorId, m]));
  return members.map((m) => {
    const old = before.get(m.actorId);
    return old && sameEntity(old, m) ? 'unchanged' : 'updated';
  });
}

/**
 * The counts of a report, by line of the file, so that they add up to the
 * rows read: a members sheet's rows count as the members they give (not as
 * their partnership), the rows made from one Kumu line count once, and
 * `refused` lines (rows a reader refused outright, and so gave no row to
 * check) count as rejected.
 */
function countLines(
  rows: readonly ImportRow[],
  outcomes: readonly Outcome[],
  memberOutcomes: ReadonlyMap<number, readonly Outcome[]>,
  refused: number,
): ImportCounts {
  const counts = emptyCounts();
  counts.rejected += refused;
  const shared = new Map<string, Outcome>();
  rows.forEach((row, index) => {
    const outcome = outcomes[index]!;
    row.memberAt?.forEach((at, k) => {
      if (!at) return;
      counts[outcome === 'rejected' ? outcome : (memberOutcomes.get(index)?.[k] ?? outcome)] += 1;
    });
    if (row.membersOnly) return;
    if (!row.sharedLine) {
      counts[outcome] += 1;
      return;
    }
    const line = `${row.sheet}\n${row.row}`;
    const earlier = shared.get(line);
    if (earlier === undefined || RANK[outcome] > RANK[earlier]) shared.set(line, outcome);
  });
  for (const outcome of shared.values()) counts[outcome] += 1;
  return counts;
}

/**
 * What to say of a field that failed, when zod's words say less: a blank
 * cell (or missing field) the entity needs, or a value that is not one of an
 * enum's (a whole field's, or one inside it such as a member's role), with
 * the one a typo most likely meant.
 */
function plainMessage(row: ImportRow, problem: FieldProblem): string | undefined {
  const { path } = problem;
  const top = path.split('.')[0]!;
  const nested = path !== top;
  const values = nested ? problem.values : COLUMNS[row.type].find((c) => c.field === top)?.values;
  const given = nested ? getPath(row.input, path) : row.input[top];
  if (given === undefined) {
    if (nested) return undefined;
    return `${top}: is required${values ? `; one of ${values.join(', ')}` : ''}`;
  }
  if (values && typeof given === 'string' && !values.includes(given))
    return `${path}: ${notOneOf(given, values)}`;
  return undefined;
}

/** The members sheet's cell of a member whose actor is unknown, when it came from one. */
function memberCell(row: ImportRow, error: GraphError): CellAt | undefined {
  if (error.code !== 'UNKNOWN_REFERENCE' || error.details.field !== 'members') return undefined;
  const members = row.input.members as { actorId?: unknown }[] | undefined;
  const k = members?.findIndex((m) => m.actorId === error.details.value) ?? -1;
  return k >= 0 ? row.memberAt?.[k] : undefined;
}

/** The members sheet's cell of a problem inside a member (`members.3.actorId`), when it came from one. */
function memberRowOf(row: ImportRow, path: string): CellAt | undefined {
  const index = /^members\.(\d+)(?:\.|$)/.exec(path)?.[1];
  return index === undefined ? undefined : row.memberAt?.[Number(index)];
}

/**
 * The problems of a row's fields other than `reported`, which its reader
 * already refused. The id is left out too: it may be made from a refused field.
 * The row is parsed whole, refused fields and all, so that a row whose only
 * problem is a reference (a well-formed id that names nothing) parses at
 * once: every row of a file can be such a row.
 */
function otherProblems(row: ImportRow, reported: ReadonlySet<string>): ImportProblem[] {
  try {
    parseEntity(row.type, row.input);
    return [];
  } catch (error) {
    return problemsFromError(row, error, new Set([...reported, 'id']));
  }
}

function problemsFromError(
  row: ImportRow,
  error: unknown,
  skip: ReadonlySet<string> = new Set(),
): ImportProblem[] {
  if (!isGraphError(error)) throw error;
  const field = (error.details.field as string | undefined) ?? '';
  const fieldProblems = (
    (error.details.problems as FieldProblem[] | undefined) ?? [
      { path: field, message: error.message },
    ]
  ).filter((p) => !skip.has(p.path.split('.')[0] ?? ''));
  const member = memberCell(row, error);
  return fieldProblems.map((p) => {
    const top = p.path.split('.')[0] ?? '';
    if (member) {
      const value = showValue(error.details.value);
      return { ...member, value, code: error.code, message: error.message };
    }
    const invalid = error.code === 'INVALID_INPUT';
    // zod's own wording for a wrong type or value, not a rule's message
    const typeOrValue = p.code === 'invalid_type' || p.code === 'invalid_value';
    const plain = invalid && typeOrValue ? plainMessage(row, p) : undefined;
    // the value inside a field when the problem is there (a member's role), else the field's
    const given = (p.path === top ? undefined : getPath(row.input, p.path)) ?? row.input[top];
    const listed = memberRowOf(row, p.path);
    if (listed && invalid) {
      // said at the members sheet's row, where the member is: its index means nothing there
      return { ...listed, value: showValue(given), code: error.code, message: p.message };
    }
    return {
      sheet: row.sheet,
      row: row.row,
      column: row.columns?.[top] ?? p.path,
      value: showValue(invalid ? given : (error.details.value ?? row.input[top])),
      code: error.code,
      message: plain ?? (invalid ? `${p.path ? `${p.path}: ` : ''}${p.message}` : error.message),
    };
  });
}

/**
 * An unknown reference to an entity whose own row the import refused says so:
 * the entity is in the file, but its row has problems of its own.
 */
function withRefusedTarget(
  error: GraphError,
  refusedById: ReadonlyMap<EntityType, ReadonlyMap<string, ImportRow>>,
): GraphError {
  if (error.code !== 'UNKNOWN_REFERENCE') return error;
  const { type, id, field, targetType, value } = error.details as Record<string, string>;
  const row = refusedById.get(targetType as EntityType)?.get(value!);
  if (!row) return error;
  return new GraphError(
    error.code,
    `${type} '${id}' refers to ${targetType} '${value}' in ${field}, whose own row (${row.sheet} row ${row.row}) was rejected`,
    error.details,
  );
}

/**
 * Puts problems in the order of the file: first those of sheets that gave no
 * rows (an unknown sheet, missing columns), then sheet by sheet as the rows
 * came (a members sheet with the partnerships it fills), row by row, each
 * row's problems in the order they were found.
 */
function sortByPlace(problems: ImportProblem[], rows: readonly ImportRow[]): void {
  if (problems.length === 0) return;
  const rowSheets = new Map<string, number>();
  const add = (sheet: string) => rowSheets.has(sheet) || rowSheets.set(sheet, rowSheets.size);
  for (const row of rows) {
    add(row.sheet);
    // a members sheet comes with its partnerships
    if (row.memberAt) for (const at of row.memberAt) if (at) add(at.sheet);
  }
  const others = [...new Set(problems.map((p) => p.sheet))].filter((s) => !rowSheets.has(s));
  // sheets without rows rank below zero, in the order their problems were found
  const rank = (sheet: string) => rowSheets.get(sheet) ?? others.indexOf(sheet) - others.length;
  problems.sort((a, b) => rank(a.sheet) - rank(b.sheet) || a.row - b.row);
}

/**
 * Imports rows into the graph. `found` carries what the file's own parser
 * already reported: its errors also stop the commit, its warnings are passed on.
 */
export async function importRows(
  service: GraphService,
  rows: readonly ImportRow[],
  options: ImportOptions = {},
  found: { errors?: ImportProblem[]; warnings?: ImportProblem[]; refused?: number } = {},
): Promise<ImportReport> {
  const warnings = found.warnings ?? [];
  const fileErrors = found.errors ?? [];
  let counts = emptyCounts();
  const errors: ImportProblem[] = [];
  const dryRun = options.dryRun ?? false;
  try {
    await service.commit(async (overlay) => {
      errors.length = 0;
      for (const e of fileErrors) errors.push(e);
      // the row of each entity, by type then id, with its index in `rows`
      const rowOf = new Map<EntityType, Map<string, { row: ImportRow; index: number }>>();
      const outcomes: Outcome[] = new Array<Outcome>(rows.length);
      // for a partnership with members from a members sheet, what became of each member
      const memberOutcomes = new Map<number, Outcome[]>();
      // rows refused before planning, by type then the id they would have had
      const refusedById = new Map<EntityType, Map<string, ImportRow>>();
      const refuse = (row: ImportRow, index: number) => {
        outcomes[index] = 'rejected';
        const id = deriveId(row.type, row.input);
        if (!id) return;
        let ofType = refusedById.get(row.type);
        if (!ofType) refusedById.set(row.type, (ofType = new Map()));
        if (!ofType.has(id)) ofType.set(id, row);
      };
      /** Parses and plans one row: synchronous, so the hot loop is plain code. */
      const checkRow = (index: number): void => {
        const given = rows[index]!;
        const input = withStoredValues(given, overlay.state);
        const row = input === given.input ? given : { ...given, input };
        if (row.invalid) {
          refuse(row, index);
          for (const problem of otherProblems(row, row.invalid)) errors.push(problem);
          return;
        }
        try {
          const entity = parseEntity(row.type, row.input);
          let rowsOfType = rowOf.get(row.type);
          if (!rowsOfType) rowOf.set(row.type, (rowsOfType = new Map()));
          const earlier = rowsOfType.get(entity.id)?.row;
          if (earlier) {
            errors.push({
              sheet: row.sheet,
              row: row.row,
              column: row.columns?.id ?? 'id',
              value: entity.id,
              code: 'DUPLICATE_ID',
              message:
                row.input.id !== undefined
                  ? `${row.type} '${entity.id}' is also at ${earlier.sheet} row ${earlier.row}`
                  : isEndpointType(row.type)
                    ? `${row.type} '${entity.id}' (the id its ends make) is also at ${earlier.sheet} row ${earlier.row}: merge the rows`
                    : `${row.type} '${entity.id}' (the id made from its name) is also at ${earlier.sheet} row ${earlier.row}: give one of them another id, or merge the rows`,
            });
            outcomes[index] = 'rejected';
            return;
          }
          rowsOfType.set(entity.id, { row, index });
          const before = row.memberAt ? overlay.get(row.type, entity.id) : undefined;
          const outcome = planUpsert(overlay, row.type, entity);
          outcomes[index] = outcome;
          if (row.memberAt) {
            const members = (entity as Partnership).members;
            const stored = (before as Partnership | undefined)?.members ?? [];
            memberOutcomes.set(index, memberChanges(members, stored, outcome));
          }
        } catch (error) {
          errors.push(...problemsFromError(row, error));
          refuse(row, index);
        }
      };
      // other requests get a turn between chunks: checking 300,000 rows takes seconds
      await inTurns(
        rows.length,
        PROGRESS_EVERY,
        (start, end) => {
          for (let i = start; i < end; i += 1) checkRow(i);
        },
        (start) => options.onProgress?.('checking', start, rows.length),
      );
      options.onProgress?.('checking', rows.length, rows.length);
      for (const problem of await findPlannedProblemsInTurns(overlay, PROGRESS_EVERY * 4)) {
        const planned = rowOf.get(problem.type)?.get(problem.id);
        if (!planned) continue;
        const { row, index } = planned;
        errors.push(...problemsFromError(row, withRefusedTarget(problem.error, refusedById)));
        outcomes[index] = 'rejected';
      }
      counts = countLines(rows, outcomes, memberOutcomes, found.refused ?? 0);
      if (errors.length > 0 || dryRun) throw new ImportAborted();
      if (changed(counts) > 0) options.onProgress?.('writing', 0, changed(counts));
    }, options.author);
    options.onProgress?.('writing', changed(counts), changed(counts));
  } catch (error) {
    if (!(error instanceof ImportAborted)) throw error;
  }
  sortByPlace(errors, rows);
  sortByPlace(warnings, rows);
  const ok = errors.length === 0;
  const version = await service.store.version();
  return { ok, dryRun, committed: ok && !dryRun, version, counts, errors, warnings };
}
