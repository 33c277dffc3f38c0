/**
 * The Data panel in a real browser over a real server with the Berg River
 * sample: a list checked, its problems shown where they are, imported, and
 * on the map without a reload; exports saved as files.
 */
import { readFile } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { E2E_TIMEOUT, SCREENSHOTS, drawn, draws, gqlOver, startE2E } from './harness.js';
import type { E2E } from './harness.js';

let e2e: E2E;
let page: Page;

declare const __cy: { getElementById(id: string): { length: number } };

const csv = (text: string) => ({ mimeType: 'text/csv', buffer: Buffer.from(text) });

beforeAll(async () => {
  e2e = await startE2E();
  page = await e2e.browser.newPage({
    viewport: { width: 1280, height: 800 },
    acceptDownloads: true,
  });
  page.on('pageerror', (error) => {
    throw error;
  });
}, 60_000);
afterAll(() => e2e?.close());

async function openData(): Promise<void> {
  await page.goto(`${e2e.base}/?panel=data`);
  await drawn(page);
  await page.getByRole('heading', { name: 'Bring in a list' }).waitFor();
}

describe('the Data panel', { timeout: E2E_TIMEOUT }, () => {
  it('shows what is wrong with a list, row by row, and writes nothing', async () => {
    await openData();
    await page.setInputFiles('#import-file', {
      name: 'stakeholders.csv',
      ...csv(
        'Name,Type,Sector\nPaarl River Watch,NGO,civil society\nWellington Trust,cabal,public\n',
      ),
    });
    await page.click('#import-check');
    const errors = page.getByTestId('import-errors');
    await errors.waitFor();
    expect(await page.getByTestId('import-counts').textContent()).toBe(
      'created 1, updated 0, unchanged 0, rejected 1',
    );
    const row = await errors.locator('tbody tr').first().locator('td').allTextContents();
    expect(row[0]).toBe('stakeholders.csv, row 3, Type');
    expect(row[1]).toBe('cabal');
    expect(await page.isDisabled('#import-commit')).toBe(true);
    const stored = await gqlOver<{ actor: unknown }>(
      e2e.base,
      '{ actor(id: "paarl-river-watch") { id } }',
    );
    expect(stored.actor).toBeNull();
    await page.screenshot({ path: `${SCREENSHOTS}data-problems.png` });
    const [saved] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Save the problem (.csv)' }).click(),
    ]);
    expect(saved.suggestedFilename()).toBe('stakeholders-problems.csv');
    const lines = (await readFile((await saved.path())!, 'utf8')).split('\r\n');
    expect(lines[1]).toMatch(/^error,stakeholders\.csv,3,Type,cabal,INVALID_INPUT,/);
  });

  it('says why a file cannot be read at all', async () => {
    await openData();
    await page.setInputFiles('#import-file', {
      name: 'latin1.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from([...Buffer.from('name,kind,sector\nCaf'), 0xe9, 0x0a]),
    });
    await page.click('#import-check');
    const alert = page.getByTestId('import-report').getByRole('alert');
    await alert.waitFor();
    expect(await alert.textContent()).toMatch(/^the file is not UTF-8 .*save it as UTF-8/);
    expect(await page.isDisabled('#import-commit')).toBe(true);
  });

  it('reads a list whose name does not say what it holds as the type chosen', async () => {
    await openData();
    await page.setInputFiles('#import-file', {
      name: 'list.csv',
      ...csv(
        'id,title,function,strength,holder,issues,places\nm1,Permits,regulate,core,dws,water-quality,south-africa\n',
      ),
    });
    await page.click('#import-check');
    await page.getByTestId('import-errors').waitFor();
    expect(await page.getByTestId('import-errors').textContent()).toContain('UNKNOWN_FILE_TYPE');
    await page.selectOption('#import-type', 'mandates');
    await page.click('#import-check');
    await page.getByText('list.csv is ready to import.').waitFor();
    expect(await page.getByTestId('import-counts').textContent()).toBe(
      'created 1, updated 0, unchanged 0, rejected 0',
    );
    // a clean check as mandates is no clean check as anything else
    await page.selectOption('#import-type', 'actors');
    expect(await page.isDisabled('#import-commit')).toBe(true);
  });

  it('checks a list, imports it, and the map shows it without a reload', async () => {
    await openData();
    await page.evaluate(() => {
      (window as unknown as { __marker: number }).__marker = 7;
    });
    await page.setInputFiles('#import-file', {
      name: 'stakeholders.csv',
      ...csv('Name,Type,Sector\nPaarl River Watch,NGO,civil society\n'),
    });
    await page.click('#import-check');
    await page.getByText('stakeholders.csv is ready to import.').waitFor();
    expect(await page.isEnabled('#import-commit')).toBe(true);
    const n = await draws(page);
    await page.click('#import-commit');
    await page.getByText('Imported stakeholders.csv.').waitFor();
    await drawn(page, n);
    expect(await page.evaluate(() => __cy.getElementById('paarl-river-watch').length)).toBe(1);
    // the same page, and the report kept through the redraw
    expect(await page.evaluate(() => (window as unknown as { __marker?: number }).__marker)).toBe(
      7,
    );
    await page.getByText('Imported stakeholders.csv.').waitFor();
    expect(await page.isDisabled('#import-commit')).toBe(true);

    await page.click('#import-check');
    await page
      .getByText('Every row of stakeholders.csv is as stored: importing it would change nothing.')
      .waitFor();
  });

  it('saves the workbook and the network in view as files', async () => {
    await page.goto(`${e2e.base}/?panel=data&issue=water-quality`);
    await drawn(page);
    const [workbook] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Workbook (.xlsx)' }).click(),
    ]);
    expect(workbook.suggestedFilename()).toBe('mandatemap.xlsx');
    const bytes = await readFile((await workbook.path())!);
    expect(bytes.subarray(0, 2).toString()).toBe('PK');
    const [network] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Network in view (.graphml)' }).click(),
    ]);
    expect(network.suggestedFilename()).toBe('actors.graphml');
    const xml = await readFile((await network.path())!, 'utf8');
    // the network of the issue in view, as the API gives it
    const scoped = await fetch(`${e2e.base}/api/export/graphml?issueId=water-quality`);
    const whole = await fetch(`${e2e.base}/api/export/graphml`);
    expect(xml).toBe(await scoped.text());
    expect(xml).not.toBe(await whole.text());
    await page.getByText('Saved actors.graphml.').waitFor();
  });
});
