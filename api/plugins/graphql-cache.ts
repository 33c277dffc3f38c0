/**
 * The GraphQL response cache on the request path: a query answered before at
 * this store version (same text, variables, operation, role and day) is sent
 * as it was, without parsing or running anything. Only queries are kept, only
 * answers without errors, only when the version did not move while the answer
 * was computed, and never the audit log (it is not part of the graph).
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { getOperationAST } from 'graphql';
import type { DocumentNode } from 'graphql';
import { isGraphError, todayIso } from '../../graph/index.js';
import { ResponseCache } from '../graphql/response-cache.js';

/** Top-level query fields whose answers are not a function of the graph's version. */
const UNCACHED_FIELDS = new Set(['auditLog']);

interface Ticket {
  version: number;
  key: string;
  operationName: string | undefined;
  cacheable: boolean;
}

function cacheable(document: DocumentNode, operationName: string | undefined): boolean {
  const operation = getOperationAST(document, operationName);
  if (!operation || operation.operation !== 'query') return false;
  return operation.selectionSet.selections.every(
    (s) => s.kind !== 'Field' || !UNCACHED_FIELDS.has(s.name.value),
  );
}

export function installResponseCache(app: FastifyInstance, maxBytes: number): ResponseCache {
  const cache = new ResponseCache(maxBytes);
  const tickets = new WeakMap<FastifyRequest, Ticket>();

  app.addHook('preHandler', async (request, reply) => {
    if (request.routeOptions.url !== '/graphql' || !request.principal) return;
    if (request.method !== 'POST' && request.method !== 'GET') return;
    const params = (request.method === 'POST' ? request.body : request.query) as
      { query?: unknown; variables?: unknown; operationName?: unknown } | undefined;
    if (!params || typeof params.query !== 'string') return;
    const operationName =
      typeof params.operationName === 'string' ? params.operationName : undefined;
    const key = JSON.stringify([
      request.principal.role,
      todayIso(),
      params.query,
      params.variables ?? null,
      operationName ?? null,
    ]);
    let version: number;
    try {
      version = await app.graph.version();
    } catch (error) {
      // A store that does not answer cannot answer the query either: say so now, coded as the
      // query would have, rather than try the store a second time for the same request.
      if (!isGraphError(error)) throw error;
      request.log.warn({ err: error }, 'the store did not answer');
      return reply.code(200).send({
        data: null,
        errors: [
          { message: error.message, extensions: { code: error.code, details: error.details } },
        ],
      });
    }
    const hit = cache.get(version, key);
    if (hit !== undefined) {
      return reply.type('application/json; charset=utf-8').send(hit);
    }
    tickets.set(request, { version, key, operationName, cacheable: false });
  });

  app.graphql.addHook('preExecution', async (_schema, document, context) => {
    const ticket = tickets.get(context.reply.request);
    if (ticket) ticket.cacheable = cacheable(document, ticket.operationName);
  });

  app.addHook('onSend', async (request, reply, payload) => {
    const ticket = tickets.get(request);
    if (!ticket?.cacheable || reply.statusCode !== 200 || typeof payload !== 'string') {
      return payload;
    }
    if (payload.includes('"errors":')) return payload;
    // An answer is kept only when no write landed while it was computed.
    const now = await app.graph.version().catch(() => undefined);
    if (now === ticket.version) cache.set(ticket.version, ticket.key, payload);
    return payload;
  });
  return cache;
}
