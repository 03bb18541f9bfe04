/**
 * Numbers as text, the same in node (build) and in the browser: no Intl (two ICU builds could
 * disagree on a separator), just the shortest round-trip digits with the language's marks.
 */
import type { Lang } from './lang.ts';
import type { Cell } from '../queries/result.ts';

const MARKS: Record<Lang, { decimal: string; group: string }> = { id: { decimal: ',', group: '.' }, en: { decimal: '.', group: ',' } };

export function formatNumber(n: number, lang: Lang): string {
  if (!Number.isFinite(n)) return String(n);
  const text = String(n);
  if (/e/i.test(text)) return text;
  const [int, frac] = text.replace('-', '').split('.');
  const grouped = int.replace(/\B(?=(\d{3})+(?!\d))/g, MARKS[lang].group);
  return `${n < 0 ? '−' : ''}${grouped}${frac ? MARKS[lang].decimal + frac : ''}`;
}

/** A cell for a reader: numbers in the page's language, empty (not computable or hidden) as a dash. */
export function formatCell(cell: Cell, lang: Lang): string {
  if (cell === null) return '—';
  if (typeof cell === 'number') return formatNumber(cell, lang);
  return String(cell);
}

/** A cell as DuckDB gave it (a key such as tahun: 2025 stays 2025, not 2.025). */
export function rawCell(cell: Cell): string {
  return cell === null ? '' : String(cell);
}

export function formatBytes(bytes: number, lang: Lang): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${formatNumber(Math.round(bytes / 102.4) / 10, lang)} kB`;
  return `${formatNumber(Math.round(bytes / (1024 * 102.4)) / 10, lang)} MB`;
}
