/**
 * Small reader-facing details from the UX review, on the built sample site:
 *
 * - the keyboard focus indicator stands out (≥ 3:1, WCAG 2.2 1.4.11 / 2.4.13) on white;
 * - the language switch keeps the query and the fragment (the explorer's SQL, a search);
 * - an embed page asks for nothing that is not there (no /favicon.ico 404);
 * - search finds what regions have, not the sections saying they did not send it, and finds a
 *   service by its code;
 * - a service many units offer is drawn as a panel per unit, and summed up by its highest and
 *   lowest unit, not a sentence naming every unit.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { openBrowser } from '../support/browser.ts';
import { serveStatic } from '../support/static-server.ts';

const siteUrl = inject('siteUrl');
const siteDir = inject('siteDir');

const subdirs = (dir: string): string[] =>
  existsSync(dir)
    ? readdirSync(dir, { withFileTypes: true })
        .filter((d) => d.isDirectory())
        .map((d) => d.name)
        .sort()
    : [];
const region = subdirs(join(siteDir, 'wilayah'))[0];

let browser: { context: BrowserContext; close: () => Promise<void> };
beforeAll(async () => {
  browser = await openBrowser();
});
afterAll(async () => {
  await browser?.close();
});

async function open(path: string, base = siteUrl): Promise<Page> {
  const page = await browser.context.newPage();
  const res = await page.goto(base + path, { waitUntil: 'load' });
  expect(res?.status(), path).toBe(200);
  return page;
}

// ——— Contrast, as WCAG defines it ———

/** `rgb(…)` / `rgba(…)` as computed by the browser, composited over white. */
function parseColour(css: string): [number, number, number] {
  const m = css.match(/rgba?\(([^)]+)\)/);
  if (!m) throw new Error(`unexpected colour ${css}`);
  const [r, g, b, a = 1] = m[1]
    .split(/[\s,/]+/)
    .filter(Boolean)
    .map(Number);
  return [r, g, b].map((c) => c * a + 255 * (1 - a)) as [number, number, number];
}
function luminance([r, g, b]: [number, number, number]): number {
  const lin = (c: number) => {
    const s = c / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
}
function contrast(a: [number, number, number], b: [number, number, number]): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi + 0.05) / (lo + 0.05);
}
const WHITE: [number, number, number] = [255, 255, 255];

describe('focus indicator', () => {
  it('every element reached by Tab on the home and a region page shows an outline ≥ 3:1 against white', async () => {
    for (const path of ['/', `/wilayah/${region}/`]) {
      const page = await open(path);
      const seen: string[] = [];
      for (let i = 0; i < 8; i++) {
        await page.keyboard.press('Tab');
        const focus = await page.evaluate(() => {
          const el = document.activeElement as HTMLElement | null;
          if (!el || el === document.body) return null;
          const s = getComputedStyle(el);
          return {
            what: `${el.tagName.toLowerCase()}.${el.className} "${(el.textContent ?? '').trim().slice(0, 30)}"`,
            style: s.outlineStyle,
            width: parseFloat(s.outlineWidth),
            colour: s.outlineColor,
            visible: el.matches(':focus-visible'),
          };
        });
        if (!focus) continue;
        seen.push(focus.what);
        expect(focus.visible, focus.what).toBe(true);
        expect(focus.style, focus.what).not.toBe('none');
        expect(focus.width, focus.what).toBeGreaterThanOrEqual(2);
        expect(contrast(parseColour(focus.colour), WHITE), `${focus.what}: ${focus.colour}`).toBeGreaterThanOrEqual(3);
      }
      expect(seen.length, path).toBeGreaterThan(3);
      await page.close();
    }
  });
});

describe('language switch keeps the query and the fragment', () => {
  async function follow(from: string): Promise<URL> {
    const page = await open(from);
    await Promise.all([page.waitForURL((u) => u.pathname !== new URL(siteUrl + from).pathname), page.click('a.lang-switch')]);
    const url = new URL(page.url());
    await page.close();
    return url;
  }

  it('from /jelajah/?q=SELECT%201 to /en/jelajah/?q=SELECT%201', async () => {
    const url = await follow('/jelajah/?q=SELECT%201');
    expect(url.pathname).toBe('/en/jelajah/');
    expect(url.searchParams.get('q')).toBe('SELECT 1');
  });

  it('keeps a fragment, and works back from English', async () => {
    const there = await follow(`/wilayah/${region}/#pengaduan`);
    expect(there.pathname + there.hash).toBe(`/en/wilayah/${region}/#pengaduan`);
    const back = await follow(`/en/cari/?q=KTP`);
    expect(back.pathname + back.search).toBe('/cari/?q=KTP');
  });

  it('the static link (no JavaScript) still names the bare page of the other language', async () => {
    const page = await open(`/wilayah/${region}/?x=1`);
    expect(await page.getAttribute('a.lang-switch', 'href')).toBe(`/en/wilayah/${region}/`);
    await page.close();
  });
});

