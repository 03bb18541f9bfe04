/**
 * Build time: what the browser needs to turn each published CSV into a typed view. The page
 * carries this as JSON, so the browser never loads the schemas (or Zod) to get the types.
 * Given the partition manifest (the explorer), split tables become views over their region
 * files, and the tables that stay whole are copied into DuckDB tables (partitions.ts says why).
 */
import { TABLES } from '../contract/published.ts';
import type { TableSource } from '../queries/engine-types.ts';
import { createViewSql, csvFileName } from '../queries/published-views.ts';
import { createPartitionedViewSql, createTableCopySql, partitionFileName, type PartitionManifest } from '../queries/partitions.ts';
import type { ColumnFormat } from '../i18n/result-cells.ts';
import { DATA, tableFile } from '../routes.ts';

export function tableSources(dataPath = DATA, manifest?: PartitionManifest | null): TableSource[] {
  return TABLES.map((t) => {
    const whole = { name: t.name, url: tableFile(t.name, 'csv', dataPath), file: csvFileName(t) };
    if (!manifest) return { ...whole, createSql: createViewSql(t, csvFileName(t)) };
    const files = manifest.tabel[t.name];
    // A table split by region with no region file (no region sent it) is read whole: header only.
    if (!files || files.length === 0) return { ...whole, createSql: createTableCopySql(t, csvFileName(t)) };
    const parts = files.map((f) => ({
      kode: f.kode_wilayah,
      url: `${dataPath}${f.path}`,
      file: partitionFileName(t, f.kode_wilayah),
      bytes: f.bytes,
    }));
    return {
      ...whole,
      createSql: createPartitionedViewSql(t),
      parts,
    };
  });
}

/**
 * How the explorer prints each published column, by name (the browser has no schemas): keys of
 * any table as they are (2025 stays 2025), numbers in their declared style (contract: Column.style).
 */
export function columnFormats(): Record<string, ColumnFormat> {
  const formats: Record<string, ColumnFormat> = {};
  for (const t of TABLES) {
    for (const c of t.columns) {
      if ((t.primaryKey as readonly string[]).includes(c.name)) formats[c.name] = 'key';
      else if ((c.type === 'integer' || c.type === 'number') && formats[c.name] !== 'key') formats[c.name] = c.style ?? 'plain';
    }
  }
  return formats;
}

/** JSON that is safe inside <script type="application/json">: no `</script>` can close it. */
export const jsonForScript = (value: unknown): string => JSON.stringify(value).replace(/</g, '\\u003c');
