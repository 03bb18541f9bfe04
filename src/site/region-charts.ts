/**
 * The charts of a region page, each built from published rows only. A chart builder returns
 * null when the region has no rows for it; the page then says which input file was missing.
 */
import type { ColumnName, PublishedRow } from '../contract/published.ts';
import { PREDIKAT } from '../contract/enums.ts';
import type { Lang } from '../i18n/lang.ts';
import { t, tr } from '../i18n/words.ts';
import { formatMonth, formatMonths, formatPeriod } from '../i18n/format.ts';
import { labelCell, pubCell, sumCell, type ChartData, type ChartRow, type FilterField, type Rich } from '../charts/chart.ts';
import { byUnitName, hasFile, latestPeriod, regionMonths, regionYear, rowsOf, unitNames } from './model.ts';
import { monthOf, num, rawCell, rowsFromQuery, str, unguard } from '../charts/row.ts';
import { latestPeriodOf } from '../derive/periods.ts';
import { alasanLabel, hiddenShort, jenisUnitLabel, kategoriPelatihanLabel, kategoriPengaduanLabel, predikatLabel } from '../i18n/labels.ts';
import { axisFormat, BLUE, GREY, HATCH_FILL, HATCH_LIGHT_FILL, hatchPattern, HIDDEN_FILL, ORANGE, Plot, rowLabels, SMALL_TEXT, VALUE_TEXT } from '../charts/plot.ts';
import { renderStatic, svgDocument } from './plot-document.ts';
import { memoize } from './memo.ts';
import { runPublishedSql } from './run-sql.ts';
import {
  ALL_PROGRAMMES,
  capaianProgrammesSql,
  capaianSql,
  capaianYearsSql,
  ikmPeriodsSql,
  ikmRankingSql,
  ikmUnitTypesSql,
  programmeValue,
  type CapaianChoice,
  type IkmChoice,
} from '../queries/region-charts.ts';
import { ikmRankingChart } from '../charts/ikm-ranking.ts';
import { capaianChart, noProgrammeLabel } from '../charts/capaian-programme.ts';
import { columns, KATEGORI_PELATIHAN_COLORS, monthCell, periodCell, PREDIKAT_COLORS, BAR_DY, BAR_INSET, heatCells, heatmap, rowChart, unitCells, yearMonthCells, complaintBars, complaintBarsLabel, complaintLegend, RECENT_MONTHS, slideParts } from '../charts/common.ts';
import { regionChartEmbedPath } from '../routes.ts';


/** Which input file a chart needs, so a page can say "not sent" rather than show nothing. */
export const CHART_INPUT: Record<string, string> = {
  ikm: 'skm.csv',
  'ikm-tren': 'skm.csv',
  unsur: 'skm.csv',
  capaian: 'iku.csv',
  iku: 'iku.csv',
  ketepatan: 'layanan.csv',
  layanan: 'layanan.csv',
  'ketepatan-bulanan': 'layanan.csv',
  'waktu-proses': 'layanan.csv',
  pengaduan: 'pengaduan.csv',
  pelatihan: 'pelatihan.csv',
  kepatuhan: 'laporan_harian.csv',
  predikat: 'kinerja_pegawai.csv',
  'selisih-nilai': 'kinerja_pegawai.csv',
};

/** The region-page section that holds the figures of a unit- or service-page chart (the same id where unnamed). */
export const REGION_SECTION: Record<string, string> = {
  'ikm-tren': 'ikm',
  unsur: 'ikm',
  iku: 'capaian',
  layanan: 'ketepatan',
  'ketepatan-bulanan': 'ketepatan',
  'waktu-proses': 'ketepatan',
};

// ——— IKM ranking with 95% intervals, and indicators by programme: filterable ———
// Their rows come from SQL (src/queries/region-charts.ts) that the browser runs again when a
// reader changes the filter, and one pure function per chart draws both renders.

const values = async (sql: string): Promise<string[]> => (await runPublishedSql(sql)).rows.map((r) => String(r[0] ?? ''));

/** A filter field, only when it offers a real choice. */
function field(name: string, label: string, value: string, options: { value: string; label: string }[]): FilterField[] {
  return options.length > 1 ? [{ name, label, value, options }] : [];
}

