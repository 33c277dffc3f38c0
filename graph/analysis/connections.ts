/** Which actors are already connected: a shared partnership, or a tie that is not a conflict. */
import { linksOf } from './network.js';
import type { Projection } from './projection.js';

/**
 * Shared partnerships and non-conflict ties of two actors, from the links
 * indexed once per projection; ids in the order the graph holds them.
 */
export function connectionsBetween(
  p: Projection,
  a: number,
  b: number,
): { partnerships: string[]; ties: string[] } {
  const links = linksOf(p);
  const theirs = new Set(links.partnershipsOf[b]);
  const partnerships = links.partnershipsOf[a]!.filter((k) => theirs.has(k)).map(
    (k) => links.members[k]!.id,
  );
  const ties = links.tiesOf[a]!.map((k) => links.ties[k]!)
    .filter((t) => t.kind !== 'conflicts' && (t.a === b || t.b === b))
    .map((t) => t.id);
  return { partnerships, ties };
}

/** Whether two actors are connected: a shared partnership, or a tie that is not a conflict. */
export function connectedActors(p: Projection): (a: number, b: number) => boolean {
  const links = linksOf(p);
  return (a, b) => {
    if (
      links.tiesOf[a]!.some((k) => {
        const t = links.ties[k]!;
        return t.kind !== 'conflicts' && (t.a === b || t.b === b);
      })
    )
      return true;
    const theirs = links.partnershipsOf[b]!;
    return links.partnershipsOf[a]!.some((k) => theirs.includes(k));
  };
}
