/**
 * The Cytoscape map: renderer choice (WebGL past MAX_CANVAS_ELEMENTS, canvas
 * otherwise or when WebGL is missing), layouts, focus on an actor and its
 * neighbours, and updates that keep the user's place.
 */
import cytoscape from 'cytoscape';
import type {
  Core,
  ElementDefinition,
  LayoutOptions,
  NodeCollection,
  NodeSingular,
} from 'cytoscape';
import fcose from 'cytoscape-fcose';
import { stylesheet } from '../model/style.js';
import type { Layout } from '../model/url-state.js';
import { Minimap } from './minimap.js';

cytoscape.use(fcose);

/** Past this many elements the map draws with WebGL. */
export const MAX_CANVAS_ELEMENTS = 5_000;

export type RendererName = 'canvas' | 'webgl';

function webglAvailable(): boolean {
  try {
    const canvas = document.createElement('canvas');
    return Boolean(canvas.getContext('webgl2') ?? canvas.getContext('webgl'));
  } catch {
    return false;
  }
}

/** A stable spot for a node the map has not placed yet (so no two start on top of each other). */
function scatter(id: string): { x: number; y: number } {
  let hash = 2166136261;
  for (let i = 0; i < id.length; i++) hash = Math.imul(hash ^ id.charCodeAt(i), 16777619);
  return { x: (hash & 0x3ff) * 1.5, y: ((hash >>> 10) & 0x3ff) * 1.5 };
}

/**
 * Puts nodes the map has not placed yet beside their placed neighbours (or to
 * the right of the graph when they have none), leaving every other node where
 * the user saw it.
 */
function placeNewcomers(cy: Core, placed: Map<string, { x: number; y: number }>): void {
  const box = cy
    .nodes()
    .filter((n) => placed.has(n.id()))
    .boundingBox({ includeLabels: false });
  let spare = 0;
  for (const node of cy.nodes('.actor')) {
    if (placed.has(node.id())) continue;
    const anchors = node
      .neighborhood()
      .nodes()
      .filter((n) => placed.has(n.id())) as NodeCollection;
    const jitter = scatter(node.id());
    if (anchors.empty()) {
      node.position({ x: box.x2 + 80, y: box.y1 + 50 * spare++ });
    } else {
      const x = anchors.map((n) => n.position('x')).reduce((a, b) => a + b, 0) / anchors.length;
      const y = anchors.map((n) => n.position('y')).reduce((a, b) => a + b, 0) / anchors.length;
      node.position({ x: x + (jitter.x % 60) - 30, y: y + (jitter.y % 60) - 30 });
    }
  }
}

export function layoutOptions(name: Layout, count: number, keepPlace: boolean): LayoutOptions {
  if (name === 'concentric') {
    return {
      name: 'concentric',
      animate: false,
      concentric: (node: NodeSingular) => 100 - Number(node.data('levelRank') ?? 99),
      levelWidth: () => 1,
      minNodeSpacing: 8,
    } as LayoutOptions;
  }
  if (name === 'grid') return { name: 'grid', animate: false, avoidOverlap: true };
  return {
    name: 'fcose',
    animate: false,
    randomize: !keepPlace,
    quality: count > 1_000 ? 'draft' : 'default',
    nodeRepulsion: 20_000,
    idealEdgeLength: 110,
    nodeSeparation: 90,
    numIter: count > 1_000 ? 1_000 : 2_500,
    packComponents: true,
  } as LayoutOptions;
}

export class NetworkMap {
  cy: Core;
  renderer: RendererName = 'canvas';
  /** Milliseconds the last render-and-layout took. */
  lastLayoutMs = 0;
  private readonly minimap: Minimap;

  constructor(
    private readonly container: HTMLElement,
    navContainer: HTMLElement,
  ) {
    this.cy = this.create([], false);
    this.minimap = new Minimap(navContainer);
  }

  private create(elements: ElementDefinition[], webgl: boolean): Core {
    const options = {
      container: this.container,
      elements,
      style: stylesheet(),
      minZoom: 0.05,
      maxZoom: 4,
      boxSelectionEnabled: false,
      ...(webgl ? { renderer: { name: 'canvas', webgl: true } } : {}),
    };
    try {
      const cy = cytoscape(options as cytoscape.CytoscapeOptions);
      this.renderer = webgl ? 'webgl' : 'canvas';
      return cy;
    } catch (error) {
      if (!webgl) throw error;
      // The WebGL renderer failed: fall back to the canvas one.
      this.renderer = 'canvas';
      return cytoscape({ ...options, renderer: { name: 'canvas' } } as cytoscape.CytoscapeOptions);
    }
  }

  /**
   * Shows new elements. Nodes already on the map keep their positions and the
   * viewport stays; the layout runs from scratch only when most nodes are new.
   */
  show(elements: ElementDefinition[], layout: Layout, onReady: (cy: Core) => void): void {
    const started = performance.now();
    const wantWebgl = elements.length > MAX_CANVAS_ELEMENTS && webglAvailable();
    const positions = new Map(this.cy.nodes().map((n) => [n.id(), { ...n.position() }]));
    const viewport = { zoom: this.cy.zoom(), pan: { ...this.cy.pan() } };
    const hadNodes = positions.size > 0;
    if (wantWebgl !== (this.renderer === 'webgl') || this.cy.destroyed()) {
      this.cy.destroy();
      this.cy = this.create([], wantWebgl);
    }
    const cy = this.cy;
    cy.batch(() => {
      cy.elements().remove();
      cy.add(elements);
      for (const node of cy.nodes()) {
        node.position(positions.get(node.id()) ?? scatter(node.id()));
      }
    });
    const actors = cy.nodes('.actor');
    const known = actors.filter((n) => positions.has(n.id())).length;
    const keepPlace = hadNodes && known >= actors.length * 0.8;
    if (keepPlace) placeNewcomers(cy, positions);
    else cy.layout(layoutOptions(layout, actors.length, false)).run();
    if (keepPlace) cy.viewport(viewport);
    else cy.fit(undefined, 30);
    this.minimap.attach(cy);
    this.lastLayoutMs = Math.round(performance.now() - started);
    onReady(cy);
  }

  relayout(layout: Layout): void {
    this.cy.layout(layoutOptions(layout, this.cy.nodes('.actor').length, false)).run();
    this.cy.fit(undefined, 30);
  }

  /** Selects an actor, fades everything beyond `hops` steps, and fits its neighbourhood. */
  focus(id: string | null, hops: number): boolean {
    const cy = this.cy;
    cy.elements().removeClass('faded').unselect();
    if (!id) return false;
    const node = cy.getElementById(id);
    if (node.empty()) return false;
    let hood = node.closedNeighborhood();
    for (let i = 1; i < hops; i++) hood = hood.closedNeighborhood();
    hood = hood.union(hood.ancestors());
    cy.elements().not(hood).addClass('faded');
    node.select();
    cy.animate({ fit: { eles: hood, padding: 60 } }, { duration: 250 });
    return true;
  }

  focusPair(a: string, b: string): void {
    const cy = this.cy;
    cy.elements().removeClass('faded').unselect();
    const pair = cy.getElementById(a).union(cy.getElementById(b));
    if (pair.empty()) return;
    cy.elements()
      .not(pair.union(pair.edgesWith(pair)).union(pair.ancestors()))
      .addClass('faded');
    pair.select();
    cy.animate({ fit: { eles: pair, padding: 120 } }, { duration: 250 });
  }
}
