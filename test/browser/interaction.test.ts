/**
 * The interactive pages on the built sample site (issue #4): DuckDB-WASM loads only when asked,
 * answers like the published CSV, shows its own errors, keeps queries in the URL; the compare
 * page's live table equals its build-time table; the forum view moves by keyboard and prints one
 * slide per page; no serious accessibility violation; nothing leaves the local server.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import Papa from 'papaparse';
import type { BrowserContext, Page, Request } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import { isEngineRequest, isWasmRequest, openBrowser } from '../support/browser.ts';
import { seriousViolations } from '../support/axe.ts';
import { slowProxy } from '../support/slow-proxy.ts';
import { comparisonTableHtml } from '../../src/charts/comparison-view.ts';
import { compareSql, measureByKey, type CompareChoices } from '../../src/queries/compare.ts';
import { runPublishedSql } from '../../src/site/run-sql.ts';
import { formatBytes, formatNumber } from '../../src/i18n/format.ts';

const siteUrl = inject('siteUrl');
const siteDir = inject('siteDir');
const dataDir = join(siteDir, 'data');

function csvRows(table: string): Record<string, string>[] {
  return Papa.parse<Record<string, string>>(readFileSync(join(dataDir, `${table}.csv`), 'utf8'), { header: true, skipEmptyLines: true })
    .data;
}

/**
 * A browser for one describe block, with every request its pages (and their workers) make, so
 * tests can ask what was fetched and from where; none may leave the site.
 */
function recordedBrowser(): { context: BrowserContext; requests: string[] } {
  const opened = { context: undefined as unknown as BrowserContext, requests: [] as string[] };
  let close: () => Promise<void> = async () => undefined;
  beforeAll(async () => {
    const browser = await openBrowser();
    opened.context = browser.context;
    close = browser.close;
    browser.context.on('request', (r) => opened.requests.push(r.url()));
  });
  afterAll(async () => {
    expect(foreign(opened.requests)).toEqual([]);
    await close();
  });
  return opened;
}

const foreign = (urls: readonly string[]) => urls.filter((u) => !u.startsWith(siteUrl) && !u.startsWith('data:') && !u.startsWith('blob:'));

async function waitForAnswer(page: Page, selector = '#result'): Promise<string> {
  await page.waitForSelector(`${selector}[data-state=done], ${selector}[data-state=error]`, { state: 'attached', timeout: 60_000 });
  return (await page.getAttribute(selector, 'data-state')) ?? '';
}

/** A table's cell texts, row by row (header first): what a reader sees, nothing about markup. */
async function tableText(page: Page, selector: string): Promise<string[][]> {
  return page.$$eval(`${selector} tr`, (trs) =>
    trs.map((tr) => [...tr.querySelectorAll('th, td')].map((c) => (c.textContent ?? '').trim())),
  );
}

const region = csvRows('wilayah')[0].kode_wilayah;
const subdirs = (dir: string): string[] =>
  existsSync(dir)
    ? readdirSync(dir, { withFileTypes: true })
        .filter((d) => d.isDirectory())
        .map((d) => d.name)
        .sort()
    : [];
const regionPages = subdirs(join(siteDir, 'wilayah')).map((k) => `/wilayah/${k}/`);
/** One embed per kind of region chart (the region with the most of them). */
const regionEmbeds =
  subdirs(join(siteDir, 'embed', 'wilayah'))
    .map((k) => subdirs(join(siteDir, 'embed', 'wilayah', k)).map((c) => `/embed/wilayah/${k}/${c}/`))
    .sort((a, b) => b.length - a.length)[0] ?? [];
const unit = csvRows('unit').find((u) => u.kode_wilayah === region)!.kode_unit;

