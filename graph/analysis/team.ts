/**
 * "Who needs to work together" for a scope (DESIGN.md, "Team"): mandate
 * holders by function class, stakeholders, partnerships already at work, ties
 * among them, collaboration gaps, wedges relative to a convener, and
 * suggested conveners ranked by betweenness in the scope network.
 */
import { GraphError } from '../errors.js';
import { FUNCTION_CLASSES } from '../model/index.js';
import type { FunctionClass } from '../model/index.js';
import { betweenness } from './betweenness.js';
import { collaborationGaps } from './gaps.js';
import type { ActorGap } from './gaps.js';
import { actorNetwork } from './network.js';
import type { Projection } from './projection.js';
import { issuesRelated, placesIntersect } from './scope.js';
import type { ScopeIndex } from './scope-index.js';

export type Wedge = 'own' | 'intergovernmental' | 'coalition';

export interface TeamMember {
  actorId: string;
  wedge: Wedge;
  betweenness: number;
  /** holder of a conceive/manage/implement mandate, stakeholder, partner. */
  roles: string[];
}

export interface Convener {
  actorId: string;
  betweenness: number;
  coreMandateIds: string[];
  because: string[];
}

export interface Team {
  holders: { functionClass: FunctionClass; actorIds: string[]; mandateIds: string[] }[];
  stakeholderInterestIds: string[];
  partnershipIds: string[];
  tieIds: string[];
  collaborationGaps: ActorGap[];
  convenerId: string | null;
  members: TeamMember[];
  suggestedConveners: Convener[];
}

function wedgeOf(p: Projection, convener: number, actor: number): Wedge {
  const a = p.actors[actor]!;
  if (a.root === p.actors[convener]!.root) return 'own';
  return a.sector === 'public' ? 'intergovernmental' : 'coalition';
}

/** Who is in the team of a scope, with their roles; the parts of the team that say so. */
function teamRoles(ix: ScopeIndex) {
  const p = ix.p;
  const s = ix.scope;
  if (s.issue < 0 && s.place < 0) {
    throw new GraphError('INVALID_INPUT', 'team needs a scope: an issue, a jurisdiction or both', {
      field: 'scope',
    });
  }
  const roles = new Map<number, Set<string>>();
  const addRole = (a: number, role: string) =>
    (roles.get(a) ?? roles.set(a, new Set()).get(a)!).add(role);
  const holders = FUNCTION_CLASSES.map((functionClass, c) => {
    const mandates = ix.list.filter((m) => p.mandates[m]!.fclass === c).sort((a, b) => a - b);
    const actors = [...new Set(mandates.map((m) => p.mandates[m]!.holder))].sort((a, b) => a - b);
    actors.forEach((a) => addRole(a, `${functionClass} mandate`));
    return {
      functionClass,
      actorIds: actors.map((a) => p.actors[a]!.id),
      mandateIds: mandates.map((m) => p.mandates[m]!.id),
    };
  });
  const interests = [...p.state.entities.interest.values()]
    .filter((i) => s.issue < 0 || issuesRelated(p, p.issues.index.get(i.issueId)!, s.issue))
    .sort((a, b) => (a.id < b.id ? -1 : 1));
  interests.forEach((i) => addRole(p.actorIndex.get(i.actorId)!, 'stakeholder'));
  const partnerships = [...p.state.entities.partnership.values()]
    .filter(
      (x) =>
        s.issue < 0 || x.issueIds.some((id) => issuesRelated(p, p.issues.index.get(id)!, s.issue)),
    )
    .filter(
      (x) =>
        s.place < 0 ||
        x.jurisdictionIds.some((id) => placesIntersect(p, p.places.index.get(id)!, s.place)),
    )
    .sort((a, b) => (a.id < b.id ? -1 : 1));
  partnerships.forEach((x) =>
    x.members.forEach((m) => addRole(p.actorIndex.get(m.actorId)!, `${m.role} in ${x.id}`)),
  );
  return { roles, holders, interests, partnerships };
}

/** The actors of a scope's team: holders of in-scope mandates, stakeholders, partners at work in scope. */
export function teamActors(ix: ScopeIndex): Set<number> {
  return new Set(teamRoles(ix).roles.keys());
}

export function buildTeam(ix: ScopeIndex, convenerId?: string): Team {
  const p = ix.p;
  const { roles, holders, interests, partnerships } = teamRoles(ix);
  const team = new Set(roles.keys());
  const net = actorNetwork(p, team);
  const scores = betweenness(net.csr);
  const scoreOf = new Map(net.nodes.map((a, k) => [a, scores[k]!]));
  const conveners = suggestConveners(ix, scoreOf);
  const convener = convenerId === undefined ? conveners[0]?.actor : p.actorIndex.get(convenerId);
  if (convenerId !== undefined && convener === undefined) {
    throw new GraphError('NOT_FOUND', `no actor with id '${convenerId}'`, {
      type: 'actor',
      id: convenerId,
    });
  }
  const members = [...team]
    .sort((a, b) => a - b)
    .map((a) => ({
      actorId: p.actors[a]!.id,
      wedge: convener === undefined ? ('intergovernmental' as Wedge) : wedgeOf(p, convener, a),
      betweenness: scoreOf.get(a) ?? 0,
      roles: [...roles.get(a)!].sort(),
    }));
  const tieIds = [...p.state.entities.tie.values()]
    .filter((t) => team.has(p.actorIndex.get(t.fromId)!) && team.has(p.actorIndex.get(t.toId)!))
    .map((t) => t.id)
    .sort();
  return {
    holders,
    stakeholderInterestIds: interests.map((i) => i.id),
    partnershipIds: partnerships.map((x) => x.id),
    tieIds,
    collaborationGaps: [...collaborationGaps(ix)],
    convenerId: convener === undefined ? null : p.actors[convener]!.id,
    members,
    suggestedConveners: conveners.map(({ actor: _actor, ...rest }) => rest),
  };
}

function suggestConveners(
  ix: ScopeIndex,
  scoreOf: Map<number, number>,
): (Convener & { actor: number })[] {
  const p = ix.p;
  const core = new Map<number, string[]>();
  for (const m of ix.list) {
    const row = p.mandates[m]!;
    if (row.entity.strength !== 'core') continue;
    (core.get(row.holder) ?? core.set(row.holder, []).get(row.holder)!).push(row.id);
  }
  return [...core]
    .map(([actor, mandateIds]) => ({
      actor,
      mandateIds: mandateIds.sort(),
      score: scoreOf.get(actor) ?? 0,
    }))
    .sort((x, y) => y.score - x.score || (p.actors[x.actor]!.id < p.actors[y.actor]!.id ? -1 : 1))
    .map(({ actor, mandateIds, score }, rank) => ({
      actor,
      actorId: p.actors[actor]!.id,
      betweenness: score,
      coreMandateIds: mandateIds,
      because: [
        `holds ${mandateIds.length} core mandate${mandateIds.length === 1 ? '' : 's'} in scope: ${mandateIds.join(', ')}`,
        `betweenness ${score.toFixed(1)} in the scope network (rank ${rank + 1})`,
      ],
    }));
}
