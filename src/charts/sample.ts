/**
 * Sample adequacy of an IKM (ikm_unit.sampel_cukup) has three states, never two: enough, below
 * the Krejcie–Morgan minimum, and unknown. The minimum needs the unit's service applications in
 * the period (layanan.csv); without them nothing is known about the sample, good or bad, so an
 * unknown is drawn and worded apart from "too small". One source for each state's word, mark and
 * legend, wherever an IKM is shown (charts, tables, forum, embeds, the compare page); the dots
 * themselves are drawn by sample-marks.ts (it loads Plot, which the compare page's first script
 * does without). The build and the browser both import it: no node imports.
 */
import { shapeCell, sumCell, type Cell, type LegendItem, type Rich, type TableShape } from './chart-data.ts';
import type { PublishedRow } from '../contract/published.ts';
import type { Lang } from '../i18n/lang.ts';

export const SAMPLE_STATES = ['cukup', 'kurang', 'tidak_diketahui'] as const;
export type SampleState = (typeof SAMPLE_STATES)[number];

/** The state of a published sampel_cukup cell: 'ya', 'tidak', or empty (no minimum computable). */
export const sampleState = (sampelCukup: unknown): SampleState =>
  sampelCukup === 'ya' ? 'cukup' : sampelCukup === 'tidak' ? 'kurang' : 'tidak_diketahui';

interface SampleWords {
  /** The table column's header. */
  heading: string;
  /** The state in a table cell or a sentence. */
  state: Record<SampleState, string>;
  /** Why an adequacy is unknown. */
  reason: string;
  /** The legend line of each state's mark. */
  legend: Record<SampleState, string>;
}

export const SAMPLE_WORDS: Record<Lang, SampleWords> = {
  id: {
    heading: 'Kecukupan sampel',
    state: { cukup: 'cukup', kurang: 'kurang dari minimum', tidak_diketahui: 'tidak diketahui' },
    reason: 'tidak ada data permohonan layanan',
    legend: {
      cukup: 'titik penuh: sampel cukup',
      kurang: 'titik kosong: sampel kurang dari minimum',
      tidak_diketahui: 'belah ketupat pucat: kecukupan sampel tidak diketahui (tidak ada data permohonan layanan)',
    },
  },
  en: {
    heading: 'Sample adequacy',
    state: { cukup: 'adequate', kurang: 'below the minimum', tidak_diketahui: 'unknown' },
    reason: 'no service application data',
    legend: {
      cukup: 'filled dot: sample adequate',
      kurang: 'hollow dot: sample below the minimum',
      tidak_diketahui: 'pale diamond: sample adequacy unknown (no service application data)',
    },
  },
};

/** A state in words, with its reason when unknown: "tidak diketahui (tidak ada data permohonan layanan)". */
export function sampleText(lang: Lang, state: SampleState): string {
  const w = SAMPLE_WORDS[lang];
  return state === 'tidak_diketahui' ? `${w.state[state]} (${w.reason})` : w.state[state];
}

/** A table's sampel_cukup cell: the CSV keeps ya / tidak / empty, the page says which of the three states, and why when unknown. */
export function sampleCell(lang: Lang, shape: TableShape, row: PublishedRow): Cell {
  const state = sampleState(row.sampel_cukup);
  if (state === 'tidak_diketahui')
    return { ...shapeCell(lang, shape, row, 'sampel_cukup', { missing: 'unknown' }), note: SAMPLE_WORDS[lang].reason };
  return shapeCell(lang, shape, row, 'sampel_cukup', { text: SAMPLE_WORDS[lang].state[state] });
}

/** A table's sampel_minimum cell: when empty, it says why (the same reason as an unknown adequacy). */
export function sampleMinimumCell(lang: Lang, shape: TableShape, row: PublishedRow): Cell {
  const cell = shapeCell(lang, shape, row, 'sampel_minimum');
  return cell.missing ? { ...cell, note: SAMPLE_WORDS[lang].reason } : cell;
}

/**
 * How many of the IKMs shown are of each state, as a sentence: "Kecukupan sampel: 3 unit cukup,
 * 4 unit tidak diketahui (tidak ada data permohonan layanan)." States with no unit are left out.
 */
export function sampleSummary(lang: Lang, states: readonly SampleState[]): Rich {
  const w = SAMPLE_WORDS[lang];
  const parts: Rich = [`${w.heading}: `];
  SAMPLE_STATES.filter((s) => states.includes(s)).forEach((s, i) => {
    if (i > 0) parts.push(', ');
    const n = states.filter((x) => x === s).length;
    parts.push(sumCell(lang, n), ` ${lang === 'en' && n !== 1 ? 'units' : 'unit'} ${sampleText(lang, s)}`);
  });
  parts.push('.');
  return states.length ? parts : [];
}

/** One IKM's adequacy as a sentence: "Kecukupan sampel Semester II 2025: cukup." (`cell` from sampleCell). */
export const sampleSentence = (lang: Lang, period: string, cell: Cell): Rich => [`${SAMPLE_WORDS[lang].heading} ${period}: `, cell, '.'];

/** Shape and fill together, so that the three states differ in greyscale and for colour-blind readers. */
export const MARK: Record<SampleState, { symbol: 'circle' | 'diamond'; fill: 'solid' | 'hollow' | 'light' }> = {
  cukup: { symbol: 'circle', fill: 'solid' },
  kurang: { symbol: 'circle', fill: 'hollow' },
  tidak_diketahui: { symbol: 'diamond', fill: 'light' },
};

/** The legend lines of the states present in `states`, in a fixed order, drawn as the dots are. */
export function sampleLegend(lang: Lang, states: Iterable<SampleState>, colour: string): LegendItem[] {
  const present = new Set(states);
  return SAMPLE_STATES.filter((s) => present.has(s)).map((s) => ({
    color: colour,
    label: SAMPLE_WORDS[lang].legend[s],
    shape: MARK[s].symbol,
    fill: MARK[s].fill,
  }));
}
