/**
 * What a renderer must keep to the end of its build but need not hold: the CSV of every chart,
 * which Astro's CSV routes serve after every page, each region's charts, packed, and the answer
 * to every SQL question, which the pages of the second language ask again (issue #13). Held, they grew with the regions a
 * renderer draws: at 500 regions, the largest part of what a renderer's heap kept growing by
 * (V8's sampling heap profiler, session 26). They are written to a file of this process's that
 * has no name (opened, then unlinked at once: gone with the process, however it ends) and read
 * back by their place in it. They are published texts, nothing private.
 */
import { closeSync, openSync, readSync, unlinkSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Where a text lies in the spill: its first byte and its length in bytes (UTF-8). */
export interface Spilled {
  at: number;
  bytes: number;
}

export class TextSpill {
  #fd: number | null = null;
  #size = 0;

  #file(): number {
    if (this.#fd === null) {
      const path = join(tmpdir(), `kt-spill-${process.pid}-${Math.random().toString(36).slice(2)}`);
      this.#fd = openSync(path, 'w+', 0o600);
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
    const out = Buffer.allocUnsafe(bytes);
    for (let done = 0; done < bytes;) {
      const n = readSync(this.#file(), out, done, bytes - done, at + done);
      if (n === 0) throw new Error('teks tersimpan terpotong / a kept text was cut short');
      done += n;
    }
    return out;
  }

  /** Lets every text go (a test's, or a build's end). */
  close(): void {
    if (this.#fd !== null) closeSync(this.#fd);
    this.#fd = null;
    this.#size = 0;
  }
}

/** This process's spill: charts and their CSVs, SQL answers. */
export const renderSpill = new TextSpill();