describe('embed pages', () => {
  it('an embed page requests nothing that answers 404 (favicon included)', async () => {
    // Chromium does not report favicon requests to the page, so the server keeps the log.
    const server = await serveStatic(siteDir);
    const missing: string[] = [];
    server.server.on('request', (req, res) => res.on('finish', () => res.statusCode === 404 && missing.push(req.url ?? '')));
    try {
      const embeds = subdirs(join(siteDir, 'embed', 'wilayah', region));
      expect(embeds.length).toBeGreaterThan(0);
      const page = await open(`/embed/wilayah/${region}/${embeds[0]}/`, server.url);
      await page.waitForTimeout(800);
      await page.close();
      expect(missing).toEqual([]);
    } finally {
      // The browser keeps its connection alive; close() alone would wait for it.
      server.server.closeAllConnections();
      await server.close();
    }
  });
});

describe('search', () => {
  it('a section a region did not send is no search result ("did not send" never matches)', async () => {
    // Binjai and Maulafa send no complaints file in the sample: their pages say so, in words.
    const page = await open('/en/cari/?q=complaints');
    await page.waitForSelector('#hasil .results li', { timeout: 15_000 });
    const excerpts = await page.$$eval('#hasil .results li', (lis) => lis.map((li) => li.textContent ?? ''));
    await page.close();
    expect(excerpts.length).toBeGreaterThan(0);
    expect(excerpts.filter((e) => /did not send/.test(e))).toEqual([]);
  });

  it('a service code, as the exports write it, finds its service page', async () => {
    // A code that is no word of the service's name (SKTM: Surat Keterangan Tidak Mampu).
    const heading = (k: string, l: string) =>
      /<h1[^>]*>([\s\S]*?)<\/h1>/.exec(readFileSync(join(siteDir, 'wilayah', k, 'layanan', l, 'index.html'), 'utf8'))?.[1].toLowerCase() ??
      '';
    const [kode, layanan] = subdirs(join(siteDir, 'wilayah'))
      .flatMap((k) => subdirs(join(siteDir, 'wilayah', k, 'layanan')).map((l) => [k, l]))
      .find(
        ([k, l]) =>
          !l
            .toLowerCase()
            .split('-')
            .some((part) => heading(k, l).includes(part)),
      )!;
    const page = await open(`/cari/?q=${encodeURIComponent(layanan.toLowerCase())}`);
    await page.waitForSelector('#hasil .results li a', { timeout: 15_000 });
    const hrefs = await page.$$eval('#hasil .results li a', (as) => as.map((a) => a.getAttribute('href') ?? ''));
    await page.close();
    expect(hrefs).toContain(`/wilayah/${kode}/layanan/${layanan}/`);
  });
});

describe('a service many units offer', () => {
  // The service with the most units in the published table: Jakarta's KTP and KK have eleven.
  const [kode, layanan, units] = (() => {
    const [head, ...lines] = readFileSync(join(siteDir, 'data', 'ketepatan_layanan.csv'), 'utf8')
      .trim()
      .split('\n');
    const col = (name: string) => head.split(',').indexOf(name);
    const byService = new Map<string, Set<string>>();
    for (const l of lines) {
      const c = l.split(',');
      const key = `${c[col('kode_wilayah')]}/${c[col('kode_layanan')]}`;
      byService.set(key, (byService.get(key) ?? new Set()).add(c[col('kode_unit')]));
    }
    const [key, set] = [...byService].sort((a, b) => b[1].size - a[1].size)[0];
    return [...key.split('/'), set.size] as [string, string, number];
  })();

  it('is drawn as a panel per unit, each named, and summed up by its highest and lowest unit', async () => {
    expect(units).toBeGreaterThanOrEqual(8);
    const page = await open(`/wilayah/${kode}/layanan/${layanan}/`);
    for (const id of ['ketepatan-bulanan', 'waktu-proses']) {
      const figure = page.locator(`figure#${id}`);
      // A panel's name keeps its end when cut; its whole name is its title.
      const names = await figure.locator('svg text > title').allTextContents();
      expect(names.length, id).toBe(units);
      expect(new Set(names).size, id).toBe(units);
      // No colour key to match eleven colours against.
      expect(await figure.locator('.legend li').count(), id).toBeLessThanOrEqual(1);
      // The highest and lowest (with any that tie), and how many units there are: not every unit.
      const takeaway = (await figure.locator('.takeaway').textContent()) ?? '';
      const named = names.filter((n) => takeaway.includes(n)).length;
      expect(named, id).toBeGreaterThanOrEqual(2);
      expect(named, id).toBeLessThan(units / 2);
      expect(takeaway, id).toMatch(id === 'ketepatan-bulanan' ? /tertinggi: .*; terendah: / : /terlama: .*; tercepat: /);
      expect(takeaway, id).toContain(`${units} unit`);
    }
    await page.close();
  });
});
