/**
 * Complaints (pengaduan_bulanan) by month and category: one builder for the region page and a
 * unit page. Both cover the region's window of months (model.ts regionMonths), so a unit's counts
 * add up to the region's; the region sums its units, a unit shows its own rows.
 */
import type { PublishedRow } from '../contract/published.ts';
import type { Lang } from '../i18n/lang.ts';
import { t, tr } from '../i18n/words.ts';
import { formatMonth, formatMonths } from '../i18n/format.ts';
import { labelCell, pubCell, sumCell, type ChartColumn, type ChartData, type ChartRow, type Rich } from '../charts/chart.ts';
import { regionMonths, rowsOf, type ChartScope } from './model.ts';
import { num, rawCell, str } from '../charts/row.ts';
import { kategoriPengaduanLabel } from '../i18n/labels.ts';
import { renderStatic } from './plot-document.ts';
import { columns, monthCell, complaintBars, complaintBarsLabel, complaintLegend, RECENT_MONTHS } from '../charts/common.ts';

const sum = (rows: readonly PublishedRow[], col: 'masuk' | 'selesai') => rows.reduce((s, r) => s + (num(r, col) ?? 0), 0);

/** What the region and a unit show differently: the table's rows and columns, the bars' frame, the sentence's end. */
interface View {
  /** The rows drawn (and whose categories the key lists), in the order they are stacked. */
  drawn: readonly PublishedRow[];
  frame: { height: number; marginLeft: number };
  columns: ChartColumn[];
  rows: ChartRow[];
  /** The takeaway after "<months>: <masuk>". */
  rest: Rich;
}

/**
 * The region: each month × category summed over its units. Counts add up across units; medians
 * do not, so each row shows the range of the units' published medians (each end is a published cell).
 */
function regionView(lang: Lang, recent: readonly PublishedRow[]): View {
  const T = tr(lang);
  const groups = new Map<string, PublishedRow[]>();
  for (const r of recent) {
    const k = `${str(r, 'bulan')}|${str(r, 'kategori')}`;
    groups.set(k, [...(groups.get(k) ?? []), r]);
  }
  const rows: ChartRow[] = [...groups.keys()].sort().map((k) => {
    const rs = groups.get(k)!;
    const [bulan, kategori] = k.split('|');
    const withMedian = rs.filter((r) => num(r, 'median_hari') !== null).sort((a, b) => num(a, 'median_hari')! - num(b, 'median_hari')!);
    const none = sumCell(lang, null);
    return {
      bulan: monthCell(lang, bulan),
      kategori: labelCell(kategori, kategoriPengaduanLabel(kategori, lang)),
      unit: sumCell(lang, rs.length),
      masuk: sumCell(lang, sum(rs, 'masuk')),
      selesai: sumCell(lang, sum(rs, 'selesai')),
      median_hari_min: withMedian.length ? pubCell(lang, 'pengaduan_bulanan', withMedian[0], 'median_hari') : none,
      median_hari_maks: withMedian.length ? pubCell(lang, 'pengaduan_bulanan', withMedian[withMedian.length - 1], 'median_hari') : none,
    };
  });
  const byKategori = new Map<string, number>();
  for (const r of recent) byKategori.set(str(r, 'kategori'), (byKategori.get(str(r, 'kategori')) ?? 0) + (num(r, 'masuk') ?? 0));
  const [topKategori, topCount] = [...byKategori].sort((a, b) => b[1] - a[1])[0];
  return {
    drawn: recent,
    frame: { height: 240, marginLeft: 40 },
    columns: columns(lang, [
      'bulan',
      'kategori',
      'unit',
      'masuk',
      ['selesai', 'Selesai', 'Resolved', true],
      ['median_hari_min', 'Median hari, unit tercepat', 'Median days, fastest unit', true],
      ['median_hari_maks', 'Median hari, unit terlambat', 'Median days, slowest unit', true],
    ]),
    rows,
    rest: [
      T(' pengaduan masuk dan ', ' complaints came in and '),
      sumCell(lang, sum(recent, 'selesai')),
      T(' di antaranya sudah selesai. Kategori terbanyak: ', ' of them were resolved. Most common category: '),
      `${kategoriPengaduanLabel(topKategori, lang)} (`,
      sumCell(lang, topCount),
      ').',
    ],
  };
}

/** A unit: its own rows, month by month and category by category. */
function unitView(lang: Lang, recent: readonly PublishedRow[]): View {
  const T = tr(lang);
  const drawn = [...recent].sort(
    (a, b) => str(a, 'bulan').localeCompare(str(b, 'bulan')) || str(a, 'kategori').localeCompare(str(b, 'kategori')),
  );
  return {
    drawn,
    frame: { height: 220, marginLeft: 36 },
    columns: columns(lang, [
      'bulan',
      'kategori',
      'masuk',
      ['selesai', 'Selesai', 'Resolved', true],
      ['median_hari', 'Median hari selesai', 'Median days to resolve', true],
    ]),
    rows: drawn.map((r) => ({
      bulan: labelCell(rawCell(r, 'bulan'), formatMonth(lang, str(r, 'bulan'))),
      kategori: labelCell(rawCell(r, 'kategori'), kategoriPengaduanLabel(str(r, 'kategori'), lang)),
      masuk: pubCell(lang, 'pengaduan_bulanan', r, 'masuk'),
      selesai: pubCell(lang, 'pengaduan_bulanan', r, 'selesai'),
      median_hari: pubCell(lang, 'pengaduan_bulanan', r, 'median_hari'),
    })),
    rest: [
      T(' pengaduan masuk, ', ' complaints came in, '),
      sumCell(lang, sum(recent, 'selesai')),
      T(' di antaranya selesai.', ' of them resolved.'),
    ],
  };
}

/**
 * Complaints of a region (scope without unit) or of one of its units. Null when the region sent
 * no complaint rows; a unit without rows in the window had no complaints (the region's file
 * counts every one): its chart is empty, its counts zero.
 */
export function complaintsChart(lang: Lang, { kode, unit }: ChartScope): ChartData | null {
  const months = regionMonths('pengaduan_bulanan', kode, RECENT_MONTHS);
  if (months.length === 0) return null;
  const recent = rowsOf('pengaduan_bulanan', kode, unit).filter((r) => months.includes(str(r, 'bulan')));
  const view = (unit === undefined ? regionView : unitView)(lang, recent);
  const svg = view.drawn.length
    ? renderStatic(complaintBars(lang, view.drawn, months, view.frame), { label: complaintBarsLabel(lang, months) })
    : '';
  return {
    id: 'pengaduan',
    title: t(lang).titles.pengaduan,
    takeaway: [`${formatMonths(lang, months)}: `, sumCell(lang, sum(recent, 'masuk')), ...view.rest],
    columns: view.columns,
    rows: view.rows,
    svg,
    sources: ['pengaduan_bulanan'],
    period: `${formatMonth(lang, months[0])} – ${formatMonth(lang, months.at(-1)!)}`,
    method: 'pengaduan',
    collapse: true,
    legend: complaintLegend(lang, view.drawn),
  };
}

export const complaintsByMonth = (lang: Lang, kode: string) => complaintsChart(lang, { kode });
export const unitComplaints = (lang: Lang, kode: string, unit: string) => complaintsChart(lang, { kode, unit });
