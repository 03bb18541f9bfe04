/**
 * Appraisal ratings (predikat_unit): the region page's distribution by unit and score gap, and a
 * unit page's ratings by period, drawn by the same bars, cells and sentence.
 */
import type { ColumnName, PublishedRow } from '../contract/published.ts';
import { PREDIKAT } from '../contract/enums.ts';
import type { Lang } from '../i18n/lang.ts';
import { t, tr } from '../i18n/words.ts';
import { formatPeriod } from '../i18n/format.ts';
import { labelCell, pubCell, sumCell, type ChartData, type ChartRow, type Rich } from '../charts/chart.ts';
import { byUnitName, latestPeriod, rowsOf, unitNames } from './model.ts';
import { num, rawCell, str } from '../charts/row.ts';
import { alasanLabel, hiddenShort, predikatLabel } from '../i18n/labels.ts';
import {
  axisFormat,
  BLUE,
  GREY,
  HATCH_FILL,
  HATCH_LIGHT_FILL,
  hatchPattern,
  HIDDEN_FILL,
  ORANGE,
  Plot,
  rowLabels,
  SMALL_TEXT,
  VALUE_TEXT,
} from '../charts/plot.ts';
import { renderStatic } from './plot-document.ts';
import { columns, periodCell, PREDIKAT_COLORS, BAR_DY, BAR_INSET, rowChart, unitCells, slideParts, rangeLabel } from '../charts/common.ts';

// ——— Appraisal ratings and the score gap ———

/** How many of a predikat_unit row's counts are published (a hidden count is empty, a published 0 is seen). */
export const visibleCells = (r: PublishedRow): number => PREDIKAT.filter((p) => num(r, p.value) !== null).length;

/**
 * The share-of-group bars of predikat; hidden groups and cells are hatched and a hidden group
 * says why. Nothing is drawn (empty string) when no row has a visible count: a chart of hatching
 * only would show nothing, and the figure says so (ChartData.empty).
 */
export function predikatBars(lang: Lang, rows: readonly PublishedRow[], labelOf: (r: PublishedRow) => string, ariaLabel: string): string {
  if (!rows.some((r) => visibleCells(r) > 0)) return '';
  const T = tr(lang);
  type Seg = { y: string; key: string; n: number };
  const segs: Seg[] = [];
  const hiddenGroups: { y: string; why: string }[] = [];
  const keyOf = (r: PublishedRow) => `${str(r, 'kode_unit')}|${str(r, 'periode')}`;
  for (const r of rows) {
    const pegawai = num(r, 'pegawai');
    if (pegawai === null || visibleCells(r) === 0) {
      hiddenGroups.push({ y: keyOf(r), why: hiddenShort(str(r, 'disembunyikan'), lang) });
      continue;
    }
    let shown = 0;
    for (const p of PREDIKAT) {
      const n = num(r, p.value);
      if (n !== null && n > 0) segs.push({ y: keyOf(r), key: p.value, n });
      shown += n ?? 0;
    }
    if (pegawai - shown > 0) segs.push({ y: keyOf(r), key: 'disembunyikan', n: pegawai - shown });
  }
  const domain = [...PREDIKAT.map((p) => p.value), 'disembunyikan'];
  return renderStatic(
    {
      ...rowChart(rows.map(keyOf)),
      x: { label: T('Bagian pegawai (%) →', 'Share of employees (%) →'), percent: true, tickFormat: axisFormat(lang, 'count') },
      color: { domain, range: [...Object.values(PREDIKAT_COLORS), HATCH_FILL] },
      marks: [
        hatchPattern,
        rowLabels(rows, keyOf, labelOf),
        Plot.barX(
          segs,
          Plot.stackX({ offset: 'normalize', order: domain, y: 'y', x: 'n', fill: 'key', ...BAR_INSET, insetLeft: 0.5, insetRight: 0.5 }),
        ),
        Plot.barX(hiddenGroups, { y: 'y', x1: 0, x2: 1, fill: HATCH_LIGHT_FILL, ...BAR_INSET }),
        // A white halo keeps the words legible on the hatching.
        Plot.text(hiddenGroups, {
          y: 'y',
          x: 0.02,
          text: 'why',
          textAnchor: 'start',
          fill: '#1b1f24',
          stroke: 'white',
          strokeWidth: 5,
          paintOrder: 'stroke',
          dy: BAR_DY,
          fontSize: SMALL_TEXT,
          className: VALUE_TEXT,
        }),
      ],
    },
    { label: ariaLabel },
  );
}

