/**
 * Each region's headline figures (headlines.ts), kept between builds on the build machine
 * (KT_HEADLINES_DIR, or node_modules/.cache/kinerja-terbuka/kop), never in the site: one file per
 * region pages key (build/incremental.ts regionKeys: the region's published rows, its entry in the
 * data-quality report, its revisions, the code and what every region shares). The home page shows
 * every region's; a build that does not render a region's pages (a `--since` build's reused
 * regions, a merge's) takes them from there instead of reading that region's tables again: 3.3 s
 * of the national pages at 50 regions.
 *
 * The build says which regions' may be taken (`read`): none in a build that renders every region,
 * so that a full build, the reference the others are compared with, computes every one. What a
 * renderer computes is written into the build's stage (`made`) and kept only once the build has
 * published its site (settleKeptHeadlines), as the downloads' parts are: figures of a site the
 * privacy gate refused are not kept.
 */
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { writeWhole } from '../publish/kept-json.ts';

/** The path of a renderer's KeptHeadlines (a JSON file: a national site's keys would pass the limit of one environment variable). */
export const HEADLINES_ENV = 'KT_HEADLINES';

export interface KeptHeadlines {
  /** Where earlier builds' are kept (keptHeadlinesDir). */
  dir: string;
  /** Where this build writes those it makes: a folder of its stage. */
  made: string;
  /** Each region's pages key. */
  keys: Record<string, string>;
  /** The regions whose headlines may be taken from `dir`. */
  read: readonly string[];
}

export const keptHeadlinesDir = (): string =>
  process.env.KT_HEADLINES_DIR ?? join(process.cwd(), 'node_modules', '.cache', 'kinerja-terbuka', 'kop');

/** A kept file's name: its key's. Only such files are ever removed from the folder (settleKeptHeadlines). */
const KEPT_NAME = /^[0-9a-f]{64}\.json$/;
const fileOf = (dir: string, key: string) => join(dir, `${key}.json`);

let told: { path: string; kept: KeptHeadlines; read: Set<string> } | null = null;

/** What this renderer was told (HEADLINES_ENV), read once per file (tests render several sites in one process); null if nothing. */
function keptTold(): { kept: KeptHeadlines; read: Set<string> } | null {
  const path = process.env[HEADLINES_ENV];
  if (!path) return null;
  if (told?.path !== path) {
    const kept = JSON.parse(readFileSync(path, 'utf8')) as KeptHeadlines;
    told = { path, kept, read: new Set(kept.read) };
  }
  return told;
}

/**
 * `kode`'s headlines: kept ones where the build allows it and the file of its key holds what
 * `valid` accepts, else `make()`'s, then written for the build to keep (whole or not at all; a
 * failure to write them is no failure of the page).
 */
export function keptOrMade<T>(kode: string, make: () => T, valid: (v: unknown) => v is T): T {
  const given = keptTold();
  const key = given?.kept.keys[kode];
  if (!given || !key) return make();
  if (given.read.has(kode)) {
    try {
      const kept: unknown = JSON.parse(readFileSync(fileOf(given.kept.dir, key), 'utf8'));
      if (valid(kept)) return kept;
    } catch {
      // none kept, or unreadable: made again
    }
  }
  const made = make();
  try {
    mkdirSync(given.kept.made, { recursive: true, mode: 0o700 });
    writeWhole(fileOf(given.kept.made, key), JSON.stringify(made));
  } catch {
    // not kept: the next build makes them
  }
  return made;
}

/**
 * Once the site is published: the headlines its build made (in `made`) moved into `dir`, and of
 * the files kept there only those of `keys` (the site's regions, which the next `--since` build
 * reuses) left. Returns how many were made.
 */
export function settleKeptHeadlines(made: string, dir: string, keys: Iterable<string>): number {
  let names: string[];
  try {
    names = readdirSync(made).filter((n) => KEPT_NAME.test(n));
  } catch {
    names = []; // none made
  }
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  for (const name of names) {
    try {
      renameSync(join(made, name), join(dir, name));
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EXDEV') throw e;
      // Across file systems: copied, so that a reader finds it whole or not at all.
      writeWhole(join(dir, name), readFileSync(join(made, name)));
    }
  }
  const keep = new Set(Array.from(keys, (k) => `${k}.json`));
  for (const name of readdirSync(dir)) if (KEPT_NAME.test(name) && !keep.has(name)) rmSync(join(dir, name), { force: true });
  return names.length;
}
