import { parse } from 'graphql';
import { describe, expect, it } from 'vitest';
import { buildSchema, enumResolvers, loadTypeDefs } from '../../api/graphql/schema.js';
import * as model from '../../graph/index.js';

const PAIRS: [string, readonly string[]][] = [
  ['JurisdictionKind', model.JURISDICTION_KINDS],
  ['ActorKind', model.ACTOR_KINDS],
  ['Sector', model.SECTORS],
  ['MandateFunction', model.MANDATE_FUNCTIONS],
  ['FunctionClass', model.FUNCTION_CLASSES],
  ['MandateStrength', model.MANDATE_STRENGTHS],
  ['PartnershipKind', model.PARTNERSHIP_KINDS],
  ['MemberRole', model.MEMBER_ROLES],
  ['Stance', model.STANCES],
  ['TieKind', model.TIE_KINDS],
  ['EntityType', model.ENTITY_TYPES],
];

describe('SDL and model agree', () => {
  const enums = enumResolvers(parse(loadTypeDefs()));
  it.each(PAIRS)('enum %s has exactly the model values', (name, values) => {
    expect(Object.values(enums[name] ?? {}).sort()).toEqual([...values].sort());
  });

  it('has a query by id, a connection and three mutations for every entity', () => {
    const schema = buildSchema();
    const queries = schema.getQueryType()!.getFields();
    const mutations = schema.getMutationType()!.getFields();
    for (const [single, plural, typeName] of [
      ['level', 'governmentLevels', 'GovernmentLevel'],
      ['jurisdiction', 'jurisdictions', 'Jurisdiction'],
      ['issueArea', 'issueAreas', 'IssueArea'],
      ['actor', 'actors', 'Actor'],
      ['mandate', 'mandates', 'Mandate'],
      ['partnership', 'partnerships', 'Partnership'],
      ['interest', 'interests', 'Interest'],
      ['tie', 'ties', 'Tie'],
      ['assessment', 'assessments', 'Assessment'],
    ] as const) {
      expect(String(queries[single]?.type)).toBe(typeName);
      expect(String(queries[plural]?.type)).toBe(`${typeName}Connection!`);
      expect(queries[plural]?.args.map((a) => a.name)).toEqual(['filter', 'first', 'after']);
      for (const verb of ['create', 'update', 'delete'])
        expect(mutations[`${verb}${typeName}`]).toBeDefined();
    }
  });
});
