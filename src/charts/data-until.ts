/**
 * "data hingga <bulan tahun>": the last month a figure's data cover, from the data themselves
 * (never the build date). A month is itself; a semester or a year ends with its last month, but
 * no later than the month the region exported (a year exported in October covers up to October).
 */
import { formatMonth } from '../i18n/format.ts';
import type { Lang } from '../i18n/lang.ts';
import { t } from '../i18n/words.ts';

/** `2025-07` → itself; `2025-S1` → `2025-06`; `2025-S2`, `2025` → `2025-12`; else null. */
export function periodEnd(period: string): string | null {
  if (/^\d{4}-\d{2}$/.test(period)) return period;
  const s = /^(\d{4})-S([12])$/.exec(period);
  if (s) return `${s[1]}-${s[2] === '1' ? '06' : '12'}`;
  if (/^\d{4}$/.test(period)) return `${period}-12`;
  return null;
}

/** The last month a period's data cover, capped by the export date (`YYYY-MM-DD`) when given. */
export function dataUntil(period: string, exportDate?: string): string | null {
  const end = periodEnd(period);
  if (!end) return null;
  const exported = exportDate?.slice(0, 7);
  return exported && exported < end ? exported : end;
}

/** The latest of some months (`YYYY-MM`), or null. */
export const latestMonth = (months: readonly (string | null | undefined)[]): string | null =>
  months.reduce<string | null>((a, m) => (m && (a === null || m > a) ? m : a), null);

/** The words beside a figure: `data hingga Desember 2025` / `data up to December 2025`. */
export const dataUntilText = (lang: Lang, month: string): string => `${t(lang).dataUntil} ${formatMonth(lang, month, true)}`;
