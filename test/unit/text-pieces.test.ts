/** src/publish/text-pieces.ts: long texts cut where their bytes say, so that the same rows make the same pieces. */
import { createHash } from 'node:crypto';
import { describe, expect, test } from 'vitest';
import { PieceCutter, type PieceSizes } from '../../src/publish/text-pieces.ts';

/** Rows like a national table's: each region's rows differ, with 2- and 4-byte characters. */
function rows(region: string, count: number): string {
  let text = '';
  for (let i = 0; i < count; i++) text += `${region};UNIT-${(i * 7919) % 1000};${(i * 31) % 97},${i % 10};Pelayanan é 𝔸 ${i}\n`;
  return text;
}
const sizes: PieceSizes = { min: 4_000, bits: 12, max: 60_000 };
const cutsOf = (bytes: Buffer, chunk = bytes.length): number[] => {
  const cutter = new PieceCutter(sizes);
  const cuts: number[] = [];
  for (let at = 0; at < bytes.length; at += chunk) cuts.push(...cutter.push(bytes.subarray(at, at + chunk)));
  return cuts;
};
const piecesOf = (bytes: Buffer, cuts: number[]): string[] =>
  [0, ...cuts].map((from, i) =>
    createHash('sha256')
      .update(bytes.subarray(from, cuts[i] ?? bytes.length))
      .digest('hex'),
  );

describe('PieceCutter', () => {
  const text = Buffer.from(['kota-001', 'kab-002', 'prov-003', 'kab-004'].map((r) => rows(r, 3_000)).join(''));

  test('the same cuts however the text arrives', () => {
    const whole = cutsOf(text);
    expect(whole.length).toBeGreaterThan(20);
    for (const chunk of [1, 7, 4_096, 65_536]) expect(cutsOf(text, chunk)).toEqual(whole);
  });

  test('pieces between the least and the most, cut only after an ASCII byte', () => {
    const cuts = cutsOf(text);
    [0, ...cuts].forEach((from, i) => {
      if (i < cuts.length) expect(cuts[i] - from).toBeGreaterThanOrEqual(sizes.min);
      expect((cuts[i] ?? text.length) - from).toBeLessThanOrEqual(sizes.max + 4);
    });
    for (const cut of cuts) expect(text[cut - 1]).toBeLessThan(0x80);
    // A text without ASCII is still cut, at most four bytes past the most.
    const noAscii = Buffer.from('é'.repeat(100_000));
    expect(cutsOf(noAscii).length).toBeGreaterThan(0);
    for (const [i, cut] of cutsOf(noAscii).entries()) expect(cut - (cutsOf(noAscii)[i - 1] ?? 0)).toBeLessThanOrEqual(sizes.max + 4);
  });

  test("rows added to one region change only the pieces around them: the others' are the build before's", () => {
    const before = piecesOf(text, cutsOf(text));
    const grown = Buffer.from(['kota-001', 'kab-002', 'prov-003', 'kab-004'].map((r) => rows(r, r === 'kab-002' ? 3_200 : 3_000)).join(''));
    const after = piecesOf(grown, cutsOf(grown));
    const known = new Set(before);
    const fresh = after.filter((p) => !known.has(p));
    expect(fresh.length).toBeGreaterThan(0);
    // kab-002's 200 rows (about 9 KB) and the cut on either side: a few pieces of some 30.
    expect(fresh.length).toBeLessThanOrEqual(4);
    expect(after.length).toBeGreaterThan(20);
  });

  test('settings that cannot cut are refused', () => {
    expect(() => new PieceCutter({ min: 10, bits: 12, max: 100 })).toThrow();
    expect(() => new PieceCutter({ min: 4_000, bits: 12, max: 100 })).toThrow();
    expect(() => new PieceCutter({ min: 4_000, bits: 0, max: 60_000 })).toThrow();
  });
});
