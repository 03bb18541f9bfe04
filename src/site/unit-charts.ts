/** The charts of a unit page: what a unit head can act on, from published rows only. */
import type { PublishedRow } from '../contract/published.ts';
import { UNSUR } from '../contract/enums.ts';
import type { Lang } from '../i18n/lang.ts';
import { t, tr } from '../i18n/words.ts';
import { formatMonth, formatMonths, formatPeriod } from '../i18n/format.ts';
import { IKM_GRADE, NRR_GRADE } from '../derive/grades.ts';
import { sampleDots } from '../charts/sample-marks.ts';
import { sampleCell, sampleMinimumCell, sampleLegend, sampleSentence, sampleState, type SampleState } from '../charts/sample.ts';
import { labelCell, pubCell, shapeOf, sumCell, type ChartData, type Rich } from '../charts/chart.ts';
import { hasFile, regionMonths, regionYear, rowsOf, semesters } from './model.ts';
import { kategoriPelatihanLabel, kategoriPengaduanLabel, mutuLabel, unsurLabel } from '../i18n/labels.ts';
import { axisFormat, BLUE, GREY, ORANGE, PALETTE, Plot, rowLabels } from '../charts/plot.ts';
import { renderStatic, svgDocument } from './plot-document.ts';
import { memoize } from './memo.ts';
import { monthOf, num, rawCell, rowsFromQuery, str } from '../charts/row.ts';
import { runPublishedSql } from './run-sql.ts';
import { unitIndicatorsSql, unitIndicatorYearsSql, type UnitIndicatorsChoice } from '../queries/unit-charts.ts';
import { unitIndicatorsChart } from '../charts/unit-indicators.ts';
import {
  BAR_INSET,
  columns,
  gradeThresholds,
  KATEGORI_PELATIHAN_COLORS,
  monthDate,
  monthAxis,
  percentDomain,
  periodCell,
  rangeLabel,
  shortPeriod,
  rowChart,
  withSentence,
  yearMonthCells,
  complaintBars,
  complaintBarsLabel,
  complaintLegend,
  RECENT_MONTHS,
} from '../charts/common.ts';
import { CHART_INPUT, onTimeTotal, type PageChart } from './region-charts.ts';
import { localePath, servicePath } from '../routes.ts';
import { unitPredikat } from './predikat-charts.ts';

/** Months of monthly series on a unit page: two years, so a trend and a season both show. */
export const UNIT_MONTHS = 24;

// ——— IKM by semester ———

const stateOf = (r: PublishedRow): SampleState => sampleState(r.sampel_cukup);

