/**
 * Statistical disclosure control for appraisal counts (contract §5). Pure: groups in, rows out.
 * Order matters: whole groups first (threshold, then differencing), then cells inside the
 * groups that remain published.
 */
import { PREDIKAT, type ALASAN_DISEMBUNYIKAN, type Predikat } from '../contract/enums.ts';
import { groupBy } from './group.ts';

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

export interface SuppressedGroup extends Omit<PredikatGroup, 'pegawai' | 'counts' | 'rata_nilai_atasan' | 'rata_nilai_diri' | 'rata_nilai_rekan'> {
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
  return { kode_unit: g.kode_unit, periode: g.periode, pegawai: null, counts, rata_nilai_atasan: null, rata_nilai_diri: null, rata_nilai_rekan: null, disembunyikan: why };
}

/** Small cells: counts of 1 or 2 are hidden; a lone hidden cell takes the next smallest non-zero count with it. */
export function suppressCells(counts: Record<Predikat, number>): { cells: PredikatCells; hidden: boolean } {
  const hidden = new Set<Predikat>(PREDIKAT_KEYS.filter((k) => counts[k] === 1 || counts[k] === 2));
  if (hidden.size === 1) {
    const next = PREDIKAT_KEYS.filter((k) => !hidden.has(k) && counts[k] > 0).sort((a, b) => counts[a] - counts[b])[0];
    if (next !== undefined) hidden.add(next);
  }
  const cells = Object.fromEntries(PREDIKAT_KEYS.map((k) => [k, hidden.has(k) ? null : counts[k]])) as PredikatCells;
  return { cells, hidden: hidden.size > 0 };
}

/** Applies the three rules to the groups of ONE region. Output keeps the input order. */
export function suppressPredikat(groups: readonly PredikatGroup[], threshold = DEFAULT_THRESHOLD): SuppressedGroup[] {
  if (!(threshold >= MIN_THRESHOLD)) throw new Error(`ambang kelompok ${threshold} < ${MIN_THRESHOLD}`);
  const why = new Map<PredikatGroup, Exclude<Disembunyikan, null | 'sel_kecil'>>();
  for (const g of groups) if (g.pegawai < threshold) why.set(g, 'kelompok_kecil');

  // Differencing: a region's total minus the published units would reveal a lone hidden unit.
  const byPeriod = groupBy(groups, (g) => g.periode);
  for (const inPeriod of byPeriod.values()) {
    const hidden = inPeriod.filter((g) => why.has(g));
    if (hidden.length !== 1) continue;
    const smallest = inPeriod
      .filter((g) => !why.has(g))
      .sort((a, b) => a.pegawai - b.pegawai || a.kode_unit.localeCompare(b.kode_unit))[0];
    if (smallest) why.set(smallest, 'pembeda');
  }

  return groups.map((g) => {
    const reason = why.get(g);
    if (reason) return hideAll(g, reason);
    const { cells, hidden } = suppressCells(g.counts);
    return { ...g, counts: cells, disembunyikan: hidden ? 'sel_kecil' : null };
  });
}
