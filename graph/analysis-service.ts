/**
 * The analysis side of the graph service, as the request thread sees it:
 * each analysis runs in an analysis worker (graph/workers/analysis-pool.ts)
 * over that worker's copy of the graph, and comes back with the graph state
 * of the version it was computed at, so ids can be turned into entities.
 * With `workers: 0` analyses run inline instead (debugging only).
 * Main class: AnalysisService.
 */
import { AnalysisEngine } from './analysis-engine.js';
import type { GapKind, ScopeArgs } from './analysis-engine.js';
import type { OverlapPageQuery } from './analysis/index.js';
import { maturity } from './analysis/maturity.js';
import { GraphError } from './errors.js';
import type { GraphState, JurisdictionKind } from './model/index.js';
import type { CommittedChange, GraphService } from './service.js';
import type { AnalysisMethod } from './workers/analysis-protocol.js';
import { AnalysisPool } from './workers/analysis-pool.js';

export { GAP_KINDS } from './analysis-engine.js';
export type { Gap, GapKind, NetworkLinks, NetworkMetrics, ScopeArgs } from './analysis-engine.js';

export interface AnalysisOptions {
  /** Analysis worker threads; 0 runs analyses on the calling thread. Default 1. */
  workers?: number;
  /** Longest one analysis may take, waiting behind other runs included. Default 30 s. */
  timeoutMs?: number;
}

export const ANALYSIS_DEFAULTS = { workers: 1, timeoutMs: 30_000 } as const;

/** Answers computed at one version are retried this often when the graph moved meanwhile. */
const VERSION_RETRIES = 2;

type Answer<M extends AnalysisMethod> = Awaited<ReturnType<AnalysisEngine[M]>>;

export class AnalysisService {
  private readonly pool: AnalysisPool | undefined;
  private inlineState: GraphState | undefined;
  private readonly inline = new AnalysisEngine(() => this.inlineState!);
  private readonly onCommitted = (change: CommittedChange, state: GraphState) =>
    this.pool?.committed(change, state);

  constructor(
    private readonly graph: GraphService,
    options: AnalysisOptions = {},
  ) {
    const workers = options.workers ?? ANALYSIS_DEFAULTS.workers;
    if (workers > 0) {
      this.pool = new AnalysisPool({
        workers,
        timeoutMs: options.timeoutMs ?? ANALYSIS_DEFAULTS.timeoutMs,
      });
      graph.events.on('committed', this.onCommitted);
    }
  }

  /**
   * One analysis and the state it was computed over. When a write lands while
   * it runs, it is asked again (twice at most) so the answer and the state agree.
   */
  private async run<M extends AnalysisMethod>(
    method: M,
    ...args: Parameters<AnalysisEngine[M]>
  ): Promise<{ state: GraphState; answer: Answer<M> }> {
    for (let attempt = 0; ; attempt += 1) {
      const state = await this.graph.state();
      if (!this.pool) {
        this.inlineState = state;
        const fn = this.inline[method] as (...a: unknown[]) => unknown;
        return { state, answer: (await fn.apply(this.inline, args)) as Answer<M> };
      }
      const { version, result } = await this.pool.run(state, method, args);
      if (version === state.version || attempt >= VERSION_RETRIES) {
        return { state, answer: result as Answer<M> };
      }
    }
  }

  async overlaps(scope: ScopeArgs, query: OverlapPageQuery) {
    const { state, answer } = await this.run('overlaps', scope, query);
    return { state, ...answer };
  }

  async overlapSummary(scope: ScopeArgs, top: number) {
    const { state, answer } = await this.run('overlapSummary', scope, top);
    return { state, ...answer };
  }

  /** Gaps of the asked kinds in the order coverage, collaboration, engagement; `offset`/`first` page them. */
  async gaps(
    scope: ScopeArgs,
    kinds: readonly GapKind[],
    unitKind: JurisdictionKind | undefined,
    offset: number,
    first: number,
  ) {
    const { state, answer } = await this.run('gaps', scope, kinds, unitKind, offset, first);
    return { state, ...answer };
  }

  async team(scope: ScopeArgs, convenerId?: string) {
    const { state, answer } = await this.run('team', scope, convenerId);
    return { state, ...answer };
  }

  async levels(issueId: string, jurisdictionId: string | undefined, at: string | null | undefined) {
    const { state, answer } = await this.run('levels', issueId, jurisdictionId, at);
    return { state, ...answer };
  }

  /** The actor network of a scope (every actor when it names no issue and no place), without metrics. */
  async networkLinks(scope: ScopeArgs | undefined) {
    const { state, answer } = await this.run('networkLinks', scope);
    return { state, ...answer };
  }

  async network(scope: ScopeArgs | undefined, first: number) {
    const { state, answer } = await this.run('network', scope, first);
    return { state, ...answer };
  }

  /** Maturity reads one partnership's assessments: small enough for the request thread. */
  async maturity(partnershipId: string) {
    const state = await this.graph.state();
    const partnership = state.entities.partnership.get(partnershipId);
    if (!partnership)
      throw new GraphError('NOT_FOUND', `no partnership with id '${partnershipId}'`, {
        type: 'partnership',
        id: partnershipId,
      });
    const assessments = [...state.entities.assessment.values()].filter(
      (a) => a.partnershipId === partnershipId,
    );
    return { partnership, assessments, view: maturity(assessments) };
  }

  /** Full copies of the graph sent to analysis workers so far (each write after is sent as itself). */
  get resets(): number {
    return this.pool?.resets ?? 0;
  }

  /** Analyses waiting or running in workers. */
  get pending(): number {
    return this.pool?.pending ?? 0;
  }

  async close(): Promise<void> {
    this.graph.events.off('committed', this.onCommitted);
    await this.pool?.close();
  }
}
