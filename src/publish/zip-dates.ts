/**
 * Dates every entry of a zip file already written to disk, in place: the DOS time and date of
 * each local header and of its central directory record (a zip holds no other date). Streaming
 * writers (ExcelJS's, through archiver) stamp entries with the clock; this makes the file depend
 * on its content only, without reading it whole into memory as a re-pack would.
 */
import { open } from 'node:fs/promises';
import { LOCAL, centralDirectory, zipOnDisk } from './zip-entries.ts';

/** `YYYY-MM-DD` as a DOS date, time 00:00:00. */
function dosDateTime(ymd: string): Buffer {
  const [y, m, d] = ymd.split('-').map(Number);
  const b = Buffer.alloc(4);
  b.writeUInt16LE(0, 0);
  b.writeUInt16LE(((y - 1980) << 9) | (m << 5) | d, 2);
  return b;
}

export async function pinZipDates(path: string, ymd: string): Promise<void> {
  const stamp = dosDateTime(ymd);
  const fh = await open(path, 'r+');
  try {
    const zip = zipOnDisk(fh, (await fh.stat()).size);
    const cd = await centralDirectory(zip).catch((e: Error) => {
      throw new Error(`${path}: ${e.message}`);
    });
    for (const { entry, at } of cd.records) {
      stamp.copy(cd.bytes, at + 12);
      const local = await zip.read(entry.offset, 4);
      if (local.length < 4 || local.readUInt32LE(0) !== LOCAL) throw new Error(`${path}: bad local header (${entry.name})`);
      await fh.write(stamp, 0, 4, entry.offset + 10);
    }
    await fh.write(cd.bytes, 0, cd.bytes.length, cd.offset);
  } finally {
    await fh.close();
  }
}
