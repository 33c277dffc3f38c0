import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseCsv } from '../graph/io/csv.js';
import type { ImportProblem, ImportReport } from '../graph/index.js';
import { PROBLEMS_PRINTED, formatReport, writeReportFile } from './cli-report.js';

const problem = (row: number, code: string, value = 'x'): ImportProblem => ({
  sheet: 'mandates.csv',
  row,
  column: 'holder',
  value,
  code,
  message: `problem ${row}`,
});

function reportOf(errors: ImportProblem[], warnings: ImportProblem[] = []): ImportReport {
  return {
    ok: errors.length === 0,
    dryRun: true,
    committed: false,
    version: 1,
    counts: { created: 0, updated: 0, unchanged: 0, rejected: errors.length },
    errors,
    warnings,
  };
}

describe('the CLI import report', () => {
  it('lists every problem of a short report', () => {
    const text = formatReport(
      reportOf([problem(2, 'UNKNOWN_REFERENCE')], [problem(3, 'LIKELY_DUPLICATE')]),
    );
    expect(text).toBe(
      [
        'not imported: nothing was written',
        'created 0, updated 0, unchanged 0, rejected 1',
        'error   mandates.csv row 2 [holder]: problem 2 (UNKNOWN_REFERENCE)',
        'warning mandates.csv row 3 [holder]: problem 3 (LIKELY_DUPLICATE)',
        '',
      ].join('\n'),
    );
  });

  it('says what became of the rows: imported, changing nothing, or none at all', () => {
    const first = (counts: ImportReport['counts'], dryRun: boolean) =>
      formatReport({ ...reportOf([]), dryRun, committed: !dryRun, counts }).split('\n')[0];
    const none = { created: 0, updated: 0, unchanged: 0, rejected: 0 };
    expect(first({ ...none, created: 1, unchanged: 3 }, false)).toBe('imported');
    expect(first({ ...none, updated: 1 }, true)).toBe('dry run: nothing written');
    expect(first({ ...none, unchanged: 3 }, false)).toBe('nothing changed: every row is as stored');
    expect(first({ ...none, unchanged: 3 }, true)).toBe(
      'dry run: every row is as stored, nothing would change',
    );
    expect(first(none, false)).toBe('nothing imported: the file has no rows');
    expect(first(none, true)).toBe('dry run: the file has no rows');
  });

  it('prints the first problems of a long report and counts the rest by code', () => {
    const errors = Array.from({ length: 1_000 }, (_, i) =>
      problem(i + 2, i % 4 === 0 ? 'INVALID_INPUT' : 'UNKNOWN_REFERENCE'),
    );
    const rest = errors.slice(PROBLEMS_PRINTED);
    const invalid = rest.filter((e) => e.code === 'INVALID_INPUT').length;
    const lines = formatReport(reportOf(errors)).trimEnd().split('\n');
    expect(lines).toHaveLength(2 + PROBLEMS_PRINTED + 1);
    expect(lines.at(-1)).toBe(
      `... and ${rest.length} more errors (UNKNOWN_REFERENCE ${rest.length - invalid}, INVALID_INPUT ${invalid}): --report FILE writes every one`,
    );
    expect(formatReport(reportOf(errors), 'problems.csv')).toContain(
      'every one is in problems.csv',
    );
  });

  it('writes every problem to a CSV file, formulas neutralised, or the whole report as JSON', () => {
    const dir = mkdtempSync(join(tmpdir(), 'mm-report-'));
    const errors = Array.from({ length: 120 }, (_, i) => problem(i + 2, 'UNKNOWN_REFERENCE'));
    const report = reportOf(
      [...errors, problem(200, 'INVALID_INPUT', '=HYPERLINK("x")')],
      [problem(3, 'LIKELY_DUPLICATE')],
    );
    writeReportFile(join(dir, 'problems.csv'), report);
    const rows = parseCsv(readFileSync(join(dir, 'problems.csv'), 'utf8')).rows;
    expect(rows[0]).toEqual(['kind', 'sheet', 'row', 'column', 'value', 'code', 'message']);
    expect(rows).toHaveLength(1 + 122);
    expect(rows[121]).toEqual([
      'error',
      'mandates.csv',
      '200',
      'holder',
      `'=HYPERLINK("x")`,
      'INVALID_INPUT',
      'problem 200',
    ]);
    expect(rows[122]![0]).toBe('warning');
    writeReportFile(join(dir, 'report.JSON'), report);
    expect(JSON.parse(readFileSync(join(dir, 'report.JSON'), 'utf8'))).toEqual(report);
  });
});
