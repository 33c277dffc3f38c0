/**
 * Analyses run off the request thread: the server answers other requests
 * while one runs, and a run past the configured time limit is refused with a
 * coded error while the server goes on.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { importRows, rowsFromDocument } from '../../graph/index.js';
import type { GraphService } from '../../graph/index.js';
import { makeTestApp } from '../helpers/app.js';
import type { TestApp } from '../helpers/app.js';
import { aCliqueGraph } from '../helpers/builders.js';

let t: TestApp | undefined;
afterEach(async () => t?.close());

/** A clique of n actors: a dense network whose metrics take a while. */
async function loadClique(graph: GraphService, n: number): Promise<void> {
  const { rows, errors } = rowsFromDocument(aCliqueGraph(n));
  const report = await importRows(graph, rows, {}, { errors });
  if (!report.ok) throw new Error(JSON.stringify(report.errors));
}

const NETWORK = '{ network(first: 5000) { nodes { actor { id } betweenness } betweennessExact } }';

describe('analyses off the request thread', () => {
  it('answers /healthz while a network analysis is still running', async () => {
    t = await makeTestApp({ sample: false });
    await loadClique(t.app.graph, 400);
    let settled = false;
    const network = t.app
      .inject({ method: 'POST', url: '/graphql', payload: { query: NETWORK } })
      .finally(() => (settled = true));
    const health = await t.app.inject('/healthz');
    expect(health.statusCode).toBe(200);
    expect(settled).toBe(false);
    const body = (await network).json();
    expect(body.errors).toBeUndefined();
    expect(body.data.network.nodes).toHaveLength(400);
    expect(body.data.network.betweennessExact).toBe(true);
  });

  it('refuses an analysis past MANDATEMAP_ANALYSIS_TIMEOUT_MS, then answers the next', async () => {
    t = await makeTestApp({
      sample: false,
      config: { analysis: { workers: 1, timeoutMs: 1_000 } },
    });
    await loadClique(t.app.graph, 2_500);
    const slow = await t.gql(NETWORK);
    expect(slow.errors?.[0]?.extensions).toMatchObject({
      code: 'LIMIT_EXCEEDED',
      details: { reason: 'TIME_LIMIT', limitMs: 1_000 },
    });
    const quick = await t.gql('{ maturity(partnershipId: "everyone") { because } }');
    expect(quick.errors).toBeUndefined();
    const levels = await t.gql('{ levels(issueId: "water") { cells { gap } } }');
    expect(levels.errors).toBeUndefined();
  });
});
