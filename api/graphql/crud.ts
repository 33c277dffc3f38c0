/** Query-by-id, connection and create/update/delete resolvers for one entity type. */
import type { IResolvers } from 'mercurius';
import type { EntityType, ListFilter } from '../../graph/index.js';
import { decodeCursor, pageSize, toConnection } from './connection.js';
import { requestReader } from './context.js';
import { plainInput } from './context.js';

export interface CrudSpec {
  type: EntityType;
  /** `actor` -> Query.actor; `actors` -> Query.actors; `Actor` -> Mutation.createActor ... */
  single: string;
  plural: string;
  typeName: string;
}

interface PageArgs {
  filter?: Record<string, unknown> | null;
  first?: number | null;
  after?: string | null;
}

export function crudResolvers(spec: CrudSpec): IResolvers {
  const { type, single, plural, typeName } = spec;
  return {
    Query: {
      [single]: async (_: unknown, { id }: { id: string }, ctx) =>
        (await requestReader(ctx)).getMany(type, [id])[0],
      [plural]: async (_: unknown, args: PageArgs, ctx) => {
        const first = pageSize(args.first);
        const afterId = decodeCursor(args.after);
        const filter = args.filter ? (plainInput(args.filter) as ListFilter) : undefined;
        const page = (await requestReader(ctx)).list(type, { filter, first, afterId });
        return toConnection(page.items, page.hasNextPage, page.totalCount, afterId);
      },
    },
    Mutation: {
      [`create${typeName}`]: (_: unknown, { input }: { input: object }, ctx) =>
        ctx.graph.create(type, plainInput(input), ctx.principal),
      [`update${typeName}`]: (
        _: unknown,
        args: { id: string; input: object; expectedVersion?: number | null },
        ctx,
      ) =>
        ctx.graph.update(
          type,
          args.id,
          plainInput(args.input, true),
          args.expectedVersion ?? undefined,
          ctx.principal,
        ),
      [`delete${typeName}`]: async (
        _: unknown,
        args: { id: string; cascade?: boolean | null; expectedVersion?: number | null },
        ctx,
      ) => {
        const outcome = await ctx.graph.delete(type, args.id, {
          cascade: args.cascade ?? false,
          expectedVersion: args.expectedVersion ?? undefined,
          author: ctx.principal,
        });
        return { id: args.id, ...outcome };
      },
    },
  };
}