export async function ikmRanking(lang: Lang, kode: string): Promise<ChartData | null> {
  const T = tr(lang);
  const periods = await values(ikmPeriodsSql(kode));
  const periode = latestPeriodOf(periods);
  if (!periode) return null;
  const types = await values(ikmUnitTypesSql(kode));
  const choice: IkmChoice = { kode, periode, jenis: '' };
  const sql = ikmRankingSql(choice);
  const chart = ikmRankingChart(lang, { kode, periode, rows: rowsFromQuery(await runPublishedSql(sql)) }, svgDocument());
  const fields = [
    ...field('periode', T('Periode', 'Period'), periode, periods.map((p) => ({ value: p, label: formatPeriod(lang, p) }))),
    ...field('jenis', T('Jenis unit', 'Type of unit'), '', types.length > 1 ? [{ value: '', label: T('Semua jenis', 'All types') }, ...types.map((j) => ({ value: j, label: jenisUnitLabel(j, lang) }))] : []),
  ];
  return fields.length ? { ...chart, filter: { kind: 'ikm', context: { ...choice }, fields, sql, tables: ['ikm_unit', 'unit'] } } : chart;
}

export async function capaianByProgramme(lang: Lang, kode: string): Promise<ChartData | null> {
  const T = tr(lang);
  const years = await values(capaianYearsSql(kode));
  const tahun = years.at(-1);
  if (tahun === undefined) return null;
  const programmes = (await runPublishedSql(capaianProgrammesSql(kode))).rows.map((r) => (typeof r[0] === 'string' ? r[0] : null));
  const choice: CapaianChoice = { kode, tahun, program: ALL_PROGRAMMES };
  const sql = capaianSql(choice);
  const chart = capaianChart(lang, { kode, tahun, rows: rowsFromQuery(await runPublishedSql(sql)) }, svgDocument());
  const fields = [
    ...field('tahun', T('Tahun', 'Year'), tahun, years.map((y) => ({ value: y, label: y }))),
    ...field(
      'program',
      T('Program', 'Programme'),
      ALL_PROGRAMMES,
      programmes.length > 1 ? [{ value: ALL_PROGRAMMES, label: T('Semua program', 'All programmes') }, ...programmes.map((p) => ({ value: programmeValue(p), label: p === null ? noProgrammeLabel(lang) : unguard(p) }))] : [],
    ),
  ];
  return fields.length ? { ...chart, filter: { kind: 'capaian', context: { ...choice }, fields, sql, tables: ['capaian_iku', 'unit'] } } : chart;
}

// ——— Service timeliness, last months ———

/**
 * A months × rows heatmap (one row per entry of `keyRows`, the cells from `cells`), drawn whole
 * for the page and, when too tall for a forum slide, in parts (slideParts), each shaded and
 * lettered as the whole and labelled with its place ("(2/3)").
 */
function monthlyHeatmap(
  lang: Lang,
  months: string[],
  keyRows: readonly PublishedRow[],
  key: (r: PublishedRow) => string,
  label: (r: PublishedRow) => string,
  title: ((r: PublishedRow) => string) | undefined,
  cells: readonly PublishedRow[],
  value: (r: PublishedRow) => number,
  a11yLabel: string,
): { svg: string; slideParts?: string[] } {
  const shades = cells.map(value);
  const draw = (part: readonly PublishedRow[], place = '') => {
    const keys = new Set(part.map(key));
    return renderStatic(
      heatmap(lang, months, part.map(key), [rowLabels(part, key, label, title), ...heatCells(lang, cells.filter((r) => keys.has(key(r))), monthOf, key, value, shades)], shades),
      { label: a11yLabel + place },
    );
  };
  return { svg: draw(keyRows), slideParts: slideParts(keyRows, (part, i, n) => draw(part, ` (${i + 1}/${n})`)) };
}

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
  return [T(`Pada ${when}, `, `In ${when}, `), sumCell(lang, sum('tepat_waktu')), T(' dari ', ' of '), sumCell(lang, sum('selesai')), T(' permohonan selesai tepat waktu.', ' completed applications were on time.')];
}

/**
 * "Semua unit: 4.100 dari 4.620 laporan wajib." — the region's kepatuhan_laporan rows of one month
 * summed: the reports the units' pages count, over what was due (pegawai × hari_kerja).
 */
function reportsTotal(lang: Lang, monthRows: readonly PublishedRow[]): Rich {
  const T = tr(lang);
  const laporan = monthRows.reduce((s, r) => s + (num(r, 'laporan') ?? 0), 0);
  const wajib = monthRows.reduce((s, r) => s + (num(r, 'pegawai') ?? 0) * (num(r, 'hari_kerja') ?? 0), 0);
  return [T('Semua unit: ', 'All units: '), sumCell(lang, laporan), T(' laporan dari ', ' reports of '), sumCell(lang, wajib), T(' yang wajib.', ' due.')];
}

