/** The closed vocabularies of the domain model (DESIGN.md, "Domain model"). */
export const JURISDICTION_KINDS = [
  'country',
  'province',
  'district',
  'municipality',
  'ward',
  'catchment',
  'region',
  'other',
] as const;
export type JurisdictionKind = (typeof JURISDICTION_KINDS)[number];

export const ACTOR_KINDS = [
  'department',
  'municipality',
  'public_entity',
  'business',
  'industry_body',
  'ngo',
  'community_group',
  'research',
  'international',
  'other',
] as const;
export type ActorKind = (typeof ACTOR_KINDS)[number];

export const SECTORS = ['public', 'private', 'civil_society', 'academic'] as const;
export type Sector = (typeof SECTORS)[number];

export const MANDATE_FUNCTIONS = [
  'policy',
  'plan',
  'regulate',
  'fund',
  'coordinate',
  'implement',
  'operate',
  'enforce',
  'monitor',
] as const;
export type MandateFunction = (typeof MANDATE_FUNCTIONS)[number];

export const FUNCTION_CLASSES = ['conceive', 'manage', 'implement'] as const;
export type FunctionClass = (typeof FUNCTION_CLASSES)[number];

/** "Conceived / managed / implemented" (seed 001). */
export const FUNCTION_CLASS_OF: Readonly<Record<MandateFunction, FunctionClass>> = {
  policy: 'conceive',
  plan: 'conceive',
  regulate: 'manage',
  fund: 'manage',
  coordinate: 'manage',
  implement: 'implement',
  operate: 'implement',
  enforce: 'implement',
  monitor: 'implement',
};

export const MANDATE_STRENGTHS = ['core', 'shared', 'supporting'] as const;
export type MandateStrength = (typeof MANDATE_STRENGTHS)[number];

export const PARTNERSHIP_KINDS = [
  'collaboration',
  'partnership',
  'cooperation',
  'coordination_committee',
  'network',
  'forum',
] as const;
export type PartnershipKind = (typeof PARTNERSHIP_KINDS)[number];

export const MEMBER_ROLES = [
  'convener',
  'steering',
  'rowing',
  'cheering',
  'member',
  'observer',
] as const;
export type MemberRole = (typeof MEMBER_ROLES)[number];

export const STANCES = ['supports', 'neutral', 'opposes', 'mixed'] as const;
export type Stance = (typeof STANCES)[number];

export const TIE_KINDS = [
  'collaborates',
  'funds',
  'reports_to',
  'informs',
  'contracts',
  'conflicts',
] as const;
export type TieKind = (typeof TIE_KINDS)[number];

export const MATURITY_DIMENSIONS = [
  'goals',
  'resources',
  'activities',
  'communications',
  'governance',
  'systems',
  'culture',
] as const;
export type MaturityDimension = (typeof MATURITY_DIMENSIONS)[number];
