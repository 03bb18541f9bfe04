/** A deflate stream made in pieces at once (src/publish/piecewise-deflate.ts): one valid stream, the same bytes however its input arrives. */
import { Readable } from 'node:stream';
import { buffer } from 'node:stream/consumers';
import { crc32, deflateRawSync, inflateRawSync } from 'node:zlib';
import { expect, it } from 'vitest';
import { PiecewiseDeflate } from '../../src/publish/piecewise-deflate.ts';

/** Rows like a sheet's, varied enough that deflate has work: about 1.3 MB. */
const text = Buffer.from(
  Array.from({ length: 20_000 }, (_, i) => `<row><c t="s"><v>${(i * 7919) % 1000}</v></c><c><v>${((i * 31) % 97) / 7}</v></c></row>`).join(
    '',
  ),
);

async function deflated(input: Buffer, chunk: number, pieceBytes: number): Promise<{ bytes: Buffer; stream: PiecewiseDeflate }> {
  const chunks: Buffer[] = [];
  for (let at = 0; at < input.length; at += chunk) chunks.push(input.subarray(at, at + chunk));
  const stream = new PiecewiseDeflate(6, pieceBytes);
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
