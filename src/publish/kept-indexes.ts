/**
 * The search index's parts (search-index.ts: searchParts) kept between builds, beside the search
 * copies: Pagefind over a part of 64 regions takes a minute at national scale, and between two
 * builds most parts have the same pages. Each kept part is recorded with its print (what it was
 * made from: KeptCopies.partPrints) and the state of each of its files (fileState: inode, size,
 * the time it was written), so that one missing a file or written since (a build killed while
 * giving it back, a hand in the cache or in a site) is not reused.
 *
 * A part's files are hard links (where the file system allows; else copies): the site's index and
 * the kept one are the same files, which no build writes into in place (precompress.ts unlinks a
 * file before it writes one). At 50 regions, copying the group's 23,000 files took 11 s each way.
 * A file's state leaves out the time its inode changed (fileMark's): linking a kept file into a
 * site, or removing that site, changes it. A write in place changes the time written; only
 * setting that time back by hand would pass unseen, and the privacy gate still reads the site.
 * The state holds the inode, so a cache copied or restored from elsewhere is never reused: each
 * of its parts is made again, and kept linked from then on.
 *
 * A build takes the kept folder by renaming it into its own (of two builds at once, the second
 * finds none and runs Pagefind on every part), and gives back the parts it reused and made only
 * once the privacy gate has passed its site. A build that failed or was refused puts back what it
 * took, untouched: a print is of pages, so it stays true whatever that build made.
 */
import { existsSync, lstatSync } from 'node:fs';
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileState, linkOrCopy } from './file-marks.ts';
import { inSlices, listFiles, makeFolders } from './site-files.ts';

/** The kept folder, in the copies' folder (searchCopiesDir). */
export const KEPT_INDEXES = 'indeks';
/** In a kept folder, each part's record. */
const RECORD = 'kt-indeks.json';
/** In a build's own folder: the parts as taken, and those it gives back. */
const TAKEN = 'indeks-lama';
const GIVEN = 'indeks';
interface KeptPart {
  print: string;
  /** By path in the part, each file's fileState as kept. */
  files: Record<string, string>;
}

const isKeptPart = (v: unknown): v is KeptPart =>
  typeof v === 'object' &&
  v !== null &&
  typeof (v as KeptPart).print === 'string' &&
  typeof (v as KeptPart).files === 'object' &&
  (v as KeptPart).files !== null &&
  Object.values((v as KeptPart).files).every((state) => typeof state === 'string');

/** The fileState of each of `paths` (relative to `dir`); a file that is not a regular one has none. */
async function statesOf(dir: string, paths: readonly string[]): Promise<Record<string, string | null>> {
  const states: (string | null)[] = new Array(paths.length).fill(null);
  await inSlices(paths, (rel, i) => {
    const s = lstatSync(join(dir, rel), { bigint: true });
    if (s.isFile()) states[i] = fileState(s);
  });
  return Object.fromEntries(paths.map((rel, i) => [rel, states[i]]));
}

/** Every file of `files` (paths under `from`) linked, or copied, to the same path under `to`. */
async function linkAll(from: string, to: string, files: readonly string[]): Promise<void> {
  await makeFolders(to, files);
  await inSlices(files, (rel) => linkOrCopy(join(from, rel), join(to, rel)));
}

export class KeptIndexes {
  /** By part, what this build gives back: the parts it made, then those it reused. */
  private readonly given: Record<string, KeptPart> = {};
  private readonly reused = new Set<string>();
  private settled = false;

  private constructor(
    /** The build's own folder (KeptCopies'), removed after it. */
    private readonly own: string,
    private readonly keptIn: string,
    private readonly taken: Record<string, KeptPart>,
  ) {}

  static async take(keptIn: string, own: string): Promise<KeptIndexes> {
    const taken: Record<string, KeptPart> = {};
    const renamed = await rename(join(keptIn, KEPT_INDEXES), join(own, TAKEN)).then(
      () => true,
      () => false, // none kept, or another build has them
    );
    if (renamed) {
      const record = await readFile(join(own, TAKEN, RECORD), 'utf8')
        .then((text) => JSON.parse(text) as unknown)
        .catch(() => null); // none, or not JSON: no part there is trusted
      if (typeof record === 'object' && record !== null)
        for (const [part, kept] of Object.entries(record)) if (isKeptPart(kept)) taken[part] = kept;
    }
    return new KeptIndexes(own, keptIn, taken);
  }

  /**
   * The part's kept index of this print, linked into `folder`, if each of its files is as it was
   * kept and none was added. False, with nothing left in `folder`, when there is none, or it is
   * not whole, or it cannot be linked: then Pagefind makes it.
   */
  async reuse(part: string, print: string, folder: string): Promise<boolean> {
    const kept = this.taken[part];
    const from = join(this.own, TAKEN, part);
    if (kept?.print !== print || !existsSync(from)) return false;
    try {
      const now = await statesOf(from, listFiles(from));
      const files = Object.keys(kept.files);
      if (files.length === Object.keys(now).length && files.every((rel) => now[rel] === kept.files[rel])) {
        await linkAll(from, folder, files);
        this.reused.add(part);
        this.given[part] = kept;
        return true;
      }
    } catch {
      // made by Pagefind instead
    }
    await rm(folder, { recursive: true, force: true });
    return false;
  }

  /** The part's index just made in `folder`, linked for the next build: never a failure (without it, the next build makes the part again). */
  async keep(part: string, print: string, folder: string): Promise<void> {
    const to = join(this.own, GIVEN, part);
    try {
      const files = listFiles(folder);
      await linkAll(folder, to, files);
      const states = await statesOf(to, files);
      if (Object.values(states).some((state) => state === null)) throw new Error('not a regular file');
      this.given[part] = { print, files: states as Record<string, string> };
    } catch {
      await rm(to, { recursive: true, force: true }).catch(() => undefined);
    }
  }

  /**
   * The parts this build made and reused, with their record, kept for the next build, unless
   * another build's are kept already (the rename then fails: a folder is never written into).
   */
  async giveBack(): Promise<void> {
    if (this.settled) return;
    this.settled = true;
    if (Object.keys(this.given).length === 0) return this.putBack();
    try {
      await mkdir(join(this.own, GIVEN), { recursive: true });
      for (const part of this.reused) await rename(join(this.own, TAKEN, part), join(this.own, GIVEN, part));
      await writeFile(join(this.own, GIVEN, RECORD), JSON.stringify(this.given));
      await rename(join(this.own, GIVEN), join(this.keptIn, KEPT_INDEXES));
    } catch {
      // not kept: the next build makes every part
    }
  }

  /** A build that failed or was refused: nothing it made is kept, what it took is put back. */
  async discard(): Promise<void> {
    if (this.settled) return;
    this.settled = true;
    await this.putBack();
  }

  /** What was taken, put back as it was (unless another build's are kept already). */
  private async putBack(): Promise<void> {
    await rename(join(this.own, TAKEN), join(this.keptIn, KEPT_INDEXES)).catch(() => undefined);
  }
}
