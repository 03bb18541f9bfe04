/**
 * Build time: what the browser needs to turn each published CSV into a typed view. The page
 * carries this as JSON, so the browser never loads the schemas (or Zod) to get the types.
 */
import { TABLES } from '../contract/published.ts';
import type { TableSource } from '../client/engine-types.ts';
import { createViewSql, csvFileName } from './published-views.ts';

export function tableSources(dataPath = '/data/'): TableSource[] {
  return TABLES.map((t) => ({ name: t.name, url: `${dataPath}${t.name}.csv`, file: csvFileName(t), createSql: createViewSql(t, csvFileName(t)) }));
}

/** JSON that is safe inside <script type="application/json">: no `</script>` can close it. */
export const jsonForScript = (value: unknown): string => JSON.stringify(value).replace(/</g, '\\u003c');
