/** GraphErrors on the REST routes: one HTTP status per code, and the same extension codes as GraphQL. */
import type { FastifyReply } from 'fastify';
import { isGraphError } from '../graph/index.js';
import type { GraphErrorCode } from '../graph/index.js';
import { GRAPH_ERROR_TO_EXTENSION_CODE } from './graphql/errors.js';

const STATUS: Record<GraphErrorCode, number> = {
  INVALID_INPUT: 400,
  UNKNOWN_REFERENCE: 400,
  CYCLE: 400,
  NOT_FOUND: 404,
  CONFLICT: 409,
  IN_USE: 409,
  LIMIT_EXCEEDED: 413,
  STORE_UNAVAILABLE: 503,
};

/** Sends a GraphError as `{ error: { code, reason, message } }`; other errors are rethrown for fastify. */
export function sendGraphError(reply: FastifyReply, error: unknown): FastifyReply {
  if (!isGraphError(error)) throw error;
  const status = error.details.reason === 'UNSUPPORTED_FORMAT' ? 415 : STATUS[error.code];
  return reply.code(status).send({
    error: {
      code: GRAPH_ERROR_TO_EXTENSION_CODE[error.code],
      reason: error.code,
      message: error.message,
      details: error.details,
    },
  });
}
