/**
 * How a chart's dashed grade lines are said, in one place for the region and unit pages
 * (src/charts/) and the compare page's script, which loads this and not every word of the site.
 * Numbers come in already written in the page's language.
 */
import type { Lang } from './lang.ts';

/** "batas mutu B (76,61) dan A (88,31)". */
export const gradeThresholdWords = (lang: Lang, b: string, a: string): string =>
  lang === 'id' ? `batas mutu B (${b}) dan A (${a})` : `grade B (${b}) and A (${a}) thresholds`;

/** "garis putus: batas mutu B (76,61) dan A (88,31)", for a legend without a dashed swatch. */
export const gradeLegendWords = (lang: Lang, b: string, a: string): string =>
  `${lang === 'id' ? 'garis putus' : 'dashed'}: ${gradeThresholdWords(lang, b, a)}`;
