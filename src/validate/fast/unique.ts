/**
 * Uniqueness over a whole file whose slices were read apart. Each worker hashes the keys of its
 * rows; as each slice is put back in order, its keys go through open-addressing tables of
 * integers, and two keys are compared as text only when their hashes are equal. Exact (a hash
 * match is confirmed on the text), and a million keys cost a few integer arrays, not a Map.
 *
 * A million keys' table does not fit in the CPU's caches, and a look at a random place in it
 * nearly always misses them. So the keys are kept in groups by the top bits of their hash, each
 * group in a table of its own, small enough to stay in the caches; a slice's keys are sorted into
 * the groups first (a counting sort, in key order within each group), and go in a group at a time.
 * The work is done as the slices come in, while the other threads still read theirs: little is
 * left for the end of the file.
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
  private readonly groups: number;
  private readonly shift: number;
  /** Each group's table: (key number + 1, hash) pairs, 0 where free; and the keys it holds. */
  private tables: Int32Array[];
  private held: Int32Array;
  /** (key number, key number of its first use) of every key used before, in key order within a slice's group. */
  private found: number[] = [];
  /** A slice's (key number, hash) pairs by group, and where each group's start: kept for the next slice. */
  private order = new Int32Array(0);
  private starts: Int32Array;

  /** `expected`: about how many keys the file has (only how they are spread over tables depends on it). */
  constructor(expected = 0) {
    let groups = 1;
    while (groups * GROUP_KEYS < expected && groups < 1 << 16) groups *= 2;
    this.groups = groups;
    this.shift = 32 - Math.log2(groups);
    const size = tableSize(Math.ceil(expected / groups));
    this.tables = Array.from({ length: groups }, () => new Int32Array(2 * size));
    this.held = new Int32Array(groups);
    this.starts = new Int32Array(groups + 1);
  }

  add(slice: KeySlice): void {
    this.slices.push(slice);
    this.firsts.push(this.count);
    const first = this.count;
    const { hashes } = slice;
    const n = hashes.length;
    this.count += n;
    if (this.order.length < 2 * n) this.order = new Int32Array(2 * n);
    const { groups, starts } = this;
    byGroup(hashes, first, groups, this.shift, starts, this.order);
    for (let g = 0; g < groups; g++) if (starts[g + 1] > starts[g]) this.addGroup(g, starts[g], starts[g + 1]);
  }

  /** The keys order[from, to) (pairs) into group g's table, or into `found` when their key is there already. */
  private addGroup(g: number, from: number, to: number): void {
    if (2 * (this.held[g] + to - from) > this.tables[g].length / 2) this.grow(g, this.held[g] + to - from);
    const pairs = this.tables[g];
    const mask = pairs.length / 2 - 1;
    const order = this.order;
    let held = this.held[g];
    for (let o = from; o < to; o++) {
      const i = order[2 * o];
      const h = order[2 * o + 1];
      let key: string | undefined;
      for (let pos = h & mask; ; pos = (pos + 1) & mask) {
        const e = pairs[2 * pos] - 1;
        if (e < 0) {
          pairs[2 * pos] = i + 1;
          pairs[2 * pos + 1] = h;
          held++;
          break;
        }
        if (pairs[2 * pos + 1] === h && (key ??= this.keyOf(i)) === this.keyOf(e)) {
          this.found.push(i, e);
          break;
        }
      }
    }
    this.held[g] = held;
  }

  /** Group g's table made large enough for `keys` keys, its keys put in again. */
  private grow(g: number, keys: number): void {
    const old = this.tables[g];
    const pairs = new Int32Array(2 * tableSize(keys));
    const mask = pairs.length / 2 - 1;
    for (let p = 0; p < old.length; p += 2) {
      if (old[p] === 0) continue;
      let pos = old[p + 1] & mask;
      while (pairs[2 * pos] !== 0) pos = (pos + 1) & mask;
      pairs[2 * pos] = old[p];
      pairs[2 * pos + 1] = old[p + 1];
    }
    this.tables[g] = pairs;
  }

  /** Calls `duplicate(key, row, firstRow)` for each key used before it, in key order, naming the row that used it first. */
  duplicates(duplicate: (key: string, row: number, firstRow: number) => void): void {
    const found = this.found;
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

/**
 * The keys numbered from `first` with these hashes, by group (a counting sort on the hash's top
 * bits), each group's in key order: (key number, hash) pairs in `order`, group g's from pair
 * `starts[g]` to `starts[g + 1]`. Apart from SeenKeys.add, so that V8 optimises its loops once.
 */
function byGroup(hashes: Int32Array, first: number, groups: number, shift: number, starts: Int32Array, order: Int32Array): void {
  const n = hashes.length;
  starts.fill(0);
  if (groups === 1) starts[1] = n;
  else for (let j = 0; j < n; j++) starts[(hashes[j] >>> shift) + 1]++;
  for (let g = 0; g < groups; g++) starts[g + 1] += starts[g];
  const next = starts.slice(0, groups);
  for (let j = 0; j < n; j++) {
    const h = hashes[j];
    const o = 2 * next[groups === 1 ? 0 : h >>> shift]++;
    order[o] = first + j;
    order[o + 1] = h;
  }
}

/** Slots for `keys` keys: a power of two, at most half of them taken. */
function tableSize(keys: number): number {
  let size = 16;
  while (size < keys * 2) size *= 2;
  return size;
}
