/**
 * Each region's headline figures (headlines.ts), kept between builds on the build machine
 * (KT_HEADLINES_DIR, or node_modules/.cache/kinerja-terbuka/kop), never in the site: one file per
 * region pages key (build/incremental.ts regionKeys: the region's published rows, its entry in the
 * data-quality report, its revisions, the code and what every region shares). The home page shows
 * every region's; a build that does not render a region's pages (a `--since` build's reused
 * regions, a merge's) takes them from here instead of reading that region's tables again: 3.3 s of
 * the national pages at 50 regions. Public figures, as the pages print them.
 *
 * The build says which regions' may be taken (`read`): none in a build that renders every region,
 * so that a full build, the reference the others are compared with, computes every one. Every
 * headline computed for a region with a key is kept, for the next build.
 */
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';

/** Where a renderer is told the keys (render.ts RenderInput.headlines), as JSON. */
export const HEADLINES_ENV = 'KT_HEADLINES';

export interface KeptHeadlines {
  dir: string;
  /** Each region's pages key. */
  keys: Record<string, string>;
  /** The regions whose headlines may be taken from `dir`. */
  read: readonly string[];
}

export const keptHeadlinesDir = (): string =>
  process.env.KT_HEADLINES_DIR ?? join(process.cwd(), 'node_modules', '.cache', 'kinerja-terbuka', 'kop');

/** What this renderer was told (HEADLINES_ENV), or undefined. */
export const keptHeadlinesGiven = (): KeptHeadlines | undefined => {
  const raw = process.env[HEADLINES_ENV];
  return raw ? (JSON.parse(raw) as KeptHeadlines) : undefined;
};

let told: { raw: string; kept: KeptHeadlines; read: Set<string> } | null = null;

/** keptHeadlinesGiven, its regions to read as a set, parsed again only when the variable changed (tests render several sites in one process). */
function keptTold(): { kept: KeptHeadlines; read: Set<string> } | null {
  const raw = process.env[HEADLINES_ENV];
  if (!raw) return null;
  if (told?.raw !== raw) {
    const kept = keptHeadlinesGiven()!;
    told = { raw, kept, read: new Set(kept.read) };
  }
  return told;
}

const fileOf = (dir: string, key: string) => join(dir, `${key}.json`);

/**
 * `kode`'s headlines: kept ones where the build allows it and a file of its key holds what
 * `valid` accepts, else `make()`'s, then kept (whole or not at all; a failure to keep them is no
 * failure of the page).
 */
export function keptOrMade<T>(kode: string, make: () => T, valid: (v: unknown) => v is T): T {
  const given = keptTold();
  const key = given?.kept.keys[kode];
  if (!given || !key) return make();
  const path = fileOf(given.kept.dir, key);
  if (given.read.has(kode)) {
    try {
      const kept: unknown = JSON.parse(readFileSync(path, 'utf8'));
      if (valid(kept)) return kept;
    } catch {
      // none kept, or unreadable: made again
    }
  }
  const made = make();
  try {
    mkdirSync(given.kept.dir, { recursive: true, mode: 0o700 });
    const part = `${path}.${randomUUID()}.tmp`;
    writeFileSync(part, JSON.stringify(made), { mode: 0o600 });
    renameSync(part, path);
  } catch {
    // not kept: the next build makes them
  }
  return made;
}

/** Removes every kept file of `dir` but those of `keys` (the site just published: the next `--since` build's). */
export function pruneKeptHeadlines(dir: string, keys: Iterable<string>): void {
  const keep = new Set(Array.from(keys, (k) => `${k}.json`));
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return;
  }
  for (const name of names) if (!keep.has(name)) rmSync(join(dir, name), { force: true });
}
