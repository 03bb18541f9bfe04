/**
 * Pages read the published tables, never the inputs: the same bytes a journalist downloads.
 * The pipeline points KT_PUBLISHED_DIR at the staged tables; `astro dev` reads dist/data.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import Papa from 'papaparse';
import { tableByName, type PublishedRow, type Row, type TableName } from '../contract/published.ts';
import { rememberRaw, unguard } from '../charts/row.ts';
import { csvHeadRows } from '../read/csv-pieces.ts';
import { PARTITION_MANIFEST, partitionPath, type PartitionManifest } from '../queries/partitions.ts';

export const publishedDir = () => process.env.KT_PUBLISHED_DIR ?? join(process.cwd(), 'dist', 'data');

const cache = new Map<string, PublishedRow[]>();

/**
 * A published table typed by its schema: numbers as numbers, empty cells as null. Each row
 * keeps its cells' CSV text (row.ts), so pages print typed values but mark every number with
 * its raw text (`<data value="91.48">`), and a reader, or a test, can match the page against
 * the download byte for byte.
 */
export function readTable<T extends TableName>(name: T): Row<T>[] {
  const key = `${publishedDir()}|${name}`;
  const hit = cache.get(key);
  if (hit) return hit as Row<T>[];
  const rows = parseTable(name);
  cache.set(key, rows);
  return rows as Row<T>[];
}

/**
 * The first rows only: a dictionary page must not parse a million survey rows to show ten, nor
 * read the whole file (the national survey microdata pass a string's longest, 512 MiB, at a few
 * hundred regions).
 */
export async function readFirstRows<T extends TableName>(name: T, n: number): Promise<Row<T>[]> {
  const hit = cache.get(`${publishedDir()}|${name}`);
  return (hit ? hit.slice(0, n) : typedRows(name, await csvHeadRows(join(publishedDir(), `${name}.csv`), n + 1))) as Row<T>[];
}

function parseTable(name: TableName, file = `${name}.csv`): PublishedRow[] {
  const text = readFileSync(join(publishedDir(), file), 'utf8');
  return typedRows(name, Papa.parse<string[]>(text, { skipEmptyLines: true }).data);
}

/** A table's records (the header first) as typed rows. */
function typedRows(name: TableName, parsed: string[][]): PublishedRow[] {
  const table = tableByName(name)!;
  const types = table.columns.map((c) => c.type);
  return parsed.slice(1).map((cells) => {
    const row: PublishedRow = {};
    const raw: Record<string, string> = {};
    table.columns.forEach((c, i) => {
      const v = cells[i] ?? '';
      raw[c.name] = v;
      row[c.name] = v === '' ? null : types[i] === 'integer' || types[i] === 'number' ? Number(v) : unguard(v);
    });
    rememberRaw(row, raw);
    return row;
  });
}

/**
 * How many region files readRegionTable keeps parsed. Pages are rendered route by route, and
 * within a route region by region, so a region's pages ask for its few tables together: a
 * handful of regions' worth of files is enough, and memory no longer grows with the regions.
 */
export const REGION_FILES_KEPT = 48;

/** Parsed region files, least recently used first (a Map keeps insertion order). */
const regionCache = new Map<string, PublishedRow[]>();

/**
 * One region's rows of a table split by region (data/wilayah/<kode>/<table>.csv, written by
 * src/publish/partitions.ts: the whole table's header and exactly that region's rows, byte for
 * byte, in table order), or undefined when the table is not split (then read the whole table).
 * A region without rows in a split table has no file: no rows.
 */
export function readRegionTable<T extends TableName>(name: T, kode: string): Row<T>[] | undefined {
  const files = partitionManifest()?.tabel[name];
  if (!files) return undefined;
  const key = `${publishedDir()}|${name}|${kode}`;
  let rows = regionCache.get(key);
  if (rows) {
    regionCache.delete(key);
  } else {
    rows = files.some((f) => f.kode_wilayah === kode) ? parseTable(name, partitionPath(kode, name)) : [];
    if (regionCache.size >= REGION_FILES_KEPT) regionCache.delete(regionCache.keys().next().value!);
  }
  regionCache.set(key, rows);
  return rows as Row<T>[];
}

/**
 * How many rows `kode` has in a table split by region, as the manifest says (no file read: the
 * site map asks of every region, a `--since` build's before any of them is rendered); undefined
 * when the table is not split.
 */
export function regionRowCount(name: TableName, kode: string): number | undefined {
  const files = partitionManifest()?.tabel[name];
  if (!files) return undefined;
  return files.find((f) => f.kode_wilayah === kode)?.rows ?? 0;
}

/** How many region files are parsed and kept now (for tests). */
export const regionFilesKept = (): number => regionCache.size;

const partitionManifest = (): PartitionManifest | undefined => readPublishedJson<PartitionManifest>(PARTITION_MANIFEST);

/** Whether the publish step wrote this table (tables added after contract v1 may be absent). */
export function tableExists(name: TableName): boolean {
  return existsSync(join(publishedDir(), `${name}.csv`));
}

const jsonCache = new Map<string, unknown>();

/**
 * Any other JSON file the publish step wrote next to the tables (kualitas.json, datapackage.json),
 * read once per build like the tables: pages ask for them many times each (kualitas.json, with
 * every warning of every region, on each "did this region send that file?"). Not to be changed
 * by its readers.
 */
export function readPublishedJson<T>(file: string): T | undefined {
  const path = join(publishedDir(), file);
  if (!jsonCache.has(path)) jsonCache.set(path, existsSync(path) ? JSON.parse(readFileSync(path, 'utf8')) : undefined);
  return jsonCache.get(path) as T | undefined;
}