export function ikmTrend(lang: Lang, kode: string, unit: string): ChartData | null {
  const T = tr(lang);
  const all = rowsOf('ikm_unit', kode, unit);
  const periods = semesters(all);
  if (periods.length === 0) return null;
  const rows = periods.map((p) => all.find((r) => r.periode === p)!);
  const drawn = rows.filter((r) => num(r, 'ikm') !== null);
  const ys = drawn.flatMap((r) => [num(r, 'ikm_bawah') ?? num(r, 'ikm')!, num(r, 'ikm_atas') ?? num(r, 'ikm')!]);
  const svg = drawn.length
    ? renderStatic(
        {
          height: 240,
          marginLeft: 36,
          marginRight: 12,
          marginBottom: 40,
          x: {
            type: 'point',
            domain: periods,
            tickFormat: (p: string) => shortPeriod(lang, p).replace(' ', '\n'),
            label: null,
            padding: 0.3,
          },
          y: {
            domain: [Math.max(25, Math.floor(Math.min(...ys, IKM_GRADE.B) - 3)), Math.min(100, Math.ceil(Math.max(...ys) + 2))],
            label: T('↑ IKM', '↑ Index'),
            tickFormat: axisFormat(lang, 'count'),
            grid: true,
          },
          marks: [
            Plot.ruleY([IKM_GRADE.B, IKM_GRADE.A], { stroke: GREY, strokeDasharray: '4,3' }),
            Plot.ruleX(drawn, {
              x: 'periode',
              y1: (r: PublishedRow) => num(r, 'ikm_bawah'),
              y2: (r: PublishedRow) => num(r, 'ikm_atas'),
              stroke: BLUE,
              strokeWidth: 2,
            }),
            Plot.line(drawn, { x: 'periode', y: (r: PublishedRow) => num(r, 'ikm'), stroke: BLUE, strokeOpacity: 0.5 }),
            ...sampleDots(drawn, stateOf, BLUE, { x: 'periode', y: (r: PublishedRow) => num(r, 'ikm') }),
          ],
        },
        {
          label: T(
            `IKM unit per semester dengan interval 95%, ${formatPeriod(lang, periods[0])} sampai ${formatPeriod(lang, periods.at(-1)!)}`,
            `Unit satisfaction index by semester with 95% intervals, ${formatPeriod(lang, periods[0])} to ${formatPeriod(lang, periods.at(-1)!)}`,
          ),
        },
      )
    : '';
  const last = drawn.at(-1);
  const prev = drawn.at(-2);
  // An ikm_unit row without an index has no answer to compute it from.
  const empty = svg ? {} : { empty: 'tidak-berlaku' as const };
  const takeaway: Rich = !last
    ? [T('Belum ada IKM yang dapat dihitung.', 'No index could be computed yet.')]
    : prev
      ? [
          `${formatPeriod(lang, str(last, 'periode'))}: IKM `,
          pubCell(lang, 'ikm_unit', last, 'ikm'),
          `, ${T('mutu', 'grade')} ${mutuLabel(str(last, 'mutu'), lang)}; ${T('sebelumnya', 'previously')} `,
          pubCell(lang, 'ikm_unit', prev, 'ikm'),
          '. ',
          (num(last, 'ikm_bawah') ?? 0) <= (num(prev, 'ikm_atas') ?? 0) && (num(prev, 'ikm_bawah') ?? 0) <= (num(last, 'ikm_atas') ?? 0)
            ? T('Intervalnya bertumpang tindih: perubahan belum tentu nyata.', 'The intervals overlap: the change may not be real.')
            : T('Intervalnya tidak bertumpang tindih: perubahannya nyata.', 'The intervals do not overlap: the change is real.'),
        ]
      : [
          `${formatPeriod(lang, str(last, 'periode'))}: IKM `,
          pubCell(lang, 'ikm_unit', last, 'ikm'),
          `, ${T('mutu', 'grade')} ${mutuLabel(str(last, 'mutu'), lang)}.`,
        ];
  return {
    id: 'ikm-tren',
    title: t(lang).titles['ikm-tren'],
    takeaway: last
      ? withSentence(takeaway, sampleSentence(lang, formatPeriod(lang, str(last, 'periode')), sampleCell(lang, shapeOf('ikm_unit'), last)))
      : takeaway,
    // Period, IKM and mutu first: what a phone shows without scrolling sideways.
    columns: columns(lang, ['periode', 'ikm', 'mutu', 'responden', 'ikm_bawah', 'ikm_atas', 'sampel_minimum', 'sampel_cukup']),
    rows: rows.map((r) => ({
      periode: periodCell(lang, r),
      responden: pubCell(lang, 'ikm_unit', r, 'responden'),
      ikm: pubCell(lang, 'ikm_unit', r, 'ikm'),
      ikm_bawah: pubCell(lang, 'ikm_unit', r, 'ikm_bawah'),
      ikm_atas: pubCell(lang, 'ikm_unit', r, 'ikm_atas'),
      mutu: pubCell(lang, 'ikm_unit', r, 'mutu', { text: mutuLabel(str(r, 'mutu'), lang) }),
      sampel_minimum: sampleMinimumCell(lang, shapeOf('ikm_unit'), r),
      sampel_cukup: sampleCell(lang, shapeOf('ikm_unit'), r),
    })),
    svg,
    ...empty,
    sources: ['ikm_unit'],
    period: rangeLabel(formatPeriod(lang, periods[0]), formatPeriod(lang, periods.at(-1)!)),
    method: 'ikm',
    legend: [
      { color: BLUE, label: T('garis: interval 95%', 'line: 95% interval'), shape: 'rule' },
      ...sampleLegend(lang, drawn.map(stateOf), BLUE),
      { color: GREY, label: T('batas mutu B dan A', 'grade B and A thresholds'), dashed: true },
    ],
  };
}

