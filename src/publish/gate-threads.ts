/**
 * The privacy gate on every core (issue #13): the files are shared out among worker threads
 * (gate-worker.ts), each reading its share with the same scanForLeaks. What they say is put
 * back in the order of the files: the leaks are listed file by file, in the order of the site's files.
 * In the build's own thread the gate's large texts made the garbage collector walk the whole
 * build's heap again and again (the validated export: gigabytes at 50 regions); a worker's heap
 * holds only what it reads. The private values are hashed once, on memory every thread shares
 * (shareLookup): each thread made its own search of them before, 1.6 GB a thread at 500 regions.
 */
import { availableParallelism } from 'node:os';
import { relative } from 'node:path';
import { Worker } from 'node:worker_threads';
import { PrivateValues } from '../validate/private-values.ts';
import { PARTITION_DIR } from '../queries/partitions.ts';
import { RELEASES_DIR } from '../release/paths.ts';
import { BUNDLES_DIR, bundleFile } from './download-paths.ts';
import { fileSizes } from './site-files.ts';
import {
  contentEntry,
  lookupFrom,
  PIECE_BYTES,
  scanForLeaks,
  shareLookup,
  type ContentRead,
  type Leak,
  type SharedLookup,
} from './privacy-gate.ts';

/** What a thread is given once: the private values (shared, not copied), and the contents passed before (contentEntry; null: none). */
export interface GateJob {
  root: string;
  lookup: SharedLookup;
  passedBefore: string[] | null;
  pieceBytes?: number;
}

/** Files a thread is sent to read, in order (absolute paths, as gatePaths gives them). */
export interface GateBatch {
  paths: string[];
}

/** What it says of a batch: leaks, the sha256 of each file read, each content found clean, and those passed before (not read again). */
export interface GateReply {
  leaks: Leak[];
  read: [string, string][];
  clean: [string, ContentRead][];
  passed: ContentRead[];
}

/**
 * What reads batches, in a thread or in this one: the same scanForLeaks over each batch. A
 * content found clean in a batch without a leak is not read again in the next ones (a bundle's
 * entries and the release folders' copies of a table).
 */
export function batchReader(job: GateJob): (batch: GateBatch) => Promise<GateReply> {
  const lookup = lookupFrom(job.lookup);
  const memory = job.passedBefore ? new Set(job.passedBefore) : null;
  const cleanHere = new Set<ContentRead>();
  return async ({ paths }) => {
    const reply: GateReply = { leaks: [], read: [], clean: [], passed: [] };
    reply.leaks = await scanForLeaks(job.root, lookup, {
      paths,
      pieceBytes: job.pieceBytes,
      onRead: (rel, hash) => reply.read.push([rel, hash]),
      onClean: (rel, content) => reply.clean.push([rel, content]),
      passedBefore: (content) => cleanHere.has(content) || (!!memory?.has(contentEntry(content)) && reply.passed.push(content) > 0),
    });
    // Only a batch without a leak vouches for its contents: a cell is known private only once its batch is matched.
    if (reply.leaks.length === 0) for (const [, content] of reply.clean) cleanHere.add(content);
    return reply;
  };
}

/**
 * gate-worker.ts compiled by scripts/compile.mjs: beside the compiled build, or in the
 * repository's .build/ when this runs from its source (the tests compile it first).
 */
export const GATE_WORKER = import.meta.url.endsWith('.ts')
  ? new URL('../../.build/gate-worker.mjs', import.meta.url)
  : new URL('./gate-worker.mjs', import.meta.url);

/** Threads: KT_GATE_THREADS, else one per core, at most 4 (the machines measured have 2). */
export function gateThreads(env: NodeJS.ProcessEnv = process.env): number {
  const n = Number(env.KT_GATE_THREADS);
  return Number.isInteger(n) && n >= 1 ? n : Math.min(4, availableParallelism());
}

/**
 * Files that hold the same contents go to one thread in one batch, which then reads each
 * content once (privacy-gate.ts reads a content again only in another thread): a region's
 * tables and its bundle; a national table's Excel file and its copies in the release folders;
 * the release folders' other copies with the national bundle (its entries are those copies
 * byte for byte). The Parquet files are read one after another (each by a DuckDB of its own, which
 * holds a column's distinct values). Any other national file is a batch of its own, so that a
 * table's CSV, Parquet and Excel files are read side by side. Pages have no group. Only the time depends on it, never the verdict.
 */
export function contentGroup(rel: string): string | null {
  const parts = rel.split('/');
  if (parts[0] !== 'data' || parts.length < 2) return null;
  const name = parts[parts.length - 1];
  const stem = name.replace(/\.[^.]*$/, '');
  if (parts[1] === PARTITION_DIR && parts.length > 3) return `wilayah/${parts[2]}`;
  if (parts[1] === BUNDLES_DIR && parts.length === 3) return `wilayah/${stem}`;
  if (name.endsWith('.xlsx') && (parts.length === 2 || parts[1] === RELEASES_DIR)) return `xlsx/${stem}`;
  // DuckDB reads them, the release folders' copies too (a column's distinct values at a time): one engine at a time holds that much.
  if (name.endsWith('.parquet')) return 'parquet';
  if (parts[1] === RELEASES_DIR || name === bundleFile(null)) return 'rilis';
  return parts.length === 2 ? rel : null;
}

