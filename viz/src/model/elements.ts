/**
 * Network + overlays -> Cytoscape elements. Pure: the same input gives the
 * same elements, which the unit tests check without a browser.
 */
import type { ElementDefinition } from 'cytoscape';
import { kindShape, natureColour, nodeSize, ringWidth, sectorColour } from './style.js';
import type { Network, Overlays } from './types.js';
import type { Grouping, OverlayName, Sizing } from './url-state.js';

export interface ElementOptions {
  group: Grouping;
  size: Sizing;
  show: readonly OverlayName[];
}

const lower = (value: string) => value.toLowerCase();
/** One id per unordered pair, so a pair is never drawn twice. */
export const pairKey = (a: string, b: string) => (a < b ? `${a}|${b}` : `${b}|${a}`);

/** The nature with the most overlaps in a pair (ties broken by the order duplication, concurrent, complementary). */
export function dominantNature(natures: { nature: string; count: number }[]): string {
  const order = ['duplication', 'concurrent', 'complementary'];
  const sorted = natures
    .map((n) => ({ nature: lower(n.nature), count: n.count }))
    .sort((a, b) => b.count - a.count || order.indexOf(a.nature) - order.indexOf(b.nature));
  return sorted[0]?.nature ?? 'concurrent';
}

function groupsOf(network: Network, group: Grouping): Map<string, { id: string; label: string }> {
  const groups = new Map<string, { id: string; label: string }>();
  if (group === 'none') return groups;
  for (const { actor } of network.nodes) {
    const home = group === 'level' ? actor.level : actor.jurisdiction;
    if (home) groups.set(actor.id, { id: `group:${group}:${home.id}`, label: home.name });
  }
  return groups;
}

export function toElements(
  network: Network,
  overlays: Overlays,
  options: ElementOptions,
): ElementDefinition[] {
  const show = new Set(options.show);
  const ids = new Set(network.nodes.map((n) => n.actor.id));
  const metric = (n: Network['nodes'][number]) =>
    options.size === 'degree' ? n.degree : n.betweenness;
  const max = Math.max(0, ...network.nodes.map(metric));
  const groups = groupsOf(network, options.group);
  const stakes = new Map<string, { influence: number; interest: number }>();
  if (show.has('stakeholders')) {
    for (const s of overlays.stakeholders) {
      const had = stakes.get(s.actor.id);
      stakes.set(s.actor.id, {
        influence: Math.max(had?.influence ?? 0, s.influence),
        interest: Math.max(had?.interest ?? 0, s.interest),
      });
    }
  }

  const elements: ElementDefinition[] = [];
  for (const g of new Map([...groups.values()].map((g) => [g.id, g])).values()) {
    elements.push({ group: 'nodes', data: { id: g.id, label: g.label }, classes: 'group' });
  }
  for (const n of network.nodes) {
    const a = n.actor;
    const stake = stakes.get(a.id);
    const parent = groups.get(a.id)?.id;
    elements.push({
      group: 'nodes',
      data: {
        id: a.id,
        label: a.name,
        kind: lower(a.kind),
        sector: lower(a.sector),
        colour: sectorColour(lower(a.sector)),
        shape: kindShape(lower(a.kind)),
        size: nodeSize(metric(n), max),
        degree: n.degree,
        betweenness: n.betweenness,
        community: n.community,
        levelRank: a.level?.rank ?? 99,
        ...(parent ? { parent } : {}),
        ...(stake
          ? { ring: ringWidth(stake.influence), ringOpacity: 0.2 + 0.16 * stake.interest }
          : {}),
      },
      classes: stake ? 'actor stakeholder' : 'actor',
    });
  }
  for (const e of network.edges) {
    if (!ids.has(e.source) || !ids.has(e.target)) continue;
    const kinds = e.tieKinds.map(lower);
    const cls = !e.connects ? 'conflict' : e.partnershipIds.length > 0 ? 'partnership' : 'tie';
    elements.push({
      group: 'edges',
      data: {
        id: `link:${pairKey(e.source, e.target)}`,
        source: e.source,
        target: e.target,
        tieKinds: kinds.join(' '),
        partnerships: e.partnershipIds.length,
      },
      classes: `link ${cls}`,
    });
  }
  if (show.has('overlaps')) {
    for (const pair of overlays.overlaps) {
      const [a, b] = pair.actors;
      if (!a || !b || !ids.has(a.id) || !ids.has(b.id)) continue;
      const nature = dominantNature(pair.natures);
      elements.push({
        group: 'edges',
        data: {
          id: `overlap:${pairKey(a.id, b.id)}`,
          source: a.id,
          target: b.id,
          nature,
          count: pair.count,
          colour: natureColour(nature),
          width: Math.min(8, 1 + Math.log2(pair.count)),
        },
        classes: `overlap nature-${nature}`,
      });
    }
  }
  if (show.has('gaps')) {
    for (const gap of overlays.gaps) {
      const [a, b] = gap.actors;
      if (gap.kind !== 'COLLABORATION' || !a || !b || !ids.has(a.id) || !ids.has(b.id)) continue;
      elements.push({
        group: 'edges',
        data: { id: `gap:${pairKey(a.id, b.id)}`, source: a.id, target: b.id },
        classes: 'gap',
      });
    }
  }
  return elements;
}
