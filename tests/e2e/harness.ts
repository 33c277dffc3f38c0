/**
 * A real server (the sample on an in-memory store, the test build of the map)
 * and a real browser: Debian's Chromium through playwright-core. A missing
 * browser fails the run; it is never skipped.
 */
import { existsSync, mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { FastifyInstance } from 'fastify';
import { chromium } from 'playwright-core';
import type { Browser, Page } from 'playwright-core';
import { buildApp } from '../../api/app.js';
import { testConfig } from '../../api/config.js';
import { loadBergRiverSample } from '../../graph/index.js';
import type { GraphService } from '../../graph/index.js';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const CHROMIUM_FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
/**
 * The time limit of a map test: above drawn's 30 s wait, so that a first
 * draw slowed by a loaded machine fails with drawn's own message, if at all,
 * rather than at the test runner's default 20 s.
 */
export const E2E_TIMEOUT = 60_000;

export const SCREENSHOTS = fileURLToPath(new URL('./screenshots/', import.meta.url));
const VIZ_TEST_BUILD = fileURLToPath(new URL('../../viz/dist-test', import.meta.url));

export interface E2E {
  app: FastifyInstance;
  base: string;
  browser: Browser;
  close(): Promise<void>;
}

export async function startE2E(
  load: (graph: GraphService) => Promise<unknown> = loadBergRiverSample,
): Promise<E2E> {
  if (!existsSync(CHROMIUM)) {
    throw new Error(
      `no browser at ${CHROMIUM}: install Debian's chromium (apt-get install -y chromium) or set CHROMIUM_PATH`,
    );
  }
  mkdirSync(SCREENSHOTS, { recursive: true });
  const app = await buildApp(testConfig({ vizDir: VIZ_TEST_BUILD }));
  await load(app.graph);
  await app.listen({ host: '127.0.0.1', port: 0 });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_FLAGS });
  return {
    app,
    base: `http://127.0.0.1:${port}`,
    browser,
    async close() {
      await browser.close();
      await app.close();
    },
  };
}

/** Waits until the map has finished a draw after `since` draws. */
export async function drawn(page: Page, since = 0): Promise<void> {
  const handle = await page.waitForFunction(
    (n) => {
      const mm = (
        window as unknown as { __mm?: { ready: boolean; draws: number; error: string | null } }
      ).__mm;
      if (!mm || !mm.ready) return false;
      return mm.error ? `error: ${mm.error}` : mm.draws > n ? 'ok' : false;
    },
    since,
    { timeout: 30_000 },
  );
  const outcome = await handle.jsonValue();
  if (outcome !== 'ok') throw new Error(`the map did not draw: ${String(outcome)}`);
}

export async function draws(page: Page): Promise<number> {
  return page.evaluate(() => (window as unknown as { __mm: { draws: number } }).__mm.draws);
}

export async function gqlOver<T>(
  base: string,
  query: string,
  variables: Record<string, unknown> = {},
): Promise<T> {
  const response = await fetch(`${base}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as { data: T; errors?: unknown[] };
  if (body.errors) throw new Error(JSON.stringify(body.errors));
  return body.data;
}
