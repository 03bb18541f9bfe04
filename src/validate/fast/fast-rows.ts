/**
 * The rows of a slice (slice-worker.ts) read where they lie, a batch at a time and a column at a
 * time (issue #5 speed): a row's cells are positions in the slice's code units, not strings; each
 * column is read by one loop over the batch for its kind of reader (readerPlan), so that loop
 * stays small and fast whatever the file's header; repeated texts (codes, dates, enumerations)
 * are looked up by their code units; and a valid row is stored, keyed and packed from those
 * positions.
 *
 * Only rows whose every cell reads plainly go this way: the right number of cells, none with a
 * space or other character to trim at either end, a doubled quote "" only in a text column,
 * every value one the column's reader accepts. Any other row is split by splitRow and checked
 * by FileRules.row, in its place among the others, so every report and every stored value is
 * the one the general way gives. test/unit/fast-rows.test.ts reads damaged files both ways and
 * requires the same result.
 */
import { isBlank } from '../../read/csv.ts';
import { splitRow, type CodeUnits, type SliceText } from '../../read/split.ts';
import { Answers, plainEnds } from './answers.ts';
import type { ReaderPlan } from '../columns.ts';
import { decimalAt, digitsAt, isNipAt } from './units.ts';
import type { IntList } from './int-list.ts';
import type { PackBuilder } from './packed.ts';
import { isProblem, type Column, type FileRules } from '../rows.ts';
import type { Numbers, Table } from '../table.ts';

const QUOTE = 34;
const CR = 13;
const LF = 10;
/** Rows per batch: their cell positions and values fit in the CPU's caches. */
const BATCH = 1024;

/** Whether units[a, a + length) and units[b, b + length) are the same. */
function sameUnits(units: CodeUnits, a: number, b: number, length: number): boolean {
  for (let i = 0; i < length; i++) if (units[a + i] !== units[b + i]) return false;
  return true;
}

const ESCAPED_QUOTE = /""/g;

/** Where a slice keeps what its rows give, whichever way they are read. */
export interface SliceStores {
  table: Table<Record<string, unknown>>;
  privateValues: PackBuilder;
  keyRows: IntList;
  keys: PackBuilder[];
  keyHashes: IntList[];
  codes: Set<string>;
}

/** How a column is read here (readerPlan, 'general' aside: FastRows.for). */
const enum Way {
  Number,
  /** The text is the value (plain text, or an NIP of 18 digits). */
  Text,
  /** An answer per distinct text, kept (Answers). */
  Memo,
}

/** A column of the file as read here, with its values for the rows of the batch. */
class FastColumn {
  readonly way: Way;
  /** Number: the batch's values (NaN = blank). */
  readonly numbers: Float64Array;
  /** Memo: the batch's answer numbers (-1 = blank). */
  readonly picks: Int32Array;
  /** Memo: the column's distinct texts and answers. */
  readonly answers: Answers | null;

  constructor(readonly col: Column) {
    const plan = col.plan;
    this.way = plan.kind === 'number' ? Way.Number : plan.kind === 'memo' ? Way.Memo : Way.Text;
    this.answers = this.way === Way.Memo ? new Answers() : null;
    this.numbers = new Float64Array(this.way === Way.Number ? BATCH : 0);
    this.picks = new Int32Array(this.way === Way.Memo ? BATCH : 0);
  }
}

