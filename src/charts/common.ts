/** Building blocks shared by the region, unit and service charts (no node imports: the browser redraws with them). */
import type { PublishedRow } from '../contract/published.ts';
import { KATEGORI_CAPAIAN, KATEGORI_PENGADUAN, KATEGORI_PELATIHAN, PREDIKAT } from '../contract/enums.ts';
import type { Lang } from '../i18n/lang.ts';
import { formatMonth, formatMonths, formatNumber, formatPeriod, type NumberStyle } from '../i18n/format.ts';
import { labelCell, type Cell, type ChartColumn, type LegendItem, type Rich } from './chart-data.ts';
import { monthOf, num, rawCell, str } from './row.ts';
import { t, tr } from '../i18n/words.ts';
import { SAMPLE_WORDS } from './sample.ts';
import { kategoriCapaianLabel, kategoriPengaduanLabel } from '../i18n/labels.ts';
import { gradeLegendWords, gradeThresholdWords } from '../i18n/grade-words.ts';
import { axisFormat, PALETTE, Plot, ROW, ROW_MARGIN_BOTTOM, ROW_MARGIN_TOP, rowsHeight, SMALL_TEXT, VALUE_TEXT } from './plot.ts';
import { localePath, unitPath } from '../routes.ts';

type Heading = [id: string, en: string, numeric?: boolean];

/** The usual header of each published column, said once; a chart may still spell out its own. */
const HEADINGS: Record<string, Heading> = {
  bulan: ['Bulan', 'Month'],
  capaian: ['Capaian (%)', 'Achievement (%)', true],
  ikm: ['IKM', 'Index', true],
  ikm_atas: ['Batas atas 95%', '95% upper', true],
  ikm_bawah: ['Batas bawah 95%', '95% lower', true],
  jam_pelajaran_total: ['Total jam pelajaran', 'Total training hours', true],
  kategori: ['Kategori', 'Category'],
  kegiatan: ['Kegiatan', 'Trainings', true],
  kepatuhan: ['Kepatuhan (%)', 'Compliance (%)', true],
  ketepatan: ['Tepat waktu (%)', 'On time (%)', true],
  kode_indikator: ['Kode', 'Code'],
  kode_unit: ['Kode unit', 'Unit code'],
  laporan: ['Laporan', 'Reports', true],
  masuk: ['Masuk', 'Received', true],
  mutu: ['Mutu', 'Grade'],
  nama_indikator: ['Indikator', 'Indicator'],
  nama_layanan: ['Layanan', 'Service'],
  nama_unit: ['Unit', 'Unit'],
  pegawai: ['Pegawai', 'Employees', true],
  periode: ['Periode', 'Period'],
  permohonan: ['Permohonan', 'Applications', true],
  peserta: ['Peserta', 'Participants', true],
  rata_hari: ['Rata-rata (hari)', 'Mean (days)', true],
  realisasi: ['Realisasi', 'Realisation', true],
  responden: ['Responden', 'Respondents', true],
  sampel_cukup: [SAMPLE_WORDS.id.heading, SAMPLE_WORDS.en.heading],
  sampel_minimum: ['Sampel minimum', 'Minimum sample', true],
  satuan: ['Satuan', 'Unit of measure'],
  selesai: ['Selesai', 'Completed', true],
  standar_hari: ['Standar (hari)', 'Standard (days)', true],
  tahun: ['Tahun', 'Year'],
  target: ['Target', 'Target', true],
  tepat_waktu: ['Tepat waktu', 'On time', true],
  unit: ['Unit', 'Units', true],
};

/** Column headers in the reader's language; keys stay the CSV's (published) names. */
export function columns(lang: Lang, spec: (string | [key: string, ...Heading])[]): ChartColumn[] {
  return spec.map((item) => {
    const [key, idText, enText, numeric] = typeof item === 'string' ? [item, ...HEADINGS[item]] : item;
    return { key, label: lang === 'id' ? idText : enText, numeric: numeric ?? false };
  });
}

