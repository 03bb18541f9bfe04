/** The site's one sha256, as lowercase hex: of bytes or a text (UTF-8), and of a file read as a stream. */
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';

export const sha256 = (bytes: Uint8Array | string): string => createHash('sha256').update(bytes).digest('hex');

/** A file's, read in chunks (a national table is hundreds of MB). */
export async function fileSha256(path: string): Promise<string> {
  const h = createHash('sha256');
  for await (const chunk of createReadStream(path)) h.update(chunk as Buffer);
  return h.digest('hex');
}