export function timelinessByMonth(lang: Lang, kode: string): ChartData | null {
  const T = tr(lang);
  const all = rowsOf('ketepatan_layanan', kode);
  if (all.length === 0) return null;
  const months = regionMonths('ketepatan_layanan', kode, RECENT_MONTHS);
  const names = unitNames(kode);
  const rows = all
    .filter((r) => months.includes(monthOf(r)))
    .sort((a, b) => str(a, 'nama_layanan').localeCompare(str(b, 'nama_layanan'), 'id') || str(a, 'kode_unit').localeCompare(str(b, 'kode_unit')) || monthOf(a).localeCompare(monthOf(b)));
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
  const { svg, slideParts } = monthlyHeatmap(lang, months, services, serviceKey, serviceTitle, undefined, withValue, (r) => num(r, 'ketepatan')!,
    T(`Persentase permohonan selesai tepat waktu per layanan dan bulan, ${formatMonth(lang, months[0])}–${formatMonth(lang, latest)}`, `Share of applications completed on time per service and month, ${formatMonth(lang, months[0])}–${formatMonth(lang, latest)}`));
  const worst = latestRows[0];
  const takeaway: Rich = worst
    ? [
        ...onTimeTotal(lang, rows.filter((r) => monthOf(r) === latest), latest),
        T(' Layanan paling lambat terhadap standarnya: ', ' The service furthest from its standard: '),
        `${str(worst, 'nama_layanan')} (${names.get(str(worst, 'kode_unit')) ?? str(worst, 'kode_unit')}), `,
        pubCell(lang, 'ketepatan_layanan', worst, 'ketepatan'),
        T('% tepat waktu dari standar ', '% on time against a standard of '),
        pubCell(lang, 'ketepatan_layanan', worst, 'standar_hari'),
        T(' hari.', ' days.'),
      ]
    : [T(`Belum ada permohonan yang selesai pada ${formatMonth(lang, latest, true)}.`, `No application was completed in ${formatMonth(lang, latest, true)}.`)];
  return {
    id: 'ketepatan',
    title: t(lang).titles['ketepatan'],
    takeaway,
    // Service and its share on time first: what a phone shows without scrolling sideways.
    columns: columns(lang, ['nama_layanan', 'ketepatan', 'nama_unit', 'tahun', 'bulan', 'selesai', 'tepat_waktu', 'standar_hari', 'rata_hari', 'kode_unit', ['kode_layanan', 'Kode layanan', 'Service code']]),
    rows: table,
    svg,
    slideParts,
    sources: ['ketepatan_layanan'],
    period: `${formatMonth(lang, months[0])} – ${formatMonth(lang, latest)}`,
    method: 'ketepatan',
    collapse: true,
    legend: [{ color: '#08306b', label: T('makin gelap makin tepat waktu; angka = % tepat waktu; kosong = tidak ada yang selesai', 'darker = more on time; number = % on time; blank = nothing completed') }],
  };
}

// ——— Complaints by month and category ———

