/**
 * Uniqueness over a whole file whose slices were read apart. Each worker hashes the keys of its
 * rows; here the hashes of every slice go, in row order, through one open-addressing table of
 * integers, and two keys are compared as text only when their hashes are equal. Exact (a hash
 * match is confirmed on the text), and a million keys cost one integer array, not a Map.
 */
import { FNV_START, fnvStep, mixHash, packedAt, type PackedStrings } from './packed.ts';

/** FNV-1a over the UTF-16 code units, its bits then mixed: hashUnits (packed.ts) gives the same from the units. */
export function hashKey(s: string): number {
  let h = FNV_START;
  for (let i = 0; i < s.length; i++) h = fnvStep(h, s.charCodeAt(i));
  return mixHash(h);
}

export interface KeySlice {
  keys: PackedStrings;
  hashes: Int32Array;
  /** File row of each key. */
  rows: ArrayLike<number>;
}

/**
 * The keys of a file's slices added so far (parallel.ts merges each slice as it arrives). A table of (key number + 1, hash)
 * pairs, open addressing: a key is numbered by its place among all keys added, and its text is
 * read back from its slice only when the hashes match. A new key costs one look into the table,
 * mostly at an empty pair, and nothing is kept per key beyond the pair.
 */
export class SeenKeys {
  private pairs = new Int32Array(0);
  private mask = 0;
  /** Keys added, duplicates included: the number the next key gets. */
  private count = 0;
  private slices: KeySlice[] = [];
  /** The number of the first key of each slice. */
  private firsts: number[] = [];

  /** `expected`: the keys that will be added, room made for them at once. */
  constructor(expected = 0) {
    this.reserve(expected);
  }

  /** Calls `duplicate(key, row, firstRow)` for each key of the slice seen before, in order; then its keys count as seen. */
  add(slice: KeySlice, duplicate: (key: string, row: number, firstRow: number) => void): void {
    const n = slice.hashes.length;
    this.reserve(this.count + n);
    const first = this.count;
    this.slices.push(slice);
    this.firsts.push(first);
    const { pairs, mask } = this;
    for (let i = 0; i < n; i++) {
      const h = slice.hashes[i];
      let pos = h & mask;
      let key: string | undefined;
      for (;;) {
        const e = pairs[2 * pos] - 1;
        if (e < 0) {
          pairs[2 * pos] = first + i + 1;
          pairs[2 * pos + 1] = h;
          break;
        }
        if (pairs[2 * pos + 1] === h && (key ??= packedAt(slice.keys, i)) === this.keyOf(e)) {
          duplicate(key, slice.rows[i], this.rowOf(e));
          break;
        }
        pos = (pos + 1) & mask;
      }
    }
    this.count = first + n;
  }

  /** The slice that holds key number `e`, and the key's place in it. */
  private find(e: number): [KeySlice, number] {
    let k = this.firsts.length - 1;
    while (this.firsts[k] > e) k--;
    return [this.slices[k], e - this.firsts[k]];
  }

  private keyOf(e: number): string {
    const [s, i] = this.find(e);
    return packedAt(s.keys, i);
  }

  private rowOf(e: number): number {
    const [s, i] = this.find(e);
    return s.rows[i];
  }

  /** Room for `keys` keys in all, at most half the pairs in use: the table doubles, and its keys move to their new places. */
  reserve(keys: number): void {
    let size = Math.max(16, this.mask + 1);
    while (size < keys * 2) size *= 2;
    if (size === this.mask + 1 && this.pairs.length > 0) return;
    const old = this.pairs;
    this.pairs = new Int32Array(2 * size);
    this.mask = size - 1;
    for (let p = 0; p < old.length; p += 2) {
      if (old[p] === 0) continue;
      let pos = old[p + 1] & this.mask;
      while (this.pairs[2 * pos] !== 0) pos = (pos + 1) & this.mask;
      this.pairs[2 * pos] = old[p];
      this.pairs[2 * pos + 1] = old[p + 1];
    }
  }
}
