/** The audit log: every write with who, when, before and after; readable by admins; deletes recoverable. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTestApp } from '../helpers/app.js';
import type { TestApp } from '../helpers/app.js';

let t: TestApp;
const tokens: Record<string, string> = {};
const ids: Record<string, string> = {};

beforeAll(async () => {
  t = await makeTestApp();
  for (const role of ['viewer', 'editor', 'admin'] as const) {
    const created = t.app.tokens.create(role, role);
    tokens[role] = created.token;
    ids[role] = created.record.id;
  }
});
afterAll(() => t.close());

async function as(role: string, query: string, variables: Record<string, unknown> = {}) {
  const res = await t.app.inject({
    method: 'POST',
    url: '/graphql',
    headers: { authorization: `Bearer ${tokens[role]}` },
    payload: { query, variables },
  });
  return res.json() as any;
}

describe('audit log', () => {
  it('records who changed what, with the entity before and after', async () => {
    await as(
      'editor',
      'mutation { createActor(input: { id: "audited", name: "Audited NGO", kind: NGO, sector: CIVIL_SOCIETY }) { id } }',
    );
    await as(
      'editor',
      'mutation { updateActor(id: "audited", input: { description: "now described" }) { id } }',
    );
    const log = await as(
      'admin',
      '{ auditLog(type: "actor", id: "audited", first: 10) { by role action version before after } }',
    );
    expect(log.errors).toBeUndefined();
    const [update, create] = log.data.auditLog;
    expect(create).toMatchObject({
      by: ids.editor,
      role: 'editor',
      action: 'create',
      before: null,
    });
    expect(create.after).toMatchObject({ id: 'audited', name: 'Audited NGO', version: 1 });
    expect(update).toMatchObject({
      action: 'update',
      before: { version: 1 },
      after: { description: 'now described', version: 2 },
    });
    expect(update.version).toBeGreaterThan(create.version);
  });

  it('is for admins only', async () => {
    for (const role of ['viewer', 'editor']) {
      const denied = await as(role, '{ auditLog(first: 1) { id } }');
      expect(denied.errors[0].extensions.code).toBe('FORBIDDEN');
    }
  });

  it('records the sample load as the system', async () => {
    const log = await as('admin', '{ auditLog(id: "dws", type: "actor", first: 5) { by action } }');
    expect(log.data.auditLog.at(-1)).toEqual({ by: 'system', action: 'create' });
  });

  it('makes a delete recoverable, cascade included', async () => {
    await as(
      'editor',
      'mutation { createTie(input: { fromId: "audited", toId: "dws", kind: COLLABORATES }) { id } }',
    );
    const deleted = await as(
      'admin',
      'mutation { deleteActor(id: "audited", cascade: true) { deleted { type id } } }',
    );
    expect(deleted.data.deleteActor.deleted).toEqual(
      expect.arrayContaining([
        { type: 'ACTOR', id: 'audited' },
        { type: 'TIE', id: 'audited~collaborates~dws' },
      ]),
    );
    const log = await as('admin', '{ auditLog(id: "audited", first: 1) { action before after } }');
    expect(log.data.auditLog[0]).toMatchObject({
      action: 'delete',
      before: { description: 'now described' },
      after: null,
    });
    const restored = await as('admin', 'mutation { restoreDeleted(type: "actor", id: "audited") }');
    expect(restored.data.restoreDeleted).toMatchObject({
      id: 'audited',
      description: 'now described',
    });
    const tie = await as(
      'admin',
      'mutation { restoreDeleted(type: "tie", id: "audited~collaborates~dws") }',
    );
    expect(tie.data.restoreDeleted).toMatchObject({ fromId: 'audited', toId: 'dws' });
    expect(
      (await as('viewer', '{ actor(id: "audited") { ties { id } } }')).data.actor.ties,
    ).toHaveLength(1);
  });

  it('refuses to restore what was not deleted', async () => {
    const result = await as('admin', 'mutation { restoreDeleted(type: "actor", id: "dws") }');
    expect(result.errors[0].extensions.code).toBe('NOT_FOUND');
    const editor = await as('editor', 'mutation { restoreDeleted(type: "actor", id: "dws") }');
    expect(editor.errors[0].extensions.code).toBe('FORBIDDEN');
  });
});
