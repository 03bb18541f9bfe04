/**
 * Phones first (issue #10, item 7), on a 360 × 740 screen with JavaScript off:
 * - every chart's smallest text, as drawn (its computed size × the SVG's scale), is at least 11 px;
 * - the key columns of the IKM table (unit, IKM, mutu) and of the service tables (service or
 *   unit, tepat waktu %) are on screen without scrolling sideways;
 * - the compare page's result table, built or redrawn by the script, needs no sideways scrolling at all.
 */
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import { openBrowser } from '../support/browser.ts';

const siteUrl = inject('siteUrl');
const siteDir = inject('siteDir');
const subdirs = (dir: string): string[] =>
  existsSync(dir)
    ? readdirSync(dir, { withFileTypes: true })
        .filter((d) => d.isDirectory())
        .map((d) => d.name)
        .sort()
    : [];
const regions = subdirs(join(siteDir, 'wilayah'));
/** Each region's page, its first unit's and its first service's, in both languages; and the compare page. */
const pages = [
  ...regions.flatMap((k) => [
    `/wilayah/${k}/`,
    ...subdirs(join(siteDir, 'wilayah', k, 'unit'))
      .slice(0, 1)
      .map((u) => `/wilayah/${k}/unit/${u}/`),
    ...subdirs(join(siteDir, 'wilayah', k, 'layanan'))
      .slice(0, 1)
      .map((l) => `/wilayah/${k}/layanan/${l}/`),
  ]),
  '/bandingkan/',
].flatMap((p) => [p, `/en${p}`]);

let opened: Awaited<ReturnType<typeof openBrowser>>;
let page: Page;
beforeAll(async () => {
  opened = await openBrowser({ javaScriptEnabled: false, viewport: { width: 360, height: 740 } });
  page = await opened.context.newPage();
});
afterAll(async () => opened?.close());

