/**
 * The analysis pool with real worker threads: answers equal the inline
 * engine's, workers follow committed writes, a run past its time limit is
 * refused and its worker replaced, and the calling thread stays free.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { AnalysisEngine } from '../analysis-engine.js';
import { withoutVersion } from '../model/index.js';
import type { GraphState } from '../model/index.js';
import { GraphService } from '../service.js';
import { loadBergRiverSample } from '../samples/load-sample.js';
import { openSqliteStore } from '../store/sqlite/sqlite-store.js';
import { aCliqueGraph, aLevel, anActor, anIssue, aPlace } from '../../tests/helpers/builders.js';
import { stateOf } from '../../tests/helpers/state.js';
import { AnalysisPool } from './analysis-pool.js';

const CATCHMENT = { issueId: 'water-quality', jurisdictionId: 'berg-river-catchment', at: null };

const services: GraphService[] = [];
afterEach(async () => {
  await Promise.all(services.splice(0).map((s) => s.close()));
});

async function sampleService(options: { workers?: number; timeoutMs?: number } = {}) {
  const service = new GraphService(openSqliteStore({ path: ':memory:' }), { analysis: options });
  services.push(service);
  await loadBergRiverSample(service);
  return service;
}

/** A graph of one place, issue and level, and actors with these ids. */
const actorsState = (ids: string[]) =>
  stateOf({
    levels: [aLevel('national', 1)],
    jurisdictions: [aPlace('country')],
    issues: [anIssue('water')],
    actors: ids.map((id) => anActor(id)),
  });

/** Adds actors to `state` as a committed write does, and tells the pool. */
function commitActors(pool: AnalysisPool, state: GraphState, ids: string[]): void {
  const entities = ids.map((id) => {
    const after = { ...anActor(id), version: 1 } as never;
    state.entities.actor.set(id, after);
    return { type: 'actor' as const, id, before: null, after };
  });
  state.version += 1;
  pool.committed({ version: state.version, entities }, state);
}

/** A clique of `n` actors: its network is slow enough to outlast a short limit. */
const heavyState = (n: number) => stateOf(aCliqueGraph(n));

