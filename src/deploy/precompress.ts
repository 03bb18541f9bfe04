/**
 * Brotli and gzip twins of every text, data and WebAssembly file of 1 KiB or more of a built site
 * (`page.html` → `page.html.br`, `page.html.gz`), for hosts that serve them as they are
 * (nginx `gzip_static`/`brotli_static`, the preview server): the query engine's 34 MB is 6 MB
 * over the wire, and no server compresses on every request. Zlib's output depends only on its
 * input and settings, so the same site gives the same twins (builds stay byte-identical).
 */
import { sha256 } from '../read/sha256.ts';
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { extname, join, relative } from 'node:path';
import { promisify } from 'node:util';
import { brotliCompress, brotliDecompress, constants, gunzip, gzip } from 'node:zlib';
import { allSettledThenThrow, inTurns, siteFiles } from '../publish/site-files.ts';

/**
 * zlib's output buffer: 1 MiB for files of that size or more, else zlib's own 16 KiB. Each buffer
 * filled is a call back into this thread (unpacking the engine's twins, 34 MB each and checked
 * against its cache every build, took twice as long in buffers of 16 KiB), but each is also memory
 * outside V8's heap that counts towards its next collection: at 50 regions a buffer of 1 MiB for
 * every page made the twins of a full build 289 s of CPU, one of the page's size 217 s, against 151.
 */
const chunkFor = (bytes: number) => (bytes >= 1 << 20 ? { chunkSize: 1 << 20 } : {});
const brotliP = promisify(brotliCompress);
const unbrotliP = promisify(brotliDecompress);
const gzP = promisify(gzip);
const gunzP = promisify(gunzip);
const brotli = (bytes: Buffer, params: Record<number, number>) => brotliP(bytes, { ...chunkFor(bytes.length), params });
const gz = (bytes: Buffer) => gzP(bytes, { ...chunkFor(bytes.length), level: 6 });
/** A twin unpacked, to check it against the `size` bytes of its file. */
type Unpack = (twin: Buffer, size: number) => Promise<Buffer>;
const unbrotli: Unpack = (twin, size) => unbrotliP(twin, chunkFor(size));
const gunz: Unpack = (twin, size) => gunzP(twin, chunkFor(size));

/** What is worth compressing (Parquet, images and Pagefind's fragments are compressed already). */
const COMPRESSIBLE = new Set(['.html', '.css', '.js', '.mjs', '.json', '.csv', '.svg', '.xml', '.txt', '.wasm', '.map']);
/** Whether a file of the site gets twins (by its name: COMPRESSIBLE; MIN_TWIN_BYTES is asked of its bytes). */
export const compressible = (path: string): boolean => COMPRESSIBLE.has(extname(path));
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

/**
 * Files smaller than this get no twins: compressed or not, the response arrives in the first
 * round trip (well within TCP's initial window), so a twin saves the reader no time. At 50
 * regions 28,000 such files (chart CSVs, small JSON; 8 MB in all) took a sixth of the twins' time.
 */
export const MIN_TWIN_BYTES = 1024;

/**
 * In the twins' memory, what stands for "no twin" (twinEntry(file's sha256, NO_TWIN)): these bytes
 * are under MIN_TWIN_BYTES, which their hash fixes. Without it a build read every small file of
 * the regions it reused (50,000 at 50 regions, about 6 s) only to find it small again.
 */
export const NO_TWIN = 'tanpa-kembar';
const BEST = { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_LGWIN]: 24 };

/** Where the engine's twins (brotli 11 or 5, gzip 6) are kept between builds (by content hash). */
export const bigCache = (): string =>
  process.env.KT_CACHE_DIR ?? join(process.cwd(), 'node_modules', '.cache', 'kinerja-terbuka', 'brotli');

