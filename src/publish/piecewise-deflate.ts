/**
 * A raw deflate stream compressed in pieces at once, as `pigz -i` does: each piece of the input is
 * deflated on its own (not primed with the piece before), on libuv's pool, and ends with a full flush (byte-aligned, and no
 * back-reference into the piece before), so the pieces one after another, then an empty final
 * block, are one valid deflate stream. Zlib's one stream at a time on one thread was half of
 * writing the survey's Excel file at 50 regions (815 MB of sheet XML at level 6): the main thread
 * waited on it. Pieces of 1 MiB cost about 0.2 % more bytes than one stream (the survey's workbook: 67.85 against 67.71 MB). Deterministic:
 * the cuts fall every DEFLATE_PIECE_BYTES of input, however it arrives.
 *
 * What it tells of its input (CRC-32 and size) and output (compressed size) is what a zip entry
 * records: the interface of crc32-stream's DeflateCRC32Stream, which archiver's zip uses.
 */
import { Transform, type TransformCallback } from 'node:stream';
import { promisify } from 'node:util';
import { constants, crc32, deflateRaw } from 'node:zlib';

const deflate = promisify(deflateRaw);

/** Input bytes a piece. */
export const DEFLATE_PIECE_BYTES = 1 << 20;

/** The event by which a PiecewiseDeflate tells how many input bytes it has taken in (at most `atOnce` pieces deflating, one held). */
export const TAKEN = 'taken';

/** A deflate block that is final and empty (BFINAL 1, fixed Huffman codes, end of block): ends the stream. */
const FINAL_BLOCK = Buffer.from([0x03, 0x00]);

export class PiecewiseDeflate extends Transform {
  private checksum = 0;
  private rawSize = 0;
  private compressedSize = 0;
  private held: Buffer[] = [];
  private heldBytes = 0;
  /** Pieces being deflated, in input order. */
  private readonly running: Promise<Buffer>[] = [];

  constructor(
    private readonly level: number,
    private readonly pieceBytes = DEFLATE_PIECE_BYTES,
    /** Pieces deflated at once: a few more than the pool's threads keep them all busy. */
    private readonly atOnce = 6,
  ) {
    super();
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, done: TransformCallback): void {
    // Taken in: a writer that cannot see this stream's buffer (xlsx.ts, SheetFlow) paces itself by it.
    this.emit(TAKEN, chunk.length);
    this.checksum = crc32(chunk, this.checksum);
    this.rawSize += chunk.length;
    this.held.push(chunk);
    this.heldBytes += chunk.length;
    while (this.heldBytes >= this.pieceBytes) this.startPiece(this.cutPiece(this.pieceBytes));
    this.drainTo(this.atOnce).then(() => done(), done);
  }

  override _flush(done: TransformCallback): void {
    if (this.heldBytes > 0) this.startPiece(this.cutPiece(this.heldBytes));
    this.drainTo(0).then(() => {
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

  /** Input bytes, or output bytes when `compressed`. */
  size(compressed = false): number {
    return compressed ? this.compressedSize : this.rawSize;
  }
}
