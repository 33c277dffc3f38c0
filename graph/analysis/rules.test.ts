/** Hand-checked tables for every rule of DESIGN.md's analysis semantics, on small graphs. */
import { describe, expect, it } from 'vitest';
import { aMandate, aPartnership, aTie, anActor, anInterest } from '../../tests/helpers/builders.js';
import { smallWorld, stateOf } from '../../tests/helpers/state.js';
import type { Doc } from '../../tests/helpers/state.js';
import { collaborationGaps, coverageGaps, describeCoverage, engagementGaps } from './gaps.js';
import { levelMatrix } from './levels.js';
import { bandOf, maturity } from './maturity.js';
import { listOverlaps } from './overlaps.js';
import { buildProjection } from './projection.js';
import { resolveScope } from './scope.js';
import type { Scope } from './scope.js';
import { ScopeIndex } from './scope-index.js';
import { buildTeam } from './team.js';

const world = smallWorld();

const gov = (id: string, extra: Record<string, unknown> = {}) => anActor(id, extra);
function analyse(doc: Doc, scope: Partial<Scope> = {}) {
  const p = buildProjection(stateOf({ ...world, ...doc }));
  const ix = new ScopeIndex(p, resolveScope(p, { at: '2024-06-30', ...scope }));
  return { p, ix, overlaps: listOverlaps(ix, { first: 500 }).items };
}
const pairs = (overlaps: { mandateIds: string[] }[]) => overlaps.map((o) => o.mandateIds.join('+'));

describe('overlap: issue and place relations', () => {
  const actors = [gov('n', { levelId: 'national' }), gov('p', { levelId: 'provincial' })];
  it.each([
    ['ancestor issue (water) with descendant (effluent)', ['water'], ['effluent'], true],
    ['descendant with ancestor, the other way round', ['effluent'], ['water'], true],
    ['same issue', ['quality'], ['quality'], true],
    ['siblings (quality, quantity) do not relate', ['quality'], ['quantity'], false],
    ['cousins (effluent, quantity) do not relate', ['effluent'], ['quantity'], false],
  ])('%s', (_label, issuesA, issuesB, overlap) => {
    const { overlaps } = analyse({
      actors,
      mandates: [aMandate('m1', 'n', issuesA, ['country']), aMandate('m2', 'p', issuesB, ['a'])],
    });
    expect(overlaps.length).toBe(overlap ? 1 : 0);
  });

  it.each([
    ['country contains a1', 'country', 'a1', true, ['a1']],
    ['a and b are disjoint', 'a', 'b', false, []],
    ['river crosses a1', 'river', 'a1', true, ['a1', 'river']],
    ['river meets province a through its descendant a1', 'river', 'a', true, ['a', 'river']],
    ['river meets b through b1', 'b', 'river', true, ['b', 'river']],
    ['river does not touch a2', 'river', 'a2', false, []],
  ])('%s', (_label, placeA, placeB, overlap, witnesses) => {
    const { overlaps } = analyse({
      actors,
      mandates: [
        aMandate('m1', 'n', ['water'], [placeA]),
        aMandate('m2', 'p', ['water'], [placeB]),
      ],
    });
    expect(overlaps.length).toBe(overlap ? 1 : 0);
    if (overlap) expect(overlaps[0]!.sharedPlaceIds).toEqual(witnesses);
  });

  it('gives the most specific shared issue', () => {
    const { overlaps } = analyse({
      actors,
      mandates: [
        aMandate('m1', 'n', ['water'], ['country']),
        aMandate('m2', 'p', ['effluent', 'quality'], ['a']),
      ],
    });
    expect(overlaps[0]!.sharedIssueIds).toEqual(['effluent']);
  });

  it('never pairs two mandates of one holder', () => {
    const { overlaps } = analyse({
      actors,
      mandates: [
        aMandate('m1', 'n', ['water'], ['country']),
        aMandate('m2', 'n', ['water'], ['country']),
      ],
    });
    expect(overlaps).toEqual([]);
  });
});

