/**
 * Statistical disclosure control for appraisal counts (contract §5). Pure: groups in, rows out.
 * Order matters: whole groups first (threshold, then differencing), then cells inside the
 * groups that remain published.
 */
import { PREDIKAT, type ALASAN_DISEMBUNYIKAN, type Predikat } from '../contract/enums.ts';
import { groupBy } from '../group.ts';
import { differsByTooFew, safeBeside, type PublishedPredikat } from './across-releases.ts';

export type Disembunyikan = (typeof ALASAN_DISEMBUNYIKAN)[number]['value'] | null;

export interface PredikatGroup {
  kode_unit: string;
  periode: string;
  pegawai: number;
  counts: Record<Predikat, number>;
  rata_nilai_atasan: number | null;
  rata_nilai_diri: number | null;
  rata_nilai_rekan: number | null;
}

export type PredikatCells = Record<Predikat, number | null>;

export interface SuppressedGroup extends Omit<
  PredikatGroup,
  'pegawai' | 'counts' | 'rata_nilai_atasan' | 'rata_nilai_diri' | 'rata_nilai_rekan'
> {
  pegawai: number | null;
  counts: PredikatCells;
  rata_nilai_atasan: number | null;
  rata_nilai_diri: number | null;
  rata_nilai_rekan: number | null;
  disembunyikan: Disembunyikan;
}

export const DEFAULT_THRESHOLD = 10;
export const MIN_THRESHOLD = 5;

const PREDIKAT_KEYS = PREDIKAT.map((p) => p.value);

function hideAll(g: PredikatGroup, why: Exclude<Disembunyikan, null | 'sel_kecil'>): SuppressedGroup {
  const counts = Object.fromEntries(PREDIKAT_KEYS.map((k) => [k, null])) as PredikatCells;
  return {
    kode_unit: g.kode_unit,
    periode: g.periode,
    pegawai: null,
    counts,
    rata_nilai_atasan: null,
    rata_nilai_diri: null,
    rata_nilai_rekan: null,
    disembunyikan: why,
  };
}

/**
 * How many values each hidden cell of a published row still admits, for a reader who knows the
 * rules: the hidden cells sum to what the published cells leave of the group; at least one of
 * them is a small cell (1 or 2, the row says sel_kecil); any other hidden cell was hidden
 * smallest first with its ties, so it is smaller than every published cell (a published 0 means
 * every hidden cell is a small cell). Every hidden cell admits the same set: one count for all.
 */
export function valuesAdmitted(cells: PredikatCells, pegawai: number): number {
  const shown = PREDIKAT_KEYS.map((k) => cells[k]).filter((v): v is number => v !== null);
  const others = PREDIKAT_KEYS.length - shown.length - 1;
  if (others < 0) return 0;
  const rest = pegawai - shown.reduce((a, b) => a + b, 0);
  // The largest value a hidden cell that is not small can have.
  const cap = shown.length === 0 ? rest : Math.min(...shown) - 1;
  const small = (v: number) => v === 1 || v === 2;
  // Whether `others` cells, each small or ≤ cap, can sum to s; `needSmall`: one of them small.
  const othersSum = (s: number, needSmall: boolean): boolean => {
    if (others === 0) return s === 0 && !needSmall;
    if (cap < 0) return s >= others && s <= 2 * others;
    return needSmall ? s >= 1 && s <= 2 + (others - 1) * Math.max(cap, 2) : s >= 0 && s <= others * Math.max(cap, 2);
  };
  let n = 0;
  for (let v = 0; v <= rest; v++) {
    if (!small(v) && v > cap) continue;
    if (othersSum(rest - v, !small(v))) n++;
  }
  return n;
}

/** The fewest values a hidden cell may still admit (contract §5): "a hidden 1 could be 0, 1 or 2 or more". */
export const MIN_VALUES_ADMITTED = 3;

