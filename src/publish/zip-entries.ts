/**
 * A zip's entries inflated a chunk at a time (fflate's streaming Unzip), for readers that must
 * not hold a whole entry: at national scale the survey microdata's Excel sheet is gigabytes of
 * XML inside a zip of tens of megabytes.
 */
import { Unzip, UnzipInflate } from 'fflate';

/** The zip's bytes are pushed this many at a time (each push is inflated at once: a push of 64 KB is about a megabyte of XML). */
const PUSH_BYTES = 64 << 10;

/**
 * Calls `onChunk` with each entry's inflated bytes in order, `final` on its last chunk (an empty
 * entry gives one empty final chunk); entries `only` refuses are passed over, not inflated.
 * Throws on a damaged zip.
 */
export function inflateEntries(
  zip: Uint8Array,
  onChunk: (name: string, chunk: Uint8Array, final: boolean) => void,
  only: (name: string) => boolean = () => true,
): void {
  const unzip = new Unzip();
  unzip.register(UnzipInflate);
  let failure: Error | null = null;
  unzip.onfile = (file) => {
    if (!only(file.name)) return;
    file.ondata = (err, chunk, final) => {
      if (err) failure ??= err;
      else if (!failure) onChunk(file.name, chunk, final);
    };
    file.start();
  };
  for (let at = 0; at < zip.length && !failure; at += PUSH_BYTES) {
    unzip.push(zip.subarray(at, at + PUSH_BYTES), at + PUSH_BYTES >= zip.length);
  }
  if (zip.length === 0) unzip.push(zip, true);
  if (failure) throw failure;
}
