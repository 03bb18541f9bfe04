/**
 * What the compare page says around its numbers (issue #10, item 8): which unit has no value
 * for which period asked for, captions in plain words (no column or table names), and the same
 * dashed grade lines as the region and unit pages. The build and the browser render the same
 * markup (comparison-view.ts), so these hold for both.
 */
import { describe, expect, test } from 'vitest';
import { ALL_UNITS_MOST, comparisonHtml, missingValues, tooManyHtml, tooManyToDraw } from '../../src/charts/comparison-view.ts';
import { compareChart, comparePoints } from '../../src/charts/compare.ts';
import { TABLES } from '../../src/contract/published.ts';
import { COMPARE_COLUMNS, MEASURES, measureByKey, type CompareChoices } from '../../src/queries/compare.ts';
import type { QueryResult } from '../../src/queries/result.ts';
import { svgDocument } from '../../src/site/plot-document.ts';
import { unitsUnlisted, UNITS_LISTED_MOST, type CompareOptions } from '../../src/site/compare.ts';
import { COMPARE_WORDS } from '../../src/i18n/compare-words.ts';
import { formatNumber } from '../../src/i18n/format.ts';

const row = (unit: string, periode: string, nilai: number, wilayah = 'kota') => [
  wilayah,
  `Kota ${wilayah}`,
  unit,
  `Kantor ${unit}`,
  periode,
  nilai,
  nilai - 2,
  nilai + 2,
  100,
];
/** Kantor A has both semesters, Kantor B only the second. */
const result: QueryResult = {
  columns: [...COMPARE_COLUMNS],
  rows: [row('A', '2025-S1', 80), row('A', '2025-S2', 82), row('B', '2025-S2', 90)],
};
const asked: CompareChoices = { measure: 'ikm', regions: [], units: [], periods: ['2025-S1', '2025-S2'] };

describe('a comparison says what it could not show', () => {
  test('the unit without a value in a period asked for, by period', () => {
    expect(missingValues(result, asked)).toEqual({ periods: [], units: [{ period: '2025-S1', units: ['Kantor B'] }] });
  });
  test('a period asked for that no unit has', () => {
    expect(missingValues(result, { ...asked, periods: ['2024', '2025-S1', '2025-S2'] }).periods).toEqual(['2024']);
  });
  test('in words, both languages', () => {
    expect(comparisonHtml(result, asked, 'id', '')).toContain('Tidak ada nilai untuk Semester I 2025: Kantor B.');
    expect(comparisonHtml(result, asked, 'en', '')).toContain('No value for H1 2025: Kantor B.');
    expect(comparisonHtml(result, { ...asked, periods: ['2024', ...asked.periods] }, 'id', '')).toContain(
      'Tidak ada nilai untuk 2024 pada pilihan ini.',
    );
  });
  test('nothing to say when every unit has every period', () => {
    expect(comparisonHtml(result, { ...asked, periods: ['2025-S2'] }, 'id', '')).not.toContain('kt-compare-missing');
  });
  test('the heading names periods in words', () => {
    expect(comparisonHtml(result, asked, 'id', '')).toContain('<h2 id="comparison-title">IKM · Semester I 2025, Semester II 2025</h2>');
  });
});

describe('compare captions in plain language', () => {
  /** Published table and column names with an underscore or dot: words of the CSV, not of a reader. */
  const names = [...new Set(TABLES.flatMap((t) => [t.name, ...t.columns.map((c) => c.name)]))].filter((n) => n.includes('_'));
  test.each(MEASURES.map((m) => m.key))('%s: no table or column name in its label or caption', (key) => {
    const m = measureByKey(key)!;
    for (const lang of ['id', 'en'] as const) {
      // What a reader reads: the text, not the links' addresses (the SQL link carries SQL).
      const caption = comparisonHtml(result, { ...asked, measure: key }, lang, '').replace(/<[^>]*>/g, ' ');
      for (const text of [m.label[lang], m.note[lang], caption]) {
        for (const n of names) expect(text, `${lang}: ${n}`).not.toMatch(new RegExp(`\\b${n}\\b`));
        expect(text).not.toMatch(/Σ|\b[a-z]+\.[a-z_]+\b/);
      }
    }
  });
  test('IKM and unsur comparisons draw and say the grade lines of the region and unit pages', () => {
    const svg = compareChart(comparePoints(result), measureByKey('ikm')!, 'id', svgDocument()).outerHTML;
    expect(svg.match(/stroke-dasharray="4,3"/g)?.length).toBeGreaterThanOrEqual(2);
    expect(comparisonHtml(result, asked, 'id', '')).toContain('Garis putus: batas mutu B (76,61) dan A (88,31).');
    expect(comparisonHtml(result, { ...asked, measure: 'nrr_waktu' }, 'en', '')).toContain(
      'Dashed: grade B (3.0644) and A (3.5324) thresholds.',
    );
  });
});