export const predikatLegend = (lang: Lang) => [
  ...PREDIKAT.map((p) => ({ color: PREDIKAT_COLORS[p.value], label: predikatLabel(p.value, lang) })),
  {
    color: HIDDEN_FILL,
    hatched: true,
    label: tr(lang)(
      'arsir = disembunyikan untuk melindungi data pribadi (bukan nol)',
      'hatched = hidden to protect personal data (not zero)',
    ),
  },
];

/** Predikat table cells: a hidden group or cell prints "disembunyikan", never 0. */
export function predikatCells(lang: Lang, r: PublishedRow): ChartRow {
  const why = str(r, 'disembunyikan');
  const cell = (col: ColumnName<'predikat_unit'>) => pubCell(lang, 'predikat_unit', r, col, { missing: why ? 'hidden' : 'na' });
  const pegawai = cell('pegawai');
  // A hidden group says why where its size would be: "disembunyikan: kelompok kecil".
  if (pegawai.missing === 'hidden') pegawai.note = hiddenShort(why, lang).replace(/^[^:]*: /, '');
  return {
    pegawai,
    ...Object.fromEntries(PREDIKAT.map((p) => [p.value, cell(p.value)])),
    disembunyikan: labelCell(rawCell(r, 'disembunyikan'), why ? alasanLabel(why, lang) : '–'),
  };
}

/** The three mean scores of a predikat_unit row. */
const SCORE_COLUMNS = ['rata_nilai_atasan', 'rata_nilai_diri', 'rata_nilai_rekan'] as const;

/**
 * The mean scores of a predikat_unit row. A hidden group (kelompok_kecil, pembeda) hides them;
 * hidden small cells (sel_kecil) do not (derive/suppression.ts keeps the scores), so an empty
 * score there is "not available", not "hidden".
 */
export function predikatScoreCells(lang: Lang, r: PublishedRow): ChartRow {
  const why = str(r, 'disembunyikan');
  const missing = why === 'kelompok_kecil' || why === 'pembeda' ? 'hidden' : 'na';
  return Object.fromEntries(SCORE_COLUMNS.map((c) => [c, pubCell(lang, 'predikat_unit', r, c, { missing })]));
}

export const predikatColumns = (lang: Lang) =>
  columns(lang, [
    'pegawai',
    ...PREDIKAT.map((p): [string, string, string, boolean] => [p.value, p.label.id, p.label.en, true]),
    ['disembunyikan', 'Disembunyikan', 'Hidden'],
  ]);

/**
 * "8 dari 10 unit dipublikasikan (sedikitnya satu jumlah predikat terlihat). Disembunyikan
 * seluruhnya, bukan nol, agar tidak ada pegawai yang dapat dikenali: 2 karena kelompok kecil.
 * Di 5 unit lain sebagian sel disembunyikan." Every count and reason read from the rows'
 * published cells and their `disembunyikan`.
 */
export function predikatSentence(lang: Lang, rows: readonly PublishedRow[], what: string): Rich {
  const T = tr(lang);
  const shown = rows.filter((r) => visibleCells(r) > 0);
  const hidden = rows.filter((r) => visibleCells(r) === 0);
  const partly = shown.filter((r) => visibleCells(r) < PREDIKAT.length).length;
  const reasons = new Map<string, number>();
  for (const r of hidden) reasons.set(str(r, 'disembunyikan'), (reasons.get(str(r, 'disembunyikan')) ?? 0) + 1);
  const why: Rich = [...reasons].flatMap(([reason, n], i): Rich => [
    i ? ', ' : '',
    sumCell(lang, n),
    ` ${t(lang).hiddenBecause[reason] ?? reason}`,
  ]);
  return [
    sumCell(lang, shown.length),
    T(' dari ', ' of '),
    sumCell(lang, rows.length),
    T(` ${what} dipublikasikan (sedikitnya satu jumlah predikat terlihat).`, ` ${what} are published (at least one rating count shown).`),
    ...(hidden.length
      ? [
          T(
            ' Disembunyikan seluruhnya, bukan nol, agar tidak ada pegawai yang dapat dikenali: ',
            ' Hidden entirely, not zero, so that no employee can be identified: ',
          ),
          ...why,
          '.',
        ]
      : []),
    ...(partly
      ? [
          T(` Di `, ` In `),
          sumCell(lang, partly),
          T(` ${what} yang dipublikasikan sebagian sel disembunyikan.`, ` published ${what} some cells are hidden.`),
        ]
      : []),
  ];
}

