/**
 * Valid records kept column by column: a million survey rows are a few packed arrays,
 * not a million objects. Numbers sit in a Float64Array (NaN = blank; a Float32Array for integers
 * whose bounds keep them exact there), text in an Int32Array of
 * codes into the column's distinct values (-1 = blank). Rows are rebuilt one at a time when a
 * derivation iterates; the hot derivations read the arrays directly.
 */
import type { RegionData } from './regions.ts';

/** How a column is stored: numbers; integers exact in 32 bits (rows.ts, columnKind); or text (dictionary-coded). */
export type ColumnKind = 'number' | 'integer32' | 'text';

/** A number column's values, NaN where blank. */
export type Numbers = Float64Array | Float32Array;

/** A column's contents, as sent between threads: only typed arrays and string lists. */
export type ColumnPart = { kind: 'number'; values: Numbers } | { kind: 'text'; codes: Int32Array; dict: string[] };

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
  /** Room for `capacity` records, values kept. */
  reserve(capacity: number): void;
  set(i: number, v: unknown): void;
  get(i: number): unknown;
  /** Record `from`'s value put at `to`. */
  move(from: number, to: number): void;
  part(length: number): ColumnPart;
}

class NumberStore implements Store {
  values: Numbers;
  constructor(capacity = 1024, bits: 32 | 64 = 64) {
    this.values = bits === 32 ? new Float32Array(capacity) : new Float64Array(capacity);
  }
  reserve(capacity: number): void {
    this.values = grown(this.values, capacity);
  }
  set(i: number, v: unknown): void {
    this.values[i] = v === undefined ? NaN : (v as number);
  }
  get(i: number): unknown {
    const v = this.values[i];
    return v !== v ? undefined : v;
  }
  move(from: number, to: number): void {
    this.values[to] = this.values[from];
  }
  part(length: number): ColumnPart {
    return { kind: 'number', values: this.values.subarray(0, length) };
  }
}

class TextStore implements Store {
  codes: Int32Array;
  dict: string[] = [];
  private index = new Map<string, number>();
  // The last value and its code: sorted or repeated columns (dates, a region's code) hit it.
  private last: string | undefined;
  private lastCode = -1;
  constructor(capacity = 1024) {
    this.codes = new Int32Array(capacity);
  }
  reserve(capacity: number): void {
    this.codes = grown(this.codes, capacity);
  }
  set(i: number, v: unknown): void {
    this.codes[i] = v === undefined ? -1 : this.code(v as string);
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
  move(from: number, to: number): void {
    this.codes[to] = this.codes[from];
  }
  part(length: number): ColumnPart {
    return { kind: 'text', codes: this.codes.subarray(0, length), dict: this.dict };
  }
}

/** A copy of `a` with room for `capacity` elements (the growing lists of slice-worker.ts and packed.ts too). */
export function grown<A extends Float64Array | Float32Array | Int32Array>(a: A, capacity: number): A {
  const b = new (a.constructor as new (n: number) => A)(capacity);
  b.set(a.subarray(0, Math.min(a.length, capacity)));
  return b;
}

const storeOf = (kind: ColumnKind, capacity?: number): Store =>
  kind === 'text' ? new TextStore(capacity) : new NumberStore(capacity, kind === 'integer32' ? 32 : 64);

export class Table<R extends object> implements Iterable<R> {
  private stores: Store[];
  /**
   * The stores again, by storage, for pushFrom (and FastRows): each of its loops sees one kind
   * of store and writes its array directly, and room is made once per record for every column
   * (a quarter faster than a push into each store in turn).
   */
  private numberStores: NumberStore[] = [];
  private textStores: TextStore[] = [];
  /** The table column of each store in the lists above. */
  readonly numberColumns: number[] = [];
  readonly textColumns: number[] = [];
  /** The `slots` pushFrom was last given, and for each list above the value position of its columns. */
  private slotsSeen: readonly number[] | null = null;
  private numberSlots = new Int32Array(0);
  private textSlots = new Int32Array(0);
  /** The file row (header = 1) each record came from, for messages found after reading. */
  private rows: Int32Array;
  /**
   * Parts appended and not yet copied into the columns, in order: copied in (settle) when a
   * column is first read, so a command that only validates (and reads no column) copies none.
   */
  private parts: TablePart[] = [];
  /** The records in the columns and in the parts not yet copied in. */
  length = 0;

