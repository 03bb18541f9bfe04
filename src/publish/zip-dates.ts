/**
 * Dates every entry of a zip file already written to disk, in place: the DOS time and date of
 * each local header and of its central directory record (a zip holds no other date). Streaming
 * writers (ExcelJS's, through archiver) stamp entries with the clock; this makes the file depend
 * on its content only, without reading it whole into memory as a re-pack would.
 */
import { open } from 'node:fs/promises';

const EOCD = 0x06054b50;
const ZIP64_LOCATOR = 0x07064b50;
const ZIP64_EOCD = 0x06064b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;
const MAGIC32 = 0xffffffff;

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
      const nameLength = cd.readUInt16LE(p + 28);
      const extraLength = cd.readUInt16LE(p + 30);
      const commentLength = cd.readUInt16LE(p + 32);
      let local = cd.readUInt32LE(p + 42);
      if (local === MAGIC32) local = zip64Offset(cd, p, nameLength, extraLength);
      stamp.copy(cd, p + 12);
      if ((await read(4, local)).readUInt32LE(0) !== LOCAL) throw new Error(`${path}: bad local header ${i}`);
      await fh.write(stamp, 0, 4, local + 10);
      p += 46 + nameLength + extraLength + commentLength;
    }
    await fh.write(cd, 0, cd.length, cdOffset);
  } finally {
    await fh.close();
  }
}

/** The local header's offset from a record's zip64 extra field (after the sizes that overflowed). */
function zip64Offset(cd: Buffer, p: number, nameLength: number, extraLength: number): number {
  for (let e = p + 46 + nameLength, end = e + extraLength; e + 4 <= end; e += 4 + cd.readUInt16LE(e + 2)) {
    if (cd.readUInt16LE(e) !== 0x0001) continue;
    let field = e + 4;
    if (cd.readUInt32LE(p + 24) === MAGIC32) field += 8;
    if (cd.readUInt32LE(p + 20) === MAGIC32) field += 8;
    return Number(cd.readBigUInt64LE(field));
  }
  throw new Error('zip64 record without its offset');
}
