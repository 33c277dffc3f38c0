/**
 * Batching of nested fields: each loader makes one call of a batch method of
 * the store for all parents of a field in a query, results in input order.
 */
import type { MercuriusContext, MercuriusLoaders } from 'mercurius';
import type { EntityType } from '../../graph/index.js';
import { NESTED_DEFAULT, pageSize } from './connection.js';

type Query = { obj: Record<string, unknown>; params: { first?: number | null } };
type Loader = (queries: Query[], ctx: MercuriusContext) => Promise<unknown[]>;

const unique = (ids: string[]): string[] => [...new Set(ids)];

/** A field holding one id (or none) -> that entity. */
export function refLoader(type: EntityType, field: string): Loader {
  return async (queries, ctx) => {
    const ids = queries.map((q) => q.obj[field] as string | undefined);
    const wanted = unique(ids.filter((id): id is string => typeof id === 'string'));
    const found = await ctx.graph.store.getMany(type, wanted);
    const byId = new Map(wanted.map((id, i) => [id, found[i]]));
    return ids.map((id) => (id === undefined ? null : (byId.get(id) ?? null)));
  };
}

/** A field holding a list of ids -> those entities, in list order. */
export function refListLoader(type: EntityType, field: string): Loader {
  return async (queries, ctx) => {
    const lists = queries.map((q) => (q.obj[field] as string[] | undefined) ?? []);
    const wanted = unique(lists.flat());
    const found = await ctx.graph.store.getMany(type, wanted);
    const byId = new Map(wanted.map((id, i) => [id, found[i]]));
    return lists.map((ids) => ids.map((id) => byId.get(id)).filter(Boolean));
  };
}

/** Entities of `type` whose `field` references the parent, capped by the field's `first`. */
export function reverseLoader(type: EntityType, field: string): Loader {
  return async (queries, ctx) => {
    const ids = queries.map((q) => q.obj.id as string);
    const groups = await ctx.graph.store.findByRef(type, field, ids);
    return queries.map((q, i) =>
      (groups[i] ?? []).slice(0, pageSize(q.params.first, NESTED_DEFAULT)),
    );
  };
}

async function actorTies(queries: Query[], ctx: MercuriusContext): Promise<unknown[]> {
  const ids = queries.map((q) => q.obj.id as string);
  const [outgoing, incoming] = await Promise.all([
    ctx.graph.store.findByRef('tie', 'fromId', ids),
    ctx.graph.store.findByRef('tie', 'toId', ids),
  ]);
  return queries.map((q, i) =>
    [...(outgoing[i] ?? []), ...(incoming[i] ?? [])]
      .sort((a, b) => (a.id < b.id ? -1 : 1))
      .slice(0, pageSize(q.params.first, NESTED_DEFAULT)),
  );
}

async function actorMemberships(queries: Query[], ctx: MercuriusContext): Promise<unknown[]> {
  const ids = queries.map((q) => q.obj.id as string);
  const groups = await ctx.graph.store.findByRef('partnership', 'members', ids);
  return queries.map((q, i) =>
    (groups[i] ?? []).slice(0, pageSize(q.params.first, NESTED_DEFAULT)).map((partnership) => ({
      partnership,
      role: partnership.members.find((m) => m.actorId === ids[i])?.role ?? 'member',
    })),
  );
}

export const loaders: MercuriusLoaders = {
  GovernmentLevel: {
    jurisdictions: reverseLoader('jurisdiction', 'levelId'),
    actors: reverseLoader('actor', 'levelId'),
  },
  Jurisdiction: {
    level: refLoader('level', 'levelId'),
    parent: refLoader('jurisdiction', 'parentId'),
    children: reverseLoader('jurisdiction', 'parentId'),
    overlaps: refListLoader('jurisdiction', 'overlaps'),
    actors: reverseLoader('actor', 'jurisdictionId'),
    mandates: reverseLoader('mandate', 'jurisdictionIds'),
  },
  IssueArea: {
    parent: refLoader('issue', 'parentId'),
    children: reverseLoader('issue', 'parentId'),
    mandates: reverseLoader('mandate', 'issueIds'),
    interests: reverseLoader('interest', 'issueId'),
  },
  Actor: {
    level: refLoader('level', 'levelId'),
    jurisdiction: refLoader('jurisdiction', 'jurisdictionId'),
    parent: refLoader('actor', 'parentId'),
    children: reverseLoader('actor', 'parentId'),
    mandates: reverseLoader('mandate', 'holderId'),
    memberships: actorMemberships,
    interests: reverseLoader('interest', 'actorId'),
    ties: actorTies,
  },
  Mandate: {
    holder: refLoader('actor', 'holderId'),
    issues: refListLoader('issue', 'issueIds'),
    jurisdictions: refListLoader('jurisdiction', 'jurisdictionIds'),
  },
  Partnership: {
    issues: refListLoader('issue', 'issueIds'),
    jurisdictions: refListLoader('jurisdiction', 'jurisdictionIds'),
    assessments: reverseLoader('assessment', 'partnershipId'),
  },
  PartnershipMember: { actor: refLoader('actor', 'actorId') },
  Interest: { actor: refLoader('actor', 'actorId'), issue: refLoader('issue', 'issueId') },
  Tie: { from: refLoader('actor', 'fromId'), to: refLoader('actor', 'toId') },
  Assessment: { partnership: refLoader('partnership', 'partnershipId') },
};
