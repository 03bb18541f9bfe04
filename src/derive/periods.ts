/** Periods of the contract: a survey or complaint belongs to the period of its date. */
import type { KELOMPOK_PENDIDIKAN, KELOMPOK_UMUR, PENDIDIKAN } from '../contract/enums.ts';

/** `YYYY-MM` of an ISO date. */
export const monthOf = (isoDate: string): string => isoDate.slice(0, 7);

/** `YYYY-S1` (January–June) or `YYYY-S2`. */
export const semesterOf = (isoDate: string): string => `${isoDate.slice(0, 4)}-S${Number(isoDate.slice(5, 7)) <= 6 ? 1 : 2}`;

export const yearOf = (isoDate: string): string => isoDate.slice(0, 4);

/** Whether month (1–12) of year falls in a period written `YYYY` or `YYYY-S1/S2`. */
export function inPeriod(periode: string, tahun: number, bulan: number): boolean {
  if (Number(periode.slice(0, 4)) !== tahun) return false;
  if (periode.length === 4) return true;
  return periode.endsWith('S1') ? bulan <= 6 : bulan >= 7;
}

/** Age bands of skm_responden (contract §5, coarsened for k-anonymity: KELOMPOK_UMUR). */
export function kelompokUmur(umur: number | undefined): (typeof KELOMPOK_UMUR)[number] | null {
  if (umur === undefined) return null;
  return umur < 30 ? '<30' : umur < 50 ? '30-49' : '≥50';
}

const PENDIDIKAN_GROUP: Record<(typeof PENDIDIKAN)[number]['value'], (typeof KELOMPOK_PENDIDIKAN)[number]['value']> = {
  sd: 'sd-sma',
  smp: 'sd-sma',
  sma: 'sd-sma',
  'd1-d3': 'd1-s1',
  'd4-s1': 'd1-s1',
  s2: 's2-s3',
  s3: 's2-s3',
};

/** Education group of skm_responden (contract §5, k-anonymity): KELOMPOK_PENDIDIKAN. */
export const kelompokPendidikan = (pendidikan: string): string | null =>
  PENDIDIKAN_GROUP[pendidikan as keyof typeof PENDIDIKAN_GROUP] ?? null;

export const isSemester = (p: string): boolean => /^\d{4}-S[12]$/.test(p);

/**
 * The period a page shows first, from periods sorted oldest first: the latest semester if
 * there is one, else the latest period (a year, or a quarter for predikat).
 */
export const latestPeriodOf = (sorted: readonly string[]): string | undefined => sorted.filter(isSemester).at(-1) ?? sorted.at(-1);

/** Sorts periods chronologically: `2024` before `2024-S1` before `2024-S2`. */
export const comparePeriods = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
