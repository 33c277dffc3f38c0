/**
 * The network exports as graph software reads them: GEXF through
 * graphology-gexf (the reader Gephi Lite opens files with) and GraphML
 * through graphology-graphml. Every actor and link of the network comes
 * through, with its attributes, whatever the names hold.
 */
import { UndirectedGraph } from 'graphology';
import { parse as parseGexf } from 'graphology-gexf';
import { parse as parseGraphml } from 'graphology-graphml';
import { describe, expect, it } from 'vitest';
import { exportGraph } from '../../graph/io/export.js';
import { exportBytes } from '../helpers/export-bytes.js';
import { useSampleService } from '../helpers/sample-service.js';

const sample = useSampleService();

const AWKWARD_NAMES = [
  '<b>Water & "Sanitation"</b> \'Dept\'',
  'Two\nlines,\ta tab',
  'Emoji 🌊 and 中文 — ≠',
];

/** The sample with actors of awkward names, tied to one another; then the network it exports. */
async function network() {
  const service = sample.current;
  for (const [i, name] of AWKWARD_NAMES.entries()) {
    await service.create('actor', {
      id: `odd-${i}`,
      name,
      kind: 'ngo',
      sector: 'civil_society',
      jurisdictionId: 'berg-river-catchment',
    });
  }
  await service.create('tie', { fromId: 'odd-0', toId: 'odd-1', kind: 'collaborates' });
  const state = await service.state();
  const links = await service.analysis.networkLinks(undefined);
  const actors = links.actorIds.map((id) => state.entities.actor.get(id)!);
  return { actors, edges: links.edges };
}

const text = async (format: string) =>
  (await exportBytes(await exportGraph(sample.current, format))).toString('utf8');

/** An edge's ends in a fixed order, for comparing undirected links. */
const ends = (a: string, b: string) => (a < b ? `${a} ${b}` : `${b} ${a}`);

/** How each reader gives a node's name and a link's kinds and whether it connects (GEXF: weight 1). */
const READERS = [
  {
    format: 'gexf',
    parse: parseGexf,
    nameKey: 'label',
    link: (attributes: Record<string, unknown>) => ({
      links: attributes.label,
      connects: attributes.weight === 1,
    }),
  },
  {
    format: 'graphml',
    parse: parseGraphml,
    nameKey: 'name',
    link: (attributes: Record<string, unknown>) => ({
      links: attributes.links,
      connects: attributes.connects,
    }),
  },
];

describe('network exports read by graph software', () => {
  it.each(READERS)(
    '$format: every actor with its name and attributes, every link with its kinds',
    async ({ format, parse, nameKey, link }) => {
      const { actors, edges } = await network();
      const graph = parse(UndirectedGraph, await text(format));
      expect(graph.type).toBe('undirected');
      expect(graph.order).toBe(actors.length);
      for (const a of actors) {
        expect(graph.getNodeAttributes(a.id)).toEqual({
          [nameKey]: a.name,
          kind: a.kind,
          sector: a.sector,
          level: a.levelId ?? '',
          jurisdiction: a.jurisdictionId ?? '',
        });
      }
      const read = new Map(
        graph.mapEdges((_, attributes, source, target) => [ends(source, target), link(attributes)]),
      );
      const expected = new Map(
        edges.map((e) => [
          ends(e.source, e.target),
          {
            links: [...e.tieKinds, ...e.partnershipIds.map((id) => `partnership:${id}`)].join('|'),
            connects: e.connects,
          },
        ]),
      );
      expect(graph.size).toBe(edges.length);
      expect(read).toEqual(expected);
      expect(read.get(ends('odd-0', 'odd-1'))?.links).toBe('collaborates');
    },
  );
});
