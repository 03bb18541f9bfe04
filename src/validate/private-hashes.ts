/**
 * Private values kept as hashes instead of strings (issue #13), in tables on shared memory: the
 * privacy gate's threads read one copy of them (SharedArrayBuffer) instead of each building its
 * own Map of every private value (at 500 regions, 1.6 GB a thread).
 *
 * Equal strings always have equal hashes, so no value is ever missed. Two different strings
 * that share all 64 bits of hash would stop a build for a leak that is not there: the gate
 * fails closed, not open.
 */

/** Two 32-bit hashes of a text, as a sequence of hashing steps read from its last character back. */
const SEED_A = 0x2f1a3b5c;
const SEED_B = 0x811c9dc5 | 0;

/** Murmur3's step for one UTF-16 code. */
function stepA(h: number, c: number): number {
  let k = Math.imul(c, 0xcc9e2d51);
  k = (k << 15) | (k >>> 17);
  h ^= Math.imul(k, 0x1b873593);
  h = (h << 13) | (h >>> 19);
  return (Math.imul(h, 5) + 0xe6546b64) | 0;
}

/** FNV-1a's step for one UTF-16 code: built otherwise than stepA, so the two hashes are independent. */
const stepB = (h: number, c: number): number => Math.imul(h ^ c, 0x01000193);

/** Murmur3's finish, with the length. */
function finalize(h: number, length: number): number {
  h ^= length;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  return h ^ (h >>> 16);
}

/**
 * The hashes of the texts that end where `to` is and start further and further back, one
 * character a step: every candidate length ending at one place of a page costs one pass.
 */
export class BackHash {
  #text = '';
  #to = 0;
  #a = SEED_A;
  #b = SEED_B;
  #length = 0;
  a = 0;
  b = 0;

  /** Where the texts hashed end. */
  get to(): number {
    return this.#to;
  }

  /** Starts over at text[…, to). */
  at(text: string, to: number): this {
    this.#text = text;
    this.#to = to;
    this.#a = SEED_A;
    this.#b = SEED_B;
    this.#length = 0;
    return this;
  }

