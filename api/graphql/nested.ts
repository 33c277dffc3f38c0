/**
 * Nested fields. Every read of a request comes from one snapshot of the cached
 * graph (GraphService.reader, taken once per request), so a field is a map
 * lookup: no batching is needed and the answer is consistent within a query.
 */
import type { IResolvers, MercuriusContext } from 'mercurius';
import type { EntityType } from '../../graph/index.js';
import { NESTED_DEFAULT, pageSize } from './connection.js';
import { withReader } from './context.js';

type Parent = Record<string, unknown>;
type Params = { first?: number | null };
type FieldResolver = (obj: Parent, params: Params, ctx: MercuriusContext) => unknown;

/** A field holding one id (or none) -> that entity. */
export function refResolver(type: EntityType, field: string): FieldResolver {
  return (obj, _params, ctx) => {
    const id = obj[field];
    return typeof id === 'string' ? withReader(ctx, (r) => r.getMany(type, [id])[0]) : null;
  };
}

/** A field holding a list of ids -> those entities, in list order. */
export function refListResolver(type: EntityType, field: string): FieldResolver {
  return (obj, _params, ctx) => {
    const ids = (obj[field] as string[] | undefined) ?? [];
    return withReader(ctx, (r) => r.getMany(type, ids).filter(Boolean));
  };
}

/** Entities of `type` whose `field` references the parent, capped by the field's `first`. */
export function reverseResolver(type: EntityType, field: string): FieldResolver {
  return (obj, params, ctx) =>
    withReader(ctx, (r) =>
      (r.findByRef(type, field, [obj.id as string])[0] ?? []).slice(
        0,
        pageSize(params.first, NESTED_DEFAULT),
      ),
    );
}

const actorTies: FieldResolver = (obj, params, ctx) =>
  withReader(ctx, (reader) => {
    const id = obj.id as string;
    return [
      ...(reader.findByRef('tie', 'fromId', [id])[0] ?? []),
      ...(reader.findByRef('tie', 'toId', [id])[0] ?? []),
    ]
      .sort((a, b) => (a.id < b.id ? -1 : 1))
      .slice(0, pageSize(params.first, NESTED_DEFAULT));
  });

const actorMemberships: FieldResolver = (obj, params, ctx) =>
  withReader(ctx, (reader) => {
    const id = obj.id as string;
    const partnerships = reader.findByRef('partnership', 'members', [id])[0] ?? [];
    return partnerships.slice(0, pageSize(params.first, NESTED_DEFAULT)).map((partnership) => ({
      partnership,
      role: partnership.members.find((m) => m.actorId === id)?.role ?? 'member',
    }));
  });

/** Nested fields, resolved from the request's snapshot of the graph. */
export const nestedResolvers: IResolvers = {
  GovernmentLevel: {
    jurisdictions: reverseResolver('jurisdiction', 'levelId'),
    actors: reverseResolver('actor', 'levelId'),
  },
  Jurisdiction: {
    level: refResolver('level', 'levelId'),
    parent: refResolver('jurisdiction', 'parentId'),
    children: reverseResolver('jurisdiction', 'parentId'),
    overlaps: refListResolver('jurisdiction', 'overlaps'),
    actors: reverseResolver('actor', 'jurisdictionId'),
    mandates: reverseResolver('mandate', 'jurisdictionIds'),
  },
  IssueArea: {
    parent: refResolver('issue', 'parentId'),
    children: reverseResolver('issue', 'parentId'),
    mandates: reverseResolver('mandate', 'issueIds'),
    interests: reverseResolver('interest', 'issueId'),
  },
  Actor: {
    level: refResolver('level', 'levelId'),
    jurisdiction: refResolver('jurisdiction', 'jurisdictionId'),
    parent: refResolver('actor', 'parentId'),
    children: reverseResolver('actor', 'parentId'),
    mandates: reverseResolver('mandate', 'holderId'),
    memberships: actorMemberships,
    interests: reverseResolver('interest', 'actorId'),
    ties: actorTies,
  },
  Mandate: {
    holder: refResolver('actor', 'holderId'),
    issues: refListResolver('issue', 'issueIds'),
    jurisdictions: refListResolver('jurisdiction', 'jurisdictionIds'),
  },
  Partnership: {
    issues: refListResolver('issue', 'issueIds'),
    jurisdictions: refListResolver('jurisdiction', 'jurisdictionIds'),
    assessments: reverseResolver('assessment', 'partnershipId'),
  },
  PartnershipMember: { actor: refResolver('actor', 'actorId') },
  Interest: { actor: refResolver('actor', 'actorId'), issue: refResolver('issue', 'issueId') },
  Tie: { from: refResolver('actor', 'fromId'), to: refResolver('actor', 'toId') },
  Assessment: { partnership: refResolver('partnership', 'partnershipId') },
};
