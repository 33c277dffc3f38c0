/** The maturity radar: seven spokes, the three bands shaded, baseline and latest as polygons. */
import { BANDS, DIMENSIONS, polygonPoints, spokePoint } from '../model/radar.js';
import { words } from '../model/style.js';
import { svg } from './dom.js';

type Scores = { dimension: string; score: number }[];

export function radarSvg(baseline: Scores | null, latest: Scores | null): SVGElement {
  const size = 320;
  const c = size / 2;
  const radius = 110;
  const ring = (score: number) =>
    DIMENSIONS.map((_, i) => spokePoint(i, score, radius, c, c).join(',')).join(' ');
  const root = svg('svg', {
    viewBox: `0 0 ${size} ${size}`,
    width: size,
    height: size,
    role: 'img',
    'aria-label': 'Partnering maturity radar: baseline and latest assessment on seven dimensions',
    class: 'radar',
  });
  for (const band of [...BANDS].reverse()) {
    root.append(
      svg('polygon', {
        points: ring(band.to),
        fill: band.fill,
        stroke: '#cbd5e0',
        'data-band': band.name,
      }),
    );
  }
  DIMENSIONS.forEach((d, i) => {
    const [x, y] = spokePoint(i, 6, radius, c, c);
    const [lx, ly] = spokePoint(i, 7.1, radius, c, c);
    root.append(svg('line', { x1: c, y1: c, x2: x, y2: y, stroke: '#a0aec0' }));
    root.append(svg('text', { x: lx, y: ly, 'text-anchor': 'middle', 'font-size': 10 }, words(d)));
  });
  if (baseline) {
    root.append(
      svg('polygon', {
        points: polygonPoints(baseline, radius, c, c),
        fill: 'none',
        stroke: '#718096',
        'stroke-width': 2,
        'stroke-dasharray': '5 3',
        class: 'baseline',
      }),
    );
  }
  if (latest) {
    root.append(
      svg('polygon', {
        points: polygonPoints(latest, radius, c, c),
        fill: '#3182ce',
        'fill-opacity': 0.25,
        stroke: '#2b6cb0',
        'stroke-width': 2,
        class: 'latest',
      }),
    );
  }
  return root;
}
