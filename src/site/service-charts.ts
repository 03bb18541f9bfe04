/**
 * The charts of a service page: what a citizen asks ("how long does a KTP take here?"). A
 * service code may be offered by several units; each gets its own line, in a panel of its own
 * when there are many.
 */
import type { PublishedRow } from '../contract/published.ts';
import type { Lang } from '../i18n/lang.ts';
import { t, tr } from '../i18n/words.ts';
import { formatMonth } from '../i18n/format.ts';
import { pubCell, type ChartData, type ChartRow, type Rich } from '../charts/chart.ts';
import { hasFile, regionMonths, rowsOf, servicesOf, unitNames } from './model.ts';
import { monthOf, num, str } from '../charts/row.ts';
import { axisFormat, fittedLabels, PALETTE, Plot } from '../charts/plot.ts';
import { renderStatic } from './plot-document.ts';
import { columns, monthAxis, monthDate, percentDomain, rangeLabel, unitCells, yearMonthCells } from '../charts/common.ts';
import { CHART_INPUT, pageCharts } from './region-charts.ts';

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
 * From this many units on, a service's chart is a small panel per unit, one line each, on one
 * scale: more coloured lines in one frame cannot be told apart (a city's KTP is offered by eleven).
 */
const PANELS_FROM = 4;
/** Height of one unit's panel, its name above it included. */
const PANEL_HEIGHT = 64;
/** The service standard's dashed line, in panels and in the key. */
const STANDARD_GREY = '#57606a';

/**
 * A service's monthly series of one column, a line per unit: its rows, the months, the rows
 * with a value (drawn), the units' names, how each unit's marks are told apart (a colour, or a
 * panel), the colour key, and a sentence on the latest month.
 */
function serviceSeries(lang: Lang, kode: string, layanan: string, column: string) {
  const T = tr(lang);
  const rows = serviceRows(kode, layanan);
  const names = unitNames(kode);
  const colour = unitColours(rows);
  /** The service's units, in the order of its rows (those of the colours). */
  const units = [...colour.keys()];
  const panels = units.length >= PANELS_FROM;
  const months = [...new Set(rows.map(monthOf))].sort();
  // The month the sentence speaks of is the region's last one, as on the region and unit pages.
  const lastMonth = regionMonths('ketepatan_layanan', kode, 1)[0] ?? months.at(-1)!;
  const drawn = rows.filter((r) => num(r, column) !== null);
  const unit = (r: PublishedRow) => str(r, 'kode_unit');
  /** The options that set a unit's marks apart: its own colour, or its own panel in one colour. */
  const apart = panels ? { fy: unit, stroke: PALETTE[0] } : { stroke: { value: (r: PublishedRow) => colour.get(unit(r)), scale: null } };
  const fill = panels ? PALETTE[0] : apart.stroke;
  /** The frame's options for the panels, one per unit, with no axis for them: names are drawn above each (panelNames). */
  const frame = (height: number): Plot.PlotOptions =>
    panels ? { height: units.length * PANEL_HEIGHT + 58, marginTop: 44, fy: { axis: null, domain: units, padding: 0.4 } } : { height };
  /** Each unit's name above its panel; a long one keeps where it differs ("Suku Dinas Du…Jakarta Pusat"). */
  const panelNames = (): Plot.Markish[] => {
    if (!panels) return [];
    const fitted = fittedLabels(
      units,
      (u) => u,
      (u) => names.get(u) ?? u,
      21,
    );
    return [
      Plot.text(units, {
        fy: (u: string) => u,
        text: (u: string) => fitted.get(u)!,
        title: (u: string) => names.get(u) ?? u,
        frameAnchor: 'top-left',
        dy: -16,
        fill: '#1b1f24',
        lineWidth: 21,
        textOverflow: 'ellipsis',
      }),
    ];
  };
  const nameOf = (r: PublishedRow) => names.get(unit(r)) ?? unit(r);
  /** "A", "A dan B", "A dan 2 unit lain": the units that share a value. */
  const who = (rows: PublishedRow[]) =>
    rows.length === 1
      ? nameOf(rows[0])
      : rows.length === 2
        ? `${nameOf(rows[0])} ${T('dan', 'and')} ${nameOf(rows[1])}`
        : `${nameOf(rows[0])} ${T(`dan ${rows.length - 1} unit lain`, `and ${rows.length - 1} other units`)}`;
  /**
   * On the latest month's drawn rows: "<month>: <unit> <what>; <unit> <what>." With panels, the
   * units `best` ranks first and last, those that tie named together ("highest: A (98%); lowest:
   * B and C (85%)"), and how many reported; `none` when no row is drawn.
   */
  const latestTakeaway = (
    what: (r: PublishedRow) => Rich,
    none: Rich,
    best: { value: (r: PublishedRow) => number; cell: (r: PublishedRow) => Rich; high: string; low: string },
  ): Rich => {
    const latest = drawn.filter((r) => monthOf(r) === lastMonth);
    const month = `${formatMonth(lang, lastMonth, true)}: `;
    if (latest.length === 0) return [month, ...none];
    const silent = units.length - latest.length;
    if (panels && latest.length > 2) {
      const values = latest.map(best.value);
      const withValue = (v: number) => latest.filter((r) => best.value(r) === v);
      const [top, bottom] = [withValue(Math.max(...values)), withValue(Math.min(...values))];
      const reported =
        silent === 0
          ? T(`Semua ${units.length} unit ada di tabel.`, `All ${units.length} units are in the table.`)
          : T(
              `${latest.length} dari ${units.length} unit melapor bulan ini; semua ada di tabel.`,
              `${latest.length} of ${units.length} units reported this month; all are in the table.`,
            );
      if (top.length === latest.length)
        return [month, T(`semua ${latest.length} unit `, `all ${latest.length} units `), ...best.cell(top[0]), '. ', reported];
      return [
        month,
        `${best.high}: ${who(top)} (`,
        ...best.cell(top[0]),
        `); ${best.low}: ${who(bottom)} (`,
        ...best.cell(bottom[0]),
        '). ',
        reported,
      ];
    }
    const listed = latest.flatMap((r, i) => [i === 0 ? month : '; ', ...(units.length > 1 ? [`${nameOf(r)} `] : []), ...what(r)]);
    return silent > 0 && panels
      ? [...listed, T(` (${silent} unit lain tidak melapor bulan ini).`, ` (${silent} other units did not report this month).`)]
      : [...listed, '.'];
  };
  const legend = panels ? [] : [...colour].map(([u, c]) => ({ color: c, label: names.get(u) ?? u }));
  return { rows, names, months, drawn, panels, apart, fill, frame, panelNames, legend, latestTakeaway };
}

const x = (r: PublishedRow) => monthDate(monthOf(r));

/** " day" after 1, " days" after any other number (English; Indonesian "hari" has no plural). */
const days = (n: number | null) => (n === 1 ? ' day' : ' days');

export function onTimeByMonth(lang: Lang, kode: string, layanan: string): ChartData | null {
  const T = tr(lang);
  const { rows, names, months, drawn, apart, fill, frame, panelNames, legend, latestTakeaway } = serviceSeries(
    lang,
    kode,
    layanan,
    'ketepatan',
  );
  if (rows.length === 0) return null;
  const svg = renderStatic(
    {
      ...frame(240),
      marginLeft: 36,
      marginRight: 22,
      x: monthAxis(lang, months),
      y: {
        domain: percentDomain(drawn.map((r) => num(r, 'ketepatan')!)),
        label: T('↑ Selesai tepat waktu (%)', '↑ Completed on time (%)'),
        tickFormat: axisFormat(lang, 'count'),
        grid: true,
      },
      marks: [
        ...panelNames(),
        Plot.line(drawn, {
          x,
          y: (r: PublishedRow) => num(r, 'ketepatan'),
          z: (r: PublishedRow) => str(r, 'kode_unit'),
          ...apart,
          strokeWidth: 2,
        }),
        Plot.dot(drawn, { x, y: (r: PublishedRow) => num(r, 'ketepatan'), fy: apart.fy, fill, r: 2.5 }),
      ],
    },
    { label: T('Persentase permohonan selesai tepat waktu per bulan', 'Share of applications completed on time per month') },
  );
  return {
    id: 'ketepatan-bulanan',
    title: t(lang).titles['ketepatan-bulanan'],
    takeaway: latestTakeaway(
      (r) => [
        pubCell(lang, 'ketepatan_layanan', r, 'tepat_waktu'),
        T(' dari ', ' of '),
        pubCell(lang, 'ketepatan_layanan', r, 'selesai'),
        T(' permohonan selesai tepat waktu (', ' applications completed on time ('),
        pubCell(lang, 'ketepatan_layanan', r, 'ketepatan'),
        '%)',
      ],
      [T('belum ada permohonan selesai yang dilaporkan.', 'no completed application reported.')],
      {
        value: (r) => num(r, 'ketepatan')!,
        cell: (r) => [pubCell(lang, 'ketepatan_layanan', r, 'ketepatan'), '%'],
        high: T('tertinggi', 'highest'),
        low: T('terendah', 'lowest'),
      },
    ),
    // Unit and its share on time first: what a phone shows without scrolling sideways.
    columns: columns(lang, ['nama_unit', 'ketepatan', 'tahun', 'bulan', 'permohonan', 'selesai', 'tepat_waktu', 'kode_unit']),
    rows: rows.map((r): ChartRow => ({
      ...unitCells(lang, kode, r, names),
      ...yearMonthCells(lang, r),
      permohonan: pubCell(lang, 'ketepatan_layanan', r, 'permohonan'),
      selesai: pubCell(lang, 'ketepatan_layanan', r, 'selesai'),
      tepat_waktu: pubCell(lang, 'ketepatan_layanan', r, 'tepat_waktu'),
      ketepatan: pubCell(lang, 'ketepatan_layanan', r, 'ketepatan'),
    })),
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
  const { rows, names, months, drawn, panels, apart, fill, frame, panelNames, legend, latestTakeaway } = serviceSeries(
    lang,
    kode,
    layanan,
    'rata_hari',
  );
  if (rows.length === 0) return null;
  const maxY = Math.max(...rows.map((r) => Math.max(num(r, 'rata_hari') ?? 0, num(r, 'standar_hari') ?? 0)));
  const svg = renderStatic(
    {
      ...frame(240),
      marginLeft: 36,
      marginRight: 22,
      x: monthAxis(lang, months),
      y: { domain: [0, Math.ceil(maxY * 1.15)], label: T('↑ Hari', '↑ Days'), tickFormat: axisFormat(lang), grid: true },
      marks: [
        ...panelNames(),
        // In panels, the standard in the key's grey, apart from the unit's line in blue.
        Plot.line(rows, {
          x,
          y: (r: PublishedRow) => num(r, 'standar_hari'),
          z: (r: PublishedRow) => str(r, 'kode_unit'),
          ...apart,
          ...(panels ? { stroke: STANDARD_GREY } : {}),
          strokeDasharray: '5,4',
          curve: 'step-after',
        }),
        Plot.line(drawn, {
          x,
          y: (r: PublishedRow) => num(r, 'rata_hari'),
          z: (r: PublishedRow) => str(r, 'kode_unit'),
          ...apart,
          strokeWidth: 2,
        }),
        Plot.dot(drawn, { x, y: (r: PublishedRow) => num(r, 'rata_hari'), fy: apart.fy, fill, r: 2.5 }),
        Plot.ruleY([0]),
      ],
    },
    {
      label: T(
        'Rata-rata hari proses per bulan (garis) dibanding standar layanan (garis putus)',
        'Mean processing days per month (solid) against the service standard (dashed)',
      ),
    },
  );
  return {
    id: 'waktu-proses',
    title: t(lang).titles['waktu-proses'],
    takeaway: latestTakeaway(
      (r) => [
        T('rata-rata ', 'mean '),
        pubCell(lang, 'ketepatan_layanan', r, 'rata_hari'),
        T(' hari, standar ', `${days(num(r, 'rata_hari'))}, standard `),
        pubCell(lang, 'ketepatan_layanan', r, 'standar_hari'),
        T(' hari', days(num(r, 'standar_hari'))),
      ],
      [T('rata-rata hari proses belum dilaporkan.', 'mean processing days not reported.')],
      {
        value: (r) => num(r, 'rata_hari')!,
        cell: (r) => [T('rata-rata ', 'mean '), pubCell(lang, 'ketepatan_layanan', r, 'rata_hari'), T(' hari', days(num(r, 'rata_hari')))],
        high: T('terlama', 'slowest'),
        low: T('tercepat', 'fastest'),
      },
    ),
    columns: columns(lang, ['kode_unit', 'nama_unit', 'tahun', 'bulan', 'standar_hari', 'rata_hari']),
    rows: rows.map((r): ChartRow => ({
      ...unitCells(lang, kode, r, names),
      ...yearMonthCells(lang, r),
      standar_hari: pubCell(lang, 'ketepatan_layanan', r, 'standar_hari'),
      rata_hari: pubCell(lang, 'ketepatan_layanan', r, 'rata_hari', { missing: 'unreported' }),
    })),
    svg,
    sources: ['ketepatan_layanan'],
    period: rangeLabel(formatMonth(lang, months[0]), formatMonth(lang, months.at(-1)!)),
    method: 'ketepatan',
    collapse: true,
    legend: [...legend, { color: STANDARD_GREY, label: T('garis putus = standar layanan', 'dashed = service standard'), dashed: true }],
  };
}

const servicePages = pageCharts(
  async (lang, kode, layanan) => [
    { id: 'ketepatan-bulanan', chart: onTimeByMonth(lang, kode, layanan), fileSent: hasFile(kode, CHART_INPUT['ketepatan-bulanan']) },
    { id: 'waktu-proses', chart: processingDays(lang, kode, layanan), fileSent: hasFile(kode, CHART_INPUT['waktu-proses']) },
  ],
  4,
);
/** The service page's charts (those of the last few pages kept: pageCharts). */
export const serviceCharts = servicePages.charts;
/** `/wilayah/<kode>/layanan/<kode_layanan>/<chart>.csv`: exactly the rows of one chart's table on the service page. */
export const serviceChartCsvEndpoints = servicePages.csvEndpoints('layanan', (kode) => servicesOf(kode).map((s) => s.kode));

/** The standard in days as each unit last reported it: the first thing a citizen wants. */
export function latestStandards(kode: string, layanan: string): PublishedRow[] {
  const byUnit = new Map<string, PublishedRow>();
  for (const r of serviceRows(kode, layanan)) byUnit.set(str(r, 'kode_unit'), r);
  return [...byUnit.values()];
}
