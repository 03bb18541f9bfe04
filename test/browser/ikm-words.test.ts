/**
 * Issue #10, items 1 and 4, on the built sample with JavaScript off, in both languages, on a
 * 360 px phone and a 1280 px desktop: every IKM mark, legend line, table cell and sentence is
 * held to the published tables (ikm_unit.csv, ikm_wilayah.csv in the build's data/).
 *
 * - Sample adequacy has three states (cukup, kurang dari minimum, tidak diketahui), drawn apart
 *   in greyscale, each explained in the legend, on region pages, the forum, embeds and the
 *   compare page.
 * - Region and unit pages show the annual IKM with its year beside the semesters, the change
 *   from the year before, and say when two periods' region figures cover different units.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseHTML } from 'linkedom';
import Papa from 'papaparse';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import { sourceOf } from '../../src/charts/chart-html.ts';
import { openBrowser } from '../support/browser.ts';

const siteUrl = inject('siteUrl');
const siteDir = inject('siteDir');

type Row = Record<string, string>;
const csvRows = (table: string): Row[] =>
  Papa.parse<Row>(readFileSync(join(siteDir, 'data', `${table}.csv`), 'utf8'), { header: true, skipEmptyLines: true }).data;
const ikmUnit = csvRows('ikm_unit');
const ikmWilayah = csvRows('ikm_wilayah');
const KEYS: Record<string, string[]> = { ikm_unit: ['kode_wilayah', 'kode_unit', 'periode'], ikm_wilayah: ['kode_wilayah', 'periode'] };
const TABLES: Record<string, Row[]> = { ikm_unit: ikmUnit, ikm_wilayah: ikmWilayah };
/** The CSV text of a cited cell: table, key as the page writes it (values joined by '|'), column. */
function published(table: string, key: string, col: string): string | undefined {
  return TABLES[table]?.find((r) => KEYS[table].map((k) => r[k]).join('|') === key)?.[col];
}

const regions = [...new Set(ikmWilayah.map((r) => r.kode_wilayah))].sort();
const isYear = (p: string) => /^\d{4}$/.test(p);
const unitsIn = (kode: string, periode: string) =>
  new Set(ikmUnit.filter((r) => r.kode_wilayah === kode && r.periode === periode).map((r) => r.kode_unit));
const sameSet = (a: Set<string>, b: Set<string>) => a.size === b.size && [...a].every((x) => b.has(x));

type Lang = 'id' | 'en';
const prefix = (lang: Lang) => (lang === 'en' ? '/en' : '');
const fixed2 = (lang: Lang, x: number) => (lang === 'id' ? x.toFixed(2).replace('.', ',') : x.toFixed(2));
const semesterName = (lang: Lang, p: string) =>
  lang === 'id' ? `Semester ${p.endsWith('S1') ? 'I' : 'II'} ${p.slice(0, 4)}` : `H${p.slice(-1)} ${p.slice(0, 4)}`;

/** The words of each state, as a reader sees them in a table cell and in the legend. */
const STATE_CELL: Record<Lang, Record<string, string>> = {
  id: { ya: 'cukup', tidak: 'kurang dari minimum', '': 'tidak diketahui: tidak ada data permohonan layanan' },
  en: { ya: 'adequate', tidak: 'below the minimum', '': 'unknown: no service application data' },
};
const STATE_LEGEND: Record<Lang, Record<string, string>> = {
  id: {
    ya: 'sampel cukup',
    tidak: 'sampel kurang dari minimum',
    '': 'kecukupan sampel tidak diketahui (tidak ada data permohonan layanan)',
  },
  en: { ya: 'sample adequate', tidak: 'sample below the minimum', '': 'sample adequacy unknown (no service application data)' },
};

