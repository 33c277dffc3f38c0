/** The overlay: reads see the planned change, and a checked change is not checked twice. */
import { describe, expect, it } from 'vitest';
import { aLevel, anActor } from '../../tests/helpers/builders.js';
import { stateOf } from '../../tests/helpers/state.js';
import { parseEntity } from '../model/index.js';
import { Overlay } from './overlay.js';
import { checkPlanned, findPlannedProblems, findPlannedProblemsInTurns } from './plan-upsert.js';

const actor = (id: string, extra: Record<string, unknown> = {}) =>
  ({ type: 'actor', entity: parseEntity('actor', anActor(id, extra)) }) as const;

describe('Overlay', () => {
  it('reads through planned puts and removes to the state', () => {
    const overlay = new Overlay(stateOf({ levels: [aLevel('l', 1)], actors: [anActor('a')] }));
    expect(overlay.get('actor', 'a')?.id).toBe('a');
    overlay.remove('actor', 'a');
    expect(overlay.get('actor', 'a')).toBeUndefined();
    expect(overlay.isDeleted('actor', 'a')).toBe(true);
    overlay.put(actor('a', { name: 'Again' }));
    expect(overlay.get('actor', 'a')).toMatchObject({ name: 'Again' });
    expect(overlay.isDeleted('actor', 'a')).toBe(false);
    overlay.put(actor('b'));
    overlay.remove('actor', 'b');
    expect(overlay.get('actor', 'b')).toBeUndefined();
    expect(overlay.changeSet()).toMatchObject({ upserts: [{ entity: { id: 'a' } }], deletes: [] });
  });

  it('gives the change in the order it was planned, across types', () => {
    const overlay = new Overlay(
      stateOf({ levels: [aLevel('l', 1)], actors: [anActor('x'), anActor('y')] }),
    );
    overlay.put(actor('a'));
    overlay.put({ type: 'level', entity: parseEntity('level', aLevel('m', 2)) });
    overlay.remove('actor', 'y');
    overlay.put(actor('b'));
    overlay.remove('actor', 'x');
    overlay.put(actor('a', { name: 'Renamed' })); // keeps its place
    overlay.remove('actor', 'y'); // already planned: keeps its place
    const { upserts, deletes } = overlay.changeSet();
    expect(upserts.map((u) => `${u.type}:${u.entity.id}:${u.entity.name}`)).toEqual([
      'actor:a:Renamed',
      'level:m:m',
      'actor:b:b',
    ]);
    expect(deletes.map((d) => d.id)).toEqual(['y', 'x']);
  });

  it('is checked only until something else is planned', () => {
    const overlay = new Overlay(stateOf({ levels: [aLevel('l', 1)] }));
    overlay.put(actor('a', { levelId: 'l' }));
    expect(overlay.checked).toBe(false);
    expect(findPlannedProblems(overlay)).toEqual([]);
    expect(overlay.checked).toBe(true);
    overlay.put(actor('b', { levelId: 'nowhere' }));
    expect(overlay.checked).toBe(false);
    expect(() => checkPlanned(overlay)).toThrow(/unknown level 'nowhere'/);
    expect(findPlannedProblems(overlay)).toHaveLength(1);
    expect(overlay.checked).toBe(false);
    overlay.remove('actor', 'b');
    expect(() => checkPlanned(overlay)).not.toThrow();
  });

  it('finds the same problems in turns, with other work let in between', async () => {
    const overlay = new Overlay(stateOf({ levels: [aLevel('l', 1)] }));
    for (let i = 0; i < 10; i += 1)
      overlay.put(actor(`a${i}`, { levelId: i % 4 === 1 ? `gone-${i}` : 'l' }));
    const atOnce = findPlannedProblems(overlay);
    expect(atOnce.map((p) => p.id)).toEqual(['a1', 'a5', 'a9']);
    let turned = false;
    setImmediate(() => (turned = true));
    const inTurns = await findPlannedProblemsInTurns(overlay, 3);
    expect(turned).toBe(true);
    expect(inTurns).toEqual(atOnce);
    expect(overlay.checked).toBe(false);
    overlay.remove('actor', 'a1');
    overlay.remove('actor', 'a5');
    overlay.remove('actor', 'a9');
    expect(await findPlannedProblemsInTurns(overlay, 3)).toEqual([]);
    expect(overlay.checked).toBe(true);
  });
});
