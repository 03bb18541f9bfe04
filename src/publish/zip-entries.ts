/**
 * A zip's entries as its central directory lists them, each inflated a chunk at a time and
 * checked against the directory's size and CRC-32, for a reader that must not hold a whole entry
 * (at national scale the survey microdata's Excel sheet is gigabytes of XML in a zip of tens of
 * megabytes) and must never read less than the entry. fflate's streaming Unzip walks local
 * headers instead: for an entry written with a data descriptor (ExcelJS writes every entry so)
 * it guesses the entry's end from signatures that compressed bytes may hold by chance, and ends
 * early or fails. Node's zlib inflates an entry a chunk at a time (inflateEntry), or one read
 * whole (entryBytes). A zip is read where needed (ZipBytes): from bytes held, or through a file
 * handle, never whole (the survey's Excel file is 680 MB at 500 regions).
 */
import { once } from 'node:events';
import type { FileHandle } from 'node:fs/promises';
import { finished } from 'node:stream/promises';
import { crc32, createInflateRaw, inflateRawSync } from 'node:zlib';
import { readFully } from '../read/file-source.ts';

/** The zip format's signatures (APPNOTE 4.3), and the 32-bit field that says "see zip64". */
const EOCD = 0x06054b50;
const ZIP64_LOCATOR = 0x07064b50;
const ZIP64_EOCD = 0x06064b50;
const CENTRAL = 0x02014b50;
export const LOCAL = 0x04034b50;
const MAGIC32 = 0xffffffff;
const STORED = 0;
/** A zip entry's method when deflated (APPNOTE 4.4.5). */
export const DEFLATED = 8;

/** Compressed bytes are inflated this many at a time: about a megabyte of XML each. */
const PUSH_BYTES = 64 << 10;
/** Inflated bytes are given this many at a time (zlib's default, 16 KiB, is a call for every 16 KiB of a gigabyte). */
const INFLATED_BYTES = 1 << 20;

export class ZipError extends Error {}

export interface ZipEntry {
  name: string;
  /** 0 stored, 8 deflated (no other method is read). */
  method: number;
  compressedSize: number;
  size: number;
  crc: number;
  /** Where its local header starts. */
  offset: number;
}

/** Where a zip's central directory is, and how many records it holds. */
interface Directory {
  count: number;
  size: number;
  offset: number;
}

/** The bytes at a zip's end that hold its end record: the end record and at most a 65,535-byte comment. */
const TAIL_BYTES = 22 + 0xffff;

/**
 * The directory the end record in `tail` (a zip's last TAIL_BYTES or fewer) gives, and where
 * the zip64 end record is that gives it instead, if any (read it with zip64Directory); null
 * without an end record.
 */
function endOfDirectory(tail: Buffer): { directory: Directory; zip64At: number | null } | null {
  let at = tail.length - 22;
  while (at >= 0 && tail.readUInt32LE(at) !== EOCD) at--;
  if (at < 0) return null;
  const directory = { count: tail.readUInt16LE(at + 10), size: tail.readUInt32LE(at + 12), offset: tail.readUInt32LE(at + 16) };
  const zip64At = at >= 20 && tail.readUInt32LE(at - 20) === ZIP64_LOCATOR ? Number(tail.readBigUInt64LE(at - 12)) : null;
  return { directory, zip64At };
}

/** The directory a zip64 end record (its 56 bytes) gives; null when these bytes are not one. */
function zip64Directory(record: Buffer): Directory | null {
  if (record.length < 56 || record.readUInt32LE(0) !== ZIP64_EOCD) return null;
  return {
    count: Number(record.readBigUInt64LE(32)),
    size: Number(record.readBigUInt64LE(40)),
    offset: Number(record.readBigUInt64LE(48)),
  };
}

/** A zip's bytes where they are: `length` bytes from `position` (fewer only past its end). */
export interface ZipBytes {
  size: number;
  read(position: number, length: number): Promise<Buffer>;
}

/** A zip held in memory (what it reads are views of `zip`, not copies). */
export function heldZip(zip: Uint8Array): ZipBytes {
  const b = Buffer.from(zip.buffer, zip.byteOffset, zip.byteLength);
  return { size: b.length, read: async (position, length) => b.subarray(position, Math.min(b.length, position + length)) };
}

