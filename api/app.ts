/** buildApp: the fastify instance with every plugin registered. It never listens. */
import Fastify from 'fastify';
import type { FastifyInstance } from 'fastify';
import type { GraphStore } from '../graph/index.js';
import type { Config } from './config.js';
import { HTTP_ERROR_CODES, httpStatusOf } from './graphql/errors.js';
import { graphPlugin } from './plugins/graph.js';
import { graphqlPlugin } from './plugins/graphql.js';
import { healthPlugin } from './plugins/health.js';
import { TokenStore } from './auth/tokens.js';
import { authPlugin } from './plugins/auth.js';
import { ioPlugin } from './plugins/io.js';
import { securityPlugin } from './plugins/security.js';
import { vizPlugin } from './plugins/viz.js';

export interface BuildOptions {
  store?: GraphStore;
}

export async function buildApp(
  config: Config,
  options: BuildOptions = {},
): Promise<FastifyInstance> {
  const app = Fastify({
    logger: { level: config.logLevel },
    requestIdHeader: false,
    bodyLimit: 10 * 1024 * 1024,
    // A request that takes longer is cut off (imports of large files included).
    requestTimeout: 300_000,
    return503OnClosing: true,
  });
  // Errors no route handled: a 4xx keeps its status with a coded body; anything else is masked.
  app.setErrorHandler((error, request, reply) => {
    const status = httpStatusOf(error);
    if (status) {
      return reply.code(status).send({
        error: {
          code: HTTP_ERROR_CODES[status] ?? 'BAD_REQUEST',
          reason: HTTP_ERROR_CODES[status] ?? 'BAD_REQUEST',
          message: (error as Error).message,
        },
      });
    }
    request.log.error({ err: error }, 'unhandled error');
    return reply.code(500).send({
      error: {
        code: 'INTERNAL_SERVER_ERROR',
        reason: 'INTERNAL',
        message: 'Internal server error',
        requestId: request.id,
      },
    });
  });
  await app.register(securityPlugin, { config });
  await app.register(graphPlugin, { config, store: options.store });
  await app.register(authPlugin, {
    tokens: new TokenStore(config.tokensFile),
    auditFile: config.auditFile,
  });
  await app.register(graphqlPlugin, { config });
  await app.register(healthPlugin);
  await app.register(ioPlugin, { config });
  await app.register(vizPlugin, { config });
  return app;
}
