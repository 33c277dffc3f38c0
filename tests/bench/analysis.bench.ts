/**
 * Analysis benchmarks on the default synthetic country (issue 3's figures).
 * Run with `npm run bench`; never part of `npm test`.
 */
import { availableParallelism } from 'node:os';
import { communities } from '../../graph/analysis/communities.js';
import { coverageGaps } from '../../graph/analysis/gaps.js';
import { actorNetwork } from '../../graph/analysis/network.js';
import { listOverlaps } from '../../graph/analysis/overlaps.js';
import { buildProjection } from '../../graph/analysis/projection.js';
import type { Projection } from '../../graph/analysis/projection.js';
import { resolveScope } from '../../graph/analysis/scope.js';
import type { Scope } from '../../graph/analysis/scope.js';
import { ScopeIndex } from '../../graph/analysis/scope-index.js';
import { summariseOverlaps } from '../../graph/analysis/summary.js';
import { buildTeam } from '../../graph/analysis/team.js';
import { syntheticCountry } from '../../graph/samples/synthetic.js';
import { computeBetweenness } from '../../graph/workers/betweenness-pool.js';
import { stateOf } from '../helpers/state.js';
import { report, timeIt } from './report.js';

const AT = '2025-01-01';
const gc = (globalThis as { gc?: () => void }).gc;

function scoped(p: Projection, scope: Omit<Scope, 'at'>): ScopeIndex {
  return new ScopeIndex(p, resolveScope(p, { ...scope, at: AT }));
}

export async function benchAnalysis(): Promise<void> {
  const doc = syntheticCountry();
  const state = stateOf(doc);
  gc?.();
  const before = process.memoryUsage().heapUsed;
  const { ms: buildMs, value: p } = await timeIt(() => buildProjection(state));
  gc?.();
  const bytes = (process.memoryUsage().heapUsed - before) / p.mandates.length;
  report('projection build', buildMs, `${p.mandates.length} mandates, ${p.actors.length} actors`);
  report(
    'projection memory per mandate',
    null,
    `${bytes.toFixed(0)} B (target <= 1024 B)${gc ? '' : ' (run with --expose-gc for an exact figure)'}`,
  );

  const summary = async (label: string, scope: Omit<Scope, 'at'>, target: number) => {
    const cold = await timeIt(() => summariseOverlaps(scoped(p, scope), 10));
    const ix = scoped(p, scope);
    summariseOverlaps(ix, 10);
    const warm = await timeIt(() => summariseOverlaps(ix, 10), 5);
    report(
      `overlapSummary ${label}`,
      warm.ms,
      `cold ${cold.ms.toFixed(0)} ms; ${cold.value.mandatesInScope} mandates, ${cold.value.total} overlapping pairs (target < ${target} ms)`,
    );
  };
  await summary('whole country', {}, 1000);
  await summary('province x top-level issue', { jurisdictionId: 'p0', issueId: 'i0' }, 1000);
  await summary('municipality', { jurisdictionId: 'm100' }, 100);

  const page = await timeIt(
    () => listOverlaps(scoped(p, { jurisdictionId: 'm100' }), { first: 100 }),
    5,
  );
  report(
    'overlaps first page (100), municipality',
    page.ms,
    `${page.value.items.length} overlaps (target < 50 ms)`,
  );

  const coverage = await timeIt(() => {
    const ix = scoped(p, { jurisdictionId: 'p0' });
    return coverageGaps(p, ix.scope);
  });
  report('coverage gaps over a province', coverage.ms, `${coverage.value.length} gaps`);

  const teamScope = { jurisdictionId: 'm100', issueId: 'i15' };
  const teamCold = await timeIt(() => buildTeam(scoped(p, teamScope)));
  await timeIt(() => buildTeam(scoped(p, teamScope)), 5);
  const team = await timeIt(() => buildTeam(scoped(p, teamScope)), 5);
  report(
    'team() municipal scope',
    team.ms,
    `cold ${teamCold.ms.toFixed(0)} ms; ${team.value.members.length} members (target < 50 ms)`,
  );

  const net = actorNetwork(p);
  const sampled = await timeIt(() => computeBetweenness(net.csr));
  report(
    'betweenness, whole network, default',
    sampled.ms,
    `${net.nodes.length} actors, ${net.edges.length} edges, exact=${sampled.value.exact}, ${sampled.value.sources} sources`,
  );
  const exact = await timeIt(() => computeBetweenness(net.csr, { exactLimit: Infinity }));
  report(
    'betweenness, whole network, exact',
    exact.ms,
    `${exact.value.sources} sources on ${availableParallelism()} threads (target < 5000 ms)`,
  );
  const comm = await timeIt(() => communities(net.csr));
  report(
    'communities (Louvain), whole actor network',
    comm.ms,
    `${new Set(comm.value).size} communities`,
  );
}