export class FastRows {
  private readonly width: number;
  private readonly cols: FastColumn[];
  /** The column at each position among the input's fields, or null when the file has none there. */
  private readonly bySlot: (FastColumn | null)[];
  private readonly privateCols: FastColumn[];
  private readonly refCols: FastColumn[];
  private readonly kodeUnit: FastColumn | null;
  /** The table's number columns, the values that fill them (null: none, blank), and their arrays. */
  private readonly numberTable: readonly number[];
  private readonly numberFrom: (Float64Array | null)[];
  private numberOut: Numbers[] = [];
  /** The table's text columns, the file's columns that fill them, and their code arrays. */
  private readonly textTable: readonly number[];
  private readonly textFrom: (FastColumn | null)[];
  private codeOut: Int32Array[] = [];
  private readonly keyCols: (FastColumn | null)[][];
  private readonly starts: Int32Array;
  private readonly ends: Int32Array;
  /**
   * Per row of the batch: 0 read here; read the general way, 1 when split already (its cells in
   * `slowCells`), 2 when a cell's value sent it there (to be split from `rowStarts`).
   */
  private readonly slow = new Uint8Array(BATCH);
  private readonly slowCells: string[][] = [];
  private readonly rowStarts = new Int32Array(BATCH);
  /** Per cell of the batch: 1 when quoted with a doubled quote "" inside (its text is unescaped when used). */
  private readonly escaped: Uint8Array;
  /** Whether any cell of the batch is escaped (most batches have none). */
  private anyEscaped = false;
  /** The batch's valid rows read here, and where each went in the table, not yet stored (flush). */
  private readonly accepted = new Int32Array(BATCH);
  private readonly acceptedAt = new Int32Array(BATCH);
  private acceptedCount = 0;
  /** The record the input's check reads (lazyRecord), and the row and slice its getters read from. */
  private readonly checkRecord: Record<string, unknown>;
  private current = 0;
  private src: SliceText | null = null;
  private readonly delim: number;
  /** Rows read here, not the general way. */
  count = 0;

  /**
   * Null when the file is read the general way throughout: a required column is missing (no row
   * is used); no known column is required (a blank line such as ",,," is told apart here only
   * because a required cell of it is blank, which sends it the general way, to isBlank); one
   * column only (a blank line would be a row of one blank cell); or a column's reader has no
   * shortcut (readerPlan 'general': every cell would go the whole way anyway).
   */
  static for(rules: FileRules, stores: SliceStores): FastRows | null {
    const { columns } = rules;
    if (rules.unusable || rules.width < 2 || !columns.some((c) => c.required) || columns.some((c) => c.plan.kind === 'general'))
      return null;
    return new FastRows(rules, stores);
  }

  private constructor(
    private readonly rules: FileRules,
    private readonly stores: SliceStores,
  ) {
    this.width = rules.width;
    this.cols = rules.columns.map((c) => new FastColumn(c));
    this.bySlot = rules.names.map((_, slot) => this.cols.find((f) => f.col.slot === slot) ?? null);
    // Private columns, and an NIP column whatever it is marked (FileRules.row keeps every NIP read).
    this.privateCols = this.cols.filter((f) => f.col.private || f.col.nip);
    this.refCols = this.cols.filter((f) => f.col.field.references === 'unit');
    this.kodeUnit = rules.kodeUnit >= 0 ? this.bySlot[rules.kodeUnit] : null;
    const { numberColumns, textColumns } = stores.table;
    this.numberTable = numberColumns;
    this.numberFrom = numberColumns.map((c) => this.bySlot[rules.slots[c]]?.numbers ?? null);
    this.textTable = textColumns;
    this.textFrom = textColumns.map((c) => this.bySlot[rules.slots[c]]);
    this.keyCols = rules.keySlots.map((slots) => slots.map((slot) => this.bySlot[slot]));
    this.starts = new Int32Array(BATCH * this.width);
    this.ends = new Int32Array(BATCH * this.width);
    this.escaped = new Uint8Array(BATCH * this.width);
    this.checkRecord = this.lazyRecord();
    this.delim = rules.dialect.delimiter.charCodeAt(0);
  }

  /**
   * Reads every row of the slice, as splitRows with FileRules.row would (rows numbered from 1):
   * the lines and the data rows read.
   */
  read(src: SliceText, newline: '\n' | '\r\n'): { lines: number; dataRows: number } {
    let lines = 0;
    let dataRows = 0;
    const units = src.units;
    if (units.length === 0) return { lines, dataRows };
    for (let pos = 0; pos >= 0;) {
      const n = this.split(src, units, pos, newline);
      pos = n.next;
      for (const f of this.cols) this.readColumn(f, n.rows, src, units);
      this.stores.table.makeRoom(n.rows);
      this.bindTable();
      for (let r = 0; r < n.rows; r++) {
        lines++;
        if (this.slow[r]) {
          let cells = this.slowCells[r];
          if (this.slow[r] === 2) splitRow(src.whole(), units, this.rowStarts[r], this.delim, newline, (cells = []));
          if (isBlank(cells)) continue;
          dataRows++;
          // The rows before it stored first: the table, and its text columns' codes, in row order.
          this.flush(src);
          this.rules.row(cells, lines);
        } else {
          dataRows++;
          this.count++;
          this.commit(r, lines, src, units);
        }
      }
      this.flush(src);
    }
    return { lines, dataRows };
  }