// ——— The nine unsur of the latest semester ———

export function unsurScores(lang: Lang, kode: string, unit: string): ChartData | null {
  const T = tr(lang);
  const all = rowsOf('ikm_unit', kode, unit);
  const period = semesters(all).at(-1);
  const row = all.find((r) => r.periode === period && num(r, 'ikm') !== null);
  if (!period || !row) return null;
  const items = UNSUR.map((u) => ({ key: u.value, col: `nrr_${u.value}` as const, v: num(row, `nrr_${u.value}`) })).filter(
    (x) => x.v !== null,
  ) as { key: string; col: `nrr_${(typeof UNSUR)[number]['value']}`; v: number }[];
  const sorted = [...items].sort((a, b) => a.v - b.v);
  const lowest = sorted[0];
  const svg = renderStatic(
    {
      ...rowChart(sorted.map((x) => x.key)),
      x: {
        domain: [1, 4],
        label: T('Nilai rata-rata (1–4) →', 'Mean score (1–4) →'),
        tickFormat: axisFormat(lang),
        ticks: [1, 2, 3, 4],
        grid: true,
      },
      marks: [
        Plot.ruleX([NRR_GRADE.B, NRR_GRADE.A], { stroke: GREY, strokeDasharray: '4,3' }),
        rowLabels(
          sorted,
          (x) => x.key,
          (x) => unsurLabel(x.key, lang),
        ),
        Plot.barX(sorted, {
          y: 'key',
          x1: 1,
          x2: 'v',
          fill: { value: (x: { key: string }) => (x.key === lowest.key ? ORANGE : BLUE), scale: null },
          ...BAR_INSET,
        }),
      ],
    },
    {
      label: T(
        `Nilai sembilan unsur layanan, ${formatPeriod(lang, period)}; terendah ${unsurLabel(lowest.key, lang)}`,
        `Scores of the nine service elements, ${formatPeriod(lang, period)}; lowest ${unsurLabel(lowest.key, lang)}`,
      ),
    },
  );
  return {
    id: 'unsur',
    title: t(lang).titles.unsur,
    takeaway: [
      T('Unsur terendah: ', 'Lowest element: '),
      `${unsurLabel(lowest.key, lang)} (`,
      pubCell(lang, 'ikm_unit', row, lowest.col),
      T(' dari 4). Memperbaiki unsur ini paling menaikkan IKM.', ' out of 4). Improving it lifts the index most.'),
    ],
    columns: columns(lang, ['periode', ['unsur', 'Unsur', 'Element'], ['nrr', 'Nilai rata-rata (1–4)', 'Mean score (1–4)', true]]),
    rows: sorted.map((x) => ({
      periode: periodCell(lang, row),
      unsur: labelCell(x.key, unsurLabel(x.key, lang)),
      nrr: pubCell(lang, 'ikm_unit', row, x.col),
    })),
    svg,
    sources: ['ikm_unit'],
    period: formatPeriod(lang, period),
    method: 'ikm',
    legend: [
      { color: ORANGE, label: T('unsur terendah', 'lowest element') },
      { color: GREY, label: gradeThresholds(lang, NRR_GRADE, 'nrr'), dashed: true },
    ],
  };
}

// ——— Indicators: target against realisation ———

