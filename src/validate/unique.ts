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

/** Tables the keys are spread over, by the top bits of their hash (a power of two). */
const PARTS = 64;
const PART_SHIFT = 32 - Math.log2(PARTS);

/** One of the tables: (key number + 1, hash) pairs, open addressing, at most half of them taken. */
class Part {
  pairs = new Int32Array(32);
  mask = 15;
  count = 0;

  /** Room for `more` keys beyond those in it: the table doubles, and its keys move to their new places. */
  reserve(more: number): void {
    let size = this.mask + 1;
    while (size < (this.count + more) * 2) size *= 2;
    if (size === this.mask + 1) return;
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

export interface KeySlice {
  keys: PackedStrings;
  hashes: Int32Array;
  /** File row of each key. */
  rows: ArrayLike<number>;
}

/**
 * The keys of a file's slices added so far (parallel.ts merges each slice as it arrives). Tables
 * of (key number + 1, hash) pairs, open addressing: a key is numbered by its place among all keys
 * added, and its text is read back from its slice only when the hashes match. A new key costs
 * one look into a table, mostly at an empty pair, and nothing is kept per key beyond the pair.
 * A million keys' pairs do not fit in the CPU's caches, and a look at a random place among them
 * nearly always misses: the keys are spread over PARTS tables by their hash, and a slice's keys
 * go into them a table at a time, each small enough to stay in the caches while it is filled.
 */
export class SeenKeys {
  private parts = Array.from({ length: PARTS }, () => new Part());
  /** Keys added, duplicates included: the number the next key gets. */
  private count = 0;
  private slices: KeySlice[] = [];
  /** The number of the first key of each slice. */
  private firsts: number[] = [];
  /** A slice's key indices grouped by table, in their order within each. */
  private order = new Int32Array(0);

  /** `expected`: the keys that will be added, room made for them at once. */
  constructor(expected = 0) {
    this.reserve(expected);
  }

  /** Calls `duplicate(key, row, firstRow)` for each key of the slice seen before, in order; then its keys count as seen. */
  add(slice: KeySlice, duplicate: (key: string, row: number, firstRow: number) => void): void {
    const hashes = slice.hashes;
    const n = hashes.length;
    const first = this.count;
    this.slices.push(slice);
    this.firsts.push(first);
    this.count = first + n;
    // The keys by table (a counting sort on the hash's top bits), each table's in slice order.
    const starts = new Int32Array(PARTS + 1);
    for (let i = 0; i < n; i++) starts[(hashes[i] >>> PART_SHIFT) + 1]++;
    for (let p = 0; p < PARTS; p++) starts[p + 1] += starts[p];
    if (this.order.length < n) this.order = new Int32Array(n);
    const order = this.order;
    const next = starts.slice(0, PARTS);
    for (let i = 0; i < n; i++) order[next[hashes[i] >>> PART_SHIFT]++] = i;
    // Duplicates found table by table, reported in slice order: (index in the slice, key number seen first).
    const found: number[] = [];
    for (let p = 0; p < PARTS; p++) {
      const part = this.parts[p];
      part.reserve(starts[p + 1] - starts[p]);
      const { pairs, mask } = part;
      for (let o = starts[p]; o < starts[p + 1]; o++) {
        const i = order[o];
        const h = hashes[i];
        let pos = h & mask;
        let key: string | undefined;
        for (;;) {
          const e = pairs[2 * pos] - 1;
          if (e < 0) {
            pairs[2 * pos] = first + i + 1;
            pairs[2 * pos + 1] = h;
            part.count++;
            break;
          }
          if (pairs[2 * pos + 1] === h && (key ??= packedAt(slice.keys, i)) === this.keyOf(e)) {
            found.push(i, e);
            break;
          }
          pos = (pos + 1) & mask;
        }
      }
    }
    if (found.length === 0) return;
    const pairsFound = Array.from({ length: found.length / 2 }, (_, k) => [found[2 * k], found[2 * k + 1]] as const).sort((a, b) => a[0] - b[0]);
    for (const [i, e] of pairsFound) duplicate(packedAt(slice.keys, i), slice.rows[i], this.rowOf(e));
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

  /** Room for `keys` keys in all, spread over the tables as their hashes will be, about evenly. */
  reserve(keys: number): void {
    const each = Math.ceil((keys - this.count) / PARTS);
    if (each > 0) for (const part of this.parts) part.reserve(Math.ceil(each * 1.1));
  }
}