describe('overlap: validity', () => {
  const actors = [gov('n', { levelId: 'national' }), gov('p', { levelId: 'provincial' })];
  const mandates = [
    aMandate('old', 'n', ['water'], ['country'], {
      validFrom: '2000-01-01',
      validTo: '2010-12-31',
    }),
    aMandate('new', 'p', ['water'], ['a'], { validFrom: '2015-01-01' }),
    aMandate('open', 'p', ['quality'], ['a1']),
  ];
  it.each<[string, string | null, string[]]>([
    ['on a date: only mandates valid then', '2005-06-01', ['old+open']],
    ['on a later date', '2020-01-01', []],
    ['any time: intervals must meet', null, ['old+open']],
  ])('%s', (_label, at, expected) => {
    const { overlaps } = analyse({ actors, mandates }, { at });
    expect(pairs(overlaps)).toEqual(expected);
  });

  it('any time pairs a dated mandate with an open one, and bounds are inclusive', () => {
    const { overlaps } = analyse(
      {
        actors: [...actors, gov('x', { levelId: 'national' })],
        mandates: [
          aMandate('m1', 'n', ['water'], ['country'], { validTo: '2010-12-31' }),
          aMandate('m2', 'x', ['water'], ['country'], { validFrom: '2010-12-31' }),
        ],
      },
      { at: null },
    );
    expect(pairs(overlaps)).toEqual(['m1+m2']);
  });

  it('omitting at means today: an expired mandate is out of scope', () => {
    const p = buildProjection(
      stateOf({
        ...world,
        actors,
        mandates: [aMandate('gone', 'n', ['water'], ['country'], { validTo: '2001-01-01' })],
      }),
    );
    expect(
      new ScopeIndex(p, resolveScope(p, { at: new Date().toISOString().slice(0, 10) })).list,
    ).toEqual([]);
  });
});

describe('overlap: kinds and natures', () => {
  it.each([
    [
      'transversal: same root organisation',
      gov('x1', { parentId: 'root' }),
      gov('x2', { parentId: 'root' }),
      ['transversal'],
    ],
    [
      'intergovernmental: levels differ',
      gov('n', { levelId: 'national' }),
      gov('p', { levelId: 'provincial' }),
      ['intergovernmental'],
    ],
    [
      'cross-boundary: same level, different homes',
      gov('l1', { levelId: 'local', jurisdictionId: 'a1' }),
      gov('l2', { levelId: 'local', jurisdictionId: 'b1' }),
      ['cross_boundary'],
    ],
    [
      'cross-sector',
      gov('g'),
      anActor('biz', { kind: 'business', sector: 'private' }),
      ['cross_sector'],
    ],
    ['none when only one level is known', gov('n', { levelId: 'national' }), gov('x'), []],
  ])('%s', (_label, a, b, kinds) => {
    const { overlaps } = analyse({
      actors: [gov('root'), a, b],
      mandates: [
        aMandate('m1', a.id, ['water'], ['country']),
        aMandate('m2', b.id, ['water'], ['a1']),
      ],
    });
    expect(overlaps[0]!.kinds).toEqual(kinds);
  });

  it.each([
    [
      'duplication: same class, same level, a common named place',
      'regulate',
      'fund',
      ['a1'],
      ['a1', 'b1'],
      'duplication',
    ],
    [
      'concurrent: same class, no common named place',
      'regulate',
      'coordinate',
      ['a'],
      ['a1'],
      'concurrent',
    ],
    ['complementary: different classes', 'policy', 'operate', ['a1'], ['a1'], 'complementary'],
  ])('%s', (_label, fa, fb, pa, pb, nature) => {
    const { overlaps } = analyse({
      actors: [gov('x', { levelId: 'local' }), gov('y', { levelId: 'local' })],
      mandates: [
        aMandate('m1', 'x', ['water'], pa, { function: fa }),
        aMandate('m2', 'y', ['water'], pb, { function: fb }),
      ],
    });
    expect(overlaps[0]!.nature).toBe(nature);
  });

  it('is concurrent, not duplication, when levels differ', () => {
    const { overlaps } = analyse({
      actors: [gov('x', { levelId: 'local' }), gov('y', { levelId: 'provincial' })],
      mandates: [aMandate('m1', 'x', ['water'], ['a1']), aMandate('m2', 'y', ['water'], ['a1'])],
    });
    expect(overlaps[0]!.nature).toBe('concurrent');
  });
});

