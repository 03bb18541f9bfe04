/**
 * Where the privacy gate cuts a long text into pieces (issue #13 item 4): where its own bytes
 * say, not every so many bytes. A rolling hash of the last 32 bytes picks the cuts (a "gear"
 * hash, as content-defined chunking does in rsync-like tools), so the same run of bytes is cut
 * the same wherever it stands: when one region's rows change in a national table, the pieces of
 * every other region's rows are the pieces of the build before, and the gate's memory knows them
 * (privacy-gate.ts, PieceFinder). Cuts fall after an ASCII byte, so not inside a character (but in a
 * text with no ASCII byte for 4 bytes past the most, which PieceFinder's overlap reads across).
 */

export interface PieceSizes {
  /** No cut closer than this to the one before. */
  min: number;
  /** Cuts about every 2^bits bytes past `min`. */
  bits: number;
  /** A cut is forced at the first ASCII byte past this (and, in no text at all, 4 bytes later). */
  max: number;
}

/** About 1.5 MiB a piece: a national sheet of 800 MB is some 500 pieces, one region's rows a few. */
export const PIECE_SIZES: Omit<PieceSizes, 'max'> = { min: 512 * 1024, bits: 20 };

/** 256 fixed pseudo-random words (mulberry32 from a fixed seed): the cuts of the same bytes never move. */
const GEAR = (() => {
  const table = new Int32Array(256);
  let seed = 0x6b742d67; // "kt-g"
  for (let i = 0; i < 256; i++) {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    table[i] = t ^ (t >>> 14);
  }
  return table;
})();

/** The hash looks back this many bytes: each byte's word is shifted out of 32 bits after 32 more. */
const WINDOW = 32;

/**
 * Finds the cuts of a text pushed a chunk at a time; the cuts depend only on the bytes, however
 * they are chunked. Each cut is the offset (in the whole text) of the first byte after it.
 */
export class PieceCutter {
  readonly #mask: number;
  #hash = 0;
  /** The last cut. */
  #last = 0;
  /** Bytes pushed so far. */
  #seen = 0;

  constructor(readonly sizes: PieceSizes) {
    if (!(sizes.min >= WINDOW && sizes.max >= sizes.min && sizes.bits >= 1 && sizes.bits <= 30))
      throw new Error(`ukuran potongan / piece sizes: ${JSON.stringify(sizes)}`);
    // The high bits: a gear hash's low bit depends on the last byte alone.
    this.#mask = (((1 << sizes.bits) - 1) << (32 - sizes.bits)) | 0;
  }

  /** The cuts in this chunk, in order. */
  push(chunk: Uint8Array): number[] {
    const cuts: number[] = [];
    const { min, max } = this.sizes;
    const mask = this.#mask;
    const base = this.#seen;
    const n = chunk.length;
    let h = this.#hash;
    let last = this.#last;
    // Up to `min - WINDOW` bytes after a cut nothing is hashed (the hash, reset at the cut, is still
    // zero there): the hash at `min` depends only on the WINDOW bytes before it, so starting from
    // zero there gives the same hash as hashing all.
    let i = Math.max(0, last + min - WINDOW - base);
    // Loops split by what a byte may do (hash only; cut where the hash says; cut at any ASCII
    // byte past `max`): the hot loop tests no length. Indexes in `chunk` where the piece is `min` and `max` long:
    while (i < n) {
      const atMin = last + min - 1 - base;
      const atMax = last + max - 1 - base;
      for (const to = Math.min(n, atMin); i < to; i++) h = ((h << 1) + GEAR[chunk[i]]) | 0;
      let cut = -1;
      for (const to = Math.min(n, atMax); i < to; i++) {
        const b = chunk[i];
        h = ((h << 1) + GEAR[b]) | 0;
        if ((h & mask) === 0 && b < 0x80) {
          cut = i;
          break;
        }
      }
      for (; cut < 0 && i < n; i++) {
        const b = chunk[i];
        h = ((h << 1) + GEAR[b]) | 0;
        if (b < 0x80 || i >= atMax + 4) cut = i;
      }
      if (cut < 0) break;
      last = base + cut + 1;
      cuts.push(last);
      h = 0;
      i = cut + 1 + min - WINDOW;
    }
    this.#hash = h;
    this.#last = last;
    this.#seen = base + chunk.length;
    return cuts;
  }
}

/**
 * The cutter of the gate's long texts (PieceFinder): pieces of at most `pieceBytes`. A small
 * piece size (the tests') cuts smaller pieces; at the gate's (tens of MiB, whatever the number
 * of threads) the cuts are PIECE_SIZES', so a memory made with other threads knows the same pieces.
 */
export function pieceCutter(pieceBytes: number, sizes: Omit<PieceSizes, 'max'> = PIECE_SIZES): PieceCutter {
  const min = Math.min(sizes.min, Math.floor(pieceBytes / 4));
  const bits = Math.min(sizes.bits, Math.max(1, Math.floor(Math.log2(pieceBytes / 4))));
  return new PieceCutter({ min, bits, max: pieceBytes - 4 });
}
