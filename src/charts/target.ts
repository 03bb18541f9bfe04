/**
 * An indicator row read for what it says about success: whether its target was met and how it
 * moved against last year, as capaian_iku publishes them (`tercapai`, `dibanding_tahun_lalu`,
 * from derive/capaian.ts targetMet and trendOf), in cells and sentences. Region and unit charts
 * and the home headlines share them. No node imports (the browser redraws with these).
 */
import type { PublishedRow } from '../contract/published.ts';
import type { Lang } from '../i18n/lang.ts';
import { labelCell, shapeCell, sumCell, type Cell, type PrimaryKey, type Rich, type TableShape } from './chart-data.ts';
import { str } from './row.ts';
import { t, tr } from '../i18n/words.ts';
import { tercapaiLabel, trenLabel } from '../i18n/labels.ts';

/** capaian_iku as far as the capaian charts read it; test/unit/chart-shapes.test.ts holds it equal to the schema. */
export const CAPAIAN_IKU: TableShape = {
  name: 'capaian_iku',
  key: ['kode_wilayah', 'kode_unit', 'tahun', 'kode_indikator'] as const satisfies PrimaryKey<'capaian_iku'>,
  types: {
    tahun: 'integer',
    arah: 'string',
    target: 'number',
    realisasi: 'number',
    capaian: 'number',
    kategori: 'string',
    tercapai: 'string',
    dibanding_tahun_lalu: 'string',
    program: 'string',
  },
  styles: { tahun: 'count', target: 'plain', realisasi: 'plain', capaian: 'fixed2' },
};

/** Met (true), missed (false), or not reported (null), as published. */
export const metOf = (r: PublishedRow): boolean | null => (r.tercapai === 'ya' ? true : r.tercapai === 'tidak' ? false : null);

/** membaik / tetap / memburuk against the previous year, or '' when there is nothing to compare. */
export const trendOfRow = (r: PublishedRow): string => str(r, 'dibanding_tahun_lalu');

/** "Tercapai" / "Tidak tercapai" / "belum dilaporkan". */
export const metCell = (lang: Lang, r: PublishedRow): Cell =>
  shapeCell(lang, CAPAIAN_IKU, r, 'tercapai', { missing: 'unreported', text: tercapaiLabel(str(r, 'tercapai'), lang) });

/** Membaik / Tetap / Memburuk against last year; "tidak tersedia" when there is nothing to compare. */
export const trendCell = (lang: Lang, r: PublishedRow): Cell =>
  shapeCell(lang, CAPAIAN_IKU, r, 'dibanding_tahun_lalu', { text: trenLabel(trendOfRow(r), lang) });

/** The indicator's direction in words: "↑ makin tinggi makin baik". */
export const directionCell = (lang: Lang, r: PublishedRow): Cell =>
  labelCell(str(r, 'arah'), t(lang).target.direction[str(r, 'arah')] ?? str(r, 'arah'));

/**
 * "3 dari 6 indikator yang sudah dilaporkan mencapai target (arah naik: realisasi ≥ target;
 * arah turun: realisasi ≤ target). 1 indikator belum dilaporkan realisasinya." over one year's rows.
 */
export function targetSentence(lang: Lang, rows: readonly PublishedRow[]): Rich {
  const T = tr(lang);
  const reported = rows.filter((r) => metOf(r) !== null);
  const met = reported.filter((r) => metOf(r) === true).length;
  const unreported = rows.length - reported.length;
  const tail: Rich = unreported
    ? [' ', sumCell(lang, unreported), T(' indikator belum dilaporkan realisasinya.', ' indicators have no realisation reported yet.')]
    : [];
  if (!reported.length) return [T('belum ada realisasi yang dilaporkan.', 'no realisation reported yet.')];
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
 * "dibanding 2024, 5 dari 7 indikator yang dapat dibandingkan membaik atau tetap." over one
 * year's rows; nothing when none has a previous year to compare with.
 */
export function trendSentence(lang: Lang, rows: readonly PublishedRow[], year: number): Rich {
  const T = tr(lang);
  const compared = rows.map(trendOfRow).filter(Boolean);
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
