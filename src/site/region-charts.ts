/**
 * The charts of a region page, each built from published rows only. A chart builder returns
 * null when the region has no rows for it; the page then says which input file was missing.
 */
import type { ColumnName, PublishedRow } from '../contract/published.ts';
import type { Lang } from '../i18n/lang.ts';
import { t, tr } from '../i18n/words.ts';
import { formatMonth, formatMonths, formatPeriod } from '../i18n/format.ts';
import {
  labelCell,
  pubCell,
  sumCell,
  type Cell,
  type ChartData,
  type ChartRow,
  type FilterField,
  type PhoneListItem,
  type Rich,
} from '../charts/chart.ts';
import { byUnitName, hasFile, regionMonths, regionYear, rowsOf, unitNames } from './model.ts';
import { monthOf, num, rawCell, rowsFromQuery, str, unguard } from '../charts/row.ts';
import { latestPeriodOf } from '../derive/periods.ts';
import { jenisUnitLabel, kategoriPelatihanLabel, kategoriPengaduanLabel } from '../i18n/labels.ts';
import { axisFormat, Plot, rowLabels } from '../charts/plot.ts';
import { renderStatic, svgDocument } from './plot-document.ts';
import { memoize } from './memo.ts';
import { groupBy } from '../group.ts';
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
import { ikmRankingChart, ikmRankingSlides } from '../charts/ikm-ranking.ts';
import { capaianChart, noProgrammeLabel } from '../charts/capaian-programme.ts';
import {
  columns,
  KATEGORI_PELATIHAN_COLORS,
  monthCell,
  BAR_INSET,
  heatCells,
  heatmap,
  rowChart,
  unitCells,
  yearMonthCells,
  complaintBars,
  complaintBarsLabel,
  complaintLegend,
  RECENT_MONTHS,
  slideParts,
} from '../charts/common.ts';
import { regionChartEmbedPath } from '../routes.ts';
import { predikatDistribution, scoreGap } from './predikat-charts.ts';

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
  const input = { kode, periode, rows: rowsFromQuery(await runPublishedSql(sql)) };
  // The forum's slides take the ranking a few units at a time (ikmRankingSlides); the page, whole.
  const chart = { ...ikmRankingChart(lang, input, svgDocument()), ...ikmRankingSlides(lang, input, svgDocument()) };
  const fields = [
    ...field(
      'periode',
      T('Periode', 'Period'),
      periode,
      periods.map((p) => ({ value: p, label: formatPeriod(lang, p) })),
    ),
    ...field(
      'jenis',
      T('Jenis unit', 'Type of unit'),
      '',
      types.length > 1
        ? [{ value: '', label: T('Semua jenis', 'All types') }, ...types.map((j) => ({ value: j, label: jenisUnitLabel(j, lang) }))]
        : [],
    ),
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
    ...field(
      'tahun',
      T('Tahun', 'Year'),
      tahun,
      years.map((y) => ({ value: y, label: y })),
    ),
    ...field(
      'program',
      T('Program', 'Programme'),
      ALL_PROGRAMMES,
      programmes.length > 1
        ? [
            { value: ALL_PROGRAMMES, label: T('Semua program', 'All programmes') },
            ...programmes.map((p) => ({ value: programmeValue(p), label: p === null ? noProgrammeLabel(lang) : unguard(p) })),
          ]
        : [],
    ),
  ];
  return fields.length
    ? { ...chart, filter: { kind: 'capaian', context: { ...choice }, fields, sql, tables: ['capaian_iku', 'unit'] } }
    : chart;
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
  cellOf: (r: PublishedRow) => Cell,
  a11yLabel: string,
): { svg: string; slideParts?: string[]; phoneList?: PhoneListItem[] } {
  const shades = cells.map(value);
  const draw = (part: readonly PublishedRow[], place = '') => {
    const keys = new Set(part.map(key));
    return renderStatic(
      heatmap(
        lang,
        months,
        part.map(key),
        [
          rowLabels(part, key, label, title),
          ...heatCells(
            lang,
            cells.filter((r) => keys.has(key(r))),
            monthOf,
            key,
            value,
            shades,
          ),
        ],
        shades,
      ),
      { label: a11yLabel + place },
    );
  };
  return {
    svg: draw(keyRows),
    slideParts: slideParts(keyRows, (part, i, n) => draw(part, ` (${i + 1}/${n})`)),
    phoneList: months.length > PHONE_HEATMAP_MONTHS ? heatmapList(lang, months, keyRows, key, label, cells, value, cellOf) : undefined,
  };
}

/** More months than this make cells too narrow for their numbers on a 360 px phone: a list instead. */
const PHONE_HEATMAP_MONTHS = 6;

/**
 * A heatmap's rows as lines: "Dinas X: Desember 2025 86 %; terendah 71 % (Maret 2025)". The
 * latest month is the window's last (a row without it says so), the lowest is over the window.
 */
