import type { IResolvers } from 'mercurius';
import { importDocument } from '../../../graph/index.js';

export const GRAPH_CHANGED = 'GRAPH_CHANGED';

export const commonResolvers: IResolvers = {
  Query: {
    graphVersion: (_: unknown, __: unknown, ctx) => ctx.graph.store.version(),
  },
  Mutation: {
    importData: (_: unknown, args: { data: unknown; dryRun?: boolean | null }, ctx) =>
      importDocument(ctx.graph, args.data, {
        dryRun: args.dryRun ?? false,
        author: ctx.principal,
        limits: ctx.importLimits,
      }),
  },
  Subscription: {
    graphChanged: {
      subscribe: (_: unknown, __: unknown, ctx) => ctx.pubsub.subscribe(GRAPH_CHANGED),
    },
  },
};
