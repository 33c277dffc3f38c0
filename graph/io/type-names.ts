/**
 * The entity type a name gives: a workbook sheet's ("Stakeholders",
 * "Mandates (2)") or a file's ("berg-mandates-v2.csv"). Main function:
 * typeNamed.
 */
import { COLLECTION_OF, ENTITY_TYPES } from '../model/index.js';
import type { EntityType } from '../model/index.js';
import { headerKey } from './columns.js';

export type NamedType = EntityType | 'members';

/** Words people name a sheet by, other than the types' own, singular and plural. */
const OTHER_WORDS: ReadonlyMap<string, EntityType> = new Map([
  ['stakeholder', 'actor'],
  ['stakeholders', 'actor'],
  ['organisation', 'actor'],
  ['organisations', 'actor'],
  ['organization', 'actor'],
  ['organizations', 'actor'],
  ['topic', 'issue'],
  ['topics', 'issue'],
  ['place', 'jurisdiction'],
  ['places', 'jurisdiction'],
  ['sphere', 'level'],
  ['spheres', 'level'],
  ['tier', 'level'],
  ['tiers', 'level'],
  ['relationship', 'tie'],
  ['relationships', 'tie'],
]);

/** Names whose words run together ("IssueAreas"), by their key. */
const RUN_TOGETHER: ReadonlyMap<string, NamedType> = new Map([
  ['issueareas', 'issue'],
  ['governmentlevels', 'level'],
  ['partnershipmembers', 'members'],
]);

/** The one type a list of types holds, or undefined for none or several. */
const onlyOne = <T>(types: ReadonlySet<T>): T | undefined =>
  types.size === 1 ? [...types][0] : undefined;

/**
 * The type a name gives. A members sheet's name ends with members (or
 * membership): "Partnership members", "brip-members". Else the type that
 * exactly one of its words names, singular or plural ("Actors (2)",
 * "berg-mandates-v2"), or failing that the type that exactly one of the
 * other words people use names ("Stakeholder list"). A name that names two
 * types ("actors-and-mandates") gives none. Words run together are known
 * for a few names ("IssueAreas").
 */
export function typeNamed(name: string): NamedType | undefined {
  const together = RUN_TOGETHER.get(headerKey(name));
  if (together) return together;
  const words = name
    .toLowerCase()
    .split(/[^a-z]+/)
    .filter(Boolean);
  const last = words[words.length - 1];
  if (last === 'members' || last === 'membership' || last === 'memberships') return 'members';
  const own = new Set(
    ENTITY_TYPES.filter((t) => words.includes(t) || words.includes(COLLECTION_OF[t])),
  );
  if (own.size > 0) return onlyOne(own);
  return onlyOne(new Set(words.flatMap((w) => OTHER_WORDS.get(w) ?? [])));
}
