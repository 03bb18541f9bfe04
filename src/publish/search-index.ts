/**
 * The site's search index: Pagefind indexes the built pages into <site>/pagefind/ (one index per
 * page language), so search works on any static host without a server; its scripts are served
 * from the site. It reads each page's search copy (search-copy.ts), not the page.
 */
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { searchCopy } from './search-copy.ts';
import { emptyFiles, walk } from './site-files.ts';

/**
 * Indexes the pages under `siteStage`. Pagefind runs as its own command, not through its Node
 * API: that API answers `writeFiles` while the last bytes of each file are still being written in
 * the background, and its `close()` then kills the process, cutting files short at random
 * (seen as pagefind-component-ui.js differing between two builds of the same inputs, and as
 * empty or cut entry files under load). A command that has exited has written everything.
 */
export async function indexForSearch(
  siteStage: string,
  run: (site: string, outputPath: string) => Promise<void> = runPagefind,
): Promise<void> {
  const out = join(siteStage, 'pagefind');
  await rm(out, { recursive: true, force: true });
  const copies = await mkdtemp(join(tmpdir(), 'kt-cari-'));
  try {
    await writeSearchCopies(siteStage, copies);
    await run(copies, out);
  } finally {
    await rm(copies, { recursive: true, force: true });
  }
  const empty = await emptyFiles(out);
  if (empty.length > 0) throw new Error(`Pagefind: berkas kosong / empty files: ${empty.map((f) => join('pagefind', f)).join(', ')}`);
  if (!(await sortEntryLanguages(join(out, 'pagefind-entry.json'))))
    throw new Error('Pagefind: pagefind-entry.json rusak atau tidak ada / broken or missing');
}

/** Pages read this many at a time: the disk and the scan overlap. */
const COPIES_AT_ONCE = 16;

/** The search copy of every page under `site` (every `.html`, as Pagefind reads them), at the same path under `into`. */
export async function writeSearchCopies(site: string, into: string): Promise<void> {
  const pages: string[] = [];
  for await (const f of walk(site)) if (f.endsWith('.html')) pages.push(relative(site, f));
  for (const dir of new Set(pages.map(dirname))) await mkdir(join(into, dir), { recursive: true });
  let next = 0;
  const worker = async () => {
    while (next < pages.length) {
      const page = pages[next++];
      // Read as latin1, a character a byte: the markup searched is ASCII, and the text's UTF-8 bytes pass through whole, without the cost of decoding them.
      await writeFile(join(into, page), searchCopy((await readFile(join(site, page))).toString('latin1')), 'latin1');
    }
  };
  await Promise.all(Array.from({ length: COPIES_AT_ONCE }, worker));
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
  if (sorted !== text) await writeFile(path, sorted);
  return true;
}

/**
 * Pagefind's own command: its package's `bin`, in the first node_modules Node would load it from
 * (the package exports no file but its module, so `require.resolve` cannot name it).
 */
function pagefindCommand(): string {
  for (const modules of createRequire(import.meta.url).resolve.paths('pagefind') ?? []) {
    const manifest = join(modules, 'pagefind', 'package.json');
    if (!existsSync(manifest)) continue;
    const { bin } = JSON.parse(readFileSync(manifest, 'utf8')) as { bin: string | Record<string, string> };
    return join(dirname(manifest), typeof bin === 'string' ? bin : bin.pagefind);
  }
  throw new Error('Pagefind tidak terpasang / is not installed (npm ci)');
}

/**
 * Runs Pagefind's command on the pages under `site`, writing the index to `outputPath`; its messages become the error when it
 * fails. Settings come from its arguments alone: the command would also read a pagefind.yml (or
 * .toml, .json) in its working folder and PAGEFIND_* variables, so it runs in an empty folder
 * without them (but the two that name its binary, which its Node API honoured too).
 */
export async function runPagefind(site: string, outputPath: string): Promise<void> {
  const cwd = await mkdtemp(join(tmpdir(), 'kt-pagefind-'));
  const env = Object.fromEntries(Object.entries(process.env).filter(([name]) => !/^PAGEFIND_(?!.*BINARY_PATH$)/i.test(name)));
  try {
    await pagefindIn(cwd, env, ['--site', resolve(site), '--output-path', resolve(outputPath), '--silent']);
  } finally {
    await rm(cwd, { recursive: true, force: true });
  }
}

function pagefindIn(cwd: string, env: NodeJS.ProcessEnv, args: string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [pagefindCommand(), ...args], { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let said = '';
    const keep = (text: string) => (said = (said + text).slice(-4000));
    for (const stream of [child.stdout, child.stderr]) stream.setEncoding('utf8').on('data', keep);
    child.on('error', reject);
    child.on('close', (code, signal) =>
      code === 0
        ? resolve()
        : reject(
            new Error(
              `Pagefind berhenti / stopped (${signal ?? `exit ${code}`}):\n${said.trim() || '(tanpa pesan; mungkin dihentikan, mis. kehabisan memori / no message; perhaps killed, e.g. out of memory)'}`,
            ),
          ),
    );
  });
}
