/**
 * How a comparison reads on the page: heading, note, chart, table and links. One function for
 * the build-time default and the live answer, so "the same URL with scripts" shows the same
 * table, cell for cell.
 */
import { type Lang } from '../i18n/lang.ts';
import {
  choicesToSearch,
  COMPARE_COLUMNS,
  compareSql,
  measureByKey,
  type CompareChoices,
  type CompareColumn,
  type Measure,
  unitKey,
  unitLabel,
} from '../queries/compare.ts';
import type { QueryResult } from '../queries/result.ts';
import { formatNumber, formatPeriod } from '../i18n/format.ts';
import { gradeLegendWords } from '../i18n/grade-words.ts';
import { escapeHtml } from './html.ts';
import { resultTableHtml } from './result-table.ts';
import { COMPARE_WORDS } from '../i18n/compare-words.ts';
import { legendHtml } from './chart-html.ts';
import { SAMPLE_WORDS, sampleLegend, sampleState, sampleText } from './sample.ts';
import { COMPARE, COMPARE_EMBED, explorerQuery, localePath, tablePath } from '../routes.ts';

/** Marks take each period's colour; the key shows their shapes in one neutral tone. */
const LEGEND_COLOUR = '#57606a';

export function comparisonHeading(choices: CompareChoices, lang: Lang): string {
  const measure = measureByKey(choices.measure);
  return `${measure?.label[lang] ?? choices.measure} · ${choices.periods.length ? choices.periods.map((p) => formatPeriod(lang, p)).join(', ') : COMPARE_WORDS[lang].allPeriods}`;
}

/**
 * What the comparison could not show: each period asked for (or, with none asked, each period
 * shown) with the units of the comparison that have no value in it, and the periods asked for
 * that no unit has. Units are named as in the chart ("Unit (Wilayah)" across regions).
 */
export function missingValues(
  result: QueryResult,
  choices: CompareChoices,
): { periods: string[]; units: { period: string; units: string[] }[] } {
  const col = (name: CompareColumn) => COMPARE_COLUMNS.indexOf(name);
  const regions = new Set(result.rows.map((r) => r[col('kode_wilayah')]));
  const name = (r: QueryResult['rows'][number]) => unitLabel(String(r[col('unit')]), String(r[col('wilayah')]), regions.size > 1);
  const units = new Map<string, string>();
  const has = new Set<string>();
  for (const r of result.rows) {
    const key = unitKey(String(r[col('kode_wilayah')]), String(r[col('kode_unit')]));
    units.set(key, name(r));
    has.add(`${key}|${r[col('periode')]}`);
  }
  const asked = choices.periods.length
    ? [...choices.periods].sort()
    : [...new Set(result.rows.map((r) => String(r[col('periode')])))].sort();
  const shown = new Set(result.rows.map((r) => String(r[col('periode')])));
  return {
    periods: asked.filter((p) => !shown.has(p)),
    units: asked
      .filter((p) => shown.has(p))
      .map((period) => ({ period, units: [...units].filter(([key]) => !has.has(`${key}|${period}`)).map(([, n]) => n) }))
      .filter((m) => m.units.length > 0),
  };
}

/** missingValues as sentences: "Tidak ada nilai untuk Semester I 2025: A, B." */
function missingHtml(result: QueryResult, choices: CompareChoices, lang: Lang): string {
  const w = COMPARE_WORDS[lang];
  const missing = missingValues(result, choices);
  const lines = [
    ...missing.periods.map((p) => w.noPeriod(formatPeriod(lang, p))),
    ...missing.units.map((m) => w.noValue(formatPeriod(lang, m.period), m.units.join(', '))),
  ];
  return lines.length ? `<p class="note kt-compare-missing">${lines.map(escapeHtml).join(' ')}</p>` : '';
}

/** The figure's caption: what the value is, how to read the interval, and the grade lines. */
function captionText(measure: Measure, lang: Lang): string {
  const w = COMPARE_WORDS[lang];
  const grade = measure.grade
    ? gradeLegendWords(lang, formatNumber(lang, measure.grade.B, measure.style), formatNumber(lang, measure.grade.A, measure.style))
    : '';
  return [measure.note[lang], measure.interval ? w.interval : '', grade ? `${grade[0].toUpperCase()}${grade.slice(1)}.` : '']
    .filter(Boolean)
    .join(' ');
}

/** The columns a phone shows side by side, and those it shows on labelled lines under them. */
const KEY_COLUMNS: CompareColumn[] = ['unit', 'periode', 'nilai'];
const SECONDARY_COLUMNS: CompareColumn[] = ['wilayah', 'bawah', 'atas', 'basis', 'sampel', 'kode_wilayah', 'kode_unit'];

