/**
 * Published tables split by region: where the files live, what the manifest says, and the
 * DuckDB view that reads them so that a filter on kode_wilayah skips the other regions' files.
 * Pure text, no Node import: the build writes the files (src/publish/partitions.ts), pages
 * describe them, and the browser engine reads them with the same names.
 */
import type { PublishedTable } from '../contract/published.ts';
import { readCsvSql } from './published-views.ts';
import { sqlIdent } from './sql.ts';

/** Under the data folder: `wilayah/<kode>/<table>.csv`, and the manifest beside the regions. */
export const PARTITION_DIR = 'wilayah';
export const PARTITION_MANIFEST = `${PARTITION_DIR}/manifest.json`;

export const partitionPath = (kode: string, table: string): string => `${PARTITION_DIR}/${kode}/${table}.csv`;

/** One region's file of a table. */
export interface PartitionFile {
  kode_wilayah: string;
  /** Relative to the data folder. */
  path: string;
  rows: number;
  bytes: number;
  /** Of the file's bytes: a region whose hash did not change need not be fetched or rebuilt. */
  sha256: string;
}

/** data/wilayah/manifest.json: per split table, its region files in code order. */
export interface PartitionManifest {
  tabel: Record<string, PartitionFile[]>;
}

/**
 * The name a region's file is registered under inside DuckDB: a Hive path, so that DuckDB
 * knows the file's kode_wilayah from its name alone and prunes files by a filter on it
 * before opening any (its value is the one in every row of the file).
 */
export const partitionFileName = (table: Pick<PublishedTable, 'name'>, kode: string): string => `kode_wilayah=${kode}/${table.name}.csv`;

/** The view over a table's region files, typed from the schema like the whole table's view. */
export const createPartitionedViewSql = (table: PublishedTable, kodes: readonly string[]): string =>
  `CREATE OR REPLACE VIEW ${sqlIdent(table.name)} AS SELECT * FROM ${readCsvSql(
    kodes.map((k) => partitionFileName(table, k)),
    table,
  )}`;

/**
 * A table read whole beside split ones is copied into a DuckDB table when loaded: then every
 * READ_CSV in a question's plan is a read of region files, which is how the engine tells from
 * the plan which regions a question needs (src/client/partition-plan.ts).
 */
export const createTableCopySql = (table: PublishedTable, path: string): string =>
  `CREATE OR REPLACE TABLE ${sqlIdent(table.name)} AS SELECT * FROM ${readCsvSql(path, table)}`;
