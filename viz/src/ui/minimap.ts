/**
 * The navigator: a small overview of the whole graph with the visible part
 * outlined; clicking or dragging in it moves the map there.
 */
import type { Core } from 'cytoscape';

export class Minimap {
  private readonly canvas: HTMLCanvasElement;
  private cy: Core | undefined;
  private frame = 0;
  private readonly redraw = () => {
    cancelAnimationFrame(this.frame);
    this.frame = requestAnimationFrame(() => this.draw());
  };

  constructor(container: HTMLElement) {
    this.canvas = document.createElement('canvas');
    this.canvas.width = container.clientWidth || 160;
    this.canvas.height = container.clientHeight || 110;
    container.replaceChildren(this.canvas);
    const move = (event: PointerEvent) => {
      if (event.type === 'pointermove' && event.buttons !== 1) return;
      this.panTo(event.offsetX, event.offsetY);
    };
    this.canvas.addEventListener('pointerdown', move);
    this.canvas.addEventListener('pointermove', move);
  }

  attach(cy: Core): void {
    if (this.cy === cy) return this.redraw();
    this.cy = cy;
    cy.on('viewport render position add remove', this.redraw);
    this.redraw();
  }

  /** The graph's bounding box and the scale that fits it in the canvas. */
  private fit(): { x1: number; y1: number; scale: number } | undefined {
    const cy = this.cy;
    if (!cy || cy.destroyed() || cy.nodes().empty()) return undefined;
    const box = cy.nodes().boundingBox({ includeLabels: false });
    const scale =
      Math.min(this.canvas.width / (box.w || 1), this.canvas.height / (box.h || 1)) * 0.9;
    return {
      x1: box.x1 - (this.canvas.width / scale - box.w) / 2,
      y1: box.y1 - (this.canvas.height / scale - box.h) / 2,
      scale,
    };
  }

  private draw(): void {
    const ctx = this.canvas.getContext('2d');
    const fit = this.fit();
    if (!ctx) return;
    ctx.clearRect(0, 0, this.canvas.width, this.canvas.height);
    if (!fit || !this.cy) return;
    for (const node of this.cy.nodes('.actor')) {
      const p = node.position();
      ctx.fillStyle = String(node.data('colour') ?? '#a0aec0');
      ctx.fillRect((p.x - fit.x1) * fit.scale - 1, (p.y - fit.y1) * fit.scale - 1, 3, 3);
    }
    const view = this.cy.extent();
    ctx.strokeStyle = '#d69e2e';
    ctx.lineWidth = 2;
    ctx.strokeRect(
      (view.x1 - fit.x1) * fit.scale,
      (view.y1 - fit.y1) * fit.scale,
      view.w * fit.scale,
      view.h * fit.scale,
    );
  }

  private panTo(x: number, y: number): void {
    const fit = this.fit();
    const cy = this.cy;
    if (!fit || !cy) return;
    const zoom = cy.zoom();
    const graphX = x / fit.scale + fit.x1;
    const graphY = y / fit.scale + fit.y1;
    cy.pan({ x: cy.width() / 2 - graphX * zoom, y: cy.height() / 2 - graphY * zoom });
  }
}
