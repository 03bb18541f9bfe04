/**
 * src/publish/zip-entries.ts: a zip's entries from its central directory, inflated a chunk at a
 * time and checked against the directory, so that the privacy gate never holds a national Excel
 * sheet (gigabytes of XML) whole, and never reads less than an entry.
 */
import { randomBytes } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { open } from 'node:fs/promises';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { Zip, ZipDeflate, ZipPassThrough, strToU8, unzipSync, zipSync } from 'fflate';
import { describe, expect, test } from 'vitest';
import { entryBytes, heldZip, inflateEntry, zipEntries, zipOnDisk, ZipError, type ZipBytes } from '../../src/publish/zip-entries.ts';
import { tempDirEach } from '../support/temp-dir.ts';

const tmp = tempDirEach('kt-zip-entries-');

/** Compressible, not trivially: 4.5 MB of rows with varying numbers. */
const sheet = Buffer.from(Array.from({ length: 120_000 }, (_, i) => `<row r="${i}"><c><v>${(i * 7919) % 1000}</v></c></row>`).join(''));

/** A zip as streaming writers make it: sizes and CRC in a data descriptor after each entry, none in its local header. */
function streamedZip(files: Record<string, Uint8Array>, stored: string[] = []): Buffer {
  const out: Uint8Array[] = [];
  const zip = new Zip((err, chunk) => {
    if (err) throw err;
    out.push(chunk);
  });
  for (const [name, bytes] of Object.entries(files)) {
    const entry = stored.includes(name) ? new ZipPassThrough(name) : new ZipDeflate(name);
    zip.add(entry);
    entry.push(bytes, true);
  }
  zip.end();
  return Buffer.concat(out);
}

async function chunksOf(zip: ZipBytes) {
  const entries = await zipEntries(zip);
  const whole: Record<string, Buffer> = {};
  let largest = 0;
  for (const e of entries) {
    const parts: Uint8Array[] = [];
    await inflateEntry(zip, e, (chunk) => {
      parts.push(Buffer.from(chunk));
      largest = Math.max(largest, chunk.length);
    });
    whole[e.name] = Buffer.concat(parts);
  }
  return { names: entries.map((e) => e.name), whole, largest };
}

