/** The analysis queries through fastify.inject on the Berg River sample. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTestApp } from '../helpers/app.js';
import type { TestApp } from '../helpers/app.js';

let t: TestApp;
beforeAll(async () => {
  t = await makeTestApp();
});
afterAll(async () => t.close());

const CATCHMENT_QUALITY = '{ issueId: "water-quality", jurisdictionId: "berg-river-catchment" }';

describe('Berg River expectations', () => {
  it('the national water department and the provincial environment department overlap on water quality in the catchment, intergovernmentally', async () => {
    const seen: any[] = [];
    let after: string | null = null;
    for (;;) {
      const res: any = await t.gql(
        `query($after: String) { overlaps(scope: ${CATCHMENT_QUALITY}, first: 50, after: $after) {
          totalCount pageInfo { hasNextPage endCursor }
          nodes { mandates { id holder { id } } kinds nature sharedIssues { id } sharedPlaces { id } because } } }`,
        { after },
      );
      expect(res.errors).toBeUndefined();
      seen.push(...res.data.overlaps.nodes);
      if (!res.data.overlaps.pageInfo.hasNextPage) {
        expect(seen).toHaveLength(res.data.overlaps.totalCount);
        break;
      }
      after = res.data.overlaps.pageInfo.endCursor;
    }
    const pair = seen.find(
      (o) =>
        o.mandates[0].id === 'deadp-pollution-enforcement' &&
        o.mandates[1].id === 'dws-water-quality-regulation',
    );
    expect(pair).toMatchObject({
      mandates: [{ holder: { id: 'wc-deadp' } }, { holder: { id: 'dws' } }],
      kinds: ['INTERGOVERNMENTAL'],
      nature: 'COMPLEMENTARY',
      sharedIssues: [{ id: 'water-quality' }],
      sharedPlaces: [{ id: 'western-cape' }],
    });
    expect(pair.because.join(' ')).toContain('intergovernmental');
  });

  it('summarises the catchment: totals agree with the listed overlaps, top pairs say whether they are connected', async () => {
    const res: any = await t.gql(`{
      overlapSummary(scope: ${CATCHMENT_QUALITY}, top: 3) { mandatesInScope total byKind { kind count } byNature { nature count }
        topPairs { actors { id } count connected because } }
      overlaps(scope: ${CATCHMENT_QUALITY}, natures: [DUPLICATION]) { totalCount nodes { nature } } }`);
    expect(res.errors).toBeUndefined();
    const s = res.data.overlapSummary;
    expect(s.byNature.reduce((n: number, x: any) => n + x.count, 0)).toBe(s.total);
    const duplication = s.byNature.find((x: any) => x.nature === 'DUPLICATION').count;
    expect(res.data.overlaps.totalCount).toBe(duplication);
    expect(res.data.overlaps.nodes).toHaveLength(duplication);
    expect(s.topPairs[0]).toMatchObject({
      actors: [{ id: 'dws' }, { id: 'wc-deadp' }],
      connected: true,
    });
  });

  it('finds Agri Western Cape, a strong stakeholder outside every partnership, as an engagement gap', async () => {
    const res: any = await t.gql(
      `{ gaps(scope: { issueId: "water" }, kinds: [ENGAGEMENT], first: 50) { nodes { actors { id } issue { id } because } } }`,
    );
    const gaps = res.data.gaps.nodes.map((g: any) => `${g.actors[0].id}:${g.issue.id}`);
    expect(gaps).toContain('agri-western-cape:agricultural-runoff');
    expect(gaps).not.toContain('wwf-sa:river-ecosystem');
  });

  it('lists collaboration gaps between overlapping actors with no link, and pages them', async () => {
    const first: any = await t.gql(
      `{ gaps(scope: ${CATCHMENT_QUALITY}, kinds: [COLLABORATION], first: 2) { pageInfo { hasNextPage endCursor } nodes { kind actors { id } } } }`,
    );
    expect(first.data.gaps.nodes).toHaveLength(2);
    const next: any = await t.gql(
      `query($after: String) { gaps(scope: ${CATCHMENT_QUALITY}, kinds: [COLLABORATION], first: 2, after: $after) { nodes { actors { id } } } }`,
      {
        after: first.data.gaps.pageInfo.endCursor,
      },
    );
    expect(next.data.gaps.nodes[0].actors).not.toEqual(first.data.gaps.nodes[0].actors);
  });

  it('finds coverage gaps per unit kind: nobody manages tourism in either district', async () => {
    const res: any = await t.gql(
      '{ gaps(scope: { issueId: "tourism-recreation" }, kinds: [COVERAGE], unitKind: DISTRICT, first: 50) { nodes { status jurisdiction { id kind } functionClass because } } }',
    );
    expect(res.errors).toBeUndefined();
    const nodes = res.data.gaps.nodes;
    expect(nodes.every((g: any) => g.jurisdiction.kind === 'DISTRICT')).toBe(true);
    expect(nodes.map((g: any) => `${g.jurisdiction.id}:${g.functionClass}:${g.status}`)).toEqual([
      'cape-winelands:MANAGE:gap',
      'west-coast:MANAGE:gap',
    ]);
  });

  it('shows the provincial conceive gap for effluent in the levels matrix', async () => {
    const res: any = await t.gql(
      `{ levels(issueId: "effluent", jurisdictionId: "drakenstein") { levels { id } cells { functionClass level { id } actors { id } gap } } }`,
    );
    const cell = (c: string, l: string) =>
      res.data.levels.cells.find((x: any) => x.functionClass === c && x.level?.id === l);
    expect(cell('CONCEIVE', 'provincial')).toMatchObject({ gap: true, actors: [] });
    expect(cell('CONCEIVE', 'national').actors).toEqual([{ id: 'dws' }]);
    expect(cell('IMPLEMENT', 'local').actors).toEqual([
      { id: 'paarl-wwtw' },
      { id: 'wellington-wwtw' },
    ]);
  });

  it('builds the team for water quality in the catchment with wedges relative to DEA&DP', async () => {
    const res: any = await t.gql(`{ team(scope: ${CATCHMENT_QUALITY}, convenerId: "wc-deadp") {
      convener { id } members { actor { id } wedge } suggestedConveners { actor { id } because }
      partnerships { id } stakeholders { actor { id } } holders { functionClass actors { id } } } }`);
    expect(res.errors).toBeUndefined();
    const team = res.data.team;
    const wedge = Object.fromEntries(team.members.map((m: any) => [m.actor.id, m.wedge]));
    expect(wedge).toMatchObject({
      'wc-agriculture': 'OWN',
      dws: 'INTERGOVERNMENTAL',
      'franschhoek-wine-valley': 'COALITION',
    });
    expect(team.partnerships.map((p: any) => p.id)).toEqual(['brip-steering-committee']);
    expect(team.suggestedConveners.map((c: any) => c.actor.id)).toContain('dws');
  });

  it('gives network metrics for every actor', async () => {
    const res: any = await t.gql(
      '{ network { betweennessExact components communities nodes { actor { id } degree betweenness } edges { source target connects } } actors(first: 0) { totalCount } }',
    );
    expect(res.data.network.nodes).toHaveLength(res.data.actors.totalCount);
    expect(res.data.network.betweennessExact).toBe(true);
    const conflict = res.data.network.edges.find(
      (e: any) => e.source === 'berg-canoe-marathon' || e.target === 'berg-canoe-marathon',
    );
    expect(conflict.connects).toBe(false);
  });

  it('reads the BRIP maturity: baseline alignment seeking, change since', async () => {
    const res: any = await t.gql(
      '{ maturity(partnershipId: "brip-steering-committee") { baseline { mean band } latest { band } change { dimension delta } because } }',
    );
    expect(res.data.maturity.baseline).toEqual({ mean: 3, band: 'ALIGNMENT' });
    expect(res.data.maturity.change.find((c: any) => c.dimension === 'COMMUNICATIONS').delta).toBe(
      1,
    );
  });
});

describe('analysis errors', () => {
  it.each([
    ['team without a scope', '{ team(scope: {}) { convener { id } } }', 'BAD_USER_INPUT'],
    [
      'an unknown issue in scope',
      '{ overlapSummary(scope: { issueId: "nope" }) { total } }',
      'NOT_FOUND',
    ],
    [
      'a foreign overlap cursor',
      '{ overlaps(scope: {}, after: "eyJnYXAiOjF9") { totalCount } }',
      'BAD_USER_INPUT',
    ],
    ['an unknown partnership', '{ maturity(partnershipId: "nope") { because } }', 'NOT_FOUND'],
    ['a network larger than first', '{ network(first: 5) { components } }', 'LIMIT_EXCEEDED'],
  ])('%s', async (_label, query, code) => {
    const res = await t.gql(query);
    expect(res.errors?.[0]?.extensions).toMatchObject({ code });
  });

  it('at: null means any time: the expired monitoring programme takes part', async () => {
    const scope = (at: string) =>
      `{ issueId: "water-quality", jurisdictionId: "berg-river-catchment"${at} }`;
    const res: any = await t.gql(
      `{ now: overlapSummary(scope: ${scope('')}) { mandatesInScope } ever: overlapSummary(scope: ${scope(', at: null')}) { mandatesInScope } then: overlapSummary(scope: ${scope(', at: "2015-01-01"')}) { mandatesInScope } }`,
    );
    expect(res.data.ever.mandatesInScope).toBe(res.data.now.mandatesInScope + 1);
    expect(res.data.then.mandatesInScope).toBe(res.data.ever.mandatesInScope);
  });
});
