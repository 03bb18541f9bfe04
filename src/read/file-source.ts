/** A file on disk as a ByteSource (source.ts): the CLI's reading. */
import { createReadStream } from 'node:fs';
import type { ByteSource } from './source.ts';

export const fileSource = (path: string): ByteSource => ({
  chunks: (chunkSize) => createReadStream(path, { highWaterMark: chunkSize }) as AsyncIterable<Buffer>,
});
