/** Writes every published table as CSV and Parquet, checks they agree, and describes them. */
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { TABLES, type PublishedRow, type PublishedTable, type TableName } from '../contract/published.ts';
import type { Wilayah } from '../contract/wilayah.ts';
import { writeCsv, type CsvLines } from './csv.ts';
import { allSettledThenThrow } from './site-files.ts';
import { publishPartitions, type TableStretches } from './partitions.ts';
import { dataPackage, type PublishedFile } from './datapackage.ts';
import { DUCKDB_THREADS, DUCKDB_TYPE, readCsvSql, withDuckDb } from './parquet.ts';
import { csvFileName, parquetFileName } from '../queries/published-views.ts';
import { sqlIdent, sqlString } from '../queries/sql.ts';

export async function publishTables(
  tables: Record<TableName, () => Iterable<PublishedRow | CsvLines>>,
  regions: readonly { code: string; wilayah: Wilayah }[],
  dir: string,
  buildDate: string,
  settings: Record<string, string | number>,
): Promise<{ files: PublishedFile[]; release: string; stretches: TableStretches }> {
  const files: PublishedFile[] = [];
  const stretches: TableStretches = new Map();
  await withDuckDb(async (run) => {
    // DuckDB works on one table's Parquet file (on its own threads) while the next tables are
    // derived and written as CSV here: the two run side by side, one table after the other each.
    let parquet: Promise<void> = Promise.resolve();
    for (const table of TABLES) {
      const [csvName, parquetName] = [csvFileName(table), parquetFileName(table)];
      const csvPath = join(dir, csvName);
      const parquetPath = join(dir, parquetName);
      const rows = await writeCsv(csvPath, table, tables[table.name]());
      parquet = parquet.then(() => toParquet(run, table, csvPath, parquetPath, rows));
      parquet.catch(() => {}); // awaited below; a failure stops the build there
      files.push({ table, format: 'csv', path: csvPath, relPath: csvName, rows });
      files.push({ table, format: 'parquet', path: parquetPath, relPath: parquetName, rows });
    }
    // The same bytes again, one file per region and table, for the explorer's partitioned reads:
    // split here while DuckDB writes the last Parquet files (a --since build writes its CSVs
    // faster than DuckDB reads them).
    await allSettledThenThrow([
      parquet,
      publishPartitions(
        dir,
        files.filter((f) => f.format === 'csv').map((f) => ({ table: f.table, csvPath: f.path })),
        { exportDates: Object.fromEntries(regions.map((r) => [r.code, r.wilayah.tanggal_ekspor])), settings },
        stretches,
      ),
    ]);
  });
  const pkg = await dataPackage(files, regions, buildDate, settings);
  await writeFile(join(dir, 'datapackage.json'), JSON.stringify(pkg, null, 2) + '\n');
  return { files, release: pkg.version, stretches };
}

/**
 * The CSV is read once, with the schema's types; the Parquet file is written from what was
 * read, and read back: same rows, same values, in the same order (which implies the same
 * multiset), checked cell by cell side by side rather than by hashing both ways.
 */
async function toParquet(
  run: (sql: string) => Promise<unknown[][]>,
  table: PublishedTable,
  csvPath: string,
  parquetPath: string,
  rows: number,
): Promise<void> {
  await run(`CREATE OR REPLACE TEMP TABLE published AS SELECT * FROM ${readCsvSql(csvPath, table)}`);
  // Written by one thread: DuckDB's threads cut a large file's row groups as their timing falls,
  // so the survey's Parquet file at 500 regions came out different in each of three runs (14.6 M
  // rows; 40,156,921 to 40,160,611 bytes); by one, the same bytes each time, 3 s slower there.
  await run('SET threads = 1');
  await run(`COPY published TO ${sqlString(parquetPath)} (FORMAT parquet, COMPRESSION zstd)`);
  await run(`SET threads = ${DUCKDB_THREADS}`);
  const pq = `SELECT ${table.columns.map((c) => `CAST(${sqlIdent(c.name)} AS ${DUCKDB_TYPE[c.type]}) AS ${sqlIdent(c.name)}`).join(', ')} FROM read_parquet(${sqlString(parquetPath)})`;
  const differs = table.columns.map((c) => `c.${sqlIdent(c.name)} IS DISTINCT FROM p.${sqlIdent(c.name)}`).join(' OR ');
  const [[csvCount, pqCount, diff]] = (await run(
    `SELECT (SELECT count(*) FROM published), (SELECT count(*) FROM read_parquet(${sqlString(parquetPath)})), (SELECT count(*) FROM published c POSITIONAL JOIN (${pq}) p WHERE ${differs})`,
  )) as [[bigint, bigint, bigint]];
  await run('DROP TABLE published');
  if (Number(diff) !== 0 || Number(csvCount) !== rows || Number(pqCount) !== rows)
    throw new Error(`${table.name}: Parquet dan CSV berbeda / Parquet and CSV differ`);
}