describe('DuckDB-WASM is loaded only when a reader asks', () => {
  const browser = recordedBrowser();

  test.each([
    ['home', '/'],
    ['region', `/wilayah/${region}/`],
    ['unit', `/wilayah/${region}/unit/${encodeURIComponent(unit)}/`],
    ['forum', `/forum/${region}/`],
    ['compare without choices', '/bandingkan/'],
    ['embed', '/embed/bandingkan/'],
  ])('%s page fetches no DuckDB file', async (_name, path) => {
    browser.requests.length = 0;
    const page = await browser.context.newPage();
    const response = await page.goto(siteUrl + path, { waitUntil: 'networkidle' });
    expect(response?.status()).toBe(200);
    expect(browser.requests.filter(isEngineRequest)).toEqual([]);
    await page.close();
  });

  test('the explorer warms DuckDB once the page is readable, so the first query finds it ready', async () => {
    browser.requests.length = 0;
    const page = await browser.context.newPage();
    const wasmGets: string[] = [];
    const countGets = (r: Request) => void (r.method() === 'GET' && isWasmRequest(r.url()) && wasmGets.push(r.url()));
    browser.context.on('request', countGets);
    await page.goto(`${siteUrl}/jelajah/`);
    await page.waitForSelector('html[data-engine=ready]', { state: 'attached', timeout: 60_000 });
    browser.context.off('request', countGets);
    const fetched = browser.requests.filter(isEngineRequest).map((u) => new URL(u).pathname);
    expect(fetched.some((p) => p.endsWith('.wasm'))).toBe(true);
    expect(fetched.some((p) => /worker.*\.js$/.test(p))).toBe(true);
    // Started by the worker's boot script, taken over by DuckDB: one download, not two.
    expect(wasmGets).toHaveLength(1);
    // Warm means no more engine bytes at the click: only the table the query names.
    browser.requests.length = 0;
    await page.click('#run');
    expect(await waitForAnswer(page)).toBe('done');
    expect(browser.requests.filter(isEngineRequest)).toEqual([]);
    await page.close();
  });

  test('a reader who saves data gets no engine until their first query', async () => {
    browser.requests.length = 0;
    const page = await browser.context.newPage();
    await page.addInitScript(() => Object.defineProperty(navigator, 'connection', { value: { saveData: true, effectiveType: '4g' } }));
    await page.goto(`${siteUrl}/jelajah/`, { waitUntil: 'networkidle' });
    await page.waitForTimeout(2500); // past the idle callback's 2 s deadline
    expect(browser.requests.filter(isEngineRequest)).toEqual([]);
    await page.click('#run');
    expect(await waitForAnswer(page)).toBe('done');
    expect(browser.requests.some(isWasmRequest)).toBe(true);
    await page.close();
  });
});

describe('the engine download, said as it is', () => {
  test("its progress counts towards the engine's size once decoded, never the compressed Content-Length", async () => {
    // A browser of its own (nothing in its cache), the engine sent slowly so that progress is shown:
    // its 4.5 MB twin in about 3 s, by a proxy, so that the worker’s early download is still running
    // when DuckDB takes it over. Chrome's throttling (40, then 6 Mbit/s) left that to the machine's
    // load: on a busy machine the download finished first, then on a fast one.
    const proxy = await slowProxy(siteUrl, (path) => path.endsWith('.wasm'));
    const { context, close } = await openBrowser();
    try {
      const page = await context.newPage();
      await page.addInitScript(() => Object.defineProperty(navigator, 'connection', { value: { saveData: true, effectiveType: '4g' } }));
      // Every progress line the reader sees while the engine downloads.
      await page.addInitScript(() => {
        const seen: string[] = ((window as unknown as { ktStatus: string[] }).ktStatus = []);
        addEventListener('DOMContentLoaded', () => {
          const status = document.getElementById('status')!;
          new MutationObserver(() => seen.push(status.textContent ?? '')).observe(status, {
            childList: true,
            characterData: true,
            subtree: true,
          });
        });
      });
      const wasmUrls: string[] = [];
      context.on('request', (r) => void (isWasmRequest(r.url()) && wasmUrls.push(r.url())));
      await page.goto(`${proxy.url}/jelajah/`);
      await page.click('#run');
      expect(await waitForAnswer(page)).toBe('done');
      const size = statSync(join(siteDir, new URL(wasmUrls[0]).pathname)).size;
      const lines = (await page.evaluate(() => (window as unknown as { ktStatus: string[] }).ktStatus)).filter((t) => t.includes(' / '));
      expect(lines.length).toBeGreaterThan(3);
      const bytes = (text: string) => {
        const [, n, unit] = /^([\d.,]+) (B|KB|MB)$/.exec(text)!;
        return Number(n.replace(/\./g, '').replace(',', '.')) * { B: 1, KB: 1024, MB: 1024 ** 2 }[unit as 'B' | 'KB' | 'MB'];
      };
      for (const line of lines) {
        // "Memuat mesin kueri DuckDB-WASM: 26,7 MB / 28,2 MB…": loaded never past the total, the
        // total the file the browser holds (before, 5,27 MB: the brotli twin's Content-Length).
        const [, loaded, total] = /: (.+) \/ (.+)…$/.exec(line)!;
        expect(total).toBe(formatBytes('id', size));
        expect(bytes(loaded)).toBeLessThanOrEqual(bytes(total) * 1.005);
      }
    } finally {
      await close();
      await proxy.close();
    }
  });
});

