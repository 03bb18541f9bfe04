/**
 * Parquet is made from the published CSV by DuckDB, with the column types of the schema:
 * the two files cannot disagree, because one is read from the other.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DuckDBInstance as Instance } from '@duckdb/node-api';
// The typed read_csv is pure SQL text shared with the browser's explorer: one definition.
export { DUCKDB_TYPE, readCsvSql } from '../queries/published-views.ts';

/** DuckDB's native library, loaded when first used: a fifth of a second that most gate threads and commands never need. */
let duckdb: Promise<typeof Instance> | undefined;

/** The threads of the build's DuckDB (reading CSV, checking Parquet); a Parquet file is written by one (tables.ts). */
export const DUCKDB_THREADS = 2;

/**
 * What a DuckDB may hold in memory; past it, it writes to a folder of the system's temporary
 * files. It held a national survey table whole while writing its Parquet file: 3.5 GB at 500
 * regions; within 1 GB, 1.2 GB; within 512 MB, 0.75 GB in the same time (256 MB: 0.5 GB, a
 * quarter slower); the same bytes.
 */
export const DUCKDB_MEMORY = '512MB';

export async function withDuckDb<T>(fn: (run: (sql: string) => Promise<unknown[][]>) => Promise<T>): Promise<T> {
  const DuckDBInstance = await (duckdb ??= import('@duckdb/node-api').then((m) => m.DuckDBInstance));
  const spill = await mkdtemp(join(tmpdir(), 'kt-duckdb-'));
  try {
    const db = await DuckDBInstance.create(':memory:', {
      threads: String(DUCKDB_THREADS),
      memory_limit: DUCKDB_MEMORY,
      temp_directory: spill,
    });
    const conn = await db.connect();
    try {
      return await fn(async (sql) => (await conn.runAndReadAll(sql)).getRows() as unknown[][]);
    } finally {
      conn.closeSync();
      db.closeSync();
    }
  } finally {
    await rm(spill, { recursive: true, force: true });
  }
}
