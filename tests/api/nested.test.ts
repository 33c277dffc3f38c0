import { afterEach, describe, expect, it } from 'vitest';
import { openSqliteStore } from '../../graph/store/sqlite/sqlite-store.js';
import { makeTestApp } from '../helpers/app.js';
import type { TestApp } from '../helpers/app.js';
import { countCalls } from '../helpers/counting-store.js';

let t: TestApp | undefined;
afterEach(async () => t?.close());

const NESTED = `query($n: Int) { actors(first: $n) { nodes {
  level { name } jurisdiction { name parent { name } } parent { name } children { id }
  mandates { issues { parent { name } } jurisdictions { level { rank } } holder { id } }
  memberships { role partnership { members { actor { id } } assessments { date } } }
  interests { issue { name } } ties { from { id } to { id } }
} } }`;

describe('nested fields', () => {
  it('fetch nested fields in a number of store calls that does not grow with the parents', async () => {
    const counting = countCalls(openSqliteStore({ path: ':memory:' }));
    t = await makeTestApp({ store: counting.store });
    const callsFor = async (n: number) => {
      counting.reset();
      const res = await t!.gql(NESTED, { n });
      expect(res.errors).toBeUndefined();
      return { total: counting.total(), actors: res.data!.actors.nodes.length };
    };
    const some = await callsFor(25);
    const all = await callsFor(500);
    expect(all.actors).toBeGreaterThan(some.actors);
    // reads come from one snapshot of the cached graph: the store calls do not grow with the parents
    expect(all.total).toBe(some.total);
    expect(all.total).toBeLessThanOrEqual(21);
  });
});
