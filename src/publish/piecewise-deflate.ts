/**
 * A raw deflate stream compressed in pieces at once, as `pigz -i` does: each piece of the input is
 * deflated on its own (not primed with the piece before), on libuv's pool, and ends with a full flush (byte-aligned, and no
 * back-reference into the piece before), so the pieces one after another, then an empty final
 * block, are one valid deflate stream. Zlib's one stream at a time on one thread was half of
 * writing the survey's Excel file at 50 regions (815 MB of sheet XML at level 6): the main thread
 * waited on it. Pieces of 1 MiB cost about 0.2 % more bytes than one stream (the survey's workbook: 67.85 against 67.71 MB). Deterministic:
 * the cuts fall every DEFLATE_PIECE_BYTES of input, however it arrives.
 *
 * Given a board (PartBoard), its input may carry marks, which no XML holds (a NUL byte, a letter,
 * a number, a NUL): a part starts (`partStart`), so a piece is cut there and the part's pieces are
 * given to the board, deflated, when it ends (`partEnd`); or a part kept from an earlier build is
 * put in its place (`partKept`), its deflated bytes as they are. A part's bytes thus depend on
 * its input alone, and the stream is the same whether it was kept or made (xlsx.ts, a region's rows).
 *
 * What it tells of its input (CRC-32 and size) and output (compressed size) is what a zip entry
 * records: the interface of crc32-stream's DeflateCRC32Stream, which archiver's zip uses.
 */
import { Transform, type TransformCallback } from 'node:stream';
import { promisify } from 'node:util';
import { constants, crc32, deflateRaw } from 'node:zlib';
import { crc32Combine } from './crc32-combine.ts';

const deflate = promisify(deflateRaw);

/** Input bytes a piece. */
export const DEFLATE_PIECE_BYTES = 1 << 20;

/** The event by which a PiecewiseDeflate tells how many input bytes it has taken in (at most `atOnce` pieces deflating, one held). */
export const TAKEN = 'taken';

/** A deflate block that is final and empty (BFINAL 1, fixed Huffman codes, end of block): ends the stream. */
export const FINAL_BLOCK = Buffer.from([0x03, 0x00]);

/** A run of a deflate stream on its own: its pieces' deflated bytes one after another, its input's CRC-32 and size. */
export interface DeflatedPart {
  deflated: Buffer;
  crc: number;
  size: number;
}

/** `bytes` deflated whole as one part, ending in a full flush (a bundle's header, or a region's rows: bundles.ts). */
export async function deflatePart(bytes: Uint8Array, level: number): Promise<DeflatedPart> {
  return { deflated: await deflate(bytes, { level, finishFlush: constants.Z_FULL_FLUSH }), crc: crc32(bytes) >>> 0, size: bytes.length };
}

/** Marks in a PiecewiseDeflate's input (see above): the part numbered on its board. */
export const partStart = (id: number): string => `\0S${id}\0`;
export const partEnd = '\0E\0';
export const partKept = (id: number): string => `\0K${id}\0`;

/** The parts a writer's marks name: kept ones to put in, and where made ones go once deflated. */
export class PartBoard {
  #next = 0;
  readonly #kept = new Map<number, DeflatedPart>();
  readonly #made = new Map<number, (part: DeflatedPart) => void>();
  /** A part kept from an earlier build: its number for `partKept`. */
  keep(part: DeflatedPart): number {
    this.#kept.set(this.#next, part);
    return this.#next++;
  }
  /** A part to be made: its number for `partStart`; `done` is given it once deflated. */
  make(done: (part: DeflatedPart) => void): number {
    this.#made.set(this.#next, done);
    return this.#next++;
  }
  take(id: number): DeflatedPart {
    const part = this.#kept.get(id);
    if (!part) throw new Error(`PartBoard: no kept part ${id}`);
    this.#kept.delete(id);
    return part;
  }
  made(id: number): (part: DeflatedPart) => void {
    const done = this.#made.get(id);
    if (!done) throw new Error(`PartBoard: no part ${id} to make`);
    this.#made.delete(id);
    return done;
  }
}

const NUL = 0x00;

export class PiecewiseDeflate extends Transform {
  private checksum = 0;
  private rawSize = 0;
  private compressedSize = 0;
  private held: Buffer[] = [];
  private heldBytes = 0;
  /** Pieces being deflated, in input order. */
  private readonly running: Promise<Buffer>[] = [];
  /** A mark read so far (after its first NUL), when a chunk ended inside it. */
  private mark: string | null = null;
  /** The part being made: its number, its input's CRC-32 and size, its pieces. */
  private part: { id: number; crc: number; size: number; pieces: Promise<Buffer>[] } | null = null;
  /** Parts made, given to the board: the stream ends after them. */
  private readonly given: Promise<void>[] = [];