  /** Up to BATCH rows from `pos`: the cells of plain rows as positions, the others split. */
  private split(src: SliceText, units: CodeUnits, pos: number, newline: '\n' | '\r\n'): { rows: number; next: number } {
    const { width, starts, ends, delim } = this;
    const crlf = newline === '\r\n';
    const len = units.length;
    const eol = crlf ? CR : LF;
    const nl = crlf ? 2 : 1;
    if (this.anyEscaped) {
      this.escaped.fill(0);
      this.anyEscaped = false;
    }
    let r = 0;
    for (; r < BATCH && pos >= 0; r++) {
      const base = r * width;
      this.rowStarts[r] = pos;
      let plain = true;
      let next = -1;
      let p = pos;
      for (let c = 0; ; c++) {
        let e = p;
        let ch = -1;
        if (units[p] === QUOTE) {
          // A quoted cell is what lies between its quotes; a doubled quote "" inside is marked, to be undone where its text is used.
          let q = p + 1;
          let doubled = 0;
          for (;;) {
            while (q < len && units[q] !== QUOTE) q++;
            if (q >= len || units[q + 1] !== QUOTE) break;
            doubled = 1;
            q += 2;
          }
          if (q >= len) {
            plain = false;
            break;
          }
          if (doubled) {
            this.escaped[base + c] = 1;
            this.anyEscaped = true;
          }
          starts[base + c] = p + 1;
          ends[base + c] = q;
          e = q + 1;
          if (e < len) ch = units[e];
          if (e < len && ch !== delim && ch !== eol) {
            plain = false;
            break;
          }
        } else {
          for (; e < len; e++) {
            ch = units[e];
            if (ch === delim || ch === eol) break;
          }
          starts[base + c] = p;
          ends[base + c] = e;
        }
        if (e >= len) {
          plain = c === width - 1;
          break;
        }
        if (ch === delim) {
          if (c === width - 1) {
            plain = false;
            break;
          }
          p = e + 1;
          continue;
        }
        if (c !== width - 1 || (crlf && units[e + 1] !== LF)) plain = false;
        else next = e + nl;
        break;
      }
      if (plain) this.slow[r] = 0;
      else {
        this.slow[r] = 1;
        const cells: string[] = [];
        // The empty row after a last line end (every slice has one) needs no text to split.
        if (pos === len) cells.push('');
        else next = splitRow(src.whole(), units, pos, delim, newline, cells);
        this.slowCells[r] = cells;
      }
      pos = next;
    }
    return { rows: r, next: pos };
  }