export function comparisonTableHtml(result: QueryResult, measure: Measure, lang: Lang, caption: string): string {
  const w = COMPARE_WORDS[lang];
  const unit = measure.unit[lang] ? ` (${measure.unit[lang]})` : '';
  const headers = [
    'kode_wilayah',
    w.region,
    'kode_unit',
    w.unit,
    w.period,
    `${measure.label[lang]}${unit}`,
    w.low,
    w.high,
    measure.basis[lang],
    SAMPLE_WORDS[lang].heading,
  ];
  const hidden: CompareColumn[] = [
    'kode_wilayah',
    'kode_unit',
    ...(measure.interval ? [] : (['bawah', 'atas'] as const)),
    ...(measure.sample ? [] : (['sampel'] as const)),
  ];
  const at = (c: CompareColumn) => COMPARE_COLUMNS.indexOf(c);
  const sampel = at('sampel');
  // The value and its interval as their published column prints them, the basis a count; an empty cell a dash.
  const styles = new Map([
    [at('nilai'), measure.style],
    [at('bawah'), measure.style],
    [at('atas'), measure.style],
    [at('basis'), 'count' as const],
  ]);
  const text = (v: unknown, i: number) =>
    v === null ? '—' : typeof v === 'number' ? formatNumber(lang, v, styles.get(i) ?? 'plain') : String(v);
  return resultTableHtml(result, {
    caption,
    headers,
    hide: hidden.map(at),
    // Unit, period and value first: what a 360 px phone shows side by side; the rest goes on
    // labelled lines under each row there (interactive.css .kt-phone-rows), beside it on a wider screen.
    order: KEY_COLUMNS.concat(SECONDARY_COLUMNS).map(at),
    secondary: SECONDARY_COLUMNS.map(at),
    className: 'kt-phone-rows',
    cell: (v, i) => (i === sampel ? sampleText(lang, sampleState(v)) : text(v, i)),
  });
}

/** The key of a survey measure's marks: the sample adequacy states its rows have. */
export function comparisonLegendHtml(result: QueryResult, measure: Measure, lang: Lang): string {
  if (!measure.sample) return '';
  const sampel = result.columns.indexOf('sampel');
  return legendHtml(
    sampleLegend(
      lang,
      result.rows.map((r) => sampleState(r[sampel])),
      LEGEND_COLOUR,
    ),
  );
}

/**
 * Units drawn at most when none was chosen (every unit of every region). At national scale that
 * is thousands (1,390 in the latest year at 50 sample regions: a compare page of 2.9 MB, most
 * of it the chart), more than a phone draws or anyone reads in one chart.
 */
export const ALL_UNITS_MOST = 100;

/**
 * The units (and their regions) that have a value in a comparison where no region or unit was
 * chosen, when they are more than ALL_UNITS_MOST: then it is not drawn, and says so. Else null.
 */
export function tooManyToDraw(result: QueryResult, choices: CompareChoices): { units: number; regions: number } | null {
  if (choices.regions.length > 0 || choices.units.length > 0) return null;
  const [w, u, v] = (['kode_wilayah', 'kode_unit', 'nilai'] as const).map((c) => result.columns.indexOf(c));
  const units = new Set<string>();
  const regions = new Set<unknown>();
  for (const r of result.rows)
    if (typeof r[v] === 'number') {
      units.add(`${String(r[w])}\u0000${String(r[u])}`);
      regions.add(r[w]);
    }
  return units.size > ALL_UNITS_MOST ? { units: units.size, regions: regions.size } : null;
}

/** Whether a comparison's chart is drawn: it has rows, and not too many (tooManyToDraw). */
export const drawable = (result: QueryResult, choices: CompareChoices): boolean =>
  result.rows.length > 0 && !tooManyToDraw(result, choices);

/**
 * What stands where a comparison too large to draw would: how many units and regions, the table
 * its values come from and, on the compare page for readers with scripts (the form is theirs:
 * .kt-needs-js is hidden without them), how to choose fewer. In an embed, which has no form,
 * only the first, its link opening the site in the reader's tab (not inside the frame).
 */
export function tooManyHtml(many: { units: number; regions: number }, measure: Measure, lang: Lang, where: 'page' | 'embed'): string {
  const w = COMPARE_WORDS[lang];
  const count = (n: number) => formatNumber(lang, n, 'count');
  const target = where === 'embed' ? ' target="_top"' : '';
  const table = w.tooManyWhere(
    `<a href="${escapeHtml(localePath(lang, tablePath(measure.table)))}"${target}><code>${escapeHtml(measure.table)}</code></a>`,
  );
  const choose = where === 'page' ? `<p class="kt-needs-js">${escapeHtml(w.chooseFewer)}</p>` : '';
  return `<p>${escapeHtml(w.tooMany(count(many.units), count(many.regions)))} ${table}</p>${choose}`;
}

/**
 * The comparison section's inner HTML; chartHtml is Plot's SVG drawn by the caller's document.
 * Only the build's default has an embed page (embeds run no script), hence `embeddable`.
 */
export function comparisonHtml(result: QueryResult, choices: CompareChoices, lang: Lang, chartHtml: string, embeddable = false): string {
  const w = COMPARE_WORDS[lang];
  const measure = measureByKey(choices.measure);
  if (!measure) return '';
  const heading = comparisonHeading(choices, lang);
  const search = choicesToSearch(choices);
  const many = tooManyToDraw(result, choices);
  const links = [
    `<a class="permalink" href="${escapeHtml(localePath(lang, COMPARE) + search)}">${w.permalink}</a>`,
    `<a href="${escapeHtml(explorerQuery(lang, compareSql(choices)))}">${w.sql}</a>`,
    // An embed of a comparison not drawn would show only its note: not offered.
    embeddable && !many ? `<a href="${escapeHtml(localePath(lang, COMPARE_EMBED))}">${w.embed}</a>` : '',
  ].filter(Boolean);
  const body = many
    ? tooManyHtml(many, measure, lang, 'page')
    : result.rows.length
      ? `${missingHtml(result, choices, lang)}<figure class="kt-compare-chart"><figcaption class="note">${escapeHtml(captionText(measure, lang))}</figcaption>${chartHtml}${comparisonLegendHtml(result, measure, lang)}</figure>${comparisonTableHtml(result, measure, lang, heading)}`
      : `<p>${escapeHtml(w.noRows)}</p>`;
  return `<h2 id="comparison-title">${escapeHtml(heading)}</h2>${body}<p class="chart-meta">${links.join(' · ')}</p>`;
}
