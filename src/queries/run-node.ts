/**
 * Build-time side of "one SQL everywhere": runs a query module's SQL with @duckdb/node-api over
 * the published CSVs (KT_PUBLISHED_DIR), through the same typed views the browser creates.
 * One instance per published folder; one thread, so that aggregates add up in the same order
 * as in the single-threaded WASM build.
 */
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { join } from 'node:path';
import { TABLES } from '../contract/published.ts';
import { publishedDir } from '../lib/published.ts';
import { createViewSql, csvFileName } from './published-views.ts';
import { toCell, type QueryResult } from './result.ts';

const connections = new Map<string, Promise<DuckDBConnection>>();

async function connect(dir: string): Promise<DuckDBConnection> {
  const db = await DuckDBInstance.create(':memory:', { threads: '1' });
  const conn = await db.connect();
  for (const table of TABLES) await conn.run(createViewSql(table, join(dir, csvFileName(table))));
  return conn;
}

export async function runPublishedSql(sql: string, dir = publishedDir()): Promise<QueryResult> {
  let conn = connections.get(dir);
  if (!conn) {
    conn = connect(dir);
    connections.set(dir, conn);
  }
  const reader = await (await conn).runAndReadAll(sql);
  return { columns: reader.columnNames(), rows: reader.getRowsJS().map((row) => row.map(toCell)) };
}
