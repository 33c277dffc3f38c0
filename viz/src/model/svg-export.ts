/**
 * The map as a standalone SVG document, written here (cytoscape-svg is
 * GPL-3.0). Input is plain data read from the rendered graph, so this stays
 * testable without a browser; every text is XML-escaped.
 */
export interface SvgNode {
  x: number;
  y: number;
  size: number;
  colour: string;
  shape: string;
  label: string;
  compound?: { w: number; h: number };
}

export interface SvgEdge {
  x1: number;
  y1: number;
  x2: number;
  y2: number;
  colour: string;
  width: number;
  style: 'solid' | 'dashed' | 'dotted';
}

export function escapeXml(text: string): string {
  return (
    text
      // Characters XML 1.0 forbids outright are dropped.
      // eslint-disable-next-line no-control-regex
      .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, '')
      .replace(/&/g, '&amp;')
      .replace(/</g, '&lt;')
      .replace(/>/g, '&gt;')
      .replace(/"/g, '&quot;')
      .replace(/'/g, '&apos;')
  );
}

const SIDES: Record<string, number> = {
  triangle: 3,
  diamond: 4,
  pentagon: 5,
  hexagon: 6,
  octagon: 8,
  star: 10,
};
const n2 = (v: number) => Math.round(v * 10) / 10;

function shapeOf(node: SvgNode): string {
  const r = node.size / 2;
  const fill = `fill="${escapeXml(node.colour)}" stroke="#1a202c" stroke-width="1"`;
  if (node.compound) {
    const { w, h } = node.compound;
    return `<rect x="${n2(node.x - w / 2)}" y="${n2(node.y - h / 2)}" width="${n2(w)}" height="${n2(h)}" rx="6" fill="#edf2f7" fill-opacity="0.6" stroke="#a0aec0"/>`;
  }
  const sides = SIDES[node.shape];
  if (sides) {
    const points = Array.from({ length: sides }, (_, i) => {
      const radius = node.shape === 'star' && i % 2 === 1 ? r * 0.45 : r;
      const angle = -Math.PI / 2 + (2 * Math.PI * i) / sides;
      return `${n2(node.x + radius * Math.cos(angle))},${n2(node.y + radius * Math.sin(angle))}`;
    });
    return `<polygon points="${points.join(' ')}" ${fill}/>`;
  }
  if (node.shape.includes('rectangle') || node.shape === 'barrel' || node.shape === 'tag') {
    const rx = node.shape === 'rectangle' ? 0 : r / 4;
    return `<rect x="${n2(node.x - r)}" y="${n2(node.y - r)}" width="${n2(node.size)}" height="${n2(node.size)}" rx="${n2(rx)}" ${fill}/>`;
  }
  return `<circle cx="${n2(node.x)}" cy="${n2(node.y)}" r="${n2(r)}" ${fill}/>`;
}

export function toSvg(nodes: SvgNode[], edges: SvgEdge[], margin = 40): string {
  const xs = nodes.flatMap((n) => [
    n.x - (n.compound?.w ?? n.size) / 2,
    n.x + (n.compound?.w ?? n.size) / 2,
  ]);
  const ys = nodes.flatMap((n) => [
    n.y - (n.compound?.h ?? n.size) / 2,
    n.y + (n.compound?.h ?? n.size) / 2 + 16,
  ]);
  const minX = Math.min(0, ...xs) - margin;
  const minY = Math.min(0, ...ys) - margin;
  const width = Math.max(1, ...xs) - minX + margin;
  const height = Math.max(1, ...ys) - minY + margin;
  const dash = { solid: '', dashed: ' stroke-dasharray="6 4"', dotted: ' stroke-dasharray="2 3"' };
  const lines = edges.map(
    (e) =>
      `<line x1="${n2(e.x1)}" y1="${n2(e.y1)}" x2="${n2(e.x2)}" y2="${n2(e.y2)}" stroke="${escapeXml(e.colour)}" stroke-width="${n2(e.width)}"${dash[e.style]} stroke-opacity="0.8"/>`,
  );
  const compounds = nodes.filter((n) => n.compound);
  const plain = nodes.filter((n) => !n.compound);
  const labels = nodes.map((n) => {
    const y = n.compound ? n.y - n.compound.h / 2 - 4 : n.y + n.size / 2 + 12;
    return `<text x="${n2(n.x)}" y="${n2(y)}" text-anchor="middle">${escapeXml(n.label)}</text>`;
  });
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="${n2(minX)} ${n2(minY)} ${n2(width)} ${n2(height)}" width="${n2(width)}" height="${n2(height)}" font-family="sans-serif" font-size="10">`,
    `<rect x="${n2(minX)}" y="${n2(minY)}" width="${n2(width)}" height="${n2(height)}" fill="#ffffff"/>`,
    ...compounds.map(shapeOf),
    ...lines,
    ...plain.map(shapeOf),
    ...labels,
    '</svg>',
  ].join('\n');
}
