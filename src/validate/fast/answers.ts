/**
 * The distinct texts of a column (a code, a date, an enumeration) with its reader's answer to
 * each, found by their code units: FastRows (fast-rows.ts) reads such a column without cutting a
 * string out of the slice for every cell.
 */
import { printableAscii } from '../../read/csv.ts';
import type { CodeUnits, SliceText } from '../../read/split.ts';
import { MEMO_LIMIT } from '../columns.ts';
import { isProblem } from '../rows.ts';
import { FNV_START, fnvStep, mixHash } from './packed.ts';

/** The answer kept for a text with something to trim at an end: such cells go the general way. */
export const UNTRIMMED = Symbol('untrimmed');

/** Nothing to trim: a printable ASCII character at both ends (FileRules' trimmed() keeps the text). */
export const plainEnds = (units: CodeUnits, start: number, end: number) => printableAscii(units[start]) && printableAscii(units[end - 1]);

/** Room grows with the texts (most columns have a handful), up to MEMO_LIMIT. */
export class Answers {
  readonly answers: unknown[] = [];
  /** Per answer: its code in the table's column (-2: not asked yet). */
  tableCodes = new Int32Array(16).fill(-2);
  /** Per answer: 1 when it is a value (not a CellProblem, not UNTRIMMED). */
  usable = new Uint8Array(16);
  /** Per answer: whether it went into the slice's unit codes already. */
  coded = new Uint8Array(16);
  /** Per answer, for a column that names a unit: 0 not asked, 1 in unit.csv, 2 not. */
  known = new Uint8Array(16);
  /** The texts' code units, one after the other, and where each starts (text e ends where e + 1 starts). */
  private pool = new Uint16Array(256);
  private starts = new Int32Array(17);
  /** Open addressing: answer number + 1 per slot (0: free), at most half of them taken. */
  private slots = new Int32Array(32);
  private mask = 31;

  /** The answer for the text units[start, end): its number, or -1 when the list is full and it is not in it. */
  find(units: CodeUnits, start: number, end: number, src: SliceText, read: (raw: string) => unknown): number {
    const len = end - start;
    const { pool, starts } = this;
    for (let pos = this.hashAt(units, start, end) & this.mask; ; pos = (pos + 1) & this.mask) {
      const e = this.slots[pos] - 1;
      if (e < 0) return this.add(pos, units, start, end, src, read);
      const at = starts[e];
      if (starts[e + 1] - at !== len) continue;
      let i = 0;
      while (i < len && pool[at + i] === units[start + i]) i++;
      if (i === len) return e;
    }
  }

  private add(pos: number, units: CodeUnits, start: number, end: number, src: SliceText, read: (raw: string) => unknown): number {
    const e = this.answers.length;
    if (e === MEMO_LIMIT) return -1;
    if (e === this.tableCodes.length) pos = this.grow(units, start, end);
    const at = this.starts[e];
    if (at + end - start > this.pool.length) {
      const pool = new Uint16Array(Math.max(this.pool.length * 2, at + end - start));
      pool.set(this.pool);
      this.pool = pool;
    }
    for (let i = start; i < end; i++) this.pool[at + i - start] = units[i];
    this.starts[e + 1] = at + end - start;
    this.slots[pos] = e + 1;
    const answer = plainEnds(units, start, end) ? read(src.cut(start, end)) : UNTRIMMED;
    this.answers.push(answer);
    this.usable[e] = answer === UNTRIMMED || isProblem(answer) ? 0 : 1;
    return e;
  }

  /** Twice the room; the slot of the text about to be added, in the new slots. */
  private grow(units: CodeUnits, start: number, end: number): number {
    const n = this.tableCodes.length * 2;
    const tableCodes = new Int32Array(n).fill(-2);
    tableCodes.set(this.tableCodes);
    this.tableCodes = tableCodes;
    const usable = new Uint8Array(n);
    usable.set(this.usable);
    this.usable = usable;
    const coded = new Uint8Array(n);
    coded.set(this.coded);
    this.coded = coded;
    const known = new Uint8Array(n);
    known.set(this.known);
    this.known = known;
    const starts = new Int32Array(n + 1);
    starts.set(this.starts);
    this.starts = starts;
    this.slots = new Int32Array(n * 2);
    this.mask = n * 2 - 1;
    for (let e = 0; e < this.answers.length; e++) {
      let pos = this.hashAt(this.pool, this.starts[e], this.starts[e + 1]) & this.mask;
      while (this.slots[pos] !== 0) pos = (pos + 1) & this.mask;
      this.slots[pos] = e + 1;
    }
    let pos = this.hashAt(units, start, end) & this.mask;
    while (this.slots[pos] !== 0) pos = (pos + 1) & this.mask;
    return pos;
  }

  /** FNV over two code units a step (an answer's hash is this table's own business). */
  private hashAt(units: CodeUnits, start: number, end: number): number {
    let h = FNV_START ^ (end - start);
    let i = start;
    for (; i + 1 < end; i += 2) h = fnvStep(h, units[i] | (units[i + 1] << 16));
    if (i < end) h = fnvStep(h, units[i]);
    return mixHash(h);
  }
}
