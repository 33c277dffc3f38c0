/**
 * A table of cells (from CSV or a sheet) -> import rows in the model's shape:
 * headers matched to fields, cells trimmed, split, converted and normalised.
 * Main function: rowsFromTable.
 */
import type { EntityType } from '../model/index.js';
import { MEMBER_ROLES } from '../model/index.js';
import { COLUMNS, headerKey, normaliseEnum } from './columns.js';
import type { Column } from './columns.js';
import { unneutralise } from './csv.js';
import type { ImportRow } from './import-plan.js';
import { problemAt } from './report.js';
import type { ImportProblem } from './report.js';

export interface Table {
  rows: string[][];
  /** Source line (or sheet row) of each row, 1-based. */
  lines: number[];
}

export interface TableRows {
  rows: ImportRow[];
  errors: ImportProblem[];
  warnings: ImportProblem[];
}

const MULTI = /\s*[|;\n]\s*/;

function setPath(target: Record<string, unknown>, path: string, value: unknown): void {
  if (!path.includes('.')) {
    target[path] = value;
    return;
  }
  const [head, rest] = path.split(/\.(.+)/) as [string, string | undefined];
  if (rest === undefined) {
    target[head] = value;
    return;
  }
  const inner = (target[head] as Record<string, unknown> | undefined) ?? {};
  target[head] = inner;
  setPath(inner, rest, value);
}

/** Header cells -> the column each one feeds, or undefined for columns nobody reads. */
export function matchHeaders(type: EntityType, headers: readonly string[]): (Column | undefined)[] {
  const byKey = new Map<string, Column>();
  for (const column of COLUMNS[type]) {
    for (const synonym of column.synonyms)
      if (!byKey.has(headerKey(synonym))) byKey.set(headerKey(synonym), column);
  }
  const used = new Set<Column>();
  return headers.map((h) => {
    const column = byKey.get(headerKey(h));
    if (!column || used.has(column)) return undefined;
    used.add(column);
    return column;
  });
}

/** A cell that cannot be read as its column's kind. */
class CellProblem {
  constructor(
    readonly code: string,
    readonly message: string,
  ) {}
}

/** A cell's value in the model's shape; undefined when blank. */
function readCell(column: Column, raw: string): unknown {
  const text = unneutralise(raw.trim());
  if (text === '') return undefined;
  switch (column.kind) {
    case 'int': {
      const n = Number(text.replace(',', '.'));
      if (!Number.isFinite(n))
        return new CellProblem('INVALID_NUMBER', `'${text}' is not a number`);
      return n;
    }
    case 'enum':
      return normaliseEnum(text, column.values ?? []);
    case 'ids':
    case 'tags':
      return text.split(MULTI).filter((v) => v !== '');
    case 'members':
      return text
        .split(MULTI)
        .filter((v) => v !== '')
        .map((entry) => {
          const [actorId, role] = entry.split(/\s*[:=]\s*/) as [string, string | undefined];
          return { actorId, role: role ? normaliseEnum(role, MEMBER_ROLES) : 'member' };
        });
    default:
      return text;
  }
}

export function rowsFromTable(type: EntityType, sheet: string, table: Table): TableRows {
  const out: TableRows = { rows: [], errors: [], warnings: [] };
  const [rawHeaders = [], ...body] = table.rows;
  const headers = rawHeaders.map((h) => h.trim());
  const columns = matchHeaders(type, headers);
  const problem = (row: number, column: string, value: unknown, code: string, message: string) =>
    problemAt(sheet, row, column, value, code, message);
  headers.forEach((h, i) => {
    if (!columns[i] && h.trim() !== '') {
      out.warnings.push(
        problem(
          table.lines[0] ?? 1,
          h,
          h,
          'UNKNOWN_COLUMN',
          `column '${h}' is not read for ${type}s`,
        ),
      );
    }
  });
  const present = new Set(columns.filter(Boolean).map((c) => c!.field));
  const missing = COLUMNS[type].filter(
    (c) => c.required && !present.has(c.field) && !(c.field === 'name' && present.has('title')),
  );
  for (const c of missing) {
    out.errors.push(
      problem(
        table.lines[0] ?? 1,
        c.field,
        '',
        'MISSING_COLUMN',
        `a ${type} sheet needs a '${c.field}' column (or one of: ${c.synonyms.slice(1).join(', ') || 'no synonyms'})`,
      ),
    );
  }
  if (missing.length > 0) return out;
  // Which header fed each field: the same for every row of the table.
  const sources: Record<string, string> = {};
  columns.forEach((column, i) => {
    if (column) sources[column.field.split('.')[0]!] = headers[i]!;
  });
  const read = columns.flatMap((column, i) => (column ? [{ column, i }] : []));
  body.forEach((cells, k) => {
    const line = table.lines[k + 1] ?? k + 2;
    if (cells.every((c) => c.trim() === '')) return;
    const input: Record<string, unknown> = {};
    let bad = false;
    for (const { column, i } of read) {
      const value = readCell(column, cells[i] ?? '');
      if (value instanceof CellProblem) {
        out.errors.push(
          problem(line, headers[i]!, cells[i], value.code, `${column.field}: ${value.message}`),
        );
        bad = true;
      } else if (value !== undefined) setPath(input, column.field, value);
    }
    out.rows.push({
      type,
      sheet,
      row: line,
      input,
      columns: sources,
      ...(bad ? { invalid: true } : {}),
    });
  });
  return out;
}
