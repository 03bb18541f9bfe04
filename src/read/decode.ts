/**
 * Bytes to text, strictly: Excel's "CSV UTF-8" (with or without BOM) is the only accepted
 * encoding. A fatal decoder fails on the first invalid byte instead of inventing U+FFFD,
 * so a Windows-1252 export is reported, not silently mangled.
 */
import type { ByteSource } from './source.ts';

export class EncodingError extends Error {
  constructor(readonly detail: 'utf16' | 'invalid-utf8') {
    super(detail);
  }
}

/**
 * Excel's "Unicode Text": UTF-16 with a BOM. Without its BOM, UTF-16 text is valid UTF-8 byte
 * for byte (every other byte a NUL) and would surface as garbled headers; no CSV that Excel
 * writes as text holds a NUL. `head`: the file's first bytes.
 */
export const looksUtf16 = (head: Uint8Array): boolean =>
  (head.length >= 2 && ((head[0] === 0xff && head[1] === 0xfe) || (head[0] === 0xfe && head[1] === 0xff))) || head.includes(0);

/** Streams a file as UTF-8 text chunks, BOM removed. Throws EncodingError. */
export async function* decodeUtf8(source: ByteSource, chunkSize = 1 << 20): AsyncGenerator<string> {
  const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });
  let first = true;
  for await (const buf of source.chunks(chunkSize)) {
    if (first) {
      first = false;
      if (looksUtf16(buf)) throw new EncodingError('utf16');
    }
    let text: string;
    try {
      text = decoder.decode(buf, { stream: true });
    } catch {
      throw new EncodingError('invalid-utf8');
    }
    if (text) yield text;
  }
  let tail: string;
  try {
    tail = decoder.decode();
  } catch {
    throw new EncodingError('invalid-utf8');
  }
  if (tail) yield tail;
}
