/**
 * The charts of a service page: what a citizen asks ("how long does a KTP take here?"). A
 * service code may be offered by several units; each gets its own line.
 */
import type { PublishedRow } from '../../contract/published.ts';
import type { Lang } from '../i18n.ts';
import { t, tr } from '../words.ts';
import { formatMonth } from '../format.ts';
import { pubCell, type ChartData, type ChartRow, type Rich } from '../chart.ts';
import { hasFile, rowsOf, unitNames } from '../model.ts';
import { monthOf, num, str } from '../row.ts';
import { axisFormat, PALETTE, Plot } from '../plot.ts';
import { renderStatic } from '../plot-document.ts';
import { memoize } from '../memo.ts';
import { columns, monthAxis, monthDate, percentDomain, rangeLabel, unitCells, yearMonthCells } from './common.ts';
import { CHART_INPUT, type PageChart } from './region.ts';

/** Rows of one service code in a region, oldest month first, unit by unit. */
export function serviceRows(kode: string, layanan: string): PublishedRow[] {
  return rowsOf('ketepatan_layanan', kode)
    .filter((r) => r.kode_layanan === layanan)
    .sort((a, b) => str(a, 'kode_unit').localeCompare(str(b, 'kode_unit')) || monthOf(a).localeCompare(monthOf(b)));
}

function unitColours(rows: PublishedRow[]): Map<string, string> {
  const units = [...new Set(rows.map((r) => str(r, 'kode_unit')))];
  return new Map(units.map((u, i) => [u, PALETTE[i % PALETTE.length]]));
}

/**
 * A service's monthly series of one column, a line per unit: its rows, the months, the rows
 * with a value (drawn), the units' names, colours and colour key, and a sentence on the latest month.
 */
function serviceSeries(kode: string, layanan: string, column: string) {
  const rows = serviceRows(kode, layanan);
  const names = unitNames(kode);
  const colour = unitColours(rows);
  const months = [...new Set(rows.map(monthOf))].sort();
  const drawn = rows.filter((r) => num(r, column) !== null);
  const stroke = { value: (r: PublishedRow) => colour.get(str(r, 'kode_unit')), scale: null };
  /** "<month>: <unit> <what>; <unit> <what>." over the latest month's drawn rows; `none` when there are none. */
  const latestTakeaway = (lang: Lang, what: (r: PublishedRow) => Rich, none: Rich): Rich => {
    const latest = drawn.filter((r) => monthOf(r) === months.at(-1));
    if (latest.length === 0) return none;
    return latest
      .flatMap((r, i) => [i === 0 ? `${formatMonth(lang, monthOf(r), true)}: ` : '; ', ...(colour.size > 1 ? [`${names.get(str(r, 'kode_unit'))} `] : []), ...what(r)])
      .concat(['.']);
  };
  const legend = [...colour].map(([u, c]) => ({ color: c, label: names.get(u) ?? u }));
  return { rows, names, months, drawn, stroke, legend, latestTakeaway };
}

const x = (r: PublishedRow) => monthDate(monthOf(r));

export function onTimeByMonth(lang: Lang, kode: string, layanan: string): ChartData | null {
  const T = tr(lang);
  const { rows, names, months, drawn, stroke, legend, latestTakeaway } = serviceSeries(kode, layanan, 'ketepatan');
  if (rows.length === 0) return null;
  const svg = renderStatic(
    {
      height: 240,
      marginLeft: 36,
      marginRight: 22,
      x: monthAxis(lang, months),
      y: { domain: percentDomain(drawn.map((r) => num(r, 'ketepatan')!)), label: T('↑ Selesai tepat waktu (%)', '↑ Completed on time (%)'), tickFormat: axisFormat(lang, 'count'), grid: true },
      marks: [
        Plot.line(drawn, { x, y: (r: PublishedRow) => num(r, 'ketepatan'), z: (r: PublishedRow) => str(r, 'kode_unit'), stroke, strokeWidth: 2 }),
        Plot.dot(drawn, { x, y: (r: PublishedRow) => num(r, 'ketepatan'), fill: stroke, r: 2.5 }),
      ],
    },
    { label: T('Persentase permohonan selesai tepat waktu per bulan', 'Share of applications completed on time per month') },
  );
  return {
    id: 'ketepatan-bulanan',
    title: t(lang).titles['ketepatan-bulanan'],
    takeaway: latestTakeaway(
      lang,
      (r) => [
        pubCell(lang, 'ketepatan_layanan', r, 'tepat_waktu'),
        T(' dari ', ' of '),
        pubCell(lang, 'ketepatan_layanan', r, 'selesai'),
        T(' permohonan selesai tepat waktu (', ' applications completed on time ('),
        pubCell(lang, 'ketepatan_layanan', r, 'ketepatan'),
        '%)',
      ],
      [T('Pada bulan terakhir tidak ada permohonan yang selesai.', 'No application was completed in the last month.')],
    ),
    columns: columns(lang, [
      'kode_unit',
      'nama_unit',
      'tahun',
      'bulan',
      'permohonan',
      'selesai',
      'tepat_waktu',
      'ketepatan',
    ]),
    rows: rows.map(
      (r): ChartRow => ({
        ...unitCells(lang, kode, r, names),
        ...yearMonthCells(lang, r),
        permohonan: pubCell(lang, 'ketepatan_layanan', r, 'permohonan'),
        selesai: pubCell(lang, 'ketepatan_layanan', r, 'selesai'),
        tepat_waktu: pubCell(lang, 'ketepatan_layanan', r, 'tepat_waktu'),
        ketepatan: pubCell(lang, 'ketepatan_layanan', r, 'ketepatan'),
      }),
    ),
    svg,
    sources: ['ketepatan_layanan'],
    period: rangeLabel(formatMonth(lang, months[0]), formatMonth(lang, months.at(-1)!)),
    method: 'ketepatan',
    collapse: true,
    legend,
  };
}

