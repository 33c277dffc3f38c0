/**
 * The analysis side of the graph service: projections cached per store
 * version, scope indices cached per scope, and each analysis of DESIGN.md.
 * Main class: AnalysisService.
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
import { maturity } from './analysis/maturity.js';
import { actorNetwork, components } from './analysis/network.js';
import { communities } from './analysis/communities.js';
import { buildTeam, teamActors } from './analysis/team.js';
import { todayIso } from './model/index.js';
import type { JurisdictionKind } from './model/index.js';
import type { GraphService } from './service.js';
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

const SCOPE_CACHE = 32;

export class AnalysisService {
  private projectionCache: Projection | undefined;
  private readonly scopes = new Map<string, ScopeIndex>();

  constructor(private readonly graph: GraphService) {}

  /** The projection of the store's current version. */
  async projection(): Promise<Projection> {
    const state = await this.graph.state();
    if (this.projectionCache?.version === state.version && this.projectionCache.state === state) {
      return this.projectionCache;
    }
    this.scopes.clear();
    this.projectionCache = buildProjection(state);
    return this.projectionCache;
  }

  async scopeIndex(args: ScopeArgs): Promise<ScopeIndex> {
    const p = await this.projection();
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

  async overlaps(scope: ScopeArgs, query: OverlapPageQuery) {
    const ix = await this.scopeIndex(scope);
    return { projection: ix.p, ...listOverlaps(ix, query) };
  }

  async overlapSummary(scope: ScopeArgs, top: number) {
    const ix = await this.scopeIndex(scope);
    return { projection: ix.p, ...summariseOverlaps(ix, top) };
  }

  /** Gaps of the asked kinds in the order coverage, collaboration, engagement; `offset`/`first` page them. */
  async gaps(
    scope: ScopeArgs,
    kinds: readonly GapKind[],
    unitKind: JurisdictionKind | undefined,
    offset: number,
    first: number,
  ) {
    const ix = await this.scopeIndex(scope);
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
    return { projection: p, items, hasNextPage };
  }

  async team(scope: ScopeArgs, convenerId?: string) {
    const ix = await this.scopeIndex(scope);
    return { projection: ix.p, ...buildTeam(ix, convenerId) };
  }

  async levels(issueId: string, jurisdictionId: string | undefined, at: string | null | undefined) {
    const ix = await this.scopeIndex({ issueId, jurisdictionId, at });
    return { projection: ix.p, ...levelMatrix(ix.p, ix.scope) };
  }

  /**
   * The actor network of a scope: the actors who need to work together there
   * (every actor when the scope names no issue and no place), with their links.
   */
  async scopeNetwork(scope: ScopeArgs | undefined) {
    const p = await this.projection();
    const scoped = scope && (scope.issueId !== undefined || scope.jurisdictionId !== undefined);
    const only = scoped ? teamActors(await this.scopeIndex(scope)) : undefined;
    return { projection: p, net: actorNetwork(p, only) };
  }

  async network(scope: ScopeArgs | undefined, first: number) {
    const { projection: p, net } = await this.scopeNetwork(scope);
    if (net.nodes.length > first) {
      throw new GraphError(
        'LIMIT_EXCEEDED',
        `the network has ${net.nodes.length} actors, more than first (${first}); narrow the scope or raise first`,
        {
          nodes: net.nodes.length,
          first,
        },
      );
    }
    const between = await computeBetweenness(net.csr);
    return {
      projection: p,
      net,
      betweenness: between,
      component: components(net.csr),
      community: communities(net.csr),
    };
  }

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
}