export function complaintsByMonth(lang: Lang, kode: string): ChartData | null {
  const T = tr(lang);
  const all = rowsOf('pengaduan_bulanan', kode);
  if (all.length === 0) return null;
  const months = regionMonths('pengaduan_bulanan', kode, RECENT_MONTHS);
  const recent = all.filter((r) => months.includes(str(r, 'bulan')));
  // Counts add up across units; medians do not, so each month × category shows the range of
  // the units' published medians (each end is a published cell).
  const groups = new Map<string, PublishedRow[]>();
  for (const r of recent) {
    const k = `${str(r, 'bulan')}|${str(r, 'kategori')}`;
    groups.set(k, [...(groups.get(k) ?? []), r]);
  }
  const keys = [...groups.keys()].sort();
  const sum = (rs: PublishedRow[], col: string) => rs.reduce((s, r) => s + (num(r, col) ?? 0), 0);
  const table: ChartRow[] = keys.map((k) => {
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
  const masuk = sum(recent, 'masuk');
  const selesai = sum(recent, 'selesai');
  const byKategori = new Map<string, number>();
  for (const r of recent) byKategori.set(str(r, 'kategori'), (byKategori.get(str(r, 'kategori')) ?? 0) + (num(r, 'masuk') ?? 0));
  const [topKategori, topCount] = [...byKategori].sort((a, b) => b[1] - a[1])[0];
  const svg = renderStatic(complaintBars(lang, recent, months, { height: 240, marginLeft: 40 }), { label: complaintBarsLabel(lang, months) });
  return {
    id: 'pengaduan',
    title: t(lang).titles['pengaduan'],
    takeaway: [
      `${formatMonths(lang, months)}: `,
      sumCell(lang, masuk),
      T(' pengaduan masuk dan ', ' complaints came in and '),
      sumCell(lang, selesai),
      T(' di antaranya sudah selesai. Kategori terbanyak: ', ' of them were resolved. Most common category: '),
      `${kategoriPengaduanLabel(topKategori, lang)} (`,
      sumCell(lang, topCount),
      ').',
    ],
    columns: columns(lang, [
      'bulan',
      'kategori',
      'unit',
      'masuk',
      ['selesai', 'Selesai', 'Resolved', true],
      ['median_hari_min', 'Median hari, unit tercepat', 'Median days, fastest unit', true],
      ['median_hari_maks', 'Median hari, unit terlambat', 'Median days, slowest unit', true],
    ]),
    rows: table,
    svg,
    sources: ['pengaduan_bulanan'],
    period: `${formatMonth(lang, months[0])} – ${formatMonth(lang, months.at(-1)!)}`,
    method: 'pengaduan',
    collapse: true,
    legend: complaintLegend(lang, recent),
  };
}

// ——— Training hours by category ———

export function trainingByCategory(lang: Lang, kode: string): ChartData | null {
  const T = tr(lang);
  const all = rowsOf('pelatihan_unit', kode);
  const year = regionYear('pelatihan_unit', kode);
  if (year === undefined) return null;
  const rows = all.filter((r) => r.tahun === year);
  const kategoris = [...new Set(rows.map((r) => str(r, 'kategori')))];
  const sum = (k: string, col: ColumnName<'pelatihan_unit'>) => rows.filter((r) => r.kategori === k).reduce((s, r) => s + (num(r, col) ?? 0), 0);
  const sums = kategoris.map((k) => ({ k, kegiatan: sum(k, 'kegiatan'), peserta: sum(k, 'peserta'), jam: sum(k, 'jam_pelajaran_total'), units: rows.filter((r) => r.kategori === k).length })).sort((a, b) => b.jam - a.jam);
  const total = sums.reduce((s, x) => s + x.jam, 0);
  const table: ChartRow[] = sums.map((s) => ({
    tahun: labelCell(String(year)),
    kategori: labelCell(s.k, kategoriPelatihanLabel(s.k, lang)),
    unit: sumCell(lang, s.units),
    kegiatan: sumCell(lang, s.kegiatan),
    peserta: sumCell(lang, s.peserta),
    jam_pelajaran_total: sumCell(lang, s.jam, 'plain'),
  }));
  const label = (k: string) => kategoriPelatihanLabel(k, lang);
  const svg = renderStatic(
    {
      ...rowChart(sums.map((s) => s.k)),
      x: { label: T('Total jam pelajaran →', 'Total training hours →'), tickFormat: axisFormat(lang, 'count'), grid: true, ticks: 4 },
      marks: [
        rowLabels(sums, (s) => s.k, (s) => label(s.k)),
        Plot.barX(sums, { y: (s: { k: string }) => s.k, x: 'jam', fill: { value: (s: { k: string }) => KATEGORI_PELATIHAN_COLORS[s.k], scale: null }, ...BAR_INSET }),
        Plot.ruleX([0]),
      ],
    },
    { label: T(`Total jam pelajaran pelatihan per kategori, ${year}`, `Total training hours per category, ${year}`) },
  );
  const top = sums[0];
  return {
    id: 'pelatihan',
    title: t(lang).titles['pelatihan'],
    takeaway: [
      T(`Tahun ${year}: `, `In ${year}: `),
      sumCell(lang, total, 'plain'),
      T(' jam pelajaran; terbanyak untuk ', ' training hours; most of them in '),
      `${label(top.k)} (`,
      sumCell(lang, top.jam, 'plain'),
      T(' jam).', ' hours).'),
    ],
    columns: columns(lang, [
      'tahun',
      'kategori',
      'unit',
      'kegiatan',
      'peserta',
      'jam_pelajaran_total',
    ]),
    rows: table,
    svg,
    sources: ['pelatihan_unit'],
    period: String(year),
    method: 'pelatihan',
  };
}

// ——— Daily-report compliance ———

export function reportCompliance(lang: Lang, kode: string): ChartData | null {
  const T = tr(lang);
  const all = rowsOf('kepatuhan_laporan', kode);
  if (all.length === 0) return null;
  const months = regionMonths('kepatuhan_laporan', kode, RECENT_MONTHS);
  const names = unitNames(kode);
  const unitOrder = byUnitName(names);
  const rows = all
    .filter((r) => months.includes(monthOf(r)))
    .sort((a, b) => unitOrder(a, b) || monthOf(a).localeCompare(monthOf(b)));
  const code = (r: PublishedRow) => str(r, 'kode_unit');
  const units = [...new Map(rows.map((r) => [code(r), r])).values()];
  const latest = months.at(-1)!;
  const latestRows = rows.filter((r) => monthOf(r) === latest && num(r, 'kepatuhan') !== null).sort((a, b) => num(a, 'kepatuhan')! - num(b, 'kepatuhan')!);
  const table: ChartRow[] = rows.map((r) => ({
    ...unitCells(lang, kode, r, names),
    ...yearMonthCells(lang, r),
    pegawai: pubCell(lang, 'kepatuhan_laporan', r, 'pegawai'),
    laporan: pubCell(lang, 'kepatuhan_laporan', r, 'laporan'),
    kepatuhan: pubCell(lang, 'kepatuhan_laporan', r, 'kepatuhan'),
  }));
  const drawn = rows.filter((r) => num(r, 'kepatuhan') !== null);
  const { svg, slideParts } = monthlyHeatmap(lang, months, units, code, (r) => names.get(code(r)) ?? code(r), undefined, drawn, (r) => num(r, 'kepatuhan')!,
    T(`Kepatuhan laporan harian per unit dan bulan (%), ${formatMonths(lang, months)}`, `Daily report compliance per unit and month (%), ${formatMonths(lang, months)}`));
  const low = latestRows[0];
  const high = latestRows.at(-1);
  return {
    id: 'kepatuhan',
    title: t(lang).titles['kepatuhan'],
    takeaway:
      low && high
        ? [
            T(`Pada ${formatMonth(lang, latest, true)} kepatuhan berkisar dari `, `In ${formatMonth(lang, latest, true)} compliance ranged from `),
            pubCell(lang, 'kepatuhan_laporan', low, 'kepatuhan'),
            `% (${names.get(str(low, 'kode_unit'))}) ${T('sampai', 'to')} `,
            pubCell(lang, 'kepatuhan_laporan', high, 'kepatuhan'),
            `% (${names.get(str(high, 'kode_unit'))}). `,
            ...reportsTotal(lang, rows.filter((r) => monthOf(r) === latest)),
          ]
        : [T(`Belum ada laporan pada ${formatMonth(lang, latest, true)}.`, `No reports in ${formatMonth(lang, latest, true)}.`)],
    columns: columns(lang, [
      'kode_unit',
      'nama_unit',
      'tahun',
      'bulan',
      'pegawai',
      'laporan',
      'kepatuhan',
    ]),
    rows: table,
    svg,
    slideParts,
    sources: ['kepatuhan_laporan'],
    period: `${formatMonth(lang, months[0])} – ${formatMonth(lang, latest)}`,
    method: 'kepatuhan',
    collapse: true,
    legend: [{ color: '#08306b', label: T('makin gelap makin patuh; angka = kepatuhan (%)', 'darker = more compliant; number = compliance (%)') }],
  };
}

// ——— Appraisal ratings and the score gap ———

/** How many of a predikat_unit row's counts are published (a hidden count is empty, a published 0 is seen). */
export const visibleCells = (r: PublishedRow): number => PREDIKAT.filter((p) => num(r, p.value) !== null).length;

/**
 * The share-of-group bars of predikat; hidden groups and cells are hatched and a hidden group
 * says why. Nothing is drawn (empty string) when no row has a visible count: a chart of hatching
 * only would show nothing, and the figure says so (ChartData.empty).
 */
export function predikatBars(lang: Lang, rows: readonly PublishedRow[], labelOf: (r: PublishedRow) => string, ariaLabel: string): string {
  if (!rows.some((r) => visibleCells(r) > 0)) return '';
  const T = tr(lang);
  type Seg = { y: string; key: string; n: number };
  const segs: Seg[] = [];
  const hiddenGroups: { y: string; why: string }[] = [];
  const keyOf = (r: PublishedRow) => `${str(r, 'kode_unit')}|${str(r, 'periode')}`;
  for (const r of rows) {
    const pegawai = num(r, 'pegawai');
    if (pegawai === null || visibleCells(r) === 0) {
      hiddenGroups.push({ y: keyOf(r), why: hiddenShort(str(r, 'disembunyikan'), lang) });
      continue;
    }
    let shown = 0;
    for (const p of PREDIKAT) {
      const n = num(r, p.value);
      if (n !== null && n > 0) segs.push({ y: keyOf(r), key: p.value, n });
      shown += n ?? 0;
    }
    if (pegawai - shown > 0) segs.push({ y: keyOf(r), key: 'disembunyikan', n: pegawai - shown });
  }
  const domain = [...PREDIKAT.map((p) => p.value), 'disembunyikan'];
  return renderStatic(
    {
      ...rowChart(rows.map(keyOf)),
      x: { label: T('Bagian pegawai (%) →', 'Share of employees (%) →'), percent: true, tickFormat: axisFormat(lang, 'count') },
      color: { domain, range: [...Object.values(PREDIKAT_COLORS), HATCH_FILL] },
      marks: [
        hatchPattern,
        rowLabels(rows, keyOf, labelOf),
        Plot.barX(segs, Plot.stackX({ offset: 'normalize', order: domain, y: 'y', x: 'n', fill: 'key', ...BAR_INSET, insetLeft: 0.5, insetRight: 0.5 })),
        Plot.barX(hiddenGroups, { y: 'y', x1: 0, x2: 1, fill: HATCH_LIGHT_FILL, ...BAR_INSET }),
        // A white halo keeps the words legible on the hatching.
        Plot.text(hiddenGroups, { y: 'y', x: 0.02, text: 'why', textAnchor: 'start', fill: '#1b1f24', stroke: 'white', strokeWidth: 5, paintOrder: 'stroke', dy: BAR_DY, fontSize: SMALL_TEXT, className: VALUE_TEXT }),
      ],
    },
    { label: ariaLabel },
  );
}

export const predikatLegend = (lang: Lang) => [
  ...PREDIKAT.map((p) => ({ color: PREDIKAT_COLORS[p.value], label: predikatLabel(p.value, lang) })),
  { color: HIDDEN_FILL, hatched: true, label: tr(lang)('arsir = disembunyikan untuk melindungi data pribadi (bukan nol)', 'hatched = hidden to protect personal data (not zero)') },
];

/** Predikat table cells: a hidden group or cell prints "disembunyikan", never 0. */
export function predikatCells(lang: Lang, r: PublishedRow): ChartRow {
  const why = str(r, 'disembunyikan');
  const cell = (col: ColumnName<'predikat_unit'>) => pubCell(lang, 'predikat_unit', r, col, { missing: why ? 'hidden' : 'na' });
  const pegawai = cell('pegawai');
  // A hidden group says why where its size would be: "disembunyikan: kelompok kecil".
  if (pegawai.missing === 'hidden') pegawai.note = hiddenShort(why, lang).replace(/^[^:]*: /, '');
  return {
    pegawai,
    ...Object.fromEntries(PREDIKAT.map((p) => [p.value, cell(p.value)])),
    disembunyikan: labelCell(rawCell(r, 'disembunyikan'), why ? alasanLabel(why, lang) : '–'),
  };
}

/** The three mean scores of a predikat_unit row. */
const SCORE_COLUMNS = ['rata_nilai_atasan', 'rata_nilai_diri', 'rata_nilai_rekan'] as const;

/**
 * The mean scores of a predikat_unit row. A hidden group (kelompok_kecil, pembeda) hides them;
 * hidden small cells (sel_kecil) do not (derive/suppression.ts keeps the scores), so an empty
 * score there is "not available", not "hidden".
 */
export function predikatScoreCells(lang: Lang, r: PublishedRow): ChartRow {
  const why = str(r, 'disembunyikan');
  const missing = why === 'kelompok_kecil' || why === 'pembeda' ? 'hidden' : 'na';
  return Object.fromEntries(SCORE_COLUMNS.map((c) => [c, pubCell(lang, 'predikat_unit', r, c, { missing })]));
}

export const predikatColumns = (lang: Lang) =>
  columns(lang, [
    'pegawai',
    ...PREDIKAT.map((p): [string, string, string, boolean] => [p.value, p.label.id, p.label.en, true]),
    ['disembunyikan', 'Disembunyikan', 'Hidden'],
  ]);

/**
 * "8 dari 10 unit dipublikasikan (sedikitnya satu jumlah predikat terlihat). Disembunyikan
 * seluruhnya, bukan nol, agar tidak ada pegawai yang dapat dikenali: 2 karena kelompok kecil.
 * Di 5 unit lain sebagian sel disembunyikan." Every count and reason read from the rows'
 * published cells and their `disembunyikan`.
 */
export function predikatSentence(lang: Lang, rows: readonly PublishedRow[], what: string): Rich {
  const T = tr(lang);
  const shown = rows.filter((r) => visibleCells(r) > 0);
  const hidden = rows.filter((r) => visibleCells(r) === 0);
  const partly = shown.filter((r) => visibleCells(r) < PREDIKAT.length).length;
  const reasons = new Map<string, number>();
  for (const r of hidden) reasons.set(str(r, 'disembunyikan'), (reasons.get(str(r, 'disembunyikan')) ?? 0) + 1);
  const why: Rich = [...reasons].flatMap(([reason, n], i): Rich => [i ? ', ' : '', sumCell(lang, n), ` ${t(lang).hiddenBecause[reason] ?? reason}`]);
  return [
    sumCell(lang, shown.length),
    T(' dari ', ' of '),
    sumCell(lang, rows.length),
    T(` ${what} dipublikasikan (sedikitnya satu jumlah predikat terlihat).`, ` ${what} are published (at least one rating count shown).`),
    ...(hidden.length ? [T(' Disembunyikan seluruhnya, bukan nol, agar tidak ada pegawai yang dapat dikenali: ', ' Hidden entirely, not zero, so that no employee can be identified: '), ...why, '.'] : []),
    ...(partly ? [T(` Di `, ` In `), sumCell(lang, partly), T(` ${what} yang dipublikasikan sebagian sel disembunyikan.`, ` published ${what} some cells are hidden.`)] : []),
  ];
}

export function predikatDistribution(lang: Lang, kode: string): ChartData | null {
  const T = tr(lang);
  const all = rowsOf('predikat_unit', kode);
  const period = latestPeriod(all);
  if (!period) return null;
  const names = unitNames(kode);
  const rows = all.filter((r) => r.periode === period).sort(byUnitName(names));
  const labelOf = (r: PublishedRow) => names.get(str(r, 'kode_unit')) ?? str(r, 'kode_unit');
  const a11yLabel = T(`Sebaran predikat kinerja pegawai per unit, ${formatPeriod(lang, period)}`, `Distribution of employee ratings per unit, ${formatPeriod(lang, period)}`);
  const svg = predikatBars(lang, rows, labelOf, a11yLabel);
  return {
    id: 'predikat',
    title: t(lang).titles['predikat'],
    takeaway: predikatSentence(lang, rows, T('unit', 'units')),
    ...(svg ? {} : { empty: 'disembunyikan' as const }),
    columns: [...columns(lang, [['kode_unit', 'Kode', 'Code'], 'nama_unit', 'periode']), ...predikatColumns(lang)],
    rows: rows.map((r) => ({ ...unitCells(lang, kode, r, names), periode: periodCell(lang, r), ...predikatCells(lang, r) })),
    svg,
    sources: ['predikat_unit'],
    period: formatPeriod(lang, period),
    method: 'predikat',
    collapse: rows.length > 8,
    legend: predikatLegend(lang),
    // Shares of 100 %: each slide's part reads on the same scale as the whole.
    slideParts: slideParts(rows, (part, i, n) => predikatBars(lang, part, labelOf, `${a11yLabel} (${i + 1}/${n})`)),
  };
}

/** Whether a predikat_unit row's scores are published: only a hidden group (kelompok_kecil, pembeda) hides them. */
const scoresShown = (r: PublishedRow): boolean => !['kelompok_kecil', 'pembeda'].includes(str(r, 'disembunyikan'));

/**
 * Why no score is drawn, from the rows: groups whose scores would be published but are empty
 * were exported without nilai_atasan, nilai_diri and nilai_rekan; the other groups are hidden.
 */
function scoresMissing(lang: Lang, rows: readonly PublishedRow[]): Rich {
  const T = tr(lang);
  const open = rows.filter(scoresShown).length;
  const hidden = rows.length - open;
  if (!open) return [T('Semua kelompok disembunyikan (bukan nol) agar tidak ada pegawai yang dapat dikenali.', 'Every group is hidden (not zero) so that no employee can be identified.')];
  return [
    T('Ekspor penilaian kinerja wilayah ini tidak berisi nilai atasan, diri sendiri maupun rekan (kolom nilai_atasan, nilai_diri, nilai_rekan kosong) untuk ', 'This region\'s appraisal export holds no supervisor, self or peer scores (columns nilai_atasan, nilai_diri, nilai_rekan blank) for '),
    sumCell(lang, open),
    T(' unit yang kelompoknya dipublikasikan', ' units whose groups are published'),
    ...(hidden ? [T('; ', '; '), sumCell(lang, hidden), T(' unit lain disembunyikan untuk melindungi data pribadi.', ' other units are hidden to protect personal data.')] : ['.']),
  ];
}

export function scoreGap(lang: Lang, kode: string): ChartData | null {
  const T = tr(lang);
  const all = rowsOf('predikat_unit', kode);
  const period = latestPeriod(all);
  if (!period) return null;
  const names = unitNames(kode);
  const rows = all.filter((r) => r.periode === period).sort(byUnitName(names));
  const cols = SCORE_COLUMNS;
  const colors = { rata_nilai_atasan: BLUE, rata_nilai_diri: ORANGE, rata_nilai_rekan: '#009E73' };
  const who = { rata_nilai_atasan: T('atasan', 'supervisor'), rata_nilai_diri: T('diri sendiri', 'self'), rata_nilai_rekan: T('rekan', 'peers') };
  const code = (r: PublishedRow) => str(r, 'kode_unit');
  const published = rows.filter((r) => cols.some((c) => num(r, c) !== null));
  const dots = published.flatMap((r) => cols.filter((c) => num(r, c) !== null).map((c) => ({ y: code(r), c, v: num(r, c)! })));
  const values = dots.map((d) => d.v);
  const selfAbove = published.filter((r) => (num(r, 'rata_nilai_diri') ?? -1) > (num(r, 'rata_nilai_atasan') ?? Infinity)).length;
  /** The chart of `part` of the units, on the scale of all of them (a slide part reads as the whole). */
  const draw = (part: readonly PublishedRow[], place = '') =>
    renderStatic(
      {
        ...rowChart(part.map(code)),
        x: { domain: [Math.floor(Math.min(...values) - 2), Math.min(100, Math.ceil(Math.max(...values) + 2))], label: T('Rata-rata nilai (0–100) →', 'Mean score (0–100) →'), tickFormat: axisFormat(lang, 'count'), grid: true },
        color: { domain: [...cols], range: cols.map((c) => colors[c]) },
        marks: [
          rowLabels(part, code, (r) => names.get(code(r)) ?? code(r)),
          Plot.ruleY(part, { y: code, dy: BAR_DY, x1: (r: PublishedRow) => Math.min(...cols.map((c) => num(r, c) ?? Infinity)), x2: (r: PublishedRow) => Math.max(...cols.map((c) => num(r, c) ?? -Infinity)), stroke: GREY }),
          Plot.dot(dots.filter((d) => part.some((r) => code(r) === d.y)), { y: 'y', x: 'v', fill: 'c', r: 5, symbol: 'c', dy: BAR_DY }),
        ],
        symbol: { domain: [...cols], range: ['circle', 'square', 'triangle'] },
      },
      { label: T(`Rata-rata nilai dari atasan, diri sendiri dan rekan per unit, ${formatPeriod(lang, period)}`, `Mean supervisor, self and peer scores per unit, ${formatPeriod(lang, period)}`) + place },
    );
  const svg = dots.length ? draw(published) : '';
  return {
    id: 'selisih-nilai',
    title: t(lang).titles['selisih-nilai'],
    takeaway: published.length
      ? [T('Nilai diri sendiri lebih tinggi daripada nilai atasan di ', 'Self-assessment is higher than the supervisor score in '), sumCell(lang, selfAbove), T(' dari ', ' of '), sumCell(lang, published.length), T(' unit yang dipublikasikan.', ' published units.')]
      : scoresMissing(lang, rows),
    ...(svg ? {} : { empty: rows.some(scoresShown) ? ('tidak-diekspor' as const) : ('disembunyikan' as const) }),
    columns: columns(lang, [
      ['kode_unit', 'Kode', 'Code'],
      'nama_unit',
      'periode',
      ['rata_nilai_atasan', 'Atasan', 'Supervisor', true],
      ['rata_nilai_diri', 'Diri sendiri', 'Self', true],
      ['rata_nilai_rekan', 'Rekan', 'Peers', true],
    ]),
    rows: rows.map((r) => ({ ...unitCells(lang, kode, r, names), periode: periodCell(lang, r), ...predikatScoreCells(lang, r) })),
    svg,
    slideParts: dots.length ? slideParts(published, (part, k, n) => draw(part, ` (${k + 1}/${n})`)) : undefined,
    sources: ['predikat_unit'],
    period: formatPeriod(lang, period),
    method: 'predikat',
    collapse: rows.length > 8,
    legend: cols.map((c, i) => ({ color: colors[c], label: who[c], shape: (['circle', 'square', 'triangle'] as const)[i] })),
  };
}

/** Every chart of a region page in reading order, with the input file each one needs. */
export const REGION_CHARTS: readonly { id: string; build: (lang: Lang, kode: string) => ChartData | null | Promise<ChartData | null> }[] = [
  { id: 'ikm', build: ikmRanking },
  { id: 'capaian', build: capaianByProgramme },
  { id: 'ketepatan', build: timelinessByMonth },
  { id: 'pengaduan', build: complaintsByMonth },
  { id: 'pelatihan', build: trainingByCategory },
  { id: 'kepatuhan', build: reportCompliance },
  { id: 'predikat', build: predikatDistribution },
  { id: 'selisih-nilai', build: scoreGap },
];

export interface PageChart {
  id: string;
  chart: ChartData | null;
  /** Whether the region sent the input file this chart needs. */
  fileSent: boolean;
}

/** The embed page of a region chart (without language prefix): only a chart that draws something has one. */
export const regionChartEmbed = (kode: string, chart: Pick<ChartData, 'id' | 'svg'>): string | undefined => (chart.svg ? regionChartEmbedPath(kode, chart.id) : undefined);

/** The region page's charts; memoised because the page, its CSV endpoints, forum and embeds all ask. */
export const regionCharts = memoize(
  (lang: Lang, kode: string): Promise<PageChart[]> =>
    Promise.all(REGION_CHARTS.map(async ({ id, build }) => ({ id, chart: await build(lang, kode), fileSent: hasFile(kode, CHART_INPUT[id]) }))),
);
