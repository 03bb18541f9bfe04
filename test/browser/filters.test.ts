/**
 * Filters on region and unit pages (issue #4, item 4), on the built sample site in chromium:
 *
 * - without a change nothing of DuckDB is fetched (and without JavaScript there is no form);
 * - the build's choice, redrawn in the browser through DuckDB-WASM, is the static chart: the same
 *   table cells, the same SVG (to the byte, so the same marks);
 * - any other choice shows exactly the rows the chart's SQL (the one its explorer link opens)
 *   gives on the published tables, in the table and in the CSV download alike;
 * - back to the build's choice before the engine has arrived, the build's chart is back at once;
 * - a filtered chart's permalink carries its choice, and opens it as chosen.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import Papa from 'papaparse';
import { parseHTML } from 'linkedom';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import { isEngineRequest, isWasmRequest, openBrowser } from '../support/browser.ts';
import { seriousViolations } from '../support/axe.ts';
import { capaianSql, ikmRankingSql, type CapaianChoice, type IkmChoice } from '../../src/queries/region-charts.ts';
import { unitIndicatorsSql, type UnitIndicatorsChoice } from '../../src/queries/unit-charts.ts';
import { runPublishedSql } from '../../src/site/run-sql.ts';
import type { QueryResult } from '../../src/queries/result.ts';

const siteUrl = inject('siteUrl');
const siteDir = inject('siteDir');
const dataDir = join(siteDir, 'data');

// ——— What to visit, chosen from the build ———

const subdirs = (dir: string): string[] =>
  existsSync(dir)
    ? readdirSync(dir, { withFileTypes: true })
        .filter((d) => d.isDirectory())
        .map((d) => d.name)
        .sort()
    : [];
const html = (path: string) => parseHTML(readFileSync(join(siteDir, path, 'index.html'), 'utf8')).document;
const options = (doc: ReturnType<typeof html>, select: string) =>
  [...doc.querySelectorAll(`${select} option`)].map((o) => o.getAttribute('value') ?? '');

/** The region whose filters offer the most: several periods, types of unit, years and programmes. */
const region = subdirs(join(siteDir, 'wilayah'))
  .map((kode) => ({ kode, doc: html(`/wilayah/${kode}/`) }))
  .map(({ kode, doc }) => ({
    kode,
    periods: options(doc, '#ikm-periode'),
    types: options(doc, '#ikm-jenis'),
    years: options(doc, '#capaian-tahun'),
    programmes: options(doc, '#capaian-program'),
  }))
  .sort((a, b) => b.types.length + b.programmes.length + b.years.length - (a.types.length + a.programmes.length + a.years.length))[0];

/** A unit page whose indicators can be filtered by year. */
const unitPage = subdirs(join(siteDir, 'wilayah'))
  .flatMap((kode) =>
    subdirs(join(siteDir, 'wilayah', kode, 'unit')).map((unit) => ({ kode, unit, path: `/wilayah/${kode}/unit/${unit}/` })),
  )
  .map((u) => ({ ...u, years: options(html(u.path), '#iku-tahun') }))
  .find((u) => u.years.length > 2)!;

// ——— Reading a chart as the reader gets it ———

/** The table's cells: each <data value> (the CSV text), or the text shown. */
function tableCells(page: Page, id: string): Promise<string[][]> {
  return page.$$eval(`#${id} table tbody tr`, (trs) =>
    trs.map((tr) =>
      [...tr.querySelectorAll('td')].map((td) =>
        td.querySelector('data') ? (td.querySelector('data')!.getAttribute('value') ?? '') : (td.textContent ?? '').trim(),
      ),
    ),
  );
}

/** The drawing: its markup, and how many marks (shapes and labels) it has. */
function drawing(page: Page, id: string): Promise<{ svg: string; marks: number }> {
  return page.$eval(`#${id}`, (fig) => {
    const svg = fig.querySelector('.chart-svg svg');
    return { svg: svg?.outerHTML ?? '', marks: svg?.querySelectorAll('circle, rect, line, path, text').length ?? 0 };
  });
}

