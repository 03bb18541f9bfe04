/**
 * The bytes of one input file, wherever they are: a path on disk for the CLI (file-source.ts),
 * a File the officer picked in the browser (blobSource). The readers take this, never a path,
 * so one reading serves both.
 */
export interface ByteSource {
  /** The bytes in chunks of `chunkSize` (the last may be shorter): the first chunk is the one judged for UTF-16. */
  chunks(chunkSize: number): AsyncIterable<Uint8Array>;
}

/** A Blob (a picked File) read a slice at a time, in chunks the size a disk read gives. */
export const blobSource = (blob: Blob): ByteSource => ({
  async *chunks(chunkSize) {
    for (let at = 0; at < blob.size; at += chunkSize) yield new Uint8Array(await blob.slice(at, at + chunkSize).arrayBuffer());
  },
});
