/**
 * Daily-report compliance (kepatuhan_laporan): one builder for the region page and a unit page.
 * Both end with the region's last exported month (model.ts regionMonths): the region shows its
 * units × the last months as a heatmap, a unit its own line over two years.
 */
import type { PublishedRow } from '../contract/published.ts';
import type { Lang } from '../i18n/lang.ts';
import { t, tr } from '../i18n/words.ts';
import { formatMonth, formatMonths } from '../i18n/format.ts';
import { pubCell, sumCell, type ChartData, type Rich } from '../charts/chart.ts';
import { byUnitName, regionMonths, rowsOf, unitNames, type ChartScope } from './model.ts';
import { monthOf, num, str } from '../charts/row.ts';
import { axisFormat, BLUE, Plot } from '../charts/plot.ts';
import { renderStatic } from './plot-document.ts';
import { columns, monthAxis, monthDate, percentDomain, RECENT_MONTHS, unitCells, yearMonthCells } from '../charts/common.ts';
import { monthlyHeatmap } from './monthly-heatmap.ts';

/** Months of monthly series on a unit page: two years, so a trend and a season both show. */
export const UNIT_MONTHS = 24;

type View = Pick<ChartData, 'takeaway' | 'columns' | 'rows' | 'svg' | 'slideParts' | 'phoneList' | 'legend'>;

/**
 * "Semua unit: 4.100 dari 4.620 laporan wajib." — the region's kepatuhan_laporan rows of one month
 * summed: the reports the units' pages count, over what was due (pegawai × hari_kerja).
 */
function reportsTotal(lang: Lang, monthRows: readonly PublishedRow[]): Rich {
  const T = tr(lang);
  const laporan = monthRows.reduce((s, r) => s + (num(r, 'laporan') ?? 0), 0);
  const wajib = monthRows.reduce((s, r) => s + (num(r, 'pegawai') ?? 0) * (num(r, 'hari_kerja') ?? 0), 0);
  return [
    T('Semua unit: ', 'All units: '),
    sumCell(lang, laporan),
    T(' laporan dari ', ' reports of '),
    sumCell(lang, wajib),
    T(' yang wajib.', ' due.'),
  ];
}

/** The region: a unit per row, a month per column; the sentence gives the latest month's range and total. */
function regionView(lang: Lang, kode: string, all: readonly PublishedRow[], months: string[]): View {
  const T = tr(lang);
  const names = unitNames(kode);
  const unitOrder = byUnitName(names);
  const rows = all.filter((r) => months.includes(monthOf(r))).sort((a, b) => unitOrder(a, b) || monthOf(a).localeCompare(monthOf(b)));
  const code = (r: PublishedRow) => str(r, 'kode_unit');
  const units = [...new Map(rows.map((r) => [code(r), r])).values()];
  const latest = months.at(-1)!;
  const latestRows = rows
    .filter((r) => monthOf(r) === latest && num(r, 'kepatuhan') !== null)
    .sort((a, b) => num(a, 'kepatuhan')! - num(b, 'kepatuhan')!);
  const drawn = rows.filter((r) => num(r, 'kepatuhan') !== null);
  const heat = monthlyHeatmap(
    lang,
    months,
    units,
    code,
    (r) => names.get(code(r)) ?? code(r),
    undefined,
    drawn,
    (r) => num(r, 'kepatuhan')!,
    (r) => pubCell(lang, 'kepatuhan_laporan', r, 'kepatuhan'),
    T(
      `Kepatuhan laporan harian per unit dan bulan (%), ${formatMonths(lang, months)}`,
      `Daily report compliance per unit and month (%), ${formatMonths(lang, months)}`,
    ),
  );
  const low = latestRows[0];
  const high = latestRows.at(-1);
  return {
    takeaway:
      low && high
        ? [
            T(
              `Pada ${formatMonth(lang, latest, true)} kepatuhan berkisar dari `,
              `In ${formatMonth(lang, latest, true)} compliance ranged from `,
            ),
            pubCell(lang, 'kepatuhan_laporan', low, 'kepatuhan'),
            `% (${names.get(str(low, 'kode_unit'))}) ${T('sampai', 'to')} `,
            pubCell(lang, 'kepatuhan_laporan', high, 'kepatuhan'),
            `% (${names.get(str(high, 'kode_unit'))}). `,
            ...reportsTotal(
              lang,
              rows.filter((r) => monthOf(r) === latest),
            ),
          ]
        : [T(`Belum ada laporan pada ${formatMonth(lang, latest, true)}.`, `No reports in ${formatMonth(lang, latest, true)}.`)],
    columns: columns(lang, ['kode_unit', 'nama_unit', 'tahun', 'bulan', 'pegawai', 'laporan', 'kepatuhan']),
    rows: rows.map((r) => ({
      ...unitCells(lang, kode, r, names),
      ...yearMonthCells(lang, r),
      pegawai: pubCell(lang, 'kepatuhan_laporan', r, 'pegawai'),
      laporan: pubCell(lang, 'kepatuhan_laporan', r, 'laporan'),
      kepatuhan: pubCell(lang, 'kepatuhan_laporan', r, 'kepatuhan'),
    })),
    ...heat,
    legend: [
      { color: '#08306b', label: T('makin gelap makin patuh; angka = kepatuhan (%)', 'darker = more compliant; number = compliance (%)') },
    ],
  };
}

