/**
 * Uniqueness over a whole file whose slices were read apart. Each worker hashes the keys of its
 * rows; here the hashes of every slice go, in row order, through one open-addressing table of
 * integers, and two keys are compared as text only when their hashes are equal. Exact (a hash
 * match is confirmed on the text), and a million keys cost a few integer arrays, not a Map.
 */
import { packedAt, type PackedStrings } from './packed.ts';

/** FNV-1a over the UTF-16 code units, its bits then mixed (MurmurHash3's finaliser): the table uses the low ones. */
export function hashKey(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  return (h ^ (h >>> 16)) | 0;
}

export interface KeySlice {
  keys: PackedStrings;
  hashes: Int32Array;
  /** File row of each key. */
  rows: ArrayLike<number>;
}

/**
 * Calls `duplicate(key, row, firstRow)` for each key already seen earlier in the file, in the
 * order of the slices and of the keys in them.
 */
export function findDuplicates(slices: readonly KeySlice[], duplicate: (key: string, row: number, firstRow: number) => void): void {
  const total = slices.reduce((n, s) => n + s.hashes.length, 0);
  let size = 16;
  while (size < total * 2) size *= 2;
  const mask = size - 1;
  // slot → (index + 1) of the first key with its text, 0 = empty; per index: its hash, row, slice
  const table = new Int32Array(size);
  const hashes = new Int32Array(total);
  const rows = new Int32Array(total);
  const where = new Int32Array(total);
  const sliceOf = new Int32Array(total);
  const keyOf = (e: number) => packedAt(slices[sliceOf[e]].keys, where[e]);
  let n = 0;
  slices.forEach((s, k) => {
    for (let i = 0; i < s.hashes.length; i++) {
      const h = s.hashes[i];
      let pos = h & mask;
      let key: string | undefined;
      for (;;) {
        const e = table[pos] - 1;
        if (e < 0) {
          table[pos] = n + 1;
          hashes[n] = h;
          rows[n] = s.rows[i];
          where[n] = i;
          sliceOf[n] = k;
          n++;
          break;
        }
        if (hashes[e] === h && (key ??= packedAt(s.keys, i)) === keyOf(e)) {
          duplicate(key, s.rows[i], rows[e]);
          break;
        }
        pos = (pos + 1) & mask;
      }
    }
  });
}