/** The headline of the annual IKM on a page (region or unit), as the reader's browser shows it. */
async function annualHeadline(page: Page) {
  return page.evaluate(() => {
    const div = [...document.querySelectorAll('dl.headlines > div')].find((d) =>
      /^(IKM tahunan|Annual IKM)/.test(d.querySelector('dt')?.textContent ?? ''),
    );
    if (!div) return null;
    const box = div.getBoundingClientRect();
    return {
      text: (div as HTMLElement).innerText.replace(/\s+/g, ' '),
      cited: [...div.querySelectorAll('data[data-tabel]')].map((d) => ({
        table: d.getAttribute('data-tabel')!,
        key: d.getAttribute('data-kunci')!,
        col: d.getAttribute('data-kolom')!,
        value: (d as HTMLDataElement).value,
      })),
      right: box.right,
      visible: box.width > 0 && box.height > 0,
      pageWidth: document.documentElement.scrollWidth,
    };
  });
}

/** The cells of a figure's table from one published column, with their keys, found as sourceOf finds them. */
async function tableCellsOf(page: Page, figure: string, col: string) {
  const { document } = parseHTML(`<!doctype html><html><body>${await page.$eval(figure, (f) => f.outerHTML)}</body></html>`);
  return [...document.querySelectorAll('td data')].flatMap((d) => {
    const source = sourceOf(d);
    return source?.col === col ? [{ key: source.key, value: d.getAttribute('value') ?? '', text: d.textContent ?? '' }] : [];
  });
}

/**
 * The IKM dots of an SVG, by how they are drawn: the shape, and the grey a greyscale print
 * gives their fill (composited over white), so that states can be told apart without colour.
 */
async function dotsOf(page: Page, selector: string) {
  return page.evaluate((sel) => {
    const svg = document.querySelector(sel);
    if (!svg) return [];
    const grey = (el: Element) => {
      const s = getComputedStyle(el);
      const m = s.fill.match(/rgba?\(([^)]+)\)/);
      const [r, g, b] = m ? m[1].split(/[\s,]+/).map(Number) : [255, 255, 255];
      const a = Number(s.fillOpacity);
      const lin = (c: number) => {
        const v = (c * a + 255 * (1 - a)) / 255;
        return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
      };
      return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
    };
    // Dots are the circles and the symbol paths of groups that fill them (lines and axes do not).
    return [...svg.querySelectorAll('g[stroke-width="2"] > circle, g[fill-opacity] > path')].map((el) => ({
      shape: el.tagName.toLowerCase() === 'circle' ? 'circle' : (el.getAttribute('d') ?? '').replace(/[\d.-]+/g, '#'),
      grey: Math.round(grey(el) * 100) / 100,
    }));
  }, selector);
}

/** Two states are apart in greyscale when their shapes differ or their greys are well apart. */
function expectApart(styles: { shape: string; grey: number }[]) {
  for (let i = 0; i < styles.length; i++)
    for (let j = i + 1; j < styles.length; j++) {
      const [a, b] = [styles[i], styles[j]];
      expect(a.shape !== b.shape || Math.abs(a.grey - b.grey) >= 0.2, `${JSON.stringify(a)} vs ${JSON.stringify(b)}`).toBe(true);
    }
}

/** The legend swatches of the sample states, drawn as their marks: shape (corners, turn) and the grey of their fill. */
async function swatchesOf(page: Page, selector: string, labels: string[]) {
  return page.evaluate(
    ([sel, wanted]) =>
      [...document.querySelectorAll(`${sel} .legend li`)]
        .filter((li) => wanted.some((w) => (li.textContent ?? '').endsWith(w)))
        .map((li) => {
          const s = getComputedStyle(li.querySelector('.swatch')!);
          // Chromium gives rgb() or, for color-mix(), color(srgb r g b) in 0–1.
          const rgb = s.backgroundColor
            .match(/rgba?\(([^)]+)\)/)?.[1]
            .split(/[\s,]+/)
            .map(Number) ??
            s.backgroundColor
              .match(/color\(srgb ([^)]+)\)/)?.[1]
              .split(/\s+/)
              .map((x) => Number(x) * 255) ?? [0, 0, 0];
          const lin = (c: number) => ((c /= 255) <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4);
          return {
            shape: `${s.borderTopLeftRadius}/${s.transform}`,
            grey: Math.round((0.2126 * lin(rgb[0]) + 0.7152 * lin(rgb[1]) + 0.0722 * lin(rgb[2])) * 100) / 100,
          };
        }),
    [selector, labels] as const,
  );
}

