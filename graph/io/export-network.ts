/**
 * The actor network as GraphML (yEd, Cytoscape desktop) and GEXF (Gephi):
 * well-formed XML whatever the names contain. Main functions: toGraphml, toGexf.
 */
import type { NetworkLinks } from '../analysis-engine.js';
import type { Actor, EntityMaps, Stored } from '../model/index.js';

/** Characters XML 1.0 cannot hold are dropped; markup characters, tabs and line ends are escaped. */
export function xmlText(value: string): string {
  return (
    value
      // eslint-disable-next-line no-control-regex -- removing control characters is the point
      .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, '')
      .replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '')
      .replace(/&/g, '&amp;')
      .replace(/</g, '&lt;')
      .replace(/>/g, '&gt;')
      .replace(/"/g, '&quot;')
      .replace(/'/g, '&apos;')
      // as references, so that a parser keeps them: it reads a raw one in an
      // attribute as a space, and a raw CR as a line feed
      .replace(/[\t\n\r]/g, (c) => `&#${c.charCodeAt(0)};`)
  );
}

const NODE_ATTRIBUTES = ['name', 'kind', 'sector', 'level', 'jurisdiction'] as const;

function nodeValues(a: Stored<Actor>): Record<(typeof NODE_ATTRIBUTES)[number], string> {
  return {
    name: a.name,
    kind: a.kind,
    sector: a.sector,
    level: a.levelId ?? '',
    jurisdiction: a.jurisdictionId ?? '',
  };
}

function edgeLabel(e: NetworkLinks['edges'][number]): string {
  return [...e.tieKinds, ...e.partnershipIds.map((id) => `partnership:${id}`)].join('|');
}

/** The actors and links of a network export, taken at once: see sortedEntities. */
export interface NetworkExport {
  actors: Stored<Actor>[];
  edges: NetworkLinks['edges'];
}

/** The network's actors that still exist in `entities`, and the links between them. */
export function networkExport(entities: EntityMaps, net: NetworkLinks): NetworkExport {
  return {
    actors: net.actorIds.flatMap((id) => entities.actor.get(id) ?? []),
    edges: net.edges.filter((e) => entities.actor.has(e.source) && entities.actor.has(e.target)),
  };
}

export function* toGraphml({ actors, edges }: NetworkExport): Generator<string> {
  yield '<?xml version="1.0" encoding="UTF-8"?>\n<graphml xmlns="http://graphml.graphdrawing.org/xmlns">\n';
  for (const key of NODE_ATTRIBUTES)
    yield `  <key id="${key}" for="node" attr.name="${key}" attr.type="string"/>\n`;
  yield '  <key id="links" for="edge" attr.name="links" attr.type="string"/>\n';
  yield '  <key id="connects" for="edge" attr.name="connects" attr.type="boolean"/>\n';
  yield '  <graph id="actors" edgedefault="undirected">\n';
  for (const a of actors) {
    const values = nodeValues(a);
    yield `    <node id="${xmlText(a.id)}">${NODE_ATTRIBUTES.map((k) => `<data key="${k}">${xmlText(values[k])}</data>`).join('')}</node>\n`;
  }
  for (const [k, e] of edges.entries()) {
    yield `    <edge id="e${k}" source="${xmlText(e.source)}" target="${xmlText(e.target)}"><data key="links">${xmlText(edgeLabel(e))}</data><data key="connects">${e.connects}</data></edge>\n`;
  }
  yield '  </graph>\n</graphml>\n';
}

export function* toGexf({ actors, edges }: NetworkExport): Generator<string> {
  yield '<?xml version="1.0" encoding="UTF-8"?>\n<gexf xmlns="http://gexf.net/1.3" version="1.3">\n';
  yield '  <graph mode="static" defaultedgetype="undirected">\n    <attributes class="node">\n';
  for (const [i, key] of NODE_ATTRIBUTES.slice(1).entries())
    yield `      <attribute id="${i}" title="${key}" type="string"/>\n`;
  yield '    </attributes>\n    <nodes>\n';
  for (const a of actors) {
    const values = nodeValues(a);
    const attvalues = NODE_ATTRIBUTES.slice(1)
      .map((k, i) => `<attvalue for="${i}" value="${xmlText(values[k])}"/>`)
      .join('');
    yield `      <node id="${xmlText(a.id)}" label="${xmlText(values.name)}"><attvalues>${attvalues}</attvalues></node>\n`;
  }
  yield '    </nodes>\n    <edges>\n';
  for (const [k, e] of edges.entries()) {
    yield `      <edge id="${k}" source="${xmlText(e.source)}" target="${xmlText(e.target)}" label="${xmlText(edgeLabel(e))}" weight="${e.connects ? 1 : 0}"/>\n`;
  }
  yield '    </edges>\n  </graph>\n</gexf>\n';
}
