/**
 * The reference for the validation budget (npm run bench): one whole process that reads CSV files
 * into typed DuckDB tables, types detected, every column kept.
 *
 *   node scripts/bench/duckdb-tables.mjs file.csv [more.csv …]   prints the rows read
 *
 * Plain JavaScript, as the validator's command is compiled: neither process pays for TypeScript.
 */
import { DuckDBInstance } from '@duckdb/node-api';

const files = process.argv.slice(2);
// Two threads, as the validator reads on two.
const db = await DuckDBInstance.create(':memory:', { threads: '2' });
const conn = await db.connect();
let rows = 0;
for (const [i, file] of files.entries()) {
  await conn.run(`CREATE TABLE t${i} AS SELECT * FROM read_csv('${file.replaceAll("'", "''")}', header = true)`);
  rows += Number((await conn.runAndReadAll(`SELECT count(*) FROM t${i}`)).getRows()[0][0]);
}
conn.closeSync();
db.closeSync();
console.log(rows);
