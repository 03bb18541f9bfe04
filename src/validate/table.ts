/**
 * Valid records kept column by column: a million survey rows are a few packed arrays,
 * not a million objects. Rows are rebuilt one at a time when a derivation iterates.
 */
export class Table<R extends object> implements Iterable<R> {
  private readonly cols: unknown[][];
  /** The file row (header = 1) each record came from, for messages found after reading. */
  private readonly rows: number[] = [];
  length = 0;

  constructor(readonly columns: readonly (keyof R & string)[]) {
    this.cols = columns.map(() => []);
  }

  push(record: R, fileRow = 0): void {
    this.rows.push(fileRow);
    const r = record as Record<string, unknown>;
    for (let c = 0; c < this.columns.length; c++) this.cols[c].push(r[this.columns[c]]);
    this.length++;
  }

  fileRowOf(i: number): number {
    return this.rows[i];
  }

  at(i: number): R {
    const out: Record<string, unknown> = {};
    for (let c = 0; c < this.columns.length; c++) {
      const v = this.cols[c][i];
      if (v !== undefined) out[this.columns[c]] = v;
    }
    return out as R;
  }

  *[Symbol.iterator](): Iterator<R> {
    for (let i = 0; i < this.length; i++) yield this.at(i);
  }

  toArray(): R[] {
    return [...this];
  }
}
