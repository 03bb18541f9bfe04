/** A file on disk as a ByteSource (source.ts): the CLI's reading; and an open file read or written whole. */
import { createReadStream, readSync } from 'node:fs';
import type { FileHandle } from 'node:fs/promises';
import type { ByteSource } from './source.ts';

export const fileSource = (path: string): ByteSource => ({
  chunks: (chunkSize) => createReadStream(path, { highWaterMark: chunkSize }) as AsyncIterable<Buffer>,
});

/**
 * Fills `bytes` from `file` at `position` (null: where its last read ended), as far as the file
 * goes: one read may give fewer bytes than asked. Returns how many it read.
 */
export async function readFully(file: FileHandle, bytes: Uint8Array, position: number | null): Promise<number> {
  let filled = 0;
  for (let n = 1; n > 0 && filled < bytes.length; filled += n)
    ({ bytesRead: n } = await file.read(bytes, filled, bytes.length - filled, position === null ? null : position + filled));
  return filled;
}

/** readFully for a descriptor, synchronously: fills `bytes` from byte `position` as far as the file goes; returns how many it read. */
export function readFullySync(fd: number, bytes: Uint8Array, position: number): number {
  let filled = 0;
  for (let n = 1; n > 0 && filled < bytes.length; filled += n) n = readSync(fd, bytes, filled, bytes.length - filled, position + filled);
  return filled;
}

/** Writes all of `bytes` to `file` where its last write ended (one write may take fewer bytes). */
export async function writeAll(file: FileHandle, bytes: Uint8Array): Promise<void> {
  for (let at = 0; at < bytes.length;) at += (await file.write(bytes, at, bytes.length - at)).bytesWritten;
}
