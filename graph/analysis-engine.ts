/**
 * Every analysis of DESIGN.md over one in-memory graph state: the projection
 * is built once per state version, scope indices are cached per scope, and
 * every answer names entities by id so it can cross a thread boundary.
 * Runs inside the analysis worker (graph/workers/analysis-worker.ts), or
 * inline when workers are turned off. Main class: AnalysisEngine.
 */
import { GraphError } from './errors.js';
import {
  ScopeIndex,
  buildProjection,
  listOverlaps,
  resolveScope,
  summariseOverlaps,
} from './analysis/index.js';
import type { OverlapPageQuery, Projection, Scope } from './analysis/index.js';
import {
  collaborationGaps,
  coverageGaps,
  describeCoverage,
  engagementGaps,
} from './analysis/gaps.js';
import type { ActorGap, CoverageGap } from './analysis/gaps.js';
import { levelMatrix } from './analysis/levels.js';
import { actorNetwork, components } from './analysis/network.js';
import type { ActorNetwork } from './analysis/network.js';
import { communities } from './analysis/communities.js';
import { buildTeam, teamActors } from './analysis/team.js';
import { todayIso } from './model/index.js';
import type { GraphState, JurisdictionKind } from './model/index.js';
import { computeBetweenness } from './workers/betweenness-pool.js';

/** Scope as the API takes it: `at` undefined means today, null means any time. */
export interface ScopeArgs {
  issueId?: string;
  jurisdictionId?: string;
  at?: string | null;
}

export const GAP_KINDS = ['coverage', 'collaboration', 'engagement'] as const;
export type GapKind = (typeof GAP_KINDS)[number];
export type Gap = CoverageGap | ActorGap;

/** The actor network with actors named by id. */
export interface NetworkLinks {
  actorIds: string[];
  edges: {
    source: string;
    target: string;
    tieKinds: string[];
    partnershipIds: string[];
    connects: boolean;
  }[];
}

/** The network with its metrics, node k of each array being actorIds[k]. */
export interface NetworkMetrics extends NetworkLinks {
  degree: Int32Array;
  betweenness: Float64Array;
  betweennessExact: boolean;
  betweennessSources: number;
  component: Int32Array;
  community: Int32Array;
}

const SCOPE_CACHE = 32;

function linksOf(p: Projection, net: ActorNetwork): NetworkLinks {
  return {
    actorIds: net.nodes.map((a) => p.actors[a]!.id),
    edges: net.edges.map((e) => ({
      source: p.actors[e.a]!.id,
      target: p.actors[e.b]!.id,
      tieKinds: e.tieKinds,
      partnershipIds: e.partnershipIds,
      connects: e.connects,
    })),
  };
}

export class AnalysisEngine {
  private projectionCache: Projection | undefined;
  private readonly scopes = new Map<string, ScopeIndex>();

  /** @param state read at call time: the engine follows whatever state it is given. */
  constructor(private readonly state: () => GraphState) {}

  /** The projection of the current state, rebuilt only when its version moved. */
  projection(): Projection {
    const state = this.state();
    const cached = this.projectionCache;
    if (cached?.version === state.version && cached.state === state) return cached;
    this.scopes.clear();
    this.projectionCache = undefined;
    this.projectionCache = buildProjection(state);
    return this.projectionCache;
  }

  scopeIndex(args: ScopeArgs): ScopeIndex {
    const p = this.projection();
    const scope: Scope = {
      issueId: args.issueId,
      jurisdictionId: args.jurisdictionId,
      at: args.at === undefined ? todayIso() : args.at,
    };
    const key = JSON.stringify([
      p.version,
      scope.issueId ?? null,
      scope.jurisdictionId ?? null,
      scope.at,
    ]);
    let ix = this.scopes.get(key);
    if (ix) {
      this.scopes.delete(key);
    } else {
      ix = new ScopeIndex(p, resolveScope(p, scope));
      if (this.scopes.size >= SCOPE_CACHE) this.scopes.delete(this.scopes.keys().next().value!);
    }
    this.scopes.set(key, ix);
    return ix;
  }

  overlaps(scope: ScopeArgs, query: OverlapPageQuery) {
    return listOverlaps(this.scopeIndex(scope), query);
  }

  overlapSummary(scope: ScopeArgs, top: number) {
    return summariseOverlaps(this.scopeIndex(scope), top);
  }

  /** Gaps of the asked kinds in the order coverage, collaboration, engagement; `offset`/`first` page them. */
  gaps(
    scope: ScopeArgs,
    kinds: readonly GapKind[],
    unitKind: JurisdictionKind | undefined,
    offset: number,
    first: number,
  ) {
    const ix = this.scopeIndex(scope);
    const p = ix.p;
    const wanted = kinds.length > 0 ? kinds : GAP_KINDS;
    const items: Gap[] = [];
    let index = 0;
    let hasNextPage = false;
    const take = (describe: () => Gap): boolean => {
      if (index++ < offset) return true;
      if (items.length === first) {
        hasNextPage = true;
        return false;
      }
      items.push(describe());
      return true;
    };
    if (wanted.includes('coverage')) {
      for (const cell of coverageGaps(p, ix.scope, unitKind))
        if (!take(() => describeCoverage(p, cell, ix.scope.at))) break;
    }
    if (!hasNextPage && wanted.includes('collaboration')) {
      for (const gap of collaborationGaps(ix)) if (!take(() => gap)) break;
    }
    if (!hasNextPage && wanted.includes('engagement')) {
      for (const gap of engagementGaps(p, ix.scope)) if (!take(() => gap)) break;
    }
    return { items, hasNextPage };
  }

  team(scope: ScopeArgs, convenerId?: string) {
    return buildTeam(this.scopeIndex(scope), convenerId);
  }

  levels(issueId: string, jurisdictionId: string | undefined, at: string | null | undefined) {
    const ix = this.scopeIndex({ issueId, jurisdictionId, at });
    return levelMatrix(ix.p, ix.scope);
  }

  /**
   * The actor network of a scope: the actors who need to work together there
   * (every actor when the scope names no issue and no place), with their links.
   */
  private scopeNetwork(scope: ScopeArgs | undefined): { p: Projection; net: ActorNetwork } {
    const p = this.projection();
    const scoped = scope && (scope.issueId !== undefined || scope.jurisdictionId !== undefined);
    const only = scoped ? teamActors(this.scopeIndex(scope)) : undefined;
    return { p, net: actorNetwork(p, only) };
  }

  networkLinks(scope: ScopeArgs | undefined): NetworkLinks {
    const { p, net } = this.scopeNetwork(scope);
    return linksOf(p, net);
  }

  async network(scope: ScopeArgs | undefined, first: number): Promise<NetworkMetrics> {
    const { p, net } = this.scopeNetwork(scope);
    if (net.nodes.length > first) {
      throw new GraphError(
        'LIMIT_EXCEEDED',
        `the network has ${net.nodes.length} actors, more than first (${first}); narrow the scope or raise first`,
        { nodes: net.nodes.length, first },
      );
    }
    const between = await computeBetweenness(net.csr);
    const { offsets } = net.csr;
    return {
      ...linksOf(p, net),
      degree: Int32Array.from(
        { length: net.nodes.length },
        (_, k) => offsets[k + 1]! - offsets[k]!,
      ),
      betweenness: between.values,
      betweennessExact: between.exact,
      betweennessSources: between.sources,
      component: components(net.csr),
      community: communities(net.csr),
    };
  }
}
