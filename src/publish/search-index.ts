/**
 * The site's search index: Pagefind indexes the built pages into <site>/pagefind/ (one index per
 * page language), so search works on any static host without a server; its scripts are served
 * from the site. It reads each page's search copy (search-copy.ts), not the page.
 *
 * Pagefind holds every page of a run in memory: one run over the 244,000 pages of 500 sample
 * regions held 7.0 GB (docs/benchmark.md, session 28).
 * So the site is indexed in parts (searchParts): its national pages, into pagefind/ with
 * Pagefind's scripts, and its regions in groups (regionsPerIndex) in code order, each into a
 * folder of its own there (pagefind/wilayah-1/, …) that the search page merges into the first
 * (Pagefind's mergeIndex), as listed in SEARCH_PARTS_FILE.
 */
import { spawn } from 'node:child_process';
import { createHash, type Hash } from 'node:crypto';
import { sha256 } from '../read/sha256.ts';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { mkdir, mkdtemp, readdir, readFile, rename, rm, rmdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { LANG_PARAMS, regionOfPath, SEARCH_INDEX, SEARCH_PARTS_FILE } from '../routes.ts';
import { watchPeak } from './process-peak.ts';
import { searchCopy } from './search-copy.ts';
import { KeptIndexes } from './kept-indexes.ts';
import { removeLeftovers } from './leftovers.ts';
import { allSettledThenThrow, emptyFiles, inTurns, makeFolders, listFiles } from './site-files.ts';

/**
 * Indexes the pages under `siteStage`. Pagefind runs as its own command, not through its Node
 * API: that API answers `writeFiles` while the last bytes of each file are still being written in
 * the background, and its `close()` then kills the process, cutting files short at random
 * (seen as pagefind-component-ui.js differing between two builds of the same inputs, and as
 * empty or cut entry files under load). A command that has exited has written everything.
 *
 * Pagefind reads the pages' search copies, kept between builds (KeptCopies).
 */
export async function indexForSearch(siteStage: string, opts: SearchOptions = {}): Promise<SearchMade> {
  const { run = runPagefind, known = new Map(), kode = '' } = opts;
  const out = join(siteStage, SEARCH_INDEX);
  await rm(out, { recursive: true, force: true });
  const copies = opts.copies ?? (await KeptCopies.take(opts.keptIn ?? searchCopiesDir(), kode));
  // What makes the index, in a part's print: a part's index is kept only for the same maker (another's may differ).
  const maker = opts.run ? opts.maker : pagefindMaker();
  let made: SearchMade;
  let parts: string[];
  try {
    let cut: number, kept: number;
    ({ cut, kept, parts } = await copies.update(siteStage, known, opts.regionsPerIndex, opts.elsewhere));
    made = { cut, kept, parts: parts.length, reused: 0, ran: 0, peak: null, whole: null };
    let measured = false;
    const prints = maker === undefined ? null : copies.partPrints(maker);
    // The national part first (searchParts): its folder is pagefind/ itself (emptied above), in which the groups' folders are then written.
    for (const part of parts) {
      const folder = partFolder(out, part);
      const print = prints?.get(part);
      if (print !== undefined && (await copies.indexes.reuse(part, print, folder))) {
        made.reused++;
        continue;
      }
      const how = await run(join(copies.dir, part), folder);
      made.ran++;
      await finishPart(out, part);
      if (print !== undefined) await copies.indexes.keep(part, print, folder);
      if (!how) continue;
      made.peak = measured ? largestPeak(made.peak, how.peak) : how.peak;
      measured = true;
      if (how.whole !== null) made.whole = [made.whole, `${part}: ${how.whole}`].filter(Boolean).join('; ');
    }
  } finally {
    // The caller gives its copies back once the site is judged; copies taken here, at once.
    if (!opts.copies) await copies.giveBack();
  }
  await writeFile(join(out, SEARCH_PARTS_FILE), JSON.stringify(parts.filter((p) => p !== NATIONAL_PART).map((p) => `${p}/`)));
  return made;
}

/**
 * A part's index as it is served, once checked whole (no empty file, an entry file that reads):
 * its entry file's languages in order; a merged part (a group) is searched with the first's
 * scripts and WebAssembly, so its own copies of them are not kept. Run on the national part
 * before any group's folder is written in it.
 */
async function finishPart(out: string, part: string): Promise<void> {
  const folder = partFolder(out, part);
  const entry = join('pagefind', relative(out, folder), 'pagefind-entry.json');
  if (!existsSync(folder)) throw new Error(`Pagefind: ${entry} rusak atau tidak ada / broken or missing`);
  const empty = await emptyFiles(folder);
  if (empty.length > 0)
    throw new Error(`Pagefind: berkas kosong / empty files: ${empty.map((f) => join('pagefind', relative(out, folder), f)).join(', ')}`);
  if (!(await sortEntryLanguages(join(folder, 'pagefind-entry.json'))))
    throw new Error(`Pagefind: ${entry} rusak atau tidak ada / broken or missing`);
  if (part !== NATIONAL_PART) for (const f of await readdir(folder)) if (!PART_OWN.test(f)) await rm(join(folder, f), { recursive: true });
}

/**
 * Pagefind's version and the binaries the environment names for it: an index is the same bytes
 * from the same copies only for the same of these.
 */
function pagefindMaker(): string {
  const { dir, version } = pagefindPackage();
  const binaries = Object.entries(process.env)
    .filter(([name]) => /^PAGEFIND_.*BINARY_PATH$/i.test(name))
    .sort();
  return JSON.stringify({ pagefind: version ?? dir, binaries });
}

/**
 * Regions one search index holds at most: at 500 sample regions a part has up to 39,000 pages,
 * and Pagefind held 872 MiB for the largest (one language of the whole site: 4.7 GB; session 30
 * in docs/benchmark.md). More parts make a first search fetch more small files (each part's
 * entry, its pages' list and the words' chunks): 500 regions, 9 parts.
 */
const MOST_PER_INDEX = 64;
/** Groups of regions a site of up to 512 regions is indexed in, at most: as many as 500 regions need (a reader fetches no more parts than there). */
const MOST_GROUPS = 8;
/**
 * Regions a group holds at least, where the site has that many: smaller groups would add parts to
 * fetch for little. At 50 regions, 7 groups of up to 8 (a reader fetches them and the national
 * part: 8 parts, where 500 regions make 9): a `--since` build there indexes 8 regions again,
 * where Pagefind took 6.3 s over a group of 16.
 */
const LEAST_PER_INDEX = 8;

/**
 * Regions one part of a site of `regions` regions holds: as few as MOST_GROUPS groups allow, from
 * LEAST_PER_INDEX to MOST_PER_INDEX, so that a build in which one region changed indexes its
 * group again, not more regions than that (at 50 regions one group of 50 took most of a --since
 * build's search phase).
 */
export const regionsPerIndex = (regions: number): number =>
  Math.min(MOST_PER_INDEX, Math.max(LEAST_PER_INDEX, Math.ceil(regions / MOST_GROUPS)));

/** The part of the national pages (pagefind/ itself); a group of regions is `wilayah-<n>`. */
export const NATIONAL_PART = 'nasional';
const GROUP = 'wilayah-';
const isPart = (name: string) => name === NATIONAL_PART || (name.startsWith(GROUP) && /^[1-9][0-9]*$/.test(name.slice(GROUP.length)));

/** What a merged part keeps of what Pagefind writes: its entry, its pages' list, its words, fragments and filters. */
const PART_OWN = /^(pagefind-entry\.json|.*\.pf_meta|index|fragment|filter)$/;

/** Where a part's index is written, under `out` (the site's pagefind/). */
const partFolder = (out: string, part: string) => (part === NATIONAL_PART ? out : join(out, part));

/**
 * The search index's parts, in the order they are indexed (NATIONAL_PART first, always, if only
 * to let Pagefind say that there is no page; then the groups by number), and the part `of` each
 * page (a path relative to the site): the group of its region, the regions in code order
 * `perIndex` (regionsPerIndex) to a group. Of the same regions, the same parts, whichever pages changed.
 */
export function searchParts(pages: Iterable<string>, perIndexGiven?: number): { parts: string[]; of: (page: string) => string } {
  const regions = new Set<string>();
  for (const page of pages) {
    const region = regionOfPath(page);
    if (region !== null) regions.add(region);
  }
  const perIndex = perIndexGiven ?? regionsPerIndex(regions.size);
  const group = new Map([...regions].sort().map((r, i) => [r, `${GROUP}${Math.floor(i / perIndex) + 1}`]));
  const groups = Math.ceil(regions.size / perIndex);
  return {
    parts: [NATIONAL_PART, ...Array.from({ length: groups }, (_, i) => `${GROUP}${i + 1}`)],
    of: (page) => {
      const region = regionOfPath(page);
      return region === null ? NATIONAL_PART : group.get(region)!;
    },
  };
}

/** Of runs one after another (the parts), the peak: the largest of theirs, unknown if any is. */
export const largestPeak = (a: number | null, b: number | null): number | null => (a === null || b === null ? null : Math.max(a, b));

/** How Pagefind ran: its peak memory (KiB; null: unknown, see watchPeak), and why it indexed every language in one run, if it did (else null). */
export interface PagefindRan {
  peak: number | null;
  whole: string | null;
}

/**
 * Search copies cut and kept; the parts of the index, how many were reused from an earlier build
 * and on how many Pagefind ran; how it ran (of its parts, one after another, the largest peak: a
 * part's is the sum of its languages' runs, side by side, an upper bound; null when none ran or
 * any is unknown; each part's why, if any).
 */
export interface SearchMade extends PagefindRan {
  cut: number;
  kept: number;
  parts: number;
  reused: number;
  ran: number;
}

export interface SearchOptions {
  /** What makes a part's index from its copies, saying how it ran (Pagefind's command; tests give others). */
  run?: (site: string, outputPath: string) => Promise<PagefindRan | void>;
  /** With `run`, what names it in a part's print (pagefindMaker); without, no index it makes is kept or reused. */
  maker?: string;
  /** The sha256 of pages by path where known already (a region taken from the previous site): such a page whose copy is kept is not read. */
  known?: ReadonlyMap<string, string>;
  /** Copies the caller took (the build: it gives them back only once the privacy gate has passed the site). */
  copies?: KeptCopies;
  /** Else copies are taken from here (searchCopiesDir) and given back at once… */
  keptIn?: string;
  /** …as cut by this code (codeVersion): copies cut by other code are not kept. */
  kode?: string;
  /** Regions a part of the index holds at most (regionsPerIndex; tests make parts of a few). */
  regionsPerIndex?: number;
  /** Files of the site that lie elsewhere until it is published (an incremental build's regions moved at the swap): under `from`, by their path in the site. */
  elsewhere?: SiteElsewhere;
}

/** Files of a site that lie in another folder until it is published, by their path in the site. */
export interface SiteElsewhere {
  from: string;
  files: readonly string[];
}

/**
 * Where the last build's search copies and parts' indexes are kept (node_modules/.cache, as the
 * gate's memory, or KT_SEARCH_DIR: the bench gives each site its own): never in the site.
 */
export const searchCopiesDir = (): string =>
  process.env.KT_SEARCH_DIR ?? join(process.cwd(), 'node_modules', '.cache', 'kinerja-terbuka', 'cari');

/** Pages read this many at a time: the disk and the scan overlap. */
const COPIES_AT_ONCE = 16;

/** The kept folder of copies, in `keptIn`. */
const KEPT = 'salinan';

/** In a folder of copies, what they were cut by and from (no .html file: Pagefind reads none else). */
export const COPIES_RECORD = 'kt-salinan.json';

/** Changed when what a part's print covers changes: earlier prints then match none. */
const INDEX_PRINT = 1;

interface CopiesRecord {
  /** The code that cut them. */
  kode: string;
  /** By page path, the sha256 of the page its copy was cut from. */
  salinan: Record<string, string>;
}

/**
 * The search copies of the last build that made them, for the next: at 50 regions, cutting and
 * writing 23,000 copies was most of the search phase, and between two builds most pages are the
 * same bytes. A build takes the kept folder by renaming it into a folder of its own
 * (`bangun-<pid>-…`, whose leftovers a later build removes once that process is gone; of two
 * builds at once, the second finds none and cuts every page), brings it up to date with its site
 * (a copy whose page has other bytes, or that is missing, is cut again; one whose page is gone is
 * removed) and gives it back. The build gives them back only once the privacy gate has passed
 * the site, so no copy of a refused page is kept. The record of what the copies were cut from, and
 * by which code, is written only when every copy is: a build killed midway leaves a folder of its
 * own, never a kept folder that lies.
 */
export class KeptCopies {
  private settled = false;

  private constructor(
    /** This build's own folder in `keptIn`; the copies are in `dir`. */
    private readonly own: string,
    readonly dir: string,
    private readonly keptIn: string,
    private readonly kode: string,
    /** By page path, the sha256 of the page its copy was cut from: as taken, then this build's once every copy is written. */
    private record: Record<string, string>,
    /** The parts' indexes kept by an earlier build, taken with the copies (kept-indexes.ts). */
    readonly indexes: KeptIndexes,
  ) {}

  /** The part of each page, once updated. */
  private partOf: ((page: string) => string) | null = null;

  static async take(keptIn: string, kode: string): Promise<KeptCopies> {
    await mkdir(keptIn, { recursive: true });
    await removeLeftovers(keptIn, /^bangun-(\d+)-/);
    const own = await mkdtemp(join(keptIn, `bangun-${process.pid}-`));
    const dir = join(own, KEPT);
    const taken = await rename(join(keptIn, KEPT), dir).then(
      () => true,
      () => false, // none kept, or another build has it
    );
    let record: Record<string, string> = {};
    if (taken) {
      const kept = await readFile(join(dir, COPIES_RECORD), 'utf8')
        .then((text) => JSON.parse(text) as Partial<CopiesRecord>)
        .catch(() => null); // none, or not JSON: no copy there is trusted
      await rm(join(dir, COPIES_RECORD), { force: true });
      if (kept?.kode === kode && typeof kept.salinan === 'object' && kept.salinan !== null) record = kept.salinan;
      else await rm(dir, { recursive: true, force: true });
    }
    await mkdir(dir, { recursive: true });
    // Taken whether or not copies were: a print is of pages, not of copies.
    const indexes = await KeptIndexes.take(keptIn, own);
    return new KeptCopies(own, dir, keptIn, kode, record, indexes);
  }

  /**
   * What each part's index is made from, as one hash: the path and page hash of every copy in the
   * part (after update), the code that cut them, and what makes the index (`maker`). Pagefind
   * makes the same bytes from the same copies (test/browser/shards.test.ts and
   * second-publication.test.ts compare, byte for byte, a site whose parts were made afresh with one
   * whose parts were reused), so an index of the same print is the one it would make.
   */
  partPrints(maker: string): Map<string, string> {
    const partOf = this.partOf;
    if (partOf === null) throw new Error('partPrints before update');
    // One pass over the record (244,000 pages at 500 regions), each page into its part's hash.
    const hashes = new Map<string, Hash>();
    for (const [page, sha] of Object.entries(this.record)) {
      const part = partOf(page);
      let hash = hashes.get(part);
      if (!hash) hashes.set(part, (hash = createHash('sha256').update(JSON.stringify([INDEX_PRINT, this.kode, maker, part]))));
      hash.update(`\n${page}\t${sha}`);
    }
    return new Map([...hashes].map(([part, hash]) => [part, hash.digest('hex')]));
  }

  /**
   * The search copy of every page under `site` (every `.html`, as Pagefind reads them), in the
   * folder of its part (searchParts) at the page's path, and no other copy; the parts, in order.
   */
  async update(
    site: string,
    known: ReadonlyMap<string, string>,
    perIndex?: number,
    elsewhere: SiteElsewhere = { from: site, files: [] },
  ): Promise<{ cut: number; kept: number; parts: string[] }> {
    const pages: string[] = [];
    for (const f of listFiles(site)) if (f.endsWith('.html')) pages.push(f);
    const away = new Set<string>();
    for (const f of elsewhere.files) if (f.endsWith('.html')) away.add(f);
    for (const f of away) pages.push(f);
    const pathOf = (page: string) => join(away.has(page) ? elsewhere.from : site, page);
    const { parts, of: partOf } = searchParts(pages, perIndex);
    this.partOf = partOf;
    const before = this.record;
    this.record = {};
    const inSite = new Set(pages);
    // What the folder holds, whatever its record says: a copy gone is cut again, one not of the
    // site is removed, one whose region moved to another group is moved with it.
    const held = new Set<string>();
    /** Folders a copy left: removed once empty (a part's folder without a language's pages would give Pagefind a glob that finds none). */
    const left = new Set<string>();
    for (const at of listFiles(this.dir)) {
      const f = join(this.dir, at);
      const slash = at.indexOf(sep);
      const page = at.slice(slash + 1);
      if (slash > 0 && isPart(at.slice(0, slash)) && inSite.has(page)) {
        const there = join(this.dir, partOf(page), page);
        if (there !== f) {
          await mkdir(dirname(there), { recursive: true });
          await rename(f, there);
          left.add(dirname(f));
        }
        held.add(page);
      } else {
        await rm(f, { force: true });
        left.add(dirname(f));
      }
    }
    await removeEmptyFolders(this.dir, left);
    for (const part of parts) await mkdir(join(this.dir, part), { recursive: true });
    const copyOf = (page: string) => join(partOf(page), page);
    await makeFolders(this.dir, pages.map(copyOf));
    const now: Record<string, string> = {};
    let cut = 0;
    // After a failure the others stop after the page they are on, so nothing writes once this throws.
    await inTurns(pages, COPIES_AT_ONCE, async (page) => {
      let bytes = known.has(page) ? null : await readFile(pathOf(page));
      const hash = known.get(page) ?? sha256(bytes!);
      if (before[page] !== hash || !held.has(page)) {
        bytes ??= await readFile(pathOf(page));
        // A known hash must still be the page's, or the copy recorded under it would be of other bytes.
        if (sha256(bytes) !== hash) throw new Error(`${page}: berubah sejak di-hash / changed since it was hashed`);
        // Read as latin1, a character a byte: the markup searched is ASCII, and the text's UTF-8 bytes pass through whole, without the cost of decoding them.
        await writeFile(join(this.dir, copyOf(page)), searchCopy(bytes.toString('latin1')), 'latin1');
        cut++;
      }
      now[page] = hash;
    });
    this.record = Object.fromEntries(Object.entries(now).sort(([a], [b]) => (a < b ? -1 : 1)));
    return { cut, kept: pages.length - cut, parts };
  }

  /**
   * Kept for the next build, with its record, once every copy is written (and unless another
   * build's are kept already); else removed. Never a failure of the build: without them the next
   * build cuts every page.
   */
  async giveBack(): Promise<void> {
    if (this.settled) return;
    this.settled = true;
    try {
      const kept = join(this.keptIn, KEPT);
      if (Object.keys(this.record).length > 0 && !existsSync(kept)) {
        await writeFile(join(this.dir, COPIES_RECORD), JSON.stringify({ kode: this.kode, salinan: this.record } satisfies CopiesRecord));
        await rename(this.dir, kept);
      }
    } catch {
      // not kept: the next build cuts every page
    }
    await this.indexes.giveBack();
    await rm(this.own, { recursive: true, force: true }).catch(() => undefined);
  }

  /** Removed, not kept (a build that failed or was refused), but the parts' indexes it took: a no-op once given back. */
  async discard(): Promise<void> {
    if (this.settled) return;
    this.settled = true;
    await this.indexes.discard();
    await rm(this.own, { recursive: true, force: true }).catch(() => undefined);
  }
}

/** Each of `folders` under `root` that is empty, and each of its parents then empty, removed (`root` kept). */
async function removeEmptyFolders(root: string, folders: Iterable<string>): Promise<void> {
  // Deepest first: a folder's emptied children are gone before it is tried.
  for (const folder of [...folders].sort((a, b) => b.length - a.length))
    for (let dir = folder; dir.startsWith(root + sep); dir = dirname(dir)) {
      const gone = await rmdir(dir).then(
        () => true,
        () => false, // not empty (or gone already)
      );
      if (!gone) break;
    }
}

/**
 * Pagefind writes its entry file's languages in whatever order its threads finish them (id
 * before en in some builds, after in others): sorted here, so that the same inputs build the
 * same bytes. Its script finds a page's index by the page's language, not by this order.
 * False when the file is missing or is not JSON (cut short).
 */
async function sortEntryLanguages(path: string): Promise<boolean> {
  if (!existsSync(path)) return false;
  const text = await readFile(path, 'utf8');
  let entry: { languages?: Record<string, unknown> };
  try {
    entry = JSON.parse(text) as typeof entry;
  } catch {
    return false;
  }
  if (!entry.languages) return true;
  entry.languages = Object.fromEntries(Object.entries(entry.languages).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
  const sorted = JSON.stringify(entry);
  // Written anew, never into the file: a kept part's files are hard links (kept-indexes.ts).
  if (sorted !== text) {
    await writeFile(`${path}.${process.pid}`, sorted);
    await rename(`${path}.${process.pid}`, path);
  }
  return true;
}

/**
 * Pagefind's package: in the first node_modules Node would load it from (the package exports no
 * file but its module, so `require.resolve` cannot name its command), its folder and manifest.
 */
function pagefindPackage(): { dir: string; bin: string | Record<string, string>; version?: string } {
  for (const modules of createRequire(import.meta.url).resolve.paths('pagefind') ?? []) {
    const manifest = join(modules, 'pagefind', 'package.json');
    if (existsSync(manifest))
      return {
        dir: dirname(manifest),
        ...(JSON.parse(readFileSync(manifest, 'utf8')) as { bin: string | Record<string, string>; version?: string }),
      };
  }
  throw new Error('Pagefind tidak terpasang / is not installed (npm ci)');
}

/** Pagefind's own command: its package's `bin`. */
function pagefindCommand(): string {
  const { dir, bin } = pagefindPackage();
  return join(dir, typeof bin === 'string' ? bin : bin.pagefind);
}

/**
 * Runs Pagefind's command on the pages under `site`, writing the index to `outputPath`; its messages become the error when it
 * fails. Settings come from its arguments alone: the command would also read a pagefind.yml (or
 * .toml, .json) in its working folder and PAGEFIND_* variables, so it runs in an empty folder
 * without them (but the two that name its binary, which its Node API honoured too).
 *
 * One run per language (languageGlobs), both at once, their outputs joined (joinIndexes): a run
 * holds every page it indexes in memory (7.0 GB for the two languages of 500 regions in one), so
 * a part is indexed a language per run, which Pagefind does apart anyway; the joined folder is the
 * one a single run writes, byte for byte (but the entry file, whose languages are sorted after).
 * The runs go side by side: each keeps about one and a half cores busy, and at 50 regions the
 * group's two took 16 s together against 21 s one after the other (about 0.5 GB each; a part of
 * 64 regions at national scale, about 0.65 GB each). Where the site is not laid out as this
 * expects, one run indexes it whole.
 */
export async function runPagefind(site: string, outputPath: string): Promise<PagefindRan> {
  const globs = languageGlobs(await readdir(site, { withFileTypes: true }));
  if (globs.length === 0)
    return { peak: await runPagefindOnce(site, outputPath), whole: 'tidak terbagi per bahasa / no split by language' };
  const parts: string[] = [];
  try {
    for (const _ of globs) {
      const part = await mkdtemp(`${resolve(outputPath)}-bahasa-`);
      parts.push(part);
      await rm(part, { recursive: true });
    }
    // At once, so their peaks add up (unknown if any is).
    const peaks = await allSettledThenThrow(globs.map((glob, i) => runPagefindOnce(site, parts[i], glob)));
    let peak = peaks.reduce<number | null>((sum, kib) => (sum === null || kib === null ? null : sum + kib), 0);
    const why = await joinIndexes(parts, outputPath);
    if (why !== null) {
      await rm(outputPath, { recursive: true, force: true });
      peak = largestPeak(peak, await runPagefindOnce(site, outputPath));
    }
    return { peak, whole: why };
  } finally {
    for (const part of parts) await rm(part, { recursive: true, force: true });
  }
}

/** Pagefind's command over `site`, maybe only the pages `glob` matches. */
export async function runPagefindOnce(site: string, outputPath: string, glob?: string): Promise<number | null> {
  const cwd = await mkdtemp(join(tmpdir(), 'kt-pagefind-'));
  const env = Object.fromEntries(Object.entries(process.env).filter(([name]) => !/^PAGEFIND_(?!.*BINARY_PATH$)/i.test(name)));
  const args = ['--site', resolve(site), '--output-path', resolve(outputPath), '--silent'];
  if (glob) args.push('--glob', glob);
  try {
    return await pagefindIn(cwd, env, args);
  } finally {
    await rm(cwd, { recursive: true, force: true });
  }
}

/** A name Pagefind's glob reads as itself (no `{`, `*`, `,`…). */
const PLAIN_NAME = /^[\w.-]+$/;

/**
 * Pagefind's globs, one per language, from the entries at the top of the site: a language with
 * a prefix (English, `en/`) is its folder; the root language is every other folder and page.
 * None when there is nothing to split, or a name a glob would not read plainly.
 */
export function languageGlobs(top: readonly { name: string; isDirectory(): boolean }[]): string[] {
  const prefixes: string[] = LANG_PARAMS.flatMap(({ lang }) => (lang ? [lang] : []));
  const rest = top.filter((e) => !prefixes.includes(e.name) && (e.isDirectory() || e.name.endsWith('.html')));
  const own = prefixes.filter((p) => top.some((e) => e.name === p && e.isDirectory()));
  if (own.length === 0 || rest.length === 0 || !top.every((e) => PLAIN_NAME.test(e.name))) return [];
  const root = rest.map((e) => (e.isDirectory() ? `${e.name}/**/*.html` : e.name));
  return [root.length === 1 ? root[0] : `{${root.join(',')}}`, ...own.map((p) => `${p}/**/*.html`)];
}

/**
 * The runs' outputs joined into `outputPath`: each language's files moved in, the files every run
 * writes (its scripts, styles and the wasm of no language) the same bytes in each, and the entry
 * file listing every run's languages. Null when joined; else why they do not join (a language in
 * two runs: a page whose language is not its folder's; files that differ), nothing in `outputPath`.
 */
export async function joinIndexes(parts: readonly string[], outputPath: string): Promise<string | null> {
  const ENTRY = 'pagefind-entry.json';
  await rm(outputPath, { recursive: true, force: true });
  await mkdir(outputPath, { recursive: true });
  const entries: { languages?: Record<string, unknown> }[] = [];
  let why: string | null = null;
  for (const part of parts) {
    const text = await readFile(join(part, ENTRY), 'utf8').catch(() => null);
    if (text === null) why ??= `${ENTRY} tidak ada / missing`;
    else entries.push(JSON.parse(text) as { languages?: Record<string, unknown> });
    for (const rel of listFiles(part)) {
      const f = join(part, rel);
      if (rel === ENTRY) continue;
      const there = join(outputPath, rel);
      if (!existsSync(there)) {
        await mkdir(dirname(there), { recursive: true });
        await rename(f, there);
      } else if (!(await readFile(f)).equals(await readFile(there)))
        why ??= `${rel} berbeda antarbahasa / differs between the languages' runs`;
    }
  }
  const languages: Record<string, unknown> = {};
  for (const e of entries)
    for (const [lang, v] of Object.entries(e.languages ?? {})) {
      if (lang in languages) why ??= `bahasa ${lang} di dua bagian / language ${lang} in two runs`;
      languages[lang] = v;
    }
  const rest = entries.map(({ languages: _, ...other }) => JSON.stringify(other));
  if (rest.some((r) => r !== rest[0])) why ??= `${ENTRY} berbeda antarbahasa / differs between the languages' runs`;
  if (why !== null) {
    await rm(outputPath, { recursive: true, force: true });
    return why;
  }
  await writeFile(join(outputPath, ENTRY), JSON.stringify({ ...entries[0], languages }));
  return null;
}

/** Pagefind's command in `cwd`; its peak memory (watchPeak) once it has ended well. */
function pagefindIn(cwd: string, env: NodeJS.ProcessEnv, args: string[]): Promise<number | null> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [pagefindCommand(), ...args], { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
    const watch = child.pid === undefined ? null : watchPeak(child.pid);
    let said = '';
    const keep = (text: string) => (said = (said + text).slice(-4000));
    for (const stream of [child.stdout, child.stderr]) stream.setEncoding('utf8').on('data', keep);
    child.on('error', reject);
    child.on('close', (code, signal) => {
      const peak = watch?.stop() ?? null;
      return code === 0
        ? resolve(peak)
        : reject(
            new Error(
              `Pagefind berhenti / stopped (${signal ?? `exit ${code}`}):\n${said.trim() || '(tanpa pesan; mungkin dihentikan, mis. kehabisan memori / no message; perhaps killed, e.g. out of memory)'}`,
            ),
          );
    });
  });
}
