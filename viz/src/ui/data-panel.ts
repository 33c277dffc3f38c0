/**
 * The Data panel: a planner's list checked, then imported, with the report
 * the server gives (what became of the rows, every problem with where it
 * is, all of it to save as CSV); and the graph taken out as a workbook, JSON, a CSV of actors, or the
 * network in view as GraphML or GEXF. The panel is built once and kept, so
 * that the redraw after an import leaves its report in place.
 */
import { FileRequestError, fetchExport, sendList } from '../api/files.js';
import type { ImportProblem, ImportReport } from '../model/types.js';
import { problemsCsv } from '../model/report-csv.js';
import { fill, h } from './dom.js';
import { download } from './export.js';

/** Problems of each kind listed; the rest are counted. */
const LISTED = 100;

const ACCEPTED = '.csv,.tsv,.txt,.xlsx,.xlsm,.json';

const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error));

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

/** What became of the file, in a sentence. */
function headline(name: string, report: ImportReport): string {
  const { created, updated, unchanged } = report.counts;
  if (!report.ok)
    return `${name} cannot be imported: ${plural(report.errors.length, 'problem')}, listed below. Nothing was written.`;
  if (created + updated > 0)
    return report.committed ? `Imported ${name}.` : `${name} is ready to import.`;
  if (unchanged > 0)
    return report.committed
      ? `Nothing changed: every row of ${name} is as stored.`
      : `Every row of ${name} is as stored: importing it would change nothing.`;
  return `${name} has no rows to import.`;
}

function problemTable(title: string, problems: ImportProblem[], testid: string): HTMLElement[] {
  if (problems.length === 0) return [];
  const where = (p: ImportProblem) =>
    [p.sheet, p.row > 0 ? `row ${p.row}` : '', p.column].filter(Boolean).join(', ');
  const table = h(
    'table',
    { class: 'change problems', 'data-testid': testid },
    h('thead', {}, h('tr', {}, h('th', {}, 'Where'), h('th', {}, 'Value'), h('th', {}, 'What'))),
    h(
      'tbody',
      {},
      problems
        .slice(0, LISTED)
        .map((p) =>
          h(
            'tr',
            {},
            h('td', {}, where(p)),
            h('td', {}, p.value),
            h('td', {}, p.message, h('div', { class: 'muted' }, p.code)),
          ),
        ),
    ),
  );
  const more = problems.length - LISTED;
  const rest = more > 0 ? [h('p', { class: 'muted' }, `… and ${more} more.`)] : [];
  return [h('h3', {}, `${title} (${problems.length})`), table, ...rest];
}

/** A button that saves every problem of the report, listed or not, as CSV. */
function saveProblems(name: string, report: ImportReport): HTMLElement[] {
  const count = report.errors.length + report.warnings.length;
  if (count === 0) return [];
  const save = () => {
    const blob = new Blob([problemsCsv(report)], { type: 'text/csv;charset=utf-8' });
    download(blob, `${name.replace(/\.[^.]*$/, '')}-problems.csv`);
  };
  return [
    h(
      'button',
      { type: 'button', id: 'save-problems', onclick: save },
      `Save ${count === 1 ? 'the problem' : `all ${count} problems`} (.csv)`,
    ),
  ];
}

function reportView(name: string, report: ImportReport): HTMLElement[] {
  const { created, updated, unchanged, rejected } = report.counts;
  return [
    h(
      'p',
      { class: report.ok ? '' : 'error', role: report.ok ? 'status' : 'alert' },
      headline(name, report),
    ),
    h(
      'p',
      { 'data-testid': 'import-counts' },
      `created ${created}, updated ${updated}, unchanged ${unchanged}, rejected ${rejected}`,
    ),
    ...saveProblems(name, report),
    ...problemTable('Problems', report.errors, 'import-errors'),
    ...problemTable('Warnings', report.warnings, 'import-warnings'),
  ];
}

/** What a CSV (or a workbook's one unnamed sheet) may hold, when its name does not say. */
const TYPES = [
  'actors',
  'mandates',
  'jurisdictions',
  'issues',
  'levels',
  'partnerships',
  'interests',
  'ties',
  'assessments',
];

