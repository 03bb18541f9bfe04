/**
 * Build-time side of "one SQL everywhere": runs a query module's SQL with @duckdb/node-api over
 * the published CSVs (KT_PUBLISHED_DIR), read with the same column types as the browser's views.
 * One instance per published folder; one thread, so that aggregates add up in the same order
 * as in the single-threaded WASM build.
 */
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { deserialize, serialize } from 'node:v8';
import { TABLES } from '../contract/published.ts';
import { publishedDir } from './published.ts';
import { csvFileName, readCsvSql } from '../queries/published-views.ts';
import { sqlIdent } from '../queries/sql.ts';
import { toCell, type QueryResult } from '../queries/result.ts';
import { renderSpill, type Spilled } from './spill.ts';

/**
 * A connection, and the tables read into it so far. A table is read from its CSV once, the first
 * time a question names it, with the types of the browser's views (readCsvSql): a view would
 * parse the whole national CSV again for every question, and a page asks several, per unit; at
 * hundreds of regions that grows with the square of the regions.
 */
interface Published {
  conn: DuckDBConnection;
  tables: Map<string, Promise<void>>;
}

const connections = new Map<string, Promise<Published>>();
/**
 * Answers by a hash of folder and SQL. The published tables do not change during a build, and
 * pages ask the same question once per language (a chart's rows, a filter's options): each is
 * run once. Astro renders every page of one language before the other's, so an answer is kept
 * to the end of the build: once given, in the spill (spill.ts), not the heap, where every unit's
 * answers grew with the regions a renderer draws.
 */
const answers = new Map<string, Promise<QueryResult> | Spilled>();

async function connect(): Promise<Published> {
  const db = await DuckDBInstance.create(':memory:', { threads: '1' });
  return { conn: await db.connect(), tables: new Map() };
}

/** Each published table, and how a question names it (a word; DuckDB names ignore case). */
const NAMED = TABLES.map((table) => [table, new RegExp(`\\b${table.name}\\b`, 'i')] as const);

/** The published tables `sql` names (as a word; one named needlessly is only read needlessly), read in. */
async function readTablesOf(sql: string, dir: string, published: Published): Promise<void> {
  for (const [table, named] of NAMED) {
    if (!named.test(sql)) continue;
    const path = join(dir, csvFileName(table));
    // A table not published (added after contract v1) stays unknown: the question fails as it would over a view.
    if (!published.tables.has(table.name) && existsSync(path)) {
      const read = published.conn
        .run(`CREATE TABLE ${sqlIdent(table.name)} AS SELECT * FROM ${readCsvSql(path, table)}`)
        .then(() => undefined);
      read.catch(() => published.tables.delete(table.name)); // a failure is not remembered
      published.tables.set(table.name, read);
    }
    await published.tables.get(table.name);
  }
}

/** While the question runs, its answer is shared between callers: read it, do not change it. */
export function runPublishedSql(sql: string, dir = publishedDir()): Promise<QueryResult> {
  const key = createHash('sha256').update(`${dir}\u0000${sql}`).digest('base64');
  const kept = answers.get(key);
  if (kept instanceof Promise) return kept;
  if (kept) {
    try {
      return Promise.resolve(deserialize(renderSpill.bytes(kept)) as QueryResult);
    } catch (e) {
      return Promise.reject(e as Error);
    }
  }
  const answer = run(sql, dir);
  answers.set(key, answer);
  answer.then(
    (result) => {
      try {
        answers.set(key, renderSpill.put(serialize(result)));
      } catch {
        // Not kept (the disk refused it): the answer stays held, as it was.
      }
    },
    () => answers.delete(key), // a failure is not remembered
  );
  return answer;
}

async function run(sql: string, dir: string): Promise<QueryResult> {
  let published = connections.get(dir);
  if (!published) {
    published = connect();
    connections.set(dir, published);
  }
  await readTablesOf(sql, dir, await published);
  const reader = await (await published).conn.runAndReadAll(sql);
  return { columns: reader.columnNames(), rows: reader.getRowsJS().map((row) => row.map(toCell)) };
}
