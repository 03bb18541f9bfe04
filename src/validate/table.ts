/**
 * Valid records kept column by column: a million survey rows are a few packed arrays,
 * not a million objects. Numbers sit in a Float64Array (NaN = blank), text in an Int32Array of
 * codes into the column's distinct values (-1 = blank). Rows are rebuilt one at a time when a
 * derivation iterates; the hot derivations read the arrays directly.
 */

/** How a column is stored: numbers, text (dictionary-coded), or anything else as is. */
export type ColumnKind = 'number' | 'text' | 'any';

/** A column's contents, as sent between threads: only typed arrays and string lists. */
export type ColumnPart =
  | { kind: 'number'; values: Float64Array }
  | { kind: 'text'; codes: Int32Array; dict: string[] }
  | { kind: 'any'; values: unknown[] };

/** The columns of a table or of a slice of one, with the file row of each record. */
export interface TablePart {
  length: number;
  rows: Int32Array;
  columns: ColumnPart[];
}

/** Text as codes into a list of distinct values; the view the derivations group by. */
export interface TextColumn {
  codes: Int32Array;
  dict: readonly string[];
}

interface Store {
  push(v: unknown): void;
  get(i: number): unknown;
  part(length: number): ColumnPart;
}

class NumberStore implements Store {
  values: Float64Array;
  n = 0;
  constructor(capacity = 1024) {
    this.values = new Float64Array(capacity);
  }
  push(v: unknown): void {
    if (this.n === this.values.length) this.values = grow(this.values);
    this.values[this.n++] = v === undefined ? NaN : (v as number);
  }
  get(i: number): unknown {
    const v = this.values[i];
    return v !== v ? undefined : v;
  }
  part(length: number): ColumnPart {
    return { kind: 'number', values: this.values.slice(0, length) };
  }
}

class TextStore implements Store {
  codes: Int32Array;
  dict: string[] = [];
  private index = new Map<string, number>();
  // The last value and its code: sorted or repeated columns (dates, a region's code) hit it.
  private last: string | undefined;
  private lastCode = -1;
  n = 0;
  constructor(capacity = 1024) {
    this.codes = new Int32Array(capacity);
  }
  push(v: unknown): void {
    if (this.n === this.codes.length) this.codes = grow(this.codes);
    this.codes[this.n++] = v === undefined ? -1 : this.code(v as string);
  }
  code(s: string): number {
    if (s === this.last) return this.lastCode;
    let c = this.index.get(s);
    if (c === undefined) {
      c = this.dict.length;
      this.dict.push(s);
      this.index.set(s, c);
    }
    this.last = s;
    this.lastCode = c;
    return c;
  }
  get(i: number): unknown {
    const c = this.codes[i];
    return c < 0 ? undefined : this.dict[c];
  }
  part(length: number): ColumnPart {
    return { kind: 'text', codes: this.codes.slice(0, length), dict: this.dict };
  }
}

class AnyStore implements Store {
  values: unknown[] = [];
  push(v: unknown): void {
    this.values.push(v);
  }
  get(i: number): unknown {
    return this.values[i];
  }
  part(): ColumnPart {
    return { kind: 'any', values: this.values };
  }
}

function grow<A extends Float64Array | Int32Array>(a: A): A {
  const b = new (a.constructor as new (n: number) => A)(Math.max(1024, a.length * 2));
  b.set(a);
  return b;
}

const storeOf = (kind: ColumnKind, capacity?: number): Store =>
  kind === 'number' ? new NumberStore(capacity) : kind === 'text' ? new TextStore(capacity) : new AnyStore();

function storeFrom(part: ColumnPart): Store {
  if (part.kind === 'number') {
    const s = new NumberStore();
    s.values = part.values;
    s.n = part.values.length;
    return s;
  }
  if (part.kind === 'text') {
    const s = new TextStore();
    s.codes = part.codes;
    s.n = part.codes.length;
    for (const v of part.dict) s.code(v);
    return s;
  }
  const s = new AnyStore();
  s.values = part.values;
  return s;
}

export class Table<R extends object> implements Iterable<R> {
  private stores: Store[];
  /** Columns by storage, so that pushing a record calls one kind of store at a time. */
  private numberColumns: number[] = [];
  private textColumns: number[] = [];
  private anyColumns: number[] = [];
  /** The file row (header = 1) each record came from, for messages found after reading. */
  private rows: Int32Array;
  length = 0;

  /**
   * `kinds` per column; without it every column keeps its values as they are. `capacity`: the
   * records expected, room made for them at once.
   */
  constructor(
    readonly columns: readonly (keyof R & string)[],
    kinds?: readonly ColumnKind[],
    capacity = 1024,
  ) {
    this.rows = new Int32Array(capacity);
    this.stores = columns.map((_, c) => storeOf(kinds?.[c] ?? 'any', capacity));
    this.sortColumns();
  }

  private sortColumns(): void {
    this.numberColumns = [];
    this.textColumns = [];
    this.anyColumns = [];
    this.stores.forEach((s, c) => (s instanceof NumberStore ? this.numberColumns : s instanceof TextStore ? this.textColumns : this.anyColumns).push(c));
  }

