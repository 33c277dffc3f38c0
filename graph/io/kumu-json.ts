/**
 * Kumu's JSON, a "blueprint": `{ elements: [...], connections: [...] }`,
 * each item an object whose keys are the columns of Kumu's Elements and
 * Connections sheets (label, type, description, tags; from, to, type). They
 * become those sheets' tables, read as Kumu sheets are. Main functions:
 * isKumuBlueprint, tablesFromBlueprint.
 */
import { COLLECTION_OF, ENTITY_TYPES } from '../model/index.js';
import { joinValues } from './multi-values.js';
import { problemAt } from './report.js';
import type { ImportProblem } from './report.js';
import { collectionItems, isObject } from './json.js';
import type { NamedTable } from './sheets.js';
import type { Table } from './table.js';

const KUMU_KEYS = { elements: 'kumu-elements', connections: 'kumu-connections' } as const;
const MODEL_KEYS = new Set<string>(ENTITY_TYPES.map((t) => COLLECTION_OF[t]));

type Document = Record<string, unknown>;

/** A JSON document shaped as Kumu's: elements or connections, and no collection of the model's. */
export function isKumuBlueprint(document: unknown): document is Document {
  if (!isObject(document)) return false;
  const keys = Object.keys(document);
  return keys.some((k) => k in KUMU_KEYS) && !keys.some((k) => MODEL_KEYS.has(k));
}

/** A value of an item as a cell: lists joined as a multi-valued cell is written. */
function cellOf(value: unknown): string {
  if (value === undefined || value === null) return '';
  if (Array.isArray(value)) return joinValues(value.map(cellOf));
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

/**
 * Items, each with its item number, -> a table: the header is every key, in
 * the order first met; an item's row is its item number, as a JSON
 * document's rows are.
 */
function tableOf(items: readonly [Document, number][]): Table {
  const header: string[] = [];
  const column = new Map<string, number>();
  for (const [item] of items) {
    for (const name of Object.keys(item)) {
      if (!column.has(name)) column.set(name, header.push(name) - 1);
    }
  }
  const rows = [header];
  const lines = [0];
  for (const [item, line] of items) {
    const cells = header.map(() => '');
    for (const [name, value] of Object.entries(item)) cells[column.get(name)!] = cellOf(value);
    rows.push(cells);
    lines.push(line);
  }
  return { rows, lines };
}

/**
 * The Elements and Connections tables of a Kumu blueprint, with problems
 * of its shape. Its other keys (loops, a backup's maps and views) are not
 * read, with a warning each.
 */
export function tablesFromBlueprint(document: Document): {
  sheets: NamedTable[];
  errors: ImportProblem[];
  warnings: ImportProblem[];
  refused: number;
} {
  const sheets: NamedTable[] = [];
  const errors: ImportProblem[] = [];
  const warnings: ImportProblem[] = [];
  let refused = 0;
  for (const [key, value] of Object.entries(document)) {
    const type = key in KUMU_KEYS ? KUMU_KEYS[key as keyof typeof KUMU_KEYS] : undefined;
    if (!type) {
      const message = `'${key}' is not read: mandatemap reads a Kumu map's elements and connections`;
      warnings.push(problemAt(key, 0, '', key, 'KUMU_NOT_READ', message));
      continue;
    }
    const collection = collectionItems(key, value);
    for (const e of collection.errors) errors.push(e);
    refused += collection.refused;
    // a collection that is not an array has no table: its problem says so
    if (Array.isArray(value)) sheets.push({ name: key, type, table: tableOf(collection.items) });
  }
  return { sheets, errors, warnings, refused };
}
