/**
 * The map stays true and safe: live updates without a reload that keep the
 * user's place, hostile names shown as text, exports, keyboard labels, and a
 * narrow screen.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { E2E_TIMEOUT, SCREENSHOTS, drawn, draws, gqlOver, startE2E } from './harness.js';
import type { E2E } from './harness.js';

let e2e: E2E;
let page: Page;

interface CyEl {
  id(): string;
  position(): { x: number; y: number };
  length: number;
}
declare const __cy: {
  nodes(selector?: string): { length: number; map<T>(fn: (n: CyEl) => T): T[] };
  getElementById(id: string): CyEl;
  zoom(): number;
  pan(): { x: number; y: number };
};

const HOSTILE = '<img src=x onerror="window.__pwned=1">';

beforeAll(async () => {
  e2e = await startE2E();
  page = await e2e.browser.newPage({
    viewport: { width: 1280, height: 800 },
    acceptDownloads: true,
  });
}, 60_000);
afterAll(() => e2e?.close());

describe('the map, live and safe', { timeout: E2E_TIMEOUT }, () => {
  it('shows a new actor without a reload and keeps the view and positions', async () => {
    await page.goto(e2e.base);
    await drawn(page);
    await page.evaluate(() => {
      (window as unknown as { __marker: number }).__marker = 42;
    });
    const before = await page.evaluate(() => ({
      zoom: __cy.zoom(),
      pan: __cy.pan(),
      dws: __cy.getElementById('dws').position(),
      count: __cy.nodes('.actor').length,
    }));
    const n = await draws(page);
    await gqlOver(
      e2e.base,
      'mutation($input: CreateActorInput!) { createActor(input: $input) { id } }',
      {
        input: { id: 'hostile', name: HOSTILE, kind: 'NGO', sector: 'CIVIL_SOCIETY' },
      },
    );
    await drawn(page, n);
    const after = await page.evaluate(() => ({
      zoom: __cy.zoom(),
      pan: __cy.pan(),
      dws: __cy.getElementById('dws').position(),
      count: __cy.nodes('.actor').length,
      marker: (window as unknown as { __marker?: number }).__marker,
    }));
    expect(after.marker).toBe(42);
    expect(after.count).toBe(before.count + 1);
    expect(after.zoom).toBeCloseTo(before.zoom, 5);
    expect(after.pan.x).toBeCloseTo(before.pan.x, 3);
    expect(after.dws.x).toBeCloseTo(before.dws.x, 3);
    expect(after.dws.y).toBeCloseTo(before.dws.y, 3);
  });

  it('shows names with markup as text and never runs them', async () => {
    await page.goto(`${e2e.base}/?sel=hostile`);
    await drawn(page);
    await expect.poll(() => page.locator('[data-testid=actor-name]').textContent()).toBe(HOSTILE);
    expect(await page.locator('#panel img').count()).toBe(0);
    expect(
      await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned),
    ).toBeUndefined();
    const svg = await page.evaluate(() =>
      (window as unknown as { __mm: { svg(): string } }).__mm.svg(),
    );
    expect(svg).toContain('&lt;img src=x onerror=&quot;window.__pwned=1&quot;&gt;');
  });

  it('saves the map as PNG and as well-formed SVG', async () => {
    const [png] = await Promise.all([page.waitForEvent('download'), page.click('#png-button')]);
    expect(png.suggestedFilename()).toBe('mandatemap.png');
    const pngPath = `${SCREENSHOTS}export.png`;
    await png.saveAs(pngPath);
    const [svg] = await Promise.all([page.waitForEvent('download'), page.click('#svg-button')]);
    expect(svg.suggestedFilename()).toBe('mandatemap.svg');
    const svgPath = `${SCREENSHOTS}export.svg`;
    await svg.saveAs(svgPath);
    const { readFileSync, statSync } = await import('node:fs');
    expect(readFileSync(pngPath).subarray(1, 4).toString()).toBe('PNG');
    expect(statSync(pngPath).size).toBeGreaterThan(10_000);
    const text = readFileSync(svgPath, 'utf8');
    const parsed = await page.evaluate((t) => {
      const doc = new DOMParser().parseFromString(t, 'image/svg+xml');
      return {
        error: doc.querySelector('parsererror')?.textContent ?? null,
        circles: doc.querySelectorAll('circle, rect, polygon').length,
      };
    }, text);
    expect(parsed.error).toBeNull();
    expect(parsed.circles).toBeGreaterThan(30);
  });

  it('labels every control and reaches them with the keyboard', async () => {
    await page.goto(e2e.base);
    await drawn(page);
    const unlabelled = await page.evaluate(() =>
      [...document.querySelectorAll('input, select, button')]
        .filter((el) => {
          const e = el as HTMLInputElement;
          const text =
            (e.labels?.[0]?.textContent ?? '') +
            (e.getAttribute('aria-label') ?? '') +
            (e.tagName === 'BUTTON' ? (e.textContent ?? '') : '');
          return text.trim() === '';
        })
        .map((el) => el.outerHTML),
    );
    expect(unlabelled).toEqual([]);
    const reached = new Set<string>();
    await page.locator('body').focus();
    for (let i = 0; i < 30; i++) {
      await page.keyboard.press('Tab');
      reached.add(
        await page.evaluate(
          () => document.activeElement?.id || document.activeElement?.getAttribute('name') || '',
        ),
      );
    }
    for (const id of [
      'issue-input',
      'place-input',
      'search-input',
      'layout-select',
      'overlay',
      'fit-button',
      'svg-button',
    ]) {
      expect(reached).toContain(id);
    }
    await page.focus('#tab-actor');
    await page.keyboard.press('ArrowRight');
    expect(await page.getAttribute('#tab-matrix', 'aria-selected')).toBe('true');
  });

  it('stays readable on a narrow screen', async () => {
    const narrow = await e2e.browser.newPage({ viewport: { width: 390, height: 844 } });
    await narrow.goto(`${e2e.base}/?sel=dws`);
    await drawn(narrow);
    const fits = await narrow.evaluate(
      () => document.documentElement.scrollWidth <= window.innerWidth + 1,
    );
    expect(fits).toBe(true);
    expect(await narrow.locator('#cy').boundingBox()).toMatchObject({ width: expect.any(Number) });
    expect((await narrow.locator('#cy').boundingBox())!.height).toBeGreaterThan(300);
    await narrow.screenshot({ path: `${SCREENSHOTS}07-narrow.png`, fullPage: true });
    await narrow.close();
  });

  it('asks for an API token when the server requires one, then shows the map', async () => {
    const { token } = e2e.app.tokens.create('viewer', 'e2e');
    await new Promise((resolve) => setTimeout(resolve, 1_100)); // token file re-read at most once a second
    const fresh = await e2e.browser.newPage({ viewport: { width: 1280, height: 800 } });
    await fresh.goto(e2e.base);
    await fresh.locator('#token-form').waitFor({ state: 'visible' });
    await fresh.fill('#token-input', token);
    await fresh.click('#token-form button[type=submit]');
    await drawn(fresh);
    expect(await fresh.evaluate(() => __cy.nodes('.actor').length)).toBeGreaterThan(20);
    await fresh.close();
  });
});
