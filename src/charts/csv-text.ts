/**
 * The cells of every CSV this site makes, said once (contract §6): the published tables
 * (publish/csv.ts), a chart's table (chart-data.ts) and an explorer result (client/csv.ts).
 * RFC 4180, `.` decimals, empty = null, and text Excel would run as a formula gets a leading
 * apostrophe. No node imports: the browser makes CSVs too.
 */

const NEEDS_QUOTES = /[",\r\n]/;
const FORMULA_START = /^[=+\-@]/;

/** Text a spreadsheet would run as a formula (`=`, `+`, `-`, `@` first), with a leading `'`. */
export const guardFormula = (text: string): string => (FORMULA_START.test(text) ? `'${text}` : text);

/** Text as one RFC 4180 field: quoted when it holds a comma, a quote or a line break. */
export const quoteCsv = (text: string): string => (NEEDS_QUOTES.test(text) ? `"${text.replace(/"/g, '""')}"` : text);

/** A value as one field: null empty, numbers as JavaScript writes them, text guarded and quoted. */
export function csvCell(value: string | number | boolean | null): string {
  if (value === null) return '';
  if (typeof value !== 'string') return String(value);
  return quoteCsv(guardFormula(value));
}