/** Changes one select and waits for the chart's redraw (DuckDB-WASM on the first change). */
async function choose(page: Page, id: string, field: string, value: string): Promise<void> {
  await page.$eval(`#${id}`, (fig) => fig.removeAttribute('data-state'));
  await page.selectOption(`#${id}-${field}`, value);
  await page.waitForSelector(`#${id}[data-state=done], #${id}[data-state=error]`, { state: 'attached', timeout: 60_000 });
  expect(await page.getAttribute(`#${id}`, 'data-state'), (await page.textContent(`#${id} .kt-filter-status`)) ?? '').toBe('done');
}

/** The chart's CSV download as the browser hands it over (a file made in the page after a redraw). */
async function downloadCsv(page: Page, id: string): Promise<string[][]> {
  const [download] = await Promise.all([page.waitForEvent('download'), page.click(`#${id} .chart-meta a[download]`)]);
  // Named for what it holds (region, unit, chart, period), and led by the region's code, which the table leaves out.
  expect(download.suggestedFilename()).toMatch(new RegExp(`^[a-z0-9-]+-(.+-)?${id}(-[\\w-]+)*\\.csv$`));
  const csv = Papa.parse<string[]>(readFileSync((await download.path())!, 'utf8'), { skipEmptyLines: true }).data;
  expect(csv[0][0]).toBe('kode_wilayah');
  expect(download.suggestedFilename().startsWith(`${csv[1]?.[0] ?? ''}-`)).toBe(true);
  return csv.map((r) => r.slice(1));
}

/** A query's rows as CSV text, in the columns a chart's CSV names. */
function asCsv(result: QueryResult, header: string[]): string[][] {
  const at = header.map((h) => result.columns.indexOf(h));
  expect(
    at.filter((i) => i < 0),
    `columns ${header.join(',')} in ${result.columns.join(',')}`,
  ).toEqual([]);
  return result.rows.map((row) => at.map((i) => (row[i] === null ? '' : String(row[i]))));
}

