/**
 * Deflated parts of the downloads kept between builds (a region's rows of a table, in an Excel
 * sheet, xlsx.ts, or a bundle's CSV, bundles.ts), by a key of everything that made them (the
 * sha256 of the region file among it), so that a build in which one region changed deflates that
 * region's rows only. In `node_modules/.cache/kinerja-terbuka/bagian/` (KT_PART_DIR): one file
 * per part, its CRC-32 and input size ahead of its deflated bytes, and the sha256 of all three:
 * a file not whole or not as written is no part (made again). A part holds rows of a published
 * file only. Like the gate's memory, it is a statement about bytes this machine made: keep it
 * where the code is built.
 *
 * Parts a build makes wait in a folder of its own (`baru-<pid>-<random>`, pendingDir) until the
 * privacy gate has passed its site (settle): a refused or failed build's rows are never kept
 * (discard), and a killed build's folder is removed by a later build once that process is gone.
 */
import { createHash, randomUUID } from 'node:crypto';
import { mkdir, readdir, readFile, rename, rm, stat, unlink, utimes, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { removeLeftovers } from './leftovers.ts';
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
  constructor(
    readonly dir = partCacheDir(),
    /** Where this build's parts wait for the gate (pendingDir): one folder per build, named by the build's process. */
    readonly pending = PartCache.pendingDir(dir),
  ) {}

  /** A new build's waiting folder in `dir`: its process's pid (leftovers are told by it) and a random part (two builds of one process, as tests run them, never share one). */
  static pendingDir(dir = partCacheDir(), pid = process.pid): string {
    return join(dir, `baru-${pid}-${randomUUID().slice(0, 8)}`);
  }

  /** Before a build makes parts: the waiting folders of builds no longer running are removed. */
  static cleanLeftovers(dir = partCacheDir()): Promise<void> {
    return removeLeftovers(dir, /^baru-(\d+)-/);
  }

  /**
   * A build's parts, once the gate has passed its site: kept for the next builds, as if made now
   * (a build of 500 regions reaches its gate more than KEPT_MS after making them, and another
   * build's prune would take them for unused).
   */
  static async settle(pending: string): Promise<void> {
    const dir = join(pending, '..');
    const now = new Date();
    for (const name of await readdir(pending).catch(() => [] as string[])) {
      if (!name.endsWith('.part')) continue;
      await utimes(join(pending, name), now, now).catch(() => {});
      await rename(join(pending, name), join(dir, name)).catch(() => {});
    }
    await rm(pending, { recursive: true, force: true });
  }

  /** A build's parts, when it failed or was refused: none kept. */
  static discard(pending: string): Promise<void> {
    return rm(pending, { recursive: true, force: true });
  }

  /** The key of what made a part: a hash of its description. */
  static key(...made: unknown[]): string {
    return createHash('sha256').update(JSON.stringify(made)).digest('hex');
  }

  /** A part kept, or made by this build already (waiting for the gate). */
  async get(key: string): Promise<DeflatedPart | null> {
    this.#used.add(key);
    const mine = join(this.pending, `${key}.part`);
    const path = join(this.dir, `${key}.part`);
    try {
      const file = await readFile(mine).catch(() => readFile(path));
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

  /** Keeps a part, whole or not at all, in this build's waiting folder (settle); a failure only loses it. */
  async put(key: string, part: DeflatedPart): Promise<void> {
    this.#used.add(key);
    this.count.made++;
    const head = Buffer.alloc(HEAD);
    MAGIC.copy(head);
    head.writeUInt32BE(part.crc >>> 0, MAGIC.length);
    head.writeBigUInt64BE(BigInt(part.size), MAGIC.length + 4);
    sealOf(head.subarray(MAGIC.length, HEAD - 32), part.deflated).copy(head, HEAD - 32);
    const path = join(this.pending, `${key}.part`);
    try {
      await mkdir(this.pending, { recursive: true });
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
      if (!name.endsWith('.part') || this.#used.has(name.replace(/\.part$/, ''))) continue;
      const path = join(this.dir, name);
      const at = await stat(path).catch(() => null);
      if (at && at.mtimeMs < before) await unlink(path).catch(() => {});
    }
  }
}