describe('explorer', () => {
  const browser = recordedBrowser();
  let page: Page;
  beforeAll(async () => {
    page = await browser.context.newPage();
  });

  const COUNT_SQL = 'SELECT kode_wilayah, count(*) FROM ikm_unit GROUP BY 1';

  test('answers with the counts of the published CSV, and the URL reproduces the query', async () => {
    await page.goto(`${siteUrl}/jelajah/`);
    await page.fill('#sql', COUNT_SQL);
    await page.click('#run');
    expect(await waitForAnswer(page)).toBe('done');
    const expected = new Map<string, number>();
    for (const r of csvRows('ikm_unit')) expected.set(r.kode_wilayah, (expected.get(r.kode_wilayah) ?? 0) + 1);
    const [header, ...rows] = await tableText(page, '#result');
    expect(header).toEqual(['kode_wilayah', 'count_star()']);
    // Counts as the Indonesian pages print them (1.234): the dot groups thousands.
    expect(new Map(rows.map(([k, n]) => [k, Number(n.replace(/\./g, ''))]))).toEqual(expected);

    // Read in the page: page.url() hears of history.replaceState a moment later.
    expect(new URLSearchParams(await page.evaluate(() => location.search)).get('q')).toBe(COUNT_SQL);
    await page.reload();
    expect(await waitForAnswer(page)).toBe('done');
    expect(await page.inputValue('#sql')).toBe(COUNT_SQL);
    expect(await tableText(page, '#result')).toEqual([header, ...rows]);
  });

  test('the CSV download holds the same rows, its numbers raw', async () => {
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('#download')]);
    const text = readFileSync((await download.path())!, 'utf8');
    const [header, ...rows] = Papa.parse<string[]>(text, { skipEmptyLines: true }).data;
    const [shownHeader, ...shownRows] = await tableText(page, '#result');
    expect(header).toEqual(shownHeader);
    expect(rows.map(([k, n]) => [k, formatNumber('id', Number(n), 'count')])).toEqual(shownRows);
  });

  test('a bad query shows DuckDB’s own message', async () => {
    await page.fill('#sql', 'SELECT jumlah FROM ikm_unit');
    await page.click('#run');
    expect(await waitForAnswer(page)).toBe('error');
    const message = await page.textContent('#query-error');
    expect(message).toMatch(/Binder Error/);
    expect(message).toMatch(/jumlah/);
    expect(await page.isVisible('#query-error')).toBe(true);
  });

  test('a syntax error reads as DuckDB prints it, and the previous answer goes', async () => {
    await page.setViewportSize({ width: 360, height: 740 });
    await page.goto(`${siteUrl}/jelajah/`);
    await page.fill('#sql', COUNT_SQL);
    await page.click('#run');
    expect(await waitForAnswer(page)).toBe('done');
    await page.fill('#sql', 'SELEC kode_wilayah FROM ikm_wilayah');
    await page.click('#run');
    expect(await waitForAnswer(page)).toBe('error');
    const message = (await page.textContent('#query-error'))!;
    expect(message).toMatch(/Parser Error: syntax error at or near "SELEC"/);
    expect(message).toContain('LINE 1:');
    expect(message).not.toContain('exception_type');
    expect(await page.locator('#result table').count()).toBe(0);
    // A phone's page does not scroll sideways for it.
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
    await page.setViewportSize({ width: 1280, height: 720 });
  });

  test('running from the keyboard keeps the focus on a button (cancel while running, then run)', async () => {
    await page.goto(`${siteUrl}/jelajah/`);
    await page.fill('#sql', COUNT_SQL);
    await page.focus('#run');
    await page.keyboard.press('Enter');
    expect(await waitForAnswer(page)).toBe('done');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('run');
  });

  test('a long query can be cancelled, and the next one runs', async () => {
    await page.fill('#sql', 'SELECT sum(i * i) FROM range(50000000000) AS t(i)');
    await page.click('#run');
    // Cancel while DuckDB is executing, not while the tables are still loading.
    await page.waitForFunction(() => (document.getElementById('status')?.textContent ?? '').startsWith('Menjalankan'), null, {
      timeout: 30_000,
    });
    await page.waitForTimeout(300);
    await page.click('#cancel');
    await page.waitForSelector('#result[data-state=cancelled]', { state: 'attached', timeout: 10_000 });
    await page.fill('#sql', 'SELECT 42 AS jawaban');
    await page.click('#run');
    expect(await waitForAnswer(page)).toBe('done');
    expect(await tableText(page, '#result')).toEqual([['jawaban'], ['42']]);
  });

  test('extensions are never fetched from the internet', async () => {
    await page.fill('#sql', "SELECT * FROM read_parquet('/data/ikm_unit.parquet')");
    await page.click('#run');
    expect(await waitForAnswer(page)).toBe('error');
    await page.fill('#sql', 'LOAD json');
    await page.click('#run');
    expect(await waitForAnswer(page)).toBe('error');
    expect(foreign(browser.requests)).toEqual([]);
  });

  test('every example question runs', async () => {
    const examples = await page.locator('a[data-example]').count();
    expect(examples).toBeGreaterThanOrEqual(3);
    for (let i = 0; i < examples; i++) {
      await page.locator('a[data-example]').nth(i).click();
      expect(await waitForAnswer(page), (await page.locator('a[data-example]').nth(i).textContent()) ?? '').toBe('done');
    }
  });
});

