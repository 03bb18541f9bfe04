/**
 * What validating one file is given and gives back, whichever way it is read: streamed
 * (stream-file.ts, also in the browser's checker) or in slices by several threads (fast/parallel.ts).
 */
import type { Issue } from '../contract/issues.ts';
import type { Dialect } from '../read/dialect.ts';
import type { ParallelOptions } from './fast/types.ts';
import type { PrivateValues } from './private-values.ts';
import type { Table } from './table.ts';

export interface FileContext {
  region: string;
  issues: Issue[];
  /** Codes of unit.csv, for foreign keys; absent while unit.csv itself is read. */
  unitCodes?: ReadonlySet<string>;
  /** Every private value seen, for the privacy gate before publishing. */
  privateValues: PrivateValues;
  /** When files are read in slices by several threads; by default, files of DEFAULT_MIN_BYTES (fast/parallel.ts) and more. */
  parallel?: ParallelOptions;
  /** Told the data rows read so far, now and then while a file streams (the browser's progress bar). */
  progress?: (rows: number) => void;
}

/** Where in this file an issue is: region, file, then row, column and value as found. */
export const locateIn =
  (ctx: Pick<FileContext, 'region'>, input: { file: string }) => (row: number | null, column: string | null, value: string | null) => ({
    region: ctx.region,
    file: input.file,
    row,
    column,
    value,
  });

export interface FileResult<R extends object> {
  rows: number;
  table: Table<R>;
  dialect: Dialect | null;
  /**
   * Every valid kode_unit cell, also on rows rejected for another cell: for unit.csv these are the
   * codes other files may reference, so that one bad cell in unit.csv is one error, not a
   * foreign-key error on every row of every file that names the unit.
   */
  codes: Set<string>;
}
