/** Properties of the analysis that must hold on any graph (fast-check). */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { smallGraph, stateOf } from '../../tests/helpers/state.js';
import type { Doc } from '../../tests/helpers/state.js';
import { collaborationGaps, coverageGaps } from './gaps.js';
import { describeOverlap, overlapsWith } from './overlap-rules.js';
import { listOverlaps } from './overlaps.js';
import { buildProjection } from './projection.js';
import { resolveScope } from './scope.js';
import type { Scope } from './scope.js';
import { ScopeIndex } from './scope-index.js';
import { summariseOverlaps } from './summary.js';

const AT = '2012-06-30';
function index(doc: Doc, scope: Partial<Scope> = {}) {
  const p = buildProjection(stateOf(doc));
  return new ScopeIndex(p, resolveScope(p, { at: AT, ...scope }));
}
const overlapKeys = (ix: ScopeIndex) =>
  listOverlaps(ix, { first: 10_000 }).items.map((o) => o.mandateIds.join('+'));
const gapKeys = (doc: Doc) => [...collaborationGaps(index(doc))].map((g) => g.actorIds.join('+'));

describe('overlap properties', () => {
  it('are symmetric: the pair rules and the explanation do not depend on the order of the two mandates', () => {
    fc.assert(
      fc.property(smallGraph, fc.boolean(), (doc, anyTime) => {
        const p = buildProjection(stateOf(doc));
        for (let a = 0; a < p.mandates.length; a += 1) {
          for (let b = 0; b < p.mandates.length; b += 1) {
            expect(overlapsWith(p, a, b, anyTime)).toBe(overlapsWith(p, b, a, anyTime));
            if (overlapsWith(p, a, b, anyTime))
              expect(describeOverlap(p, a, b)).toEqual(describeOverlap(p, b, a));
          }
        }
      }),
      { numRuns: 100 },
    );
  });

  it('do not depend on the order of the input', () => {
    fc.assert(
      fc.property(smallGraph, fc.integer(), (doc, seed) => {
        const shuffled = Object.fromEntries(
          Object.entries(doc).map(([k, list]) => [
            k,
            [...list].sort(
              (x, y) =>
                ((JSON.stringify(x).length * seed) % 7) - ((JSON.stringify(y).length * seed) % 7),
            ),
          ]),
        );
        expect(overlapKeys(index(shuffled))).toEqual(overlapKeys(index(doc)));
        expect(summariseOverlaps(index(shuffled), 5)).toEqual(summariseOverlaps(index(doc), 5));
      }),
      { numRuns: 100 },
    );
  });

  it('narrowing a scope never adds an overlap', () => {
    const chains: Partial<Scope>[][] = [
      [{}, { issueId: 'water' }, { issueId: 'quality' }, { issueId: 'effluent' }],
      [{}, { jurisdictionId: 'country' }, { jurisdictionId: 'a' }, { jurisdictionId: 'a1' }],
      [{ jurisdictionId: 'a' }, { jurisdictionId: 'a', issueId: 'quality' }],
    ];
    fc.assert(
      fc.property(smallGraph, fc.constantFrom(...chains), (doc, chain) => {
        for (let k = 1; k < chain.length; k += 1) {
          const wide = new Set(overlapKeys(index(doc, chain[k - 1])));
          for (const key of overlapKeys(index(doc, chain[k]))) expect(wide.has(key)).toBe(true);
        }
      }),
      { numRuns: 150 },
    );
  });
});

describe('gap properties', () => {
  it('adding a tie or a partnership never adds a collaboration gap', () => {
    fc.assert(
      fc.property(
        smallGraph,
        fc.nat(5),
        fc.nat(5),
        fc.constantFrom('tie', 'conflict', 'partnership'),
        (doc, x, y, what) => {
          const actors = doc.actors.map((a) => a.id as string);
          const [a, b] = [actors[x % actors.length]!, actors[y % actors.length]!];
          if (a === b) return;
          const before = new Set(gapKeys(doc));
          const after =
            what === 'partnership'
              ? {
                  ...doc,
                  partnerships: [
                    {
                      id: 'new',
                      name: 'New',
                      kind: 'forum',
                      members: [{ actorId: a }, { actorId: b }],
                    },
                  ],
                }
              : {
                  ...doc,
                  ties: [
                    { fromId: a, toId: b, kind: what === 'tie' ? 'collaborates' : 'conflicts' },
                  ],
                };
          for (const key of gapKeys(after)) expect(before.has(key)).toBe(true);
        },
      ),
      { numRuns: 150 },
    );
  });

  it('adding a mandate never adds a coverage gap, nor turns a partial one into a full gap', () => {
    const extra = fc.record({
      fn: fc.constantFrom('policy', 'regulate', 'operate'),
      issue: fc.constantFrom('water', 'quality', 'effluent', 'roads'),
      place: fc.constantFrom('country', 'a', 'a1', 'b1', 'river'),
    });
    fc.assert(
      fc.property(
        smallGraph,
        extra,
        fc.constantFrom('river', 'country', 'a'),
        (doc, m, scopePlace) => {
          const gaps = (d: Doc) => {
            const ix = index(d, { jurisdictionId: scopePlace });
            return new Map(
              coverageGaps(ix.p, ix.scope).map((g) => [
                `${g.issue}:${g.unit}:${g.fclass}`,
                g.partial,
              ]),
            );
          };
          const before = gaps(doc);
          const mandate = {
            id: 'zz-new',
            title: 'New',
            function: m.fn,
            strength: 'core',
            holderId: doc.actors[0]!.id,
            issueIds: [m.issue],
            jurisdictionIds: [m.place],
          };
          for (const [key, partial] of gaps({ ...doc, mandates: [...doc.mandates, mandate] })) {
            expect(before.has(key)).toBe(true);
            if (!partial) expect(before.get(key)).toBe(false);
          }
        },
      ),
      { numRuns: 150 },
    );
  });
});
