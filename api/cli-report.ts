/**
 * An import report as the CLI prints it, and as it writes it whole to a file
 * (`--report FILE`). A file whose every row is wrong has a problem per row:
 * the terminal shows the first few of each kind and counts the rest by code.
 */
import { writeFileSync } from 'node:fs';
import { extname } from 'node:path';
import { toCsv } from '../graph/index.js';
import type { ImportProblem, ImportReport } from '../graph/index.js';

/** Problems of each kind (errors, warnings) printed before the rest are only counted. */
export const PROBLEMS_PRINTED = 50;

function problemLine(kind: 'error' | 'warning', p: ImportProblem): string {
  const where = `${p.sheet} row ${p.row}${p.column ? ` [${p.column}]` : ''}`;
  return `${kind.padEnd(7)} ${where}: ${p.message} (${p.code})`;
}

/** The first problems of a kind, then one line counting the others by code. */
function problemLines(
  kind: 'error' | 'warning',
  problems: readonly ImportProblem[],
  reportFile: string | undefined,
): string[] {
  const lines = problems.slice(0, PROBLEMS_PRINTED).map((p) => problemLine(kind, p));
  const rest = problems.slice(PROBLEMS_PRINTED);
  if (rest.length === 0) return lines;
  const byCode = new Map<string, number>();
  for (const p of rest) byCode.set(p.code, (byCode.get(p.code) ?? 0) + 1);
  const codes = [...byCode].map(([code, n]) => `${code} ${n}`).join(', ');
  const whole = reportFile ? `every one is in ${reportFile}` : '--report FILE writes every one';
  lines.push(`... and ${rest.length} more ${kind}s (${codes}): ${whole}`);
  return lines;
}

/** What became of the import, in a few words: a file that changes nothing says so. */
function headline(report: ImportReport): string {
  if (!report.ok) return 'not imported: nothing was written';
  const { created, updated, unchanged } = report.counts;
  if (created + updated > 0) return report.dryRun ? 'dry run: nothing written' : 'imported';
  if (unchanged > 0) {
    return report.dryRun
      ? 'dry run: every row is as stored, nothing would change'
      : 'nothing changed: every row is as stored';
  }
  return report.dryRun ? 'dry run: the file has no rows' : 'nothing imported: the file has no rows';
}

export function formatReport(report: ImportReport, reportFile?: string): string {
  const { created, updated, unchanged, rejected } = report.counts;
  const lines = [
    headline(report),
    `created ${created}, updated ${updated}, unchanged ${unchanged}, rejected ${rejected}`,
    ...problemLines('error', report.errors, reportFile),
    ...problemLines('warning', report.warnings, reportFile),
  ];
  return `${lines.join('\n')}\n`;
}

/**
 * Writes the whole report to `path`: JSON as the HTTP API answers when the
 * name ends in .json, else CSV with a row per problem (to open beside the file).
 */
export function writeReportFile(path: string, report: ImportReport): void {
  if (extname(path).toLowerCase() === '.json') {
    writeFileSync(path, `${JSON.stringify(report, null, 2)}\n`);
    return;
  }
  const header = ['kind', 'sheet', 'row', 'column', 'value', 'code', 'message'];
  const row = (kind: 'error' | 'warning') => (p: ImportProblem) => [
    kind,
    p.sheet,
    String(p.row),
    p.column,
    p.value,
    p.code,
    p.message,
  ];
  const rows = [header, ...report.errors.map(row('error')), ...report.warnings.map(row('warning'))];
  writeFileSync(path, toCsv(rows));
}
