/** The filter forms of the charts the browser redraws from SQL (IKM ranking, indicators). */
import type { FilterField } from '../charts/chart.ts';
import { runPublishedSql } from './run-sql.ts';

/** The first column of a query's rows, as strings: a filter's choices. */
export const values = async (sql: string): Promise<string[]> => (await runPublishedSql(sql)).rows.map((r) => String(r[0] ?? ''));

/** A filter field, only when it offers a real choice. */
export function field(name: string, label: string, value: string, options: { value: string; label: string }[]): FilterField[] {
  return options.length > 1 ? [{ name, label, value, options }] : [];
}
