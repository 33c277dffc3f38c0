/** Saving the map: PNG from Cytoscape, SVG from our own writer. */
import type { Core } from 'cytoscape';
import { LINK_COLOURS } from '../model/style.js';
import { toSvg } from '../model/svg-export.js';
import type { SvgEdge, SvgNode } from '../model/svg-export.js';

/** Saves a blob as a file the browser downloads. */
export function download(blob: Blob, name: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1_000);
}

export function savePng(cy: Core): void {
  const blob = cy.png({ output: 'blob', full: true, scale: 2, bg: '#ffffff' }) as unknown as Blob;
  download(blob, 'mandatemap.png');
}

/** The visible (not faded) elements as SVG text. */
export function mapSvg(cy: Core): string {
  const nodes: SvgNode[] = cy.nodes().map((n) => {
    const box = n.boundingBox({ includeLabels: false });
    return {
      x: n.position('x'),
      y: n.position('y'),
      size: Number(n.data('size') ?? 20),
      colour: String(n.data('colour') ?? '#edf2f7'),
      shape: String(n.data('shape') ?? 'ellipse'),
      label: String(n.data('label') ?? ''),
      ...(n.isParent() ? { compound: { w: box.w, h: box.h } } : {}),
    };
  });
  const edges: SvgEdge[] = cy.edges().map((e) => {
    const [s, t] = [e.source().position(), e.target().position()];
    const style: SvgEdge['style'] = e.hasClass('gap')
      ? 'dashed'
      : e.hasClass('conflict')
        ? 'dotted'
        : 'solid';
    const colour = e.hasClass('overlap')
      ? String(e.data('colour'))
      : e.hasClass('gap')
        ? LINK_COLOURS.gap
        : e.hasClass('conflict')
          ? LINK_COLOURS.conflict
          : e.hasClass('partnership')
            ? LINK_COLOURS.partnership
            : LINK_COLOURS.tie;
    return {
      x1: s.x,
      y1: s.y,
      x2: t.x,
      y2: t.y,
      colour,
      width: Number(e.data('width') ?? 1.5),
      style,
    };
  });
  return toSvg(nodes, edges);
}

export function saveSvg(cy: Core): void {
  download(new Blob([mapSvg(cy)], { type: 'image/svg+xml' }), 'mandatemap.svg');
}
