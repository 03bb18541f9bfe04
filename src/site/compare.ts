/**
 * Build time: the comparison page's default, and the choices its form offers, computed with the
 * same SQL module the browser runs (src/queries/compare.ts) over the published CSVs.
 */
import type { Lang } from '../i18n/lang.ts';
import { readTable } from './published.ts';
import { compareChart, comparePoints } from '../charts/compare.ts';
import { svgDocument } from './plot-document.ts';
import { CHART_WIDTH } from '../charts/plot.ts';
import { comparisonHtml, drawable, tooManyToDraw } from '../charts/comparison-view.ts';
import {
  compareSql,
  comparePeriodsSql,
  defaultChoices,
  latestIkmYearSql,
  measureByKey,
  unitKey,
  type CompareChoices,
} from '../queries/compare.ts';
import { runPublishedSql } from './run-sql.ts';

export async function defaultComparison(): Promise<CompareChoices> {
  const latest = (await runPublishedSql(latestIkmYearSql())).rows[0]?.[0];
  return defaultChoices(typeof latest === 'string' ? latest : null);
}

/**
 * The comparison section as HTML, exactly as the browser would render it for these choices; the
 * chart drawn at a phone's width (CHART_WIDTH), the width the build cannot know.
 */
export async function comparisonSection(
  choices: CompareChoices,
  lang: Lang,
  embeddable: boolean,
): Promise<{ html: string; tooMany: boolean }> {
  const result = await runPublishedSql(compareSql(choices));
  const measure = measureByKey(choices.measure)!;
  const many = tooManyToDraw(result, choices);
  const chart = drawable(result, choices) ? compareChart(comparePoints(result), measure, lang, svgDocument(), CHART_WIDTH).outerHTML : '';
  return { html: comparisonHtml(result, choices, lang, chart, embeddable), tooMany: many !== null };
}

/**
 * Units the compare form lists at most, region by region, to be ticked one by one. A national
 * site has tens of thousands (about 10,000 at 50 sample regions: a form of 1 MB); past this,
 * the form lists regions only, each compared with all its units.
 */
export const UNITS_LISTED_MOST = 400;

/** The units the form would list, when they are more than UNITS_LISTED_MOST (so it lists none); else null. */
export function unitsUnlisted(options: CompareOptions): number | null {
  const units = options.regions.reduce((n, r) => n + r.units.length, 0);
  return units > UNITS_LISTED_MOST ? units : null;
}

export interface CompareOptions {
  periods: string[];
  regions: { kode: string; nama: string; units: { key: string; nama: string }[] }[];
}

export async function compareOptions(): Promise<CompareOptions> {
  const periods = (await runPublishedSql(comparePeriodsSql())).rows.map((r) => String(r[0]));
  const units = readTable('unit');
  const regions = readTable('wilayah').map((w) => ({
    kode: String(w.kode_wilayah),
    nama: String(w.nama),
    units: units
      .filter((u) => u.kode_wilayah === w.kode_wilayah)
      .map((u) => ({ key: unitKey(String(u.kode_wilayah), String(u.kode_unit)), nama: String(u.nama_unit) })),
  }));
  return { periods, regions };
}
