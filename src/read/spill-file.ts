/**
 * Bytes kept out of a process's heap: written to a file that has no name (opened, then unlinked
 * at once: the system removes it with the last process that holds it open, however that ends)
 * and read back by their place in it. A renderer keeps its charts' CSVs and SQL answers there
 * (src/site/spill.ts); the build's data half hands the private values back through one
 * (src/build/data-half.ts), given to its process as an open descriptor.
 */
import { closeSync, fstatSync, openSync, unlinkSync, writeSync } from 'node:fs';
import { readFullySync } from './file-source.ts';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Where kept bytes lie in a spill file: the first byte and the length in bytes. */
export interface Spilled {
  at: number;
  bytes: number;
}

export class SpillFile {
  #fd: number | null = null;
  #size = 0;
  #closed = false;

  /** `folder`: where its file is made, asked when it is first used. */
  constructor(private readonly folder: () => string = tmpdir) {}

  /** A spill file another process made and gave this one as descriptor `fd`, empty; this one writes to it. */
  static over(fd: number): SpillFile {
    const spill = new SpillFile();
    spill.#fd = fd;
    return spill;
  }

  /** Its open descriptor (made now if it was not), to give another process. */
  get fd(): number {
    if (this.#closed) throw new Error('berkas simpan sudah ditutup / the spill file is closed');
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
    const fd = this.fd;
    const at = this.#size;
    for (let done = 0; done < bytes.length;) done += writeSync(fd, bytes, done, bytes.length - done, at + done);
    this.#size += bytes.length;
    return { at, bytes: bytes.length };
  }

  get(spilled: Spilled): string {
    return this.bytes(spilled).toString('utf8');
  }

  bytes({ at, bytes }: Spilled): Buffer {
    const fd = this.fd;
    const out = Buffer.allocUnsafe(bytes);
    if (readFullySync(fd, out, at) < bytes) throw new Error('isi tersimpan terpotong / a kept content was cut short');
    return out;
  }

  /** How many bytes this process put in it. */
  get size(): number {
    return this.#size;
  }

  /** How many bytes the file holds, whoever wrote them. */
  fileBytes(): number {
    return fstatSync(this.fd).size;
  }

  /** Lets everything go, for good: a place it gave can no longer be read. */
  close(): void {
    if (this.#fd !== null && !this.#closed) closeSync(this.#fd);
    this.#fd = null;
    this.#closed = true;
  }
}