describe('a comparison of every unit too large to draw says so instead', () => {
  /** `n` units with an IKM in 2025, in regions of ten units each; one more without a value. */
  const many = (n: number): QueryResult => ({
    columns: [...COMPARE_COLUMNS],
    rows: [
      ...Array.from({ length: n }, (_, i) => row(`U${i}`, '2025', 80, `w${Math.floor(i / 10)}`)),
      [...row('KOSONG', '2025', 0, 'w0').slice(0, 5), null, null, null, 0],
    ],
  });
  const all: CompareChoices = { measure: 'ikm', regions: [], units: [], periods: ['2025'] };

  test(`up to ${ALL_UNITS_MOST} units with a value are drawn; past that, none, and the count is said`, () => {
    expect(tooManyToDraw(many(ALL_UNITS_MOST), all)).toBeNull();
    expect(tooManyToDraw(many(ALL_UNITS_MOST + 1), all)).toEqual({ units: ALL_UNITS_MOST + 1, regions: 11 });
    const html = comparisonHtml(many(1390), all, 'id', '<svg></svg>');
    expect(html).not.toContain('<svg');
    expect(html).not.toContain('<table');
    expect(html).toContain('1.390 unit di 139 wilayah memiliki nilai untuk pilihan ini: terlalu banyak untuk satu grafik yang terbaca.');
    expect(html).toContain('Nilainya berasal dari tabel <a href="/data/ikm_unit/"><code>ikm_unit</code></a>, yang dapat diunduh.');
    // Choosing is for readers with scripts (the form is theirs); regions, which the form always lists.
    expect(html).toContain('<p class="kt-needs-js">Pilih wilayah di atas untuk membandingkan unitnya.</p>');
    const en = comparisonHtml(many(1390), all, 'en', '');
    expect(en).toContain('1,390 units in 139 regions have a value for these choices');
    expect(en).toContain('<a href="/en/data/ikm_unit/">');
    // The heading and the links to the same comparison and its SQL stay.
    expect(html).toContain('<h2 id="comparison-title">IKM · 2025</h2>');
    expect(html).toContain('Lihat SQL-nya di penjelajah');
    // No embed of a comparison not drawn; one drawn is offered its embed.
    expect(comparisonHtml(many(1390), all, 'id', '', true)).not.toContain('Sematkan');
    expect(comparisonHtml(many(ALL_UNITS_MOST), all, 'id', '<svg></svg>', true)).toContain('Sematkan');
  });

  test('a measure computed from a table (not a column of it) says its values come from that table', () => {
    const html = comparisonHtml(many(200), { ...all, measure: 'hari_pengaduan' }, 'en', '');
    const table = measureByKey('hari_pengaduan')!.table;
    expect(html).toContain(
      `The values come from the table <a href="/en/data/${table}/"><code>${table}</code></a>, which can be downloaded.`,
    );
  });

  test('a reader who chose regions or units gets what they chose drawn, however many', () => {
    expect(tooManyToDraw(many(1390), { ...all, regions: ['w1'] })).toBeNull();
    expect(tooManyToDraw(many(1390), { ...all, units: ['w1/U10'] })).toBeNull();
    // An embed has no form, and its link opens the site in the reader's tab, not in the frame.
    const embed = tooManyHtml({ units: 500, regions: 50 }, measureByKey('ikm')!, 'id', 'embed');
    expect(embed).not.toContain('kt-needs-js');
    expect(embed).toContain('<a href="/data/ikm_unit/" target="_top">');
  });
});

test(`the form lists units to tick up to ${UNITS_LISTED_MOST}; past that, regions only, and says why`, () => {
  const options = (perRegion: number, regions: number): CompareOptions => ({
    periods: ['2025'],
    regions: Array.from({ length: regions }, (_, i) => ({
      kode: `w${i}`,
      nama: `Wilayah ${i}`,
      units: Array.from({ length: perRegion }, (_, j) => ({ key: `w${i}:U${j}`, nama: `Unit ${j}` })),
    })),
  });
  expect(unitsUnlisted(options(UNITS_LISTED_MOST / 4, 4))).toBeNull();
  expect(unitsUnlisted(options(200, 50))).toBe(10_000);
  expect(COMPARE_WORDS.id.unitsNotListed(formatNumber('id', 10_000, 'count'))).toBe(
    'Jumlah unit (10.000) terlalu banyak untuk dicantumkan di sini: setiap wilayah yang dipilih dibandingkan dengan semua unitnya.',
  );
  expect(COMPARE_WORDS.en.unitsNotListed(formatNumber('en', 10_000, 'count'))).toBe(
    'There are too many units (10,000) to list here: each region chosen is compared with all its units.',
  );
});