/** Groups dots by their drawing: each distinct (shape, grey) is one state's mark. */
const styleKey = (d: { shape: string; grey: number }) => `${d.shape}@${d.grey}`;
const countBy = <T>(xs: T[], key: (x: T) => string) =>
  xs.reduce((m, x) => m.set(key(x), (m.get(key(x)) ?? 0) + 1), new Map<string, number>());

describe.each([360, 1280])('IKM words at %i px, JavaScript off', (width) => {
  let browser: { context: BrowserContext; close: () => Promise<void> };
  beforeAll(async () => {
    browser = await openBrowser({ javaScriptEnabled: false, viewport: { width, height: 800 } });
  });
  afterAll(async () => {
    await browser?.close();
  });
  async function open(path: string): Promise<Page> {
    const page = await browser.context.newPage();
    const res = await page.goto(siteUrl + path, { waitUntil: 'load' });
    expect(res?.status(), path).toBe(200);
    return page;
  }

  test.each(['id', 'en'] as const)(
    'region pages (%s): the annual IKM with its year, semesters, change and units, every figure the published cell',
    async (lang) => {
      let differing = 0;
      for (const kode of regions) {
        const page = await open(`${prefix(lang)}/wilayah/${kode}/`);
        const h = await annualHeadline(page);
        await page.close();
        const rows = ikmWilayah.filter((r) => r.kode_wilayah === kode && r.ikm !== '');
        const year = rows
          .map((r) => r.periode)
          .filter(isYear)
          .sort()
          .at(-1);
        if (!year) {
          expect(h, kode).toBeNull();
          continue;
        }
        expect(h, kode).not.toBeNull();
        expect(h!.visible).toBe(true);
        expect(h!.pageWidth, `${kode}: the page fits ${width} px`).toBeLessThanOrEqual(width);
        const yearRow = rows.find((r) => r.periode === year)!;
        expect(h!.cited[0], kode).toEqual({ table: 'ikm_wilayah', key: `${kode}|${year}`, col: 'ikm', value: yearRow.ikm });
        expect(h!.text).toContain(`${year} · `);
        for (const c of h!.cited) expect(c.value, `${kode} ${c.table} ${c.key} ${c.col}`).toBe(published(c.table, c.key, c.col));
        // The semesters of that year, beside it.
        const semesters = rows
          .filter((r) => r.periode.startsWith(`${year}-`))
          .map((r) => r.periode)
          .sort();
        for (const s of semesters) {
          expect(
            h!.cited.some((c) => c.key === `${kode}|${s}` && c.col === 'ikm'),
            `${kode} ${s}`,
          ).toBe(true);
          expect(h!.text).toContain(semesterName(lang, s));
        }
        // The change from the year before, as the difference of the two published figures.
        const prev = rows.find((r) => r.periode === String(Number(year) - 1));
        if (prev) {
          const delta = Math.round((Number(yearRow.ikm) - Number(prev.ikm)) * 100) / 100;
          const words = lang === 'id' ? (delta > 0 ? 'Naik' : 'Turun') : delta > 0 ? 'Up' : 'Down';
          expect(h!.text).toContain(
            delta === 0
              ? lang === 'id'
                ? `Sama dengan ${prev.periode}`
                : `Unchanged from ${prev.periode}`
              : `${words} ${fixed2(lang, Math.abs(delta))} ${lang === 'id' ? 'poin dari' : 'points from'} ${prev.periode}`,
          );
        } else expect(h!.text).not.toMatch(/poin dari|points from/);
        // Different units behind the two semesters: said, with each period's count.
        const [s1, s2] = [`${year}-S1`, `${year}-S2`].map((p) => unitsIn(kode, p));
        const differ = s1.size > 0 && s2.size > 0 && !sameSet(s1, s2);
        expect(h!.text.includes(lang === 'id' ? 'Unit yang disurvei berbeda' : 'Different units were surveyed'), kode).toBe(differ);
        if (differ) {
          differing++;
          const unit = (n: number) => (lang === 'en' && n !== 1 ? 'units' : 'unit');
          expect(h!.text).toContain(
            `${semesterName(lang, `${year}-S1`)}: ${s1.size} ${unit(s1.size)}, ${semesterName(lang, `${year}-S2`)}: ${s2.size} ${unit(s2.size)}`,
          );
        }
      }
      // The sample has regions whose semesters cover different units (Jakarta, Maulafa).
      expect(differing).toBeGreaterThan(0);
    },
  );

  test.each(['id', 'en'] as const)(
    'unit pages (%s): a unit with an annual figure shows it with its year and its sample adequacy',
    async (lang) => {
      const checked: string[] = [];
      for (const kode of regions) {
        const units = [...new Set(ikmUnit.filter((r) => r.kode_wilayah === kode).map((r) => r.kode_unit))].sort();
        const unitsWithout = [
          ...new Set(
            csvRows('unit')
              .filter((r) => r.kode_wilayah === kode)
              .map((r) => r.kode_unit),
          ),
        ].filter((u) => !units.includes(u));
        for (const unit of [units[0], units.at(-1), unitsWithout[0]].filter((u): u is string => !!u)) {
          const page = await open(`${prefix(lang)}/wilayah/${kode}/unit/${encodeURIComponent(unit)}/`);
          const h = await annualHeadline(page);
          await page.close();
          const rows = ikmUnit.filter((r) => r.kode_wilayah === kode && r.kode_unit === unit && r.ikm !== '');
          const year = rows
            .map((r) => r.periode)
            .filter(isYear)
            .sort()
            .at(-1);
          checked.push(`${kode}/${unit}`);
          if (!year) {
            expect(h, `${kode}/${unit}`).toBeNull();
            continue;
          }
          const row = rows.find((r) => r.periode === year)!;
          expect(h!.cited[0]).toEqual({ table: 'ikm_unit', key: `${kode}|${unit}|${year}`, col: 'ikm', value: row.ikm });
          expect(h!.text).toContain(`${year} · `);
          expect(h!.pageWidth).toBeLessThanOrEqual(width);
          for (const c of h!.cited) expect(c.value, `${kode}/${unit} ${c.key} ${c.col}`).toBe(published(c.table, c.key, c.col));
          expect(h!.text).toContain(
            `${lang === 'id' ? 'Kecukupan sampel' : 'Sample adequacy'} ${year}: ${STATE_CELL[lang][row.sampel_cukup]}.`,
          );
          const semesters = rows.filter((r) => r.periode.startsWith(`${year}-`));
          if (semesters.length === 1)
            expect(h!.text).toContain(
              lang === 'id'
                ? `Hanya ${semesterName(lang, semesters[0].periode)} yang disurvei`
                : `Only ${semesterName(lang, semesters[0].periode)} was surveyed`,
            );
          const prev = rows.find((r) => r.periode === String(Number(year) - 1));
          expect(/poin dari|points from|Sama dengan|Unchanged from/.test(h!.text), `${kode}/${unit}`).toBe(!!prev);
        }
      }
      expect(checked.length).toBeGreaterThanOrEqual(regions.length * 2);
    },
  );

  test.each(['id', 'en'] as const)(
    'the IKM ranking (%s): each sample state drawn apart in greyscale, counted as ikm_unit.csv counts it, worded in table and legend',
    async (lang) => {
      const seen = new Set<string>();
      for (const kode of regions) {
        const page = await open(`${prefix(lang)}/wilayah/${kode}/`);
        const cells = await tableCellsOf(page, '#ikm', 'sampel_cukup');
        const legend = await page.$$eval('#ikm .legend li', (lis) => lis.map((li) => li.textContent ?? ''));
        const takeaway = await page.$eval('#ikm .takeaway', (p) => p.textContent ?? '');
        const dots = await dotsOf(page, '#ikm .chart-svg svg');
        const swatches = await swatchesOf(page, '#ikm', Object.values(STATE_LEGEND[lang]));
        await page.close();
        expect(cells.length, kode).toBeGreaterThan(0);
        const rows = cells.map((c) => ikmUnit.find((r) => [r.kode_wilayah, r.kode_unit, r.periode].join('|') === c.key)!);
        cells.forEach((c, i) => {
          expect(c.value).toBe(rows[i].sampel_cukup);
          expect(c.text).toBe(STATE_CELL[lang][rows[i].sampel_cukup]);
        });
        // Drawn rows (those with an index), by state, against the marks, by how they are drawn.
        const drawn = rows.filter((r) => r.ikm !== '');
        const byState = countBy(drawn, (r) => r.sampel_cukup);
        const byStyle = countBy(dots, styleKey);
        expect([...byStyle.values()].sort(), kode).toEqual([...byState.values()].sort());
        expectApart([...new Map(dots.map((d) => [styleKey(d), d])).values()]);
        expect(swatches.length).toBe(byState.size);
        // The takeaway counts the states as the table has them: "Kecukupan sampel: 9 unit tidak diketahui (…)."
        const summary = ['ya', 'tidak', '']
          .filter((st) => byState.has(st))
          .map(
            (st) =>
              `${byState.get(st)} ${lang === 'en' && byState.get(st) !== 1 ? 'units' : 'unit'} ${STATE_CELL[lang][st].replace(/: (.*)$/, ' ($1)')}`,
          );
        expect(takeaway).toContain(`${lang === 'id' ? 'Kecukupan sampel' : 'Sample adequacy'}: ${summary.join(', ')}.`);
        expectApart(swatches);
        for (const state of ['ya', 'tidak', ''])
          expect(
            legend.some((l) => l.endsWith(STATE_LEGEND[lang][state])),
            `${kode} legend "${state}"`,
          ).toBe(byState.has(state));
        for (const s of byState.keys()) seen.add(s);
      }
      // The sample has all three states, the unknown most of all.
      expect([...seen].sort()).toEqual(['', 'tidak', 'ya']);
    },
  );
});

