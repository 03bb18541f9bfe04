/**
 * The official IKM is annual (PermenPAN-RB 14/2017); semesters are in between. This is the
 * headline of a region's or a unit's latest year: its figure, the semesters beside it, the change
 * from the year before, and, for a region, when two of those periods cover different units. Each
 * sentence names only published cells (ikm_wilayah or ikm_unit), or the difference of two of them.
 * Pure: it gets its rows, so each sentence kind is tested on rows of its own.
 */
import type { ColumnName, PublishedRow } from '../contract/published.ts';
import type { Lang } from '../i18n/lang.ts';
import { tr } from '../i18n/words.ts';
import { formatPeriod } from '../i18n/format.ts';
import { pubCell, shapeOf, sumCell, type Rich } from '../charts/chart.ts';
import { num, str } from '../charts/row.ts';
import { mutuLabel } from '../i18n/labels.ts';
import { sampleCell, sampleSentence } from '../charts/sample.ts';
import type { Headline } from './headlines.ts';
import { dataUntil, isSemester, isYear } from '../derive/periods.ts';

export interface AnnualIkmInput {
  table: 'ikm_wilayah' | 'ikm_unit';
  /** One region's rows of ikm_wilayah, or one unit's rows of ikm_unit, years and semesters. */
  rows: readonly PublishedRow[];
  /**
   * Region figures only: the units behind a period (those with rows in ikm_unit). A region's
   * figures of two periods over different units are not a like-for-like series, and say so.
   */
  unitsOf?: (periode: string) => ReadonlySet<string>;
  /** The region's export date: the figure's data cover no month after it. */
  exportDate?: string;
}

const sameSet = (a: ReadonlySet<string>, b: ReadonlySet<string>) => a.size === b.size && [...a].every((x) => b.has(x));
/**
 * Whether the change between two IKM rows (units or regions) is beyond their 95 % intervals, in
 * words ("intervalnya bertumpang tindih: …"), lower case; null when either has no interval (one
 * respondent): then nothing can be said of it.
 */
export function intervalWords(lang: Lang, a: PublishedRow, b: PublishedRow): string | null {
  const [aLow, aHigh, bLow, bHigh] = [num(a, 'ikm_bawah'), num(a, 'ikm_atas'), num(b, 'ikm_bawah'), num(b, 'ikm_atas')];
  if (aLow === null || aHigh === null || bLow === null || bHigh === null) return null;
  const T = tr(lang);
  return aLow <= bHigh && bLow <= aHigh
    ? T('intervalnya bertumpang tindih: perubahan belum tentu nyata.', 'the intervals overlap: the change may not be real.')
    : T('intervalnya tidak bertumpang tindih: perubahannya nyata.', 'the intervals do not overlap: the change is real.');
}

/** The headline of the latest year with a computable IKM, or null when there is none. */
export function annualIkmHeadline(lang: Lang, { table, rows, unitsOf, exportDate }: AnnualIkmInput): Headline | null {
  const T = tr(lang);
  const withIkm = rows.filter((r) => num(r, 'ikm') !== null);
  const years = withIkm.filter((r) => isYear(str(r, 'periode'))).sort((a, b) => str(a, 'periode').localeCompare(str(b, 'periode')));
  const row = years.at(-1);
  if (!row) return null;
  const year = str(row, 'periode');
  const cell = (r: PublishedRow, col: ColumnName<'ikm_unit' | 'ikm_wilayah'>) => pubCell(lang, table, r, col);
  const semesters = withIkm
    .filter((r) => isSemester(str(r, 'periode')) && str(r, 'periode').startsWith(`${year}-`))
    .sort((a, b) => str(a, 'periode').localeCompare(str(b, 'periode')));
  const prev = years.find((r) => str(r, 'periode') === String(Number(year) - 1));

  const note: Rich[] = [
    table === 'ikm_wilayah'
      ? [T('dari ', 'from '), cell(row, 'responden'), T(' responden di ', ' respondents in '), cell(row, 'unit'), T(' unit.', ' units.')]
      : [T('dari ', 'from '), cell(row, 'responden'), T(' responden.', ' respondents.')],
    semesterSentence(lang, table, year, semesters),
    unitsSentence(lang, table, [semesters[0], semesters[1]], unitsOf),
    prev ? changeSentence(lang, table, row, prev) : [],
    prev ? unitsSentence(lang, table, [prev, row], unitsOf) : [],
    table === 'ikm_unit' ? sampleSentence(lang, year, sampleCell(lang, shapeOf('ikm_unit'), row)) : [],
  ];
  return {
    label: T(`IKM tahunan ${year} (angka resmi)`, `Annual IKM ${year} (the official figure)`),
    value: [cell(row, 'ikm'), ' · ', pubCell(lang, table, row, 'mutu', { text: mutuLabel(str(row, 'mutu'), lang) })],
    note: note.filter((s) => s.length).flatMap((s, i) => (i ? [' ', ...s] : s)),
    period: year,
    // The year's data end with its latest surveyed half-year.
    until: dataUntil(semesters.length ? str(semesters.at(-1)!, 'periode') : year, exportDate),
    table,
  };
}

