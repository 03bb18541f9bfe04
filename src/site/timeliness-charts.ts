/**
 * Service timeliness (ketepatan_layanan) on the region page (every service × the last months, a
 * heatmap) and a unit page (its services' lines). Both cover the region's window of months
 * (model.ts regionMonths) and say the same sentence of the latest month (onTimeTotal), so a
 * unit's figures add up to the region's. The service page's charts are in service-charts.ts.
 */
import type { PublishedRow } from '../contract/published.ts';
import type { Lang } from '../i18n/lang.ts';
import { t, tr } from '../i18n/words.ts';
import { formatMonth } from '../i18n/format.ts';
import { labelCell, pubCell, sumCell, type ChartData, type ChartRow, type Rich } from '../charts/chart.ts';
import { regionMonths, rowsOf, unitNames } from './model.ts';
import { monthOf, num, rawCell, str } from '../charts/row.ts';
import { axisFormat, PALETTE, Plot } from '../charts/plot.ts';
import { renderStatic } from './plot-document.ts';
import { columns, monthAxis, monthDate, percentDomain, RECENT_MONTHS, unitCells, yearMonthCells } from '../charts/common.ts';
import { localePath, servicePath } from '../routes.ts';
import { monthlyHeatmap } from './monthly-heatmap.ts';

/**
 * "Pada November 2025, 812 dari 940 permohonan selesai tepat waktu." — ketepatan_layanan rows of
 * one month summed (all of a region's services, or all of a unit's), so that the units' sentences
 * add up to the region's. A unit without rows that month has not reported it: no number.
 */
export function onTimeTotal(lang: Lang, monthRows: readonly PublishedRow[], month: string): Rich {
  const T = tr(lang);
  const when = formatMonth(lang, month, true);
  if (monthRows.length === 0) return [T(`${when}: belum dilaporkan.`, `${when}: not reported yet.`)];
  const sum = (col: string) => monthRows.reduce((s, r) => s + (num(r, col) ?? 0), 0);
  return [
    T(`Pada ${when}, `, `In ${when}, `),
    sumCell(lang, sum('tepat_waktu')),
    T(' dari ', ' of '),
    sumCell(lang, sum('selesai')),
    T(' permohonan selesai tepat waktu.', ' completed applications were on time.'),
  ];
}

// ——— The region: every service, month by month ———

