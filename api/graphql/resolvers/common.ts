import type { IResolvers } from 'mercurius';
import { importRows, rowsFromDocument } from '../../../graph/index.js';

export const GRAPH_CHANGED = 'GRAPH_CHANGED';

export const commonResolvers: IResolvers = {
  Query: {
    graphVersion: (_: unknown, __: unknown, ctx) => ctx.graph.store.version(),
  },
  Mutation: {
    importData: (_: unknown, args: { data: unknown; dryRun?: boolean | null }, ctx) => {
      const { rows, errors } = rowsFromDocument(args.data);
      return importRows(
        ctx.graph,
        rows,
        { dryRun: args.dryRun ?? false, author: ctx.principal },
        { errors },
      );
    },
  },
  Subscription: {
    graphChanged: {
      subscribe: (_: unknown, __: unknown, ctx) => ctx.pubsub.subscribe(GRAPH_CHANGED),
    },
  },
};
