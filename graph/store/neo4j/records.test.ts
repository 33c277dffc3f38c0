import neo4j from 'neo4j-driver';
import { describe, expect, it } from 'vitest';
import { parseEntity } from '../../model/index.js';
import type { AnyEntity, EntityType } from '../../model/index.js';
import { entityFromNode, toPlain, toProperties } from './records.js';

const { Integer, Node, Relationship, Date: Neo4jDate } = neo4j.types;

/** A node as the driver hands it back after a write of `props`. */
function nodeOf(label: string, props: Record<string, unknown>, version = 1) {
  return new Node(
    neo4j.int(7),
    [label, 'Entity'],
    { ...props, version: neo4j.int(version) },
    '4:x:7',
  );
}

function roundTrip(type: EntityType, label: string, input: object) {
  const entity = parseEntity(type, input) as AnyEntity;
  return { entity, back: entityFromNode(type, nodeOf(label, toProperties(type, entity), 3)) };
}

describe('Neo4j records', () => {
  it('writes integers with neo4j.int and dates as Neo4j dates', () => {
    const mandate = parseEntity('mandate', {
      id: 'm1',
      title: 'Licence water use',
      function: 'regulate',
      strength: 'core',
      holderId: 'dws',
      issueIds: ['water'],
      jurisdictionIds: ['berg'],
      validFrom: '1998-08-26',
      source: { instrument: 'National Water Act 36 of 1998', section: 's 21' },
    }) as AnyEntity;
    const props = toProperties('mandate', mandate);
    expect(props.validFrom).toBeInstanceOf(Neo4jDate);
    expect(String(props.validFrom)).toBe('1998-08-26');
    expect(props['source.instrument']).toBe('National Water Act 36 of 1998');
    expect(props.issueIds).toEqual(['water']);
    expect(props.nameFolded).toBe('licence water use');
    const level = toProperties(
      'level',
      parseEntity('level', { id: 'n', name: 'N', rank: 1 }) as AnyEntity,
    );
    expect(level.rank).toBeInstanceOf(Integer);
    expect(neo4j.integer.toNumber(level.rank as neo4j.Integer)).toBe(1);
  });

  it.each([
    [
      'mandate',
      'Mandate',
      {
        id: 'm1',
        title: 'Monitor effluent',
        function: 'monitor',
        strength: 'shared',
        holderId: 'dws',
        issueIds: ['effluent', 'water'],
        jurisdictionIds: ['berg'],
        validFrom: '2000-01-01',
        validTo: '2030-12-31',
        source: { instrument: 'NWA', url: 'https://example.org/nwa' },
        tags: ['a', 'b'],
      },
    ],
    [
      'partnership',
      'Partnership',
      {
        id: 'brip',
        name: 'BRIP',
        kind: 'coordination_committee',
        formedOn: '2012-05-01',
        members: [
          { actorId: 'wcg', role: 'convener' },
          { actorId: 'dws', role: 'steering' },
        ],
      },
    ],
    [
      'assessment',
      'Assessment',
      {
        partnershipId: 'brip',
        date: '2016-08-31',
        scores: {
          goals: 3,
          resources: 2,
          activities: 3,
          communications: 2,
          governance: 4,
          systems: 2,
          culture: 3,
        },
      },
    ],
    [
      'actor',
      'Actor',
      { id: 'a', name: 'Ä <b>', kind: 'ngo', sector: 'civil_society', contact: { email: 'x@y.z' } },
    ],
    ['tie', 'Tie', { fromId: 'a', toId: 'b', kind: 'conflicts', strength: 3 }],
  ] as const)('round-trips a %s through node properties', (type, label, input) => {
    const { entity, back } = roundTrip(type, label, input);
    expect(back).toEqual({ ...entity, version: 3 });
  });

  it('makes driver values plain: Integer, Date, Node, Relationship, lists', () => {
    const rel = new Relationship(neo4j.int(1), neo4j.int(2), neo4j.int(3), 'MEMBER_OF', {
      role: 'convener',
      since: new Neo4jDate(2016, 8, 31),
    });
    expect(toPlain(rel)).toEqual({
      type: 'MEMBER_OF',
      properties: { role: 'convener', since: '2016-08-31' },
    });
    expect(toPlain([neo4j.int(5), new Node(neo4j.int(1), ['Actor'], { n: neo4j.int(2) })])).toEqual(
      [5, { labels: ['Actor'], properties: { n: 2 } }],
    );
    expect(() => toPlain(neo4j.int('9007199254740993'))).toThrow(/out of range/);
  });

  it('refuses values it cannot store, before anything is written', () => {
    const actor = {
      ...(parseEntity('actor', { id: 'a', name: 'A', kind: 'ngo', sector: 'public' }) as object),
      description: 10n,
    };
    expect(() => toProperties('actor', actor as unknown as AnyEntity)).toThrow(
      expect.objectContaining({ code: 'INVALID_INPUT' }),
    );
  });

  it('refuses a stored node that is not a valid entity, naming it', () => {
    const node = nodeOf('Actor', { id: 'a', name: 'A', kind: 'spaceship', sector: 'public' });
    expect(() => entityFromNode('actor', node)).toThrow(
      expect.objectContaining({ code: 'STORE_UNAVAILABLE', details: { type: 'actor', id: 'a' } }),
    );
    const noVersion = new Node(neo4j.int(1), ['Actor'], {
      id: 'a',
      name: 'A',
      kind: 'ngo',
      sector: 'public',
    });
    expect(() => entityFromNode('actor', noVersion)).toThrow(/no version/);
  });
});