/** The unit's code and its name (linked to the unit page). */
export function unitCells(lang: Lang, kode: string, row: PublishedRow, names: Map<string, string>): { kode_unit: Cell; nama_unit: Cell } {
  const code = rawCell(row, 'kode_unit');
  const name = names.get(str(row, 'kode_unit')) ?? code;
  return { kode_unit: labelCell(code), nama_unit: labelCell(name, name, localePath(lang, unitPath(kode, str(row, 'kode_unit')))) };
}

/** tahun + bulan as published, the month shown by name. */
export function yearMonthCells(lang: Lang, row: PublishedRow): { tahun: Cell; bulan: Cell } {
  return {
    tahun: labelCell(rawCell(row, 'tahun')),
    bulan: labelCell(rawCell(row, 'bulan'), formatMonth(lang, monthOf(row)).replace(/\s\d{4}$/, '')),
  };
}

/** A `YYYY-MM` month as a label cell (`Agu 2025`). */
export const monthCell = (lang: Lang, month: string): Cell => labelCell(month, formatMonth(lang, month));

export const periodCell = (lang: Lang, row: PublishedRow): Cell =>
  labelCell(rawCell(row, 'periode'), formatPeriod(lang, str(row, 'periode')));

/** The month as a UTC date, for Plot's time scales. */
export const monthDate = (month: string): Date => {
  const [y, m] = month.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, 1));
};

/** Month ticks in the page's language ("Jan 25"), short enough for 360 px. */
export const monthTick = (lang: Lang) => (d: Date) =>
  formatMonth(lang, [d.getUTCFullYear(), d.getUTCMonth() + 1]).replace(/(\d{2})(\d{2})$/, '$2');

/** Fixed, ordered colours per category, so a category keeps its colour across pages. */
export const KATEGORI_PENGADUAN_COLORS = Object.fromEntries(KATEGORI_PENGADUAN.map((k, i) => [k.value, PALETTE[i % PALETTE.length]]));
export const KATEGORI_PELATIHAN_COLORS = Object.fromEntries(KATEGORI_PELATIHAN.map((k, i) => [k.value, PALETTE[i % PALETTE.length]]));

/** Ordered categories read best as one blue-to-orange ramp (safe for red–green deficiencies). */
const ORDERED_5 = ['#08519c', '#4a98c9', '#b8b8b8', '#f4a259', '#b34700'];
export const KATEGORI_CAPAIAN_COLORS = Object.fromEntries(KATEGORI_CAPAIAN.map((k, i) => [k.value, ORDERED_5[i]]));
export const PREDIKAT_COLORS = Object.fromEntries(PREDIKAT.map((k, i) => [k.value, ORDERED_5[i]]));

/** The key of a capaian chart: the kategori colours, and the target line with the warning that a kategori is not success. */
export const capaianLegend = (lang: Lang): LegendItem[] => [
  ...Object.entries(KATEGORI_CAPAIAN_COLORS).map(([k, color]) => ({ color, label: kategoriCapaianLabel(k, lang) })),
  { color: '#1b1f24', dashed: true, label: `${t(lang).target.targetLine}. ${t(lang).target.kategoriNote}.` },
];

// ——— Row charts: a label line, then the bar or dot beneath it ———

/** Vertical offset of a bar's or dot's centre within its row (the label sits above). */
export const BAR_DY = 8;
/** Insets that keep bars and heatmap cells in the lower part of their row. */
export const BAR_INSET = { insetTop: ROW / 2 + 1, insetBottom: ROW / 2 - 15 } as const;

/** Frame and y scale for a chart with one labelled row per key. */
export function rowChart(keys: readonly string[]): Plot.PlotOptions {
  return {
    height: rowsHeight(keys.length),
    marginLeft: 8,
    marginRight: 14,
    marginTop: ROW_MARGIN_TOP,
    marginBottom: ROW_MARGIN_BOTTOM,
    y: { type: 'band', domain: [...keys], axis: null, padding: 0 },
  };
}

/**
 * Rows a forum slide shows of a row chart at a size a room can read (its smallest text 14 px on a
 * 1280 × 720 projector, measured by the forum test); a chart with more is cut (slideParts).
 */
