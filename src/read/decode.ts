/**
 * Bytes to text, strictly: Excel's "CSV UTF-8" (with or without BOM) is the only accepted
 * encoding. A fatal decoder fails on the first invalid byte instead of inventing U+FFFD,
 * so a Windows-1252 export is reported, not silently mangled.
 */
import { createReadStream } from 'node:fs';

export class EncodingError extends Error {
  constructor(readonly detail: 'utf16' | 'invalid-utf8') {
    super(detail);
  }
}

/** Streams a file as UTF-8 text chunks, BOM removed. Throws EncodingError. */
export async function* decodeUtf8(path: string, chunkSize = 1 << 20): AsyncGenerator<string> {
  const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });
  let first = true;
  for await (const buf of createReadStream(path, { highWaterMark: chunkSize }) as AsyncIterable<Buffer>) {
    if (first) {
      first = false;
      // Excel's "Unicode Text" is UTF-16 with a BOM.
      if (buf.length >= 2 && ((buf[0] === 0xff && buf[1] === 0xfe) || (buf[0] === 0xfe && buf[1] === 0xff))) throw new EncodingError('utf16');
      // Without its BOM, UTF-16 text is valid UTF-8 byte for byte (every other byte a NUL), and
      // would surface as garbled headers. No CSV that Excel writes as text holds a NUL.
      if (buf.includes(0)) throw new EncodingError('utf16');
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
