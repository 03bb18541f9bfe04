/**
 * The comparison chart: one dot per unit and period, with the 95 % interval as a line where the
 * measure has one (IKM), so that two units whose lines overlap are not read as different. A
 * survey measure's dot also shows its sample adequacy, as every IKM mark of the site does.
 * Takes the document to draw in: linkedom's at build time, the page's in the browser.
 */
import * as Plot from '@observablehq/plot';
import type { Lang } from '../i18n/lang.ts';
import { unitLabel, type Measure } from '../queries/compare.ts';
import type { QueryResult } from '../queries/result.ts';
import { finishChart, fittedLabels, GREY, PALETTE } from './plot.ts';
import { formatNumber, formatPeriod } from '../i18n/format.ts';
import { sampleDots } from './sample-marks.ts';
import { SAMPLE_WORDS, sampleState, sampleText, type SampleState } from './sample.ts';

export interface ComparePoint {
  label: string;
  periode: string;
  nilai: number;
  bawah: number | null;
  atas: number | null;
  /** The value's sample adequacy (drawn only for a measure that has one). */
  sampel: SampleState;
}

/** Rows of compareSql's result as chart points; the unit label names the region only when several are shown. */
export function comparePoints(result: QueryResult): ComparePoint[] {
  const col = (name: string) => result.columns.indexOf(name);
  const [w, u, p, v, lo, hi, s] = ['wilayah', 'unit', 'periode', 'nilai', 'bawah', 'atas', 'sampel'].map(col);
  const regions = new Set(result.rows.map((r) => r[w]));
  return result.rows
    .filter((r) => typeof r[v] === 'number')
    .map((r) => ({
      label: unitLabel(String(r[u]), String(r[w]), regions.size > 1),
      periode: String(r[p]),
      nilai: r[v] as number,
      bawah: typeof r[lo] === 'number' ? r[lo] : null,
      atas: typeof r[hi] === 'number' ? r[hi] : null,
      sampel: sampleState(r[s]),
    }));
}

/** The widest drawing; a reader's browser draws at the width it has, up to it (text stays 14 px). */
const WIDTH = 640;
/** Each unit is a band: its name on a line of its own (long names stay whole), then one row per period. */
const LABEL_SPACE = 22;
const PERIOD_ROW = 16;

export function compareChart(
  points: readonly ComparePoint[],
  measure: Measure,
  lang: Lang,
  document: Document,
  width = WIDTH,
): SVGSVGElement | HTMLElement {
  width = Math.max(280, Math.min(WIDTH, Math.round(width)));
  const periods = [...new Set(points.map((d) => d.periode))].sort();
  // Units in order of their value in the first period shown, best first.
  const first = new Map(points.filter((d) => d.periode === periods[0]).map((d) => [d.label, d.nilai]));
  const labels = [...new Set(points.map((d) => d.label))].sort(
    (a, b) => (first.get(b) ?? -Infinity) - (first.get(a) ?? -Infinity) || a.localeCompare(b),
  );
  // Names wider than the chart are cut where they differ (fittedLabels), never to the same text.
  const lineWidth = Math.floor((width - 32) / 14);
  const fitted = fittedLabels(
    labels,
    (d) => d,
    (d) => d,
    lineWidth,
  );
  const band = LABEL_SPACE + periods.length * PERIOD_ROW + 6;
  const unit = measure.unit[lang] ? ` (${measure.unit[lang]})` : '';
  const withInterval = points.filter((d) => d.bawah !== null && d.atas !== null);
  const value = (d: ComparePoint) =>
    `${formatNumber(lang, d.nilai, measure.style)}${d.bawah !== null && d.atas !== null ? ` (${formatNumber(lang, d.bawah, measure.style)}–${formatNumber(lang, d.atas, measure.style)})` : ''}`;
  const chart = Plot.plot({
    document,
    width,
    height: 48 + labels.length * band,
    marginLeft: 12,
    marginRight: 20,
    marginTop: 4,
    marginBottom: 40,
    // Never shown wider than drawn: a drawing scaled up or down changes its 14 px text with it.
    style: { fontSize: '14px', maxWidth: `${width}px` },
    ariaLabel: `${measure.label[lang]}${unit}`,
    x: { label: `${measure.label[lang]}${unit}`, grid: true, tickFormat: (n: number) => formatNumber(lang, n) },
    fy: { domain: labels, axis: null, padding: 0 },
    y: { domain: periods, axis: null, insetTop: LABEL_SPACE },
    color: {
      type: 'ordinal',
      domain: periods,
      range: [...PALETTE],
      legend: periods.length > 1,
      tickFormat: (p: string) => formatPeriod(lang, p),
    },
    marks: [
      // The regulation's mutu B and A boundaries, dashed, as on the region and unit pages.
      ...(measure.grade ? [Plot.ruleX([measure.grade.B, measure.grade.A], { stroke: GREY, strokeDasharray: '4,3' })] : []),
      Plot.text(labels, {
        fy: (d: string) => d,
        text: (d: string) => fitted.get(d)!,
        title: (d: string) => (fitted.get(d) === d ? null : d),
        frameAnchor: 'top-left',
        dy: 4,
        textAnchor: 'start',
        lineWidth,
        textOverflow: 'ellipsis',
        fill: 'currentColor',
      }),
      Plot.ruleY(withInterval, {
        fy: 'label',
        y: 'periode',
        x1: 'bawah',
        x2: 'atas',
        stroke: 'periode',
        strokeWidth: 2.5,
        strokeOpacity: 0.7,
      }),
      ...(measure.sample
        ? sampleDots(points, (d) => d.sampel, 'periode', {
            fy: 'label',
            y: 'periode',
            x: 'nilai',
            title: (d: ComparePoint) =>
              `${d.label} · ${formatPeriod(lang, d.periode)}: ${value(d)}; ${SAMPLE_WORDS[lang].heading.toLowerCase()}: ${sampleText(lang, d.sampel)}`,
          })
        : [
            Plot.dot(points, {
              fy: 'label',
              y: 'periode',
              x: 'nilai',
              fill: 'periode',
              r: 5,
              title: (d: ComparePoint) => `${d.label} · ${formatPeriod(lang, d.periode)}: ${value(d)}`,
            }),
          ]),
    ],
  });
  finishChart(chart, `${measure.label[lang]}${unit}: ${labels.length} unit, ${periods.map((p) => formatPeriod(lang, p)).join(', ')}`);
  return chart;
}
