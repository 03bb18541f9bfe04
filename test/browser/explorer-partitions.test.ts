/**
 * Issue #13 item 5: the explorer reads tables split by region. A question about one region
 * fetches that region's file and no other (not the whole table either), and answers what the
 * whole published table answers; a question about every region says how much it downloads
 * before it does, and fetches each region's file once.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Papa from 'papaparse';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import { openBrowser } from '../support/browser.ts';
import { PARTITION_MANIFEST, type PartitionManifest } from '../../src/queries/partitions.ts';
import { clientWords } from '../../src/i18n/client-words.ts';
import { formatBytes, formatNumber } from '../../src/i18n/format.ts';

const siteUrl = inject('siteUrl');
const siteDir = inject('siteDir');
const manifest = JSON.parse(readFileSync(join(siteDir, 'data', PARTITION_MANIFEST), 'utf8')) as PartitionManifest;
const rowsOf = (table: string) =>
  Papa.parse<string[]>(readFileSync(join(siteDir, 'data', `${table}.csv`), 'utf8'), { skipEmptyLines: true }).data.slice(1);

async function answered(page: Page): Promise<string> {
  await page.waitForSelector('#result[data-state=done], #result[data-state=error], #result[data-state=held]', {
    state: 'attached',
    timeout: 90_000,
  });
  return (await page.getAttribute('#result', 'data-state')) ?? '';
}
const cells = (page: Page) => page.$$eval('#result td', (tds) => tds.map((td) => (td.textContent ?? '').trim()));

describe('the explorer reads region files', () => {
  let page: Page;
  let close: () => Promise<void> = async () => undefined;
  /** Every published data file the page fetched, in order. */
  const fetched: string[] = [];
  beforeAll(async () => {
    const browser = await openBrowser();
    close = browser.close;
    page = await browser.context.newPage();
    page.on('request', (r) => {
      const path = new URL(r.url()).pathname;
      if (path.startsWith('/data/')) fetched.push(path);
    });
    // Every line the status shows, also those replaced a moment later.
    await page.addInitScript(() => {
      const seen: string[] = [];
      (window as unknown as { statusLines: string[] }).statusLines = seen;
      new MutationObserver(() => {
        const text = document.getElementById('status')?.textContent ?? '';
        if (text && seen[seen.length - 1] !== text) seen.push(text);
      }).observe(document, { subtree: true, childList: true, characterData: true });
    });
  });
  afterAll(() => close());

  test('the sample is split: every region has its ikm_unit file', () => {
    expect(manifest.tabel.ikm_unit.map((f) => f.kode_wilayah)).toEqual(['binjai', 'jakarta', 'jayapura', 'manokwari', 'maulafa']);
    expect(manifest.tabel.wilayah).toBeUndefined();
  });

  test("a question about one region fetches that region's file only, and answers as the whole table does", async () => {
    fetched.length = 0;
    const sql =
      "SELECT count(*) AS baris, sum(responden) AS responden FROM ikm_unit JOIN wilayah USING (kode_wilayah) WHERE kode_wilayah = 'jakarta'";
    await page.goto(`${siteUrl}/en/jelajah/?q=${encodeURIComponent(sql)}`);
    expect(await answered(page)).toBe('done');
    const jakarta = rowsOf('ikm_unit').filter((r) => r[0] === 'jakarta');
    const header = Papa.parse<string[]>(readFileSync(join(siteDir, 'data', 'ikm_unit.csv'), 'utf8')).data[0];
    const responden = jakarta.reduce((s, r) => s + Number(r[header.indexOf('responden')]), 0);
    expect(await cells(page)).toEqual([formatNumber('en', jakarta.length), formatNumber('en', responden)]);
    const data = fetched.filter((p) => p.endsWith('.csv'));
    expect(data).toContain('/data/wilayah/jakarta/ikm_unit.csv');
    expect(data).toContain('/data/wilayah.csv');
    expect(data.filter((p) => p.includes('ikm_unit'))).toEqual(['/data/wilayah/jakarta/ikm_unit.csv']);
  });

  test('a question about every region says how much it downloads before it does, and fetches each file once', async () => {
    fetched.length = 0;
    const sql = 'SELECT count(*) AS baris FROM ikm_unit';
    await page.goto(`${siteUrl}/en/jelajah/?q=${encodeURIComponent(sql)}`);
    expect(await answered(page)).toBe('done');
    expect(await cells(page)).toEqual([formatNumber('en', rowsOf('ikm_unit').length)]);
    const files = manifest.tabel.ikm_unit;
    const bytes = files.reduce((s, f) => s + f.bytes, 0);
    const said = clientWords('en').downloadingRegions(
      'ikm_unit',
      formatNumber('en', files.length),
      formatNumber('en', files.length),
      formatBytes('en', bytes),
    );
    const lines = await page.evaluate(() => (window as unknown as { statusLines: string[] }).statusLines);
    expect(lines).toContain(said);
    expect(fetched.filter((p) => p.includes('ikm_unit')).sort()).toEqual(files.map((f) => `/data/${f.path}`).sort());
  });

  test('two regions, then a third: each file is fetched once, and the answers match the whole table', async () => {
    fetched.length = 0;
    await page.goto(`${siteUrl}/jelajah/`);
    const ask = async (sql: string) => {
      await page.fill('#sql', sql);
      await page.click('#run');
      await page
        .waitForFunction(() => document.getElementById('result')?.dataset.state === 'running', undefined, { timeout: 5000 })
        .catch(() => undefined);
      expect(await answered(page)).toBe('done');
      return cells(page);
    };
    const count = (codes: string[]) => formatNumber('id', rowsOf('unit').filter((r) => codes.includes(r[0])).length);
    expect(await ask("SELECT count(*) FROM unit WHERE kode_wilayah IN ('binjai', 'maulafa')")).toEqual([count(['binjai', 'maulafa'])]);
    expect(await ask("SELECT count(*) FROM unit WHERE kode_wilayah = 'binjai' OR kode_wilayah = 'jayapura'")).toEqual([
      count(['binjai', 'jayapura']),
    ]);
    expect(fetched.filter((p) => p.includes('/unit.csv')).sort()).toEqual([
      '/data/wilayah/binjai/unit.csv',
      '/data/wilayah/jayapura/unit.csv',
      '/data/wilayah/maulafa/unit.csv',
    ]);
  });
});
