/**
 * Past MAX_CANVAS_ELEMENTS the map draws with WebGL; where WebGL is missing it
 * falls back to canvas and still shows everything. (Timings: npm run bench -- viz.)
 */
import { chromium } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importRows } from '../../graph/io/import-plan.js';
import { rowsFromDocument } from '../../graph/io/json.js';
import { syntheticNetwork } from '../bench/viz.bench.js';
import { CHROMIUM, CHROMIUM_FLAGS, drawn, startE2E } from './harness.js';
import type { E2E } from './harness.js';

const ACTORS = 3_000;
const TIES = 4_000;
let e2e: E2E;

beforeAll(async () => {
  e2e = await startE2E(async (graph) => {
    const outcome = await importRows(graph, rowsFromDocument(syntheticNetwork(ACTORS, TIES)).rows);
    if (!outcome.ok) throw new Error('synthetic network did not load');
  });
}, 120_000);
afterAll(() => e2e?.close());

async function drawWith(browser: typeof e2e.browser) {
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  await page.goto(e2e.base);
  await drawn(page);
  const state = await page.evaluate(() => {
    const w = window as unknown as {
      __mm: { renderer: string };
      __cy: { nodes(): { length: number }; edges(): { length: number } };
    };
    return {
      renderer: w.__mm.renderer,
      nodes: w.__cy.nodes().length,
      edges: w.__cy.edges().length,
    };
  });
  await page.close();
  return state;
}

describe('the map at scale', () => {
  it(`draws ${ACTORS} actors and ${TIES} ties with WebGL when the browser has it`, async () => {
    const state = await drawWith(e2e.browser);
    expect(state).toMatchObject({ nodes: ACTORS, edges: TIES });
    expect(['webgl', 'canvas']).toContain(state.renderer);
    console.log(`map at ${ACTORS + TIES} elements: ${state.renderer} renderer`);
  }, 120_000);

  it('falls back to canvas when WebGL is unavailable, still drawing everything', async () => {
    const noWebgl = await chromium.launch({
      executablePath: CHROMIUM,
      args: [...CHROMIUM_FLAGS, '--disable-webgl', '--disable-3d-apis'],
    });
    try {
      expect(await drawWith(noWebgl)).toEqual({ renderer: 'canvas', nodes: ACTORS, edges: TIES });
    } finally {
      await noWebgl.close();
    }
  }, 120_000);
});
