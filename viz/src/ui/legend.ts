/** The legend: every colour, shape and line the map uses, from the same tables the style uses. */
import { legendEntries } from '../model/style.js';
import { h, svg } from './dom.js';

function swatch(entry: ReturnType<typeof legendEntries>[number]): Node {
  if (entry.line) {
    const dash = entry.line === 'dashed' ? '6 4' : entry.line === 'dotted' ? '2 3' : '';
    return svg(
      'svg',
      { width: 28, height: 10, 'aria-hidden': 'true' },
      svg('line', {
        x1: 0,
        y1: 5,
        x2: 28,
        y2: 5,
        stroke: entry.colour ?? '#000',
        'stroke-width': 3,
        ...(dash ? { 'stroke-dasharray': dash } : {}),
      }),
    );
  }
  if (entry.shape)
    return h('span', { class: 'shape', 'aria-hidden': 'true' }, entry.shape.replace(/-/g, ' '));
  if (entry.colour) {
    // Set through the CSSOM: the CSP forbids inline style attributes.
    const dot = h('span', { class: 'dot', 'aria-hidden': 'true' });
    dot.style.background = entry.colour;
    return dot;
  }
  return h('span', { class: 'dot', 'aria-hidden': 'true' });
}

export function renderLegend(container: HTMLElement): void {
  const groups = new Map<string, ReturnType<typeof legendEntries>>();
  for (const entry of legendEntries()) {
    const list = groups.get(entry.group) ?? groups.set(entry.group, []).get(entry.group)!;
    list.push(entry);
  }
  container.replaceChildren(
    h('h2', {}, 'Legend'),
    ...[...groups].map(([group, entries]) =>
      h(
        'section',
        {},
        h('h3', {}, group),
        h(
          'ul',
          {},
          entries.map((e) => h('li', {}, swatch(e), ' ', e.label)),
        ),
      ),
    ),
  );
}
