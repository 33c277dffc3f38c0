/** Analysis results -> the GraphQL shapes: ids become the entities they name. */
import { GraphError } from '../../../graph/index.js';
import type { AnalysisService, Gap, Overlap, Projection } from '../../../graph/index.js';

export function encodeJsonCursor(value: unknown, kind: string): string {
  return Buffer.from(JSON.stringify({ [kind]: value }), 'utf8').toString('base64url');
}

export function decodeJsonCursor<T>(
  cursor: string | null | undefined,
  kind: string,
): T | undefined {
  if (cursor === undefined || cursor === null) return undefined;
  try {
    const parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as Record<
      string,
      unknown
    >;
    if (parsed && kind in parsed && encodeJsonCursor(parsed[kind], kind) === cursor)
      return parsed[kind] as T;
  } catch {
    // fall through to the error below
  }
  throw new GraphError('INVALID_INPUT', `after is not a ${kind} cursor this API gave out`, {
    field: 'after',
    value: cursor,
  });
}

const entities = (p: Projection) => p.state.entities;

export function toOverlapView(p: Projection, o: Overlap) {
  const e = entities(p);
  return {
    mandates: o.mandateIds.map((id) => e.mandate.get(id)),
    kinds: o.kinds,
    nature: o.nature,
    sharedIssues: o.sharedIssueIds.map((id) => e.issue.get(id)),
    sharedPlaces: o.sharedPlaceIds.map((id) => e.jurisdiction.get(id)),
    because: o.because,
  };
}

export function toGapView(p: Projection, g: Gap) {
  const e = entities(p);
  if (g.kind === 'coverage') {
    return {
      kind: g.kind,
      status: g.status,
      issue: e.issue.get(g.issueId),
      jurisdiction: e.jurisdiction.get(g.jurisdictionId),
      functionClass: g.functionClass,
      actors: [],
      mandates: g.mandateIds.map((id) => e.mandate.get(id)),
      because: g.because,
    };
  }
  return {
    kind: g.kind,
    status: null,
    issue: g.issueId ? e.issue.get(g.issueId) : null,
    jurisdiction: null,
    functionClass: null,
    actors: g.actorIds.map((id) => e.actor.get(id)),
    mandates: [],
    because: g.because,
  };
}

type TeamResult = Awaited<ReturnType<AnalysisService['team']>>;

export function toTeamView(p: Projection, t: TeamResult) {
  const e = entities(p);
  const actor = (id: string) => e.actor.get(id);
  return {
    holders: t.holders.map((h) => ({
      functionClass: h.functionClass,
      actors: h.actorIds.map(actor),
      mandates: h.mandateIds.map((id) => e.mandate.get(id)),
    })),
    stakeholders: t.stakeholderInterestIds.map((id) => e.interest.get(id)),
    partnerships: t.partnershipIds.map((id) => e.partnership.get(id)),
    ties: t.tieIds.map((id) => e.tie.get(id)),
    collaborationGaps: t.collaborationGaps.map((g) => toGapView(p, g)),
    convener: t.convenerId ? actor(t.convenerId) : null,
    members: t.members.map((m) => ({ ...m, actor: actor(m.actorId) })),
    suggestedConveners: t.suggestedConveners.map((c) => ({
      ...c,
      actor: actor(c.actorId),
      coreMandates: c.coreMandateIds.map((id) => e.mandate.get(id)),
    })),
  };
}

type NetworkResult = Awaited<ReturnType<AnalysisService['network']>>;

export function toNetworkView(r: NetworkResult) {
  const p = r.projection;
  const { net } = r;
  const degree = (k: number) => net.csr.offsets[k + 1]! - net.csr.offsets[k]!;
  return {
    nodes: net.nodes.map((a, k) => ({
      actor: p.actors[a]!.entity,
      degree: degree(k),
      betweenness: r.betweenness.values[k]!,
      component: r.component[k]!,
      community: r.community[k]!,
    })),
    edges: net.edges.map((edge) => ({
      source: p.actors[edge.a]!.id,
      target: p.actors[edge.b]!.id,
      tieKinds: edge.tieKinds,
      partnershipIds: edge.partnershipIds,
      connects: edge.connects,
    })),
    betweennessExact: r.betweenness.exact,
    betweennessSources: r.betweenness.sources,
    components: new Set(r.component).size,
    communities: new Set(r.community).size,
  };
}
