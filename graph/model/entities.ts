/**
 * The registry of entity types: their schemas, how an id is derived when the
 * user gives none, and which fields reference which other entities.
 */
import type { z } from 'zod';
import { ActorSchema, InterestSchema, TieSchema, interestKey, tieKey } from './actors.js';
import type { Actor, Interest, Tie } from './actors.js';
import { slugify } from './common.js';
import { IssueAreaSchema } from './issues.js';
import type { IssueArea } from './issues.js';
import { MandateSchema } from './mandates.js';
import type { Mandate } from './mandates.js';
import { AssessmentSchema, PartnershipSchema, assessmentKey } from './partnerships.js';
import type { Assessment, Partnership } from './partnerships.js';
import { GovernmentLevelSchema, JurisdictionSchema } from './places.js';
import type { GovernmentLevel, Jurisdiction } from './places.js';

export const ENTITY_TYPES = [
  'level',
  'jurisdiction',
  'issue',
  'actor',
  'mandate',
  'partnership',
  'interest',
  'tie',
  'assessment',
] as const;
export type EntityType = (typeof ENTITY_TYPES)[number];

export interface EntityMap {
  level: GovernmentLevel;
  jurisdiction: Jurisdiction;
  issue: IssueArea;
  actor: Actor;
  mandate: Mandate;
  partnership: Partnership;
  interest: Interest;
  tie: Tie;
  assessment: Assessment;
}

/** An entity as a store holds it: its own `version` counts its writes, from 1. */
export type Stored<T> = T & { version: number };

export type AnyEntity = EntityMap[EntityType];

export const ENTITY_SCHEMAS: { [K in EntityType]: z.ZodType<EntityMap[K]> } = {
  level: GovernmentLevelSchema,
  jurisdiction: JurisdictionSchema,
  issue: IssueAreaSchema,
  actor: ActorSchema,
  mandate: MandateSchema,
  partnership: PartnershipSchema,
  interest: InterestSchema,
  tie: TieSchema,
  assessment: AssessmentSchema,
};

/** The plural used in JSON documents and snapshots: `{ levels, jurisdictions, issues, ... }`. */
export const COLLECTION_OF: Readonly<Record<EntityType, string>> = {
  level: 'levels',
  jurisdiction: 'jurisdictions',
  issue: 'issues',
  actor: 'actors',
  mandate: 'mandates',
  partnership: 'partnerships',
  interest: 'interests',
  tie: 'ties',
  assessment: 'assessments',
};

/**
 * How a reference behaves when its target is deleted with `cascade`:
 * `optional` is cleared, `required` deletes the referrer, `list` drops the
 * element, `nonEmptyList` drops it and deletes the referrer when none is left,
 * `members` drops the membership.
 */
export type RefMode = 'optional' | 'required' | 'list' | 'nonEmptyList' | 'members';

export interface RefSpec {
  readonly field: string;
  readonly target: EntityType;
  readonly mode: RefMode;
}

export const REF_SPECS: Readonly<Record<EntityType, readonly RefSpec[]>> = {
  level: [],
  jurisdiction: [
    { field: 'levelId', target: 'level', mode: 'optional' },
    { field: 'parentId', target: 'jurisdiction', mode: 'optional' },
    { field: 'overlaps', target: 'jurisdiction', mode: 'list' },
  ],
  issue: [{ field: 'parentId', target: 'issue', mode: 'optional' }],
  actor: [
    { field: 'levelId', target: 'level', mode: 'optional' },
    { field: 'jurisdictionId', target: 'jurisdiction', mode: 'optional' },
    { field: 'parentId', target: 'actor', mode: 'optional' },
  ],
  mandate: [
    { field: 'holderId', target: 'actor', mode: 'required' },
    { field: 'issueIds', target: 'issue', mode: 'nonEmptyList' },
    { field: 'jurisdictionIds', target: 'jurisdiction', mode: 'nonEmptyList' },
  ],
  partnership: [
    { field: 'issueIds', target: 'issue', mode: 'list' },
    { field: 'jurisdictionIds', target: 'jurisdiction', mode: 'list' },
    { field: 'members', target: 'actor', mode: 'members' },
  ],
  interest: [
    { field: 'actorId', target: 'actor', mode: 'required' },
    { field: 'issueId', target: 'issue', mode: 'required' },
  ],
  tie: [
    { field: 'fromId', target: 'actor', mode: 'required' },
    { field: 'toId', target: 'actor', mode: 'required' },
  ],
  assessment: [{ field: 'partnershipId', target: 'partnership', mode: 'required' }],
};

/** Types whose `parentId` forms a tree that must stay acyclic. */
export const TREE_TYPES = [
  'jurisdiction',
  'issue',
  'actor',
] as const satisfies readonly EntityType[];

/** The id one element of a list reference names: a member gives it as `actorId`. */
export function refTarget(spec: RefSpec, element: unknown): string {
  return spec.mode === 'members' ? (element as { actorId: string }).actorId : (element as string);
}

/** The ids an entity's field references, whatever the field's shape. */
export function refTargets(entity: object, spec: RefSpec): string[] {
  const value = (entity as Record<string, unknown>)[spec.field];
  if (value === undefined || value === null) return [];
  if (spec.mode === 'members') return (value as unknown[]).map((m) => refTarget(spec, m));
  if (Array.isArray(value)) return value as string[];
  return [value as string];
}

type Loose = Record<string, unknown>;

/**
 * The key of an entity identified by its ends (interest, tie, assessment), or
 * undefined for other types or when an end is missing.
 */
export function endpointKey(type: EntityType, input: Loose): string | undefined {
  const str = (key: string): string | undefined =>
    typeof input[key] === 'string' ? (input[key] as string) : undefined;
  if (type === 'interest') {
    const [a, i] = [str('actorId'), str('issueId')];
    return a && i ? interestKey(a, i) : undefined;
  }
  if (type === 'tie') {
    const [f, k, t] = [str('fromId'), str('kind'), str('toId')];
    return f && k && t ? tieKey(f, k, t) : undefined;
  }
  if (type === 'assessment') {
    const [p, d] = [str('partnershipId'), str('date')];
    return p && d ? assessmentKey(p, d) : undefined;
  }
  return undefined;
}

export const ENDPOINT_TYPES = [
  'interest',
  'tie',
  'assessment',
] as const satisfies readonly EntityType[];

export function isEndpointType(type: EntityType): boolean {
  return (ENDPOINT_TYPES as readonly EntityType[]).includes(type);
}

/** The id of an input that gives none: a slug of its name (a mandate's title). */
export function deriveId(type: EntityType, input: Loose): string | undefined {
  if (typeof input.id === 'string' && input.id.length > 0) return input.id;
  const name =
    (typeof input.name === 'string' ? input.name : undefined) ??
    (type === 'mandate' && typeof input.title === 'string' ? input.title : undefined);
  return name && name.trim().length > 0 ? slugify(name) : undefined;
}

/**
 * The id an input has or is given: for interests, ties and assessments the
 * key of their ends, else the id it gives or a slug of its name.
 */
export function entityId(type: EntityType, input: Loose): string | undefined {
  return isEndpointType(type) ? endpointKey(type, input) : deriveId(type, input);
}

/** A copy of the input; mandates take their title as name when no name is given. */
export function withDefaultName(type: EntityType, input: Loose): Loose {
  // a plain spread, then the name: `{ ...input, name }` copies about twenty times slower in V8
  const copy = { ...input };
  if (type === 'mandate' && input.name === undefined && typeof input.title === 'string') {
    copy.name = input.title;
  }
  return copy;
}
