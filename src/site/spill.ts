/**
 * What a renderer must keep to the end of its build but need not hold (issue #13): the CSV of
 * every chart, which Astro's CSV routes serve after every page; the answer to every SQL question,
 * which the second language's pages ask again; each region's packed charts. Held, the first two
 * were what a renderer's heap kept growing by at 500 regions (V8's sampling heap profiler,
 * session 26). They go to a file of this process's that has no name (opened, then unlinked at
 * once: gone with the process, however it ends), beside the stage, so on the output's disk
 * rather than a /tmp that may be memory; and are read back by their place in it. All of it is
 * published content, nothing private.
 */
import { closeSync, existsSync, openSync, readSync, unlinkSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { publishedDir } from './published.ts';

/** Where a text or bytes lie in the spill: the first byte and the length in bytes. */
export interface Spilled {
  at: number;
  bytes: number;
}

export class TextSpill {
  #fd: number | null = null;
  #size = 0;
  #closed = false;

  /** `folder`: where its file is made, asked when the first thing is kept. */
  constructor(private readonly folder: () => string = tmpdir) {}

  #file(): number {
    if (this.#closed) throw new Error('tempat simpan sudah ditutup / the spill is closed');
    if (this.#fd === null) {
      const path = join(this.folder(), `.kt-spill-${process.pid}-${Math.random().toString(36).slice(2)}`);
      this.#fd = openSync(path, 'wx+', 0o600);
      unlinkSync(path);
    }
    return this.#fd;
  }

  /** Keeps a text (as UTF-8) or bytes. */
  put(data: string | Uint8Array): Spilled {
    const bytes = typeof data === 'string' ? Buffer.from(data, 'utf8') : data;
    const fd = this.#file();
    const at = this.#size;
    for (let done = 0; done < bytes.length;) done += writeSync(fd, bytes, done, bytes.length - done, at + done);
    this.#size += bytes.length;
    return { at, bytes: bytes.length };
  }

  get(spilled: Spilled): string {
    return this.bytes(spilled).toString('utf8');
  }

  bytes({ at, bytes }: Spilled): Buffer {
    const fd = this.#file();
    const out = Buffer.allocUnsafe(bytes);
    for (let done = 0; done < bytes;) {
      const n = readSync(fd, out, done, bytes - done, at + done);
      if (n === 0) throw new Error('isi tersimpan terpotong / a kept content was cut short');
      done += n;
    }
    return out;
  }

  /** How many bytes it holds. */
  get size(): number {
    return this.#size;
  }

  /** Lets everything go, for good: a place it gave can no longer be read. */
  close(): void {
    if (this.#fd !== null) closeSync(this.#fd);
    this.#fd = null;
    this.#closed = true;
  }
}

/** This process's spill, beside the stage whose tables it renders (the temporary folder when there is none). */
export const renderSpill = new TextSpill(() => {
  const stage = dirname(publishedDir());
  return existsSync(stage) ? stage : tmpdir();
});
