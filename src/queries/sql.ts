/** Small pieces of SQL text shared by every query module: quoting and rounding done one way. */

/** A string literal: the only way a reader's choice (from a URL) enters SQL. */
export const sqlString = (s: string): string => `'${s.replace(/'/g, "''")}'`;

/** A quoted identifier, for column names that come from the schemas. */
export const sqlIdent = (s: string): string => `"${s.replace(/"/g, '""')}"`;

export const sqlList = (values: readonly string[]): string => values.map(sqlString).join(', ');

/**
 * Half-up to 2 decimals on the decimal value, as contract §4 asks: the cast to DECIMAL strips
 * the binary noise (91.475 stored as 91.47499…) before DECIMAL rounding, which goes away from
 * zero; the result is DOUBLE again so that both DuckDB builds hand back a plain number.
 */
export const round2 = (expr: string): string => `CAST(round(CAST(${expr} AS DECIMAL(38, 9)), 2) AS DOUBLE)`;