  /**
   * `kinds`: the storage of each column. `capacity`: the records expected, room made for them
   * at once.
   */
  constructor(
    readonly columns: readonly (keyof R & string)[],
    kinds: readonly ColumnKind[],
    capacity = 1024,
  ) {
    this.rows = new Int32Array(capacity);
    this.stores = columns.map((_, c) => storeOf(kinds[c], capacity));
    this.stores.forEach((s, c) => {
      if (s instanceof NumberStore) {
        this.numberStores.push(s);
        this.numberColumns.push(c);
      } else {
        this.textStores.push(s as TextStore);
        this.textColumns.push(c);
      }
    });
  }

  /** Room for `more` records (one by default): every column grows with the rows. */
  makeRoom(more = 1): void {
    this.settle();
    const needed = this.length + more;
    if (needed <= this.rows.length) return;
    let capacity = Math.max(1024, this.rows.length * 2);
    while (capacity < needed) capacity *= 2;
    this.rows = grown(this.rows, capacity);
    for (const s of this.stores) s.reserve(capacity);
  }

  push(record: R, fileRow = 0): void {
    this.makeRoom();
    const i = this.length;
    this.rows[i] = fileRow;
    const r = record as Record<string, unknown>;
    for (let c = 0; c < this.columns.length; c++) this.stores[c].set(i, r[this.columns[c]]);
    this.length = i + 1;
  }

  /** A record given as values by position: column c of the table is `values[slots[c]]`. */
  pushFrom(values: readonly unknown[], slots: readonly number[], fileRow: number): void {
    if (slots !== this.slotsSeen) this.bindSlots(slots);
    this.makeRoom();
    const i = this.length;
    this.rows[i] = fileRow;
    const numbers = this.numberStores;
    const numberSlots = this.numberSlots;
    for (let k = 0; k < numbers.length; k++) {
      const v = values[numberSlots[k]];
      numbers[k].values[i] = v === undefined ? NaN : (v as number);
    }
    const texts = this.textStores;
    const textSlots = this.textSlots;
    for (let k = 0; k < texts.length; k++) {
      const v = values[textSlots[k]];
      texts[k].codes[i] = v === undefined ? -1 : texts[k].code(v as string);
    }
    this.length = i + 1;
  }

  /**
   * A record added, its columns left for the caller to write in the arrays below (FastRows, with
   * room made first for a batch of records: the arrays stay the same while it lasts).
   */
  pushRow(fileRow: number): number {
    this.makeRoom();
    const i = this.length++;
    this.rows[i] = fileRow;
    return i;
  }

  /** Column c's values, numbers (NaN = blank); valid until the table grows. */
  numberArray(c: number): Numbers {
    this.settle();
    return (this.stores[c] as NumberStore).values;
  }

  /** Column c's codes, text (-1 = blank); valid until the table grows. */
  codeArray(c: number): Int32Array {
    this.settle();
    return (this.stores[c] as TextStore).codes;
  }

  /** The code of `s` in text column c, given it if it has none yet. */
  codeOf(c: number, s: string): number {
    this.settle();
    return (this.stores[c] as TextStore).code(s);
  }

  private bindSlots(slots: readonly number[]): void {
    this.slotsSeen = slots;
    this.numberSlots = Int32Array.from(this.numberColumns, (c) => slots[c]);
    this.textSlots = Int32Array.from(this.textColumns, (c) => slots[c]);
  }

  fileRowOf(i: number): number {
    this.settle();
    return this.rows[i];
  }