/** A unit: its line over the months; the sentence spells out the latest month's share. */
function unitView(lang: Lang, all: readonly PublishedRow[], months: string[]): View {
  const T = tr(lang);
  const rows = all.filter((r) => months.includes(monthOf(r))).sort((a, b) => monthOf(a).localeCompare(monthOf(b)));
  const drawn = rows.filter((r) => num(r, 'kepatuhan') !== null);
  // The region's last month, as on its page; a unit that sent no row for it has not reported it.
  const latest = months.at(-1)!;
  const last = drawn.find((r) => monthOf(r) === latest);
  const point = { x: (r: PublishedRow) => monthDate(monthOf(r)), y: (r: PublishedRow) => num(r, 'kepatuhan') };
  const svg = !drawn.length
    ? ''
    : renderStatic(
        {
          height: 220,
          marginLeft: 36,
          marginRight: 22,
          x: monthAxis(lang, months),
          y: {
            domain: percentDomain(drawn.map((r) => num(r, 'kepatuhan')!)),
            label: T('↑ Kepatuhan (%)', '↑ Compliance (%)'),
            tickFormat: axisFormat(lang, 'count'),
            grid: true,
          },
          marks: [Plot.line(drawn, { ...point, stroke: BLUE, strokeWidth: 2 }), Plot.dot(drawn, { ...point, fill: BLUE, r: 2.5 })],
        },
        { label: T('Kepatuhan laporan harian per bulan (%)', 'Daily report compliance per month (%)') },
      );
  return {
    takeaway: last
      ? [
          `${formatMonth(lang, monthOf(last), true)}: `,
          pubCell(lang, 'kepatuhan_laporan', last, 'laporan'),
          T(' laporan dari kewajiban ', ' reports out of '),
          pubCell(lang, 'kepatuhan_laporan', last, 'pegawai'),
          T(' pegawai × ', ' employees × '),
          pubCell(lang, 'kepatuhan_laporan', last, 'hari_kerja'),
          T(' hari kerja = ', ' working days = '),
          pubCell(lang, 'kepatuhan_laporan', last, 'kepatuhan'),
          '%.',
        ]
      : [T(`${formatMonth(lang, latest, true)}: belum dilaporkan.`, `${formatMonth(lang, latest, true)}: not reported yet.`)],
    columns: columns(lang, ['tahun', 'bulan', 'pegawai', ['hari_kerja', 'Hari kerja', 'Working days', true], 'laporan', 'kepatuhan']),
    rows: rows.map((r) => ({
      ...yearMonthCells(lang, r),
      pegawai: pubCell(lang, 'kepatuhan_laporan', r, 'pegawai'),
      hari_kerja: pubCell(lang, 'kepatuhan_laporan', r, 'hari_kerja'),
      laporan: pubCell(lang, 'kepatuhan_laporan', r, 'laporan'),
      kepatuhan: pubCell(lang, 'kepatuhan_laporan', r, 'kepatuhan'),
    })),
    svg,
  };
}

/** Compliance of a region (scope without unit) or of one of its units; null when the scope sent no rows. */
export function complianceChart(lang: Lang, { kode, unit }: ChartScope): ChartData | null {
  const all = rowsOf('kepatuhan_laporan', kode, unit);
  if (all.length === 0) return null;
  const months = regionMonths('kepatuhan_laporan', kode, unit === undefined ? RECENT_MONTHS : UNIT_MONTHS);
  const { takeaway, columns, rows, svg, legend, ...parts } =
    unit === undefined ? regionView(lang, kode, all, months) : unitView(lang, all, months);
  return {
    id: 'kepatuhan',
    title: t(lang).titles.kepatuhan,
    takeaway,
    columns,
    rows,
    svg,
    ...parts,
    sources: ['kepatuhan_laporan'],
    period: `${formatMonth(lang, months[0])} – ${formatMonth(lang, months.at(-1)!)}`,
    method: 'kepatuhan',
    collapse: true,
    ...(legend ? { legend } : {}),
  };
}

export const reportCompliance = (lang: Lang, kode: string) => complianceChart(lang, { kode });
export const unitCompliance = (lang: Lang, kode: string, unit: string) => complianceChart(lang, { kode, unit });