export function predikatDistribution(lang: Lang, kode: string): ChartData | null {
  const T = tr(lang);
  const all = rowsOf('predikat_unit', kode);
  const period = latestPeriod(all);
  if (!period) return null;
  const names = unitNames(kode);
  const rows = all.filter((r) => r.periode === period).sort(byUnitName(names));
  const labelOf = (r: PublishedRow) => names.get(str(r, 'kode_unit')) ?? str(r, 'kode_unit');
  const a11yLabel = T(
    `Sebaran predikat kinerja pegawai per unit, ${formatPeriod(lang, period)}`,
    `Distribution of employee ratings per unit, ${formatPeriod(lang, period)}`,
  );
  const svg = predikatBars(lang, rows, labelOf, a11yLabel);
  return {
    id: 'predikat',
    title: t(lang).titles['predikat'],
    takeaway: predikatSentence(lang, rows, T('unit', 'units')),
    ...(svg ? {} : { empty: 'disembunyikan' as const }),
    columns: [...columns(lang, [['kode_unit', 'Kode', 'Code'], 'nama_unit', 'periode']), ...predikatColumns(lang)],
    rows: rows.map((r) => ({ ...unitCells(lang, kode, r, names), periode: periodCell(lang, r), ...predikatCells(lang, r) })),
    svg,
    sources: ['predikat_unit'],
    period: formatPeriod(lang, period),
    method: 'predikat',
    collapse: rows.length > 8,
    legend: predikatLegend(lang),
    // Shares of 100 %: each slide's part reads on the same scale as the whole.
    slideParts: slideParts(rows, (part, i, n) => predikatBars(lang, part, labelOf, `${a11yLabel} (${i + 1}/${n})`)),
  };
}

/** Whether a predikat_unit row's scores are published: only a hidden group (kelompok_kecil, pembeda) hides them. */
const scoresShown = (r: PublishedRow): boolean => !['kelompok_kecil', 'pembeda'].includes(str(r, 'disembunyikan'));

/**
 * Why no score is drawn, from the rows: groups whose scores would be published but are empty
 * were exported without nilai_atasan, nilai_diri and nilai_rekan; the other groups are hidden.
 */
function scoresMissing(lang: Lang, rows: readonly PublishedRow[]): Rich {
  const T = tr(lang);
  const open = rows.filter(scoresShown).length;
  const hidden = rows.length - open;
  if (!open)
    return [
      T(
        'Semua kelompok disembunyikan (bukan nol) agar tidak ada pegawai yang dapat dikenali.',
        'Every group is hidden (not zero) so that no employee can be identified.',
      ),
    ];
  return [
    T(
      'Ekspor penilaian kinerja wilayah ini tidak berisi nilai atasan, diri sendiri maupun rekan (kolom nilai_atasan, nilai_diri, nilai_rekan kosong) untuk ',
      "This region's appraisal export holds no supervisor, self or peer scores (columns nilai_atasan, nilai_diri, nilai_rekan blank) for ",
    ),
    sumCell(lang, open),
    T(' unit yang kelompoknya dipublikasikan', ' units whose groups are published'),
    ...(hidden
      ? [
          T('; ', '; '),
          sumCell(lang, hidden),
          T(' unit lain disembunyikan untuk melindungi data pribadi.', ' other units are hidden to protect personal data.'),
        ]
      : ['.']),
  ];
}

