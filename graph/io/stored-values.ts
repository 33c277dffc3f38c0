/**
 * What a file leaves out of an entity that is already stored: a column the
 * file does not have keeps the stored value, where a blank cell clears it.
 * Main function: withStoredValues.
 */
import { deriveId, endpointKey, isEndpointType } from '../model/index.js';
import type { GraphState } from '../model/index.js';
import { getPath, withPath } from './field-paths.js';
import type { ImportRow } from './import-plan.js';

/**
 * The row's input with the stored entity's values at the paths of
 * `row.keepStored`, when the row's entity (by the id it gives or would be
 * given) is stored; else the input itself. The row is left as it was.
 */
export function withStoredValues(row: ImportRow, state: GraphState): Record<string, unknown> {
  const paths = row.keepStored;
  if (!paths || paths.length === 0) return row.input;
  const id = isEndpointType(row.type)
    ? endpointKey(row.type, row.input)
    : deriveId(row.type, row.input);
  const stored = id === undefined ? undefined : state.entities[row.type].get(id);
  if (!stored) return row.input;
  // the id found, kept: a mandate's stored name would otherwise make another one
  let input =
    row.input.id === undefined && !isEndpointType(row.type) ? { ...row.input, id } : row.input;
  for (const path of paths) {
    const value = getPath(stored as unknown as Record<string, unknown>, path);
    if (value !== undefined) input = withPath(input, path, value);
  }
  return input;
}