const SLIDE_ROWS = 8;

/**
 * A row chart with more rows than a slide shows legibly, cut into parts of about equal size
 * (27 rows: 6, 7, 7, 7; 91 rows: twelve of 7 or 8), each drawn by `draw` from its rows, its place and
 * the number of parts; undefined when one slide holds it.
 */
export function slideParts<K, V = string>(keys: readonly K[], draw: (part: readonly K[], i: number, parts: number) => V): V[] | undefined {
  if (keys.length <= SLIDE_ROWS) return undefined;
  const parts = Math.ceil(keys.length / SLIDE_ROWS);
  const edge = (i: number) => Math.floor((i * keys.length) / parts);
  return Array.from({ length: parts }, (_, i) => draw(keys.slice(edge(i), edge(i + 1)), i, parts));
}

/** How many recent months the region and unit pages show of a monthly table; the full history is in the downloads. */
export const RECENT_MONTHS = 12;

/** Three-letter month names for band axes: `Jan`…`Des` / `Jan`…`Dec`. */
export const monthInitial = (lang: Lang) => (m: string) => formatMonth(lang, m).slice(0, 3);

/**
 * Where a heatmap's shades start: spread over the values actually present (at least 20 points
 * wide), so that 85 % and 99 % do not look alike; the numbers printed in the cells carry the
 * exact value.
 */
const shadeLow = (values: readonly number[]) => Math.min(80, Math.floor(Math.min(...values, 100) / 5) * 5);

/** A months × rows heatmap frame, 0–100 % on a single-hue scale (print- and colour-blind-safe). */
export function heatmap(lang: Lang, months: string[], keys: string[], marks: Plot.Markish[], values: number[] = []): Plot.PlotOptions {
  const low = shadeLow(values);
  // No x label here, so a shorter bottom margin; the height follows so rows keep ROW each.
  return {
    ...rowChart(keys),
    height: rowsHeight(keys.length) - ROW_MARGIN_BOTTOM + 26,
    marginBottom: 26,
    x: { type: 'band', domain: months, axis: null },
    color: { type: 'linear', domain: [low, 100], range: ['#f7fbff', '#08306b'], clamp: true },
    marks: [...marks, Plot.axisX({ tickSize: 0, fontSize: SMALL_TEXT, tickFormat: monthInitial(lang), label: null })],
  };
}

/**
 * Heatmap cells with their value printed inside, dark text on light cells and vice versa.
 * `shades`: the values the heatmap's shades were spread over (heatmap's `values`), when `rows`
 * are only some of them (a slide part).
 */
export function heatCells<T>(
  lang: Lang,
  rows: readonly T[],
  x: (d: T) => string,
  y: (d: T) => string,
  value: (d: T) => number,
  shades: readonly number[] = rows.map(value),
): Plot.Markish[] {
  // White text once the cell is dark enough: past the middle of the shade range.
  const low = shadeLow(shades);
  const threshold = low + (100 - low) * 0.45;
  return [
    Plot.cell(rows, { x, y, fill: value, ...BAR_INSET, insetLeft: 0.5, insetRight: 0.5 }),
    Plot.text(rows, {
      x,
      y,
      dy: BAR_DY,
      text: (d: T) => formatNumber(lang, Math.round(value(d)), 'count'),
      fill: { value: (d: T) => (value(d) >= threshold ? 'white' : '#1b1f24'), scale: null },
      fontSize: SMALL_TEXT,
      className: VALUE_TEXT,
    }),
  ];
}

/**
 * A monthly time axis: a tick every few months so that 12 or 24 months fit on a phone,
 * labelled in the page's language.
 */
export function monthAxis(lang: Lang, months: string[]): Plot.ScaleOptions {
  const step = months.length > 12 ? 6 : 3;
  const first = monthDate(months[0]);
  const last = monthDate(months[months.length - 1]);
  const ticks = months.filter((_, i) => (months.length - 1 - i) % step === 0).map(monthDate);
  return { type: 'utc', domain: [first, last], ticks, tickFormat: monthTick(lang), label: null, inset: 6 };
}

