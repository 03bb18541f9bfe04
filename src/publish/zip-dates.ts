/**
 * Dates every entry of a zip file already written to disk, in place: the DOS time and date of
 * each local header and of its central directory record (a zip holds no other date). Streaming
 * writers (ExcelJS's, through archiver) stamp entries with the clock; this makes the file depend
 * on its content only, without reading it whole into memory as a re-pack would.
 */
import { open } from 'node:fs/promises';
import { CENTRAL, EOCD, LOCAL, ZIP64_EOCD, ZIP64_LOCATOR, centralRecord } from './zip-entries.ts';

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
    const read = async (length: number, position: number) => {
      const b = Buffer.alloc(length);
      const { bytesRead } = await fh.read(b, 0, length, position);
      if (bytesRead !== length) throw new Error(`${path}: not a complete zip`);
      return b;
    };
    const { size } = await fh.stat();
    const tailLength = Math.min(size, 22 + 0xffff);
    const tail = await read(tailLength, size - tailLength);
    let at = tailLength - 22;
    while (at >= 0 && tail.readUInt32LE(at) !== EOCD) at--;
    if (at < 0) throw new Error(`${path}: no end of central directory`);
    let count = tail.readUInt16LE(at + 10);
    let cdSize = tail.readUInt32LE(at + 12);
    let cdOffset = tail.readUInt32LE(at + 16);
    if (at >= 20 && tail.readUInt32LE(at - 20) === ZIP64_LOCATOR) {
      const z = await read(56, Number(tail.readBigUInt64LE(at - 12)));
      if (z.readUInt32LE(0) !== ZIP64_EOCD) throw new Error(`${path}: bad zip64 end of central directory`);
      count = Number(z.readBigUInt64LE(32));
      cdSize = Number(z.readBigUInt64LE(40));
      cdOffset = Number(z.readBigUInt64LE(48));
    }
    const cd = await read(cdSize, cdOffset);
    for (let p = 0, i = 0; i < count; i++) {
      if (cd.readUInt32LE(p) !== CENTRAL) throw new Error(`${path}: bad central directory record ${i}`);
      const { entry, next } = centralRecord(cd, p);
      stamp.copy(cd, p + 12);
      if ((await read(4, entry.offset)).readUInt32LE(0) !== LOCAL) throw new Error(`${path}: bad local header ${i}`);
      await fh.write(stamp, 0, 4, entry.offset + 10);
      p = next;
    }
    await fh.write(cd, 0, cd.length, cdOffset);
  } finally {
    await fh.close();
  }
}