describe('sample states beyond the region page, JavaScript off', () => {
  let browser: { context: BrowserContext; close: () => Promise<void> };
  beforeAll(async () => {
    browser = await openBrowser({ javaScriptEnabled: false, viewport: { width: 360, height: 800 } });
  });
  afterAll(async () => {
    await browser?.close();
  });
  async function open(path: string): Promise<Page> {
    const page = await browser.context.newPage();
    const res = await page.goto(siteUrl + path, { waitUntil: 'load' });
    expect(res?.status(), path).toBe(200);
    return page;
  }

  test('the forum slide and the embed of the IKM chart key each sample state the chart draws, as the region page does', async () => {
    let unknown = 0;
    for (const lang of ['id', 'en'] as const)
      for (const kode of regions) {
        const legendAt = async (path: string, sel: string) => {
          const page = await open(path);
          const items = await page.$$eval(sel, (lis) => lis.map((li) => li.textContent ?? ''));
          await page.close();
          return items;
        };
        // The states of the chart's rows, from the region page's table, as ikm_unit.csv has them.
        const page = await open(`${prefix(lang)}/wilayah/${kode}/`);
        const keys = (await tableCellsOf(page, '#ikm', 'sampel_cukup')).map((c) => c.key);
        const region = await page.$$eval('#ikm .legend li', (lis) => lis.map((li) => li.textContent ?? ''));
        await page.close();
        const states = new Set(
          keys
            .map((k) => ikmUnit.find((r) => [r.kode_wilayah, r.kode_unit, r.periode].join('|') === k)!)
            .filter((r) => r.ikm !== '')
            .map((r) => r.sampel_cukup),
        );
        if (states.has('')) unknown++;
        // A ranking cut across slides keys on each slide the states its own dots draw; all its keys together are the page's.
        const forum = await open(`${prefix(lang)}/forum/${kode}/`);
        const slides = await forum.$$eval('section[data-chart="ikm"]', (els) =>
          els.map((e) => ({ id: e.id, legend: [...e.querySelectorAll('.legend li')].map((li) => li.textContent ?? '') })),
        );
        const stateKeys = Object.values(STATE_LEGEND[lang]);
        for (const slide of slides) {
          const dots = await dotsOf(forum, `#${slide.id} .slide-chart svg`);
          const drawn = new Set(dots.map((d) => d.shape + (d.grey > 0.95 ? ' hollow' : d.grey > 0.4 ? ' pale' : ' solid')));
          expect(slide.legend.filter((l) => stateKeys.some((k) => l.endsWith(k))).length, `${kode} ${slide.id}`).toBe(drawn.size);
          expect(region.filter((l) => slide.legend.includes(l))).toEqual(slide.legend);
        }
        await forum.close();
        for (const legend of [
          region.filter((l) => slides.some((s) => s.legend.includes(l))),
          await legendAt(`${prefix(lang)}/embed/wilayah/${kode}/ikm/`, '.legend li'),
        ]) {
          expect(legend).toEqual(region);
          for (const state of ['ya', 'tidak', ''])
            expect(
              legend.some((l) => l.endsWith(STATE_LEGEND[lang][state])),
              `${kode} "${state}"`,
            ).toBe(states.has(state));
        }
      }
    expect(unknown).toBeGreaterThan(0);
  });

  test.each(['id', 'en'] as const)(
    'the compare page (%s): its default IKM comparison draws, words and keys the three states as ikm_unit.csv has them',
    async (lang) => {
      const page = await open(`${prefix(lang)}/bandingkan/`);
      const table = await page.$eval('#comparison table', (t) => ({
        head: [...t.querySelectorAll('thead th')].map((th) => th.textContent ?? ''),
        rows: [...t.querySelectorAll('tbody tr')].map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent ?? '')),
        caption: t.querySelector('caption')?.textContent ?? '',
      }));
      const legend = await page.$$eval('.kt-compare-chart .legend li', (lis) => lis.map((li) => li.textContent ?? ''));
      const dots = await dotsOf(page, '.kt-compare-chart svg');
      await page.close();
      const year = ikmUnit
        .map((r) => r.periode)
        .filter(isYear)
        .sort()
        .at(-1)!;
      expect(table.caption).toContain(year);
      const rows = ikmUnit.filter((r) => r.periode === year && r.ikm !== '');
      const col = table.head.indexOf(lang === 'id' ? 'Kecukupan sampel' : 'Sample adequacy');
      expect(col).toBeGreaterThan(0);
      const words: Record<string, string> = {
        ...STATE_CELL[lang],
        '': lang === 'id' ? 'tidak diketahui (tidak ada data permohonan layanan)' : 'unknown (no service application data)',
      };
      expect(countBy(table.rows, (r) => r[col])).toEqual(new Map([...countBy(rows, (r) => r.sampel_cukup)].map(([s, n]) => [words[s], n])));
      const byState = countBy(rows, (r) => r.sampel_cukup);
      expect([...countBy(dots, (d) => d.shape + (d.grey > 0.95 ? ' hollow' : d.grey > 0.4 ? ' pale' : ' solid')).values()].sort()).toEqual(
        [...byState.values()].sort(),
      );
      for (const state of ['ya', 'tidak', ''])
        expect(
          legend.some((l) => l.endsWith(STATE_LEGEND[lang][state])),
          `legend "${state}"`,
        ).toBe(byState.has(state));
    },
  );
});
