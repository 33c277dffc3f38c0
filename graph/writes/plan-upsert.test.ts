import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { anActor } from '../../tests/helpers/builders.js';
import { emptyLists, parseEntity, stateFromSnapshot } from '../model/index.js';
import type { Snapshot } from '../model/index.js';
import { Overlay } from './overlay.js';
import { planUpsert, sameEntity } from './plan-upsert.js';

/** A JSON value written with its keys sorted, at every depth (undefined ones left out, as JSON does). */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (typeof value === 'object' && value !== null) {
    const entries = Object.entries(value)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

/** The same value with every object's keys in reverse order and an undefined key added. */
function reordered(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(reordered);
  if (typeof value !== 'object' || value === null) return value;
  const copy: Record<string, unknown> = { 'left out': undefined };
  for (const key of Object.keys(value).reverse())
    copy[key] = reordered((value as Record<string, unknown>)[key]);
  return copy;
}

describe('sameEntity', () => {
  it('is equality of JSON values, whatever the order of keys and keys left undefined', () => {
    fc.assert(
      fc.property(fc.jsonValue(), fc.jsonValue(), fc.boolean(), (a, other, alike) => {
        const b = alike ? reordered(a) : other;
        expect(sameEntity(a, b)).toBe(canonical(a) === canonical(b));
        expect(sameEntity(b, a)).toBe(canonical(a) === canonical(b));
      }),
      { numRuns: 2000 },
    );
  });

  it('tells arrays from objects, and the order of an array', () => {
    expect(sameEntity({ 0: 'a' }, ['a'])).toBe(false);
    expect(sameEntity(['a', 'b'], ['b', 'a'])).toBe(false);
    expect(sameEntity({ a: [1, { b: 2 }] }, { a: [1, { b: 2, c: undefined }] })).toBe(true);
    expect(sameEntity({ a: 1 }, { a: 1, b: null })).toBe(false);
  });
});

describe('planUpsert', () => {
  const stored = { ...parseEntity('actor', anActor('dws', { description: 'Water' })), version: 7 };
  const overlay = () =>
    new Overlay(
      stateFromSnapshot({ version: 7, entities: { ...emptyLists(), actor: [stored] } } as Snapshot),
    );

  it('finds an entity unchanged when only the store version tells it from the stored one', () => {
    const plan = overlay();
    const { version: _version, ...same } = stored;
    expect(planUpsert(plan, 'actor', same)).toBe('unchanged');
    expect(plan.changeSet().upserts).toEqual([]);
  });

  it('plans an update when a field changes, is added or is taken away', () => {
    const { version: _version, description: _description, ...without } = stored;
    for (const entity of [
      { ...without, description: 'Sanitation' },
      { ...without, tags: ['x'] },
      without,
    ]) {
      const plan = overlay();
      expect(planUpsert(plan, 'actor', entity)).toBe('updated');
      expect(plan.changeSet().upserts).toEqual([{ type: 'actor', entity }]);
    }
    expect(planUpsert(overlay(), 'actor', { ...without, id: 'new' })).toBe('created');
  });
});