export function timelinessByMonth(lang: Lang, kode: string): ChartData | null {
  const T = tr(lang);
  const all = rowsOf('ketepatan_layanan', kode);
  if (all.length === 0) return null;
  const months = regionMonths('ketepatan_layanan', kode, RECENT_MONTHS);
  const names = unitNames(kode);
  const rows = all
    .filter((r) => months.includes(monthOf(r)))
    .sort(
      (a, b) =>
        str(a, 'nama_layanan').localeCompare(str(b, 'nama_layanan'), 'id') ||
        str(a, 'kode_unit').localeCompare(str(b, 'kode_unit')) ||
        monthOf(a).localeCompare(monthOf(b)),
    );
  const serviceKey = (r: PublishedRow) => `${str(r, 'kode_unit')}|${str(r, 'kode_layanan')}`;
  const services = [...new Map(rows.map((r) => [serviceKey(r), r])).values()];
  const unitName = (r: PublishedRow) => names.get(str(r, 'kode_unit')) ?? str(r, 'kode_unit');
  // "service · unit"; rowLabels cuts it where rows differ ("Penerbitan KTP-el … Pusat").
  const serviceTitle = (r: PublishedRow) => `${str(r, 'nama_layanan')} · ${unitName(r)}`;
  const table: ChartRow[] = rows.map((r) => ({
    ...unitCells(lang, kode, r, names),
    kode_layanan: labelCell(rawCell(r, 'kode_layanan')),
    nama_layanan: labelCell(rawCell(r, 'nama_layanan'), str(r, 'nama_layanan')),
    ...yearMonthCells(lang, r),
    selesai: pubCell(lang, 'ketepatan_layanan', r, 'selesai'),
    tepat_waktu: pubCell(lang, 'ketepatan_layanan', r, 'tepat_waktu'),
    ketepatan: pubCell(lang, 'ketepatan_layanan', r, 'ketepatan'),
    standar_hari: pubCell(lang, 'ketepatan_layanan', r, 'standar_hari'),
    rata_hari: pubCell(lang, 'ketepatan_layanan', r, 'rata_hari'),
  }));
  const withValue = rows.filter((r) => num(r, 'ketepatan') !== null);
  const latest = months.at(-1)!;
  const latestRows = withValue.filter((r) => monthOf(r) === latest).sort((a, b) => num(a, 'ketepatan')! - num(b, 'ketepatan')!);
  const { svg, slideParts, phoneList } = monthlyHeatmap(
    lang,
    months,
    services,
    serviceKey,
    serviceTitle,
    undefined,
    withValue,
    (r) => num(r, 'ketepatan')!,
    (r) => pubCell(lang, 'ketepatan_layanan', r, 'ketepatan'),
    T(
      `Persentase permohonan selesai tepat waktu per layanan dan bulan, ${formatMonth(lang, months[0])}–${formatMonth(lang, latest)}`,
      `Share of applications completed on time per service and month, ${formatMonth(lang, months[0])}–${formatMonth(lang, latest)}`,
    ),
  );
  const worst = latestRows[0];
  const takeaway: Rich = worst
    ? [
        ...onTimeTotal(
          lang,
          rows.filter((r) => monthOf(r) === latest),
          latest,
        ),
        T(' Layanan paling lambat terhadap standarnya: ', ' The service furthest from its standard: '),
        `${str(worst, 'nama_layanan')} (${names.get(str(worst, 'kode_unit')) ?? str(worst, 'kode_unit')}), `,
        pubCell(lang, 'ketepatan_layanan', worst, 'ketepatan'),
        T('% tepat waktu dari standar ', '% on time against a standard of '),
        pubCell(lang, 'ketepatan_layanan', worst, 'standar_hari'),
        T(' hari.', ' days.'),
      ]
    : [
        T(
          `Belum ada permohonan yang selesai pada ${formatMonth(lang, latest, true)}.`,
          `No application was completed in ${formatMonth(lang, latest, true)}.`,
        ),
      ];
  return {
    id: 'ketepatan',
    title: t(lang).titles['ketepatan'],
    takeaway,
    // Service and its share on time first: what a phone shows without scrolling sideways.
    columns: columns(lang, [
      'nama_layanan',
      'ketepatan',
      'nama_unit',
      'tahun',
      'bulan',
      'selesai',
      'tepat_waktu',
      'standar_hari',
      'rata_hari',
      'kode_unit',
      ['kode_layanan', 'Kode layanan', 'Service code'],
    ]),
    rows: table,
    svg,
    slideParts,
    phoneList,
    sources: ['ketepatan_layanan'],
    period: `${formatMonth(lang, months[0])} – ${formatMonth(lang, latest)}`,
    method: 'ketepatan',
    collapse: true,
    legend: [
      {
        color: '#08306b',
        label: T(
          'makin gelap makin tepat waktu; angka = % tepat waktu; kosong = tidak ada yang selesai',
          'darker = more on time; number = % on time; blank = nothing completed',
        ),
      },
    ],
  };
}

// ——— The unit's services, month by month ———