export function scoreGap(lang: Lang, kode: string): ChartData | null {
  const T = tr(lang);
  const all = rowsOf('predikat_unit', kode);
  const period = latestPeriod(all);
  if (!period) return null;
  const names = unitNames(kode);
  const rows = all.filter((r) => r.periode === period).sort(byUnitName(names));
  const cols = SCORE_COLUMNS;
  const colors = { rata_nilai_atasan: BLUE, rata_nilai_diri: ORANGE, rata_nilai_rekan: '#009E73' };
  const who = {
    rata_nilai_atasan: T('atasan', 'supervisor'),
    rata_nilai_diri: T('diri sendiri', 'self'),
    rata_nilai_rekan: T('rekan', 'peers'),
  };
  const code = (r: PublishedRow) => str(r, 'kode_unit');
  const published = rows.filter((r) => cols.some((c) => num(r, c) !== null));
  const dots = published.flatMap((r) => cols.filter((c) => num(r, c) !== null).map((c) => ({ y: code(r), c, v: num(r, c)! })));
  const values = dots.map((d) => d.v);
  const selfAbove = published.filter((r) => (num(r, 'rata_nilai_diri') ?? -1) > (num(r, 'rata_nilai_atasan') ?? Infinity)).length;
  /** The chart of `part` of the units, on the scale of all of them (a slide part reads as the whole). */
  const draw = (part: readonly PublishedRow[], place = '') =>
    renderStatic(
      {
        ...rowChart(part.map(code)),
        x: {
          domain: [Math.floor(Math.min(...values) - 2), Math.min(100, Math.ceil(Math.max(...values) + 2))],
          label: T('Rata-rata nilai (0–100) →', 'Mean score (0–100) →'),
          tickFormat: axisFormat(lang, 'count'),
          grid: true,
        },
        color: { domain: [...cols], range: cols.map((c) => colors[c]) },
        marks: [
          rowLabels(part, code, (r) => names.get(code(r)) ?? code(r)),
          Plot.ruleY(part, {
            y: code,
            dy: BAR_DY,
            x1: (r: PublishedRow) => Math.min(...cols.map((c) => num(r, c) ?? Infinity)),
            x2: (r: PublishedRow) => Math.max(...cols.map((c) => num(r, c) ?? -Infinity)),
            stroke: GREY,
          }),
          Plot.dot(
            dots.filter((d) => part.some((r) => code(r) === d.y)),
            { y: 'y', x: 'v', fill: 'c', r: 5, symbol: 'c', dy: BAR_DY },
          ),
        ],
        symbol: { domain: [...cols], range: ['circle', 'square', 'triangle'] },
      },
      {
        label:
          T(
            `Rata-rata nilai dari atasan, diri sendiri dan rekan per unit, ${formatPeriod(lang, period)}`,
            `Mean supervisor, self and peer scores per unit, ${formatPeriod(lang, period)}`,
          ) + place,
      },
    );
  const svg = dots.length ? draw(published) : '';
  return {
    id: 'selisih-nilai',
    title: t(lang).titles['selisih-nilai'],
    takeaway: published.length
      ? [
          T('Nilai diri sendiri lebih tinggi daripada nilai atasan di ', 'Self-assessment is higher than the supervisor score in '),
          sumCell(lang, selfAbove),
          T(' dari ', ' of '),
          sumCell(lang, published.length),
          T(' unit yang dipublikasikan.', ' published units.'),
        ]
      : scoresMissing(lang, rows),
    ...(svg ? {} : { empty: rows.some(scoresShown) ? ('tidak-diekspor' as const) : ('disembunyikan' as const) }),
    columns: columns(lang, [
      ['kode_unit', 'Kode', 'Code'],
      'nama_unit',
      'periode',
      ['rata_nilai_atasan', 'Atasan', 'Supervisor', true],
      ['rata_nilai_diri', 'Diri sendiri', 'Self', true],
      ['rata_nilai_rekan', 'Rekan', 'Peers', true],
    ]),
    rows: rows.map((r) => ({ ...unitCells(lang, kode, r, names), periode: periodCell(lang, r), ...predikatScoreCells(lang, r) })),
    svg,
    slideParts: dots.length ? slideParts(published, (part, k, n) => draw(part, ` (${k + 1}/${n})`)) : undefined,
    sources: ['predikat_unit'],
    period: formatPeriod(lang, period),
    method: 'predikat',
    collapse: rows.length > 8,
    legend: cols.map((c, i) => ({ color: colors[c], label: who[c], shape: (['circle', 'square', 'triangle'] as const)[i] })),
  };
}

/** Every chart of a region page in reading order, with the input file each one needs. */

// ——— A unit's ratings by period ———

export function unitPredikat(lang: Lang, kode: string, unit: string): ChartData | null {
  const T = tr(lang);
  const rows = rowsOf('predikat_unit', kode, unit).sort((a, b) => str(a, 'periode').localeCompare(str(b, 'periode')));
  if (rows.length === 0) return null;
  const svg = predikatBars(
    lang,
    rows,
    (r) => formatPeriod(lang, str(r, 'periode')),
    T('Sebaran predikat kinerja pegawai unit per periode', "Distribution of the unit's employee ratings per period"),
  );
  return {
    id: 'predikat',
    title: t(lang).titles.predikat,
    takeaway: predikatSentence(lang, rows, T('periode', 'periods')),
    ...(svg ? {} : { empty: 'disembunyikan' as const }),
    columns: [
      ...columns(lang, ['periode']),
      ...predikatColumns(lang),
      ...columns(lang, [
        ['rata_nilai_atasan', 'Nilai atasan', 'Supervisor score', true],
        ['rata_nilai_diri', 'Nilai diri', 'Self score', true],
        ['rata_nilai_rekan', 'Nilai rekan', 'Peer score', true],
      ]),
    ],
    rows: rows.map((r): ChartRow => ({ periode: periodCell(lang, r), ...predikatCells(lang, r), ...predikatScoreCells(lang, r) })),
    svg,
    sources: ['predikat_unit'],
    period: rangeLabel(formatPeriod(lang, str(rows[0], 'periode')), formatPeriod(lang, str(rows.at(-1)!, 'periode'))),
    method: 'predikat',
    legend: predikatLegend(lang),
  };
}