  /** Sets `a` and `b` to the hashes of text[to − length, to); false when the text starts after that. */
  of(length: number): boolean {
    if (length > this.#to) return false;
    if (length < this.#length) this.at(this.#text, this.#to);
    while (this.#length < length) {
      const c = this.#text.charCodeAt(this.#to - ++this.#length);
      this.#a = stepA(this.#a, c);
      this.#b = stepB(this.#b, c);
    }
    this.a = finalize(this.#a, length);
    this.b = finalize(this.#b, length);
    return true;
  }
}

/** Where a key's rows lie: a bucket of the table, by the key's top bits. */
const bucketOf = (key: number, shift: number) => Math.imul(key, 0x9e3779b1) >>> shift;

/** Rows of four 32-bit numbers, the first a key; shareable (its arrays are on shared memory). */
export interface HashRows {
  /** Rows of bucket i are rows starts[i] to starts[i + 1] − 1. */
  starts: Int32Array;
  /** Four numbers a row: key and three more (a view that may end before its shared buffer does). */
  rows: Int32Array;
  /** 32 minus the bits of a bucket's number. */
  shift: number;
}

/** The rows of `table` whose key is `key`: calls `fn` with each row's index until it returns true. */
export function someRow(table: HashRows, key: number, fn: (row: number) => boolean): boolean {
  const b = bucketOf(key, table.shift);
  const { starts, rows } = table;
  for (let r = starts[b], end = starts[b + 1]; r < end; r++) if (rows[4 * r] === key && fn(4 * r)) return true;
  return false;
}

/**
 * Memory the gate's threads can share: a SharedArrayBuffer where there is one (Node); a browser
 * page that is not cross-origin isolated has none, and the export checker (/periksa/) runs the
 * validator's search there, in one thread.
 */
export const sharedMemory = (bytes: number): ArrayBufferLike =>
  typeof SharedArrayBuffer === 'function' ? new SharedArrayBuffer(bytes) : new ArrayBuffer(bytes);

const shared = (length: number) => new Int32Array(sharedMemory(4 * length));
const EMPTY = new Int32Array(0);

/** Rows collected in chunks (nothing regrown and copied), then sorted into their buckets once: table(). */
export class RowCollector {
  #chunks: Int32Array[] = [];
  #inLast = 0;
  size = 0;
  /** Made into a table: its rows are let go then, so it is made once. */
  #made = false;

  push(key: number, a: number, b: number, c: number): void {
    if (this.#made) throw new Error('RowCollector: push after table()');
    let last = this.#chunks[this.#chunks.length - 1];
    if (!last || this.#inLast === last.length) {
      // From a thousand rows a chunk up to a million: small searches stay small.
      last = new Int32Array(4 * Math.min(2 ** 20, 1024 * 2 ** this.#chunks.length));
      this.#chunks.push(last);
      this.#inLast = 0;
    }
    last[this.#inLast++] = key;
    last[this.#inLast++] = a;
    last[this.#inLast++] = b;
    last[this.#inLast++] = c;
    this.size++;
  }

  /**
   * The rows, bucketed (about one row a bucket), each bucket's sorted (by key, then the next
   * numbers: a pattern's length comes next, so its hashes back from one place only ever extend)
   * and without repeats (a saran given by thousands of respondents is one row); the chunks are let go.
   */
  table(): HashRows {
    if (this.#made) throw new Error('RowCollector: table() twice');
    this.#made = true;
    let bits = 4;
    while (1 << bits < this.size && bits < 30) bits++;
    const shift = 32 - bits;
    const buckets = 1 << bits;
    const starts = shared(buckets + 1);
    const used = (i: number) => (i === this.#chunks.length - 1 ? this.#inLast : this.#chunks[i].length);
    // Counted, then placed, in memory of this thread's (faster to write than shared memory), then copied once.
    const count = new Int32Array(buckets + 1);
    this.#chunks.forEach((chunk, i) => {
      for (let at = 0, end = used(i); at < end; at += 4) count[bucketOf(chunk[at], shift) + 1]++;
    });
    for (let i = 0; i < buckets; i++) count[i + 1] += count[i];
    starts.set(count);
    const rows = shared(4 * this.size);
    // Each chunk let go once placed: the rows are not held twice for longer than they must be.
    const chunks = this.#chunks;
    for (let i = 0; i < chunks.length; i++) {
      const chunk = chunks[i];
      for (let at = 0, end = used(i); at < end; at += 4) {
        const to = 4 * count[bucketOf(chunk[at], shift)]++;
        rows[to] = chunk[at];
        rows[to + 1] = chunk[at + 1];
        rows[to + 2] = chunk[at + 2];
        rows[to + 3] = chunk[at + 3];
      }
      chunks[i] = EMPTY;
    }
    this.#chunks = [];
    this.#inLast = 0;
    const kept = sortBuckets(starts, rows);
    // A few repeats dropped (most values are distinct): the rows stay where they are rather than
    // be copied (the copy would hold them twice while made); the memory past them, at most an
    // eighth, stays unused as long as the table.
    const slack = this.size - kept <= this.size >> 3;
    const own = slack ? rows.subarray(0, 4 * kept) : shared(4 * kept);
    if (!slack) own.set(rows.subarray(0, 4 * kept));
    // The buckets, counted for every row pushed, are merged to about one a row kept (at 500
    // regions most NIPs come four times). A bucket of fewer bits is the buckets of its number's
    // bits followed by any: those next to each other, whose rows are in order already.
    let fewer = 0;
    while (bits - fewer > 4 && 1 << (bits - fewer - 1) >= kept) fewer++;
    if (fewer === 0) return { starts, rows: own, shift };
    const merged = shared((buckets >> fewer) + 1);
    for (let i = 0; i < merged.length; i++) merged[i] = starts[i << fewer];
    return { starts: merged, rows: own, shift: shift + fewer };
  }
}

/** Compares rows i and j (their four numbers in order). */
function compareRows(rows: Int32Array, i: number, j: number): number {
  for (let k = 0; k < 4; k++) {
    const d = rows[4 * i + k] - rows[4 * j + k];
    if (d !== 0) return d;
  }
  return 0;
}

/** Swaps rows i and j of `rows`. */
function swapRows(rows: Int32Array, i: number, j: number): void {
  for (let k = 0; k < 4; k++) {
    const t = rows[4 * i + k];
    rows[4 * i + k] = rows[4 * j + k];
    rows[4 * j + k] = t;
  }
}

/** The first `n` rows of `rows` sorted: in place for a few (most buckets), by an index for many. */
function sortRows(rows: Int32Array, n: number): void {
  if (n <= 32) {
    for (let i = 1; i < n; i++) for (let j = i; j > 0 && compareRows(rows, j - 1, j) > 0; j--) swapRows(rows, j - 1, j);
    return;
  }
  const copy = rows.slice(0, 4 * n);
  const order = Array.from({ length: n }, (_, k) => k).sort((i, j) => compareRows(copy, i, j));
  order.forEach((r, k) => rows.set(copy.subarray(4 * r, 4 * r + 4), 4 * k));
}

/** Sorts each bucket's rows and drops repeats, moving the rows down (starts made to match); returns the rows kept. */
function sortBuckets(starts: Int32Array, rows: Int32Array): number {
  let kept = 0;
  // A bucket is sorted in a copy: the rows kept are written over its own (from `kept`, at or before its start).
  let bucket = new Int32Array(4 * 64);
  for (let b = 0; b + 1 < starts.length; b++) {
    const from = starts[b];
    const n = starts[b + 1] - from;
    starts[b] = kept;
    if (n === 1) {
      // Most buckets: one row, moved down past the repeats dropped before it.
      rows.copyWithin(4 * kept++, 4 * from, 4 * from + 4);
      continue;
    }
    if (n === 0) continue;
    if (4 * n > bucket.length) bucket = new Int32Array(4 * n);
    bucket.set(rows.subarray(4 * from, 4 * from + 4 * n));
    sortRows(bucket, n);
    for (let k = 0; k < n; k++) {
      if (k > 0 && compareRows(bucket, k, k - 1) === 0) continue;
      rows.set(bucket.subarray(4 * k, 4 * k + 4), 4 * kept++);
    }
  }
  starts[starts.length - 1] = kept;
  return kept;
}

/** A set of strings as their hashes and lengths (key: hash A, then length and hash B). */
export class HashedStrings {
  readonly #hash = new BackHash();
  constructor(readonly table: HashRows) {}

  /** Whether text[from, to) is one of the strings. */
  has(text: string, from = 0, to = text.length): boolean {
    const h = this.#hash.at(text, to);
    h.of(to - from);
    const { rows } = this.table;
    return someRow(this.table, h.a, (r) => rows[r + 1] === to - from && rows[r + 2] === h.b);
  }

  get empty(): boolean {
    return this.table.rows.length === 0;
  }

  /** The strings `add` is given, made into a set. */
  static collect(): { add(text: string): void; finish(): HashedStrings } {
    const rows = new RowCollector();
    const h = new BackHash();
    return {
      add(text) {
        h.at(text, text.length).of(text.length);
        rows.push(h.a, text.length, h.b, 0);
      },
      finish: () => new HashedStrings(rows.table()),
    };
  }
}
