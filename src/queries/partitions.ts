/**
 * Published tables split by region: where the files live, what the manifest says, and the
 * DuckDB view that reads them so that a filter on kode_wilayah skips the other regions' files.
 * Pure text, no Node import: the build writes the files (src/publish/partitions.ts), pages
 * describe them, and the browser engine reads them with the same names.
 */
import type { PublishedTable } from '../contract/published.ts';
import { readCsvSql } from './published-views.ts';
import { sqlIdent } from './sql.ts';
import type { TablePart, TableSource } from './engine-types.ts';

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
  /** Each region's data version (src/release/identity.ts regionVersion), by code: what its pages name. */
  versi?: Record<string, string>;
}

/**
 * The name a region's file is registered under inside DuckDB: a Hive path, so that DuckDB
 * knows the file's kode_wilayah from its name alone and prunes files by a filter on it
 * before opening any (its value is the one in every row of the file).
 */
export const partitionFileName = (table: Pick<PublishedTable, 'name'>, kode: string): string => `kode_wilayah=${kode}/${table.name}.csv`;

/**
 * The names of a table's region files, as one pattern: what its view reads. DuckDB-WASM matches
 * each name a read lists against every registered file, and a view is bound three times before a
 * first answer (created, planned, run): at 500 regions a list of names cost 0.2 s each time, the
 * pattern 0.05 s. It matches the names registered for the table's regions (duckdb-engine.ts;
 * codes hold no `/`), and a file a reader's own query writes under such a name, in their session.
 */
export const partitionGlob = (table: Pick<PublishedTable, 'name'>): string => `kode_wilayah=*/${table.name}.csv`;

/**
 * The view over a table's region files, typed from the schema like the whole table's view. Its
 * rows come file by file in name order (`kode_wilayah=<kode>/`), which is the whole CSV's code
 * order except where one code is another plus `-…`: a question that needs an order says ORDER BY.
 */
export const createPartitionedViewSql = (table: PublishedTable): string =>
  `CREATE OR REPLACE VIEW ${sqlIdent(table.name)} AS SELECT * FROM ${readCsvSql(partitionGlob(table), table, { hive: true })}`;

/**
 * A table read whole beside split ones is copied into a DuckDB table when loaded: then every
 * READ_CSV in a question's plan is a read of region files, which is how the engine tells from
 * the plan which regions a question needs (src/client/partition-plan.ts).
 */
export const createTableCopySql = (table: PublishedTable, path: string): string =>
  `CREATE OR REPLACE TABLE ${sqlIdent(table.name)} AS SELECT * FROM ${readCsvSql(path, table)}`;

/**
 * A split table as a page carries it (issue #13 item 5): per region only its code and the bytes
 * of its file. Every region file's URL and DuckDB name follow from the code, so at 514 regions the
 * explorer's page holds a fraction of what the whole list would be; the browser unpacks it (unpackSource).
 */
export interface PackedSource extends Omit<TableSource, 'parts'> {
  /** [region code, bytes of its file], in the manifest's order (an array: an object would put numeric codes first). */
  regions?: [string, number][];
}

export function packSource(source: TableSource): PackedSource {
  const { parts, ...rest } = source;
  if (!parts) return rest;
  return { ...rest, regions: parts.map((p): [string, number] => [p.kode, p.bytes]) };
}

/** The table source the build described, from what the page carries. */
export function unpackSource(packed: PackedSource): TableSource {
  const { regions, ...rest } = packed;
  if (!regions) return rest;
  // The region files sit under the data folder that holds the whole table's CSV.
  const dataPath = rest.url.slice(0, rest.url.lastIndexOf('/') + 1);
  const parts: TablePart[] = regions.map(([kode, bytes]) => ({
    kode,
    url: `${dataPath}${partitionPath(kode, rest.name)}`,
    file: partitionFileName(rest, kode),
    bytes,
  }));
  return { ...rest, parts };
}
