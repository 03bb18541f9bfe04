/**
 * Pages read the published tables, never the inputs: the same bytes a journalist downloads.
 * The pipeline points KT_PUBLISHED_DIR at the staged tables; `astro dev` reads dist/data.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Papa from 'papaparse';
import { tableByName, type PublishedRow, type TableName } from '../contract/published.ts';

export const publishedDir = () => process.env.KT_PUBLISHED_DIR ?? join(process.cwd(), 'dist', 'data');

const cache = new Map<string, PublishedRow[]>();

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
    table.columns.forEach((c, i) => {
      const v = cells[i] ?? '';
      row[c.name] = v === '' ? null : types[i] === 'integer' || types[i] === 'number' ? Number(v) : v.startsWith("'") ? v.slice(1) : v;
    });
    return row;
  });
  cache.set(key, rows);
  return rows;
}