/** Same value as a reader would judge it: the table prints names without the CSV's formula guard. */
const sameCells = (table: string[][], csv: string[][]) =>
  expect(table).toEqual(csv.map((r) => r.map((c) => c.replace(/^'(?=[=+\-@])/, ''))));

/** After a change: table = CSV download = the chart's SQL on the published tables, and the explorer link is that SQL. */
async function expectRowsOf(page: Page, id: string, sql: string): Promise<number> {
  const [header, ...csv] = await downloadCsv(page, id);
  const expected = asCsv(await runPublishedSql(sql, dataDir), header);
  expect(csv).toEqual(expected);
  sameCells(await tableCells(page, id), csv);
  const link = new URL((await page.getAttribute(`#${id} a.chart-sql`, 'href'))!, siteUrl);
  expect(link.searchParams.get('q')).toBe(sql);
  return csv.length;
}

describe('filters on region and unit pages', () => {
  let browser: { context: BrowserContext; close: () => Promise<void> };
  let requests: string[];
  beforeAll(async () => {
    browser = await openBrowser();
    requests = [];
    browser.context.on('request', (r) => requests.push(r.url()));
  });
  afterAll(async () => {
    expect(requests.filter((u) => !u.startsWith(siteUrl) && !u.startsWith('blob:') && !u.startsWith('data:'))).toEqual([]);
    await browser?.close();
  });

  test('the sample build has filters worth testing', () => {
    expect(region.periods.length).toBeGreaterThan(2);
    expect(region.types.length).toBeGreaterThan(2);
    expect(region.years.length).toBeGreaterThan(1);
    expect(region.programmes.length).toBeGreaterThan(2);
    expect(unitPage).toBeTruthy();
  });

  test('without JavaScript the forms stay hidden and the charts show the build’s choice', async () => {
    const off = await openBrowser({ javaScriptEnabled: false });
    const page = await off.context.newPage();
    await page.goto(`${siteUrl}/wilayah/${region.kode}/`);
    expect(await page.locator('form[data-kt-filter]').count()).toBe(2);
    expect(await page.locator('form[data-kt-filter]:visible').count()).toBe(0);
    expect((await drawing(page, 'ikm')).marks).toBeGreaterThan(0);
    await off.close();
  });

  test.each([
    ['region', () => `/wilayah/${region.kode}/`],
    ['unit', () => unitPage.path],
  ])('the %s page shows its filters and fetches no DuckDB file until a filter changes', async (_kind, path) => {
    requests.length = 0;
    const page = await browser.context.newPage();
    await page.goto(siteUrl + path(), { waitUntil: 'networkidle' });
    expect(await page.locator('form[data-kt-filter]:visible').count()).toBeGreaterThan(0);
    // Looking, focusing and scrolling are not a change.
    await page.focus('form[data-kt-filter] select');
    await page.mouse.wheel(0, 2000);
    await page.waitForTimeout(300);
    expect(requests.filter(isEngineRequest)).toEqual([]);
    const [form] = await page.$$eval('form[data-kt-filter]', (fs) => fs.map((f) => f.getAttribute('data-kt-filter')!));
    const select = await page.$eval(`form[data-kt-filter="${form}"] select`, (s) => ({
      name: s.getAttribute('name')!,
      value: (s as HTMLSelectElement).options[1].value,
    }));
    await choose(page, form, select.name, select.value);
    expect(requests.some(isWasmRequest)).toBe(true);
    await page.close();
  });

  test('pressing on a filter (reaching for it, before any change) warms the engine', async () => {
    requests.length = 0;
    const page = await browser.context.newPage();
    await page.goto(`${siteUrl}/wilayah/${region.kode}/`, { waitUntil: 'networkidle' });
    await page.keyboard.press('Tab'); // passing through is not reaching
    await page.waitForTimeout(300);
    expect(requests.filter(isEngineRequest)).toEqual([]);
    await page.dispatchEvent('form[data-kt-filter] select', 'pointerdown');
    await page.waitForSelector('html[data-engine=ready]', { state: 'attached', timeout: 60_000 });
    expect(requests.some(isWasmRequest)).toBe(true);
    await page.close();
  });

  describe.each(['', '/en'])('the build’s choice redrawn in the browser is the static chart (%s)', (prefix) => {
    let page: Page;
    beforeAll(async () => {
      page = await browser.context.newPage();
    });
    afterAll(async () => page.close());

    test.each([
      ['ikm', 'periode', () => region.periods, () => `/wilayah/${region.kode}/`],
      ['capaian', 'program', () => region.programmes, () => `/wilayah/${region.kode}/`],
      ['iku', 'tahun', () => unitPage.years, () => unitPage.path],
    ])('%s (%s)', async (id, field, values, path) => {
      await page.goto(siteUrl + prefix + path());
      const built = {
        cells: await tableCells(page, id),
        drawing: await drawing(page, id),
        takeaway: await page.textContent(`#${id} .takeaway`),
      };
      const initial = await page.inputValue(`#${id}-${field}`);
      await choose(
        page,
        id,
        field,
        values().find((v) => v !== initial)!,
      );
      expect(await page.getAttribute(`#${id}`, 'data-source')).toBe('live');
      expect(await tableCells(page, id)).not.toEqual(built.cells);
      await choose(page, id, field, initial);
      // Drawn by DuckDB in the browser, not put back from the page as built.
      expect(await page.getAttribute(`#${id}`, 'data-source')).toBe('live');
      expect(await tableCells(page, id)).toEqual(built.cells);
      const redrawn = await drawing(page, id);
      expect(redrawn.marks).toBe(built.drawing.marks);
      expect(redrawn.svg).toBe(built.drawing.svg);
      expect(await page.textContent(`#${id} .takeaway`)).toBe(built.takeaway);
    });
  });

  test('a filtered chart’s link, and the page’s address, carry its choice and open it as chosen', async () => {
    const page = await browser.context.newPage();
    await page.goto(`${siteUrl}/wilayah/${region.kode}/`);
    const initial = await page.inputValue('#ikm-periode');
    const other = region.periods.find((p) => p !== initial)!;
    await choose(page, 'ikm', 'periode', other);
    const cells = await tableCells(page, 'ikm');
    const link = new URL((await page.getAttribute('#ikm a.permalink', 'href'))!, siteUrl);
    expect(link.searchParams.get('ikm.periode')).toBe(other);
    expect(link.hash).toBe('#ikm');
    // Read in the page: page.url() hears of history.replaceState a moment later.
    expect(new URLSearchParams(await page.evaluate(() => location.search)).get('ikm.periode')).toBe(other);

    const shared = await browser.context.newPage();
    await shared.goto(link.href);
    await shared.waitForSelector('#ikm[data-source=live][data-state=done]', { state: 'attached', timeout: 60_000 });
    expect(await shared.inputValue('#ikm-periode')).toBe(other);
    expect(await tableCells(shared, 'ikm')).toEqual(cells);
    await shared.close();

    // Back to the build's choice: nothing left to carry.
    await choose(page, 'ikm', 'periode', initial);
    expect(new URL((await page.getAttribute('#ikm a.permalink', 'href'))!, siteUrl).search).toBe('');
    expect(await page.evaluate(() => location.search)).toBe('');
    await page.close();
  });

  /**
   * The region page on a link so slow that DuckDB never arrives, another period chosen for its
   * IKM chart; `builtBack` waits for the chart and checks it is the build's again.
   */
  async function choosingWhileDownloading() {
    const page = await browser.context.newPage();
    await page.route(
      (url) => isEngineRequest(url.href),
      () => undefined,
    );
    await page.goto(`${siteUrl}/wilayah/${region.kode}/`);
    const built = { cells: await tableCells(page, 'ikm'), svg: (await drawing(page, 'ikm')).svg };
    const initial = await page.inputValue('#ikm-periode');
    expect(await page.isVisible('#ikm button[data-cancel]')).toBe(false);
    await page.selectOption(
      '#ikm-periode',
      region.periods.find((p) => p !== initial)!,
    );
    await page.waitForSelector('#ikm[data-state=running]', { state: 'attached' });
    const builtBack = async () => {
      await page.waitForSelector('#ikm[data-state=done]', { state: 'attached', timeout: 5_000 });
      expect(await page.inputValue('#ikm-periode')).toBe(initial);
      expect(await page.getAttribute('#ikm', 'data-source')).toBeNull();
      expect(await tableCells(page, 'ikm')).toEqual(built.cells);
      expect((await drawing(page, 'ikm')).svg).toBe(built.svg);
      expect(await page.isVisible('#ikm button[data-cancel]')).toBe(false);
      expect(await page.evaluate(() => location.search)).toBe('');
    };
    return { page, initial, builtBack };
  }

  test('while the engine is still on its way, going back to the build’s choice brings the build’s chart back at once', async () => {
    const { page, initial, builtBack } = await choosingWhileDownloading();
    await page.selectOption('#ikm-periode', initial);
    await builtBack();
    expect(await page.textContent('#ikm .kt-filter-status')).toBe('');
    await page.close();
  });

  test('while the engine is still on its way, Cancel puts the build’s choice and chart back', async () => {
    const { page, builtBack } = await choosingWhileDownloading();
    await page.click('#ikm button[data-cancel]');
    await builtBack();
    expect(await page.textContent('#ikm .kt-filter-status')).toMatch(/^Grafik semula ditampilkan/);
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('ikm-periode');
    await page.close();
  });

  describe('another choice shows the rows its SQL gives on the published tables', () => {
    let page: Page;
    beforeAll(async () => {
      page = await browser.context.newPage();
      await page.goto(`${siteUrl}/wilayah/${region.kode}/`);
    });
    afterAll(async () => page.close());

    test('IKM by unit: periods and types of unit', async () => {
      const choice: IkmChoice = { kode: region.kode, periode: await page.inputValue('#ikm-periode'), jenis: '' };
      const seen = new Set<number>();
      for (const periode of [region.periods[0], region.periods.find((p) => /-S1$/.test(p))!]) {
        await choose(page, 'ikm', 'periode', periode);
        seen.add(await expectRowsOf(page, 'ikm', ikmRankingSql({ ...choice, periode })));
        choice.periode = periode;
      }
      for (const jenis of region.types.filter(Boolean).slice(0, 3)) {
        await choose(page, 'ikm', 'jenis', jenis);
        const rows = await expectRowsOf(page, 'ikm', ikmRankingSql({ ...choice, jenis }));
        expect(rows).toBeGreaterThan(0);
        seen.add(rows);
      }
      // The choices are real: they give different tables.
      expect(seen.size).toBeGreaterThan(1);
    });

    test('once the engine is ready, the Cancel button does not flash up for an answer of milliseconds', async () => {
      await choose(page, 'ikm', 'periode', region.periods[0]);
      await page.$eval('#ikm button[data-cancel]', (b) => {
        (window as unknown as { shown: number }).shown = 0;
        new MutationObserver(() => {
          if (!(b as HTMLButtonElement).hidden) (window as unknown as { shown: number }).shown++;
        }).observe(b, { attributes: true });
      });
      await choose(page, 'ikm', 'periode', region.periods.at(-1)!);
      expect(await page.evaluate(() => (window as unknown as { shown: number }).shown)).toBe(0);
    });

    test('indicators: programmes and years', async () => {
      const choice: CapaianChoice = { kode: region.kode, tahun: await page.inputValue('#capaian-tahun'), program: '' };
      for (const program of region.programmes.filter(Boolean).slice(0, 3)) {
        await choose(page, 'capaian', 'program', program);
        expect(await expectRowsOf(page, 'capaian', capaianSql({ ...choice, program }))).toBeGreaterThan(0);
        choice.program = program;
      }
      const tahun = region.years.find((y) => y !== choice.tahun)!;
      await choose(page, 'capaian', 'tahun', tahun);
      await expectRowsOf(page, 'capaian', capaianSql({ ...choice, tahun }));
    });

    test('a unit’s indicators by year', async () => {
      const unit = await browser.context.newPage();
      await unit.goto(siteUrl + unitPage.path);
      const base: UnitIndicatorsChoice = { kode: unitPage.kode, unit: decodeURIComponent(unitPage.unit), tahun: '' };
      for (const tahun of unitPage.years.filter(Boolean).slice(0, 2)) {
        await choose(unit, 'iku', 'tahun', tahun);
        expect(await expectRowsOf(unit, 'iku', unitIndicatorsSql({ ...base, tahun }))).toBeGreaterThan(0);
      }
      await unit.close();
    });

    test('the explorer, opened from the chart’s link, answers with the same rows', async () => {
      const href = (await page.getAttribute('#capaian a.chart-sql', 'href'))!;
      const shown = await tableCells(page, 'capaian');
      const explorer = await browser.context.newPage();
      await explorer.goto(new URL(href, siteUrl).href);
      await explorer.waitForSelector('#result[data-state=done], #result[data-state=error]', { state: 'attached', timeout: 60_000 });
      const [header, ...rows] = await explorer.$$eval('#result tr', (trs) =>
        trs.map((tr) => [...tr.querySelectorAll('th, td')].map((c) => (c.textContent ?? '').trim())),
      );
      await explorer.close();
      expect(rows.length).toBe(shown.length);
      const capaian = header.indexOf('capaian');
      const column = (await page.$$eval('#capaian thead th', (ths) => ths.map((th) => th.textContent))).indexOf('Capaian (%)');
      // The same numbers; the explorer prints the published scale (88,00), the chart's table as few decimals as it needs (88).
      const value = (text: string) => (text === '' ? null : Number(text.replace(/\./g, '').replace(',', '.')));
      expect(rows.map((r) => value(r[capaian]))).toEqual(shown.map((r) => value(r[column])));
    });
  });

  test('a redrawn page has no serious or critical accessibility violation', async () => {
    const page = await browser.context.newPage();
    await page.goto(`${siteUrl}/wilayah/${region.kode}/`);
    await choose(page, 'ikm', 'jenis', region.types.filter(Boolean)[0]);
    await choose(page, 'capaian', 'tahun', region.years[0]);
    const violations = await seriousViolations(page);
    await page.close();
    expect(violations).toEqual([]);
  });
});
