/**
 * Deflated parts of the downloads kept between builds (a region's rows of a table, in an Excel
 * sheet, xlsx.ts, or a bundle's CSV, bundles.ts), by a key of everything that made them (the
 * sha256 of the region file among it), so that a build in which one region changed deflates that
 * region's rows only. In `node_modules/.cache/kinerja-terbuka/bagian/` (KT_PART_DIR): one file
 * per part, its CRC-32 and input size ahead of its deflated bytes, and the sha256 of all three:
 * a file not whole or not as written is no part (made again). A part holds rows of a published
 * file only. Like the gate's memory, it is a statement about bytes this machine made: keep it
 * where the code is built.
 */
import { createHash } from 'node:crypto';
import { mkdir, readdir, readFile, rename, stat, unlink, utimes, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { DeflatedPart } from './piecewise-deflate.ts';

export const partCacheDir = (): string =>
  process.env.KT_PART_DIR ?? join(process.cwd(), 'node_modules', '.cache', 'kinerja-terbuka', 'bagian');

const MAGIC = Buffer.from('KTBAGIAN');
const HEAD = MAGIC.length + 4 + 8 + 32;
/** A part neither used by a build nor made within this time is removed by it: two builds at once keep each other's. */
const KEPT_MS = 60 * 60 * 1000;

/** The sha256 of a part's CRC-32 and size (as written) and its deflated bytes. */
const sealOf = (fields: Uint8Array, deflated: Uint8Array) => createHash('sha256').update(fields).update(deflated).digest();

export class PartCache {
  /** Keys asked for or given by this build. */
  readonly #used = new Set<string>();
  /** Parts found and given back, and parts made and kept, by this build. */
  readonly count = { kept: 0, made: 0 };
  constructor(readonly dir = partCacheDir()) {}

  /** The key of what made a part: a hash of its description. */
  static key(...made: unknown[]): string {
    return createHash('sha256').update(JSON.stringify(made)).digest('hex');
  }

  async get(key: string): Promise<DeflatedPart | null> {
    this.#used.add(key);
    const path = join(this.dir, `${key}.part`);
    try {
      const file = await readFile(path);
      if (file.length < HEAD || !file.subarray(0, MAGIC.length).equals(MAGIC)) return null;
      const deflated = file.subarray(HEAD);
      if (!sealOf(file.subarray(MAGIC.length, HEAD - 32), deflated).equals(file.subarray(HEAD - 32, HEAD))) return null;
      const now = new Date();
      await utimes(path, now, now).catch(() => {});
      this.count.kept++;
      return { deflated, crc: file.readUInt32BE(MAGIC.length), size: Number(file.readBigUInt64BE(MAGIC.length + 4)) };
    } catch {
      return null;
    }
  }

  /** Keeps a part, whole or not at all (a killed build leaves at most a file named for its process); a failure only loses it. */
  async put(key: string, part: DeflatedPart): Promise<void> {
    this.#used.add(key);
    this.count.made++;
    const head = Buffer.alloc(HEAD);
    MAGIC.copy(head);
    head.writeUInt32BE(part.crc >>> 0, MAGIC.length);
    head.writeBigUInt64BE(BigInt(part.size), MAGIC.length + 4);
    sealOf(head.subarray(MAGIC.length, HEAD - 32), part.deflated).copy(head, HEAD - 32);
    const path = join(this.dir, `${key}.part`);
    try {
      await mkdir(this.dir, { recursive: true });
      await writeFile(`${path}.${process.pid}`, Buffer.concat([head, part.deflated]));
      await rename(`${path}.${process.pid}`, path);
    } catch {
      // a cache: the next build makes it again
    }
  }

  /** Removes the parts this build did not use, unless touched within KEPT_MS (another build's). */
  async prune(): Promise<void> {
    const names = await readdir(this.dir).catch(() => [] as string[]);
    const before = Date.now() - KEPT_MS;
    for (const name of names) {
      if (this.#used.has(name.replace(/\.part$/, ''))) continue;
      const path = join(this.dir, name);
      const at = await stat(path).catch(() => null);
      if (at && at.mtimeMs < before) await unlink(path).catch(() => {});
    }
  }
}
