/** Decorates the instance with the graph service (`app.graph`) and closes it with the app. */
import fp from 'fastify-plugin';
import { GraphService, openStore } from '../../graph/index.js';
import type { GraphStore } from '../../graph/index.js';
import type { Config } from '../config.js';

declare module 'fastify' {
  interface FastifyInstance {
    graph: GraphService;
  }
}

export interface GraphPluginOptions {
  config: Config;
  /** A store to use instead of the configured one (tests). */
  store?: GraphStore;
}

export const graphPlugin = fp<GraphPluginOptions>(
  async (app, { config, store }) => {
    const service = new GraphService(store ?? (await openStore(config)), {
      analysis: config.analysis,
    });
    app.decorate('graph', service);
    app.addHook('onClose', async () => service.close());
  },
  { name: 'mandatemap-graph', fastify: '5.x' },
);
