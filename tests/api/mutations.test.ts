import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeTestApp } from '../helpers/app.js';
import type { TestApp } from '../helpers/app.js';

let t: TestApp;
beforeEach(async () => {
  t = await makeTestApp();
});
afterEach(async () => t.close());

const scores =
  '{ goals: 5, resources: 4, activities: 4, communications: 3, governance: 4, systems: 3, culture: 5 }';

describe('create, update and delete every entity', () => {
  it.each([
    [
      'GovernmentLevel',
      'level',
      '{ id: "ward-level", name: "Ward", rank: 5 }',
      '{ rank: 6 }',
      'rank',
      6,
    ],
    [
      'Jurisdiction',
      'jurisdiction',
      '{ name: "Paarl ward 1", kind: WARD, parentId: "drakenstein" }',
      '{ kind: OTHER }',
      'kind',
      'OTHER',
    ],
    [
      'IssueArea',
      'issueArea',
      '{ name: "E. coli", parentId: "effluent" }',
      '{ description: "faecal bacteria" }',
      'description',
      'faecal bacteria',
    ],
    [
      'Actor',
      'actor',
      '{ name: "Breede-Olifants CMA", kind: PUBLIC_ENTITY, sector: PUBLIC, levelId: "national" }',
      '{ sector: CIVIL_SOCIETY }',
      'sector',
      'CIVIL_SOCIETY',
    ],
    [
      'Mandate',
      'mandate',
      '{ title: "Trade effluent by-law", function: ENFORCE, strength: SHARED, holderId: "drakenstein-municipality", issueIds: ["effluent"], jurisdictionIds: ["drakenstein"], validFrom: "2020-01-01" }',
      '{ validTo: "2030-12-31" }',
      'validTo',
      '2030-12-31',
    ],
    [
      'Partnership',
      'partnership',
      '{ name: "Paarl river clean-up", kind: COLLABORATION, members: [{ actorId: "drakenstein-municipality", role: CONVENER }] }',
      '{ purpose: "Clear litter" }',
      'purpose',
      'Clear litter',
    ],
    [
      'Interest',
      'interest',
      '{ actorId: "csir", issueId: "effluent", stance: SUPPORTS, influence: 2, interest: 3 }',
      '{ influence: 3 }',
      'influence',
      3,
    ],
    [
      'Tie',
      'tie',
      '{ fromId: "csir", toId: "dws", kind: INFORMS }',
      '{ strength: 3 }',
      'strength',
      3,
    ],
    [
      'Assessment',
      'assessment',
      `{ partnershipId: "berg-catchment-forum", date: "2020-06-30", scores: ${scores} }`,
      '{ notes: "first look" }',
      'notes',
      'first look',
    ],
  ])('%s', async (typeName, query, input, patch, field, value) => {
    const created = await t.gql(
      `mutation { create${typeName}(input: ${input}) { id version ${field} } }`,
    );
    expect(created.errors).toBeUndefined();
    const entity = created.data![`create${typeName}`];
    expect(entity.version).toBe(1);

    const updated = await t.gql(
      `mutation($id: ID!) { update${typeName}(id: $id, input: ${patch}, expectedVersion: 1) { id version ${field} } }`,
      { id: entity.id },
    );
    expect(updated.errors).toBeUndefined();
    expect(updated.data![`update${typeName}`]).toEqual({
      id: entity.id,
      version: 2,
      [field]: value,
    });

    const read = await t.gql(`query($id: ID!) { ${query}(id: $id) { ${field} } }`, {
      id: entity.id,
    });
    expect(read.data![query]).toEqual({ [field]: value });

    const deleted = await t.gql(
      `mutation($id: ID!) { delete${typeName}(id: $id) { id deleted { type id } } }`,
      {
        id: entity.id,
      },
    );
    expect(deleted.errors).toBeUndefined();
    expect(deleted.data![`delete${typeName}`].deleted[0].id).toBe(entity.id);
    const gone = await t.gql(`query($id: ID!) { ${query}(id: $id) { id } }`, { id: entity.id });
    expect(gone.data![query]).toBeNull();
  });
});

