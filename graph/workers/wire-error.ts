/**
 * Errors across a thread boundary: a GraphError keeps its code and details,
 * any other error its message (and stack, for the log).
 */
import { GraphError, isGraphError } from '../errors.js';

/** An error as it crosses the thread boundary. */
export interface WireError {
  name: string;
  message: string;
  code?: string;
  details?: Record<string, unknown>;
  stack?: string;
}

export function toWire(error: unknown): WireError {
  if (isGraphError(error)) {
    return { name: error.name, message: error.message, code: error.code, details: error.details };
  }
  const e = error instanceof Error ? error : new Error(String(error));
  return { name: e.name, message: e.message, stack: e.stack };
}

/** The error again on this side; one that is not a GraphError says what failed (`what`). */
export function fromWire(error: WireError, what: string): Error {
  if (isGraphError(error)) return new GraphError(error.code, error.message, error.details ?? {});
  const rebuilt = new Error(`${what} failed: ${error.message}`);
  if (error.stack) rebuilt.stack = error.stack;
  return rebuilt;
}
