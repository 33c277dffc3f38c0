import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { smallGraph, stateOf } from '../../tests/helpers/state.js';
import type { Doc } from '../../tests/helpers/state.js';
import { OVERLAP_KINDS, OVERLAP_NATURES, describeOverlap, overlapsWith } from './overlap-rules.js';
import type { Overlap } from './overlap-rules.js';
import { listOverlaps } from './overlaps.js';
import { buildProjection } from './projection.js';
import type { Projection } from './projection.js';
import { resolveScope, scopedMandates } from './scope.js';
import type { Scope } from './scope.js';
import { ScopeIndex } from './scope-index.js';
import { summariseOverlaps } from './summary.js';

/** Every overlap, pair by pair: the slow reference the engine must agree with. */
function bruteForce(p: Projection, scope: Scope): Overlap[] {
  const s = resolveScope(p, scope);
  const list = scopedMandates(p, s);
  const out: Overlap[] = [];
  for (let i = 0; i < list.length; i += 1) {
    for (let j = i + 1; j < list.length; j += 1) {
      if (overlapsWith(p, list[i]!, list[j]!, s.at === null))
        out.push(describeOverlap(p, list[i]!, list[j]!));
    }
  }
  return out.sort((a, b) => (a.mandateIds.join() < b.mandateIds.join() ? -1 : 1));
}

const scopes = fc.record({
  issueId: fc.option(fc.constantFrom('water', 'quality', 'effluent', 'roads'), { nil: undefined }),
  jurisdictionId: fc.option(fc.constantFrom('country', 'a', 'a1', 'b1', 'river'), {
    nil: undefined,
  }),
  at: fc.constantFrom(null, '2012-06-30', '2025-01-01'),
});

function engine(doc: Doc, scope: Scope) {
  const p = buildProjection(stateOf(doc));
  return { p, ix: new ScopeIndex(p, resolveScope(p, scope)) };
}

describe('overlap engine agrees with the pair-by-pair rules', () => {
  it('summary counts equal a brute-force count, by kind and by nature', () => {
    fc.assert(
      fc.property(smallGraph, scopes, (doc, scope) => {
        const { p, ix } = engine(doc, scope);
        const expected = bruteForce(p, scope);
        const summary = summariseOverlaps(ix, 3);
        expect(summary.total).toBe(expected.length);
        for (const kind of OVERLAP_KINDS) {
          expect(summary.byKind[kind], kind).toBe(
            expected.filter((o) => o.kinds.includes(kind)).length,
          );
        }
        for (const nature of OVERLAP_NATURES) {
          expect(summary.byNature[nature], nature).toBe(
            expected.filter((o) => o.nature === nature).length,
          );
        }
      }),
      { numRuns: 300 },
    );
  });

  it('pages list every overlap once, in order, from any cursor', () => {
    fc.assert(
      fc.property(smallGraph, scopes, fc.integer({ min: 1, max: 7 }), (doc, scope, first) => {
        const { p, ix } = engine(doc, scope);
        const expected = bruteForce(p, scope);
        const seen: Overlap[] = [];
        let after: [string, string] | undefined;
        for (;;) {
          const page = listOverlaps(ix, { first, after });
          seen.push(...page.items);
          if (!page.hasNextPage) break;
          after = page.items.at(-1)!.mandateIds;
        }
        expect(seen).toEqual(expected);
      }),
      { numRuns: 200 },
    );
  });

  it('top actor pairs are the pairs with the most overlaps', () => {
    fc.assert(
      fc.property(smallGraph, scopes, (doc, scope) => {
        const { p, ix } = engine(doc, scope);
        const counts = new Map<string, number>();
        for (const o of bruteForce(p, scope)) {
          const holders = o.mandateIds
            .map((id) => p.mandates[p.mandateIndex.get(id)!]!.entity.holderId)
            .sort();
          const key = holders.join(' ');
          counts.set(key, (counts.get(key) ?? 0) + 1);
        }
        const expected = [...counts]
          .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
          .slice(0, 3);
        const top = summariseOverlaps(ix, 3).topPairs.map((t) => [t.actorIds.join(' '), t.count]);
        expect(top).toEqual(expected);
      }),
      { numRuns: 200 },
    );
  });
});
