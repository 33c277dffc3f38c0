import type { z } from 'zod';
import { GraphError } from '../errors.js';
import { ENTITY_SCHEMAS, entityId, isEndpointType, withDefaultName } from './entities.js';
import type { EntityMap, EntityType } from './entities.js';
import { illFormedMessage, illFormedText } from './well-formed.js';

export interface FieldProblem {
  path: string;
  message: string;
  /** zod's issue code ('invalid_type', 'invalid_value', 'custom', ...). */
  code?: string;
  /** For a value not among an enum's: the enum's values. */
  values?: readonly string[];
}

/** One problem per bad field: a field the entity does not have is reported under its own name. */
export function problemsOf(error: z.ZodError): FieldProblem[] {
  return error.issues.flatMap((issue): FieldProblem[] => {
    const path = issue.path.map(String).join('.');
    if (issue.code === 'unrecognized_keys') {
      return issue.keys.map((key) => ({
        path: path ? `${path}.${key}` : key,
        message: 'unknown field',
        code: issue.code,
      }));
    }
    if (issue.code === 'invalid_value' && issue.values.every((v) => typeof v === 'string')) {
      const values = issue.values as string[];
      const message = /^Invalid option/.test(issue.message)
        ? `must be one of ${values.join(', ')}`
        : issue.message;
      return [{ path, message, code: issue.code, values }];
    }
    return [{ path, message: sizeMessage(issue) ?? issue.message, code: issue.code }];
  });
}

/** What a size counts, by zod's origin of the value: one, and many. */
const UNITS: Record<string, [one: string, many: string]> = {
  string: ['character', 'characters'],
  array: ['value', 'values'],
};

/**
 * A size rule broken, in plain words ("must have at most 300 characters"),
 * where zod's own words stand ("Too big: expected string to have <=300
 * characters"); a schema's own message is kept.
 */
function sizeMessage(issue: z.core.$ZodIssue): string | undefined {
  if (issue.code !== 'too_big' && issue.code !== 'too_small') return undefined;
  const units = UNITS[issue.origin];
  if (!units || !/^Too (big|small):/.test(issue.message)) return undefined;
  const n = Number(issue.code === 'too_big' ? issue.maximum : issue.minimum);
  if (issue.code === 'too_small' && n === 1) return 'must not be empty';
  const bound = issue.code === 'too_big' ? 'at most' : 'at least';
  return `must have ${bound} ${n.toLocaleString('en-US')} ${n === 1 ? units[0] : units[1]}`;
}

/**
 * Parses user input into an entity: derives a missing id (a slug of the name,
 * or for interests, ties and assessments the key of their ends), then checks
 * shape and meaning, and that its text is text a file can hold (no lone
 * surrogate). Throws INVALID_INPUT naming the entity and every bad field.
 */
export function parseEntity<K extends EntityType>(type: K, input: unknown): EntityMap[K] {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    throw new GraphError('INVALID_INPUT', `${type} must be an object`, { type });
  }
  const loose = withDefaultName(type, input as Record<string, unknown>);
  const id = entityId(type, loose);
  if (isEndpointType(type) && id && typeof loose.id === 'string' && loose.id !== id) {
    throw new GraphError(
      'INVALID_INPUT',
      `a ${type} is identified by its ends: its id is '${id}', not '${loose.id}'`,
      { type, id: loose.id, problems: [{ path: 'id', message: `expected '${id}'` }] },
    );
  }
  // `loose` is this function's own copy of the input
  if (id !== undefined) loose.id = id;
  const result = ENTITY_SCHEMAS[type].safeParse(loose);
  const illFormed = result.success ? illFormedText(result.data) : undefined;
  if (illFormed) {
    const message = illFormedMessage(illFormed);
    throw new GraphError(
      'INVALID_INPUT',
      `invalid ${type}${id ? ` '${id}'` : ''}: ${illFormed.path}: ${message}`,
      { type, id, problems: [{ path: illFormed.path, message, code: 'invalid_text' }] },
    );
  }
  if (!result.success) {
    const problems = problemsOf(result.error);
    const first = problems[0];
    const where = first && first.path ? `${first.path}: ` : '';
    throw new GraphError(
      'INVALID_INPUT',
      `invalid ${type}${id ? ` '${id}'` : ''}: ${where}${first?.message ?? 'invalid'}`,
      { type, id, problems },
    );
  }
  return result.data;
}
