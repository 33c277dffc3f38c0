/** JSON documents in the model's own shape: `{ levels, jurisdictions, issues, ... }`. */
import { COLLECTION_OF, ENTITY_TYPES } from '../model/index.js';
import type { EntityType, GraphState } from '../model/index.js';
import type { ImportRow } from './import-plan.js';
import { showValue } from './report.js';
import type { ImportProblem } from './report.js';

const TYPE_OF_COLLECTION = new Map(ENTITY_TYPES.map((t) => [COLLECTION_OF[t], t] as const));

export interface ParsedDocument {
  rows: ImportRow[];
  errors: ImportProblem[];
}

function problem(sheet: string, row: number, value: unknown, message: string): ImportProblem {
  return { sheet, row, column: '', value: showValue(value), code: 'INVALID_INPUT', message };
}

/** Splits a JSON document into rows; shape errors of the document itself are problems too. */
export function rowsFromDocument(document: unknown): ParsedDocument {
  const rows: ImportRow[] = [];
  const errors: ImportProblem[] = [];
  if (typeof document !== 'object' || document === null || Array.isArray(document)) {
    errors.push(problem('document', 0, '', 'the document must be a JSON object of collections'));
    return { rows, errors };
  }
  for (const [key, value] of Object.entries(document)) {
    const type: EntityType | undefined = TYPE_OF_COLLECTION.get(key);
    if (!type) {
      const known = [...TYPE_OF_COLLECTION.keys()].join(', ');
      errors.push(problem(key, 0, key, `unknown collection '${key}'; expected one of ${known}`));
      continue;
    }
    if (!Array.isArray(value)) {
      errors.push(problem(key, 0, value, `'${key}' must be an array`));
      continue;
    }
    value.forEach((item: unknown, index) => {
      if (typeof item !== 'object' || item === null || Array.isArray(item)) {
        errors.push(problem(key, index + 1, item, `each of '${key}' must be an object`));
        return;
      }
      rows.push({ type, sheet: key, row: index + 1, input: item as Record<string, unknown> });
    });
  }
  return { rows, errors };
}

/** The whole graph as a JSON document that imports back as it is (versions left out). */
export function documentFromState(state: GraphState): Record<string, unknown[]> {
  const doc: Record<string, unknown[]> = {};
  for (const type of ENTITY_TYPES) {
    doc[COLLECTION_OF[type]] = [...state.entities[type].values()]
      .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
      .map(({ version: _version, ...rest }) => rest);
  }
  return doc;
}
