/**
 * The one error type of graph/. Its `code` is a closed union that survives
 * logging and serialisation; api/ maps each code to a GraphQL extensions.code.
 */
export const GRAPH_ERROR_CODES = [
  'INVALID_INPUT',
  'UNKNOWN_REFERENCE',
  'CYCLE',
  'NOT_FOUND',
  'CONFLICT',
  'IN_USE',
  'LIMIT_EXCEEDED',
  'STORE_UNAVAILABLE',
] as const;

export type GraphErrorCode = (typeof GRAPH_ERROR_CODES)[number];

export type GraphErrorDetails = Record<string, unknown>;

export class GraphError extends Error {
  override readonly name = 'GraphError';
  readonly code: GraphErrorCode;
  readonly details: GraphErrorDetails;

  constructor(code: GraphErrorCode, message: string, details: GraphErrorDetails = {}) {
    super(message);
    this.code = code;
    this.details = details;
  }

  toJSON(): { name: string; code: GraphErrorCode; message: string; details: GraphErrorDetails } {
    return { name: this.name, code: this.code, message: this.message, details: this.details };
  }
}

/** True for a GraphError, also one that crossed a realm or was rebuilt from JSON. */
export function isGraphError(value: unknown): value is GraphError {
  if (typeof value !== 'object' || value === null) return false;
  const candidate = value as { name?: unknown; code?: unknown };
  return (
    candidate.name === 'GraphError' &&
    typeof candidate.code === 'string' &&
    (GRAPH_ERROR_CODES as readonly string[]).includes(candidate.code)
  );
}
