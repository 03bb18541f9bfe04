/**
 * Build time: what the browser needs to turn each published CSV into a typed view. The page
 * carries this as JSON, so the browser never loads the schemas (or Zod) to get the types.
 */
import { TABLES } from '../contract/published.ts';
import type { TableSource } from '../queries/engine-types.ts';
import { createViewSql, csvFileName } from '../queries/published-views.ts';
import type { ColumnFormat } from '../i18n/result-cells.ts';
import { DATA, tableFile } from '../routes.ts';

export function tableSources(dataPath = DATA): TableSource[] {
  return TABLES.map((t) => ({ name: t.name, url: tableFile(t.name, 'csv', dataPath), file: csvFileName(t), createSql: createViewSql(t, csvFileName(t)) }));
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
