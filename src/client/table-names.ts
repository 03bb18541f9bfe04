/** Which published tables a query needs loaded before DuckDB sees it. */
import type { TableSource } from '../queries/engine-types.ts';

/**
 * The tables a query names (as whole words: `unit` is not loaded for `ikm_unit`), or all of them
 * when it names none, for SHOW TABLES, DESCRIBE or information_schema. Naming a table in a
 * comment loads it needlessly; that costs a download, never a wrong answer.
 */
export function tablesNamedIn(sql: string, tables: readonly TableSource[]): TableSource[] {
  const named = tablesNamedExactly(sql, tables);
  return named.length ? named : [...tables];
}

const tablesNamedExactly = (sql: string, tables: readonly TableSource[]): TableSource[] => {
  const text = sql.toLowerCase();
  return tables.filter((t) => new RegExp(`(^|[^a-z0-9_])${t.name}($|[^a-z0-9_])`).test(text));
};

/** Whether the query names one of these tables itself (not: names none, so all are loaded). */
export const namesAnyTable = (sql: string, tables: readonly TableSource[]): boolean => tablesNamedExactly(sql, tables).length > 0;
