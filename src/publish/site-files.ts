/** The files of a staged site, and the check that none of them came out empty. */
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readdir, rename, rm, stat } from 'node:fs/promises';
import { existsSync, mkdirSync, readdirSync, statSync } from 'node:fs';
import { basename, dirname, join, sep } from 'node:path';

/**
 * Every file under `dir`, at any depth, by its path relative to `dir`: depth first in the order
 * the file system lists them (a link is a file here, never followed). Listed with synchronous
 * calls: a national site has hundreds of thousands of files, and the asynchronous walk this
 * replaces paid a trip through libuv's threads and every generator above it per entry (the
 * 140,000 files of 50 regions: 2.6 s, here 0.6 s; a `--since` build lists its site three times).
 */
export function listFiles(dir: string): string[] {
  const files: string[] = [];
  const into = (at: string, prefix: string) => {
    for (const e of readdirSync(at, { withFileTypes: true })) {
      if (e.isDirectory()) into(join(at, e.name), `${prefix}${e.name}${sep}`);
      else files.push(prefix + e.name);
    }
  };
  into(dir, '');
  return files;
}

/**
 * Every file under `root` (absolute paths, in listFiles' order): `given` (relative to `root`) when the
 * caller has just walked it and nothing was written since (a national site's walk takes seconds), else walked.
 */
export function siteFiles(root: string, given?: readonly string[]): string[] {
  return (given ?? listFiles(root)).map((f) => join(root, f));
}

/** The sha256 of no bytes: a file known by this hash is empty. */
const EMPTY_SHA256 = createHash('sha256').digest('hex');

/**
 * Files of zero bytes under `root`, relative to it. No page, table, script or search index of
 * the site is ever empty: one that is was cut short (a Pagefind index file once came out empty
 * in a build here), and a site missing part of a file must not replace a whole one. Dotfiles
 * are markers whose presence is their content (`.nojekyll` for GitHub Pages), so not counted.
 * `files`: every file now under `root`, relative to it (siteFiles); `known`: the sha256 of files
 * already checked against their bytes (a reused region's, by copyRegions), which need no stat.
 */
export async function emptyFiles(
  root: string,
  { files, known }: { files?: readonly string[]; known?: ReadonlyMap<string, string> } = {},
): Promise<string[]> {
  const all = files ?? listFiles(root);
  const empty: string[] = [];
  const unknown: string[] = [];
  for (const f of all) {
    if (basename(f).startsWith('.')) continue;
    const hash = known?.get(f);
    if (hash === undefined) unknown.push(f);
    else if (hash === EMPTY_SHA256) empty.push(f);
  }
  (await fileSizes(unknown.map((f) => join(root, f)))).forEach((size, k) => size === 0 && empty.push(unknown[k]));
  return empty.sort();
}

/**
 * The size of each file, in order: a national site has hundreds of thousands, each stat'ed
 * synchronously, a slice at a time (inSlices; begun all at once, the 826,653 stats of 500
 * regions held 3 GB while they waited).
 */
export async function fileSizes(paths: readonly string[]): Promise<number[]> {
  const sizes: number[] = new Array(paths.length);
  await inSlices(paths, (p, i) => (sizes[i] = statSync(p).size));
  return sizes;
}

/**
 * Paths written more than once, or that differ only in case (one file on the many hosts whose
 * file systems ignore case): each group of such paths, once. A page written over another (a
 * unit coded `..` once replaced its region's page) or two service pages `KK/` and `kk/` would
 * publish one where two were meant.
 */
export function samePaths(paths: readonly string[]): string[][] {
  const byKey = new Map<string, string[]>();
  for (const p of paths) {
    const key = p.toLowerCase();
    const group = byKey.get(key);
    if (group) group.push(p);
    else byKey.set(key, [p]);
  }
  return [...byKey.values()].filter((g) => g.length > 1).sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
}

/** The file a compressed twin holds (`page.html.br` → `page.html`; src/deploy/precompress.ts writes them), or null. */
export const twinOf = (path: string): string | null => (/\.(br|gz)$/.test(path) ? path.slice(0, -3) : null);