  /**
   * One column's cells on the batch's plain rows: their values, or the row sent the general way.
   * One loop per way of reading, written out in full (their first lines alike): each loop sees one
   * kind of work whatever the file's header, and stays small and fast.
   */
  private readColumn(f: FastColumn, rows: number, src: SliceText, units: CodeUnits): void {
    const { width, starts, ends, slow } = this;
    const { index, required, read } = f.col;
    switch (f.way) {
      case Way.Number: {
        const plan = f.col.plan as Extract<ReaderPlan, { kind: 'number' }>;
        const { decimalMark, simple, min, max, above } = plan;
        const out = f.numbers;
        for (let r = 0; r < rows; r++) {
          if (slow[r]) continue;
          const s = starts[r * width + index];
          const e = ends[r * width + index];
          if (s === e) {
            if (required) slow[r] = 2;
            out[r] = NaN;
            continue;
          }
          const n = decimalMark ? decimalAt(units, s, e, decimalMark) : digitsAt(units, s, e);
          if (simple && n >= min && n <= max && n > above) out[r] = n;
          else if (!plainEnds(units, s, e) || this.escaped[r * width + index]) slow[r] = 2;
          else {
            const v = read(src.cut(s, e));
            if (isProblem(v)) slow[r] = 2;
            else out[r] = v as number;
          }
        }
        return;
      }
      case Way.Text: {
        const nip = f.col.plan.kind === 'nip';
        for (let r = 0; r < rows; r++) {
          if (slow[r]) continue;
          const s = starts[r * width + index];
          const e = ends[r * width + index];
          if (s === e) {
            if (required) slow[r] = 2;
          } else if (nip ? !isNipAt(units, s, e) : !plainEnds(units, s, e)) slow[r] = 2;
        }
        return;
      }
      case Way.Memo: {
        const picks = f.picks;
        const answers = f.answers!;
        // The cell before's text and answer: a sorted export repeats a date or a unit row after row.
        let lastStart = -1;
        let lastLength = -1;
        let last = -1;
        for (let r = 0; r < rows; r++) {
          if (slow[r]) continue;
          const s = starts[r * width + index];
          const e = ends[r * width + index];
          if (s === e) {
            if (required) slow[r] = 2;
            picks[r] = -1;
            continue;
          }
          if (this.escaped[r * width + index]) {
            slow[r] = 2;
            continue;
          }
          let a = last;
          if (e - s !== lastLength || !sameUnits(units, s, lastStart, lastLength)) {
            a = answers.find(units, s, e, src, read);
            lastStart = s;
            lastLength = e - s;
            last = a;
          }
          if (a < 0 || !answers.usable[a]) slow[r] = 2;
          else picks[r] = a;
        }
        return;
      }
    }
  }

  /** Row r's value in column f (undefined where blank), as FileRules.row holds it. */
  private valueOf(f: FastColumn, r: number, src: SliceText): unknown {
    switch (f.way) {
      case Way.Number: {
        const n = f.numbers[r];
        return n !== n ? undefined : n;
      }
      case Way.Text:
        return this.textOf(f, r, src);
      case Way.Memo: {
        const a = f.picks[r];
        return a < 0 ? undefined : f.answers!.answers[a];
      }
    }
  }

  /** Row r's text in column f, unquoted (undefined where blank). */
  private textOf(f: FastColumn, r: number, src: SliceText): string | undefined {
    const cell = r * this.width + f.col.index;
    const s = this.starts[cell];
    const e = this.ends[cell];
    if (s === e) return undefined;
    const t = src.cut(s, e);
    return this.escaped[cell] ? t.replace(ESCAPED_QUOTE, '"') : t;
  }

  /** What FileRules.row does with a row whose every cell is valid, in the same order. */
  private commit(r: number, row: number, src: SliceText, units: CodeUnits): void {
    const { width, starts, ends, stores, rules } = this;
    const base = r * width;
    for (const f of this.privateCols) {
      const cell = base + f.col.index;
      if (starts[cell] === ends[cell]) continue;
      // An NIP read here is 18 digits, as written: its value is the same text (FileRules.row).
      this.appendCell(stores.privateValues, f, r, cell, src, units);
      stores.privateValues.close();
    }
    const unit = this.kodeUnit;
    if (unit) {
      if (unit.way === Way.Memo) {
        const a = unit.picks[r];
        const answers = unit.answers!;
        if (a >= 0 && !answers.coded[a]) {
          answers.coded[a] = 1;
          const v = answers.answers[a];
          if (typeof v === 'string') stores.codes.add(v);
        }
      } else {
        const v = this.valueOf(unit, r, src);
        if (typeof v === 'string') stores.codes.add(v);
      }
    }
    let ok = true;
    if (rules.input.check) {
      this.current = r;
      this.src = src;
      ok = rules.checkedRecord(this.checkRecord, row);
    }
    const keyCols = this.keyCols;
    if (keyCols.length > 0) {
      stores.keyRows.push(row);
      for (let k = 0; k < keyCols.length; k++) {
        const key = stores.keys[k];
        const cols = keyCols[k];
        for (let j = 0; j < cols.length; j++) {
          if (j > 0) key.appendString('\u0000');
          const f = cols[j];
          const cell = f ? base + f.col.index : -1;
          // As FileRules joins them: String() of each value, "undefined" where blank.
          if (f && f.way === Way.Text && starts[cell] !== ends[cell]) this.appendCell(key, f, r, cell, src, units);
          else key.appendString(String(f ? this.valueOf(f, r, src) : undefined));
        }
        key.close();
        stores.keyHashes[k].push(key.lastHash());
      }
    }
    if (rules.unitCodes) {
      for (const f of this.refCols) {
        const v = this.valueOf(f, r, src);
        if (v === undefined) continue;
        let known: boolean;
        if (f.way === Way.Memo) {
          const a = f.picks[r];
          const answers = f.answers!;
          if (answers.known[a] === 0) answers.known[a] = rules.unitCodes.has(v as string) ? 1 : 2;
          known = answers.known[a] === 1;
        } else known = rules.unitCodes.has(v as string);
        if (!known) {
          ok = false;
          rules.unknownUnit(f.col, v, row);
        }
      }
    }
    if (ok) {
      const n = this.acceptedCount++;
      this.accepted[n] = r;
      this.acceptedAt[n] = stores.table.pushRow(row);
    }
  }

