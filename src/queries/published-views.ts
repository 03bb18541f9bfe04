/**
 * The published tables as DuckDB views, typed from the schemas exactly as the build types them
 * when it writes Parquet (src/publish/parquet.ts): the explorer, the comparison page and the
 * build-time renders all read the CSV a journalist downloads, with the same column types.
 * Pure text, no DuckDB import, so the browser bundle can use it too.
 */
import type { ColumnType, PublishedTable } from '../contract/published.ts';
import { sqlIdent, sqlString } from './sql.ts';

export const DUCKDB_TYPE: Record<ColumnType, string> = { string: 'VARCHAR', integer: 'BIGINT', number: 'DOUBLE', date: 'DATE' };

/**
 * `read_csv(...)` of a published CSV with its schema's types; no sniffing, so no guessed types.
 * Of region files (`hive`: a pattern of them, partitions.ts), kode_wilayah is read from their Hive
 * paths, as text whatever a code looks like, and a filter on it skips the files of other regions.
 */
export function readCsvSql(path: string, table: PublishedTable, { hive = false } = {}): string {
  const columns = table.columns.map((c) => `${sqlString(c.name)}: ${sqlString(DUCKDB_TYPE[c.type])}`).join(', ');
  const source = hive ? `${sqlString(path)}, hive_partitioning = true, hive_types = {'kode_wilayah': 'VARCHAR'}` : sqlString(path);
  return `read_csv(${source}, header = true, delim = ',', quote = '"', escape = '"', nullstr = '', auto_detect = false, columns = {${columns}})`;
}

/** The file name a table's CSV is known by inside DuckDB (registered buffer or file on disk). */
export const csvFileName = (table: Pick<PublishedTable, 'name'>): string => `${table.name}.csv`;
export const parquetFileName = (table: Pick<PublishedTable, 'name'>): string => `${table.name}.parquet`;

export const createViewSql = (table: PublishedTable, path: string): string =>
  `CREATE OR REPLACE VIEW ${sqlIdent(table.name)} AS SELECT * FROM ${readCsvSql(path, table)}`;
