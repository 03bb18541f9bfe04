/**
 * Pages read the published tables, never the inputs: the same bytes a journalist downloads.
 * The pipeline points KT_PUBLISHED_DIR at the staged tables; `astro dev` reads dist/data.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import Papa from 'papaparse';
import { tableByName, type PublishedRow, type TableName } from '../contract/published.ts';

export const publishedDir = () => process.env.KT_PUBLISHED_DIR ?? join(process.cwd(), 'dist', 'data');

const cache = new Map<string, PublishedRow[]>();

/**
 * The cell text exactly as written in the CSV, per row. Pages print typed values but mark
 * every number with its raw text (`<data value="91.48">`), so a reader, or a test, can match
 * the page against the download byte for byte.
 */
const rawCells = new WeakMap<PublishedRow, Record<string, string>>();

/** A published table typed by its schema: numbers as numbers, empty cells as null. */
export function readTable(name: TableName): PublishedRow[] {
  const key = `${publishedDir()}|${name}`;
  const hit = cache.get(key);
  if (hit) return hit;
  const table = tableByName(name)!;
  const text = readFileSync(join(publishedDir(), `${name}.csv`), 'utf8');
  const parsed = Papa.parse<string[]>(text, { skipEmptyLines: true }).data;
  const types = table.columns.map((c) => c.type);
  const rows = parsed.slice(1).map((cells) => {
    const row: PublishedRow = {};
    const raw: Record<string, string> = {};
    table.columns.forEach((c, i) => {
      const v = cells[i] ?? '';
      raw[c.name] = v;
      row[c.name] = v === '' ? null : types[i] === 'integer' || types[i] === 'number' ? Number(v) : v.startsWith("'") ? v.slice(1) : v;
    });
    rawCells.set(row, raw);
    return row;
  });
  cache.set(key, rows);
  return rows;
}

/** Whether the publish step wrote this table (tables added after contract v1 may be absent). */
export function tableExists(name: TableName): boolean {
  return existsSync(join(publishedDir(), `${name}.csv`));
}

/** The CSV text of one cell of a row returned by readTable ('' when empty). */
export function rawCell(row: PublishedRow, column: string): string {
  return rawCells.get(row)?.[column] ?? (row[column] === null || row[column] === undefined ? '' : String(row[column]));
}

/** The row's primary key as the site writes it: key values in primaryKey order, joined by '|'. */
export function rowKey(name: TableName, row: PublishedRow): string {
  return tableByName(name)!.primaryKey.map((k) => rawCell(row, k)).join('|');
}

/** Any other JSON file the publish step wrote next to the tables (kualitas.json, datapackage.json). */
export function readPublishedJson<T>(file: string): T | undefined {
  const path = join(publishedDir(), file);
  return existsSync(path) ? (JSON.parse(readFileSync(path, 'utf8')) as T) : undefined;
}
