/**
 * An indicator row read for what it says about success: whether its target was met and how it
 * moved against last year (derive/capaian.ts targetMet, trendOf), the cells and sentences that
 * say so. Region and unit charts and the home headlines share them, so a target is "met" in one
 * sense everywhere. No node imports (the browser redraws with these).
 */
import type { PublishedRow } from '../../contract/published.ts';
import { targetMet, trendOf, type Arah, type Trend } from '../../derive/capaian.ts';
import { PREVIOUS_REALISASI } from '../../queries/capaian-previous.ts';
import type { Lang } from '../i18n.ts';
import { labelCell, sumCell, type Cell, type Rich } from '../chart-data.ts';
import { num, str } from '../row.ts';
import { t, tr } from '../words.ts';

const arahOf = (r: PublishedRow): Arah => (str(r, 'arah') === 'turun' ? 'turun' : 'naik');

/** Met (true), missed (false), or not reported (null) for a capaian_iku row. */
export const metOf = (r: PublishedRow): boolean | null => targetMet(arahOf(r), num(r, 'target')!, num(r, 'realisasi'));

/** Against the previous year, for a row of a query that joined it (queries/capaian-previous.ts). */
export const trendOfRow = (r: PublishedRow): Trend | null => trendOf(arahOf(r), num(r, 'realisasi'), num(r, PREVIOUS_REALISASI));

/** "tercapai" / "tidak tercapai" / "belum dilaporkan", the CSV keeping ya / tidak / empty. */
export function metCell(lang: Lang, r: PublishedRow): Cell {
  const w = t(lang);
  const met = metOf(r);
  if (met === null) return { raw: '', text: '', missing: 'unreported' };
  return labelCell(met ? 'ya' : 'tidak', met ? w.target.met : w.target.missed);
}

/** The indicator's direction in words: "↑ makin tinggi makin baik". */
export const directionCell = (lang: Lang, r: PublishedRow): Cell => labelCell(str(r, 'arah'), t(lang).target.direction[str(r, 'arah')] ?? str(r, 'arah'));

/** membaik / tetap / memburuk against last year; empty (not available) when there is nothing to compare. */
export function trendCell(lang: Lang, r: PublishedRow): Cell {
  const trend = trendOfRow(r);
  return trend ? labelCell(trend, t(lang).target.trend[trend]) : { raw: '', text: '', missing: 'na' };
}

/**
 * "3 dari 6 indikator yang sudah dilaporkan mencapai target (naik: realisasi ≥ target; turun:
 * realisasi ≤ target). 1 belum dilaporkan." over the given rows (one year).
 */
export function targetSentence(lang: Lang, rows: readonly PublishedRow[]): Rich {
  const T = tr(lang);
  const reported = rows.filter((r) => metOf(r) !== null);
  const met = reported.filter((r) => metOf(r) === true).length;
  const unreported = rows.length - reported.length;
  const tail: Rich = unreported ? [' ', sumCell(lang, unreported), T(' indikator belum dilaporkan realisasinya.', ' indicators have no realisation reported yet.')] : [];
  if (!reported.length) return [T('Belum ada realisasi yang dilaporkan.', 'No realisation reported yet.')];
  return [
    sumCell(lang, met),
    T(' dari ', ' of '),
    sumCell(lang, reported.length),
    T(
      ' indikator yang sudah dilaporkan mencapai target (arah naik: realisasi ≥ target; arah turun: realisasi ≤ target).',
      ' reported indicators met their target (direction up: realisation ≥ target; down: realisation ≤ target).',
    ),
    ...tail,
  ];
}

/**
 * "dibanding 2024, 5 dari 7 indikator membaik atau tetap." over the rows of one year that have
 * a previous year to compare with; nothing when none has.
 */
export function trendSentence(lang: Lang, rows: readonly PublishedRow[], year: number): Rich {
  const T = tr(lang);
  const compared = rows.map(trendOfRow).filter((x): x is Trend => x !== null);
  if (!compared.length) return [];
  const better = compared.filter((x) => x !== 'memburuk').length;
  return [
    T(`dibanding ${year - 1}, `, `against ${year - 1}, `),
    sumCell(lang, better),
    T(' dari ', ' of '),
    sumCell(lang, compared.length),
    T(' indikator yang dapat dibandingkan membaik atau tetap. ', ' comparable indicators improved or held steady. '),
  ];
}
