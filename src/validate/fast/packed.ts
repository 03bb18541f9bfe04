/**
 * Many short strings kept as one: their concatenation and where each ends. A worker's half a
 * million respondent ids cost one string to keep and to send to the main thread, instead of half
 * a million objects for the garbage collector to trace and the message to copy one by one.
 */
import type { CodeUnits } from '../../read/split.ts';
import { grown } from '../table.ts';

export interface PackedStrings {
  text: string;
  /** End of string i in `text`; it starts where string i − 1 ends. */
  ends: Int32Array;
}

export const packedLength = (p: PackedStrings) => p.ends.length;

export function packedAt(p: PackedStrings, i: number): string {
  return p.text.slice(i === 0 ? 0 : p.ends[i - 1], p.ends[i]);
}

export function unpack(p: PackedStrings): string[] {
  const out = new Array<string>(p.ends.length);
  let start = 0;
  for (let i = 0; i < p.ends.length; i++) {
    out[i] = p.text.slice(start, p.ends[i]);
    start = p.ends[i];
  }
  return out;
}

export function pack(values: readonly string[]): PackedStrings {
  const b = new PackBuilder();
  for (const v of values) b.push(v);
  return b.finish();
}

/**
 * Collects strings as their UTF-16 code units, in chunks that are turned into text as they fill
 * (nothing is regrown and copied). A string can be put together from parts (a key's columns,
 * joined by NUL): `appendUnits` copies a cell straight from the code units of a slice
 * (validate/fast-rows.ts), so no string is made for it.
 */
export class PackBuilder {
  private units = new Uint16Array(CHUNK_UNITS);
  /** Code units used in the chunk, and where the string being put together starts in it. */
  private used = 0;
  private open = 0;
  /** The chunks filled, as text, and their code units in all. */
  private texts: string[] = [];
  private before = 0;
  private ends = new Int32Array(1024);
  private n = 0;

  get length(): number {
    return this.n;
  }

  push(s: string): void {
    this.appendString(s);
    this.close();
  }

  appendString(s: string): void {
    const at = this.room(s.length);
    const units = this.units;
    for (let i = 0; i < s.length; i++) units[at + i] = s.charCodeAt(i);
  }

  appendUnits(src: CodeUnits, start: number, end: number): void {
    const at = this.room(end - start);
    // A loop: cells are short, and subarray() of a Buffer costs more than copying them.
    const units = this.units;
    for (let i = start; i < end; i++) units[at - start + i] = src[i];
  }

  /** Ends the string being put together. */
  close(): void {
    if (this.n === this.ends.length) this.ends = grown(this.ends, this.n * 2);
    this.ends[this.n++] = this.before + this.used;
    this.open = this.used;
  }

  /** hashKey of the string closed last, read from its code units. */
  lastHash(): number {
    const end = this.ends[this.n - 1] - this.before;
    const start = this.n === 1 ? 0 : this.ends[this.n - 2] - this.before;
    return hashUnits(this.units, start, end);
  }

  /** Room for `more` code units: where they go. A full chunk becomes text; the string being put together moves on to the next. */
  private room(more: number): number {
    if (this.used + more > this.units.length) {
      // Decoding copies the units out: the same array takes the next chunk, unless it is too small.
      this.texts.push(decodeUnits(this.units, this.open));
      this.before += this.open;
      const carried = this.used - this.open;
      if (carried + more > this.units.length) {
        const next = new Uint16Array(carried + more);
        next.set(this.units.subarray(this.open, this.used));
        this.units = next;
      } else this.units.copyWithin(0, this.open, this.used);
      this.used = carried;
      this.open = 0;
    }
    const at = this.used;
    this.used = at + more;
    return at;
  }

  finish(): PackedStrings {
    this.texts.push(decodeUnits(this.units, this.used));
    const text = this.texts.join('');
    this.texts = [];
    return { text, ends: this.ends.slice(0, this.n) };
  }
}

const CHUNK_UNITS = 1 << 16;

// Valid UTF-8 decodes to whole surrogate pairs only, which utf16le gives back as they were.
const decodeUnits = (units: Uint16Array, count: number) => Buffer.from(units.buffer, units.byteOffset, count * 2).toString('utf16le');

/** FNV-1a, one UTF-16 code unit at a time, from FNV_START; then mixHash. */
export const FNV_START = 0x811c9dc5;
export const fnvStep = (h: number, unit: number) => Math.imul(h ^ unit, 0x01000193);

/** MurmurHash3's finaliser: the hash tables use the low bits, which FNV alone leaves poorly mixed. */
export function mixHash(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  return (h ^ (h >>> 16)) | 0;
}

/** hashKey (unique.ts) of the string made of these code units. */
export function hashUnits(units: Uint16Array, start: number, end: number): number {
  let h = FNV_START;
  for (let i = start; i < end; i++) h = fnvStep(h, units[i]);
  return mixHash(h);
}
