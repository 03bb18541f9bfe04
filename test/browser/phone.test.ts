/**
 * Phones first (issue #10, item 7), on a 360 × 740 screen with JavaScript off:
 * - every chart's smallest text, as drawn (its computed size × the SVG's scale), is at least 11 px;
 * - the key columns of the IKM table (unit, IKM, mutu) and of the service tables (service or
 *   unit, tepat waktu %) are on screen without scrolling sideways.
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
