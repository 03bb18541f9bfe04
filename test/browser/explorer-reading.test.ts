/**
 * Issue #10 item 9: the explorer reads like the pages. Numbers in the page's language at the
 * published scale (the CSV keeps DuckDB's raw values), the language switch carries the query in
 * the box, and a keyboard-usable button copies the query's link and says so, in both languages.
 */
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import { openBrowser } from '../support/browser.ts';
import { clientWords } from '../../src/i18n/client-words.ts';

const siteUrl = inject('siteUrl');
const NOISY = 'SELECT 26989.32999999998::DOUBLE AS rata, 2025 AS tahun, 12345 AS responden, 90::DOUBLE AS ikm';

async function answered(page: Page): Promise<string> {
  await page.waitForSelector('#result[data-state=done], #result[data-state=error], #result[data-state=held]', {
    state: 'attached',
    timeout: 60_000,
  });
  return (await page.getAttribute('#result', 'data-state')) ?? '';
}
const cells = (page: Page) => page.$$eval('#result td', (tds) => tds.map((td) => (td.textContent ?? '').trim()));

describe('the explorer reads like the pages', () => {
  let page: Page;
  let close: () => Promise<void> = async () => undefined;
  beforeAll(async () => {
    const browser = await openBrowser();
    close = browser.close;
    await browser.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: siteUrl });
    page = await browser.context.newPage();
  });
  afterAll(() => close());

  test('numbers in the page’s language at the published scale; the CSV keeps the raw values', async () => {
    await page.goto(`${siteUrl}/jelajah/?q=${encodeURIComponent(NOISY)}`);
    expect(await answered(page)).toBe('done');
    expect(await cells(page)).toEqual(['26.989,33', '2025', '12.345', '90,00']);
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('#download')]);
    expect(readFileSync((await download.path())!, 'utf8')).toContain('26989.32999999998,2025,12345,90');

    await page.goto(`${siteUrl}/en/jelajah/?q=${encodeURIComponent(NOISY)}`);
    expect(await answered(page)).toBe('done');
    expect(await cells(page)).toEqual(['26,989.33', '2025', '12,345', '90.00']);
  });

  test('switching language keeps the query in the box, run or not, and answers it there', async () => {
    await page.goto(`${siteUrl}/jelajah/`);
    const typed = 'SELECT count(*) AS wilayah FROM wilayah';
    await page.fill('#sql', typed);
    await Promise.all([page.waitForURL((u) => u.pathname === '/en/jelajah/'), page.click('a.lang-switch')]);
    expect(new URLSearchParams(await page.evaluate(() => location.search)).get('q')).toBe(typed);
    expect(await page.inputValue('#sql')).toBe(typed);
    expect(await answered(page)).toBe('done');
  });

  test.each([
    ['id', '/jelajah/'],
    ['en', '/en/jelajah/'],
  ] as const)('%s: the copy-link button works from the keyboard and says it copied', async (lang, path) => {
    const words = clientWords(lang);
    await page.goto(siteUrl + path);
    const typed = "SELECT nama_wilayah FROM wilayah WHERE kode_wilayah = 'x y'";
    await page.fill('#sql', typed);
    expect((await page.textContent('#copy-link'))?.trim()).toBe(words.copyLink);
    await page.focus('#copy-link');
    await page.keyboard.press('Enter');
    await page.waitForFunction((text) => document.getElementById('copy-note')?.textContent === text, words.linkCopied);
    const copied = new URL(await page.evaluate(() => navigator.clipboard.readText()));
    expect(copied.origin + copied.pathname).toBe(siteUrl + path);
    expect(copied.searchParams.get('q')).toBe(typed);
  });
});