function heatmapList(
  lang: Lang,
  months: readonly string[],
  keyRows: readonly PublishedRow[],
  key: (r: PublishedRow) => string,
  label: (r: PublishedRow) => string,
  cells: readonly PublishedRow[],
  value: (r: PublishedRow) => number,
  cellOf: (r: PublishedRow) => Cell,
): PhoneListItem[] {
  const T = tr(lang);
  const latest = months[months.length - 1];
  const byKey = groupBy(cells, key);
  return keyRows.map((r) => {
    const own = byKey.get(key(r)) ?? [];
    const last = own.find((c) => monthOf(c) === latest);
    const low = own.reduce<PublishedRow | undefined>((a, c) => (a === undefined || value(c) < value(a) ? c : a), undefined);
    const text: Rich = last
      ? [`${formatMonth(lang, latest, true)} `, cellOf(last), ' %']
      : [T(`tidak ada data ${formatMonth(lang, latest, true)}`, `no data for ${formatMonth(lang, latest, true)}`)];
    if (low && own.length > 1) text.push(T('; terendah ', '; lowest '), cellOf(low), ` % (${formatMonth(lang, monthOf(low), true)})`);
    return { label: label(r), text };
  });
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
  return [
    T(`Pada ${when}, `, `In ${when}, `),
    sumCell(lang, sum('tepat_waktu')),
    T(' dari ', ' of '),
    sumCell(lang, sum('selesai')),
    T(' permohonan selesai tepat waktu.', ' completed applications were on time.'),
  ];
}

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
  const svg = renderStatic(complaintBars(lang, recent, months, { height: 240, marginLeft: 40 }), {
    label: complaintBarsLabel(lang, months),
  });
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
  const sum = (k: string, col: ColumnName<'pelatihan_unit'>) =>
    rows.filter((r) => r.kategori === k).reduce((s, r) => s + (num(r, col) ?? 0), 0);
  const sums = kategoris
    .map((k) => ({
      k,
      kegiatan: sum(k, 'kegiatan'),
      peserta: sum(k, 'peserta'),
      jam: sum(k, 'jam_pelajaran_total'),
      units: rows.filter((r) => r.kategori === k).length,
    }))
    .sort((a, b) => b.jam - a.jam);
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
    columns: columns(lang, ['tahun', 'kategori', 'unit', 'kegiatan', 'peserta', 'jam_pelajaran_total']),
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
  const rows = all.filter((r) => months.includes(monthOf(r))).sort((a, b) => unitOrder(a, b) || monthOf(a).localeCompare(monthOf(b)));
  const code = (r: PublishedRow) => str(r, 'kode_unit');
  const units = [...new Map(rows.map((r) => [code(r), r])).values()];
  const latest = months.at(-1)!;
  const latestRows = rows
    .filter((r) => monthOf(r) === latest && num(r, 'kepatuhan') !== null)
    .sort((a, b) => num(a, 'kepatuhan')! - num(b, 'kepatuhan')!);
  const table: ChartRow[] = rows.map((r) => ({
    ...unitCells(lang, kode, r, names),
    ...yearMonthCells(lang, r),
    pegawai: pubCell(lang, 'kepatuhan_laporan', r, 'pegawai'),
    laporan: pubCell(lang, 'kepatuhan_laporan', r, 'laporan'),
    kepatuhan: pubCell(lang, 'kepatuhan_laporan', r, 'kepatuhan'),
  }));
  const drawn = rows.filter((r) => num(r, 'kepatuhan') !== null);
  const { svg, slideParts, phoneList } = monthlyHeatmap(
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
    id: 'kepatuhan',
    title: t(lang).titles['kepatuhan'],
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
    rows: table,
    svg,
    slideParts,
    phoneList,
    sources: ['kepatuhan_laporan'],
    period: `${formatMonth(lang, months[0])} – ${formatMonth(lang, latest)}`,
    method: 'kepatuhan',
    collapse: true,
    legend: [
      { color: '#08306b', label: T('makin gelap makin patuh; angka = kepatuhan (%)', 'darker = more compliant; number = compliance (%)') },
    ],
  };
}

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
export const regionChartEmbed = (kode: string, chart: Pick<ChartData, 'id' | 'svg'>): string | undefined =>
  chart.svg ? regionChartEmbedPath(kode, chart.id) : undefined;

/** The region page's charts; memoised because the page, its CSV endpoints, forum and embeds all ask. */
export const regionCharts = memoize((lang: Lang, kode: string): Promise<PageChart[]> =>
  Promise.all(
    REGION_CHARTS.map(async ({ id, build }) => ({ id, chart: await build(lang, kode), fileSent: hasFile(kode, CHART_INPUT[id]) })),
  ),
);