/**
 * A thread's pieces of long texts (and the size from which a file is read as one): a piece is
 * decoded, unescaped and lowered, each a copy, and the heap keeps a few pieces' garbage. At 50
 * regions, two threads reading the Excel files held 1,030 MB beside the build at 32 MiB a piece,
 * 583 MB at 8 (PIECE_BYTES is what one string can hold, not what a thread should).
 */
export const THREAD_PIECE_BYTES = Math.min(PIECE_BYTES, 8 * 2 ** 20);

/** Pages (and other files of no group) are sent this many bytes at a time. */
export const BATCH_BYTES = 8 * 2 ** 20;

/**
 * The batches, largest group first (a national table's files take longest), then the other
 * files a few megabytes at a time in their order: each thread takes the next batch when it is
 * done with one, so none waits at the end for long.
 */
export function batches(files: readonly { rel: string; bytes: number }[]): number[][] {
  const groups = new Map<string, { bytes: number; at: number[] }>();
  const rest: number[][] = [];
  let restBytes = BATCH_BYTES;
  files.forEach(({ rel, bytes }, i) => {
    const key = contentGroup(rel);
    if (key === null) {
      if (restBytes >= BATCH_BYTES) (rest.push([]), (restBytes = 0));
      rest[rest.length - 1].push(i);
      restBytes += bytes;
      return;
    }
    const g = groups.get(key) ?? groups.set(key, { bytes: 0, at: [] }).get(key)!;
    g.bytes += bytes;
    g.at.push(i);
  });
  const ordered = [...groups.values()].sort((a, b) => b.bytes - a.bytes || a.at[0] - b.at[0]);
  return [...ordered.map((g) => g.at), ...rest];
}

/**
 * scanForLeaks over `paths` (absolute, as gatePaths gives them) for `values` (or the lookup
 * shareLookup made of them), in `threads` worker threads. Leaks come in the order of the files they were found in.
 */
export async function scanInThreads(
  root: string,
  paths: readonly string[],
  values: PrivateValues | SharedLookup,
  {
    passedBefore = null,
    threads = gateThreads(),
    pieceBytes = THREAD_PIECE_BYTES,
  }: { passedBefore?: ReadonlySet<string> | null; threads?: number; pieceBytes?: number } = {},
): Promise<GateReply> {
  // No thread would read nothing and pass everything: the gate fails closed.
  if (!Number.isInteger(threads) || threads < 1) throw new Error(`thread gerbang / gate threads: ${threads}`);
  const all: GateReply = { leaks: [], read: [], clean: [], passed: [] };
  if (paths.length === 0) return all;
  const sizes = (await fileSizes(paths)).map((bytes, i) => ({ rel: relative(root, paths[i]), bytes }));
  const queue = batches(sizes);
  const sent = queue.length;
  let answered = 0;
  const job: GateJob = {
    root,
    lookup: values instanceof PrivateValues ? shareLookup(values) : values,
    passedBefore: passedBefore ? [...passedBefore] : null,
    pieceBytes,
  };
  const take = (m: GateReply) => {
    answered++;
    for (const l of m.leaks) all.leaks.push(l);
    for (const x of m.read) all.read.push(x);
    for (const x of m.clean) all.clean.push(x);
    for (const x of m.passed) all.passed.push(x);
  };
  const workers: Worker[] = [];
  const thread = (w: Worker) =>
    new Promise<void>((resolve, reject) => {
      const next = () => {
        const batch = queue.shift();
        if (batch) w.postMessage({ paths: batch.map((i) => paths[i]) } satisfies GateBatch);
        else resolve();
      };
      w.on('message', (m: GateReply | { error: string }) => {
        if ('error' in m) return reject(new Error(m.error));
        take(m);
        next();
      });
      w.once('error', reject);
      w.once('exit', (code) => reject(new Error(`thread gerbang berhenti / a gate thread exited (${code})`)));
      next();
    });
  // A site of one batch's bytes or less (a test's) is read here: a thread costs a fifth of a second to start.
  const small = sizes.reduce((n, f) => n + f.bytes, 0) <= BATCH_BYTES;
  if (small) {
    const read = batchReader(job);
    for (let batch = queue.shift(); batch; batch = queue.shift()) take(await read({ paths: batch.map((i) => paths[i]) }));
  }
  try {
    for (let i = 0; i < Math.min(threads, queue.length); i++) {
      // Not the parent's flags: under tsx they would load its import hooks in the worker too.
      workers.push(new Worker(GATE_WORKER, { workerData: job, execArgv: [] }));
    }
    await Promise.all(workers.map(thread));
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }
  if (answered !== sent)
    throw new Error(`gerbang privasi: ${sent - answered} kelompok berkas tidak dibaca / privacy gate: ${sent - answered} batches not read`);
  // Back in the order of the files: a leak's file is its path, or a zip's entry (`x.zip!/y`).
  const index = new Map(paths.map((p, i) => [relative(root, p), i]));
  const at = (l: Leak) => index.get(l.file.split(/![\\/]/)[0]) ?? paths.length;
  all.leaks.sort((a, b) => at(a) - at(b));
  // A content passed before in two threads' files is one content (one thread counts it once).
  all.passed = [...new Set(all.passed)];
  return all;
}
