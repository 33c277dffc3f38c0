/** Which actors are already connected: a shared partnership, or a tie that is not a conflict. */
import type { Projection } from './projection.js';

const cache = new WeakMap<Projection, (a: number, b: number) => boolean>();

/** Whether two actors are connected; built once per projection. */
export function connectedActors(p: Projection): (a: number, b: number) => boolean {
  let test = cache.get(p);
  if (!test) cache.set(p, (test = buildConnected(p)));
  return test;
}

function buildConnected(p: Projection): (a: number, b: number) => boolean {
  const partnershipsOf = new Map<number, Set<string>>();
  for (const partnership of p.state.entities.partnership.values()) {
    for (const member of partnership.members) {
      const a = p.actorIndex.get(member.actorId);
      if (a === undefined) continue;
      (partnershipsOf.get(a) ?? partnershipsOf.set(a, new Set()).get(a)!).add(partnership.id);
    }
  }
  const ties = new Set<string>();
  for (const tie of p.state.entities.tie.values()) {
    if (tie.kind === 'conflicts') continue;
    const a = p.actorIndex.get(tie.fromId)!;
    const b = p.actorIndex.get(tie.toId)!;
    ties.add(`${Math.min(a, b)}:${Math.max(a, b)}`);
  }
  return (a, b) => {
    if (ties.has(`${Math.min(a, b)}:${Math.max(a, b)}`)) return true;
    const pa = partnershipsOf.get(a);
    const pb = partnershipsOf.get(b);
    if (!pa || !pb) return false;
    for (const id of pa) if (pb.has(id)) return true;
    return false;
  };
}

/** Shared partnerships and non-conflict ties of two actors, for explanations. */
export function connectionsBetween(
  p: Projection,
  a: number,
  b: number,
): { partnerships: string[]; ties: string[] } {
  const ida = p.actors[a]!.id;
  const idb = p.actors[b]!.id;
  const partnerships = [...p.state.entities.partnership.values()]
    .filter(
      (x) => x.members.some((m) => m.actorId === ida) && x.members.some((m) => m.actorId === idb),
    )
    .map((x) => x.id);
  const ties = [...p.state.entities.tie.values()]
    .filter(
      (t) =>
        t.kind !== 'conflicts' &&
        ((t.fromId === ida && t.toId === idb) || (t.fromId === idb && t.toId === ida)),
    )
    .map((t) => t.id);
  return { partnerships, ties };
}