  at(i: number): R {
    this.settle();
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
  numbers(name: keyof R & string): Numbers {
    const s = this.store(name);
    if (!(s instanceof NumberStore)) throw new Error(`column ${name} is text, not numbers`);
    return s.values.subarray(0, this.length);
  }

  /** A text column as codes into its distinct values, -1 where blank. */
  texts(name: keyof R & string): TextColumn {
    const s = this.store(name);
    if (!(s instanceof TextStore)) throw new Error(`column ${name} is numbers, not text`);
    return { codes: s.codes.subarray(0, this.length), dict: s.dict };
  }

  /**
   * A text column's distinct values, the `dict` of texts(name), without the parts' codes copied
   * in: their values are given codes in the order the copy would give them (the privacy check
   * reads every public text, and the codes only where one holds a private value).
   */
  dictionary(name: keyof R & string): readonly string[] {
    const c = this.columns.indexOf(name);
    const s = this.stores[c];
    if (!(s instanceof TextStore)) throw new Error(`no text column ${name}`);
    for (const part of this.parts) for (const v of (part.columns[c] as { dict: string[] }).dict) s.code(v);
    return s.dict;
  }

  private store(name: string): Store {
    this.settle();
    const c = this.columns.indexOf(name as keyof R & string);
    if (c < 0) throw new Error(`no column ${name}`);
    return this.stores[c];
  }

  /**
   * The columns as plain arrays, to send to another thread or to concat: views of the table's
   * own arrays, not copies (a slice's table is done with once it is sent). Records pushed later
   * do not show in them.
   */
  toPart(): TablePart {
    this.settle();
    return { length: this.length, rows: this.rows.subarray(0, this.length), columns: this.stores.map((s) => s.part(this.length)) };
  }

  /**
   * The records of a part of a table like this one (same columns, same kinds) added at its end:
   * kept as they are until a column is read. The part is the table's from then on: neither it
   * nor the table it came from (toPart() gives views of its arrays) may change after this.
   */
  append(part: TablePart): void {
    if (part.length === 0) return;
    this.parts.push(part);
    this.length += part.length;
  }

  /**
   * The parts appended copied into the columns, in order, room made for exactly them. A text
   * column's codes are turned into this table's own: every value of a part's dictionary, in its
   * order, gets one.
   */
  private settle(): void {
    if (this.parts.length === 0) return;
    const parts = this.parts;
    this.parts = [];
    const needed = this.length;
    this.length -= parts.reduce((n, p) => n + p.length, 0);
    if (needed > this.rows.length) {
      this.rows = grown(this.rows, needed);
      for (const s of this.stores) s.reserve(needed);
    }
    for (const part of parts) this.copyIn(part);
  }

  private copyIn(part: TablePart): void {
    const count = part.length;
    const at = this.length;
    this.rows.set(part.rows.subarray(0, count), at);
    this.stores.forEach((store, c) => {
      const col = part.columns[c];
      if (store instanceof NumberStore) store.values.set((col as { values: Numbers }).values.subarray(0, count), at);
      else {
        const { codes, dict } = col as { codes: Int32Array; dict: string[] };
        const text = store as TextStore;
        // The part's code + 1 to this table's (blank, -1, to -1): one load per record, no branch.
        const remap = new Int32Array(dict.length + 1);
        remap[0] = -1;
        for (let k = 0; k < dict.length; k++) remap[k + 1] = text.code(dict[k]);
        const out = text.codes;
        for (let i = 0; i < count; i++) out[at + i] = remap[codes[i] + 1];
      }
    });
    this.length = at + count;
  }

  /** Keeps the records `keep` accepts (by their file row), in their order; the columns' dictionaries stay as they are. */
  retain(keep: (fileRow: number) => boolean): void {
    this.settle();
    let k = 0;
    for (let i = 0; i < this.length; i++) {
      if (!keep(this.rows[i])) continue;
      if (k !== i) {
        this.rows[k] = this.rows[i];
        for (const s of this.stores) s.move(i, k);
      }
      k++;
    }
    this.length = k;
  }
}

/** The key of RegionData that holds an input file's table (`skm.csv` → `skm`). */
export const tableKey = (file: string) => file.replace(/\.csv$/, '') as Exclude<keyof RegionData, 'code' | 'wilayah' | 'files'>;
