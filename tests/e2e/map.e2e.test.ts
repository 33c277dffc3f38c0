/**
 * Journeys through the map in a real browser over a real server with the
 * Berg River sample. Screenshots go to tests/e2e/screenshots.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { E2E_TIMEOUT, SCREENSHOTS, drawn, draws, gqlOver, startE2E } from './harness.js';
import type { E2E } from './harness.js';

let e2e: E2E;
let page: Page;
const cspViolations: string[] = [];

interface Cy {
  nodes(selector?: string): { length: number; map<T>(fn: (n: CyEl) => T): T[] };
  edges(selector?: string): { length: number; map<T>(fn: (n: CyEl) => T): T[] };
  getElementById(id: string): CyEl;
  zoom(): number;
  pan(): { x: number; y: number };
}
interface CyEl {
  id(): string;
  selected(): boolean;
  hasClass(c: string): boolean;
  position(): { x: number; y: number };
  length: number;
}
declare const __cy: Cy;

const actorIds = () =>
  page.evaluate(() =>
    __cy
      .nodes('.actor')
      .map((n) => n.id())
      .sort(),
  );

async function networkIds(scope: Record<string, unknown> | null): Promise<string[]> {
  const data = await gqlOver<{ network: { nodes: { actor: { id: string } }[] } }>(
    e2e.base,
    'query($scope: ScopeInput) { network(scope: $scope, first: 20000) { nodes { actor { id } } } }',
    { scope },
  );
  return data.network.nodes.map((n) => n.actor.id).sort();
}

async function open(path = '/'): Promise<void> {
  await page.goto(`${e2e.base}${path}`);
  await drawn(page);
}

beforeAll(async () => {
  e2e = await startE2E();
  page = await e2e.browser.newPage({ viewport: { width: 1280, height: 800 } });
  page.on('pageerror', (error) => {
    throw error;
  });
  page.on('console', (message) => {
    if (/Content Security Policy|Refused to/.test(message.text()))
      cspViolations.push(message.text());
  });
}, 60_000);
afterAll(() => e2e?.close());

describe('the network map', { timeout: E2E_TIMEOUT }, () => {
  it('loads the sample: every actor of the network is on the map', async () => {
    await open();
    expect(await actorIds()).toEqual(await networkIds(null));
    expect((await actorIds()).length).toBeGreaterThan(20);
    expect(await page.locator('#status').textContent()).toContain('actors');
    await page.screenshot({ path: `${SCREENSHOTS}01-sample.png` });
  });

  it('follows the scope: choosing an issue and a place narrows the map and the URL', async () => {
    await open();
    const before = await draws(page);
    await page.fill('#issue-input', 'Water quality');
    await page.locator('#issue-input').dispatchEvent('change');
    await drawn(page, before);
    const mid = await draws(page);
    await page.fill('#place-input', 'Berg River catchment');
    await page.locator('#place-input').dispatchEvent('change');
    await drawn(page, mid);
    expect(page.url()).toContain('issue=water-quality');
    expect(page.url()).toContain('place=berg-river-catchment');
    const scoped = await networkIds({
      issueId: 'water-quality',
      jurisdictionId: 'berg-river-catchment',
    });
    expect(await actorIds()).toEqual(scoped);
    expect(scoped.length).toBeLessThan((await networkIds(null)).length);
    await page.screenshot({ path: `${SCREENSHOTS}02-scope.png` });
  });

  it('finds an actor, selects it and shows its mandates with their legal sources', async () => {
    await open('/?issue=water-quality');
    await page.fill('#search-input', 'Department of Water');
    await page.waitForFunction(() => document.querySelectorAll('#actor-options option').length > 0);
    const name = await page.locator('#actor-options option').first().getAttribute('value');
    await page.fill('#search-input', name!);
    await page.press('#search-input', 'Enter');
    await expect.poll(() => page.locator('[data-testid=actor-name]').textContent()).toBe(name);
    const selected = await page.evaluate(() => __cy.nodes(':selected').map((n) => n.id()));
    expect(selected).toHaveLength(1);
    await expect.poll(() => page.locator('#panel').textContent()).toContain('National Water Act');
    expect(page.url()).toContain(`sel=${selected[0]}`);
    await page.screenshot({ path: `${SCREENSHOTS}03-actor.png` });
  });

  it('toggles overlays: overlaps by nature, dashed collaboration gaps, stakeholder rings', async () => {
    await open('/?issue=water-quality&place=berg-river-catchment');
    for (const overlay of ['overlaps', 'gaps', 'stakeholders']) {
      const n = await draws(page);
      await page.check(`input[name=overlay][value=${overlay}]`);
      await drawn(page, n);
    }
    const counts = await page.evaluate(() => ({
      overlaps: __cy.edges('.overlap').length,
      natures: __cy
        .edges('.overlap')
        .map(
          (e) =>
            e.hasClass('nature-duplication') ||
            e.hasClass('nature-concurrent') ||
            e.hasClass('nature-complementary'),
        ),
      gaps: __cy.edges('.gap').length,
      stakeholders: __cy.nodes('.stakeholder').length,
    }));
    expect(counts.overlaps).toBeGreaterThan(0);
    expect(counts.natures.every(Boolean)).toBe(true);
    expect(counts.gaps).toBeGreaterThan(0);
    expect(counts.stakeholders).toBeGreaterThan(0);
    expect(page.url()).toContain('show=gaps%2Coverlaps%2Cstakeholders');
    await page.screenshot({ path: `${SCREENSHOTS}04-overlays.png` });
    const n = await draws(page);
    await page.uncheck('input[name=overlay][value=overlaps]');
    await drawn(page, n);
    expect(await page.evaluate(() => __cy.edges('.overlap').length)).toBe(0);
  });

  it('opens the function x level matrix and the maturity radar', async () => {
    await open('/?issue=water-quality&place=berg-river-catchment&panel=matrix');
    const matrix = page.locator('[data-testid=level-matrix]');
    await matrix.waitFor();
    expect(await matrix.locator('tbody tr').count()).toBe(3);
    await page.screenshot({ path: `${SCREENSHOTS}05-matrix.png` });
    await page.click('#tab-maturity');
    await page.locator('#partnership-select option').nth(1).waitFor({ state: 'attached' });
    const brip = await page.evaluate(
      () =>
        [...document.querySelectorAll<HTMLOptionElement>('#partnership-select option')].find((o) =>
          /BRIP Steering Committee/.test(o.textContent ?? ''),
        )?.value,
    );
    await page.selectOption('#partnership-select', brip!);
    const radar = page.locator('[data-testid=radar] svg');
    await radar.waitFor();
    expect(await radar.locator('polygon[data-band]').count()).toBe(3);
    expect(await radar.locator('polygon.baseline').count()).toBe(1);
    expect(await radar.locator('polygon.latest').count()).toBe(1);
    await page.screenshot({ path: `${SCREENSHOTS}06-radar.png` });
  });

  it('reproduces a view from a link', async () => {
    await open(
      '/?issue=water-quality&place=berg-river-catchment&sel=dws&layout=grid&show=overlaps&panel=actor&hops=2',
    );
    expect(await page.inputValue('#issue-input')).toBe('Water quality');
    expect(await page.inputValue('#layout-select')).toBe('grid');
    expect(await page.isChecked('input[name=overlay][value=overlaps]')).toBe(true);
    expect(await page.inputValue('#hops-select')).toBe('2');
    expect(await page.evaluate(() => __cy.getElementById('dws').selected())).toBe(true);
    await expect
      .poll(() => page.locator('[data-testid=actor-name]').textContent())
      .toMatch(/Water/);
  });

  it('runs under the server Content Security Policy without a violation', async () => {
    const res = await fetch(e2e.base);
    expect(res.headers.get('content-security-policy')).toMatch(/script-src 'self'/);
    expect(cspViolations).toEqual([]);
  });
});