export async function indicators(lang: Lang, kode: string, unit: string): Promise<ChartData | null> {
  const T = tr(lang);
  const years = (await runPublishedSql(unitIndicatorYearsSql(kode, unit))).rows.map((r) => String(r[0]));
  const choice: UnitIndicatorsChoice = { kode, unit, tahun: '' };
  const sql = unitIndicatorsSql(choice);
  const chart = unitIndicatorsChart(lang, rowsFromQuery(await runPublishedSql(sql)), svgDocument());
  if (!chart || years.length < 2) return chart;
  const options = [
    { value: '', label: T('Semua tahun (grafik: tahun terakhir)', 'Every year (chart: latest year)') },
    ...years.map((y) => ({ value: y, label: y })),
  ];
  return {
    ...chart,
    filter: {
      kind: 'iku',
      context: { ...choice },
      fields: [{ name: 'tahun', label: T('Tahun', 'Year'), value: '', options }],
      sql,
      tables: ['capaian_iku'],
    },
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

// ——— Complaints ———

export function unitComplaints(lang: Lang, kode: string, unit: string): ChartData | null {
  const T = tr(lang);
  // A unit without complaint rows had no complaints: the region's file counts every one.
  const months = regionMonths('pengaduan_bulanan', kode, RECENT_MONTHS);
  if (months.length === 0) return null;
  const all = rowsOf('pengaduan_bulanan', kode, unit);
  const rows = all
    .filter((r) => months.includes(str(r, 'bulan')))
    .sort((a, b) => str(a, 'bulan').localeCompare(str(b, 'bulan')) || str(a, 'kategori').localeCompare(str(b, 'kategori')));
  const masuk = rows.reduce((s, r) => s + (num(r, 'masuk') ?? 0), 0);
  const selesai = rows.reduce((s, r) => s + (num(r, 'selesai') ?? 0), 0);
  const svg = rows.length
    ? renderStatic(complaintBars(lang, rows, months, { height: 220, marginLeft: 36 }), { label: complaintBarsLabel(lang, months) })
    : '';
  return {
    id: 'pengaduan',
    title: t(lang).titles.pengaduan,
    takeaway: [
      `${formatMonths(lang, months)}: `,
      sumCell(lang, masuk),
      T(' pengaduan masuk, ', ' complaints came in, '),
      sumCell(lang, selesai),
      T(' di antaranya selesai.', ' of them resolved.'),
    ],
    columns: columns(lang, [
      'bulan',
      'kategori',
      'masuk',
      ['selesai', 'Selesai', 'Resolved', true],
      ['median_hari', 'Median hari selesai', 'Median days to resolve', true],
    ]),
    rows: rows.map((r) => ({
      bulan: labelCell(rawCell(r, 'bulan'), formatMonth(lang, str(r, 'bulan'))),
      kategori: labelCell(rawCell(r, 'kategori'), kategoriPengaduanLabel(str(r, 'kategori'), lang)),
      masuk: pubCell(lang, 'pengaduan_bulanan', r, 'masuk'),
      selesai: pubCell(lang, 'pengaduan_bulanan', r, 'selesai'),
      median_hari: pubCell(lang, 'pengaduan_bulanan', r, 'median_hari'),
    })),
    svg,
    sources: ['pengaduan_bulanan'],
    period: `${formatMonth(lang, months[0])} – ${formatMonth(lang, months.at(-1)!)}`,
    method: 'pengaduan',
    collapse: true,
    legend: complaintLegend(lang, rows),
  };
}

// ——— Training ———

export function unitTraining(lang: Lang, kode: string, unit: string): ChartData | null {
  const T = tr(lang);
  // The region's latest year, as its page: a unit without training that year had none (0 hours).
  const regionLast = regionYear('pelatihan_unit', kode);
  if (regionLast === undefined) return null;
  const lastYear = String(regionLast);
  const rows = rowsOf('pelatihan_unit', kode, unit).sort(
    (a, b) => (num(a, 'tahun') ?? 0) - (num(b, 'tahun') ?? 0) || str(a, 'kategori').localeCompare(str(b, 'kategori')),
  );
  const years = [...new Set(rows.map((r) => str(r, 'tahun')))];
  const kategoris = Object.keys(KATEGORI_PELATIHAN_COLORS).filter((k) => rows.some((r) => r.kategori === k));
  const lastTotal = rows.filter((r) => str(r, 'tahun') === lastYear).reduce((s, r) => s + (num(r, 'jam_pelajaran_total') ?? 0), 0);
  const svg = !rows.length
    ? ''
    : renderStatic(
        {
          ...rowChart(years),
          x: { label: T('Total jam pelajaran →', 'Total training hours →'), tickFormat: axisFormat(lang, 'count'), grid: true, ticks: 4 },
          color: { domain: kategoris, range: kategoris.map((k) => KATEGORI_PELATIHAN_COLORS[k]) },
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
            Plot.ruleX([0]),
          ],
        },
        { label: T('Total jam pelajaran pelatihan per tahun menurut kategori', 'Total training hours per year by category') },
      );
  return {
    id: 'pelatihan',
    title: t(lang).titles.pelatihan,
    takeaway: [T(`Tahun ${lastYear}: `, `In ${lastYear}: `), sumCell(lang, lastTotal, 'plain'), T(' jam pelajaran.', ' training hours.')],
    columns: columns(lang, ['tahun', 'kategori', 'kegiatan', 'peserta', 'jam_pelajaran_total']),
    rows: rows.map((r) => ({
      tahun: labelCell(rawCell(r, 'tahun')),
      kategori: labelCell(rawCell(r, 'kategori'), kategoriPelatihanLabel(str(r, 'kategori'), lang)),
      kegiatan: pubCell(lang, 'pelatihan_unit', r, 'kegiatan'),
      peserta: pubCell(lang, 'pelatihan_unit', r, 'peserta'),
      jam_pelajaran_total: pubCell(lang, 'pelatihan_unit', r, 'jam_pelajaran_total'),
    })),
    svg,
    sources: ['pelatihan_unit'],
    period: rangeLabel(years[0] ?? lastYear, lastYear),
    method: 'pelatihan',
    collapse: rows.length > 10,
    legend: kategoris.map((k) => ({ color: KATEGORI_PELATIHAN_COLORS[k], label: kategoriPelatihanLabel(k, lang) })),
  };
}

// ——— Daily-report compliance ———

export function unitCompliance(lang: Lang, kode: string, unit: string): ChartData | null {
  const T = tr(lang);
  const all = rowsOf('kepatuhan_laporan', kode, unit);
  if (all.length === 0) return null;
  const months = regionMonths('kepatuhan_laporan', kode, UNIT_MONTHS);
  const rows = all.filter((r) => months.includes(monthOf(r))).sort((a, b) => monthOf(a).localeCompare(monthOf(b)));
  const drawn = rows.filter((r) => num(r, 'kepatuhan') !== null);
  // The region's last month, as on its page; a unit that sent no row for it has not reported it.
  const latest = months.at(-1)!;
  const last = drawn.find((r) => monthOf(r) === latest);
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
          marks: [
            Plot.line(drawn, {
              x: (r: PublishedRow) => monthDate(monthOf(r)),
              y: (r: PublishedRow) => num(r, 'kepatuhan'),
              stroke: BLUE,
              strokeWidth: 2,
            }),
            Plot.dot(drawn, {
              x: (r: PublishedRow) => monthDate(monthOf(r)),
              y: (r: PublishedRow) => num(r, 'kepatuhan'),
              fill: BLUE,
              r: 2.5,
            }),
          ],
        },
        { label: T('Kepatuhan laporan harian per bulan (%)', 'Daily report compliance per month (%)') },
      );
  return {
    id: 'kepatuhan',
    title: t(lang).titles.kepatuhan,
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
    sources: ['kepatuhan_laporan'],
    period: `${formatMonth(lang, months[0])} – ${formatMonth(lang, months.at(-1)!)}`,
    method: 'kepatuhan',
    collapse: true,
  };
}

export const UNIT_CHARTS = [
  { id: 'ikm-tren', build: ikmTrend },
  { id: 'unsur', build: unsurScores },
  { id: 'iku', build: indicators },
  { id: 'layanan', build: unitServices },
  { id: 'pengaduan', build: unitComplaints },
  { id: 'pelatihan', build: unitTraining },
  { id: 'kepatuhan', build: unitCompliance },
  { id: 'predikat', build: unitPredikat },
] as const;

/** The unit page's charts; memoised because the page and its CSV endpoints both ask. */
export const unitCharts = memoize((lang: Lang, kode: string, unit: string): Promise<PageChart[]> =>
  Promise.all(
    UNIT_CHARTS.map(async ({ id, build }) => ({ id, chart: await build(lang, kode, unit), fileSent: hasFile(kode, CHART_INPUT[id]) })),
  ),
);
