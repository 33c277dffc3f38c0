import { Neo4jError, error as driverErrors } from 'neo4j-driver';
import { GraphError, isGraphError } from '../../errors.js';

const UNAVAILABLE_CODES: ReadonlySet<string> = new Set([
  driverErrors.SERVICE_UNAVAILABLE,
  driverErrors.SESSION_EXPIRED,
  'Neo.ClientError.Database.DatabaseNotFound',
  'Neo.TransientError.General.DatabaseUnavailable',
]);

/** The one place Neo4j driver errors become GraphErrors. */
export function translateNeo4jError(error: unknown): unknown {
  if (isGraphError(error)) return error;
  if (!(error instanceof Neo4jError)) return error;
  const code = error.code;
  if (code === 'Neo.ClientError.Schema.ConstraintValidationFailed') {
    return new GraphError('CONFLICT', 'the change conflicts with stored data', {
      driverCode: code,
    });
  }
  if (code.startsWith('Neo.ClientError.Security.')) {
    return new GraphError('STORE_UNAVAILABLE', 'Neo4j refused the credentials or the access', {
      driverCode: code,
    });
  }
  if (UNAVAILABLE_CODES.has(code) || code.startsWith('Neo.TransientError.')) {
    return new GraphError('STORE_UNAVAILABLE', 'Neo4j does not answer; try again shortly', {
      driverCode: code,
    });
  }
  return error;
}
