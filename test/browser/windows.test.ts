/**
 * One window per statement (issue #10, item 2), on the built sample site: for every region and
 * every summable headline — complaints, timeliness, compliance, training — the region page and
 * each of its unit pages speak of the same window (the region's last exported month of that
 * table, and the months before it, quiet ones included), and the units' figures add up to the
 * region's. The expected figures are computed here from the published CSVs in dist/data, not by
 * the code that made the pages; the pages' figures are read from their <data> elements.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import Papa from 'papaparse';
import { parseHTML } from 'linkedom';
import { describe, expect, inject, it } from 'vitest';

const siteDir = inject('siteDir');

type Row = Record<string, string>;
const table = (name: string): Row[] =>
  Papa.parse<Row>(readFileSync(join(siteDir, 'data', `${name}.csv`), 'utf8'), { header: true, skipEmptyLines: true }).data;
const subdirs = (dir: string): string[] =>
  existsSync(dir)
    ? readdirSync(dir, { withFileTypes: true })
        .filter((d) => d.isDirectory())
        .map((d) => d.name)
        .sort()
    : [];

const monthOf = (r: Row) => (r.bulan.includes('-') ? r.bulan : `${r.tahun}-${r.bulan.padStart(2, '0')}`);
/** The `count` months ending with `last`, oldest first. */
function window(last: string, count: number): string[] {
  const [y, m] = last.split('-').map(Number);
  return Array.from({ length: count }, (_, i) => {
    const d = new Date(Date.UTC(y, m - 1 - (count - 1 - i), 1));
    return `${d.getUTCFullYear()}-${String(d.getUTCMonth() + 1).padStart(2, '0')}`;
  });
}
const MONTHS = {
  id: ['Januari', 'Februari', 'Maret', 'April', 'Mei', 'Juni', 'Juli', 'Agustus', 'September', 'Oktober', 'November', 'Desember'],
  en: ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'],
};
const inWords = (lang: 'id' | 'en', month: string) => `${MONTHS[lang][Number(month.slice(5)) - 1]} ${month.slice(0, 4)}`;

const sum = (rows: Row[], value: (r: Row) => number) => rows.reduce((s, r) => s + value(r), 0);
const n = (col: string) => (r: Row) => Number(r[col] || 0);

/** A page's document, or undefined when the site has no such page. */
function page(path: string) {
  const file = join(siteDir, path, 'index.html');
  return existsSync(file) ? parseHTML(readFileSync(file, 'utf8')).document : undefined;
}
/** The takeaway of a chart on a page: its text, and the values of the numbers in it, in order. */
function takeaway(path: string, id: string): { text: string; values: number[] } | undefined {
  const p = page(path)?.querySelector(`figure#${id} .takeaway`);
  if (!p) return undefined;
  return { text: p.textContent ?? '', values: [...p.querySelectorAll('data')].map((d) => Number(d.getAttribute('value'))) };
}

const close = (a: number, b: number) => Math.abs(a - b) < 0.005;

interface Headline {
  /** The table the figures sum. */
  table: string;
  /** The region page's chart, and the unit page's. */
  regionChart: string;
  unitChart: string;
  /** The window of a region's rows: months (or a year) and whether a row falls in it. */
  window: (rows: Row[]) => { inWindow: (r: Row) => boolean; words: Record<'id' | 'en', string> };
  /** The figures, summed over rows. */
  figures: ((rows: Row[]) => number)[];
  /** Where the figures are among the region's and a unit's takeaway numbers. */
  regionValues: (v: number[]) => number[];
  unitValues: (v: number[]) => number[];
  /** Absence of a unit's rows means zero (events counted) rather than "not reported". */
  absentIsZero: boolean;
}

const monthly = (count: number) => (rows: Row[]) => {
  const months = window(rows.map(monthOf).sort().at(-1)!, count);
  const words = (lang: 'id' | 'en') =>
    count === 1 ? inWords(lang, months[0]) : `${inWords(lang, months[0])}–${inWords(lang, months.at(-1)!)}`;
  return { inWindow: (r: Row) => months.includes(monthOf(r)), words: { id: words('id'), en: words('en') } };
};