/** "Semester I 2025: 83,47; Semester II 2025: 83,51." or, with one semester, that the year is that semester. */
export function semesterSentence(lang: Lang, table: AnnualIkmInput['table'], year: string, semesters: readonly PublishedRow[]): Rich {
  const T = tr(lang);
  if (semesters.length === 0) return [];
  if (semesters.length === 1) {
    const only = formatPeriod(lang, str(semesters[0], 'periode'));
    return [
      T(`Hanya ${only} yang disurvei (IKM `, `Only ${only} was surveyed (index `),
      pubCell(lang, table, semesters[0], 'ikm'),
      T(`): angka ${year} adalah angka semester itu.`, `): the ${year} figure is that half-year's.`),
    ];
  }
  return semesters
    .flatMap((s, i): Rich => [
      i ? '; ' : T('Per semester: ', 'By half-year: '),
      `${formatPeriod(lang, str(s, 'periode'))} `,
      pubCell(lang, table, s, 'ikm'),
    ])
    .concat('.');
}

/**
 * "Unit yang disurvei berbeda (Semester I 2025: 6 unit, Semester II 2025: 11 unit), …" — only for
 * a region, and only when the two periods' units differ (the counts may be equal, the units not).
 */
export function unitsSentence(
  lang: Lang,
  table: AnnualIkmInput['table'],
  pair: readonly (PublishedRow | undefined)[],
  unitsOf?: AnnualIkmInput['unitsOf'],
): Rich {
  const T = tr(lang);
  const [a, b] = pair;
  if (table !== 'ikm_wilayah' || !unitsOf || !a || !b) return [];
  if (sameSet(unitsOf(str(a, 'periode')), unitsOf(str(b, 'periode')))) return [];
  const part = (r: PublishedRow): Rich => [
    `${formatPeriod(lang, str(r, 'periode'))}: `,
    pubCell(lang, table, r, 'unit'),
    lang === 'en' && num(r, 'unit') !== 1 ? ' units' : ' unit',
  ];
  return [
    T('Unit yang disurvei berbeda (', 'Different units were surveyed ('),
    ...part(a),
    ', ',
    ...part(b),
    T('), jadi angkanya tidak sepenuhnya sebanding.', '), so the figures are not fully comparable.'),
  ];
}

/** "Naik 0,80 poin dari 2024 (82,69); intervalnya tidak bertumpang tindih: perubahannya nyata." */
export function changeSentence(lang: Lang, table: AnnualIkmInput['table'], row: PublishedRow, prev: PublishedRow): Rich {
  const T = tr(lang);
  // Both figures are published with 2 decimals; their difference is exact in cents.
  const delta = Math.round((num(row, 'ikm')! - num(prev, 'ikm')!) * 100) / 100;
  const from = str(prev, 'periode');
  const was = pubCell(lang, table, prev, 'ikm');
  const head: Rich =
    delta === 0
      ? [T(`Sama dengan ${from} (`, `Unchanged from ${from} (`), was, ')']
      : [
          delta > 0 ? T('Naik ', 'Up ') : T('Turun ', 'Down '),
          sumCell(lang, Math.abs(delta), 'fixed2'),
          T(` poin dari ${from} (`, ` points from ${from} (`),
          was,
          ')',
        ];
  const real = intervalWords(lang, row, prev);
  return delta === 0 || real === null ? [...head, '.'] : [...head, `; ${real}`];
}