describe('partnership members and assessments', () => {
  it('sets, changes and removes a member', async () => {
    const set = await t.gql(
      'mutation { setPartnershipMember(partnershipId: "berg-catchment-forum", actorId: "wwf-sa", role: CHEERING) { version members { actorId role } } }',
    );
    expect(set.data!.setPartnershipMember.members).toContainEqual({
      actorId: 'wwf-sa',
      role: 'CHEERING',
    });
    const change = await t.gql(
      'mutation { setPartnershipMember(partnershipId: "berg-catchment-forum", actorId: "wwf-sa", role: ROWING, expectedVersion: 2) { members { actorId role } } }',
    );
    expect(
      change.data!.setPartnershipMember.members.filter(
        (m: { actorId: string }) => m.actorId === 'wwf-sa',
      ),
    ).toEqual([{ actorId: 'wwf-sa', role: 'ROWING' }]);
    const removed = await t.gql(
      'mutation { removePartnershipMember(partnershipId: "berg-catchment-forum", actorId: "wwf-sa") { members { actorId } } }',
    );
    expect(
      removed.data!.removePartnershipMember.members.map((m: { actorId: string }) => m.actorId),
    ).not.toContain('wwf-sa');
  });

  it('records an assessment, then replaces the one of the same date', async () => {
    const mutation = (goals: number) =>
      `mutation { recordAssessment(input: { partnershipId: "brip-steering-committee", date: "2024-03-31", scores: ${scores.replace('goals: 5', `goals: ${goals}`)} }) { id version scores { goals } } }`;
    expect((await t.gql(mutation(5))).data!.recordAssessment).toEqual({
      id: 'brip-steering-committee@2024-03-31',
      version: 1,
      scores: { goals: 5 },
    });
    expect((await t.gql(mutation(6))).data!.recordAssessment).toMatchObject({
      version: 2,
      scores: { goals: 6 },
    });
  });

  it('deletes an actor with cascade and reports what went with it', async () => {
    const res = await t.gql(
      'mutation { deleteActor(id: "paarl-wwtw", cascade: true) { id deleted { type id } updated { type id } } }',
    );
    expect(res.data!.deleteActor).toEqual({
      id: 'paarl-wwtw',
      deleted: [
        { type: 'ACTOR', id: 'paarl-wwtw' },
        { type: 'MANDATE', id: 'paarl-wwtw-operation' },
        { type: 'TIE', id: 'paarl-wwtw~reports_to~drakenstein-municipality' },
      ],
      updated: [],
    });
  });
});