function importSection(): HTMLElement {
  const input = h('input', { type: 'file', id: 'import-file', accept: ACCEPTED });
  const holdsSelect = h(
    'select',
    { id: 'import-type' },
    h('option', { value: '' }, 'what its name says'),
    TYPES.map((t) => h('option', { value: t }, t)),
  );
  const check = h('button', { type: 'button', id: 'import-check', disabled: true }, 'Check');
  const commit = h('button', { type: 'button', id: 'import-commit', disabled: true }, 'Import');
  const report = h('div', { 'data-testid': 'import-report', 'aria-live': 'polite' });
  // the file a clean check was last run on, and as what: the one Import may send
  let checked: { file: File; type: string } | null = null;
  const chosen = () => input.files?.[0] ?? null;
  const reset = () => {
    checked = null;
    commit.disabled = true;
    check.disabled = chosen() === null;
    fill(report);
  };
  input.addEventListener('change', reset);
  holdsSelect.addEventListener('change', reset);
  const send = async (dryRun: boolean) => {
    const { file, type: holds } = dryRun
      ? { file: chosen(), type: holdsSelect.value }
      : (checked ?? {});
    if (!file) return;
    check.disabled = true;
    commit.disabled = true;
    fill(report, h('p', { class: 'muted' }, `${dryRun ? 'Checking' : 'Importing'} ${file.name}…`));
    try {
      const result = await sendList(file, dryRun, holds);
      checked = dryRun && result.ok ? { file, type: holds ?? '' } : null;
      fill(report, ...reportView(file.name, result));
    } catch (error) {
      checked = null;
      // the server refused the file whole; else it never got it (no connection, or a file
      // the browser can no longer read because it changed on disk since it was chosen)
      const message =
        error instanceof FileRequestError
          ? error.message
          : `Could not send ${file.name} (${messageOf(error)}). If you changed the file since choosing it, choose it again.`;
      fill(report, h('p', { class: 'error', role: 'alert' }, message));
    } finally {
      check.disabled = chosen() === null;
      commit.disabled = checked === null;
    }
  };
  check.addEventListener('click', () => void send(true));
  commit.addEventListener('click', () => void send(false));
  return h(
    'section',
    {},
    h('h2', {}, 'Bring in a list'),
    h(
      'p',
      { class: 'muted' },
      'A CSV, an Excel workbook, a Kumu export or a JSON document. Check it first: nothing is written until you import it, and an import is all or nothing.',
    ),
    h('label', { class: 'field' }, 'List ', input),
    h('label', { class: 'field' }, 'Holds ', holdsSelect),
    h('div', { class: 'buttons' }, check, commit),
    report,
  );
}

/** Exports, as [label, path]; the network ones follow the scope in view. */
function exportsOf(scopeQuery: string): [string, string][] {
  return [
    ['Workbook (.xlsx)', '/api/export/xlsx'],
    ['Actors (.csv)', '/api/export/csv?entity=actors'],
    ['Whole graph (.json)', '/api/export/json'],
    ['Network in view (.graphml)', `/api/export/graphml${scopeQuery}`],
    ['Network in view (.gexf)', `/api/export/gexf${scopeQuery}`],
  ];
}

function exportSection(scopeQuery: () => string): HTMLElement {
  const status = h('p', { class: 'muted', 'data-testid': 'export-status', 'aria-live': 'polite' });
  const save = async (index: number) => {
    const [label, path] = exportsOf(scopeQuery())[index]!;
    fill(status, `Preparing ${label}…`);
    status.className = 'muted';
    try {
      const { blob, filename } = await fetchExport(path);
      download(blob, filename);
      fill(status, `Saved ${filename}.`);
    } catch (error) {
      status.className = 'error';
      fill(status, `Could not export: ${messageOf(error)}`);
    }
  };
  return h(
    'section',
    {},
    h('h2', {}, 'Take out'),
    h(
      'div',
      { class: 'buttons' },
      exportsOf('').map(([label], i) =>
        h('button', { type: 'button', onclick: () => void save(i) }, label),
      ),
    ),
    status,
  );
}

let built: HTMLElement | undefined;

/** Shows the Data panel in `el`; `scopeQuery` gives the scope in view as a query string. */
export function renderDataPanel(el: HTMLElement, scopeQuery: () => string): void {
  built ??= h('div', {}, importSection(), exportSection(scopeQuery));
  fill(el, built);
}
