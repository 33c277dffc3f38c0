/**
 * An import report's problems as CSV, the columns the command line's
 * `--report FILE` writes: to open beside the list and fix it row by row.
 * Cells a spreadsheet would run as a formula are written with a quote mark
 * before them.
 */
import type { ImportProblem } from './types.js';

const HEADER = ['kind', 'sheet', 'row', 'column', 'value', 'code', 'message'];

function cell(text: string): string {
  const safe = /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
  return /[",\r\n]/.test(safe) || safe !== safe.trim() ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** The CSV text, with a byte-order mark (Excel reads UTF-8 by it) and CRLF line ends. */
export function problemsCsv(report: {
  errors: readonly ImportProblem[];
  warnings: readonly ImportProblem[];
}): string {
  const line = (kind: string) => (p: ImportProblem) =>
    [kind, p.sheet, String(p.row), p.column, p.value, p.code, p.message].map(cell).join(',');
  const lines = [
    HEADER.join(','),
    ...report.errors.map(line('error')),
    ...report.warnings.map(line('warning')),
  ];
  return `\uFEFF${lines.map((l) => `${l}\r\n`).join('')}`;
}
