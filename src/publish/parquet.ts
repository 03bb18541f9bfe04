/**
 * Parquet is made from the published CSV by DuckDB, with the column types of the schema:
 * the two files cannot disagree, because one is read from the other.
 */
import { DuckDBInstance } from '@duckdb/node-api';
import type { ColumnType, PublishedTable } from '../contract/published.ts';

export const DUCKDB_TYPE: Record<ColumnType, string> = { string: 'VARCHAR', integer: 'BIGINT', number: 'DOUBLE', date: 'DATE' };

const sqlString = (s: string) => `'${s.replace(/'/g, "''")}'`;

/** `read_csv(...)` of a published CSV with its schema's types; also used by the explorer's views. */
export function readCsvSql(path: string, table: PublishedTable): string {
  const columns = table.columns.map((c) => `${sqlString(c.name)}: ${sqlString(DUCKDB_TYPE[c.type])}`).join(', ');
  return `read_csv(${sqlString(path)}, header = true, delim = ',', quote = '"', escape = '"', nullstr = '', auto_detect = false, columns = {${columns}})`;
}

export async function withDuckDb<T>(fn: (run: (sql: string) => Promise<unknown[][]>) => Promise<T>): Promise<T> {
  const db = await DuckDBInstance.create(':memory:', { threads: '2' });
  const conn = await db.connect();
  try {
    return await fn(async (sql) => (await conn.runAndReadAll(sql)).getRows() as unknown[][]);
  } finally {
    conn.closeSync();
    db.closeSync();
  }
}