describe('analysis pool', () => {
  it('answers as the inline engine does, and says which version it computed', async () => {
    const service = await sampleService();
    const state = await service.state();
    const inline = new AnalysisEngine(() => state);
    const summary = await service.analysis.overlapSummary(CATCHMENT, 10);
    const { state: _state, ...fromWorker } = summary;
    expect(fromWorker).toEqual(inline.overlapSummary(CATCHMENT, 10));
    expect(summary.state).toBe(state);
    expect(summary.total).toBeGreaterThan(0);
    const team = await service.analysis.team(CATCHMENT);
    expect({ ...team, state: undefined }).toEqual({ ...inline.team(CATCHMENT), state: undefined });
  });

  it('follows committed writes without a full copy', async () => {
    const service = await sampleService();
    const before = await service.analysis.overlapSummary(CATCHMENT, 0);
    // The state object is updated in place by writes: keep its version as it was.
    const version = before.state.version;
    const original = (await service.state()).entities.mandate.get('dws-water-quality-regulation')!;
    const resets = service.analysis.resets;
    await service.create('mandate', {
      ...withoutVersion(original),
      id: 'dws-water-quality-regulation-copy',
    });
    const after = await service.analysis.overlapSummary(CATCHMENT, 0);
    expect(after.mandatesInScope).toBe(before.mandatesInScope + 1);
    expect(after.total).toBeGreaterThan(before.total);
    expect(after.state.version).toBe(version + 1);
    expect(service.analysis.resets).toBe(resets);
    await service.delete('mandate', 'dws-water-quality-regulation-copy');
    const again = await service.analysis.overlapSummary(CATCHMENT, 0);
    expect({ ...again, state: undefined }).toEqual({ ...before, state: undefined });
  });

  it('refuses a run past its time limit, replaces the worker, and goes on answering', async () => {
    const pool = new AnalysisPool({ workers: 1, timeoutMs: 1_500 });
    try {
      const heavy = pool.run(heavyState(3_000), 'network', [undefined, 100_000]);
      await expect(heavy).rejects.toMatchObject({
        code: 'LIMIT_EXCEEDED',
        details: { reason: 'TIME_LIMIT', limitMs: 1_500 },
      });
      expect(pool.pending).toBe(0);
      const small = heavyState(3);
      const answer = await pool.run(small, 'networkLinks', [undefined]);
      expect(answer.version).toBe(small.version);
      expect((answer.result as { actorIds: string[] }).actorIds).toEqual(['a0', 'a1', 'a2']);
    } finally {
      await pool.close();
    }
  });

  it('keeps the calling thread free while an analysis runs', async () => {
    const pool = new AnalysisPool({ workers: 1, timeoutMs: 60_000 });
    try {
      let finished = false;
      const heavy = pool.run(heavyState(600), 'networkLinks', [undefined]).then((answer) => {
        finished = true;
        return answer;
      });
      // Timers fire on this thread while the worker computes.
      let ticks = 0;
      while (!finished && ticks < 3) {
        await new Promise((resolve) => setTimeout(resolve, 5));
        ticks += 1;
      }
      expect(ticks).toBe(3);
      expect(finished).toBe(false);
      const answer = await heavy;
      expect((answer.result as { edges: unknown[] }).edges).toHaveLength((600 * 599) / 2);
    } finally {
      await pool.close();
    }
  });

  it('sends a full copy in chunks, and writes committed while it is sent follow it', async () => {
    const pool = new AnalysisPool({ workers: 1, timeoutMs: 60_000 });
    try {
      // 9,000 actors: several chunks, so the write below lands while the copy is under way.
      const state = actorsState(Array.from({ length: 9_000 }, (_, i) => `a${i}`));
      const answer = pool.run(state, 'networkLinks', [undefined]);
      commitActors(pool, state, ['late-comer']);
      const { version, result } = await answer;
      expect(version).toBe(state.version);
      const ids = (result as { actorIds: string[] }).actorIds;
      expect(ids).toHaveLength(9_001);
      expect(ids).toContain('late-comer');
      expect(pool.resets).toBe(1);
    } finally {
      await pool.close();
    }
  });

  it('sends a write of many entities as a full copy in chunks, when next needed', async () => {
    const pool = new AnalysisPool({ workers: 1, timeoutMs: 60_000 });
    try {
      const state = actorsState(['first']);
      await pool.run(state, 'networkLinks', [undefined]);
      commitActors(pool, state, ['small-write']);
      const small = await pool.run(state, 'networkLinks', [undefined]);
      expect((small.result as { actorIds: string[] }).actorIds).toHaveLength(2);
      expect(pool.resets).toBe(1);
      commitActors(
        pool,
        state,
        Array.from({ length: 25_000 }, (_, i) => `many-${i}`),
      );
      expect(pool.resets).toBe(1);
      const { version, result } = await pool.run(state, 'networkLinks', [undefined]);
      expect(version).toBe(state.version);
      expect((result as { actorIds: string[] }).actorIds).toHaveLength(25_002);
      expect(pool.resets).toBe(2);
    } finally {
      await pool.close();
    }
  });

  it('passes GraphErrors across with their code and details', async () => {
    const service = await sampleService();
    await expect(service.analysis.team({ at: null })).rejects.toMatchObject({
      name: 'GraphError',
      code: 'INVALID_INPUT',
      details: { field: 'scope' },
    });
  });

  it('runs inline with workers: 0', async () => {
    const service = await sampleService({ workers: 0 });
    const summary = await service.analysis.overlapSummary(CATCHMENT, 0);
    expect(summary.total).toBeGreaterThan(0);
    expect(service.analysis.pending).toBe(0);
  });

  it('refuses runs once closed', async () => {
    const pool = new AnalysisPool({ workers: 1, timeoutMs: 1_000 });
    await pool.close();
    await expect(pool.run(heavyState(2), 'networkLinks', [undefined])).rejects.toMatchObject({
      code: 'STORE_UNAVAILABLE',
    });
  });
});
