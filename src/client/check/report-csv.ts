/**
 * The checker's report as CSV for Excel: UTF-8 with a BOM (without it Excel reads UTF-8 as the
 * Windows code page and breaks every "é" and "—") and ";" between cells, because Excel in an
 * Indonesian locale uses "," as the decimal mark and so expects ";" as its list separator: a
 * ","-separated file opens there as one column. CRLF line ends; formulas guarded (charts/csv-text.ts).
 */
import type { Issue } from '../../contract/issues.ts';
import { guardFormula } from '../../charts/csv-text.ts';
import type { CheckWords } from '../../i18n/check-words.ts';

const NEEDS_QUOTES = /[";,\r\n]/;
const cell = (v: string | number | null) => {
  if (v === null) return '';
  const text = typeof v === 'number' ? String(v) : guardFormula(v);
  return NEEDS_QUOTES.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
};

/** The lines of the CSV, BOM first, errors then warnings as in the JSON report. */
export function* reportCsv(errors: readonly Issue[], warnings: readonly Issue[], w: CheckWords): Generator<string> {
  yield '\uFEFF' + w.csvHeader.join(';') + '\r\n';
  for (const [list, kind] of [
    [errors, w.error],
    [warnings, w.warning],
  ] as const) {
    for (const i of list)
      yield [i.region, i.file, i.row, i.column, i.code, kind, i.value, i.message_id, i.message_en].map(cell).join(';') + '\r\n';
  }
}