async function brotliOf(file: string, bytes: Buffer): Promise<Buffer> {
  const hint = { [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length };
  // Only the engine is cached: a large table changes with every release, so a cache would never hit.
  if (!isEngine(file, bytes)) return brotli(bytes, { [constants.BROTLI_PARAM_QUALITY]: file.endsWith('.wasm') ? 5 : 6, ...hint });
  // At level 5 too (KT_BROTLI=fast): five seconds of CPU in every test build.
  if (process.env.KT_BROTLI === 'fast')
    return cachedTwin(bytes, 'q5.br', unbrotli, () => brotli(bytes, { [constants.BROTLI_PARAM_QUALITY]: 5, ...hint }));
  return cachedTwin(bytes, 'q11w24.br', unbrotli, () => brotli(bytes, { ...BEST, ...hint }));
}

/** The engine's gzip twin is kept too: 73 MB at level 6 cost two seconds of every build. */
const gzipOf = (file: string, bytes: Buffer): Promise<Buffer> =>
  isEngine(file, bytes) ? cachedTwin(bytes, 'gz6', gunz, () => gz(bytes)) : gz(bytes);

const isEngine = (file: string, bytes: Buffer) => file.endsWith('.wasm') && bytes.length >= BIG;

/** A twin kept in bigCache by the content hash of its file and its settings (`kind`), else made and kept. */
async function cachedTwin(bytes: Buffer, kind: string, unpack: Unpack, make: () => Promise<Buffer>): Promise<Buffer> {
  const dir = bigCache();
  const cached = join(dir, `${sha256(bytes)}.${kind}`);
  try {
    const twin = await readFile(cached);
    // A twin is served to every reader as this file: it must unpack to exactly these bytes.
    if ((await unpack(twin, bytes.length)).equals(bytes)) return twin;
  } catch {
    // not made yet (or unreadable): made below
  }
  const twin = await make();
  await mkdir(dir, { recursive: true });
  await writeFile(`${cached}.${process.pid}`, twin);
  await rename(`${cached}.${process.pid}`, cached); // whole or not at all, also when a build is killed
  return twin;
}

/** What a build knows of twins beside the ones it makes (the memory of the previous site, src/publish/gate-memory.ts). */
interface TwinKnowledge {
  /** Every path of the site as walked before any twin was made: a twin not in it is not beside its file. */
  present: ReadonlySet<string>;
  /** A site path's counterpart in an earlier output (--since), whose twins this code may have made of the same bytes; null without one. */
  previousOf: (path: string) => string | null;
  /** Whether this code made the twin of these bytes (by their sha256). */
  madeHere?: (fileHash: string, twinHash: string) => boolean;
  /** Told every twin the file ends with (its path absolute). */
  onTwin?: (fileHash: string, twinHash: string, twin: string, own: boolean) => void;
  /** Told each file too small for twins, by its sha256 (for the next build's memory: madeHere(fileHash, NO_TWIN)). */
  onNone?: (fileHash: string) => void;
  /** The sha256 of a file of the site by its path, where already known (PrecompressOptions.hashes). */
  hashOf?: (path: string) => string | undefined;
  /** Twins of bytes that lie at several paths, found or made once. */
  shared: SharedTwins;
  /** Twins this build wrote itself (bundles.ts PartsTwin), by absolute path: kept where they unpack to their file and are smaller, given to no other path. */
  madeNow?: ReadonlySet<string>;
}

/**
 * Twins found or made once for bytes that lie at several paths of the site: a table and its copy
 * in the new release's folder (24 MB of tables at 50 regions, compressed twice in every build).
 * The paths are grouped by their known sha256 (and whether they are WebAssembly, which is
 * compressed otherwise) before any twin is made; the first of a group to need a twin finds it (the
 * previous site's at any of the group's paths, vouched for by the memory as made by this code) or
 * makes it, the others take the same bytes, and it is let go once the last has. A twin beside a
 * path, vouched for, is kept there as before. Whichever path asks first, the twin is the same.
 */
class SharedTwins {
  /** By group (sharedKey), its paths. */
  private readonly groups = new Map<string, string[]>();
  /** By group and encoding, how many paths are still to ask. */
  private readonly left = new Map<string, number>();
  private readonly twins = new Map<string, Promise<Buffer | null>>();

  /** Without `hashOf`, nothing is shared. */
  constructor(files: readonly string[], hashOf?: (path: string) => string | undefined) {
    for (const file of files) {
      const hash = hashOf?.(file);
      if (!hash) continue;
      const key = sharedKey(file, hash);
      const group = this.groups.get(key);
      if (group) group.push(file);
      else this.groups.set(key, [file]);
    }
    for (const [key, paths] of this.groups)
      if (paths.length < 2) this.groups.delete(key);
      else for (const { ext } of ENCODINGS) this.left.set(`${key}${ext}`, paths.length);
  }

  /** Every path of `file`'s bytes (itself alone when they lie nowhere else, or their hash is not known). */
  pathsOf(file: string, fileHash: string | undefined): readonly string[] {
    return (fileHash && this.groups.get(sharedKey(file, fileHash))) || [file];
  }

  /** The twin of `file`'s bytes in this encoding, made by `obtain` once for all their paths (null: none worth having). */
  get(file: string, fileHash: string | undefined, ext: string, obtain: () => Promise<Buffer | null>): Promise<Buffer | null> {
    if (!fileHash) return obtain();
    const key = `${sharedKey(file, fileHash)}${ext}`;
    const left = this.left.get(key);
    if (left === undefined) return obtain();
    let twin = this.twins.get(key);
    if (!twin) this.twins.set(key, (twin = obtain()));
    this.done(key, left);
    return twin;
  }

  /** A path of these bytes that needed no twin made in these encodings (its own kept, or too small): one fewer to wait for. */
  pass(file: string, fileHash: string | undefined, exts: readonly string[] = ENCODINGS.map((e) => e.ext)): void {
    if (!fileHash) return;
    for (const ext of exts) {
      const key = `${sharedKey(file, fileHash)}${ext}`;
      const left = this.left.get(key);
      if (left !== undefined) this.done(key, left);
    }
  }

  private done(key: string, left: number): void {
    if (left > 1) this.left.set(key, left - 1);
    else {
      this.left.delete(key);
      this.twins.delete(key);
    }
  }
}

/** Paths whose twins are the same: the same bytes, compressed by the same settings (brotliOf: WebAssembly's are others). */
const sharedKey = (file: string, fileHash: string): string => (file.endsWith('.wasm') ? `${fileHash}:wasm` : fileHash);

/**
 * The twins beside a file whose sha256 is `fileHash` that this code made of those bytes, as the
 * memory says (`madeHere`): their hashes, in ENCODINGS' order, where both lie beside it (`present`)
 * with their hashes known (`hashOf`); none (`[]`) where it found those bytes too small for twins and
 * nothing lies beside them (not even a twin whose hash is unknown: one left by a hand, which
 * precompress removes); else null, and they must be read, checked or made. Nothing is read here.
 */
export function vouchedTwins(
  file: string,
  fileHash: string,
  present: (path: string) => boolean,
  hashOf: (path: string) => string | undefined,
  madeHere: (fileHash: string, twinHash: string) => boolean,
): string[] | null {
  const twinHashes = ENCODINGS.map(({ ext }) => (present(`${file}${ext}`) ? hashOf(`${file}${ext}`) : undefined));
  if (twinHashes.every((t) => t !== undefined && madeHere(fileHash, t))) return twinHashes as string[];
  if (ENCODINGS.every(({ ext }) => !present(`${file}${ext}`)) && madeHere(fileHash, NO_TWIN)) return [];
  return null;
}

/**
 * A file's twins, each found or made:
 * - a twin beside it (a region's, copied from the previous site; a shard's, joined by the
 *   merge) is kept if this code made it of these bytes, as the memory says; with no memory (a
 *   merge), if it unpacks to them, which costs a fraction of compressing again;
 * - else the previous site's twin at this path, if this code made it of these bytes (so it is
 *   what compressing would make, and nothing else: a twin that merely unpacks to the file may
 *   carry more, a gzip header's name or comment, say), or at another path of the same bytes;
 * - else it is made anew (once for all the paths of the same bytes: SharedTwins), or removed
 *   where no twin is worth making;
 * - a file under MIN_TWIN_BYTES has none.
 * So every twin of the site is its file's bytes (the privacy gate reads the file, not its twins).
 * Where the hashes of a file and of its twins beside it are known and the memory vouches for both
 * twins (a region copied from the previous site), nothing is read.
 */
async function twins(
  file: string,
  { present, previousOf, madeHere, onTwin, onNone, hashOf, shared, madeNow }: TwinKnowledge,
): Promise<number> {
  const knownHash = hashOf?.(file);
  const vouched = knownHash && madeHere ? vouchedTwins(file, knownHash, (path) => present.has(path), hashOf!, madeHere) : null;
  if (vouched) {
    shared.pass(file, knownHash);
    if (vouched.length === 0) onNone?.(knownHash!);
    else ENCODINGS.forEach(({ ext }, i) => onTwin?.(knownHash!, vouched[i], `${file}${ext}`, false));
    return vouched.length;
  }
  const bytes = await readFile(file);
  // Read after all: its known hash must still be its bytes', or a twin kept by that hash would not be this file.
  if (knownHash && sha256(bytes) !== knownHash)
    throw new Error(`${file}: berubah sejak diperiksa / changed since it was judged (sha256 ${knownHash.slice(0, 12)}…)`);
  if (bytes.length < MIN_TWIN_BYTES) {
    // Whatever put a twin beside it (code before this rule; a hand-copied folder), none is kept.
    for (const { ext } of ENCODINGS) if (present.has(`${file}${ext}`)) await rm(`${file}${ext}`, { force: true });
    shared.pass(file, knownHash);
    onNone?.(knownHash ?? sha256(bytes));
    return 0;
  }
  const fileHash = madeHere || onTwin ? (knownHash ?? sha256(bytes)) : '';
  const one = async (ext: string, unpack: Unpack, make: () => Promise<Buffer>): Promise<number> => {
    const twin = `${file}${ext}`;
    // Asked of the walk, not of the disk: two failed reads a file were a large part of a fresh site's time here.
    const beside = present.has(twin) ? await readFile(twin).catch(() => null) : null;
    // Unlinked before any write, always: a twin beside its file may be a hard link into the previous site (copyRegions).
    const write = (twinBytes: Buffer) => rm(twin, { force: true }).then(() => writeFile(twin, twinBytes));
    let found: Buffer | null = null;
    // The build's own twin of this file (PartsTwin): kept if it is the file's bytes and worth
    // having, but given to no other path of the same bytes, nor told as one this code makes of
    // them (`own`): a table's copy in a release folder, whose twin is made as any file's, has then
    // the same twin in every later build, where it lies in an archived release.
    const own = beside !== null && !!madeNow?.has(twin);
    // Else, with a memory, only what this code made; without one (a shard's, at the merge), what unpacks to the file.
    const kept =
      beside !== null &&
      (own
        ? beside.length < bytes.length && (await unpacksTo(beside, unpack, bytes))
        : madeHere
          ? madeHere(fileHash, sha256(beside))
          : await unpacksTo(beside, unpack, bytes));
    if (kept) {
      found = beside;
      shared.pass(file, knownHash, [ext]);
    } else {
      const obtain = async (): Promise<Buffer | null> => {
        // Not the engine's: its twins' settings depend on KT_BROTLI, and its cache already keeps them.
        // At any path of these bytes (SharedTwins), so that which path asks first does not matter.
        if (!beside && madeHere && !isEngine(file, bytes))
          for (const path of shared.pathsOf(file, knownHash)) {
            const previous = previousOf(path);
            const earlier = previous === null ? null : await readFile(`${previous}${ext}`).catch(() => null);
            if (earlier && madeHere(fileHash, sha256(earlier))) return earlier;
          }
        const made = await make();
        return made.length < bytes.length ? made : null;
      };
      // By the known hash only: the paths were grouped by it.
      found = await shared.get(file, knownHash, ext, obtain);
      if (found) await write(found);
      // A twin beside it that holds other bytes, where none is worth making: not the file, so gone.
      else if (present.has(twin)) await rm(twin, { force: true });
    }
    if (found) onTwin?.(fileHash, sha256(found), twin, own && kept);
    return found ? 1 : 0;
  };
  // Both settled before a failure is thrown: no twin is written once the build stops on one.
  const [b, g] = await allSettledThenThrow([
    one('.br', unbrotli, () => brotliOf(file, bytes)),
    one('.gz', gunz, () => gzipOf(file, bytes)),
  ]);
  return b + g;
}

async function unpacksTo(twin: Buffer, unpack: Unpack, bytes: Buffer): Promise<boolean> {
  try {
    return (await unpack(twin, bytes.length)).equals(bytes);
  } catch {
    return false;
  }
}

export interface PrecompressOptions {
  concurrency?: number;
  /** Files (by path relative to `root`) left as they are: no twin made, none checked. */
  skip?: (path: string) => boolean;
  /** An earlier output (--since): its twins at the same path are taken where this code made them of the same bytes (`madeHere`). */
  previous?: string;
  /**
   * Whether this code made the twin `twinHash` of the bytes `fileHash` (the memory of the previous
   * site); with NO_TWIN, whether it found those bytes too small for twins.
   */
  madeHere?: (fileHash: string, twinHash: string) => boolean;
  /** Told each file too small for twins, by its sha256 (for the next build's memory). */
  onNone?: (fileHash: string) => void;
  /**
   * Told every twin of the site, by its file's sha256 and its own (for the next build's memory),
   * and its path relative to `root` (so that the pages record need not read it again); `own`: one
   * the build wrote itself (`madeNow`), which the next build's memory must not vouch for.
   */
  onTwin?: (fileHash: string, twinHash: string, twin: string, own: boolean) => void;
  /**
   * The sha256 of files of the site already known, by path relative to `root`: the gate's of every
   * file it judged, and the recorded ones of the files (twins included) copied from the previous
   * site, checked when copied. Nothing may change the site's files between their hashing and this.
   */
  hashes?: ReadonlyMap<string, string>;
  /** Every file now under `root`, relative to it (siteFiles): walked when not given. */
  files?: readonly string[];
  /** Twins this build wrote itself beside their files (bundles.ts PartsTwin), relative to `root`: kept where they unpack to their file and are smaller; told as `own`. */
  madeNow?: readonly string[];
}

/**
 * Writes the twins of every compressible file under `root` but those `skip` names (by path
 * relative to `root`); returns how many.
 */
export async function precompress(
  root: string,
  { concurrency = 4, skip, previous, madeHere, onTwin, onNone, hashes, files: given, madeNow }: PrecompressOptions = {},
): Promise<number> {
  const files: string[] = [];
  const present = new Set<string>();
  for (const f of siteFiles(root, given)) {
    present.add(f);
    if (compressible(f) && !skip?.(relative(root, f))) files.push(f);
  }
  const hashOf = hashes ? (path: string) => hashes.get(relative(root, path)) : undefined;
  const shared = new SharedTwins(files, hashOf);
  const ownTwins = new Set(madeNow?.map((t) => join(root, t)));
  const told = onTwin && ((file: string, twin: string, path: string, own: boolean) => onTwin(file, twin, relative(root, path), own));
  let written = 0;
  // zlib's asynchronous calls run on libuv's pool: a few at a time keep both cores busy.
  await inTurns(files, concurrency, async (file) => {
    const n = await twins(file, {
      present,
      previousOf: (path) => (previous ? join(previous, relative(root, path)) : null),
      madeHere,
      onTwin: told,
      onNone,
      hashOf,
      shared,
      madeNow: ownTwins,
    }); // (not `written += await …`: that reads `written` before waiting)
    written += n;
  });
  return written;
}
