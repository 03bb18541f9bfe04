/**
 * Uniqueness over a whole file whose slices were read apart. Each worker hashes the keys of its
 * rows; once every slice is in, the keys go through open-addressing tables of integers, and two
 * keys are compared as text only when their hashes are equal. Exact (a hash match is confirmed
 * on the text), and a million keys cost a few integer arrays, not a Map.
 *
 * A million keys' table does not fit in the CPU's caches, and a look at a random place in it
 * nearly always misses them. So the keys are first grouped by the top bits of their hash (a
 * counting sort, in key order within each group), and each group goes through a table of its own,
 * small enough to stay in the caches while it is filled.
 */
import { FNV_START, fnvStep, mixHash, packedAt, type PackedStrings } from './packed.ts';

/** FNV-1a over the UTF-16 code units, its bits then mixed: hashUnits (packed.ts) gives the same from the units. */
export function hashKey(s: string): number {
  let h = FNV_START;
  for (let i = 0; i < s.length; i++) h = fnvStep(h, s.charCodeAt(i));
  return mixHash(h);
}

/** Keys per group, about: a group's table (two per key, 8 bytes each) fits in a core's L2 cache. */
const GROUP_KEYS = 8192;

export interface KeySlice {
  keys: PackedStrings;
  hashes: Int32Array;
  /** File row of each key. */
  rows: ArrayLike<number>;
}

/**
 * The keys of a file's slices, added in file order (parallel.ts adds each slice as it is put back
 * in order); `duplicates` then names every key used before. A key is numbered by its place among
 * all keys added.
 */
export class SeenKeys {
  private slices: KeySlice[] = [];
  /** The number of the first key of each slice. */
  private firsts: number[] = [];
  private count = 0;

  add(slice: KeySlice): void {
    this.slices.push(slice);
    this.firsts.push(this.count);
    this.count += slice.hashes.length;
  }

  /** Calls `duplicate(key, row, firstRow)` for each key used before it, in key order, naming the row that used it first. */
  duplicates(duplicate: (key: string, row: number, firstRow: number) => void): void {
    const n = this.count;
    let groups = 1;
    while (groups * GROUP_KEYS < n && groups < 1 << 16) groups *= 2;
    const shift = 32 - Math.log2(groups);
    // The keys by group (a counting sort on the hash's top bits), each group's in key order.
    const group = (h: number) => (groups === 1 ? 0 : h >>> shift);
    const starts = new Int32Array(groups + 1);
    for (const { hashes } of this.slices) for (let j = 0; j < hashes.length; j++) starts[group(hashes[j]) + 1]++;
    for (let g = 0; g < groups; g++) starts[g + 1] += starts[g];
    // (key number, hash) pairs, so that a group's keys are then read in one run, not gathered.
    const order = new Int32Array(2 * n);
    const next = starts.slice(0, groups);
    this.slices.forEach(({ hashes }, k) => {
      const first = this.firsts[k];
      for (let j = 0; j < hashes.length; j++) {
        const h = hashes[j];
        const o = 2 * next[group(h)]++;
        order[o] = first + j;
        order[o + 1] = h;
      }
    });

    // (key number, key number of its first use) of every key used before, group by group.
    const found: number[] = [];
    let pairs = new Int32Array(0);
    for (let g = 0; g < groups; g++) {
      const size = tableSize(starts[g + 1] - starts[g]);
      if (pairs.length < 2 * size) pairs = new Int32Array(2 * size);
      else pairs.fill(0, 0, 2 * size);
      const mask = size - 1;
      for (let o = starts[g]; o < starts[g + 1]; o++) {
        const i = order[2 * o];
        const h = order[2 * o + 1];
        let key: string | undefined;
        for (let pos = h & mask; ; pos = (pos + 1) & mask) {
          const e = pairs[2 * pos] - 1;
          if (e < 0) {
            pairs[2 * pos] = i + 1;
            pairs[2 * pos + 1] = h;
            break;
          }
          if (pairs[2 * pos + 1] === h && (key ??= this.keyOf(i)) === this.keyOf(e)) {
            found.push(i, e);
            break;
          }
        }
      }
    }
    const byKey = Array.from({ length: found.length / 2 }, (_, k) => [found[2 * k], found[2 * k + 1]] as const).sort((a, b) => a[0] - b[0]);
    for (const [i, e] of byKey) duplicate(this.keyOf(i), this.rowOf(i), this.rowOf(e));
  }

  /** The slice that holds key number `e`, and the key's place in it. */
  private find(e: number): [KeySlice, number] {
    let lo = 0;
    let hi = this.firsts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.firsts[mid] <= e) lo = mid;
      else hi = mid - 1;
    }
    return [this.slices[lo], e - this.firsts[lo]];
  }

  private keyOf(e: number): string {
    const [s, i] = this.find(e);
    return packedAt(s.keys, i);
  }

  private rowOf(e: number): number {
    const [s, i] = this.find(e);
    return s.rows[i];
  }
}

/** Slots for `keys` keys: a power of two, at most half of them taken. */
function tableSize(keys: number): number {
  let size = 16;
  while (size < keys * 2) size *= 2;
  return size;
}
