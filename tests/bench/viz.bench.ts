/**
 * The map at scale in headless Chromium: a synthetic network drawn and laid
 * out (target: 2,000 actors in under 3 s), and one past 5,000 elements, where
 * the map switches to Cytoscape's WebGL renderer or falls back to canvas.
 */
import type { GraphService } from '../../graph/index.js';
import { importRows } from '../../graph/io/import-plan.js';
import { rowsFromDocument } from '../../graph/io/json.js';
import setup from '../e2e/global-setup.js';
import { drawn, startE2E } from '../e2e/harness.js';
import { report } from './report.js';

const KINDS = ['department', 'municipality', 'public_entity', 'business', 'ngo', 'research'];
const SECTORS = ['public', 'public', 'public', 'private', 'civil_society', 'academic'];

/**
 * Exactly `actors` actors and `ties` ties (seeded; each tie joins a random
 * actor to an earlier one, favouring the first, so the network has hubs).
 */
export function syntheticNetwork(actors: number, ties: number, seed = 7) {
  let state = seed;
  const next = () => {
    state = (Math.imul(state, 1103515245) + 12345) >>> 0;
    return state / 2 ** 32;
  };
  const seen = new Set<string>();
  const tieRows: Record<string, unknown>[] = [];
  while (tieRows.length < ties) {
    const a = Math.floor(next() * actors);
    const b = Math.floor(next() * next() * a);
    const key = `${a}-${b}`;
    if (a === b || seen.has(key)) continue;
    seen.add(key);
    tieRows.push({ fromId: `a${a}`, toId: `a${b}`, kind: 'collaborates' });
  }
  return {
    actors: Array.from({ length: actors }, (_, i) => ({
      id: `a${i}`,
      name: `Actor ${i}`,
      kind: KINDS[i % KINDS.length],
      sector: SECTORS[i % SECTORS.length],
    })),
    ties: tieRows,
  };
}

function loader(actors: number, ties: number) {
  return async (graph: GraphService) => {
    const outcome = await importRows(graph, rowsFromDocument(syntheticNetwork(actors, ties)).rows);
    if (!outcome.ok) {
      throw new Error(`synthetic data did not load: ${JSON.stringify(outcome.errors[0])}`);
    }
  };
}

async function measure(actors: number, ties: number): Promise<void> {
  const e2e = await startE2E(loader(actors, ties));
  try {
    const page = await e2e.browser.newPage({ viewport: { width: 1280, height: 800 } });
    const started = Date.now();
    await page.goto(e2e.base);
    await drawn(page);
    // One more frame, so the first paint is included.
    await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => resolve(null))));
    const total = Date.now() - started;
    const mm = await page.evaluate(() => {
      const w = window as unknown as {
        __mm: { renderer: string; layoutMs: number };
        __cy: { elements(): { length: number } };
      };
      return {
        renderer: w.__mm.renderer,
        layoutMs: w.__mm.layoutMs,
        elements: w.__cy.elements().length,
      };
    });
    report(
      `map: ${actors} actors, ${mm.elements} elements: add + layout`,
      mm.layoutMs,
      `${mm.renderer} renderer`,
    );
    report(`map: ${actors} actors: page load to drawn`, total, 'includes the GraphQL fetches');
    await page.close();
  } finally {
    await e2e.close();
  }
}

export async function benchViz(): Promise<void> {
  await setup();
  await measure(2_000, 2_500);
  await measure(3_000, 4_000);
}
