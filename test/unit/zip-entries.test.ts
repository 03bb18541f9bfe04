/**
 * src/publish/zip-entries.ts: a zip's entries inflated a chunk at a time, so that the privacy
 * gate never holds a national Excel sheet (gigabytes of XML) whole.
 */
import { randomBytes } from 'node:crypto';
import { strToU8, unzipSync, zipSync } from 'fflate';
import { describe, expect, test } from 'vitest';
import { inflateEntries } from '../../src/publish/zip-entries.ts';

/** Compressible, not trivially: 6 MB of rows with varying numbers. */
const sheet = Buffer.from(Array.from({ length: 120_000 }, (_, i) => `<row r="${i}"><c><v>${(i * 7919) % 1000}</v></c></row>`).join(''));
const zip = zipSync({
  'kosong.txt': new Uint8Array(0),
  'xl/worksheets/sheet1.xml': sheet,
  'acak.bin': randomBytes(300_000),
  'xl/workbook.xml': strToU8('<workbook/>'),
});

function inflated(only?: (name: string) => boolean) {
  const parts = new Map<string, Buffer[]>();
  const ended: string[] = [];
  let largest = 0;
  inflateEntries(
    zip,
    (name, chunk, final) => {
      parts.set(name, [...(parts.get(name) ?? []), Buffer.from(chunk)]);
      largest = Math.max(largest, chunk.length);
      if (final) ended.push(name);
    },
    only,
  );
  return { entries: Object.fromEntries([...parts].map(([n, p]) => [n, Buffer.concat(p)])), ended, largest };
}

describe('inflateEntries', () => {
  test('every entry, in order, byte for byte as unzipSync gives it, each ended once; never the long one in one chunk', () => {
    const { entries, ended, largest } = inflated();
    const whole = unzipSync(zip);
    expect(ended).toEqual(Object.keys(whole));
    for (const [name, bytes] of Object.entries(whole)) expect(entries[name].equals(Buffer.from(bytes)), name).toBe(true);
    expect(largest).toBeLessThan(sheet.length / 4);
  });
  test('only the entries asked for are given', () => {
    const { entries, ended } = inflated((n) => n === 'xl/workbook.xml');
    expect(ended).toEqual(['xl/workbook.xml']);
    expect(entries['xl/workbook.xml'].toString()).toBe('<workbook/>');
  });
  test('a damaged zip is an error, never a quiet partial read', () => {
    const cut = zip.subarray(0, Math.floor(zip.length / 2));
    expect(() => inflateEntries(cut, () => {})).toThrow();
    const broken = Buffer.from(zip);
    broken.fill(0xff, 200, 4_000); // inside the sheet's deflate stream
    expect(() => inflateEntries(broken, () => {})).toThrow();
  });
});
