/**
 * Authentication on every request that reaches data. With active tokens, a
 * valid `Authorization: Bearer` is required (deny by default); without any,
 * the server is loopback-only and the local user is admin. Health probes and
 * the map's static files need no token.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { AccessError } from '../auth/access-error.js';
import { ROUTE_ROLES, allows } from '../auth/roles.js';
import { AuditLog } from '../audit/audit-log.js';
import type { Principal, TokenStore } from '../auth/tokens.js';

declare module 'fastify' {
  interface FastifyRequest {
    principal?: Principal;
  }
  interface FastifyInstance {
    tokens: TokenStore;
    audit: AuditLog;
  }
}

const LOCAL: Principal = { role: 'admin', tokenId: 'local' };

/** Routes that carry data; everything else (health, static map files) is open. */
function needsAuth(url: string): boolean {
  // GraphiQL's page itself is open (it is off unless enabled); the queries it sends need a token.
  return url === '/graphql' || url.startsWith('/api/');
}

export function bearer(header: string | undefined): string | undefined {
  const match = header ? /^Bearer\s+(\S+)\s*$/i.exec(header) : null;
  return match?.[1];
}

/** The principal of a presented Authorization value; throws when tokens are required and it fails. */
export function authenticate(tokens: TokenStore, authorization: string | undefined): Principal {
  if (!tokens.hasActiveTokens()) return LOCAL;
  const token = bearer(authorization);
  if (!token)
    throw new AccessError(
      'UNAUTHENTICATED',
      'an API token is required: send Authorization: Bearer <token>',
    );
  const principal = tokens.verify(token);
  if (!principal)
    throw new AccessError(
      'UNAUTHENTICATED',
      'the API token is not valid (malformed, unknown or revoked)',
    );
  return principal;
}

export function sendAccessError(
  reply: FastifyReply,
  error: AccessError,
  graphql: boolean,
): FastifyReply {
  if (error.code === 'UNAUTHENTICATED') reply.header('www-authenticate', 'Bearer');
  const body = graphql
    ? {
        data: null,
        errors: [
          { message: error.message, extensions: { code: error.code, details: error.details } },
        ],
      }
    : {
        error: {
          code: error.code,
          reason: error.code,
          message: error.message,
          details: error.details,
        },
      };
  return reply.code(error.status).send(body);
}

export const authPlugin = fp<{ tokens: TokenStore; auditFile: string }>(
  async (app, { tokens, auditFile }) => {
    app.decorate('tokens', tokens);
    const audit = new AuditLog(auditFile);
    app.decorate('audit', audit);
    const record = audit.record.bind(audit);
    app.graph.events.on('committed', record);
    app.addHook('onClose', async () => {
      app.graph.events.off('committed', record);
      await audit.close();
    });
    // preParsing: after the rate limit (a route-level onRequest hook), before any body is read.
    // Writes carry request.principal (GraphQL: ctx.principal) as their author for the audit log.
    app.addHook('preParsing', (request: FastifyRequest, reply: FastifyReply, payload, done) => {
      const path = request.url.split('?')[0] ?? '';
      // Websocket subscriptions authenticate in connection_init (see the GraphQL plugin).
      const websocket =
        path === '/graphql' && request.headers.upgrade?.toLowerCase() === 'websocket';
      if (needsAuth(path) && !websocket) {
        try {
          request.principal = authenticate(tokens, request.headers.authorization);
        } catch (error) {
          if (!(error instanceof AccessError)) return done(error as Error);
          // Answered here: the chain stops without done().
          sendAccessError(reply, error, path === '/graphql');
          return;
        }
      }
      done(null, payload);
    });
    app.addHook('preHandler', async (request, reply) => {
      const need = ROUTE_ROLES[`${request.method} ${request.routeOptions.url ?? ''}`];
      if (!need || !request.principal || allows(request.principal.role, need)) return;
      return sendAccessError(
        reply,
        new AccessError(
          'FORBIDDEN',
          `this needs the ${need} role; the token has ${request.principal.role}`,
          {
            need,
            have: request.principal.role,
          },
        ),
        false,
      );
    });
  },
  { name: 'mandatemap-auth', fastify: '5.x', dependencies: ['mandatemap-graph'] },
);