export function processingDays(lang: Lang, kode: string, layanan: string): ChartData | null {
  const T = tr(lang);
  const { rows, names, months, drawn, stroke, legend, latestTakeaway } = serviceSeries(kode, layanan, 'rata_hari');
  if (rows.length === 0) return null;
  const maxY = Math.max(...rows.map((r) => Math.max(num(r, 'rata_hari') ?? 0, num(r, 'standar_hari') ?? 0)));
  const svg = renderStatic(
    {
      height: 240,
      marginLeft: 36,
      marginRight: 22,
      x: monthAxis(lang, months),
      y: { domain: [0, Math.ceil(maxY * 1.15)], label: T('↑ Hari', '↑ Days'), tickFormat: axisFormat(lang), grid: true },
      marks: [
        Plot.line(rows, { x, y: (r: PublishedRow) => num(r, 'standar_hari'), z: (r: PublishedRow) => str(r, 'kode_unit'), stroke, strokeDasharray: '5,4', curve: 'step-after' }),
        Plot.line(drawn, { x, y: (r: PublishedRow) => num(r, 'rata_hari'), z: (r: PublishedRow) => str(r, 'kode_unit'), stroke, strokeWidth: 2 }),
        Plot.dot(drawn, { x, y: (r: PublishedRow) => num(r, 'rata_hari'), fill: stroke, r: 2.5 }),
        Plot.ruleY([0]),
      ],
    },
    { label: T('Rata-rata hari proses per bulan (garis) dibanding standar layanan (garis putus)', 'Mean processing days per month (solid) against the service standard (dashed)') },
  );
  return {
    id: 'waktu-proses',
    title: t(lang).titles['waktu-proses'],
    takeaway: latestTakeaway(
      lang,
      (r) => [
        T('rata-rata ', 'mean '),
        pubCell(lang, 'ketepatan_layanan', r, 'rata_hari'),
        T(' hari, standar ', ' days, standard '),
        pubCell(lang, 'ketepatan_layanan', r, 'standar_hari'),
        T(' hari', ' days'),
      ],
      [T('Rata-rata hari proses bulan terakhir tidak dilaporkan.', 'Mean processing days were not reported for the last month.')],
    ),
    columns: columns(lang, [
      'kode_unit',
      'nama_unit',
      'tahun',
      'bulan',
      'standar_hari',
      'rata_hari',
    ]),
    rows: rows.map(
      (r): ChartRow => ({
        ...unitCells(lang, kode, r, names),
        ...yearMonthCells(lang, r),
        standar_hari: pubCell(lang, 'ketepatan_layanan', r, 'standar_hari'),
        rata_hari: pubCell(lang, 'ketepatan_layanan', r, 'rata_hari', { missing: 'unreported' }),
      }),
    ),
    svg,
    sources: ['ketepatan_layanan'],
    period: rangeLabel(formatMonth(lang, months[0]), formatMonth(lang, months.at(-1)!)),
    method: 'ketepatan',
    collapse: true,
    legend: [...legend, { color: '#57606a', label: T('garis putus = standar layanan', 'dashed = service standard'), dashed: true }],
  };
}

/** The service page's charts; memoised because the page and its CSV endpoints both ask. */
export const serviceCharts = memoize((lang: Lang, kode: string, layanan: string): PageChart[] => [
  { id: 'ketepatan-bulanan', chart: onTimeByMonth(lang, kode, layanan), fileSent: hasFile(kode, CHART_INPUT['ketepatan-bulanan']) },
  { id: 'waktu-proses', chart: processingDays(lang, kode, layanan), fileSent: hasFile(kode, CHART_INPUT['waktu-proses']) },
]);

/** The standard in days as each unit last reported it: the first thing a citizen wants. */
export function latestStandards(kode: string, layanan: string): PublishedRow[] {
  const byUnit = new Map<string, PublishedRow>();
  for (const r of serviceRows(kode, layanan)) byUnit.set(str(r, 'kode_unit'), r);
  return [...byUnit.values()];
}
