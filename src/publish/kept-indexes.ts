/**
 * The search index's parts (search-index.ts: searchParts) kept between builds, beside the search
 * copies: Pagefind over a part of 64 regions takes a minute at national scale, and between two
 * builds most parts have the same pages. Each kept part is recorded with its print (what it was
 * made from: KeptCopies.partPrints) and its files' count and bytes, so that one missing a file
 * (a build killed while giving it back, a hand in the cache) is not reused.
 *
 * A build takes the kept folder by renaming it into its own (of two builds at once, the second
 * finds none and runs Pagefind on every part), and gives back the parts it reused and made only
 * once the privacy gate has passed its site. A build that failed or was refused puts back what it
 * took, untouched: a print is of pages, so it stays true whatever that build made.
 */
import { existsSync } from 'node:fs';
import { cp, mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileSizes, walk } from './site-files.ts';

/** The kept folder, in the copies' folder (searchCopiesDir). */
export const KEPT_INDEXES = 'indeks';
/** In a kept folder, each part's record. */
const RECORD = 'kt-indeks.json';
/** In a build's own folder: the parts as taken, and those it gives back. */
const TAKEN = 'indeks-lama';
const GIVEN = 'indeks';

interface KeptPart {
  print: string;
  files: number;
  bytes: number;
}

const isKeptPart = (v: unknown): v is KeptPart =>
  typeof v === 'object' &&
  v !== null &&
  typeof (v as KeptPart).print === 'string' &&
  Number.isInteger((v as KeptPart).files) &&
  Number.isInteger((v as KeptPart).bytes);

/** The files under `dir` and their bytes. */
async function tally(dir: string): Promise<{ files: number; bytes: number }> {
  const paths: string[] = [];
  for await (const f of walk(dir)) paths.push(f);
  return { files: paths.length, bytes: (await fileSizes(paths)).reduce((a, b) => a + b, 0) };
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
   * The part's kept index of this print, copied into `folder` (a copy: the site's files may be
   * written over later, the kept ones must not be). False, with nothing left in `folder`, when
   * there is none, or it is not whole, or it cannot be copied: then Pagefind makes it.
   */
  async reuse(part: string, print: string, folder: string): Promise<boolean> {
    const kept = this.taken[part];
    const from = join(this.own, TAKEN, part);
    if (kept?.print !== print || !existsSync(from)) return false;
    try {
      const now = await tally(from);
      if (now.files === kept.files && now.bytes === kept.bytes) {
        await cp(from, folder, { recursive: true });
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

  /** A copy of the part's index just made in `folder`, for the next build: never a failure (without it, the next build makes the part again). */
  async keep(part: string, print: string, folder: string): Promise<void> {
    const to = join(this.own, GIVEN, part);
    try {
      await cp(folder, to, { recursive: true });
      this.given[part] = { print, ...(await tally(to)) };
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
