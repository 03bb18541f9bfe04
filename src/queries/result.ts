/**
 * A query's answer in one shape for both DuckDB builds (node at build time, WASM in the
 * browser), so the page renders the same text from either.
 */
export type Cell = string | number | boolean | null;

export interface QueryResult {
  columns: string[];
  rows: Cell[][];
}

/**
 * One DuckDB value as a plain cell. BIGINT arrives as bigint from both builds: kept exact as a
 * number when it fits, as text when it does not (a count of 2^53 would be a surprise, not a loss).
 * Dates become ISO text; anything nested is shown as JSON.
 */
export function toCell(value: unknown): Cell {
  if (value === null || value === undefined) return null;
  if (typeof value === 'bigint') return Number.isSafeInteger(Number(value)) ? Number(value) : value.toString();
  if (typeof value === 'number' || typeof value === 'string' || typeof value === 'boolean') return value;
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : value.toISOString().replace(/T00:00:00\.000Z$/, '');
  return JSON.stringify(value, (_k, v: unknown) => (typeof v === 'bigint' ? v.toString() : v));
}
