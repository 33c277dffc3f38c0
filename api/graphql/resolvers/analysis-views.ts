/** Analysis results -> the GraphQL shapes: ids become the entities they name. */
import { GraphError } from '../../../graph/index.js';
import type {
  AnalysisService,
  EntityMaps,
  Gap,
  NetworkMetrics,
  Overlap,
} from '../../../graph/index.js';

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

/** Ids to entities; an id whose entity a later write removed is left out. */
function pick<T>(map: ReadonlyMap<string, T>, ids: readonly string[]): T[] {
  const out: T[] = [];
  for (const id of ids) {
    const found = map.get(id);
    if (found !== undefined) out.push(found);
  }
  return out;
}

export function toOverlapView(e: EntityMaps, o: Overlap) {
  return {
    mandates: pick(e.mandate, o.mandateIds),
    kinds: o.kinds,
    nature: o.nature,
    sharedIssues: pick(e.issue, o.sharedIssueIds),
    sharedPlaces: pick(e.jurisdiction, o.sharedPlaceIds),
    because: o.because,
  };
}

export function toGapView(e: EntityMaps, g: Gap) {
  if (g.kind === 'coverage') {
    return {
      kind: g.kind,
      status: g.status,
      issue: e.issue.get(g.issueId),
      jurisdiction: e.jurisdiction.get(g.jurisdictionId),
      functionClass: g.functionClass,
      actors: [],
      mandates: pick(e.mandate, g.mandateIds),
      because: g.because,
    };
  }
  return {
    kind: g.kind,
    status: null,
    issue: g.issueId ? e.issue.get(g.issueId) : null,
    jurisdiction: null,
    functionClass: null,
    actors: pick(e.actor, g.actorIds),
    mandates: [],
    because: g.because,
  };
}

type TeamResult = Awaited<ReturnType<AnalysisService['team']>>;

export function toTeamView(e: EntityMaps, t: TeamResult) {
  const actor = (id: string) => e.actor.get(id);
  const known = <T extends { actorId: string }>(rows: T[]) =>
    rows.filter((r) => e.actor.has(r.actorId));
  return {
    holders: t.holders.map((h) => ({
      functionClass: h.functionClass,
      actors: pick(e.actor, h.actorIds),
      mandates: pick(e.mandate, h.mandateIds),
    })),
    stakeholders: pick(e.interest, t.stakeholderInterestIds),
    partnerships: pick(e.partnership, t.partnershipIds),
    ties: pick(e.tie, t.tieIds),
    collaborationGaps: t.collaborationGaps.map((g) => toGapView(e, g)),
    convener: t.convenerId ? (actor(t.convenerId) ?? null) : null,
    members: known(t.members).map((m) => ({ ...m, actor: actor(m.actorId) })),
    suggestedConveners: known(t.suggestedConveners).map((c) => ({
      ...c,
      actor: actor(c.actorId),
      coreMandates: pick(e.mandate, c.coreMandateIds),
    })),
  };
}

export function toNetworkView(e: EntityMaps, r: NetworkMetrics) {
  const nodes = [];
  for (let k = 0; k < r.actorIds.length; k += 1) {
    const actor = e.actor.get(r.actorIds[k]!);
    if (!actor) continue;
    nodes.push({
      actor,
      degree: r.degree[k]!,
      betweenness: r.betweenness[k]!,
      component: r.component[k]!,
      community: r.community[k]!,
    });
  }
  return {
    nodes,
    edges: r.edges,
    betweennessExact: r.betweennessExact,
    betweennessSources: r.betweennessSources,
    components: new Set(r.component).size,
    communities: new Set(r.community).size,
  };
}
