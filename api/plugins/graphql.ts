/**
 * GraphQL over HTTP (mercurius) at /graphql, GraphiQL at /graphiql when
 * enabled, subscriptions over websocket. Every operation is authorised by role
 * and held to the limits of api/graphql/limits.ts before it runs.
 */
import fp from 'fastify-plugin';
import { NoSchemaIntrospectionCustomRule } from 'graphql';
import mercurius from 'mercurius';
import type { Config } from '../config.js';
import '../graphql/context.js';
import { errorFormatter, setSuggestions } from '../graphql/errors.js';
import { authorise, unclassifiedMutations } from '../graphql/guard.js';
import {
  GRAPHQL_LIMITS,
  aliasLimitRule,
  checkQueryText,
  costLimitRule,
} from '../graphql/limits.js';
import { allResolvers } from '../graphql/resolvers/index.js';
import { GRAPH_CHANGED } from '../graphql/resolvers/common.js';
import { buildSchema } from '../graphql/schema.js';
import { authenticate } from './auth.js';
import { installResponseCache } from './graphql-cache.js';
import type { ResponseCache } from '../graphql/response-cache.js';

declare module 'fastify' {
  interface FastifyInstance {
    /** Absent when MANDATEMAP_RESPONSE_CACHE_MB is 0. */
    responseCache?: ResponseCache;
  }
}

function limitBody(message: string) {
  return { data: null, errors: [{ message, extensions: { code: 'LIMIT_EXCEEDED' } }] };
}

export const graphqlPlugin = fp<{ config: Config }>(
  async (app, { config }) => {
    const schema = buildSchema();
    const unclassified = unclassifiedMutations(schema);
    if (unclassified.length > 0) {
      throw new Error(
        `mutations without an access role (api/auth/roles.ts): ${unclassified.join(', ')}`,
      );
    }
    setSuggestions(config.introspection);
    await app.register(mercurius, {
      schema,
      resolvers: allResolvers(),
      graphiql: config.graphiql,
      path: '/graphql',
      queryDepth: GRAPHQL_LIMITS.depth,
      allowBatchedQueries: false,
      // Queries seen before run compiled (graphql-jit): the same answers, far less work per request.
      jit: 1,
      validationRules: [
        aliasLimitRule(GRAPHQL_LIMITS.aliases),
        costLimitRule(GRAPHQL_LIMITS.cost),
        ...(config.introspection ? [] : [NoSchemaIntrospectionCustomRule]),
      ],
      subscription: {
        onConnect: ({ payload }: { payload?: Record<string, unknown> }) => {
          const header = payload?.authorization ?? payload?.Authorization;
          try {
            return {
              principal: authenticate(app.tokens, typeof header === 'string' ? header : undefined),
              audit: app.audit,
            };
          } catch {
            return false;
          }
        },
      },
      context: (request) => ({
        graph: app.graph,
        principal: request.principal,
        audit: app.audit,
        importLimits: config.importLimits,
      }),
      errorFormatter,
    });
    app.graphql.addHook('preExecution', async (_schema, document, context) => {
      authorise(document, context.principal);
    });
    app.graphql.addHook('preSubscriptionExecution', async (_schema, document, context) => {
      authorise(document, context.principal);
    });
    // Before the size checks: an answer in the cache was to a query that passed them.
    if (config.responseCacheBytes > 0) {
      app.decorate('responseCache', installResponseCache(app, config.responseCacheBytes));
    }
    // Size checks before mercurius parses anything.
    app.addHook('preHandler', async (request, reply) => {
      if (request.routeOptions.url !== '/graphql') return;
      const body = request.body as { query?: unknown } | unknown[] | undefined;
      if (Array.isArray(body)) {
        return reply
          .code(400)
          .send(limitBody('batched requests are not accepted; send one operation per request'));
      }
      const query = body?.query ?? (request.query as { query?: unknown }).query;
      const problem = checkQueryText(query);
      if (problem) return reply.code(413).send(limitBody(problem));
    });
    app.addHook('onSend', async (request, reply, payload) => {
      if (request.routeOptions.url !== '/graphql' || typeof payload !== 'string') return payload;
      if (payload.length <= GRAPHQL_LIMITS.responseBytes) return payload;
      reply.code(200);
      return JSON.stringify(
        limitBody(
          `the answer is larger than ${GRAPHQL_LIMITS.responseBytes} bytes; ask for fewer items (first) or fewer fields`,
        ),
      );
    });
    const publish = (payload: unknown): void => {
      app.graphql.pubsub.publish({ topic: GRAPH_CHANGED, payload: { graphChanged: payload } });
    };
    app.graph.events.on('change', publish);
    app.addHook('onClose', async () => {
      app.graph.events.off('change', publish);
    });
  },
  { name: 'mandatemap-graphql', dependencies: ['mandatemap-graph', 'mandatemap-auth'] },
);
