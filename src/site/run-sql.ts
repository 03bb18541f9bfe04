/**
 * Build-time side of "one SQL everywhere": runs a query module's SQL with @duckdb/node-api over
 * the published CSVs (KT_PUBLISHED_DIR), through the same typed views the browser creates.
 * One instance per published folder; one thread, so that aggregates add up in the same order
 * as in the single-threaded WASM build.
 */
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { join } from 'node:path';
import { TABLES } from '../contract/published.ts';
import { publishedDir } from './published.ts';
import { createViewSql, csvFileName } from '../queries/published-views.ts';
import { toCell, type QueryResult } from '../queries/result.ts';

const connections = new Map<string, Promise<DuckDBConnection>>();
/**
 * Answers by folder and SQL. The published tables do not change during a build, and pages ask
 * the same question once per language (a chart's rows, a filter's options): each is run once.
 */
const answers = new Map<string, Promise<QueryResult>>();

async function connect(dir: string): Promise<DuckDBConnection> {
  const db = await DuckDBInstance.create(':memory:', { threads: '1' });
  const conn = await db.connect();
  for (const table of TABLES) await conn.run(createViewSql(table, join(dir, csvFileName(table))));
  return conn;
}

/** The answer is shared between callers: read it, do not change it. */
export function runPublishedSql(sql: string, dir = publishedDir()): Promise<QueryResult> {
  const key = `${dir}\u0000${sql}`;
  let answer = answers.get(key);
  if (!answer) {
    answer = run(sql, dir);
    answers.set(key, answer);
    answer.catch(() => answers.delete(key)); // a failure is not remembered
  }
  return answer;
}

async function run(sql: string, dir: string): Promise<QueryResult> {
  let conn = connections.get(dir);
  if (!conn) {
    conn = connect(dir);
    connections.set(dir, conn);
  }
  const reader = await (await conn).runAndReadAll(sql);
  return { columns: reader.columnNames(), rows: reader.getRowsJS().map((row) => row.map(toCell)) };
}
