/**
 * The words beside a figure for "data hingga <bulan tahun>": the month itself comes from
 * src/derive/periods.ts (dataUntil, latestMonth), the one module of periods.
 */
import { formatMonth } from '../i18n/format.ts';
import type { Lang } from '../i18n/lang.ts';
import { t } from '../i18n/words.ts';

/** `data hingga Desember 2025` / `data up to December 2025`. */
export const dataUntilText = (lang: Lang, month: string): string => `${t(lang).dataUntil} ${formatMonth(lang, month, true)}`;
