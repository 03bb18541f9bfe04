/**
 * Reading one published row, the same at build time and in the browser: typed values (numbers
 * as numbers, empty cells as null) plus the CSV text of every cell, kept aside so that pages can
 * print the value and still mark it with exactly what the download holds. No node imports.
 */
import type { PublishedRow } from '../contract/published.ts';

/**
 * A column of a row: for a `Row<'ikm_unit'>` only the columns of ikm_unit (tsc catches a typo),
 * for a row of unknown shape (a query's result) any name.
 */
export type ColumnOf<R> = keyof R & string;

export const str = <R extends PublishedRow>(row: R, col: ColumnOf<R>): string =>
  row[col] === null || row[col] === undefined ? '' : String(row[col]);
export const num = <R extends PublishedRow>(row: R, col: ColumnOf<R>): number | null =>
  typeof row[col] === 'number' ? (row[col] as number) : null;

/** `YYYY-MM` of a row that has tahun and bulan columns, or a bulan column already in that form. */
export function monthOf(row: PublishedRow): string {
  const b = row.bulan;
  if (typeof b === 'string') return b;
  return `${str(row, 'tahun')}-${String(b).padStart(2, '0')}`;
}

/**
 * Text in a published CSV that a spreadsheet would run as a formula carries a leading `'`
 * (contract §6); the value a page shows is without it.
 */
export const unguard = (csvText: string): string => (csvText.startsWith("'") ? csvText.slice(1) : csvText);

/** The CSV text of each row's cells, for rows read from a published table (file or query). */
const rawCells = new WeakMap<PublishedRow, Record<string, string>>();

export function rememberRaw(row: PublishedRow, raw: Record<string, string>): void {
  rawCells.set(row, raw);
}

/** The CSV text of one cell ('' when empty). */
export function rawCell<R extends PublishedRow>(row: R, column: ColumnOf<R>): string {
  return rawCells.get(row)?.[column] ?? (row[column] === null || row[column] === undefined ? '' : String(row[column]));
}

/** One cell of a query over the published views (DuckDB in node or in the browser). */
export type QueryValue = string | number | boolean | null;

/**
 * A query's rows as published rows. A view reads the CSV text as it is, so a VARCHAR is the CSV
 * text and a number prints back to it (the CSV writer uses String(n)); the row keeps both.
 */
export function rowsFromQuery(result: { columns: readonly string[]; rows: readonly (readonly QueryValue[])[] }): PublishedRow[] {
  return result.rows.map((cells) => {
    const row: PublishedRow = {};
    const raw: Record<string, string> = {};
    result.columns.forEach((c, i) => {
      const v = cells[i];
      raw[c] = v === null ? '' : String(v);
      row[c] = v === null ? null : typeof v === 'string' ? unguard(v) : typeof v === 'number' ? v : String(v);
    });
    rememberRaw(row, raw);
    return row;
  });
}
