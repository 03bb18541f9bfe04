/**
 * The site's search index: Pagefind indexes the built pages into <site>/pagefind/ (one index per
 * page language), so search works on any static host without a server; its scripts are served
 * from the site.
 */
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { emptyFiles } from './site-files.ts';

/**
 * Indexes the pages under `siteStage`. Pagefind runs as its own command, not through its Node
 * API: that API answers `writeFiles` while the last bytes of each file are still being written in
 * the background, and its `close()` then kills the process, cutting files short at random
 * (seen as pagefind-component-ui.js differing between two builds of the same inputs, and as
 * empty or cut entry files under load). A command that has exited has written everything.
 */
export async function indexForSearch(siteStage: string, run: (outputPath: string) => Promise<void> = runPagefind): Promise<void> {
  const out = join(siteStage, 'pagefind');
  await rm(out, { recursive: true, force: true });
  await run(out);
  const empty = await emptyFiles(out);
  if (empty.length > 0) throw new Error(`Pagefind: berkas kosong / empty files: ${empty.map((f) => join('pagefind', f)).join(', ')}`);
  if (!(await sortEntryLanguages(join(out, 'pagefind-entry.json'))))
    throw new Error('Pagefind: pagefind-entry.json rusak atau tidak ada / broken or missing');
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
 * Runs Pagefind's command on the folder above `outputPath`; its messages become the error when it
 * fails. Settings come from its arguments alone: the command would also read a pagefind.yml (or
 * .toml, .json) in its working folder and PAGEFIND_* variables, so it runs in an empty folder
 * without them (but the two that name its binary, which its Node API honoured too).
 */
async function runPagefind(outputPath: string): Promise<void> {
  const cwd = await mkdtemp(join(tmpdir(), 'kt-pagefind-'));
  const env = Object.fromEntries(Object.entries(process.env).filter(([name]) => !/^PAGEFIND_(?!.*BINARY_PATH$)/i.test(name)));
  try {
    await pagefindIn(cwd, env, ['--site', resolve(dirname(outputPath)), '--output-path', resolve(outputPath), '--silent']);
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
