/**
 * Training hours (pelatihan_unit) by category: one builder for the region page and a unit page.
 * Both speak of the region's latest year (model.ts regionYear), so a unit without training that
 * year had none (0 hours); the region sums that year's units per category, a unit shows each of
 * its years stacked by category.
 */
import type { PublishedRow } from '../contract/published.ts';
import type { Lang } from '../i18n/lang.ts';
import { t, tr } from '../i18n/words.ts';
import { labelCell, pubCell, sumCell, type ChartData, type LegendItem, type Rich } from '../charts/chart.ts';
import { regionYear, rowsOf, type ChartScope } from './model.ts';
import { num, rawCell, str } from '../charts/row.ts';
import { kategoriPelatihanLabel } from '../i18n/labels.ts';
import { axisFormat, Plot, rowLabels } from '../charts/plot.ts';
import { renderStatic } from './plot-document.ts';
import { BAR_INSET, columns, KATEGORI_PELATIHAN_COLORS, rangeLabel, rowChart } from '../charts/common.ts';

/** What the region and a unit show differently. */
interface View {
  /** The bars' rows (one per key) and their marks; null draws nothing. */
  chart: { keys: string[]; options: Partial<Plot.PlotOptions>; marks: Plot.Markish[]; label: string } | null;
  /** Hours in the year spoken of, and the takeaway after them. */
  total: number;
  rest: Rich;
  table: Pick<ChartData, 'columns' | 'rows' | 'period' | 'collapse' | 'legend'>;
}

/** The region's year: hours per category summed over its units, most first. */
function regionView(lang: Lang, all: readonly PublishedRow[], year: number): View {
  const T = tr(lang);
  const rows = all.filter((r) => r.tahun === year);
  const sum = (k: string, col: 'kegiatan' | 'peserta' | 'jam_pelajaran_total') =>
    rows.filter((r) => r.kategori === k).reduce((s, r) => s + (num(r, col) ?? 0), 0);
  const sums = [...new Set(rows.map((r) => str(r, 'kategori')))]
    .map((k) => ({
      k,
      kegiatan: sum(k, 'kegiatan'),
      peserta: sum(k, 'peserta'),
      jam: sum(k, 'jam_pelajaran_total'),
      units: rows.filter((r) => r.kategori === k).length,
    }))
    .sort((a, b) => b.jam - a.jam);
  const label = (k: string) => kategoriPelatihanLabel(k, lang);
  const top = sums[0];
  return {
    chart: {
      keys: sums.map((s) => s.k),
      options: {},
      marks: [
        rowLabels(
          sums,
          (s) => s.k,
          (s) => label(s.k),
        ),
        Plot.barX(sums, {
          y: (s: { k: string }) => s.k,
          x: 'jam',
          fill: { value: (s: { k: string }) => KATEGORI_PELATIHAN_COLORS[s.k], scale: null },
          ...BAR_INSET,
        }),
      ],
      label: T(`Total jam pelajaran pelatihan per kategori, ${year}`, `Total training hours per category, ${year}`),
    },
    total: sums.reduce((s, x) => s + x.jam, 0),
    rest: [
      T(' jam pelajaran; terbanyak untuk ', ' training hours; most of them in '),
      `${label(top.k)} (`,
      sumCell(lang, top.jam, 'plain'),
      T(' jam).', ' hours).'),
    ],
    table: {
      columns: columns(lang, ['tahun', 'kategori', 'unit', 'kegiatan', 'peserta', 'jam_pelajaran_total']),
      rows: sums.map((s) => ({
        tahun: labelCell(String(year)),
        kategori: labelCell(s.k, label(s.k)),
        unit: sumCell(lang, s.units),
        kegiatan: sumCell(lang, s.kegiatan),
        peserta: sumCell(lang, s.peserta),
        jam_pelajaran_total: sumCell(lang, s.jam, 'plain'),
      })),
      period: String(year),
    },
  };
}

