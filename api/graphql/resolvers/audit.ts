import type { IResolvers } from 'mercurius';
import { ENTITY_TYPES, GraphError, withoutVersion } from '../../../graph/index.js';
import type { EntityType } from '../../../graph/index.js';
import { pageSize } from '../connection.js';

function entityType(value: string): EntityType {
  const type = ENTITY_TYPES.find((t) => t === value);
  if (!type) {
    throw new GraphError(
      'INVALID_INPUT',
      `unknown entity type '${value}'; one of ${ENTITY_TYPES.join(', ')}`,
      {
        field: 'type',
      },
    );
  }
  return type;
}

export const auditResolvers: IResolvers = {
  Query: {
    auditLog: (
      _: unknown,
      args: { type?: string | null; id?: string | null; first?: number | null },
      ctx,
    ) =>
      ctx.audit.read({
        ...(args.type ? { type: entityType(args.type) } : {}),
        ...(args.id ? { id: args.id } : {}),
        first: pageSize(args.first),
      }),
  },
  Mutation: {
    restoreDeleted: async (_: unknown, args: { type: string; id: string }, ctx) => {
      const type = entityType(args.type);
      const [last] = await ctx.audit.read({ type, id: args.id, first: 1 });
      if (!last || last.action !== 'delete' || !last.before) {
        throw new GraphError(
          'NOT_FOUND',
          `the audit log has no deletion of ${type} '${args.id}' to restore`,
          {
            type,
            id: args.id,
          },
        );
      }
      return ctx.graph.create(type, withoutVersion(last.before as object), ctx.principal);
    },
  },
};