describe('importData', () => {
  it('imports a JSON document, then finds it unchanged', async () => {
    const data = {
      actors: [
        { name: 'Saldanha Bay Water Forum', kind: 'community_group', sector: 'civil_society' },
      ],
      interests: [
        {
          actorId: 'saldanha-bay-water-forum',
          issueId: 'water-quality',
          stance: 'supports',
          influence: 2,
          interest: 5,
        },
      ],
    };
    const query =
      'mutation($data: JSON!, $dryRun: Boolean) { importData(data: $data, dryRun: $dryRun) { ok dryRun committed counts { created updated unchanged rejected } errors { sheet row code message } } }';
    const dry = await t.gql(query, { data, dryRun: true });
    expect(dry.data!.importData).toMatchObject({
      ok: true,
      dryRun: true,
      committed: false,
      counts: { created: 2 },
    });
    expect(
      (await t.gql('{ actor(id: "saldanha-bay-water-forum") { id } }')).data!.actor,
    ).toBeNull();
    const real = await t.gql(query, { data });
    expect(real.data!.importData).toMatchObject({
      ok: true,
      committed: true,
      counts: { created: 2, rejected: 0 },
    });
    const again = await t.gql(query, { data });
    expect(again.data!.importData.counts).toEqual({
      created: 0,
      updated: 0,
      unchanged: 2,
      rejected: 0,
    });
  });

  it('imports a Kumu blueprint as a .json file of one would be', async () => {
    const data = {
      elements: [{ label: 'Saldanha Bay Water Forum', type: 'Community group' }],
      connections: [{ from: 'Saldanha Bay Water Forum', to: 'Wesgro', type: 'Information flow' }],
    };
    const query =
      'mutation($data: JSON!) { importData(data: $data) { ok counts { created rejected } warnings { code } } }';
    const result = await t.gql(query, { data });
    expect(result.data!.importData).toMatchObject({
      ok: true,
      counts: { created: 2, rejected: 0 },
      warnings: [{ code: 'SECTOR_ASSUMED' }],
    });
    const forum = await t.gql('{ actor(id: "saldanha-bay-water-forum") { kind sector } }');
    expect(forum.data!.actor).toEqual({ kind: 'COMMUNITY_GROUP', sector: 'CIVIL_SOCIETY' });
  });

  it('reports every bad row and writes nothing', async () => {
    const data = {
      actors: [
        { name: 'Good Actor', kind: 'ngo', sector: 'civil_society' },
        { name: 'Bad Kind', kind: 'cabal', sector: 'public' },
      ],
      mandates: [
        {
          title: 'Orphan',
          function: 'plan',
          strength: 'core',
          holderId: 'nobody',
          issueIds: ['water'],
          jurisdictionIds: ['south-africa'],
        },
      ],
      colours: [],
    };
    const res = await t.gql(
      'mutation($data: JSON!) { importData(data: $data) { ok committed counts { created updated unchanged rejected } errors { sheet row column code } } }',
      { data },
    );
    expect(res.data!.importData).toEqual({
      ok: false,
      committed: false,
      counts: { created: 1, updated: 0, unchanged: 0, rejected: 2 },
      errors: [
        { sheet: 'colours', row: 0, column: '', code: 'INVALID_INPUT' },
        { sheet: 'actors', row: 2, column: 'kind', code: 'INVALID_INPUT' },
        { sheet: 'mandates', row: 1, column: 'holderId', code: 'UNKNOWN_REFERENCE' },
      ],
    });
    expect((await t.gql('{ actor(id: "good-actor") { id } }')).data!.actor).toBeNull();
  });

  it('reads a document as the same .json file would: references by name, unknown fields by name, look-alikes', async () => {
    const data = {
      actors: [
        { name: 'Drakenstein Local Municipality', kind: 'municipality', sector: 'public' },
        { name: 'Paarl Water Club', kind: 'ngo', sector: 'civil_society', colour: 'blue' },
      ],
      mandates: [
        {
          title: 'Water quality monitoring',
          function: 'monitor',
          strength: 'core',
          holderId: 'Department of Water and Sanitation',
          issueIds: ['water-quality'],
          jurisdictionIds: ['berg-river-catchment'],
        },
      ],
    };
    const res = await t.gql(
      'mutation($data: JSON!) { importData(data: $data, dryRun: true) { ok counts { created rejected } errors { sheet row column value code message } warnings { row code } } }',
      { data },
    );
    expect(res.data!.importData).toEqual({
      ok: false,
      counts: { created: 2, rejected: 1 },
      errors: [
        {
          sheet: 'actors',
          row: 2,
          column: 'colour',
          value: 'blue',
          code: 'INVALID_INPUT',
          message: 'colour: unknown field',
        },
      ],
      warnings: [{ row: 1, code: 'LIKELY_DUPLICATE' }],
    });
  });

  it('refuses a document with more rows than the import limit, before writing any', async () => {
    const limited = await makeTestApp({
      config: {
        importLimits: { maxBytes: 1e6, maxRows: 2, maxColumns: 10, maxUnpackedBytes: 1e6 },
      },
    });
    try {
      const actors = ['One', 'Two', 'Three'].map((n) => ({
        name: `Org ${n}`,
        kind: 'ngo',
        sector: 'civil_society',
      }));
      const res = await limited.gql('mutation($data: JSON!) { importData(data: $data) { ok } }', {
        data: { actors },
      });
      expect(res.errors?.[0]).toMatchObject({
        message: 'the document has 3 rows, more than 2',
        extensions: { code: 'LIMIT_EXCEEDED' },
      });
      expect((await limited.gql('{ actors { totalCount } }')).data!.actors.totalCount).toBe(34);
    } finally {
      await limited.close();
    }
  });
});
