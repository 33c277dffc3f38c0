/**
 * How the model lies in Neo4j: one label per entity type (plus `Entity` on
 * every entity node) and one relationship type per reference field. Every
 * entity is a node, so each has a unique id and a version of its own; ties and
 * interests are nodes too, joined to their ends by `TIE` and `INTERESTED_IN`.
 * See docs/adr/0005-neo4j-graph-shape.md.
 */
import { ENTITY_TYPES, REF_SPECS } from '../../model/index.js';
import type { EntityType, RefSpec } from '../../model/index.js';

export const LABEL_OF: Readonly<Record<EntityType, string>> = {
  level: 'GovernmentLevel',
  jurisdiction: 'Jurisdiction',
  issue: 'IssueArea',
  actor: 'Actor',
  mandate: 'Mandate',
  partnership: 'Partnership',
  interest: 'Interest',
  tie: 'Tie',
  assessment: 'Assessment',
};

/** The label every entity node also carries, so a snapshot reads them all in one query. */
export const ENTITY_LABEL = 'Entity';
/** The node holding the store's version counter. */
export const VERSION_LABEL = 'StoreVersion';
/** Nodes recording applied migrations. */
export const MIGRATION_LABEL = 'Migration';

export interface RelSpec {
  readonly type: EntityType;
  readonly field: string;
  readonly target: EntityType;
  /** The relationship type. */
  readonly rel: string;
  /**
   * True when the relationship points from the target to the entity, as in
   * `(:Actor)-[:HOLDS]->(:Mandate)` for a mandate's `holderId`.
   */
  readonly fromTarget: boolean;
  /** A property the relationship carries: a member's role. */
  readonly roleProperty: boolean;
  /** The model's reference this relationship stands for. */
  readonly ref: RefSpec;
}

const REL_OF: Readonly<Record<string, { rel: string; fromTarget?: boolean }>> = {
  'jurisdiction.levelId': { rel: 'AT_LEVEL' },
  'jurisdiction.parentId': { rel: 'PART_OF' },
  'jurisdiction.overlaps': { rel: 'OVERLAPS' },
  'issue.parentId': { rel: 'PART_OF' },
  'actor.levelId': { rel: 'AT_LEVEL' },
  'actor.jurisdictionId': { rel: 'BASED_IN' },
  'actor.parentId': { rel: 'PART_OF' },
  'mandate.holderId': { rel: 'HOLDS', fromTarget: true },
  'mandate.issueIds': { rel: 'COVERS' },
  'mandate.jurisdictionIds': { rel: 'APPLIES_IN' },
  'partnership.issueIds': { rel: 'ADDRESSES' },
  'partnership.jurisdictionIds': { rel: 'APPLIES_IN' },
  'partnership.members': { rel: 'MEMBER_OF', fromTarget: true },
  'interest.actorId': { rel: 'INTERESTED_IN', fromTarget: true },
  'interest.issueId': { rel: 'INTERESTED_IN' },
  'tie.fromId': { rel: 'TIE', fromTarget: true },
  'tie.toId': { rel: 'TIE' },
  'assessment.partnershipId': { rel: 'ASSESSES' },
};

function relSpec(type: EntityType, spec: RefSpec): RelSpec {
  const mapped = REL_OF[`${type}.${spec.field}`];
  if (!mapped) throw new Error(`no relationship type for ${type}.${spec.field}`);
  return {
    type,
    field: spec.field,
    target: spec.target,
    rel: mapped.rel,
    fromTarget: mapped.fromTarget ?? false,
    roleProperty: spec.mode === 'members',
    ref: spec,
  };
}

/** Every reference field of every type, as a relationship. */
export const REL_SPECS: Readonly<Record<EntityType, readonly RelSpec[]>> = Object.fromEntries(
  ENTITY_TYPES.map((type) => [type, REF_SPECS[type].map((spec) => relSpec(type, spec))]),
) as unknown as Record<EntityType, readonly RelSpec[]>;

export function relSpecOf(type: EntityType, field: string): RelSpec | undefined {
  return REL_SPECS[type].find((r) => r.field === field);
}

/** Node properties the adapter adds to an entity's own fields. */
export const INTERNAL_PROPERTIES = ['version', 'nameFolded'] as const;

/** Fields held as a JSON string property (arrays of objects; relationships carry them too). */
export const JSON_FIELDS: ReadonlySet<string> = new Set(['members']);

/** Fields held as Neo4j dates. */
export const DATE_FIELDS: ReadonlySet<string> = new Set([
  'validFrom',
  'validTo',
  'formedOn',
  'date',
]);