/** A zip of `size` bytes read through its open file handle, where needed. */
export function zipOnDisk(file: FileHandle, size: number): ZipBytes {
  return {
    size,
    async read(position, length) {
      const bytes = Buffer.alloc(Math.max(0, Math.min(length, size - position)));
      return bytes.subarray(0, await readFully(file, bytes, position));
    },
  };
}

/** A zip's central directory: its bytes, where they start in the zip, and each record (`at`: where it starts in `bytes`). */
export interface CentralDirectory {
  bytes: Buffer;
  offset: number;
  records: { entry: ZipEntry; at: number }[];
}

/** The central directory (zip64 too). Throws ZipError on a damaged zip. */
export async function centralDirectory(zip: ZipBytes): Promise<CentralDirectory> {
  const need = (ok: boolean, what: [string, string]) => {
    if (!ok) throw new ZipError(`zip rusak: ${what[0]} / damaged zip: ${what[1]}`);
  };
  const tail = Math.min(zip.size, TAIL_BYTES);
  const end = endOfDirectory(await zip.read(zip.size - tail, tail));
  need(end !== null, ['akhir direktori tidak ada', 'no end of central directory']);
  const z = end!.zip64At;
  const directory = z === null ? end!.directory : zip64Directory(await zip.read(z, 56));
  need(directory !== null, ['akhir direktori zip64', 'zip64 end of central directory']);
  const { count, size, offset } = directory!;
  const bytes = await zip.read(offset, size);
  need(bytes.length === size, ['direktori terpotong', 'central directory cut short']);
  const records: CentralDirectory['records'] = [];
  for (let i = 0, p = 0; i < count; i++) {
    need(p + 46 <= bytes.length && bytes.readUInt32LE(p) === CENTRAL, [`catatan direktori ${i}`, `central directory record ${i}`]);
    const { entry, next } = centralRecord(bytes, p);
    records.push({ entry, at: p });
    p = next;
  }
  return { bytes, offset, records };
}

/** The entries the central directory lists, in its order. Throws ZipError on a damaged zip. */
export async function zipEntries(zip: ZipBytes): Promise<ZipEntry[]> {
  return (await centralDirectory(zip)).records.map((r) => r.entry);
}

/** The central directory record at `p` (its signature checked by the caller), and where the next starts. */
function centralRecord(b: Buffer, p: number): { entry: ZipEntry; next: number } {
  const nameLength = b.readUInt16LE(p + 28);
  const extraLength = b.readUInt16LE(p + 30);
  const commentLength = b.readUInt16LE(p + 32);
  let size = b.readUInt32LE(p + 24);
  let compressedSize = b.readUInt32LE(p + 20);
  let offset = b.readUInt32LE(p + 42);
  // zip64: the fields that overflowed, in this order, in the 0x0001 extra field.
  if (size === MAGIC32 || compressedSize === MAGIC32 || offset === MAGIC32) {
    for (let e = p + 46 + nameLength, end = e + extraLength; e + 4 <= end; e += 4 + b.readUInt16LE(e + 2)) {
      if (b.readUInt16LE(e) !== 0x0001) continue;
      let field = e + 4;
      const next = () => Number(b.readBigUInt64LE((field += 8) - 8));
      if (size === MAGIC32) size = next();
      if (compressedSize === MAGIC32) compressedSize = next();
      if (offset === MAGIC32) offset = next();
    }
  }
  const name = b.toString('utf8', p + 46, p + 46 + nameLength);
  const entry = { name, method: b.readUInt16LE(p + 10), compressedSize, size, crc: b.readUInt32LE(p + 16), offset };
  return { entry, next: p + 46 + nameLength + extraLength + commentLength };
}

/**
 * Calls `onChunk` with the entry's bytes a chunk at a time (none for an empty entry). Throws
 * ZipError unless they are exactly the size and CRC-32 the central directory gives.
 */