  /** A non-blank cell's text added to the string `pack` is putting together: copied from the code units, unless quotes must be undone. */
  private appendCell(pack: PackBuilder, f: FastColumn, r: number, cell: number, src: SliceText, units: CodeUnits): void {
    if (this.escaped[cell]) pack.appendString(this.textOf(f, r, src)!);
    else pack.appendUnits(units, this.starts[cell], this.ends[cell]);
  }

  /**
   * The record the input's check reads: each field a getter of the value in the row being
   * committed, so that a check reads only the fields it needs (the survey's, one answer most
   * often), and no text is cut out of the slice for it unless it asks.
   */
  private lazyRecord(): Record<string, unknown> {
    const record: Record<string, unknown> = {};
    this.rules.names.forEach((name, slot) => {
      const f = this.bySlot[slot];
      Object.defineProperty(record, name, { enumerable: true, get: f ? () => this.valueOf(f, this.current, this.src!) : () => undefined });
    });
    return record;
  }

  /**
   * The valid rows read here since the last flush into their places in the table, as
   * Table.pushFrom would put them, a column at a time: a text column gives its values codes in
   * the order of the rows, as pushFrom does.
   */
  private flush(src: SliceText): void {
    const m = this.acceptedCount;
    if (m === 0) return;
    this.acceptedCount = 0;
    const { accepted, acceptedAt } = this;
    const table = this.stores.table;
    // Most often the batch's rows in a run, going to a run of the table's: copied as a block.
    const run = accepted[m - 1] - accepted[0] === m - 1 && acceptedAt[m - 1] - acceptedAt[0] === m - 1;
    for (let k = 0; k < this.numberOut.length; k++) {
      const out = this.numberOut[k];
      const from = this.numberFrom[k];
      if (!from) out.fill(NaN, acceptedAt[0], acceptedAt[m - 1] + 1);
      else if (run) out.set(from.subarray(accepted[0], accepted[0] + m), acceptedAt[0]);
      else for (let j = 0; j < m; j++) out[acceptedAt[j]] = from[accepted[j]];
    }
    for (let k = 0; k < this.codeOut.length; k++) {
      const out = this.codeOut[k];
      const f = this.textFrom[k];
      const c = this.textTable[k];
      if (!f) for (let j = 0; j < m; j++) out[acceptedAt[j]] = -1;
      else if (f.way === Way.Memo) {
        const picks = f.picks;
        const answers = f.answers!;
        for (let j = 0; j < m; j++) {
          const a = picks[accepted[j]];
          let code = -1;
          if (a >= 0) {
            code = answers.tableCodes[a];
            if (code === -2) code = answers.tableCodes[a] = table.codeOf(c, answers.answers[a] as string);
          }
          out[acceptedAt[j]] = code;
        }
      } else {
        for (let j = 0; j < m; j++) {
          const v = this.valueOf(f, accepted[j], src);
          out[acceptedAt[j]] = v === undefined ? -1 : table.codeOf(c, v as string);
        }
      }
    }
  }

  /** The table's arrays for this batch (room made for it first: they stay the same while it lasts). */
  private bindTable(): void {
    const table = this.stores.table;
    this.numberOut = this.numberTable.map((c) => table.numberArray(c));
    this.codeOut = this.textTable.map((c) => table.codeArray(c));
  }
}
