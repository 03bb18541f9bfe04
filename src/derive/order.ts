/**
 * A canonical row order for published microdata. Rows sorted by every published column leave
 * nothing of the order the officer's file had (for the survey: who answered after whom, in
 * which week), and two exports with the same responses publish the same file.
 */

/**
 * Each code's place among the values sorted, blank (null) first, text by UTF-16 code units (as
 * in SQL's ORDER BY); codes of equal values (two dates of one month, read as months) share it.
 * Also the value at each place, to read a row back from its places.
 */
export function ranksOf(dict: readonly (string | null)[]): { rank: Int32Array; values: (string | null)[] } {
  const order = dict.map((_, i) => i).sort((a, b) => compareText(dict[a], dict[b]));
  const rank = new Int32Array(dict.length);
  const values: (string | null)[] = [];
  order.forEach((code, i) => {
    if (i === 0 || compareText(dict[order[i - 1]], dict[code]) !== 0) values.push(dict[code]);
    rank[code] = values.length - 1;
  });
  return { rank, values };
}

const compareText = (a: string | null, b: string | null) => (a === b ? 0 : a === null ? -1 : b === null ? 1 : a < b ? -1 : 1);

/** One column as sort key: a whole number 0 ≤ v < size per row. */
export interface SortKey {
  values: ArrayLike<number>;
  size: number;
}

/** Bits a double holds exactly, below 2^53 with room to spare. */
const WORD_BITS = 52;

/**
 * The rows' keys, sorted: each row's keys packed, most significant first, into as few doubles
 * as hold them (two for the survey's sixteen columns). Sorting compares a number or two per row
 * instead of sixteen, and the sorted rows are read back from the packed words in order, not by
 * jumping through sixteen columns a million times (the memory, not the sort, is the cost).
 */
export class SortedRows {
  readonly length: number;
  private words: Float64Array[] = [];
  /** For each key: which word holds it, and its place value there. */
  private layout: { word: number; scale: number }[] = [];
  /** A row's words while keysAt takes them apart. */
  private rest = new Float64Array(0);

  constructor(n: number, keys: readonly SortKey[]) {
    this.length = n;
    let used = WORD_BITS;
    for (const { values, size } of keys) {
      const bits = Math.max(1, Math.ceil(Math.log2(size)));
      if (used + bits > WORD_BITS) {
        this.words.push(new Float64Array(n));
        used = 0;
      }
      const word = this.words[this.words.length - 1];
      const scale = 2 ** bits;
      for (let i = 0; i < n; i++) word[i] = word[i] * scale + values[i];
      used += bits;
      this.layout.push({ word: this.words.length - 1, scale });
    }
    this.sort();
  }

  private sort(): void {
    const { words, length: n } = this;
    const order = new Int32Array(n);
    for (let i = 0; i < n; i++) order[i] = i;
    // Ties on every key are rows alike in every published column: their order is not seen.
    order.sort((a, b) => {
      for (let w = 0; w < words.length; w++) {
        const d = words[w][a] - words[w][b];
        if (d !== 0) return d;
      }
      return 0;
    });
    this.words = words.map((word) => mapped(n, (i) => word[order[i]]));
    this.rest = new Float64Array(words.length);
  }

  /** The keys of the i-th row in sorted order, into `out` (one per key, in the keys' order). */
  keysAt(i: number, out: Int32Array): void {
    const { words, layout, rest } = this;
    for (let w = 0; w < words.length; w++) rest[w] = words[w][i];
    for (let k = layout.length - 1; k >= 0; k--) {
      const { word, scale } = layout[k];
      const v = rest[word] % scale;
      out[k] = v;
      rest[word] = (rest[word] - v) / scale;
    }
  }
}

/**
 * n numbers made by f, in a Float64Array. A loop, not Float64Array.from(source, f): V8 runs
 * typed-array from() with a mapping function through the slow iterator path (seconds a million).
 */
export function mapped(n: number, f: (i: number) => number): Float64Array {
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) out[i] = f(i);
  return out;
}
