/**
 * Dates every entry of a zip file already written to disk, in place: the DOS time and date of
 * each local header and of its central directory record (a zip holds no other date). Streaming
 * writers (ExcelJS's, through archiver) stamp entries with the clock; this makes the file depend
 * on its content only, without reading it whole into memory as a re-pack would.
 */
import { open } from 'node:fs/promises';
import { CENTRAL, LOCAL, TAIL_BYTES, centralRecord, endOfDirectory, zip64Directory } from './zip-entries.ts';

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
    const tailLength = Math.min(size, TAIL_BYTES);
    const end = endOfDirectory(await read(tailLength, size - tailLength));
    if (!end) throw new Error(`${path}: no end of central directory`);
    const directory = end.zip64At === null ? end.directory : zip64Directory(await read(56, end.zip64At));
    if (!directory) throw new Error(`${path}: bad zip64 end of central directory`);
    const { count, size: cdSize, offset: cdOffset } = directory;
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
