import type { IResolvers } from 'mercurius';
import { GraphError, bandOf } from '../../../graph/index.js';
import type {
  JurisdictionKind,
  Gap,
  GapKind,
  OverlapKind,
  OverlapNature,
  ScopeArgs,
} from '../../../graph/index.js';
import { PAGE_DEFAULT, pageSize } from '../connection.js';
import { plainInput } from '../context.js';
import {
  decodeJsonCursor,
  encodeJsonCursor,
  toOverlapView,
  toGapView,
  toTeamView,
  toNetworkView,
} from './analysis-views.js';

interface ScopeArg {
  scope?: object | null;
}

const scopeOf = (args: ScopeArg): ScopeArgs =>
  args.scope ? (plainInput(args.scope, true) as ScopeArgs) : {};

export const analysisResolvers: IResolvers = {
  OverlapConnection: {
    totalCount: (connection: { countTotal: () => Promise<number | null> }) =>
      connection.countTotal(),
  },
  Query: {
    overlaps: async (
      _: unknown,
      args: ScopeArg & {
        kinds?: OverlapKind[] | null;
        natures?: OverlapNature[] | null;
        first?: number | null;
        after?: string | null;
      },
      ctx,
    ) => {
      const first = pageSize(args.first);
      const after = decodeJsonCursor<[string, string]>(args.after, 'overlap');
      const scope = scopeOf(args);
      const kinds = args.kinds ?? undefined;
      const natures = args.natures ?? undefined;
      const page = await ctx.graph.analysis.overlaps(scope, { first, after, kinds, natures });
      const nodes = page.items.map((o) => toOverlapView(page.state.entities, o));
      return {
        nodes,
        edges: nodes.map((node, i) => ({
          cursor: encodeJsonCursor(page.items[i]!.mandateIds, 'overlap'),
          node,
        })),
        pageInfo: {
          hasNextPage: page.hasNextPage,
          hasPreviousPage: after !== undefined,
          startCursor: page.items[0] ? encodeJsonCursor(page.items[0].mandateIds, 'overlap') : null,
          endCursor: page.items.at(-1)
            ? encodeJsonCursor(page.items.at(-1)!.mandateIds, 'overlap')
            : null,
        },
        // Counted only when asked for (see OverlapConnection.totalCount below).
        countTotal: async () => {
          if (kinds?.length) return null;
          const summary = await ctx.graph.analysis.overlapSummary(scope, 0);
          return natures?.length
            ? natures.reduce((n, x) => n + summary.byNature[x], 0)
            : summary.total;
        },
      };
    },
    overlapSummary: async (_: unknown, args: ScopeArg & { top?: number | null }, ctx) => {
      const top = args.top ?? 10;
      if (top < 0 || top > 100)
        throw new GraphError('INVALID_INPUT', 'top must be between 0 and 100', {
          field: 'top',
          value: top,
        });
      const s = await ctx.graph.analysis.overlapSummary(scopeOf(args), top);
      const actors = s.state.entities.actor;
      return {
        mandatesInScope: s.mandatesInScope,
        total: s.total,
        byKind: Object.entries(s.byKind).map(([kind, count]) => ({ kind, count })),
        byNature: Object.entries(s.byNature).map(([nature, count]) => ({ nature, count })),
        topPairs: s.topPairs
          .filter((pair) => pair.actorIds.every((id) => actors.has(id)))
          .map((pair) => ({ ...pair, actors: pair.actorIds.map((id) => actors.get(id)) })),
      };
    },
    gaps: async (
      _: unknown,
      args: ScopeArg & {
        kinds?: GapKind[] | null;
        unitKind?: JurisdictionKind | null;
        first?: number | null;
        after?: string | null;
      },
      ctx,
    ) => {
      const first = pageSize(args.first, PAGE_DEFAULT);
      const offset = decodeJsonCursor<number>(args.after, 'gap') ?? -1;
      const page = await ctx.graph.analysis.gaps(
        scopeOf(args),
        args.kinds ?? [],
        args.unitKind ?? undefined,
        offset + 1,
        first,
      );
      const nodes = page.items.map((g: Gap) => toGapView(page.state.entities, g));
      const cursor = (i: number) => encodeJsonCursor(offset + 1 + i, 'gap');
      return {
        nodes,
        edges: nodes.map((node, i) => ({ cursor: cursor(i), node })),
        pageInfo: {
          hasNextPage: page.hasNextPage,
          hasPreviousPage: offset >= 0,
          startCursor: nodes.length ? cursor(0) : null,
          endCursor: nodes.length ? cursor(nodes.length - 1) : null,
        },
      };
    },
    team: async (_: unknown, args: ScopeArg & { convenerId?: string | null }, ctx) => {
      const team = await ctx.graph.analysis.team(scopeOf(args), args.convenerId ?? undefined);
      return toTeamView(team.state.entities, team);
    },
    levels: async (
      _: unknown,
      args: { issueId: string; jurisdictionId?: string | null; at?: string | null },
      ctx,
    ) => {
      const m = await ctx.graph.analysis.levels(
        args.issueId,
        args.jurisdictionId ?? undefined,
        'at' in args ? args.at : undefined,
      );
      const e = m.state.entities;
      const level = (id: string | null) => (id === null ? null : e.level.get(id));
      return {
        issue: e.issue.get(m.issueId),
        levels: m.levelIds.map(level),
        cells: m.cells.map((c) => ({
          ...c,
          level: level(c.levelId),
          actors: c.actorIds.flatMap((id) => e.actor.get(id) ?? []),
          mandates: c.mandateIds.flatMap((id) => e.mandate.get(id) ?? []),
        })),
      };
    },
    network: async (_: unknown, args: ScopeArg & { first?: number | null }, ctx) => {
      const first = args.first ?? 5_000;
      if (first < 0 || first > 100_000)
        throw new GraphError('LIMIT_EXCEEDED', 'first may be at most 100000', {
          field: 'first',
          value: first,
        });
      const net = await ctx.graph.analysis.network(args.scope ? scopeOf(args) : undefined, first);
      return toNetworkView(net.state.entities, net);
    },
    maturity: async (_: unknown, args: { partnershipId: string }, ctx) => {
      const { partnership, assessments, view } = await ctx.graph.analysis.maturity(
        args.partnershipId,
      );
      const byId = new Map(assessments.map((a) => [a.id, a]));
      const rows = view.assessmentIds.map((id, i) => ({
        assessment: byId.get(id),
        dimensions: view.dimensions[i],
        mean: view.means[i],
        band: bandOf(Math.round(view.means[i]!)),
      }));
      return {
        partnership,
        assessments: rows,
        baseline: rows[0] ?? null,
        latest: rows.at(-1) ?? null,
        change: view.change,
        because: view.because,
      };
    },
  },
};
