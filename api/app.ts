/** buildApp: the fastify instance with every plugin registered. It never listens. */
import Fastify from 'fastify';
import type { FastifyInstance } from 'fastify';
import type { GraphStore } from '../graph/index.js';
import type { Config } from './config.js';
import { graphPlugin } from './plugins/graph.js';
import { graphqlPlugin } from './plugins/graphql.js';
import { healthPlugin } from './plugins/health.js';
import { ioPlugin } from './plugins/io.js';
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
  });
  await app.register(graphPlugin, { config, store: options.store });
  await app.register(graphqlPlugin, { config });
  await app.register(healthPlugin);
  await app.register(ioPlugin, { config });
  await app.register(vizPlugin, { config });
  return app;
}