describe('on a 360 px phone', () => {
  test('no chart text is drawn smaller than 11 px', async () => {
    const small: string[] = [];
    let charts = 0;
    for (const path of pages) {
      await page.goto(`${siteUrl}${path}`);
      const sizes = await page.$$eval('svg[role=img][viewBox]', (svgs) =>
        (svgs as SVGSVGElement[]).map((svg) => {
          const box = svg.getBoundingClientRect();
          // A drawing not shown on a phone (a dense heatmap, given as a list there) has no size to read.
          if (box.width === 0) return { chart: '', px: Infinity };
          const view = svg.viewBox.baseVal;
          const scale = Math.min(box.width / view.width, box.height / view.height);
          const smallest = Math.min(...[...svg.querySelectorAll('text')].map((t) => parseFloat(getComputedStyle(t).fontSize)));
          return { chart: svg.getAttribute('aria-label') ?? '', px: smallest * scale };
        }),
      );
      charts += sizes.length;
      for (const s of sizes) if (s.px < 11) small.push(`${path} ${s.chart}: ${s.px.toFixed(1)} px`);
    }
    expect(charts).toBeGreaterThan(20);
    expect(small).toEqual([]);
  });

  test('a heatmap of more than six months is a list, one line per row, with its latest month', async () => {
    let lists = 0;
    const wrong: string[] = [];
    for (const path of pages.filter((p) => /\/wilayah\/[^/]+\/$/.test(p))) {
      await page.goto(`${siteUrl}${path}`);
      const found = await page.$$eval('figure', (figs) =>
        figs
          .filter((f) => f.querySelector('.chart-svg.has-phone-list'))
          .map((f) => ({
            id: f.id,
            svgShown: (f.querySelector('.chart-svg') as HTMLElement).offsetParent !== null,
            items: [...f.querySelectorAll('.phone-list li')].map((li) => ({
              shown: (li as HTMLElement).offsetParent !== null,
              text: li.textContent ?? '',
              figures: li.querySelectorAll('data[data-tabel]').length,
            })),
          })),
      );
      for (const f of found) {
        lists++;
        if (f.svgShown) wrong.push(`${path}#${f.id}: the heatmap is still drawn`);
        if (f.items.length === 0 || f.items.some((i) => !i.shown)) wrong.push(`${path}#${f.id}: list not shown`);
        // every line says its latest month: a figure of it, or that there is no data
        for (const i of f.items)
          if (i.figures === 0 && !/tidak ada data|no data for/.test(i.text)) wrong.push(`${path}#${f.id}: ${i.text}`);
      }
    }
    expect(lists).toBeGreaterThan(3);
    expect(wrong).toEqual([]);
    // on a desktop the drawing stays and the list is not shown
    await page.setViewportSize({ width: 1280, height: 800 });
    try {
      await page.goto(`${siteUrl}/wilayah/jakarta/`);
      const wide = await page.$$eval('.chart-svg.has-phone-list', (els) =>
        els.map((e) => [(e as HTMLElement).offsetParent !== null, (e.nextElementSibling as HTMLElement).offsetParent !== null]),
      );
      expect(wide.length).toBeGreaterThan(0);
      expect(wide.every(([drawing, list]) => drawing && !list)).toBe(true);
    } finally {
      await page.setViewportSize({ width: 360, height: 740 });
    }
  });

  /** The compare result's table against its box, and where its key headers end. */
  const compareFit = (p: Page) =>
    p.$eval('#comparison .table-scroll', (box) => ({
      scroll: box.scrollWidth,
      client: box.clientWidth,
      heads: [...box.querySelectorAll('thead th')]
        .filter((th) => (th as HTMLElement).offsetParent !== null)
        .map((th) => ({ text: th.textContent ?? '', right: th.getBoundingClientRect().right })),
      rows: box.querySelectorAll('tbody tr').length,
    }));
  /** The key headers of the default (IKM) comparison, Indonesian and English. */
  const compareKeys = (path: string) =>
    path.startsWith('/en/') ? ['Unit', 'Period', 'Satisfaction index (IKM)'] : ['Unit', 'Periode', 'IKM'];

  test.each(['/bandingkan/', '/en/bandingkan/'])('the compare result (%s, built) fits the screen, its key columns first', async (path) => {
    await page.goto(`${siteUrl}${path}`);
    const fit = await compareFit(page);
    expect(fit.rows).toBeGreaterThan(5);
    expect(fit.scroll).toBeLessThanOrEqual(fit.client);
    expect(fit.heads.map((h) => h.text)).toEqual(compareKeys(path));
    for (const h of fit.heads) expect(h.right, h.text).toBeLessThanOrEqual(360);
  });

  test('the compare result redrawn by the script fits the screen too, in both languages', async () => {
    const live = await openBrowser({ viewport: { width: 360, height: 740 } });
    try {
      const p = await live.context.newPage();
      // Every period of the IKM: the longest answer of the measure, its period names in words.
      for (const path of ['/bandingkan/?ukuran=ikm', '/en/bandingkan/?ukuran=ikm']) {
        await p.goto(`${siteUrl}${path}`);
        await p.waitForSelector('#comparison[data-state=done]', { state: 'attached', timeout: 90_000 });
        const fit = await compareFit(p);
        expect(fit.rows, path).toBeGreaterThan(10);
        expect(fit.scroll, path).toBeLessThanOrEqual(fit.client);
        expect(fit.heads.map((h) => h.text)).toEqual(compareKeys(path));
      }
    } finally {
      await live.close();
    }
  }, 180_000);

  test('the key columns are on screen without scrolling sideways', async () => {
    /** Figure id → the headers that must show, Indonesian and English. */
    const key: Record<string, string[][]> = {
      ikm: [
        ['Unit', 'IKM', 'Mutu'],
        ['Unit', 'Index', 'Grade'],
      ],
      'ikm-tren': [
        ['Periode', 'IKM', 'Mutu'],
        ['Period', 'Index', 'Grade'],
      ],
      ketepatan: [
        ['Layanan', 'Tepat waktu (%)'],
        ['Service', 'On time (%)'],
      ],
      layanan: [
        ['Layanan', 'Tepat waktu (%)'],
        ['Service', 'On time (%)'],
      ],
      'ketepatan-bulanan': [
        ['Unit', 'Tepat waktu (%)'],
        ['Unit', 'On time (%)'],
      ],
    };
    const off: string[] = [];
    let checked = 0;
    for (const path of pages.filter((p) => p.includes('/wilayah/'))) {
      await page.goto(`${siteUrl}${path}`);
      const width = await page.evaluate(() => window.innerWidth);
      const en = path.startsWith('/en/');
      for (const [id, [idHeads, enHeads]] of Object.entries(key)) {
        const heads = en ? enHeads : idHeads;
        const found = await page.$$eval(`figure#${id} table thead th`, (ths) =>
          ths.map((th) => ({ text: th.textContent?.trim() ?? '', right: th.getBoundingClientRect().right })),
        );
        if (found.length === 0) continue;
        checked++;
        for (const h of heads) {
          const th = found.find((f) => f.text === h);
          if (!th || th.right > width) off.push(`${path}#${id} ${h}: ${th ? `${Math.round(th.right)} px` : 'missing'}`);
        }
      }
    }
    expect(checked).toBeGreaterThan(5);
    expect(off).toEqual([]);
  });
});
