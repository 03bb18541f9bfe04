/**
 * Parquet is made from the published CSV by DuckDB, with the column types of the schema:
 * the two files cannot disagree, because one is read from the other.
 */
import type { DuckDBInstance as Instance } from '@duckdb/node-api';
// The typed read_csv is pure SQL text shared with the browser's explorer: one definition.
export { DUCKDB_TYPE, readCsvSql } from '../queries/published-views.ts';

/** DuckDB's native library, loaded when first used: a fifth of a second that most gate threads and commands never need. */
let duckdb: Promise<typeof Instance> | undefined;

/** The threads of the build's DuckDB (reading CSV, checking Parquet); a Parquet file is written by one (tables.ts). */
export const DUCKDB_THREADS = 2;

export async function withDuckDb<T>(fn: (run: (sql: string) => Promise<unknown[][]>) => Promise<T>): Promise<T> {
  const DuckDBInstance = await (duckdb ??= import('@duckdb/node-api').then((m) => m.DuckDBInstance));
  const db = await DuckDBInstance.create(':memory:', { threads: String(DUCKDB_THREADS) });
  const conn = await db.connect();
  try {
    return await fn(async (sql) => (await conn.runAndReadAll(sql)).getRows() as unknown[][]);
  } finally {
    conn.closeSync();
    db.closeSync();
  }
}
