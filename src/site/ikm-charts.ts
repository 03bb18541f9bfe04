/**
 * The satisfaction index (ikm_unit): the region page's ranking of its units (filterable, drawn by
 * src/charts/ikm-ranking.ts at build and in the browser), a unit page's semesters and its nine unsur.
 */
import type { PublishedRow } from '../contract/published.ts';
import { UNSUR } from '../contract/enums.ts';
import type { Lang } from '../i18n/lang.ts';
import { t, tr } from '../i18n/words.ts';
import { formatPeriod } from '../i18n/format.ts';
import { IKM_GRADE, NRR_GRADE } from '../derive/grades.ts';
import { sampleDots } from '../charts/sample-marks.ts';
import { sampleCell, sampleMinimumCell, sampleLegend, sampleSentence, sampleState, type SampleState } from '../charts/sample.ts';
import { labelCell, pubCell, shapeOf, type ChartData, type Rich } from '../charts/chart.ts';
import { rowsOf, semesters } from './model.ts';
import { jenisUnitLabel, mutuLabel, unsurLabel } from '../i18n/labels.ts';
import { axisFormat, BLUE, GREY, ORANGE, Plot, rowLabels } from '../charts/plot.ts';
import { renderStatic, svgDocument } from './plot-document.ts';
import { num, rowsFromQuery, str } from '../charts/row.ts';
import { runPublishedSql } from './run-sql.ts';
import { ikmPeriodsSql, ikmRankingSql, ikmUnitTypesSql, type IkmChoice } from '../queries/region-charts.ts';
import { ikmRankingChart, ikmRankingSlides } from '../charts/ikm-ranking.ts';
import { latestPeriodOf } from '../derive/periods.ts';
import { BAR_INSET, columns, gradeThresholds, periodCell, rangeLabel, shortPeriod, rowChart, withSentence } from '../charts/common.ts';
import { field, values } from './filter-fields.ts';
import { intervalWords } from './ikm-annual.ts';

/** A lower-case clause as a sentence of its own after the one before, or nothing. */
const sentence = (clause: string | null): string[] => (clause ? [` ${clause[0].toUpperCase()}${clause.slice(1)}`] : []);

// ——— The region: units ranked by IKM with 95% intervals, filterable ———

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

// ——— A unit: IKM by semester ———

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
          '.',
          ...sentence(intervalWords(lang, last, prev)),
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
