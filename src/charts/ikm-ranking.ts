/**
 * The region's units ranked by IKM with their 95 % intervals: rows of ikmRankingSql → table,
 * CSV and SVG. The build draws it into linkedom for the static page; the browser draws it into
 * the page when a reader changes the period or the type of unit. No node imports.
 */
import type { PublishedRow } from '../contract/published.ts';
import type { Lang } from '../i18n/lang.ts';
import { t, tr } from '../i18n/words.ts';
import { formatPeriod } from '../i18n/format.ts';
import { IKM_GRADE } from '../derive/grades.ts';
import { shapeCell, type ChartData, type ChartRow, type LegendItem, type PrimaryKey, type Rich, type TableShape } from './chart-data.ts';
import { num, str } from './row.ts';
import { mutuLabel } from '../i18n/labels.ts';
import { axisFormat, BLUE, GREY, Plot, renderPlot, rowLabels } from './plot.ts';
import { sampleDots } from './sample-marks.ts';
import { sampleCell, sampleMinimumCell, sampleLegend, sampleState, sampleSummary, type SampleState } from './sample.ts';
import { BAR_DY, columns, withSentence, gradeThresholds, periodCell, rowChart, slideParts, unitCells } from './common.ts';

/** ikm_unit as far as this chart reads it; test/unit/chart-shapes.test.ts holds it equal to the schema. */
export const IKM_UNIT: TableShape = {
  name: 'ikm_unit',
  key: ['kode_wilayah', 'kode_unit', 'periode'] as const satisfies PrimaryKey<'ikm_unit'>,
  types: {
    responden: 'integer',
    ikm: 'number',
    ikm_bawah: 'number',
    ikm_atas: 'number',
    mutu: 'string',
    sampel_minimum: 'integer',
    sampel_cukup: 'string',
  },
  styles: { responden: 'count', ikm: 'fixed2', ikm_bawah: 'fixed2', ikm_atas: 'fixed2', sampel_minimum: 'count' },
};

/** Unit names as the query joined them; a unit missing from `unit` is shown by its code. */
export const namesOf = (rows: readonly PublishedRow[]): Map<string, string> =>
  new Map(rows.filter((r) => str(r, 'nama_unit') !== '').map((r) => [str(r, 'kode_unit'), str(r, 'nama_unit')]));

export interface IkmRankingInput {
  kode: string;
  periode: string;
  /** Rows of ikmRankingSql, in its order (best first). */
  rows: PublishedRow[];
}

const stateOf = (r: PublishedRow): SampleState => sampleState(r.sampel_cukup);

export function ikmRankingChart(lang: Lang, { kode, periode, rows }: IkmRankingInput, document: Document): ChartData {
  const names = namesOf(rows);
  const cell = (r: PublishedRow, col: string, opts: Parameters<typeof shapeCell>[4] = {}) => shapeCell(lang, IKM_UNIT, r, col, opts);
  const table: ChartRow[] = rows.map((r) => ({
    ...unitCells(lang, kode, r, names),
    periode: periodCell(lang, r),
    ikm: cell(r, 'ikm'),
    ikm_bawah: cell(r, 'ikm_bawah'),
    ikm_atas: cell(r, 'ikm_atas'),
    mutu: cell(r, 'mutu', { text: mutuLabel(str(r, 'mutu'), lang) }),
    responden: cell(r, 'responden'),
    sampel_minimum: sampleMinimumCell(lang, IKM_UNIT, r),
    sampel_cukup: sampleCell(lang, IKM_UNIT, r),
  }));
  const drawn = rows.filter((r) => num(r, 'ikm') !== null);
  const name = nameOf(names);
  const svg = drawn.length ? drawRanking(lang, drawn, drawn, periode, document) : '';
  return {
    id: 'ikm',
    title: t(lang).titles['ikm'],
    takeaway: withSentence(ikmTakeaway(lang, drawn, name), sampleSummary(lang, drawn.map(stateOf))),
    // Unit, IKM and mutu first: what a phone shows without scrolling sideways.
    columns: columns(lang, [
      'nama_unit',
      'ikm',
      'mutu',
      'periode',
      'ikm_bawah',
      'ikm_atas',
      'responden',
      'sampel_minimum',
      'sampel_cukup',
      ['kode_unit', 'Kode', 'Code'],
    ]),
    rows: table,
    svg,
    sources: ['ikm_unit'],
    period: formatPeriod(lang, periode),
    method: 'ikm',
    legend: ikmLegend(lang, drawn),
  };
}

const code = (r: PublishedRow) => str(r, 'kode_unit');
const nameOf = (names: Map<string, string>) => (r: PublishedRow) => names.get(code(r)) ?? code(r);

/**
 * The ranking drawn for the rows of `part` (all of `drawn`, or a forum slide's share of them),
 * on the x scale of every drawn row, so that two slides of one ranking read alike.
 */
