import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bergRiverSample } from '../../graph/index.js';
import { makeTestApp } from '../helpers/app.js';
import type { GraphQLResponse, TestApp } from '../helpers/app.js';

let t: TestApp;
beforeAll(async () => {
  t = await makeTestApp();
});
afterAll(async () => t.close());

describe('queries by id', () => {
  it.each([
    ['level', 'national', 'rank'],
    ['jurisdiction', 'berg-river-catchment', 'kind'],
    ['issueArea', 'effluent', 'name'],
    ['actor', 'dws', 'sector'],
    ['mandate', 'dws-water-policy', 'functionClass'],
    ['partnership', 'brip-steering-committee', 'kind'],
    ['interest', 'agri-western-cape~agricultural-runoff', 'stance'],
    ['tie', 'dws~funds~wrc', 'kind'],
    ['assessment', 'brip-steering-committee@2016-08-31', 'date'],
  ])('%s(id: %s)', async (field, id, scalar) => {
    const res = await t.gql(`query($id: ID!) { ${field}(id: $id) { id version ${scalar} } }`, {
      id,
    });
    expect(res.errors).toBeUndefined();
    expect(res.data?.[field]).toMatchObject({ id, version: 1 });
  });

  it('answers null for an unknown id', async () => {
    const res = await t.gql('{ actor(id: "nobody") { id } }');
    expect(res).toMatchObject({ status: 200, data: { actor: null } });
  });

  it('resolves the nested graph of an actor', async () => {
    const res = await t.gql(`{ actor(id: "wc-deadp") {
      name kind level { rank } jurisdiction { name } parent { id }
      mandates { id function functionClass source { instrument section } validFrom validTo }
      memberships { role partnership { id } }
      ties { kind from { id } to { id } }
    } }`);
    expect(res.errors).toBeUndefined();
    expect(res.data?.actor).toMatchObject({
      kind: 'DEPARTMENT',
      level: { rank: 2 },
      jurisdiction: { name: 'Western Cape' },
      parent: { id: 'wcg' },
      memberships: [{ role: 'CONVENER', partnership: { id: 'brip-steering-committee' } }],
    });
    const mandate = res.data?.actor.mandates.find(
      (m: { id: string }) => m.id === 'deadp-brip-monitoring-phase-1',
    );
    expect(mandate).toMatchObject({
      function: 'MONITOR',
      functionClass: 'IMPLEMENT',
      validTo: '2017-03-31',
    });
    expect(res.data?.actor.ties).toEqual(
      expect.arrayContaining([
        { kind: 'INFORMS', from: { id: 'wc-deadp' }, to: { id: 'dws' } },
        { kind: 'INFORMS', from: { id: 'stellenbosch-university' }, to: { id: 'wc-deadp' } },
      ]),
    );
  });

  it('resolves jurisdictions, issues, partnerships and assessments', async () => {
    const res = await t.gql(`{
      jurisdiction(id: "western-cape") { parent { id } children { id } level { name } }
      catchment: jurisdiction(id: "berg-river-catchment") { overlapIds overlaps { kind } mandates { id } }
      issueArea(id: "water-quality") { parent { id } children { id } interests { actor { id } } }
      partnership(id: "brip-steering-committee") { issues { id } jurisdictions { id } members { role actor { id } } assessments { date scores { goals communications } } }
      level(id: "local") { jurisdictions(first: 2) { id } actors(first: 100) { id } }
    }`);
    expect(res.errors).toBeUndefined();
    const d = res.data!;
    expect(d.jurisdiction.parent).toEqual({ id: 'south-africa' });
    expect(d.jurisdiction.children.map((c: { id: string }) => c.id)).toEqual([
      'berg-river-catchment',
      'cape-winelands',
      'west-coast',
    ]);
    expect(d.catchment.overlapIds).toHaveLength(6);
    expect(d.catchment.overlaps.every((o: { kind: string }) => o.kind === 'MUNICIPALITY')).toBe(
      true,
    );
    expect(d.issueArea.children.map((c: { id: string }) => c.id)).toEqual([
      'agricultural-runoff',
      'effluent',
    ]);
    expect(d.partnership.members[0]).toEqual({ role: 'CONVENER', actor: { id: 'wc-deadp' } });
    expect(d.partnership.assessments).toEqual([
      { date: '2016-08-31', scores: { goals: 4, communications: 2 } },
      { date: '2018-09-30', scores: { goals: 5, communications: 3 } },
    ]);
    expect(d.level.jurisdictions).toHaveLength(2);
    expect(d.level.actors.length).toBeGreaterThan(6);
  });
});

