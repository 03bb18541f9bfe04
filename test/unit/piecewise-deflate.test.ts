/** A deflate stream made in pieces at once (src/publish/piecewise-deflate.ts): one valid stream, the same bytes however its input arrives. */
import { Readable } from 'node:stream';
import { buffer } from 'node:stream/consumers';
import { crc32, deflateRawSync, inflateRawSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { PartBoard, partEnd, partKept, partStart, PiecewiseDeflate, type DeflatedPart } from '../../src/publish/piecewise-deflate.ts';
import { crc32Combine } from '../../src/publish/crc32-combine.ts';
import { randomBytes } from 'node:crypto';

/** Rows like a sheet's, varied enough that deflate has work: about 1.3 MB. */
const text = Buffer.from(
  Array.from({ length: 20_000 }, (_, i) => `<row><c t="s"><v>${(i * 7919) % 1000}</v></c><c><v>${((i * 31) % 97) / 7}</v></c></row>`).join(
    '',
  ),
);

async function deflated(
  input: Buffer,
  chunk: number,
  pieceBytes: number,
  board?: PartBoard,
): Promise<{ bytes: Buffer; stream: PiecewiseDeflate }> {
  const chunks: Buffer[] = [];
  for (let at = 0; at < input.length; at += chunk) chunks.push(input.subarray(at, at + chunk));
  const stream = new PiecewiseDeflate(6, pieceBytes, undefined, board);
  const bytes = await buffer(Readable.from(chunks).pipe(stream));
  return { bytes, stream };
}

it('makes one deflate stream that inflates to its input, with its CRC-32 and sizes', async () => {
  const { bytes, stream } = await deflated(text, 65_536, 400_000);
  expect(inflateRawSync(bytes).equals(text)).toBe(true);
  expect(stream.digest().readUInt32BE(0)).toBe(crc32(text) >>> 0);
  expect(stream.size()).toBe(text.length);
  expect(stream.size(true)).toBe(bytes.length);
  // Four pieces cost little: within 2 % of one zlib stream at the same level.
  expect(bytes.length).toBeLessThan(deflateRawSync(text, { level: 6 }).length * 1.02);
});

it('gives the same bytes however its input is cut into chunks', async () => {
  const a = await deflated(text, 65_536, 100_000);
  const b = await deflated(text, 7_777, 100_000);
  const c = await deflated(text, text.length, 100_000);
  expect(b.bytes.equals(a.bytes)).toBe(true);
  expect(c.bytes.equals(a.bytes)).toBe(true);
});

it('ends an empty input, and one shorter than a piece, as valid streams', async () => {
  const empty = await deflated(Buffer.alloc(0), 1, 100_000);
  expect(inflateRawSync(empty.bytes).length).toBe(0);
  const short = await deflated(text.subarray(0, 500), 100, 100_000);
  expect(inflateRawSync(short.bytes).equals(text.subarray(0, 500))).toBe(true);
});

it('combines CRC-32s as zlib does', () => {
  for (const [a, b] of [
    [0, 0],
    [1, 1],
    [10, 3],
    [5, 0],
    [0, 7],
    [77_777, 1 << 20],
  ]) {
    const [x, y] = [randomBytes(a), randomBytes(b)];
    expect(crc32Combine(crc32(x), crc32(y), b), `${a}+${b}`).toBe(crc32(Buffer.concat([x, y])) >>> 0);
  }
});

describe('parts', () => {
  const [head, body, tail] = [text.subarray(0, 70_000), text.subarray(70_000, 900_000), text.subarray(900_000)];
  /** The text with its middle as a part made, or as a part kept in its place. */
  const made = (start: string) => Buffer.concat([head, Buffer.from(start), body, Buffer.from(partEnd), tail]);
  const kept = (mark: string) => Buffer.concat([head, Buffer.from(mark), tail]);

  it('makes a marked part whose bytes, put in again, give the same stream, however its input and marks are cut', async () => {
    let part: DeflatedPart | null = null;
    const board = new PartBoard();
    const first = await deflated(made(partStart(board.make((p) => (part = p)))), 4_099, 100_000, board);
    // Given before the stream ended.
    expect(part).not.toBeNull();
    const { crc, size, deflated: bytes } = part!;
    expect(size).toBe(body.length);
    expect(crc).toBe(crc32(body) >>> 0);
    // A part is a run of its own: it inflates alone (with an empty final block after it) to its rows.
    expect(inflateRawSync(Buffer.concat([bytes, Buffer.from([0x03, 0x00])])).equals(body)).toBe(true);
    expect(inflateRawSync(first.bytes).equals(text)).toBe(true);
    expect(first.stream.size()).toBe(text.length);
    expect(first.stream.digest().readUInt32BE(0)).toBe(crc32(text) >>> 0);
    for (const chunk of [1, 7, 65_536]) {
      const again = new PartBoard();
      const other = await deflated(kept(partKept(again.keep(part!))), chunk, 100_000, again);
      expect(other.bytes.equals(first.bytes), `chunks of ${chunk}`).toBe(true);
      expect(other.stream.size()).toBe(text.length);
      expect(other.stream.digest().equals(first.stream.digest())).toBe(true);
    }
  });

  it('refuses a mark it does not know, a part that ends without starting, and an input that ends inside a mark', async () => {
    const board = new PartBoard();
    await expect(deflated(Buffer.from('a\0X1\0b'), 3, 100_000, board)).rejects.toThrow(/unknown mark/);
    await expect(deflated(Buffer.from(`a${partEnd}b`), 3, 100_000, board)).rejects.toThrow(/did not start/);
    await expect(deflated(Buffer.from('a\0S'), 3, 100_000, board)).rejects.toThrow(/inside a mark/);
    await expect(deflated(Buffer.from(`a${partKept(99)}`), 3, 100_000, board)).rejects.toThrow(/no kept part 99/);
  });
});