/**
 * A percentage axis's domain: up to 100, from the lowest value rounded down to a multiple of
 * ten and from 50 at most, so that a dip stays visible and a steady 95 % does not look like a collapse.
 */
export const percentDomain = (values: readonly number[]): [number, number] => [
  Math.min(50, ...values.map((v) => Math.floor(v / 10) * 10)),
  100,
];

/** `Semester I 2025` is too long for an axis: `S1 2025` / `H1 2025`. */
export function shortPeriod(lang: Lang, period: string): string {
  const m = /^(\d{4})-S([12])$/.exec(period);
  return m ? `${lang === 'id' ? 'S' : 'H'}${m[2]} ${m[1]}` : formatPeriod(lang, period);
}

/** `A – B`, or just `A` when both ends are the same. */
export const rangeLabel = (a: string, b: string) => (a === b ? a : `${a} – ${b}`);

/**
 * Complaints received per month, stacked by category (pengaduan_bulanan rows, one or more per
 * month and category: a region's units are summed).
 */
export function complaintBars(
  lang: Lang,
  rows: readonly PublishedRow[],
  months: readonly string[],
  frame: { height: number; marginLeft: number },
): Plot.PlotOptions {
  const T = tr(lang);
  const kategoris = complaintKategoris(rows);
  return {
    ...frame,
    marginRight: 8,
    x: { type: 'band', domain: [...months], axis: null },
    y: { label: T('↑ Pengaduan masuk', '↑ Complaints received'), tickFormat: axisFormat(lang, 'count'), grid: true },
    color: { domain: kategoris, range: kategoris.map((k) => KATEGORI_PENGADUAN_COLORS[k]) },
    marks: [
      Plot.barY(
        rows,
        Plot.groupX(
          { y: 'sum' },
          {
            x: (r: PublishedRow) => str(r, 'bulan'),
            y: (r: PublishedRow) => num(r, 'masuk'),
            fill: (r: PublishedRow) => str(r, 'kategori'),
            order: kategoris,
          },
        ),
      ),
      Plot.ruleY([0]),
      Plot.axisX({ tickSize: 0, fontSize: SMALL_TEXT, tickFormat: monthInitial(lang), label: null }),
    ],
  };
}

/** The complaint categories present in the rows, in the contract's order (the colours' order). */
const complaintKategoris = (rows: readonly PublishedRow[]) =>
  Object.keys(KATEGORI_PENGADUAN_COLORS).filter((k) => rows.some((r) => r.kategori === k));

/** The colour key of complaintBars. */
export const complaintLegend = (lang: Lang, rows: readonly PublishedRow[]) =>
  complaintKategoris(rows).map((k) => ({ color: KATEGORI_PENGADUAN_COLORS[k], label: kategoriPengaduanLabel(k, lang) }));

/** A chart's description for screen readers: complaints per month by category over `months`. */
export const complaintBarsLabel = (lang: Lang, months: readonly string[]) =>
  tr(lang)(
    `Pengaduan masuk per bulan menurut kategori, ${formatMonths(lang, months)}`,
    `Complaints received per month by category, ${formatMonths(lang, months)}`,
  );

/**
 * A grade scale's B and A thresholds (derive/grades.ts) as the legends say them: "batas mutu B
 * (76,61) dan A (88,31)"; with `legend`, after "garis putus: " (a legend without a dashed swatch).
 */
export function gradeThresholds(lang: Lang, grade: { readonly A: number; readonly B: number }, style: NumberStyle, legend = false): string {
  const [b, a] = [grade.B, grade.A].map((v) => formatNumber(lang, v, style));
  return (legend ? gradeLegendWords : gradeThresholdWords)(lang, b, a);
}

/** A takeaway with one more sentence after it (none when the sentence is empty). */
export const withSentence = (takeaway: Rich, sentence: Rich): Rich => (sentence.length ? [...takeaway, ' ', ...sentence] : takeaway);