export function unitServices(lang: Lang, kode: string, unit: string): ChartData | null {
  const T = tr(lang);
  const all = rowsOf('ketepatan_layanan', kode, unit);
  if (all.length === 0) return null;
  // The region's window, not the unit's own last months: its sums then add up to the region's.
  const months = regionMonths('ketepatan_layanan', kode, RECENT_MONTHS);
  const rows = all
    .filter((r) => months.includes(monthOf(r)))
    .sort((a, b) => str(a, 'nama_layanan').localeCompare(str(b, 'nama_layanan'), 'id') || monthOf(a).localeCompare(monthOf(b)));
  const services = [...new Set(rows.map((r) => str(r, 'kode_layanan')))];
  const nameOf = new Map(rows.map((r) => [str(r, 'kode_layanan'), str(r, 'nama_layanan')]));
  const colour = new Map(services.map((s, i) => [s, PALETTE[i % PALETTE.length]]));
  const drawn = rows.filter((r) => num(r, 'ketepatan') !== null);
  const svg = !drawn.length
    ? ''
    : renderStatic(
        {
          height: 240,
          marginLeft: 36,
          marginRight: 22,
          x: monthAxis(lang, months),
          y: {
            domain: percentDomain(drawn.map((r) => num(r, 'ketepatan')!)),
            label: T('↑ Tepat waktu (%)', '↑ On time (%)'),
            tickFormat: axisFormat(lang, 'count'),
            grid: true,
          },
          marks: [
            Plot.line(drawn, {
              x: (r: PublishedRow) => monthDate(monthOf(r)),
              y: (r: PublishedRow) => num(r, 'ketepatan'),
              z: (r: PublishedRow) => str(r, 'kode_layanan'),
              stroke: { value: (r: PublishedRow) => colour.get(str(r, 'kode_layanan')), scale: null },
              strokeWidth: 2,
            }),
            Plot.dot(drawn, {
              x: (r: PublishedRow) => monthDate(monthOf(r)),
              y: (r: PublishedRow) => num(r, 'ketepatan'),
              fill: { value: (r: PublishedRow) => colour.get(str(r, 'kode_layanan')), scale: null },
              r: 2.5,
            }),
          ],
        },
        {
          label: T(
            `Persentase tepat waktu per bulan untuk ${services.length} layanan unit ini`,
            `Share on time per month for this unit's ${services.length} services`,
          ),
        },
      );
  const latest = months.at(-1)!;
  const latestRows = drawn.filter((r) => monthOf(r) === latest).sort((a, b) => num(a, 'ketepatan')! - num(b, 'ketepatan')!);
  return {
    id: 'layanan',
    title: t(lang).titles.layanan,
    takeaway: [
      ...onTimeTotal(
        lang,
        rows.filter((r) => monthOf(r) === latest),
        latest,
      ),
      ...(latestRows.length
        ? [
            T(' Layanan paling lambat: ', ' Slowest service: '),
            `${str(latestRows[0], 'nama_layanan')}, `,
            pubCell(lang, 'ketepatan_layanan', latestRows[0], 'ketepatan'),
            T('% selesai tepat waktu (standar ', '% completed on time (standard '),
            pubCell(lang, 'ketepatan_layanan', latestRows[0], 'standar_hari'),
            T(' hari).', ' days).'),
          ]
        : []),
    ],
    // Service and its share on time first: what a phone shows without scrolling sideways.
    columns: columns(lang, [
      'nama_layanan',
      'ketepatan',
      'tahun',
      'bulan',
      'permohonan',
      'selesai',
      'tepat_waktu',
      'standar_hari',
      'rata_hari',
      ['kode_layanan', 'Kode', 'Code'],
    ]),
    rows: rows.map((r) => ({
      kode_layanan: labelCell(rawCell(r, 'kode_layanan')),
      nama_layanan: labelCell(
        rawCell(r, 'nama_layanan'),
        str(r, 'nama_layanan'),
        localePath(lang, servicePath(kode, str(r, 'kode_layanan'))),
      ),
      ...yearMonthCells(lang, r),
      permohonan: pubCell(lang, 'ketepatan_layanan', r, 'permohonan'),
      selesai: pubCell(lang, 'ketepatan_layanan', r, 'selesai'),
      tepat_waktu: pubCell(lang, 'ketepatan_layanan', r, 'tepat_waktu'),
      ketepatan: pubCell(lang, 'ketepatan_layanan', r, 'ketepatan'),
      standar_hari: pubCell(lang, 'ketepatan_layanan', r, 'standar_hari'),
      rata_hari: pubCell(lang, 'ketepatan_layanan', r, 'rata_hari'),
    })),
    svg,
    sources: ['ketepatan_layanan'],
    period: `${formatMonth(lang, months[0])} – ${formatMonth(lang, latest)}`,
    method: 'ketepatan',
    collapse: true,
    legend: services.map((s) => ({ color: colour.get(s)!, label: nameOf.get(s)! })),
  };
}
