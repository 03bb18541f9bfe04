/**
 * Calendar helpers. Dates are ISO `YYYY-MM-DD` strings throughout (the dialect decides how
 * they are written); arithmetic goes through UTC day numbers so that no time zone can move
 * a date.
 */
import type { Rng } from './random.ts';

export const YEARS = [2023, 2024, 2025] as const;

export interface Month {
  tahun: number;
  bulan: number;
}

/** Every month of the sample period, in order. */
export function monthsOf(years: readonly number[] = YEARS): Month[] {
  return years.flatMap((tahun) => Array.from({ length: 12 }, (_, i) => ({ tahun, bulan: i + 1 })));
}

export const pad2 = (n: number): string => String(n).padStart(2, '0');
export const pad = (n: number, width: number): string => String(n).padStart(width, '0');

export function iso(tahun: number, bulan: number, hari: number): string {
  return `${tahun}-${pad2(bulan)}-${pad2(hari)}`;
}

const DAY_MS = 86_400_000;

export function dayNumber(date: string): number {
  const [y, m, d] = date.split('-').map(Number);
  return Date.UTC(y, m - 1, d) / DAY_MS;
}

export function fromDayNumber(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

export const addDays = (date: string, days: number): string => fromDayNumber(dayNumber(date) + days);

export function daysInMonth(tahun: number, bulan: number): number {
  return new Date(Date.UTC(tahun, bulan, 0)).getUTCDate();
}

/**
 * National holidays and collective leave that fall on weekdays, approximately (Idul Fitri
 * week, Christmas, Independence Day…). Synthetic data needs plausible working-day counts,
 * not an official calendar.
 */
// prettier-ignore
const HOLIDAYS = new Set([
  '2023-01-23', '2023-03-22', '2023-04-07', '2023-04-19', '2023-04-20', '2023-04-21', '2023-04-24', '2023-04-25',
  '2023-05-01', '2023-05-18', '2023-06-01', '2023-06-29', '2023-08-17', '2023-09-28', '2023-12-25', '2023-12-26',
  '2024-01-01', '2024-02-08', '2024-02-14', '2024-03-11', '2024-03-29', '2024-04-08', '2024-04-09', '2024-04-10',
  '2024-04-11', '2024-04-12', '2024-04-15', '2024-05-01', '2024-05-09', '2024-05-23', '2024-06-17', '2024-08-17',
  '2024-09-16', '2024-12-25', '2024-12-26',
  '2025-01-01', '2025-01-27', '2025-01-29', '2025-03-28', '2025-03-31', '2025-04-01', '2025-04-02', '2025-04-03',
  '2025-04-04', '2025-04-07', '2025-04-18', '2025-05-01', '2025-05-12', '2025-05-29', '2025-06-06', '2025-08-18',
  '2025-09-05', '2025-12-25', '2025-12-26',
]);

export function isWorkingDay(date: string): boolean {
  const weekday = new Date(dayNumber(date) * DAY_MS).getUTCDay();
  return weekday !== 0 && weekday !== 6 && !HOLIDAYS.has(date);
}

const workdayCache = new Map<string, string[]>();

/** The working days of a month (cached: the scale mode asks for them millions of times). */
export function workingDaysOf(tahun: number, bulan: number): readonly string[] {
  const key = `${tahun}-${bulan}`;
  let days = workdayCache.get(key);
  if (!days) {
    days = [];
    for (let d = 1; d <= daysInMonth(tahun, bulan); d++) {
      const date = iso(tahun, bulan, d);
      if (isWorkingDay(date)) days.push(date);
    }
    workdayCache.set(key, days);
  }
  return days;
}

export const randomWorkday = (rng: Rng, tahun: number, bulan: number): string => rng.pick(workingDaysOf(tahun, bulan));

/** Semesters as the contract names them: S1 = January–June, S2 = July–December. */
export interface Semester {
  tahun: number;
  s: 1 | 2;
  /** `2024-S1` */
  key: string;
}

export function semestersOf(years: readonly number[] = YEARS): Semester[] {
  return years.flatMap((tahun) => ([1, 2] as const).map((s) => ({ tahun, s, key: `${tahun}-S${s}` })));
}

export const semesterOf = (m: Month): string => `${m.tahun}-S${m.bulan <= 6 ? 1 : 2}`;

export function monthsOfSemester(sem: Semester): Month[] {
  const first = sem.s === 1 ? 1 : 7;
  return Array.from({ length: 6 }, (_, i) => ({ tahun: sem.tahun, bulan: first + i }));
}

/** Position of a month on a continuous time line, in years (2024-07 → 2024.5). */
export const yearFraction = (m: Month): number => m.tahun + (m.bulan - 1) / 12;
