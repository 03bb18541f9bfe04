/**
 * The explorer's answers as the pages print them: numbers in the page's language at the
 * published scale (IKM 2 decimals, NRR 4, counts whole; 26989.32999999998 reads 26.989,33), key
 * columns (tahun, bulan, codes) as they are, NULL empty as the page says. The CSV download keeps
 * DuckDB's raw values.
 */
import { formatNumber, type NumberStyle } from './format.ts';
import type { Lang } from './lang.ts';
import type { Cell, QueryResult } from '../queries/result.ts';

/** How a published column is printed: a style of src/i18n/format.ts, or `key` (a name, not a quantity). */
export type ColumnFormat = NumberStyle | 'key';

/**
 * The printer for one result. A column named like a published one is printed as that column is;
 * any other (a computed column) by what its values are: whole numbers as counts, else plain.
 */
export function resultCells(
  result: QueryResult,
  formats: Readonly<Record<string, ColumnFormat>>,
  lang: Lang,
): (cell: Cell, column: number) => string {
  const styles = result.columns.map((name, i): ColumnFormat => {
    if (Object.hasOwn(formats, name)) return formats[name];
    const whole = result.rows.every((r) => typeof r[i] !== 'number' || Number.isInteger(r[i]));
    return whole ? 'count' : 'plain';
  });
  return (cell, column) => {
    const style = styles[column];
    return typeof cell === 'number' && style !== 'key' ? formatNumber(lang, cell, style) : rawCell(cell);
  };
}

/** A cell as DuckDB gave it (a key such as tahun: 2025 stays 2025, not 2.025); NULL empty. */
export function rawCell(cell: Cell): string {
  return cell === null ? '' : String(cell);
}
