/**
 * Brotli and gzip twins of every text, data and WebAssembly file of a built site
 * (`page.html` → `page.html.br`, `page.html.gz`), for hosts that serve them as they are
 * (nginx `gzip_static`/`brotli_static`, the preview server): the query engine's 34 MB is 6 MB
 * over the wire, and no server compresses on every request. Zlib's output depends only on its
 * input and settings, so the same site gives the same twins (builds stay byte-identical).
 */
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { copyFile, mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { extname, join, relative } from 'node:path';
import { promisify } from 'node:util';
import { brotliCompress, brotliDecompress, constants, gunzip, gzip } from 'node:zlib';
import { walk } from '../publish/site-files.ts';

const brotli = promisify(brotliCompress);
const unbrotli = promisify(brotliDecompress);
const gz = promisify(gzip);
const gunz = promisify(gunzip);

/** What is worth compressing (Parquet, images and Pagefind's fragments are compressed already). */
export const COMPRESSIBLE = new Set(['.html', '.css', '.js', '.mjs', '.json', '.csv', '.svg', '.xml', '.txt', '.wasm', '.map']);
export const ENCODINGS = [
  { name: 'br', ext: '.br' },
  { name: 'gzip', ext: '.gz' },
] as const;

/**
 * Brotli's and gzip's settings, measured on the sample site (docs/benchmark.md, Scale): its
 * pages and tables compress at brotli 6 and gzip 6 with a twelfth (brotli) and half (gzip) of
 * the CPU of level 9, for 1–2 % more bytes; at national scale the twins were 63 % of a build. The query engine (two wasm files of
 * 34–39 MB) is what a new reader of the explorer waits for: at level 11 with a 16 MB window it is
 * 5.1 MB instead of 6.2 MB at level 5 (a second less on a 10 Mbit/s link), but takes two to four
 * minutes, so it is made once per content and kept in a cache (BIG_CACHE). `KT_BROTLI=fast`
 * (the tests) uses level 5 for them instead.
 */
const BIG = 4 << 20;
const BEST = { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_LGWIN]: 24 };

/** Where level-11 twins of big files are kept between builds (by content hash). */
export const bigCache = (): string =>
  process.env.KT_CACHE_DIR ?? join(process.cwd(), 'node_modules', '.cache', 'kinerja-terbuka', 'brotli');

async function brotliOf(file: string, bytes: Buffer): Promise<Buffer> {
  const hint = { [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length };
  // Only the engine: a large table changes with every release, so a cache would never hit.
  if (!isEngine(file, bytes) || process.env.KT_BROTLI === 'fast') {
    return brotli(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: file.endsWith('.wasm') ? 5 : 6, ...hint } });
  }
  return cachedTwin(bytes, 'q11w24.br', unbrotli, () => brotli(bytes, { params: { ...BEST, ...hint } }));
}

/** The engine's gzip twin is kept too: 73 MB at level 6 cost two seconds of every build. */
const gzipOf = (file: string, bytes: Buffer): Promise<Buffer> =>
  isEngine(file, bytes) ? cachedTwin(bytes, 'gz6', gunz, () => gz(bytes, { level: 6 })) : gz(bytes, { level: 6 });

const isEngine = (file: string, bytes: Buffer) => file.endsWith('.wasm') && bytes.length >= BIG;

/** A twin kept in bigCache by the content hash of its file and its settings (`kind`), else made and kept. */
async function cachedTwin(
  bytes: Buffer,
  kind: string,
  unpack: (b: Buffer) => Promise<Buffer>,
  make: () => Promise<Buffer>,
): Promise<Buffer> {
  const dir = bigCache();
  const cached = join(dir, `${createHash('sha256').update(bytes).digest('hex')}.${kind}`);
  try {
    const twin = await readFile(cached);
    // A twin is served to every reader as this file: it must unpack to exactly these bytes.
    if ((await unpack(twin)).equals(bytes)) return twin;
  } catch {
    // not made yet (or unreadable): made below
  }
  const twin = await make();
  await mkdir(dir, { recursive: true });
  await writeFile(`${cached}.${process.pid}`, twin);
  await rename(`${cached}.${process.pid}`, cached); // whole or not at all, also when a build is killed
  return twin;
}

/**
 * A file's twins. A twin already beside it (a shard's, joined by the merge) is kept when it
 * unpacks to the file's bytes, which costs a fraction of compressing again; else it is made anew,
 * or removed where no twin is worth making. So every twin of the site is its file's bytes (the
 * privacy gate reads the file, not its twins).
 */
async function twins(file: string, previous: string | null): Promise<number> {
  const bytes = await readFile(file);
  // Not the engine's: its twins' settings depend on KT_BROTLI, and its cache already keeps them.
  if (previous && !isEngine(file, bytes)) await takeTwins(bytes, file, previous);
  const kept = async (twin: string, unpack: (b: Buffer) => Promise<Buffer>) => {
    try {
      return (await unpack(await readFile(twin))).equals(bytes);
    } catch {
      return false;
    }
  };
  const [keepB, keepG] = await Promise.all([kept(`${file}.br`, unbrotli), kept(`${file}.gz`, gunz)]);
  const [b, g] = await Promise.all([keepB ? null : brotliOf(file, bytes), keepG ? null : gzipOf(file, bytes)]);
  let written = 0;
  for (const [twin, keep, made] of [
    [`${file}.br`, keepB, b],
    [`${file}.gz`, keepG, g],
  ] as const) {
    if (keep) written++;
    else if (made && made.length < bytes.length) written += (await writeFile(twin, made), 1);
    // A twin beside it that holds other bytes, where none is worth making: not the file, so gone.
    else await rm(twin, { force: true });
  }
  return written;
}

/**
 * Where the file at `previous` (the same path in an earlier output) holds the same bytes, its
 * twins are put beside `file` as candidates: twins() keeps them only if they unpack to the file,
 * which costs a fraction of compressing again (an incremental build's unchanged tables and pages).
 */
async function takeTwins(bytes: Buffer, file: string, previous: string): Promise<void> {
  const before = await readFile(previous).catch(() => null);
  if (!before?.equals(bytes)) return;
  for (const { ext } of ENCODINGS) {
    if (existsSync(`${file}${ext}`) || !existsSync(`${previous}${ext}`)) continue;
    await copyFile(`${previous}${ext}`, `${file}${ext}`);
  }
}

export interface PrecompressOptions {
  concurrency?: number;
  /** Files (by path relative to `root`) left as they are: no twin made, none checked. */
  skip?: (path: string) => boolean;
  /** An earlier output (--since) whose twins of the same bytes at the same path are taken rather than made. */
  previous?: string;
}

/**
 * Writes the twins of every compressible file under `root` but those `skip` names (by path
 * relative to `root`); returns how many.
 */
export async function precompress(root: string, { concurrency = 4, skip, previous }: PrecompressOptions = {}): Promise<number> {
  const files: string[] = [];
  for await (const f of walk(root)) if (COMPRESSIBLE.has(extname(f)) && !skip?.(relative(root, f))) files.push(f);
  let next = 0;
  let written = 0;
  // zlib's asynchronous calls run on libuv's pool: a few at a time keep both cores busy.
  const worker = async () => {
    while (next < files.length) {
      const file = files[next++];
      const n = await twins(file, previous ? join(previous, relative(root, file)) : null); // (not `written += await …`: that reads `written` before waiting)
      written += n;
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  return written;
}