/**
 * Moves the tree `from` into `to`, which may already hold some of its folders (the site's pages
 * under data/ beside the published tables): a folder missing in `to` is moved whole, one in
 * both is entered, a file in both is replaced by `from`'s (as a copy over it would). Renames
 * only: the same file system, no byte written again.
 */
export async function moveInto(from: string, to: string): Promise<void> {
  if (!existsSync(to)) return rename(from, to);
  for (const e of await readdir(from, { withFileTypes: true })) {
    const there = join(to, e.name);
    if (e.isDirectory() && existsSync(there) && (await stat(there)).isDirectory()) await moveInto(join(from, e.name), there);
    else await rename(join(from, e.name), there);
  }
}

/**
 * Removes `path` and all it holds, as fs.rm with `recursive` and `force` does (a link removed,
 * never followed; nothing there, no error), by the system's `rm -rf` where there is one: the old
 * site after a swap at 50 regions (164,391 files and folders) took Node 5.9–6.8 s, `rm` 3.0 s.
 * The build removes its stage and a killed build's leftovers so too. Where `rm` is missing or
 * fails, by Node, which then says what stands in the way.
 */
export async function removeTree(path: string): Promise<void> {
  if (process.platform !== 'win32') {
    const removed = await new Promise<boolean>((done) => {
      const child = spawn('rm', ['-rf', '--', path], { stdio: 'ignore' });
      child.on('error', () => done(false));
      child.on('exit', (code) => done(code === 0));
    });
    if (removed) return;
  }
  await rm(path, { recursive: true, force: true });
}

/**
 * Makes the folders of `files` (paths under `root`), each once, before any of them is written:
 * a mkdir per file was a tenth of a million calls at 50 regions. Synchronous calls, a slice at
 * a time (inSlices): each asynchronous one paid a trip through libuv's threads.
 */
export async function makeFolders(root: string, files: Iterable<string>): Promise<void> {
  const folders = [...new Set(Array.from(files, (f) => dirname(join(root, f))))];
  await inSlices(folders, (dir) => void mkdirSync(dir, { recursive: true }));
}

/** Items done synchronously between two yields to the event loop (inSlices). */
const SLICE = 2048;

/**
 * Calls `each` on every item with nothing awaited between them, but for a turn of the event
 * loop after every SLICE: tens of thousands of small file-system calls (a stat, a link, a
 * mkdir) cost a few microseconds each done synchronously, tens asynchronously, while what else
 * this process runs meanwhile (the data gate's thread, a renderer's pipe) still gets its turn.
 */
export async function inSlices<T>(items: readonly T[], each: (item: T, index: number) => void): Promise<void> {
  for (let i = 0; i < items.length; i++) {
    if (i > 0 && i % SLICE === 0) await new Promise((go) => setImmediate(go));
    each(items[i], i);
  }
}

/**
 * Work done at once (renderers, Pagefind's runs, the Excel files and bundles, the links of reused
 * regions), its values once all of it has ended, else its first failure, thrown only then: each
 * writes into a stage or folder that is removed on failure, and none may write on into it once it is gone.
 */
export async function allSettledThenThrow<T extends readonly unknown[]>(work: T): Promise<{ -readonly [K in keyof T]: Awaited<T[K]> }> {
  const settled = await Promise.allSettled(work);
  const failed = settled.find((r) => r.status === 'rejected');
  if (failed) throw failed.reason;
  return settled.map((r) => (r as PromiseFulfilledResult<unknown>).value) as { -readonly [K in keyof T]: Awaited<T[K]> };
}

/**
 * Calls `each` on every item, `count` at a time (files read or written on libuv's pool, tens of
 * thousands of them). After a failure no item is started; the ones under way finish, so nothing
 * writes once this has thrown (the first failure).
 */
export async function inTurns<T>(items: readonly T[], count: number, each: (item: T, index: number) => Promise<void>): Promise<void> {
  let next = 0;
  let failed = false;
  let failure: unknown;
  const worker = async () => {
    while (next < items.length && !failed) {
      const i = next++;
      try {
        await each(items[i], i);
      } catch (e) {
        if (!failed) failure = e;
        failed = true;
      }
    }
  };
  await Promise.all(Array.from({ length: count }, worker));
  if (failed) throw failure;
}