/** A unit: its hours year by year, stacked by category. */
function unitView(lang: Lang, all: readonly PublishedRow[], year: number): View {
  const T = tr(lang);
  const lastYear = String(year);
  const rows = [...all].sort(
    (a, b) => (num(a, 'tahun') ?? 0) - (num(b, 'tahun') ?? 0) || str(a, 'kategori').localeCompare(str(b, 'kategori')),
  );
  const years = [...new Set(rows.map((r) => str(r, 'tahun')))];
  const kategoris = Object.keys(KATEGORI_PELATIHAN_COLORS).filter((k) => rows.some((r) => r.kategori === k));
  return {
    chart: !rows.length
      ? null
      : {
          keys: years,
          options: { color: { domain: kategoris, range: kategoris.map((k) => KATEGORI_PELATIHAN_COLORS[k]) } },
          marks: [
            rowLabels(years, (y) => y),
            Plot.barX(
              rows,
              Plot.stackX({
                y: (r: PublishedRow) => str(r, 'tahun'),
                x: (r: PublishedRow) => num(r, 'jam_pelajaran_total'),
                fill: (r: PublishedRow) => str(r, 'kategori'),
                order: kategoris,
                ...BAR_INSET,
              }),
            ),
          ],
          label: T('Total jam pelajaran pelatihan per tahun menurut kategori', 'Total training hours per year by category'),
        },
    total: rows.filter((r) => str(r, 'tahun') === lastYear).reduce((s, r) => s + (num(r, 'jam_pelajaran_total') ?? 0), 0),
    rest: [T(' jam pelajaran.', ' training hours.')],
    table: {
      columns: columns(lang, ['tahun', 'kategori', 'kegiatan', 'peserta', 'jam_pelajaran_total']),
      rows: rows.map((r) => ({
        tahun: labelCell(rawCell(r, 'tahun')),
        kategori: labelCell(rawCell(r, 'kategori'), kategoriPelatihanLabel(str(r, 'kategori'), lang)),
        kegiatan: pubCell(lang, 'pelatihan_unit', r, 'kegiatan'),
        peserta: pubCell(lang, 'pelatihan_unit', r, 'peserta'),
        jam_pelajaran_total: pubCell(lang, 'pelatihan_unit', r, 'jam_pelajaran_total'),
      })),
      period: rangeLabel(years[0] ?? lastYear, lastYear),
      collapse: rows.length > 10,
      legend: kategoris.map((k): LegendItem => ({ color: KATEGORI_PELATIHAN_COLORS[k], label: kategoriPelatihanLabel(k, lang) })),
    },
  };
}

/** Training of a region (scope without unit) or of one of its units; null when the region sent no training rows. */
export function trainingChart(lang: Lang, { kode, unit }: ChartScope): ChartData | null {
  const T = tr(lang);
  const year = regionYear('pelatihan_unit', kode);
  if (year === undefined) return null;
  const view = (unit === undefined ? regionView : unitView)(lang, rowsOf('pelatihan_unit', kode, unit), year);
  const { chart } = view;
  const svg = !chart
    ? ''
    : renderStatic(
        {
          ...rowChart(chart.keys),
          x: { label: T('Total jam pelajaran →', 'Total training hours →'), tickFormat: axisFormat(lang, 'count'), grid: true, ticks: 4 },
          ...chart.options,
          marks: [...chart.marks, Plot.ruleX([0])],
        },
        { label: chart.label },
      );
  return {
    id: 'pelatihan',
    title: t(lang).titles.pelatihan,
    takeaway: [T(`Tahun ${year}: `, `In ${year}: `), sumCell(lang, view.total, 'plain'), ...view.rest],
    columns: view.table.columns,
    rows: view.table.rows,
    svg,
    sources: ['pelatihan_unit'],
    period: view.table.period,
    method: 'pelatihan',
    ...(view.table.collapse === undefined ? {} : { collapse: view.table.collapse }),
    ...(view.table.legend ? { legend: view.table.legend } : {}),
  };
}

export const trainingByCategory = (lang: Lang, kode: string) => trainingChart(lang, { kode });
export const unitTraining = (lang: Lang, kode: string, unit: string) => trainingChart(lang, { kode, unit });
