/**
 * Chart data for build-time builders: everything in chart-data.ts, plus `pubCell`, which reads
 * a column's type and the table's key from the schemas.
 */
import type { Column, ColumnName, PublishedRow, TableName } from '../contract/published.ts';
import { tableByName } from '../contract/published.ts';
import type { Lang } from '../i18n/lang.ts';
import type { NumberStyle } from '../i18n/format.ts';
import { localePath } from '../routes.ts';
import { shapeCell, type Cell, type Missing, type TableShape } from './chart-data.ts';

export * from './chart-data.ts';

const shapes = new Map<string, TableShape>();

/** A published table's key, column types and number styles, from its schema. */
export function shapeOf(table: TableName): TableShape {
  let shape = shapes.get(table);
  if (!shape) {
    const def = tableByName(table);
    const columns: readonly Column[] = def?.columns ?? [];
    shape = {
      name: table,
      key: def?.primaryKey ?? [],
      types: Object.fromEntries(columns.map((c) => [c.name, c.type])),
      styles: Object.fromEntries(columns.flatMap((c) => (c.style ? [[c.name, c.style]] : []))),
    };
    shapes.set(table, shape);
  }
  return shape;
}

/**
 * Where a published cell was revised since the previous release: a site path, or undefined. Set
 * by the build (site/revised.ts reads the release's perubahan.csv); the browser has none, so
 * a redrawn chart carries no "direvisi" mark it cannot check.
 */
type RevisedOf = (table: TableName, row: PublishedRow, col: string) => string | undefined;
let revisedOf: RevisedOf | undefined;
export const markRevisions = (lookup: RevisedOf): void => {
  revisedOf = lookup;
};

/**
 * A cell holding one published value, with its provenance. Empty cells say why they are empty
 * (`missing`), never print as 0.
 */
export function pubCell<T extends TableName>(
  lang: Lang,
  table: T,
  row: PublishedRow,
  col: ColumnName<T>,
  opts: { missing?: Missing; style?: NumberStyle; text?: string } = {},
): Cell {
  const cell = shapeCell(lang, shapeOf(table), row, col, opts);
  const revised = revisedOf?.(table, row, col);
  return revised ? { ...cell, revised: localePath(lang, revised) } : cell;
}