describe('compare', () => {
  const browser = recordedBrowser();

  test('the default comparison’s URL with scripts gives the build-time table', async () => {
    const noScript = await openBrowser({ javaScriptEnabled: false });
    const staticPage = await noScript.context.newPage();
    await staticPage.goto(`${siteUrl}/bandingkan/`);
    const query = (await staticPage.getAttribute('#comparison', 'data-query'))!;
    const built = await tableText(staticPage, '#comparison table');
    await noScript.close();
    expect(query).toMatch(/^\?ukuran=/);
    expect(built.length).toBeGreaterThan(1);

    const page = await browser.context.newPage();
    await page.goto(`${siteUrl}/bandingkan/${query}`);
    expect(await waitForAnswer(page, '#comparison')).toBe('done');
    expect(await page.getAttribute('#comparison', 'data-source')).toBe('live');
    expect(await tableText(page, '#comparison table')).toEqual(built);
    expect(await page.locator('#comparison figure svg').count()).toBeGreaterThan(0);
    await page.close();
  });

  const periods = () => [...new Set(csvRows('ikm_unit').map((r) => r.periode))].sort();
  /** A region that has rows in a table (not every region sends every file). */
  const regionWith = (table: string) => csvRows(table)[0].kode_wilayah;
  const choices = (): CompareChoices[] => [
    {
      measure: 'ketepatan',
      regions: [regionWith('ketepatan_layanan')],
      units: [],
      periods: periods()
        .filter((p) => p.includes('-S'))
        .slice(-2),
    },
    { measure: 'nrr_waktu', regions: [], units: [], periods: periods().slice(-1) },
    { measure: 'kepatuhan', regions: [regionWith('kepatuhan_laporan')], units: [], periods: [] },
    {
      measure: 'hari_pengaduan',
      regions: [],
      units: [],
      periods: periods()
        .filter((p) => !p.includes('-S'))
        .slice(-1),
    },
  ];

  test('asked for two semesters, the answer names each unit with no value in one of them', async () => {
    const ikm = csvRows('ikm_unit').filter((r) => r.ikm !== '');
    const year = ikm
      .map((r) => r.periode.slice(0, 4))
      .sort()
      .at(-1)!;
    const [s1, s2] = [`${year}-S1`, `${year}-S2`];
    const has = (p: string) => new Set(ikm.filter((r) => r.periode === p).map((r) => `${r.kode_wilayah}:${r.kode_unit}`));
    const [inS1, inS2] = [has(s1), has(s2)];
    const names = new Map(csvRows('unit').map((u) => [`${u.kode_wilayah}:${u.kode_unit}`, u.nama_unit]));
    const lacking = [...inS2].filter((k) => !inS1.has(k));
    expect(lacking.length, 'the sample has units surveyed only in the second semester').toBeGreaterThan(0);
    const page = await browser.context.newPage();
    await page.goto(`${siteUrl}/bandingkan/?ukuran=ikm&periode=${s1}&periode=${s2}`);
    expect(await waitForAnswer(page, '#comparison')).toBe('done');
    const note = (await page.textContent('#comparison .kt-compare-missing')) ?? '';
    expect(note).toContain(`Tidak ada nilai untuk Semester I ${year}: `);
    for (const k of lacking) expect(note).toContain(names.get(k)!.split(' (')[0]);
    await page.close();
  });

  test('without scripts and with them, the default comparison says the same words', async () => {
    const words = (page: Page) =>
      page.$$eval('#comparison h2, #comparison .note, #comparison caption', (els) => els.map((e) => e.textContent));
    const noScript = await openBrowser({ javaScriptEnabled: false });
    const staticPage = await noScript.context.newPage();
    await staticPage.goto(`${siteUrl}/bandingkan/`);
    const query = (await staticPage.getAttribute('#comparison', 'data-query'))!;
    const built = await words(staticPage);
    await noScript.close();
    expect(built.join(' ')).toContain('batas mutu B (76,61) dan A (88,31)');
    const page = await browser.context.newPage();
    await page.goto(`${siteUrl}/bandingkan/${query}`);
    expect(await waitForAnswer(page, '#comparison')).toBe('done');
    expect(await words(page)).toEqual(built);
    await page.close();
  });

  test('going back to the bare page puts back the build’s default comparison', async () => {
    const page = await browser.context.newPage();
    await page.goto(`${siteUrl}/bandingkan/`);
    const built = await tableText(page, '#comparison table');
    await page.selectOption('#ukuran', 'nrr_waktu');
    await page.click('#compare-submit');
    await page.waitForSelector('#comparison[data-source=live]', { state: 'attached', timeout: 60_000 });
    expect(await tableText(page, '#comparison table')).not.toEqual(built);
    await page.goBack();
    await page.waitForSelector('#comparison:not([data-source])', { state: 'attached' });
    expect(await tableText(page, '#comparison table')).toEqual(built);
    expect(await page.inputValue('#ukuran')).not.toBe('nrr_waktu');
    await page.close();
  });

  test('on a phone the unit lists wrap inside the page', async () => {
    const page = await browser.context.newPage();
    await page.setViewportSize({ width: 360, height: 740 });
    await page.goto(`${siteUrl}/bandingkan/`);
    await page.click('#compare details summary');
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
    await page.close();
  });

  test('the form puts choices in the URL, and the browser shows what the build-time SQL gives', async () => {
    const page = await browser.context.newPage();
    await page.goto(`${siteUrl}/bandingkan/`);
    for (const c of choices()) {
      await page.selectOption('#ukuran', c.measure);
      for (const box of await page.locator('#compare input[name=periode], #compare input[name=wilayah]').all()) await box.setChecked(false);
      for (const r of c.regions) await page.check(`#compare input[name=wilayah][value="${r}"]`);
      for (const p of c.periods) await page.check(`#compare input[name=periode][value="${p}"]`);
      await page.click('#compare-submit');
      await page.waitForURL((u) => u.searchParams.get('ukuran') === c.measure);
      expect(await waitForAnswer(page, '#comparison')).toBe('done');
      await page.waitForFunction((m) => document.getElementById('comparison')?.dataset.query?.includes(`ukuran=${m}`), c.measure);

      const result = await runPublishedSql(compareSql(c), dataDir);
      expect(result.rows.length, c.measure).toBeGreaterThan(0);
      const html = comparisonTableHtml(result, measureByKey(c.measure)!, 'id', '');
      await page.evaluate((h) => {
        const probe = document.createElement('div');
        probe.id = 'probe';
        probe.innerHTML = h;
        document.body.append(probe);
      }, html);
      const expected = await tableText(page, '#probe table');
      await page.evaluate(() => document.getElementById('probe')?.remove());
      expect(await tableText(page, '#comparison table'), c.measure).toEqual(expected);
    }
    await page.close();
  });
});