describe('gaps', () => {
  const coverage = (doc: Doc, scope: Partial<Scope>) => {
    const { p, ix } = analyse(doc, scope);
    return coverageGaps(p, ix.scope).map((cell) => describeCoverage(p, cell, ix.scope.at));
  };

  it('coverage: units are the municipalities that intersect the scope place; partial where a mandate only intersects', () => {
    const gaps = coverage(
      {
        actors: [gov('x')],
        mandates: [
          aMandate('river-plan', 'x', ['quality'], ['river'], { function: 'plan' }),
          aMandate('a-plan', 'x', ['water'], ['a'], { function: 'plan' }),
        ],
      },
      { issueId: 'effluent', jurisdictionId: 'river' },
    );
    const conceive = gaps.filter((g) => g.functionClass === 'conceive');
    // a1 is covered by a-plan (a covers a1); b1 only intersects the river: partial
    expect(conceive.map((g) => [g.jurisdictionId, g.status])).toEqual([['b1', 'partial']]);
    expect(conceive[0]!.mandateIds).toEqual(['river-plan']);
    // nobody manages or implements anywhere
    expect(
      gaps
        .filter((g) => g.functionClass !== 'conceive')
        .map((g) => `${g.jurisdictionId}:${g.status}`),
    ).toEqual(['a1:gap', 'a1:gap', 'b1:gap', 'b1:gap']);
  });

  it('coverage: a mandate on an ancestor issue covers its descendants; other units kinds work', () => {
    const gaps = coverage(
      {
        actors: [gov('x')],
        mandates: [aMandate('m', 'x', ['water'], ['country'], { function: 'monitor' })],
      },
      { issueId: 'quality', jurisdictionId: 'a' },
    );
    expect(gaps.filter((g) => g.functionClass === 'implement')).toEqual([]);
    expect(new Set(gaps.map((g) => g.issueId))).toEqual(new Set(['quality', 'effluent']));
  });

  const collaboration = (doc: Doc) =>
    [...collaborationGaps(analyse(doc).ix)].map((g) => g.actorIds.join('+'));
  const overlapping = {
    actors: [gov('n', { levelId: 'national' }), gov('p', { levelId: 'provincial' })],
    mandates: [
      aMandate('m1', 'n', ['water'], ['country']),
      aMandate('m2', 'p', ['quality'], ['a']),
    ],
  };

  it.each([
    ['no link: a gap', {}, ['n+p']],
    ['a conflict tie does not connect', { ties: [aTie('n', 'p', 'conflicts')] }, ['n+p']],
    ['a collaborates tie connects', { ties: [aTie('p', 'n', 'informs')] }, []],
    ['a shared partnership connects', { partnerships: [aPartnership('x', ['n', 'p'])] }, []],
  ])('collaboration: %s', (_label, extra, expected) => {
    expect(collaboration({ ...overlapping, ...extra })).toEqual(expected);
  });

  it.each([
    ['influence 4 and interest 4: a gap', 4, 4, [], 1],
    ['influence 3: no gap', 3, 5, [], 0],
    ['interest 3: no gap', 5, 3, [], 0],
    [
      'member of a partnership on a related issue: no gap',
      5,
      5,
      [aPartnership('pt', ['s'], { issueIds: ['water'] })],
      0,
    ],
    [
      'member of a partnership on an unrelated issue: a gap',
      5,
      5,
      [aPartnership('pt', ['s'], { issueIds: ['quantity'] })],
      1,
    ],
  ])('engagement: %s', (_label, influence, interest, partnerships, count) => {
    const { p, ix } = analyse(
      {
        actors: [anActor('s', { kind: 'ngo', sector: 'civil_society' })],
        interests: [anInterest('s', 'effluent', influence, interest)],
        partnerships,
      },
      { issueId: 'quality' },
    );
    expect(engagementGaps(p, ix.scope)).toHaveLength(count);
  });
});