export async function inflateEntry(zip: ZipBytes, entry: ZipEntry, onChunk: (chunk: Uint8Array) => void): Promise<void> {
  const fail = (id: string, en: string) => entryError(entry, id, en);
  const { start, end } = await dataOf(zip, entry);
  let size = 0;
  let crc = 0;
  const take = (chunk: Uint8Array) => {
    size += chunk.length;
    crc = crc32(chunk, crc);
    if (chunk.length > 0) onChunk(chunk);
  };
  if (entry.method === STORED) {
    for (let at = start; at < end; at += PUSH_BYTES) take(await zip.read(at, Math.min(end, at + PUSH_BYTES) - at));
  } else if (entry.method === DEFLATED) {
    // Node's zlib, on libuv's threads: fflate's Inflate, in this thread, took half of the gate's
    // reading of the survey's Excel sheet (815 MB of XML at 50 regions), which it cut and hashed meanwhile.
    const inflater = createInflateRaw({ chunkSize: INFLATED_BYTES });
    // What the chunks' reader throws (a CSV line too long to hold) ends the inflating, and is thrown as it is.
    const thrown: unknown[] = [];
    inflater.on('data', (chunk: Buffer) => {
      try {
        take(chunk);
      } catch (error) {
        thrown.push(error);
        inflater.destroy();
      }
    });
    // Settled once the last bytes are given, or at the first error (then no drain comes).
    const inflated = finished(inflater).then(
      () => null,
      (e: Error) => e,
    );
    const damaged = (e: Error) => fail('tidak bisa dibuka', `cannot be inflated (${e.message})`);
    try {
      // A failed read (the disk's, not the zip's) is thrown as it is: only inflating says the zip is damaged.
      for (let at = start; at < end; at += PUSH_BYTES) {
        if (inflater.write(await zip.read(at, Math.min(end, at + PUSH_BYTES) - at))) continue;
        const e = await Promise.race([
          once(inflater, 'drain').then(
            () => null,
            (e: Error) => e,
          ),
          inflated,
        ]);
        if (thrown.length > 0) throw thrown[0];
        if (e) throw damaged(e);
      }
      inflater.end();
      const e = await inflated;
      if (thrown.length > 0) throw thrown[0];
      if (e) throw damaged(e);
    } finally {
      inflater.destroy();
    }
  } else {
    throw fail(`cara pemampatan ${entry.method} tidak dikenal`, `unknown compression method ${entry.method}`);
  }
  if (size !== entry.size || crc >>> 0 !== entry.crc)
    throw fail('isinya tidak seperti dicatat direktori', 'not as its central directory records it');
}

/**
 * The entry's bytes whole (for entries short enough to hold), checked as inflateEntry checks
 * them. A deflated one is inflated by Node's zlib at once (native: a quarter of fflate's time on
 * the bundles' tables), never past the size the directory gives.
 */
export async function entryBytes(zip: ZipBytes, entry: ZipEntry): Promise<Buffer> {
  if (entry.method !== DEFLATED || entry.size === 0) {
    const parts: Uint8Array[] = [];
    await inflateEntry(zip, entry, (chunk) => parts.push(chunk));
    return Buffer.concat(parts, entry.size);
  }
  const { start, end } = await dataOf(zip, entry);
  const compressed = await zip.read(start, end - start);
  let bytes: Buffer;
  try {
    bytes = inflateRawSync(compressed, { maxOutputLength: entry.size });
  } catch (e) {
    // Past maxOutputLength: more bytes than the directory records.
    if (e instanceof RangeError)
      throw entryError(entry, 'lebih panjang dari dicatat direktori', 'longer than its central directory records');
    throw entryError(entry, 'tidak bisa dibuka', `cannot be inflated (${(e as Error).message})`);
  }
  if (bytes.length !== entry.size || crc32(bytes) >>> 0 !== entry.crc)
    throw entryError(entry, 'isinya tidak seperti dicatat direktori', 'not as its central directory records it');
  return bytes;
}

const entryError = (entry: ZipEntry, id: string, en: string) => new ZipError(`${entry.name}: ${id} / ${en}`);

/** Where an entry's stored or compressed bytes lie in the zip (after its local header). */
async function dataOf(zip: ZipBytes, entry: ZipEntry): Promise<{ start: number; end: number }> {
  const local = await zip.read(entry.offset, 30);
  if (local.length < 30 || local.readUInt32LE(0) !== LOCAL) throw entryError(entry, 'kepala lokal rusak', 'bad local header');
  const start = entry.offset + 30 + local.readUInt16LE(26) + local.readUInt16LE(28);
  const end = start + entry.compressedSize;
  if (end > zip.size) throw entryError(entry, 'terpotong', 'cut short');
  return { start, end };
}