describe('zipEntries and inflateEntry', () => {
  test('every entry, in the directory’s order, byte for byte as unzipSync gives it; never the long one in one chunk', async () => {
    const zip = zipSync({
      'kosong.txt': new Uint8Array(0),
      'xl/worksheets/sheet1.xml': sheet,
      'acak.bin': randomBytes(300_000),
      'xl/workbook.xml': strToU8('<workbook/>'),
    });
    const { names, whole, largest } = await chunksOf(heldZip(zip));
    const ref = unzipSync(zip);
    expect(names).toEqual(Object.keys(ref));
    for (const [name, bytes] of Object.entries(ref)) expect(whole[name].equals(Buffer.from(bytes)), name).toBe(true);
    expect(largest).toBeLessThan(sheet.length / 2);
  });

  test('entries with data descriptors (as ExcelJS and other streaming writers write them), a stored one holding the signatures a local-header reader stops at', async () => {
    const tricky = Buffer.concat([
      Buffer.from('awal '),
      Buffer.from([0x50, 0x4b, 0x07, 0x08]),
      Buffer.from(' PK\x03\x04 PK\x01\x02 Pegawai Rahasia akhir'),
    ]);
    const zip = streamedZip({ 'a.txt': tricky, 'xl/worksheets/sheet1.xml': sheet, 'b.txt': strToU8('b') }, ['a.txt']);
    expect(zip.readUInt16LE(6) & 0x8).toBe(0x8); // the first local header defers its sizes
    const { whole } = await chunksOf(heldZip(zip));
    expect(whole['a.txt'].equals(tricky)).toBe(true);
    expect(whole['xl/worksheets/sheet1.xml'].equals(sheet)).toBe(true);
    expect(whole['b.txt'].toString()).toBe('b');
  });

  test('an Excel file written by ExcelJS is read whole, every entry', async () => {
    const path = join(tmp.dir, 'tabel.xlsx');
    const book = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: path });
    const ws = book.addWorksheet('data');
    for (let i = 0; i < 20_000; i++) ws.addRow([`Unit ${i}`, i * 1.5, 'Kota Binjai']).commit();
    ws.commit();
    await book.commit();
    const zip = readFileSync(path);
    const ref = unzipSync(zip);
    const { whole } = await chunksOf(heldZip(zip));
    expect(Object.keys(whole).sort()).toEqual(Object.keys(ref).sort());
    for (const [name, bytes] of Object.entries(ref)) expect(whole[name].equals(Buffer.from(bytes)), name).toBe(true);
  });

  test('a zip on disk is read through its file handle a little at a time, never whole: the same entries as held', async () => {
    const bytes = streamedZip({ 'xl/worksheets/sheet1.xml': sheet, 'acak.bin': randomBytes(300_000), 'b.txt': strToU8('b') }, ['acak.bin']);
    const path = join(tmp.dir, 'besar.zip');
    writeFileSync(path, bytes);
    const handle = await open(path);
    try {
      const disk = zipOnDisk(handle, bytes.length);
      let largestRead = 0;
      const counted: ZipBytes = {
        size: disk.size,
        read: async (position, length) => ((largestRead = Math.max(largestRead, length)), disk.read(position, length)),
      };
      const fromDisk = await chunksOf(counted);
      const held = await chunksOf(heldZip(bytes));
      expect(fromDisk.names).toEqual(held.names);
      for (const name of held.names) expect(fromDisk.whole[name].equals(held.whole[name]), name).toBe(true);
      // The end record's tail (at most 64 KiB and 22 bytes), else 64 KiB at a time: never the 450 KB zip.
      expect(largestRead).toBeLessThanOrEqual(22 + 0xffff);
      expect(await entryBytes(disk, (await zipEntries(disk))[2])).toEqual(Buffer.from('b'));
      // A zip cut short on disk is damaged, as one held is.
      await expect(zipEntries(zipOnDisk(handle, bytes.length - 10))).rejects.toThrow(ZipError);
      // A read that fails (the disk's fault, not the zip's) is thrown as it is, not as a damaged zip.
      const [sheetEntry] = await zipEntries(disk);
      const failing: ZipBytes = {
        size: disk.size,
        read: async (position, length) => {
          if (position > sheetEntry.offset + 100) throw new Error('EIO: i/o error, read');
          return disk.read(position, length);
        },
      };
      const thrown = await inflateEntry(failing, sheetEntry, () => {}).catch((e: Error) => e);
      expect(thrown).toBeInstanceOf(Error);
      expect(thrown).not.toBeInstanceOf(ZipError);
      expect((thrown as Error).message).toMatch(/^EIO/);
    } finally {
      await handle.close();
    }
  });

  test('what the reader of an entry’s chunks throws ends the reading and is thrown as it is, not as a damaged zip', async () => {
    const zip = heldZip(streamedZip({ 'sheet.xml': sheet }));
    const [entry] = await zipEntries(zip);
    class Refused extends Error {}
    let chunks = 0;
    const reading = inflateEntry(zip, entry, () => {
      if (++chunks === 2) throw new Refused('baris terlalu panjang / a line too long');
    });
    await expect(reading).rejects.toBeInstanceOf(Refused);
    expect(chunks).toBe(2);
  });

  test('a damaged zip, an entry not as the directory records it (size or CRC), an unknown method: ZipError, never a quiet partial read', async () => {
    const zip = zipSync({ 'a.txt': strToU8('isi yang cukup panjang untuk dimampatkan '.repeat(100)) }, { level: 0 });
    await expect(zipEntries(heldZip(zip.subarray(0, zip.length - 10)))).rejects.toThrow(ZipError);
    const [entry] = await zipEntries(heldZip(zip));
    await expect(inflateEntry(heldZip(zip), { ...entry, size: entry.size - 1 }, () => {})).rejects.toThrow(
      /not as its central directory records it/,
    );
    const flipped = Buffer.from(zip);
    flipped[entry.offset + 30 + 'a.txt'.length + 10] ^= 1; // one bit of the stored text
    await expect(entryBytes(heldZip(flipped), entry)).rejects.toThrow(/not as its central directory records it/);
    await expect(entryBytes(heldZip(zip), { ...entry, method: 12 })).rejects.toThrow(/unknown compression method 12/);
    const deflated = heldZip(zipSync({ 'b.xml': sheet }));
    const [b] = await zipEntries(deflated);
    const broken = Buffer.from(zipSync({ 'b.xml': sheet }));
    broken.fill(0xff, b.offset + 60, b.offset + 4_000);
    await expect(entryBytes(heldZip(broken), b)).rejects.toThrow(ZipError);
    // A deflated entry longer or shorter than the directory says, or of another CRC: never returned.
    expect((await entryBytes(deflated, b)).length).toBe(b.size);
    await expect(entryBytes(deflated, { ...b, size: b.size - 1 })).rejects.toThrow(ZipError);
    await expect(entryBytes(deflated, { ...b, size: b.size + 1 })).rejects.toThrow(/not as its central directory records it/);
    await expect(entryBytes(deflated, { ...b, crc: (b.crc + 1) >>> 0 })).rejects.toThrow(/not as its central directory records it/);
  });
});