  constructor(
    private readonly level: number,
    private readonly pieceBytes = DEFLATE_PIECE_BYTES,
    /** Pieces deflated at once: a few more than the pool's threads keep them all busy. */
    private readonly atOnce = 6,
    /** Where marked parts are found and given (none: the input is taken as it is). */
    private readonly board?: PartBoard,
  ) {
    super();
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, done: TransformCallback): void {
    // Taken in: a writer that cannot see this stream's buffer (xlsx.ts, SheetFlow) paces itself by it.
    this.emit(TAKEN, chunk.length);
    try {
      if (!this.board) this.takeInput(chunk);
      else this.readMarked(chunk);
    } catch (e) {
      done(e as Error);
      return;
    }
    this.drainTo(this.atOnce).then(() => done(), done);
  }

  /** Input and marks: each mark a NUL, its text, a NUL. */
  private readMarked(chunk: Buffer): void {
    let at = 0;
    while (at < chunk.length) {
      const nul = chunk.indexOf(NUL, at);
      if (this.mark !== null) {
        this.mark += chunk.toString('latin1', at, nul < 0 ? chunk.length : nul);
        if (nul < 0) return;
        const mark = this.mark;
        this.mark = null;
        this.onMark(mark);
      } else {
        this.takeInput(nul < 0 ? chunk.subarray(at) : chunk.subarray(at, nul));
        if (nul < 0) return;
        this.mark = '';
      }
      at = nul + 1;
    }
  }

  private onMark(mark: string): void {
    const id = Number(mark.slice(1));
    if (mark === 'E') {
      if (!this.part) throw new Error('PiecewiseDeflate: a part ends that did not start');
      this.cutHeld();
      const { id: made, crc, size, pieces } = this.part;
      this.part = null;
      const done = this.board!.made(made);
      // Given once deflated (a failed piece fails the stream itself, in drainTo); the stream ends after.
      this.given.push(
        Promise.all(pieces).then(
          (deflated) => done({ deflated: Buffer.concat(deflated), crc, size }),
          () => {},
        ),
      );
    } else if (mark[0] === 'S' && Number.isInteger(id)) {
      if (this.part) throw new Error('PiecewiseDeflate: a part starts inside another');
      this.cutHeld();
      this.part = { id, crc: 0, size: 0, pieces: [] };
    } else if (mark[0] === 'K' && Number.isInteger(id)) {
      if (this.part) throw new Error('PiecewiseDeflate: a kept part inside a part being made');
      this.cutHeld();
      const kept = this.board!.take(id);
      this.checksum = crc32Combine(this.checksum, kept.crc, kept.size);
      this.rawSize += kept.size;
      this.running.push(Promise.resolve(kept.deflated));
    } else throw new Error(`PiecewiseDeflate: an unknown mark ${JSON.stringify(mark)}`);
  }

  /** Input to deflate: held, and cut into pieces of pieceBytes. */
  private takeInput(bytes: Buffer): void {
    if (bytes.length === 0) return;
    this.checksum = crc32(bytes, this.checksum);
    this.rawSize += bytes.length;
    if (this.part) {
      this.part.crc = crc32(bytes, this.part.crc);
      this.part.size += bytes.length;
    }
    this.held.push(bytes);
    this.heldBytes += bytes.length;
    while (this.heldBytes >= this.pieceBytes) this.startPiece(this.cutPiece(this.pieceBytes));
  }

  /** What is held, as a piece of its own (a part starts or ends here). */
  private cutHeld(): void {
    if (this.heldBytes > 0) this.startPiece(this.cutPiece(this.heldBytes));
  }

  override _flush(done: TransformCallback): void {
    if (this.mark !== null || this.part) {
      done(new Error('PiecewiseDeflate: the input ended inside a mark or a part'));
      return;
    }
    this.cutHeld();
    this.drainTo(0)
      .then(() => Promise.all(this.given))
      .then(() => {
        this.out(FINAL_BLOCK);
        done();
      }, done);
  }

  /** The next `bytes` of input held, as one buffer. */
  private cutPiece(bytes: number): Buffer {
    const all = this.held.length === 1 ? this.held[0] : Buffer.concat(this.held);
    const piece = all.subarray(0, bytes);
    this.held = all.length > bytes ? [all.subarray(bytes)] : [];
    this.heldBytes = all.length - bytes;
    return piece;
  }

  private startPiece(piece: Buffer): void {
    const deflated = deflate(piece, { level: this.level, finishFlush: constants.Z_FULL_FLUSH });
    deflated.catch(() => {}); // handled when its turn comes (drainTo), not as an unhandled rejection before
    this.running.push(deflated);
    this.part?.pieces.push(deflated);
  }

  /** Pushes finished pieces in order until no more than `left` are running. */
  private async drainTo(left: number): Promise<void> {
    while (this.running.length > left) this.out(await this.running.shift()!);
  }

  private out(bytes: Buffer): void {
    this.compressedSize += bytes.length;
    this.push(bytes);
  }

  /** The input's CRC-32, big-endian (as crc32-stream gives it). */
  digest(): Buffer {
    const b = Buffer.alloc(4);
    b.writeUInt32BE(this.checksum >>> 0, 0);
    return b;
  }

  /** Input bytes (kept parts' too, not the marks), or output bytes when `compressed`. */
  size(compressed = false): number {
    return compressed ? this.compressedSize : this.rawSize;
  }
}
