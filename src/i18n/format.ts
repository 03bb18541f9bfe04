/**
 * Numbers, periods and dates as a reader of each language expects them: `91,48` and `1.234`
 * on Indonesian pages, `91.48` and `1,234` under /en/ — in text, tables and chart axes alike.
 */
import type { Bilingual } from '../contract/fields.ts';
import type { NumberStyle } from '../contract/published.ts';
import type { Lang } from './lang.ts';
import { parsePeriod } from '../derive/periods.ts';

const LOCALE: Record<Lang, string> = { id: 'id-ID', en: 'en-GB' };

/** How a number is printed: each published column declares its style (src/contract/published.ts). */
export type { NumberStyle };

const formatters = new Map<string, Intl.NumberFormat>();

/** Decimals of each style: [at least, at most]. */
const DIGITS: Record<NumberStyle, [number, number]> = { fixed2: [2, 2], nrr: [4, 4], count: [0, 0], plain: [0, 2] };

function formatter(lang: Lang, style: NumberStyle): Intl.NumberFormat {
  const key = `${lang}|${style}`;
  let f = formatters.get(key);
  if (!f) {
    const [min, max] = DIGITS[style];
    // signDisplay 'negative': a value that rounds to zero prints 0, never -0.
    f = new Intl.NumberFormat(LOCALE[lang], { minimumFractionDigits: min, maximumFractionDigits: max, signDisplay: 'negative' });
    formatters.set(key, f);
  }
  return f;
}

/**
 * The one number format of the site (pages, chart tables and axes, the explorer's cells, the
 * compare page, the checker): `1.234,57` / `1,234.57` with `plain` (up to 2 decimals, rounded
 * half away from zero), a published column's own decimals with its style (`fixed2` 2, `nrr` 4,
 * `count` none), the minus a hyphen as Intl writes it.
 */
export function formatNumber(lang: Lang, value: number, style: NumberStyle = 'plain'): string {
  return formatter(lang, style).format(value);
}

const monthFormats = new Map<string, Intl.DateTimeFormat>();

function monthFormat(lang: Lang, long: boolean): Intl.DateTimeFormat {
  const key = `${lang}|${long}`;
  let f = monthFormats.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat(LOCALE[lang], { month: long ? 'long' : 'short', year: 'numeric', timeZone: 'UTC' });
    monthFormats.set(key, f);
  }
  return f;
}

/** `2025-08` or (2025, 8) → `Agu 2025` / `Aug 2025`. */
export function formatMonth(lang: Lang, month: string | [number, number], long = false): string {
  const [y, m] = typeof month === 'string' ? month.split('-').map(Number) : month;
  return monthFormat(lang, long).format(new Date(Date.UTC(y, m - 1, 1)));
}

/** A window of months in words, its ends in full: `Desember 2024–November 2025` / `December 2024–November 2025`; one month alone is just that month. */
export function formatMonths(lang: Lang, months: readonly string[]): string {
  const [first, last] = [months[0], months.at(-1)!].map((m) => formatMonth(lang, m, true));
  return first === last ? first : `${first}–${last}`;
}

const ROMAN = ['', 'I', 'II', 'III', 'IV'];

/** `2025-S1` → `Semester I 2025` / `H1 2025`; `2025-Q3` → `Triwulan III 2025` / `Q3 2025`; `2025-08` → `Agustus 2025`; `2025` stays. */
export function formatPeriod(lang: Lang, period: string): string {
  const p = parsePeriod(period);
  switch (p?.kind) {
    case 'semester':
      return lang === 'id' ? `Semester ${ROMAN[p.half]} ${p.year}` : `H${p.half} ${p.year}`;
    case 'triwulan':
      return lang === 'id' ? `Triwulan ${ROMAN[p.quarter]} ${p.year}` : `Q${p.quarter} ${p.year}`;
    case 'bulan':
      return formatMonth(lang, period, true);
    default:
      return period;
  }
}

/** An ISO date as `15 Januari 2026` / `15 January 2026`. */
export function formatDate(lang: Lang, iso: string): string {
  const [y, m, d] = iso.split('-').map(Number);
  return new Intl.DateTimeFormat(LOCALE[lang], { dateStyle: 'long', timeZone: 'UTC' }).format(new Date(Date.UTC(y, m - 1, d)));
}

/** A file size in the reader's units: `12,3 KB`. */
export function formatBytes(lang: Lang, bytes: number): string {
  if (bytes < 1024) return `${formatNumber(lang, bytes, 'count')} B`;
  if (bytes < 1024 * 1024) return `${formatNumber(lang, bytes / 1024, 'plain')} KB`;
  return `${formatNumber(lang, bytes / 1024 / 1024, 'plain')} MB`;
}

/** Pick the reader's language from a bilingual text. */
export const pick = (lang: Lang, text: Bilingual): string => text[lang];
