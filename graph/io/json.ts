/** JSON documents in the model's own shape: `{ levels, jurisdictions, issues, ... }`. */
import { COLLECTION_OF, ENTITY_TYPES, withoutVersion } from '../model/index.js';
import type { AnyEntity, EntityType, GraphState } from '../model/index.js';
import { sortedEntities } from './export-table.js';
import type { ImportRow } from './import-plan.js';
import { showValue } from './report.js';
import type { ImportProblem } from './report.js';

const TYPE_OF_COLLECTION = new Map(ENTITY_TYPES.map((t) => [COLLECTION_OF[t], t] as const));

export interface ParsedDocument {
  rows: ImportRow[];
  errors: ImportProblem[];
  /** Items refused outright (not objects, or in an unknown collection), which give no row. */
  refused: number;
}

function problem(sheet: string, row: number, value: unknown, message: string): ImportProblem {
  return { sheet, row, column: '', value: showValue(value), code: 'INVALID_INPUT', message };
}

type Item = Record<string, unknown>;

/** A JSON object, not an array: a document, or an item of one. */
export function isObject(value: unknown): value is Item {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * The objects of a document's collection `key`, each with its item number
 * (1-based). A collection that is not an array is a problem; so is each
 * item that is not an object, refused.
 */
export function collectionItems(
  key: string,
  value: unknown,
): { items: [Item, number][]; errors: ImportProblem[]; refused: number } {
  if (!Array.isArray(value))
    return { items: [], errors: [problem(key, 0, value, `'${key}' must be an array`)], refused: 0 };
  const items: [Item, number][] = [];
  const errors: ImportProblem[] = [];
  value.forEach((item: unknown, index) => {
    if (isObject(item)) items.push([item, index + 1]);
    else errors.push(problem(key, index + 1, item, `each of '${key}' must be an object`));
  });
  return { items, errors, refused: errors.length };
}

/** Splits a JSON document into rows; shape errors of the document itself are problems too. */
export function rowsFromDocument(document: unknown): ParsedDocument {
  const rows: ImportRow[] = [];
  const errors: ImportProblem[] = [];
  let refused = 0;
  if (!isObject(document)) {
    errors.push(problem('document', 0, '', 'the document must be a JSON object of collections'));
    return { rows, errors, refused };
  }
  for (const [key, value] of Object.entries(document)) {
    const type: EntityType | undefined = TYPE_OF_COLLECTION.get(key);
    if (!type) {
      const known = [...TYPE_OF_COLLECTION.keys()].join(', ');
      errors.push(problem(key, 0, key, `unknown collection '${key}'; expected one of ${known}`));
      if (Array.isArray(value)) refused += value.length;
      continue;
    }
    const collection = collectionItems(key, value);
    for (const e of collection.errors) errors.push(e);
    refused += collection.refused;
    for (const [input, row] of collection.items) rows.push({ type, sheet: key, row, input });
  }
  return { rows, errors, refused };
}

/** The whole graph as a JSON document that imports back as it is (versions left out). */
export function documentFromState(state: GraphState): Record<string, unknown[]> {
  const doc: Record<string, unknown[]> = {};
  for (const type of ENTITY_TYPES) {
    doc[COLLECTION_OF[type]] = sortedEntities(state, type).map(withoutVersion);
  }
  return doc;
}

/**
 * The text of `JSON.stringify(documentFromState(state), null, 2)`, made a few
 * hundred entities at a time as it is read: the whole country's document is
 * over 100 MB. The entities are taken now (see sortedEntities).
 */
export function documentChunks(state: GraphState, entitiesPerChunk = 500): Generator<string> {
  const lists = ENTITY_TYPES.map(
    (type) => [COLLECTION_OF[type], sortedEntities(state, type)] as const,
  );
  return documentText(lists, entitiesPerChunk);
}

function* documentText(
  lists: readonly (readonly [string, readonly AnyEntity[]])[],
  entitiesPerChunk: number,
): Generator<string> {
  let chunk = '{';
  for (const [k, [collection, entities]] of lists.entries()) {
    chunk += `${k === 0 ? '' : ','}\n  ${JSON.stringify(collection)}: [`;
    for (const [i, entity] of entities.entries()) {
      // JSON text holds no raw line break, so indenting every line is safe
      const text = JSON.stringify(withoutVersion(entity), null, 2).replace(/\n/g, '\n    ');
      chunk += `${i === 0 ? '' : ','}\n    ${text}`;
      if ((i + 1) % entitiesPerChunk === 0) {
        yield chunk;
        chunk = '';
      }
    }
    chunk += entities.length === 0 ? ']' : '\n  ]';
  }
  yield `${chunk}${lists.length === 0 ? '}' : '\n}'}`;
}