describe('connections', () => {
  it('pages through all actors with cursors and a stable total', async () => {
    const seen: string[] = [];
    let after: string | null = null;
    let total = 0;
    for (let i = 0; i < 20; i += 1) {
      const res: GraphQLResponse<{ actors: any }> = await t.gql(
        'query($after: String) { actors(first: 7, after: $after) { totalCount pageInfo { hasNextPage endCursor } edges { cursor node { id } } } }',
        { after },
      );
      const c = res.data!.actors;
      total = c.totalCount;
      seen.push(...c.edges.map((e: { node: { id: string } }) => e.node.id));
      if (!c.pageInfo.hasNextPage) break;
      after = c.pageInfo.endCursor;
    }
    expect(seen.length).toBe(total);
    expect(new Set(seen).size).toBe(total);
    expect([...seen].sort()).toEqual(seen);
  });

  it.each([
    [
      'actors',
      '{ sector: PRIVATE }',
      ['agri-western-cape', 'berg-irrigation-farmers', 'franschhoek-wine-valley'],
    ],
    ['actors', '{ nameContains: "wwtw" }', []],
    [
      'actors',
      '{ nameContains: "treatment works", jurisdictionId: "drakenstein" }',
      ['paarl-wwtw', 'wellington-wwtw'],
    ],
    ['actors', '{ kind: RESEARCH }', ['csir', 'stellenbosch-university']],
    ['actors', '{ levelId: "district" }', ['cape-winelands-dm', 'west-coast-dm']],
    ['actors', '{ issueId: "water-pricing" }', ['dws']],
    ['jurisdictions', '{ kind: CATCHMENT }', ['berg-river-catchment']],
    ['jurisdictions', '{ levelId: "district" }', ['cape-winelands', 'west-coast']],
    ['issueAreas', '{ nameContains: "WATER Q" }', ['water-quality']],
    ['mandates', '{ issueId: "water-pricing" }', ['dws-pricing-strategy']],
    ['mandates', '{ jurisdictionId: "west-coast" }', ['west-coast-dm-municipal-health']],
    ['partnerships', '{ kind: FORUM }', ['berg-catchment-forum']],
    [
      'interests',
      '{ issueId: "water-data" }',
      ['csir~water-data', 'stellenbosch-university~water-data'],
    ],
    ['ties', '{ kind: CONFLICTS }', ['berg-irrigation-farmers~conflicts~berg-canoe-marathon']],
    ['governmentLevels', '{ nameContains: "vinc" }', ['provincial']],
    ['assessments', '{ nameContains: "baseline" }', ['brip-steering-committee@2016-08-31']],
  ])('%s(filter: %s)', async (field, filter, ids) => {
    const res = await t.gql(
      `{ ${field}(filter: ${filter}, first: 100) { totalCount nodes { id } } }`,
    );
    expect(res.errors).toBeUndefined();
    expect(res.data?.[field].nodes.map((n: { id: string }) => n.id)).toEqual(ids);
    expect(res.data?.[field].totalCount).toBe(ids.length);
  });

  it('defaults first to 50 and allows 0', async () => {
    const res = await t.gql(
      '{ mandates { nodes { id } pageInfo { hasNextPage } } none: actors(first: 0) { nodes { id } totalCount } }',
    );
    expect(res.data?.mandates.nodes.length).toBeLessThanOrEqual(50);
    expect(res.data?.none).toMatchObject({
      nodes: [],
      totalCount: bergRiverSample().actors!.length,
    });
  });
});
