/** Graph states built straight from model input, for analysis tests. */
import fc from 'fast-check';
import {
  COLLECTION_OF,
  ENTITY_TYPES,
  emptyLists,
  parseEntity,
  stateFromSnapshot,
} from '../../graph/model/index.js';
import type { GraphState } from '../../graph/model/index.js';

export type Doc = Partial<Record<string, object[]>>;

export function stateOf(doc: Doc, version = 1): GraphState {
  const entities = emptyLists();
  for (const type of ENTITY_TYPES) {
    for (const input of doc[COLLECTION_OF[type]] ?? []) {
      (entities[type] as object[]).push({ ...parseEntity(type, input), version: 1 });
    }
  }
  return stateFromSnapshot({ version, entities });
}

const pick = <T>(items: readonly T[]) => fc.constantFrom(...items);

/**
 * Small random graphs: a place tree with a crossing area, an issue tree,
 * actors on three levels in two organisations, and mandates over them.
 */
export const smallGraph = fc
  .record({
    overlapsOf: fc.subarray(['a1', 'a2', 'b1'], { minLength: 0 }),
    actors: fc.array(
      fc.record({
        level: fc.option(pick(['national', 'provincial', 'local']), { nil: undefined }),
        home: fc.option(pick(['country', 'a', 'b', 'a1', 'a2', 'b1']), { nil: undefined }),
        sector: pick(['public', 'private', 'civil_society'] as const),
        parent: fc.option(fc.nat(5), { nil: undefined }),
      }),
      { minLength: 2, maxLength: 6 },
    ),
    mandates: fc.array(
      fc.record({
        holder: fc.nat(5),
        fn: pick(['policy', 'regulate', 'monitor', 'operate'] as const),
        issues: fc.uniqueArray(pick(['water', 'quality', 'effluent', 'quantity', 'roads']), {
          minLength: 1,
          maxLength: 2,
        }),
        places: fc.uniqueArray(pick(['country', 'a', 'b', 'a1', 'a2', 'b1', 'river']), {
          minLength: 1,
          maxLength: 2,
        }),
        from: fc.option(pick(['2000-01-01', '2010-01-01', '2020-01-01']), { nil: undefined }),
        to: fc.option(pick(['2005-12-31', '2015-12-31', '2030-12-31']), { nil: undefined }),
      }),
      { minLength: 0, maxLength: 14 },
    ),
  })
  .map(({ overlapsOf, actors, mandates }) => {
    const actorDocs = actors.map((a, i) => ({
      id: `actor${i}`,
      name: `Actor ${i}`,
      kind: 'department',
      sector: a.sector,
      ...(a.level ? { levelId: a.level } : {}),
      ...(a.home ? { jurisdictionId: a.home } : {}),
      ...(a.parent !== undefined && a.parent < i ? { parentId: `actor${a.parent}` } : {}),
    }));
    return {
      ...smallWorld(overlapsOf),
      actors: actorDocs,
      mandates: mandates.map((m, i) => ({
        id: `m${String(i).padStart(2, '0')}`,
        title: `Mandate ${i}`,
        function: m.fn,
        strength: 'shared',
        holderId: `actor${m.holder % actorDocs.length}`,
        issueIds: m.issues,
        jurisdictionIds: m.places,
        ...(m.from && m.to && m.to < m.from ? {} : { validFrom: m.from, validTo: m.to }),
      })),
    };
  });

/**
 * Country > provinces A, B > municipalities A1, A2 (in A), B1 (in B), and a
 * river crossing `riverOverlaps`; issues water > quality > effluent, water >
 * quantity, and roads; three levels.
 */
export function smallWorld(riverOverlaps: string[] = ['a1', 'b1']): Doc {
  return {
    levels: [
      { id: 'national', name: 'National', rank: 1 },
      { id: 'provincial', name: 'Provincial', rank: 2 },
      { id: 'local', name: 'Local', rank: 3 },
    ],
    jurisdictions: [
      { id: 'country', name: 'Country', kind: 'country' },
      { id: 'a', name: 'A', kind: 'province', parentId: 'country' },
      { id: 'b', name: 'B', kind: 'province', parentId: 'country' },
      { id: 'a1', name: 'A1', kind: 'municipality', parentId: 'a' },
      { id: 'a2', name: 'A2', kind: 'municipality', parentId: 'a' },
      { id: 'b1', name: 'B1', kind: 'municipality', parentId: 'b' },
      { id: 'river', name: 'River', kind: 'catchment', overlaps: riverOverlaps },
    ],
    issues: [
      { id: 'water', name: 'Water' },
      { id: 'quality', name: 'Quality', parentId: 'water' },
      { id: 'effluent', name: 'Effluent', parentId: 'quality' },
      { id: 'quantity', name: 'Quantity', parentId: 'water' },
      { id: 'roads', name: 'Roads' },
    ],
  };
}
