/** GraphQL over HTTP (mercurius) at /graphql, GraphiQL at /graphiql, subscriptions over websocket. */
import fp from 'fastify-plugin';
import mercurius from 'mercurius';
import type { Config } from '../config.js';
import '../graphql/context.js';
import { errorFormatter } from '../graphql/errors.js';
import { loaders } from '../graphql/loaders.js';
import { allResolvers } from '../graphql/resolvers/index.js';
import { GRAPH_CHANGED } from '../graphql/resolvers/common.js';
import { buildSchema } from '../graphql/schema.js';

export const graphqlPlugin = fp<{ config: Config }>(
  async (app, { config }) => {
    await app.register(mercurius, {
      schema: buildSchema(),
      resolvers: allResolvers(),
      loaders,
      graphiql: config.graphiql,
      path: '/graphql',
      subscription: true,
      context: () => ({ graph: app.graph }),
      errorFormatter,
    });
    const publish = (payload: unknown): void => {
      app.graphql.pubsub.publish({ topic: GRAPH_CHANGED, payload: { graphChanged: payload } });
    };
    app.graph.events.on('change', publish);
    app.addHook('onClose', async () => {
      app.graph.events.off('change', publish);
    });
  },
  { name: 'mandatemap-graphql', dependencies: ['mandatemap-graph'] },
);
