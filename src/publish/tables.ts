/** Writes every published table as CSV and Parquet, checks they agree, and describes them. */
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { TABLES, type PublishedRow, type TableName } from '../contract/published.ts';
import type { Wilayah } from '../contract/wilayah.ts';
import { writeCsv } from './csv.ts';
import { dataPackage, type PublishedFile } from './datapackage.ts';
import { DUCKDB_TYPE, readCsvSql, withDuckDb } from './parquet.ts';

const q = (s: string) => `'${s.replace(/'/g, "''")}'`;

export async function publishTables(
  tables: Record<TableName, () => Iterable<PublishedRow>>,
  regions: readonly { code: string; wilayah: Wilayah }[],
  dir: string,
  buildDate: string,
): Promise<PublishedFile[]> {
  const files: PublishedFile[] = [];
  await withDuckDb(async (run) => {
    for (const table of TABLES) {
      const csvPath = join(dir, `${table.name}.csv`);
      const parquetPath = join(dir, `${table.name}.parquet`);
      const rows = await writeCsv(csvPath, table, tables[table.name]());
      await run(`COPY (SELECT * FROM ${readCsvSql(csvPath, table)}) TO ${q(parquetPath)} (FORMAT parquet, COMPRESSION zstd)`);
      // Same rows, same values: compare both ways, multiset semantics.
      const csv = `SELECT * FROM ${readCsvSql(csvPath, table)}`;
      const pq = `SELECT ${table.columns.map((c) => `CAST(${JSON.stringify(c.name)} AS ${DUCKDB_TYPE[c.type]})`).join(', ')} FROM read_parquet(${q(parquetPath)})`;
      const [[diff]] = (await run(`SELECT (SELECT count(*) FROM (${csv} EXCEPT ALL ${pq})) + (SELECT count(*) FROM (${pq} EXCEPT ALL ${csv}))`)) as [[bigint]];
      const [[count]] = (await run(`SELECT count(*) FROM read_parquet(${q(parquetPath)})`)) as [[bigint]];
      if (Number(diff) !== 0 || Number(count) !== rows) throw new Error(`${table.name}: Parquet dan CSV berbeda / Parquet and CSV differ`);
      files.push({ table, format: 'csv', path: csvPath, relPath: `${table.name}.csv`, rows });
      files.push({ table, format: 'parquet', path: parquetPath, relPath: `${table.name}.parquet`, rows });
    }
  });
  const pkg = await dataPackage(files, regions, buildDate);
  await writeFile(join(dir, 'datapackage.json'), JSON.stringify(pkg, null, 2) + '\n');
  return files;
}
