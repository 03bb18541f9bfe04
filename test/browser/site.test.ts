/**
 * The public site as a reader gets it (issue #3): the built sample site (global setup) served
 * on 127.0.0.1 and driven by Debian's chromium.
 *
 * - numbers on region and unit pages equal the published CSV cells, with JavaScript off;
 * - axe-core finds no serious or critical problem, Indonesian and English;
 * - no request leaves the local server;
 * - 360 px: no sideways scrolling (screenshots go to docs/screenshots/);
 * - the home page stays within 30 KB compressed, region and unit pages within 60 KB;
 * - every link and download resolves, and every chart CSV holds exactly its table's rows.
 */
import { existsSync, linkSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { gzipSync } from 'node:zlib';
import Papa from 'papaparse';
import { parseHTML } from 'linkedom';
import { columnHeaderOf, sourceOf } from '../../src/charts/chart-html.ts';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { tableByName } from '../../src/contract/published.ts';
import { indexForSearch, runPagefind, searchParts } from '../../src/publish/search-index.ts';
import { openBrowser } from '../support/browser.ts';
import { seriousViolations } from '../support/axe.ts';

const siteUrl = inject('siteUrl');
const siteDir = inject('siteDir');
const origin = new URL(siteUrl).origin;
const PAGE_BUDGET = 60 * 1024;
const HOME_BUDGET = 30 * 1024;

// ——— What to visit: chosen from the build, so the tests follow the sample data ———

const subdirs = (dir: string): string[] =>
  existsSync(dir)
    ? readdirSync(dir, { withFileTypes: true })
        .filter((d) => d.isDirectory())
        .map((d) => d.name)
        .sort()
    : [];
const regionCodes = subdirs(join(siteDir, 'wilayah'));
/** A unit with services if there is one (its page shows the most), else the first. */
const firstUnit = (kode: string) => {
  const units = subdirs(join(siteDir, 'wilayah', kode, 'unit'));
  return units.find((u) => existsSync(join(siteDir, 'wilayah', kode, 'unit', u, 'layanan.csv'))) ?? units[0];
};
const firstService = (kode: string) => subdirs(join(siteDir, 'wilayah', kode, 'layanan'))[0];

/** The region with the most to show (services and complaints drawn), else the first one. */
const hasChart = (k: string, id: string) => existsSync(join(siteDir, 'wilayah', k, `${id}.csv`));
const fullest =
  regionCodes.find((k) => firstUnit(k) && hasChart(k, 'ketepatan') && hasChart(k, 'pengaduan')) ?? regionCodes.find((k) => firstUnit(k));
/** Two regions for the value checks: the fullest one and the first other one with units. */
const checkedRegions = [...new Set([fullest, ...regionCodes.filter((k) => firstUnit(k))])].filter((k): k is string => !!k).slice(0, 2);
const [mainRegion] = checkedRegions;
const serviceRegion = regionCodes.find((k) => firstService(k)) ?? mainRegion;

/** One page of each kind, without language prefix. */
const pageKinds: Record<string, string> = {
  home: '/',
  region: `/wilayah/${mainRegion}/`,
  unit: `/wilayah/${mainRegion}/unit/${firstUnit(mainRegion)}/`,
  service: `/wilayah/${serviceRegion}/layanan/${firstService(serviceRegion)}/`,
  data: '/data/',
  'data-table': '/data/ikm_unit/',
  metodologi: '/metodologi/',
  'kualitas-data': '/kualitas-data/',
  tentang: '/tentang/',
  templat: '/templat/',
  panduan: '/panduan/',
};
const bothLanguages = Object.values(pageKinds).flatMap((p) => [p, `/en${p}`]);
/**
 * Each kind of page in one language, the languages in turn: both are drawn by the same
 * components, so each language's words meet axe on half of the kinds (an axe run on a full
 * region page takes seconds). The home page, small and the first a reader sees, in both.
 */
const languagesInTurn = [...Object.values(pageKinds).map((p, i) => (i % 2 === 0 ? p : `/en${p}`)), '/en/'];

// ——— Reading the published CSVs ———

const csvCache = new Map<string, string[][]>();
function csvRows(path: string): string[][] {
  let rows = csvCache.get(path);
  if (!rows) {
    rows = Papa.parse<string[]>(readFileSync(path, 'utf8'), { skipEmptyLines: true }).data;
    csvCache.set(path, rows);
  }
  return rows;
}

/** A published table keyed as pages key it: primary-key values joined by '|'. */
function publishedIndex(table: string): { header: string[]; byKey: Map<string, string[]> } {
  const rows = csvRows(join(siteDir, 'data', `${table}.csv`));
  const header = rows[0];
  const pk = tableByName(table)!.primaryKey.map((k) => header.indexOf(k));
  return { header, byKey: new Map(rows.slice(1).map((r) => [pk.map((i) => r[i]).join('|'), r])) };
}

/** Same value, as the reader would judge it: numbers numerically, everything else as text. */
function sameValue(page: string, csv: string): boolean {
  if (page === csv) return true;
  if (page.trim() === '' || csv.trim() === '') return false;
  const a = Number(page);
  const b = Number(csv);
  return Number.isFinite(a) && Number.isFinite(b) && Math.abs(a - b) < 1e-9;
}

// ——— Browser ———

let jsOff: { context: BrowserContext; close: () => Promise<void> };
let jsOn: { context: BrowserContext; close: () => Promise<void> };
const foreignRequests: string[] = [];
/** The paths opened with scripts on: their requests are in foreignRequests already. */
const openedWithScripts = new Set<string>();

beforeAll(async () => {
  jsOff = await openBrowser({ javaScriptEnabled: false });
  jsOn = await openBrowser({ javaScriptEnabled: true });
  for (const b of [jsOff, jsOn]) {
    b.context.on('request', (req) => {
      const url = req.url();
      if (url.startsWith('data:') || url.startsWith('blob:')) return;
      if (new URL(url).origin !== origin) foreignRequests.push(url);
    });
  }
});

afterAll(async () => {
  await jsOff?.close();
  await jsOn?.close();
});

async function open(context: BrowserContext, path: string): Promise<Page> {
  const page = await context.newPage();
  const res = await page.goto(siteUrl + path, { waitUntil: 'load' });
  expect(res?.status(), path).toBe(200);
  if (context === jsOn.context) openedWithScripts.add(path);
  return page;
}

describe('the sample build', () => {
  it('has regions with units and services to test', () => {
    expect(checkedRegions.length).toBe(2);
    expect(firstService(serviceRegion)).toBeTruthy();
  });

  it('has the search index Pagefind makes of its pages themselves, not only of their search copies', async () => {
    // An empty folder indexed by a run that reads the built site's pages: no copy is involved.
    // (Its copies kept beside it, never in the repository's cache, which builds running beside the tests use.)
    // Each part of the index is made of that part's pages (searchParts), linked into a folder of its own.
    const root = mkdtempSync(join(tmpdir(), 'kt-cari-halaman-'));
    const fromPages = join(root, 'situs');
    const pages = readdirSync(siteDir, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.html'));
    const partOf = searchParts(pages).of;
    for (const page of pages) {
      mkdirSync(dirname(join(fromPages, page)), { recursive: true });
      linkSync(join(siteDir, page), join(fromPages, page));
      mkdirSync(dirname(join(root, 'bagian', partOf(page), page)), { recursive: true });
      linkSync(join(siteDir, page), join(root, 'bagian', partOf(page), page));
    }
    try {
      await indexForSearch(fromPages, {
        run: (copies, out) => runPagefind(join(root, 'bagian', basename(copies)), out),
        keptIn: join(root, 'salinan'),
      });
      const index = (root: string) =>
        readdirSync(join(root, 'pagefind'), { recursive: true, withFileTypes: true })
          .filter((e) => e.isFile() && !/\.(br|gz)$/.test(e.name))
          .map((e) => join(e.parentPath, e.name))
          .map((f) => [f.slice(root.length), readFileSync(f).toString('base64')])
          .sort();
      const built = index(siteDir);
      expect(built.length).toBeGreaterThan(10);
      expect(built).toEqual(index(fromPages));
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});

describe('with JavaScript off, every printed number equals its published cell', () => {
  const pages = checkedRegions.flatMap((k) => [
    `/wilayah/${k}/`,
    `/wilayah/${k}/unit/${firstUnit(k)}/`,
    `/en/wilayah/${k}/unit/${firstUnit(k)}/`,
  ]);

  it.each(pages)('%s', async (path) => {
    const page = await open(jsOff.context, path);
    // A number's source is on it, or, in a table, on its row, the table and its column's header:
    // the page as the browser holds it, read by sourceOf (the one reading of that markup).
    const { document } = parseHTML(await page.content());
    await page.close();
    const problems: string[] = [];
    const marks = [...document.querySelectorAll('data')].flatMap((e) => {
      const source = sourceOf(e);
      // A number that names part of a source, or sits in a column whose header names one, must
      // read as a whole source: a row without its key would otherwise drop out of this check.
      if (
        !source &&
        (['data-tabel', 'data-kunci', 'data-kolom'].some((a) => e.hasAttribute(a)) || columnHeaderOf(e)?.hasAttribute('data-kolom'))
      )
        problems.push(`${path}: a number (${e.outerHTML}) names part of a source only`);
      if (!source) return [];
      const inTable = e.closest('td') !== null;
      return [
        {
          value: e.getAttribute('value') ?? '',
          tabel: source.table,
          kunci: source.key,
          kolom: source.col,
          text: e.textContent ?? '',
          inTable,
        },
      ];
    });
    const figures = [...document.querySelectorAll('figure[id]')].map((e) => e.id);
    // Numbers in sentences and in the tables under the charts.
    expect(marks.some((m) => m.inTable)).toBe(true);
    expect(marks.some((m) => !m.inTable)).toBe(true);
    for (const m of marks) {
      const { header, byKey } = publishedIndex(m.tabel);
      const row = byKey.get(m.kunci);
      const col = header.indexOf(m.kolom);
      if (!row || col < 0) problems.push(`${m.tabel}[${m.kunci}].${m.kolom}: no such cell`);
      else if (!sameValue(m.value, row[col])) problems.push(`${m.tabel}[${m.kunci}].${m.kolom}: page ${m.value}, CSV ${row[col]}`);
      // An empty cell is said in words, never printed as a zero.
      if (m.value === '' && /^\s*0([.,]0+)?\s*$/.test(m.text)) problems.push(`${m.tabel}[${m.kunci}].${m.kolom}: empty cell printed as 0`);
    }
    expect(problems).toEqual([]);
    // The issue names IKM, capaian and ketepatan: wherever their chart is drawn, its values are
    // among the numbers checked above.
    const columns = new Set(marks.map((m) => `${m.tabel}.${m.kolom}`));
    const expected: Record<string, string> = {
      ikm: 'ikm_unit.ikm',
      'ikm-tren': 'ikm_unit.ikm',
      capaian: 'capaian_iku.capaian',
      iku: 'capaian_iku.capaian',
      ketepatan: 'ketepatan_layanan.ketepatan',
      layanan: 'ketepatan_layanan.ketepatan',
    };
    for (const id of figures) if (expected[id]) expect(columns, `${path}#${id}`).toContain(expected[id]);
  });
});

describe('accessibility (axe-core): no serious or critical violation', () => {
  it.each(languagesInTurn)('%s', async (path) => {
    const page = await open(jsOn.context, path);
    const violations = await seriousViolations(page);
    await page.close();
    expect(violations).toEqual([]);
  });
});

describe('privacy of the reader', () => {
  it('no request goes to any host but the local server, search included', async () => {
    // Every kind of page in both languages: those the tests before opened with scripts are not opened again.
    for (const path of [...bothLanguages.filter((p) => !openedWithScripts.has(p)), '/cari/?q=KTP', '/en/cari/?q=health']) {
      const page = await open(jsOn.context, path);
      if (path.includes('?q=')) await page.waitForSelector('#hasil p', { timeout: 15_000 });
      await page.close();
    }
    expect(foreignRequests).toEqual([]);
  });

  it('search works from the site alone (Pagefind) and shows results', async () => {
    const page = await open(jsOn.context, '/cari/?q=KTP');
    await page.waitForSelector('#hasil .results li a', { timeout: 15_000 });
    const hrefs = await page.$$eval('#hasil .results li a', (as) => as.map((a) => a.getAttribute('href') ?? ''));
    await page.close();
    expect(hrefs.every((h) => h.startsWith('/'))).toBe(true);
    // A region's service page: found in the regions' part of the index, merged into the national one.
    expect(
      hrefs.some((h) => /^\/wilayah\/[^/]+\/layanan\//.test(h)),
      hrefs.join(' '),
    ).toBe(true);
  });

  it("a query naming a region links that region's page above the results; a word in no region’s name names none", async () => {
    const firstLinks = async (path: string) => {
      const page = await open(jsOn.context, path);
      await page.waitForSelector('#hasil .results li a', { timeout: 15_000 });
      const links = await page.$$eval('#hasil a', (as) => as.slice(0, 3).map((a) => [a.getAttribute('href'), a.textContent]));
      const named = await page.$$eval('#hasil .search-regions', (ps) => ps.map((p) => p.textContent));
      await page.close();
      return { links, named };
    };
    // The index alone ranks Binjai's services and units (short pages repeating its name) above its own page.
    const id = await firstLinks('/cari/?q=binjai');
    expect(id.links[0]).toEqual(['/wilayah/binjai/', 'Kota Binjai']);
    expect(id.named).toEqual(['Wilayah yang namanya cocok: Kota Binjai']);
    const en = await firstLinks('/en/cari/?q=Kota%20Jayap');
    expect(en.links[0]).toEqual(['/en/wilayah/jayapura/', 'Kota Jayapura']);
    expect(en.named).toEqual(['Regions whose names match: Kota Jayapura']);
    // "layanan" is in no region's name: results only.
    expect((await firstLinks('/cari/?q=layanan')).named).toEqual([]);
  });

  it('a part of the index that cannot be loaded leaves the rest searchable, and the page says its results may be incomplete', async () => {
    const page = await jsOn.context.newPage();
    await page.route('**/pagefind/wilayah-1/pagefind-entry.json*', (route) => route.fulfill({ status: 404, body: '' }));
    await page.goto(`${siteUrl}/cari/?q=Binjai`, { waitUntil: 'load' });
    await page.waitForSelector('#hasil p', { timeout: 15_000 });
    const said = await page.$eval('#hasil', (el) => el.textContent ?? '');
    const hrefs = await page.$$eval('#hasil .results li a', (as) => as.map((a) => a.getAttribute('href') ?? ''));
    await page.close();
    expect(said).toContain('Sebagian indeks pencarian tidak dapat dimuat');
    // The national pages still answer (the home page names every region); no region's own page does.
    expect(hrefs.length).toBeGreaterThan(0);
    expect(hrefs.filter((h) => /^\/wilayah\/[^/]+\//.test(h))).toEqual([]);
  });
});

describe('on a 360 px phone', () => {
  const shots: [name: string, path: string][] = [
    ['beranda', pageKinds.home],
    ['wilayah', pageKinds.region],
    ['unit', pageKinds.unit],
  ];

  it.each(shots)('%s does not scroll sideways', async (name, path) => {
    mkdirSync('docs/screenshots', { recursive: true });
    const page = await jsOff.context.newPage();
    for (const [width, height, suffix] of [
      [360, 780, 'ponsel'],
      [1280, 1000, 'desktop'],
    ] as const) {
      await page.setViewportSize({ width, height });
      await page.goto(siteUrl + path);
      await page.screenshot({ path: `docs/screenshots/${name}-${suffix}.png` });
      const scrollWidth = await page.evaluate(() => document.documentElement.scrollWidth);
      expect(scrollWidth, `${path} at ${width} px`).toBeLessThanOrEqual(width);
    }
    await page.close();
  });
});

// ——— Files on disk: page weight ———

/** A script and the modules it imports statically (fetched at start with it); dynamic import()s are not. */
function withStaticImports(file: string, seen = new Set<string>()): Set<string> {
  if (seen.has(file)) return seen;
  seen.add(file);
  if (file.endsWith('.js')) {
    for (const m of readFileSync(file, 'utf8').matchAll(/(?:^|[;\s}])import\s*(?:[\w${},*\s]+from\s*)?["']([^"']+)["']/g)) {
      withStaticImports(join(file, '..', m[1]), seen);
    }
  }
  return seen;
}

/** The HTML file for a site path, and what it loads at start: stylesheets and scripts (with their static imports). */
function startupWeight(path: string): number {
  const file = join(siteDir, path, 'index.html');
  const html = readFileSync(file, 'utf8');
  const { document } = parseHTML(html);
  const assets = [
    ...[...document.querySelectorAll('link[rel~="stylesheet"][href]')].map((l) => l.getAttribute('href')!),
    ...[...document.querySelectorAll('script[src]')].map((s) => s.getAttribute('src')!),
    ...[...document.querySelectorAll('link[rel="preload"][href], link[rel="modulepreload"][href]')].map((l) => l.getAttribute('href')!),
  ];
  const files = new Set<string>();
  for (const a of assets) withStaticImports(join(siteDir, new URL(a, origin + path).pathname), files);
  let total = gzipSync(html).length;
  for (const f of files) total += gzipped(f);
  return total;
}

/** A file's gzipped size, once per file: every page loads the same few stylesheets and scripts. */
const gzippedSizes = new Map<string, number>();
function gzipped(file: string): number {
  let size = gzippedSizes.get(file);
  if (size === undefined) gzippedSizes.set(file, (size = gzipSync(readFileSync(file)).length));
  return size;
}

describe('page weight: ≤ 60 KB compressed (HTML + CSS + start-up scripts), the home page ≤ 30 KB', () => {
  const pages = [
    '/',
    ...regionCodes.flatMap((k) => [
      `/wilayah/${k}/`,
      ...subdirs(join(siteDir, 'wilayah', k, 'unit')).map((u) => `/wilayah/${k}/unit/${u}/`),
    ]),
  ];
  const all = pages.flatMap((p) => [p, `/en${p}`]);

  it(`home, every region page and every unit page (${all.length} pages)`, () => {
    const weights = all.map((p) => ({ p, kb: startupWeight(p) / 1024 }));
    const heaviest = [...weights].sort((a, b) => b.kb - a.kb).slice(0, 3);
    console.info(
      `page weight, heaviest: ${heaviest.map((w) => `${w.p} ${w.kb.toFixed(1)} KB`).join(', ')}; home ${weights[0].kb.toFixed(1)} KB`,
    );
    expect(weights.filter((w) => w.kb * 1024 > PAGE_BUDGET)).toEqual([]);
    expect(weights.filter((w) => (w.p === '/' || w.p === '/en/') && w.kb * 1024 > HOME_BUDGET)).toEqual([]);
  });

  it('the filter script is tiny and starts no DuckDB: its start-up files name no engine', () => {
    const region = `/wilayah/${mainRegion}/`;
    const { document } = parseHTML(readFileSync(join(siteDir, region, 'index.html'), 'utf8'));
    const scripts = [...document.querySelectorAll('script[src]')].map((s) => join(siteDir, s.getAttribute('src')!));
    expect(scripts.length).toBeGreaterThan(0);
    const files = new Set<string>();
    for (const s of scripts) withStaticImports(s, files);
    const bytes = [...files].reduce((n, f) => n + gzipSync(readFileSync(f)).length, 0);
    expect(bytes).toBeLessThan(2048);
    expect([...files].filter((f) => /duckdb|plot/i.test(f))).toEqual([]);
  });
});

// ——— Crawl: links, downloads and chart CSVs ———

interface Crawled {
  pages: Map<string, string>;
  /** Every chart with a CSV, read as the crawl parsed its page. */
  charts: CrawledChart[];
  broken: string[];
  missingAnchors: string[];
}

interface CrawledChart {
  path: string;
  id: string;
  /** Its `data-csv`. */
  href: string;
  /** Whether the figure has a download link to that CSV. */
  linked: boolean;
  table: { header: string[]; rows: string[][] };
}

/** Breadth-first from / over every same-site link, script, stylesheet and download. */
async function crawl(): Promise<Crawled> {
  const pages = new Map<string, string>();
  const ids = new Map<string, Set<string>>();
  const broken: string[] = [];
  const seen = new Set<string>(['/', '/en/']);
  const queue = ['/', '/en/'];
  const anchors: [from: string, to: string, id: string][] = [];
  const charts: CrawledChart[] = [];
  while (queue.length) {
    const batch = queue.splice(0, 16);
    await Promise.all(
      batch.map(async (path) => {
        const res = await fetch(origin + path);
        if (res.status !== 200) {
          broken.push(`${path} → ${res.status}`);
          await res.arrayBuffer();
          return;
        }
        if (!(res.headers.get('content-type') ?? '').startsWith('text/html')) {
          await res.arrayBuffer();
          return;
        }
        const html = await res.text();
        pages.set(path, html);
        const { document } = parseHTML(html);
        ids.set(path, new Set([...document.querySelectorAll('[id]')].map((e) => e.id)));
        for (const figure of document.querySelectorAll('figure[data-csv]')) {
          const href = figure.getAttribute('data-csv')!;
          const linked = figure.querySelector(`a[download][href="${href}"]`) !== null;
          charts.push({ path, id: figure.id, href, linked, table: tableCells(figure) });
        }
        const refs = [
          ...[...document.querySelectorAll('a[href], link[href]')].map((e) => e.getAttribute('href')!),
          ...[...document.querySelectorAll('script[src], img[src]')].map((e) => e.getAttribute('src')!),
        ];
        for (const ref of refs) {
          const url = new URL(ref, origin + path);
          if (url.origin !== origin) continue;
          if (url.hash) anchors.push([path, url.pathname, decodeURIComponent(url.hash.slice(1))]);
          // The search page takes its query from the address; the page itself is what must exist.
          const target = url.pathname;
          if (!seen.has(target)) {
            seen.add(target);
            queue.push(target);
          }
        }
      }),
    );
  }
  const missingAnchors = anchors
    .filter(([, to, id]) => pages.has(to) && !ids.get(to)!.has(id))
    .map(([from, to, id]) => `${from} → ${to}#${id}`);
  return { pages, charts, broken, missingAnchors };
}

/** A chart's table as the page shows it: each cell's <data value>, or its text. */
function tableCells(figure: Element): { header: string[]; rows: string[][] } {
  const header = [...figure.querySelectorAll('table thead th')].map((th) => th.textContent?.trim() ?? '');
  const rows = [...figure.querySelectorAll('table tbody tr')].map((tr) =>
    [...tr.querySelectorAll('td')].map((td) => {
      const data = td.querySelector('data');
      return data ? (data.getAttribute('value') ?? '') : (td.textContent?.trim() ?? '');
    }),
  );
  return { header, rows };
}

describe('crawl from the home page', () => {
  let result: Crawled;
  beforeAll(async () => {
    result = await crawl();
  }, 300_000);

  it('reaches every kind of page, in both languages', () => {
    for (const p of bothLanguages) expect(result.pages.has(p), p).toBe(true);
  });

  it('every link and download resolves (no 404)', () => {
    expect(result.broken).toEqual([]);
  });

  it('every in-page anchor points at an element that exists', () => {
    expect(result.missingAnchors).toEqual([]);
  });

  it('every chart CSV parses to exactly the rows its table shows', async () => {
    const problems: string[] = [];
    // Fetched sixteen at a time, as the crawl fetches pages.
    const csvs: string[] = [];
    for (let i = 0; i < result.charts.length; i += 16) {
      const batch = result.charts.slice(i, i + 16);
      csvs.push(...(await Promise.all(batch.map(async (c) => (await fetch(new URL(c.href, origin + c.path))).text()))));
    }
    for (const [i, { path, id, href, linked, table: shown }] of result.charts.entries()) {
      if (!linked) problems.push(`${path}#${id}: no download link to ${href}`);
      const parsed = Papa.parse<string[]>(csvs[i], { skipEmptyLines: true }).data;
      // A chart CSV leads with its region's code, which its table (on the region's own page) leaves out.
      const region = /\/wilayah\/([^/]+)\//.exec(href)![1];
      if (parsed[0]?.[0] !== 'kode_wilayah' || parsed.slice(1).some((r) => r[0] !== region))
        problems.push(`${path}#${id}: CSV does not lead with kode_wilayah ${region}`);
      const csv = parsed.map((r) => r.slice(1));
      if (csv[0]?.length !== shown.header.length)
        problems.push(`${path}#${id}: ${csv[0]?.length} CSV columns, ${shown.header.length} in the table`);
      const body = csv.slice(1);
      if (body.length !== shown.rows.length) {
        problems.push(`${path}#${id}: ${body.length} CSV rows, ${shown.rows.length} in the table`);
        continue;
      }
      body.forEach((row, r) =>
        row.forEach((cell, j) => {
          if (!sameValue(shown.rows[r][j] ?? '', cell))
            problems.push(`${path}#${id} row ${r + 1} col ${csv[0][j]}: table ${shown.rows[r][j]}, CSV ${cell}`);
        }),
      );
    }
    expect(result.charts.length).toBeGreaterThan(0);
    expect(problems.slice(0, 20)).toEqual([]);
  }, 120_000);
});
