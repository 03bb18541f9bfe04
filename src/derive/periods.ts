/**
 * Periods of the contract, in one place: how each is written (bulan `YYYY-MM`, semester
 * `YYYY-S1`, triwulan `YYYY-Q3`, tahun `YYYY`), which period a date belongs to, and the last
 * month a period's data cover ("data hingga": the release, the headlines and the pages ask here).
 * Pure and browser-safe (type imports only): the charts' pages use it too.
 */
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

/** A period as written in the published tables. */
export type Period =
  | { kind: 'bulan'; year: number; month: number }
  | { kind: 'semester'; year: number; half: 1 | 2 }
  | { kind: 'triwulan'; year: number; quarter: 1 | 2 | 3 | 4 }
  | { kind: 'tahun'; year: number };

const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;
const SEMESTER = /^(\d{4})-S([12])$/;
const QUARTER = /^(\d{4})-Q([1-4])$/;
const YEAR = /^\d{4}$/;

/** `2025-07`, `2025-S1`, `2025-Q3`, `2025` → its parts; anything else → null. */
export function parsePeriod(period: string): Period | null {
  const m = MONTH.exec(period);
  if (m) return { kind: 'bulan', year: Number(m[1]), month: Number(m[2]) };
  const s = SEMESTER.exec(period);
  if (s) return { kind: 'semester', year: Number(s[1]), half: Number(s[2]) as 1 | 2 };
  const q = QUARTER.exec(period);
  if (q) return { kind: 'triwulan', year: Number(q[1]), quarter: Number(q[2]) as 1 | 2 | 3 | 4 };
  if (YEAR.test(period)) return { kind: 'tahun', year: Number(period) };
  return null;
}

export const isMonth = (p: string): boolean => MONTH.test(p);
export const isSemester = (p: string): boolean => SEMESTER.test(p);
export const isYear = (p: string): boolean => YEAR.test(p);

const yyyyMm = (year: number, month: number) => `${year}-${String(month).padStart(2, '0')}`;

/**
 * `YYYY-MM` of a monthly row's cells: tahun and bulan (a month number, `7` or `07`), or bulan
 * alone already written `YYYY-MM` (pengaduan_bulanan); null when neither.
 */
export function monthOfCells(tahun: string | number | null | undefined, bulan: string | number | null | undefined): string | null {
  const b = bulan === null || bulan === undefined ? '' : String(bulan);
  const y = tahun === null || tahun === undefined ? '' : String(tahun);
  if (y && b) return `${y}-${b.padStart(2, '0')}`;
  return MONTH.test(b) ? b : null;
}

/** The last month of a period: a month is itself; `2025-S1` → `2025-06`; `2025-Q3` → `2025-09`; `2025-S2`, `2025` → `2025-12`; else null. */
export function periodEnd(period: string): string | null {
  const p = parsePeriod(period);
  if (!p) return null;
  switch (p.kind) {
    case 'bulan':
      return period;
    case 'semester':
      return yyyyMm(p.year, p.half * 6);
    case 'triwulan':
      return yyyyMm(p.year, p.quarter * 3);
    case 'tahun':
      return yyyyMm(p.year, 12);
  }
}

/**
 * "data hingga": the last month a period's data cover, from the data themselves (never the build
 * date): the period's end, but no later than the month the region exported (`YYYY-MM-DD`, when
 * given: a year exported in October covers up to October).
 */
export function dataUntil(period: string, exportDate?: string): string | null {
  const end = periodEnd(period);
  if (!end) return null;
  const exported = exportDate?.slice(0, 7);
  return exported && exported < end ? exported : end;
}

/** The latest of some months (`YYYY-MM`), or null. */
export const latestMonth = (months: Iterable<string | null | undefined>): string | null => {
  let last: string | null = null;
  for (const m of months) if (m && (last === null || m > last)) last = m;
  return last;
};

/**
 * The period a page shows first, from periods sorted oldest first: the latest semester if
 * there is one, else the latest period (a year, or a quarter for predikat).
 */
export const latestPeriodOf = (sorted: readonly string[]): string | undefined => sorted.filter(isSemester).at(-1) ?? sorted.at(-1);

/** Sorts periods chronologically: `2024` before `2024-S1` before `2024-S2`. */
export const comparePeriods = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
