/**
 * Many short strings kept as one: their concatenation and where each ends. A worker's half a
 * million respondent ids cost one string to keep and to send to the main thread, instead of half
 * a million objects for the garbage collector to trace and the message to copy one by one.
 */
import { grown } from './table.ts';

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

/** Collects strings in batches that are joined while they are young. */
export class PackBuilder {
  private batch: string[] = [];
  private parts: string[] = [];
  private ends = new Int32Array(1024);
  private n = 0;
  private total = 0;

  get length(): number {
    return this.n;
  }

  push(s: string): void {
    if (this.n === this.ends.length) this.ends = grown(this.ends, this.ends.length * 2);
    this.total += s.length;
    this.ends[this.n++] = this.total;
    this.batch.push(s);
    if (this.batch.length === 4096) {
      this.parts.push(this.batch.join(''));
      this.batch = [];
    }
  }

  finish(): PackedStrings {
    this.parts.push(this.batch.join(''));
    this.batch = [];
    return { text: this.parts.join(''), ends: this.ends.slice(0, this.n) };
  }
}
