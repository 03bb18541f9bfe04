/**
 * A query result as CSV for download, with the published files' rules (src/publish/csv.ts):
 * RFC 4180, `.` decimals, empty = null, and text Excel would run as a formula gets a leading
 * apostrophe. Repeated here because that module writes files with node:fs.
 */
import type { Cell, QueryResult } from '../queries/result.ts';

const NEEDS_QUOTES = /[",\r\n]/;
const FORMULA_START = /^[=+\-@]/;

export function csvCell(value: Cell): string {
  if (value === null) return '';
  if (typeof value !== 'string') return String(value);
  const safe = FORMULA_START.test(value) ? `'${value}` : value;
  return NEEDS_QUOTES.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export function resultToCsv(result: QueryResult): string {
  const lines = [result.columns.map(csvCell).join(','), ...result.rows.map((row) => row.map(csvCell).join(','))];
  return lines.join('\r\n') + '\r\n';
}