  push(record: R, fileRow = 0): void {
    if (this.length === this.rows.length) this.rows = grow(this.rows);
    this.rows[this.length] = fileRow;
    const r = record as Record<string, unknown>;
    for (let c = 0; c < this.columns.length; c++) this.stores[c].push(r[this.columns[c]]);
    this.length++;
  }

  /** A record given as values by position: column c of the table is `values[slots[c]]`. */
  pushFrom(values: readonly unknown[], slots: readonly number[], fileRow: number): void {
    if (this.length === this.rows.length) this.rows = grow(this.rows);
    this.rows[this.length] = fileRow;
    const stores = this.stores;
    for (const c of this.numberColumns) (stores[c] as NumberStore).push(values[slots[c]]);
    for (const c of this.textColumns) (stores[c] as TextStore).push(values[slots[c]]);
    for (const c of this.anyColumns) stores[c].push(values[slots[c]]);
    this.length++;
  }

  fileRowOf(i: number): number {
    return this.rows[i];
  }

  at(i: number): R {
    const out: Record<string, unknown> = {};
    for (let c = 0; c < this.columns.length; c++) {
      const v = this.stores[c].get(i);
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

  /** A number column as one array, NaN where blank. */
  numbers(name: keyof R & string): Float64Array {
    const s = this.store(name);
    if (s instanceof NumberStore) return s.values.subarray(0, this.length);
    const out = new Float64Array(this.length);
    for (let i = 0; i < this.length; i++) {
      const v = s.get(i);
      out[i] = typeof v === 'number' ? v : NaN;
    }
    return out;
  }

  /** A text column as codes into its distinct values, -1 where blank. */
  texts(name: keyof R & string): TextColumn {
    const s = this.store(name);
    if (s instanceof TextStore) return { codes: s.codes.subarray(0, this.length), dict: s.dict };
    const t = new TextStore();
    for (let i = 0; i < this.length; i++) t.push(s.get(i));
    return { codes: t.codes.subarray(0, this.length), dict: t.dict };
  }

  private store(name: string): Store {
    const c = this.columns.indexOf(name as keyof R & string);
    if (c < 0) throw new Error(`no column ${name}`);
    return this.stores[c];
  }

  /** The columns as plain arrays (copies), to send to another thread. */
  toPart(): TablePart {
    return { length: this.length, rows: this.rows.slice(0, this.length), columns: this.stores.map((s) => s.part(this.length)) };
  }

  /**
   * Slices of one table, made in parallel, put back together in order; `keep` leaves out
   * records (by their file row) found invalid once all slices were seen.
   */
  static concat<R extends object>(columns: readonly (keyof R & string)[], parts: readonly TablePart[], keep?: (fileRow: number) => boolean): Table<R> {
    // Which records of each part stay: all of them, or those `keep` accepts.
    const kept = parts.map((p) => {
      if (!keep) return null;
      const idx = new Int32Array(p.length);
      let k = 0;
      for (let i = 0; i < p.length; i++) if (keep(p.rows[i])) idx[k++] = i;
      return k === p.length ? null : idx.subarray(0, k);
    });
    const n = parts.reduce((sum, p, j) => sum + (kept[j]?.length ?? p.length), 0);
    const table = new Table<R>(columns);
    table.length = n;
    table.rows = gather(new Int32Array(n), parts.map((p) => p.rows), kept);
    table.stores = columns.map((_, c) => {
      const first = parts[0]?.columns[c];
      if (!first) return new AnyStore();
      if (first.kind === 'number') {
        const values = gather(new Float64Array(n), parts.map((p) => (p.columns[c] as { values: Float64Array }).values), kept);
        return storeFrom({ kind: 'number', values });
      }
      if (first.kind === 'text') {
        const merged = new TextStore();
        const codes = new Int32Array(n);
        let o = 0;
        parts.forEach((p, j) => {
          const col = p.columns[c] as { codes: Int32Array; dict: string[] };
          const remap = Int32Array.from(col.dict, (s) => merged.code(s));
          const idx = kept[j];
          const count = idx ? idx.length : p.length;
          for (let i = 0; i < count; i++) {
            const code = col.codes[idx ? idx[i] : i];
            codes[o++] = code < 0 ? -1 : remap[code];
          }
        });
        merged.codes = codes;
        merged.n = n;
        return merged;
      }
      const values: unknown[] = [];
      parts.forEach((p, j) => {
        const v = (p.columns[c] as { values: unknown[] }).values;
        const idx = kept[j];
        if (!idx) for (let i = 0; i < p.length; i++) values.push(v[i]);
        else for (const i of idx) values.push(v[i]);
      });
      return storeFrom({ kind: 'any', values });
    });
    table.sortColumns();
    return table;
  }
}

/** The kept elements of each source, one after the other, into `out`. */
function gather<A extends Float64Array | Int32Array>(out: A, sources: readonly A[], kept: readonly (Int32Array | null)[]): A {
  let o = 0;
  sources.forEach((src, j) => {
    const idx = kept[j];
    if (!idx) {
      out.set(src, o);
      o += src.length;
    } else for (let i = 0; i < idx.length; i++) out[o++] = src[idx[i]];
  });
  return out;
}