const HEADLINES: Record<string, Headline> = {
  complaints: {
    table: 'pengaduan_bulanan',
    regionChart: 'pengaduan',
    unitChart: 'pengaduan',
    window: monthly(12),
    figures: [(rs) => sum(rs, n('masuk')), (rs) => sum(rs, n('selesai'))],
    regionValues: (v) => v.slice(0, 2),
    unitValues: (v) => v.slice(0, 2),
    absentIsZero: true,
  },
  timeliness: {
    table: 'ketepatan_layanan',
    regionChart: 'ketepatan',
    unitChart: 'layanan',
    window: monthly(1),
    figures: [(rs) => sum(rs, n('tepat_waktu')), (rs) => sum(rs, n('selesai'))],
    regionValues: (v) => v.slice(0, 2),
    unitValues: (v) => v.slice(0, 2),
    absentIsZero: false,
  },
  compliance: {
    table: 'kepatuhan_laporan',
    regionChart: 'kepatuhan',
    unitChart: 'kepatuhan',
    window: monthly(1),
    figures: [(rs) => sum(rs, n('laporan')), (rs) => sum(rs, (r) => n('pegawai')(r) * n('hari_kerja')(r))],
    // Region: "… from low% (A) to high% (B). All units: <laporan> reports of <due> due."
    regionValues: (v) => v.slice(-2),
    // Unit: "<month>: <laporan> reports out of <pegawai> employees × <hari_kerja> working days = …"
    unitValues: (v) => [v[0], v[1] * v[2]],
    absentIsZero: false,
  },
  training: {
    table: 'pelatihan_unit',
    regionChart: 'pelatihan',
    unitChart: 'pelatihan',
    window: (rows) => {
      const year = rows
        .map((r) => r.tahun)
        .sort()
        .at(-1)!;
      return { inWindow: (r) => r.tahun === year, words: { id: `Tahun ${year}`, en: `In ${year}` } };
    },
    figures: [(rs) => sum(rs, n('jam_pelajaran_total'))],
    regionValues: (v) => v.slice(0, 1),
    unitValues: (v) => v.slice(0, 1),
    absentIsZero: true,
  },
};

const regionCodes = subdirs(join(siteDir, 'wilayah'));

describe('one window per statement: the units add up to their region', () => {
  for (const [name, h] of Object.entries(HEADLINES)) {
    const rows = table(h.table);
    const regions = regionCodes.filter((k) => rows.some((r) => r.kode_wilayah === k));

    it(`${name}: at least one region has units to add up (the test has something to check)`, () => {
      expect(regions.length).toBeGreaterThan(0);
    });

    for (const kode of regions) {
      it(`${name}, ${kode}: region page = published CSV = Σ unit pages over the region's window, said in words`, () => {
        const regionRows = rows.filter((r) => r.kode_wilayah === kode);
        const { inWindow, words } = h.window(regionRows);
        const inside = regionRows.filter(inWindow);
        const expected = h.figures.map((f) => f(inside));

        for (const lang of ['id', 'en'] as const) {
          const base = lang === 'en' ? 'en/' : '';
          const region = takeaway(`${base}wilayah/${kode}`, h.regionChart);
          expect(region, `${lang} ${kode} #${h.regionChart}`).toBeDefined();
          expect(region!.text, `${lang} ${kode} #${h.regionChart}`).toContain(words[lang]);
          const shown = h.regionValues(region!.values);
          shown.forEach((v, i) =>
            expect(close(v, expected[i]), `${kode} #${h.regionChart} figure ${i}: page ${v}, CSV ${expected[i]}`).toBe(true),
          );
        }

        const unitTotals = expected.map(() => 0);
        for (const unit of subdirs(join(siteDir, 'wilayah', kode, 'unit'))) {
          const unitRows = inside.filter((r) => r.kode_unit === unit);
          const reported = h.absentIsZero || unitRows.length > 0;
          const want = h.figures.map((f) => f(unitRows));
          const shown = takeaway(`wilayah/${kode}/unit/${unit}`, h.unitChart);
          const anyRows = regionRows.some((r) => r.kode_unit === unit);
          if (!shown) {
            // No section drawn: only for a unit with no row at all in a file where absence is "not reported".
            expect(!anyRows && !h.absentIsZero, `${kode}/${unit} has no #${h.unitChart}`).toBe(true);
            continue;
          }
          expect(shown.text, `${kode}/${unit} #${h.unitChart}`).toContain(words.id);
          if (!reported) {
            expect(shown.text, `${kode}/${unit} #${h.unitChart}`).toMatch(/belum dilaporkan/);
            continue;
          }
          const values = h.unitValues(shown.values);
          values.forEach((v, i) => {
            expect(close(v, want[i]), `${kode}/${unit} #${h.unitChart} figure ${i}: page ${v}, CSV ${want[i]}`).toBe(true);
            unitTotals[i] += v;
          });
        }
        unitTotals.forEach((v, i) => expect(close(v, expected[i]), `${kode}: Σ units ${v}, region ${expected[i]}`).toBe(true));
      });
    }
  }
});