function drawRanking(
  lang: Lang,
  drawn: readonly PublishedRow[],
  part: readonly PublishedRow[],
  periode: string,
  document: Document,
  place = '',
) {
  const T = tr(lang);
  const name = nameOf(namesOf([...drawn]));
  const lows = drawn.map((r) => num(r, 'ikm_bawah') ?? num(r, 'ikm')!);
  return renderPlot(
    {
      ...rowChart(part.map(code)),
      x: {
        domain: [Math.max(25, Math.floor(Math.min(...lows) - 2)), 100],
        label: T('IKM dan interval 95% →', 'Index and 95% interval →'),
        tickFormat: axisFormat(lang, 'count'),
        grid: true,
      },
      marks: [
        Plot.ruleX([IKM_GRADE.B, IKM_GRADE.A], { stroke: GREY, strokeDasharray: '4,3' }),
        rowLabels(part, code, name),
        Plot.ruleY(part, {
          y: code,
          x1: (r: PublishedRow) => num(r, 'ikm_bawah'),
          x2: (r: PublishedRow) => num(r, 'ikm_atas'),
          stroke: BLUE,
          strokeWidth: 2,
          dy: BAR_DY,
        }),
        ...sampleDots(part, stateOf, BLUE, { y: code, x: (r: PublishedRow) => num(r, 'ikm'), dy: BAR_DY }),
      ],
    },
    {
      label:
        T(
          `Peringkat IKM ${drawn.length} unit dengan interval 95%, ${formatPeriod(lang, periode)}`,
          `Satisfaction index of ${drawn.length} units with 95% intervals, ${formatPeriod(lang, periode)}`,
        ) + place,
    },
    document,
  );
}

/** The key of a ranking's marks: the interval, the sample states its rows draw, the grade lines. */
function ikmLegend(lang: Lang, drawn: readonly PublishedRow[]): LegendItem[] {
  const T = tr(lang);
  return [
    { color: BLUE, label: T('garis: interval 95%', 'line: 95% interval'), shape: 'rule' },
    ...sampleLegend(lang, drawn.map(stateOf), BLUE),
    { color: GREY, label: ikmGradeLegend(lang), dashed: true },
  ];
}

/**
 * The ranking cut for the forum's slides (common.ts slideParts: a room reads no more rows on
 * one), in rank order, each part titled with its place and ranks ("(2/3), peringkat 9–16");
 * undefined when one slide holds it. Only the build draws these: the page's filter never shows them.
 */
export function ikmRankingSlides(
  lang: Lang,
  { periode, rows }: IkmRankingInput,
  document: Document,
): { slideParts: string[]; slideLegends: LegendItem[][] } | undefined {
  const drawn = rows.filter((r) => num(r, 'ikm') !== null);
  // Each slide keys the sample states its own units draw.
  const slideLegends = slideParts(drawn, (part) => ikmLegend(lang, part));
  const svgs = slideParts(drawn, (part, i, n) => {
    const first = drawn.indexOf(part[0]) + 1;
    const ranks = `${first}–${first + part.length - 1}`;
    return drawRanking(
      lang,
      drawn,
      part,
      periode,
      document,
      tr(lang)(` (${i + 1}/${n}), peringkat ${ranks}`, ` (${i + 1}/${n}), ranks ${ranks}`),
    );
  });
  return svgs && slideLegends ? { slideParts: svgs, slideLegends } : undefined;
}

function ikmTakeaway(lang: Lang, drawn: PublishedRow[], name: (r: PublishedRow) => string): Rich {
  const T = tr(lang);
  const cell = (r: PublishedRow) => shapeCell(lang, IKM_UNIT, r, 'ikm');
  if (drawn.length === 0) return [T('Belum ada IKM yang dapat dihitung untuk periode ini.', 'No index could be computed for this period.')];
  const top = drawn[0];
  if (drawn.length === 1) return [`${name(top)}: IKM `, cell(top), '.'];
  const bottom = drawn[drawn.length - 1];
  const second = drawn[1];
  const overlap = (num(second, 'ikm_atas') ?? 0) >= (num(top, 'ikm_bawah') ?? 0);
  return [
    T('Tertinggi: ', 'Highest: '),
    `${name(top)} (`,
    cell(top),
    T('); terendah: ', '); lowest: '),
    `${name(bottom)} (`,
    cell(bottom),
    '). ',
    overlap
      ? T(
          `Interval 95% dua unit teratas bertumpang tindih: selisihnya belum tentu nyata.`,
          `The 95% intervals of the top two units overlap: the difference may not be real.`,
        )
      : T(
          `Unit teratas jelas lebih tinggi dari unit kedua (interval tidak bertumpang tindih).`,
          `The top unit is clearly ahead of the second (intervals do not overlap).`,
        ),
  ];
}

/** The legend of the dashed grade lines, with the boundaries as the regulation gives them. */
function ikmGradeLegend(lang: Lang): string {
  return gradeThresholds(lang, IKM_GRADE, 'fixed2', true);
}