describe('levels, team and maturity', () => {
  const doc: Doc = {
    actors: [
      gov('prov-gov', { levelId: 'provincial' }),
      gov('dept', { levelId: 'provincial', parentId: 'prov-gov' }),
      gov('env', { levelId: 'provincial', parentId: 'prov-gov' }),
      gov('nat', { levelId: 'national' }),
      anActor('farm', { kind: 'business', sector: 'private' }),
    ],
    mandates: [
      aMandate('nat-policy', 'nat', ['water'], ['country'], {
        function: 'policy',
        strength: 'core',
      }),
      aMandate('dept-run', 'dept', ['quality'], ['a'], { function: 'operate', strength: 'core' }),
      aMandate('env-enforce', 'env', ['quality'], ['a'], {
        function: 'enforce',
        strength: 'shared',
      }),
      aMandate('farm-run', 'farm', ['effluent'], ['a1'], {
        function: 'operate',
        strength: 'supporting',
      }),
    ],
    interests: [anInterest('farm', 'effluent', 5, 5)],
    ties: [aTie('dept', 'nat', 'informs'), aTie('dept', 'env', 'collaborates')],
  };

  it('levels: class x level cells, a column for actors without a level, empty cells are gaps', () => {
    const { p, ix } = analyse(doc, { issueId: 'quality', jurisdictionId: 'a' });
    const m = levelMatrix(p, ix.scope);
    expect(m.levelIds).toEqual(['national', 'provincial', 'local', null]);
    const cell = (c: string, l: string | null) =>
      m.cells.find((x) => x.functionClass === c && x.levelId === l)!;
    expect(cell('conceive', 'national').actorIds).toEqual(['nat']);
    expect(cell('implement', 'provincial').actorIds).toEqual(['dept', 'env']);
    expect(cell('implement', null).actorIds).toEqual(['farm']);
    expect(cell('manage', 'provincial').gap).toBe(true);
  });

  it('team: holders by class, wedges from the convener, conveners ranked by betweenness', () => {
    const { ix } = analyse(doc, { issueId: 'quality', jurisdictionId: 'a' });
    const team = buildTeam(ix, 'env');
    expect(team.holders.map((h) => [h.functionClass, h.actorIds])).toEqual([
      ['conceive', ['nat']],
      ['manage', []],
      ['implement', ['dept', 'env', 'farm']],
    ]);
    const wedge = Object.fromEntries(team.members.map((m) => [m.actorId, m.wedge]));
    expect(wedge).toEqual({ dept: 'own', env: 'own', farm: 'coalition', nat: 'intergovernmental' });
    expect(team.suggestedConveners.map((c) => c.actorId)).toEqual(['dept', 'nat']);
    expect(team.tieIds).toEqual(['dept~collaborates~env', 'dept~informs~nat']);
    expect(team.stakeholderInterestIds).toEqual(['farm~effluent']);
    expect(team.collaborationGaps.map((g) => g.actorIds.join('+'))).toEqual([
      'dept+farm',
      'env+farm',
      'env+nat',
      'farm+nat',
    ]);
  });

  it('maturity: bands 1-2, 3-4, 5-6 and change since the first assessment', () => {
    expect([1, 2, 3, 4, 5, 6].map(bandOf)).toEqual([
      'informational',
      'informational',
      'alignment',
      'alignment',
      'partnering',
      'partnering',
    ]);
    const scores = (x: number) => ({
      goals: x,
      resources: x,
      activities: x,
      communications: x,
      governance: x,
      systems: x,
      culture: x,
    });
    const view = maturity([
      {
        id: 'p@2020-01-01',
        partnershipId: 'p',
        date: '2020-01-01',
        scores: { ...scores(5), goals: 6 },
        tags: [],
      },
      { id: 'p@2016-01-01', partnershipId: 'p', date: '2016-01-01', scores: scores(2), tags: [] },
    ]);
    expect(view.dates).toEqual(['2016-01-01', '2020-01-01']);
    expect(view.change.find((c) => c.dimension === 'goals')).toEqual({
      dimension: 'goals',
      from: 2,
      to: 6,
      delta: 4,
    });
    expect(view.dimensions[0]![0]!.band).toBe('informational');
  });
});
