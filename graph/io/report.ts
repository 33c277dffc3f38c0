/** The import report of DESIGN.md: counts, and every problem with where it is. */

export interface ImportProblem {
  sheet: string;
  /** 1-based row in the sheet (header = row 1 for tables; item index + 1 for JSON). */
  row: number;
  column: string;
  value: string;
  code: string;
  message: string;
}

export interface ImportCounts {
  created: number;
  updated: number;
  unchanged: number;
  rejected: number;
}

export interface ImportReport {
  ok: boolean;
  dryRun: boolean;
  /** True when the change was written; a report with errors never is. */
  committed: boolean;
  version: number;
  counts: ImportCounts;
  errors: ImportProblem[];
  warnings: ImportProblem[];
}

export function emptyCounts(): ImportCounts {
  return { created: 0, updated: 0, unchanged: 0, rejected: 0 };
}

/** Values in a report are strings, shortened so a report stays readable. */
export function showValue(value: unknown): string {
  if (value === undefined || value === null) return '';
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  return text.length > 200 ? `${text.slice(0, 197)}...` : text;
}

/** A word with its article: "an actor", "a mandate", "an 'influence'". */
export function withArticle(word: string): string {
  return `${/^'?[aeiou]/.test(word) ? 'an' : 'a'} ${word}`;
}

/** One problem (or warning) of a report, with where it is. */
export function problemAt(
  sheet: string,
  row: number,
  column: string,
  value: unknown,
  code: string,
  message: string,
): ImportProblem {
  return { sheet, row, column, value: showValue(value), code, message };
}