/**
 * Small cells: counts of 1 or 2 are hidden; then the next smallest counts (zeros first, equal
 * counts together, so that which of them is hidden says nothing) until every hidden cell admits
 * at least three values. Hiding everything always ends it: a group of n ≥ 5 admits 0 … n − 1.
 */
export function suppressCells(counts: Record<Predikat, number>): { cells: PredikatCells; hidden: boolean } {
  const hidden = new Set<Predikat>(PREDIKAT_KEYS.filter((k) => counts[k] === 1 || counts[k] === 2));
  const cellsOf = () => Object.fromEntries(PREDIKAT_KEYS.map((k) => [k, hidden.has(k) ? null : counts[k]])) as PredikatCells;
  if (hidden.size === 0) return { cells: cellsOf(), hidden: false };
  const pegawai = PREDIKAT_KEYS.reduce((n, k) => n + counts[k], 0);
  while (valuesAdmitted(cellsOf(), pegawai) < MIN_VALUES_ADMITTED) {
    const shown = PREDIKAT_KEYS.filter((k) => !hidden.has(k));
    if (shown.length === 0) break;
    const next = Math.min(...shown.map((k) => counts[k]));
    for (const k of shown) if (counts[k] === next) hidden.add(k);
  }
  return { cells: cellsOf(), hidden: true };
}

/** The rows an earlier release published for a group of this region (across-releases.ts). */
export type EarlierRows = (kode_unit: string, periode: string) => readonly PublishedPredikat[];

/**
 * Applies the rules to the groups of ONE region. Output keeps the input order. `earlier` gives
 * the same group's rows in the releases already published: a row whose difference from one of
 * them would describe fewer appraisals than the threshold, or would let a reader narrow a hidden
 * cell of either, is hidden whole (pembeda), before the differencing between units, which then
 * counts it among the hidden.
 */
export function suppressPredikat(
  groups: readonly PredikatGroup[],
  threshold = DEFAULT_THRESHOLD,
  earlier: EarlierRows = () => [],
): SuppressedGroup[] {
  if (!(threshold >= MIN_THRESHOLD)) throw new Error(`ambang kelompok ${threshold} < ${MIN_THRESHOLD}`);
  const why = new Map<PredikatGroup, Exclude<Disembunyikan, null | 'sel_kecil'>>();
  for (const g of groups) if (g.pegawai < threshold) why.set(g, 'kelompok_kecil');

  // Differencing across releases: this row beside each earlier release's row of the same group
  // (their difference must be a group big enough to publish, and must not narrow a hidden cell).
  for (const g of groups) {
    if (why.has(g)) continue;
    const now = {
      pegawai: g.pegawai,
      counts: suppressCells(g.counts).cells,
      rata: [g.rata_nilai_atasan, g.rata_nilai_diri, g.rata_nilai_rekan],
    };
    const unsafe = (before: PublishedPredikat) => differsByTooFew(before, now, threshold) || !safeBeside(before, now, MIN_VALUES_ADMITTED);
    if (earlier(g.kode_unit, g.periode).some(unsafe)) why.set(g, 'pembeda');
  }

  // Differencing: a region's total minus the published units would reveal a lone hidden unit.
  const byPeriod = groupBy(groups, (g) => g.periode);
  for (const inPeriod of byPeriod.values()) {
    const hidden = inPeriod.filter((g) => why.has(g));
    if (hidden.length !== 1) continue;
    const smallest = inPeriod.filter((g) => !why.has(g)).sort((a, b) => a.pegawai - b.pegawai || a.kode_unit.localeCompare(b.kode_unit))[0];
    if (smallest) why.set(smallest, 'pembeda');
  }

  return groups.map((g) => {
    const reason = why.get(g);
    if (reason) return hideAll(g, reason);
    const { cells, hidden } = suppressCells(g.counts);
    return { ...g, counts: cells, disembunyikan: hidden ? 'sel_kecil' : null };
  });
}