describe('accessibility (axe-core)', () => {
  let browser: Awaited<ReturnType<typeof openBrowser>>;
  beforeAll(async () => {
    browser = await openBrowser();
  });
  afterAll(async () => {
    await browser.close();
  });

  test('no chart on any built page names Plot’s inner groups (aria-label without a role)', () => {
    const pages = readdirSync(siteDir, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.html'));
    let charts = 0;
    const labelled: string[] = [];
    for (const f of pages) {
      for (const [svg] of readFileSync(join(siteDir, f), 'utf8').matchAll(/<svg\b.*?<\/svg>/gs)) {
        charts++;
        // The <svg> itself is the one named image; nothing inside it may carry a label.
        const inner = svg.replace(/^<svg\b[^>]*>/, '');
        if (/\saria-(?:label|description)=/.test(inner))
          labelled.push(`${f}: ${/<[^>]*\saria-(?:label|description)=[^>]*>/.exec(inner)?.[0]}`);
      }
    }
    expect(charts).toBeGreaterThan(100);
    expect(labelled.slice(0, 5)).toEqual([]);
  });

  test.each([
    ['explorer', '/jelajah/', undefined],
    ['explorer with a result', `/jelajah/?q=${encodeURIComponent('SELECT * FROM unit LIMIT 5')}`, '#result'],
    ['explorer (en)', '/en/jelajah/', undefined],
    ['compare', '/bandingkan/', undefined],
    ['compare with a live answer', '/bandingkan/?ukuran=ikm', '#comparison'],
    ['compare (en)', '/en/bandingkan/', undefined],
    ['forum', `/forum/${region}/`, undefined],
    ['forum (en)', `/en/forum/${region}/`, undefined],
    ['embed', `/embed/bandingkan/`, undefined],
    // Every region chart is drawn by src/charts/plot.ts: on its page, and alone in its embed.
    ...regionPages.map((p): [string, string, undefined] => ['region', p, undefined]),
    ['unit', `/wilayah/${region}/unit/${encodeURIComponent(unit)}/`, undefined],
    ...regionEmbeds.map((p): [string, string, undefined] => ['region chart embed', p, undefined]),
  ])('%s %s has no serious or critical violation', async (_name, path, waitFor) => {
    const page = await browser.context.newPage();
    await page.goto(siteUrl + path);
    if (waitFor) expect(await waitForAnswer(page, waitFor)).toBe('done');
    expect(await seriousViolations(page)).toEqual([]);
    await page.close();
  });
});
