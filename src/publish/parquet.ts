/**
 * Parquet is made from the published CSV by DuckDB, with the column types of the schema:
 * the two files cannot disagree, because one is read from the other.
 */
import { DuckDBInstance } from '@duckdb/node-api';
// The typed read_csv is pure SQL text shared with the browser's explorer: one definition.
export { DUCKDB_TYPE, readCsvSql } from '../queries/published-views.ts';

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
