/**
 * A large file read in slices by several threads (contract §2 rules unchanged, issue #5 speed).
 *
 * The file is cut at line ends that lie outside quoted cells, each slice is read
 * (slice-worker.ts: FastRows, and the file's rules for any row it declines) in a worker thread
 * or on the main thread, and the main thread puts the slices back together in order, as they
 * come: row numbers, issues, the table, the keys used before (uniqueness across slices). Whatever
 * this path cannot read exactly as the streaming reader would — a file that is not valid UTF-8,
 * a quote that neither opens nor closes a cell cleanly, lines ending in a lone CR — returns null,
 * and the caller streams the file as before, so every report stays what it was.
 */
import { open, stat } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { Bilingual } from '../../contract/fields.ts';
import { looksUtf16 } from '../../read/decode.ts';
import type { AnyInputFile } from '../../contract/input.ts';
import { issue, type Issue } from '../../contract/issues.ts';
import { headerChars, isBlank } from '../../read/csv.ts';
import { detectDialect, type Dialect } from '../../read/dialect.ts';
import { MAX_HEADER_CHARS, MAX_ROW_CHARS } from '../../read/lines.ts';
import { locateIn, type FileContext, type FileResult } from '../file-context.ts';
import { FileRules, Stage, tableFor, uniqueIssue, type RowSink } from '../rows.ts';
import { readSlice } from './slice-worker.ts';
import type { Table } from '../table.ts';
import type { ParallelOptions, SliceJob, SliceMessage, SliceResult, SliceTask } from './types.ts';
import { SeenKeys } from './unique.ts';

/**
 * Below this, a file streams on the main thread: slicing it would cost more than it saves.
 * Above it, even a small file is read sooner in slices (split.ts), on whichever thread is free.
 */
export const DEFAULT_MIN_BYTES = 64 << 10;
/** Slices of at most this size, and at least the smaller of the other and a thread's share of the file. */
const MAX_SLICE_BYTES = 8 << 20;
/**
 * Larger files stream (file.ts): this path holds the whole file in memory, and the contract
 * reads a file of up to 4 GB without doing so.
 */
export const MAX_BYTES = 256 << 20;
const MIN_SLICE_BYTES = 1 << 20;
const defaultWorkers = () => Math.min(2, availableParallelism());

/** Starts the worker threads ahead of the first large file, so that their start-up overlaps other reading. */
export function warmUp(opts: ParallelOptions = {}): void {
  const n = opts.workers ?? defaultWorkers();
  if (n >= 2) readersOf(n);
}

export async function validateInParallel(
  path: string,
  input: AnyInputFile,
  ctx: FileContext,
): Promise<FileResult<Record<string, unknown>> | null> {
  const n = ctx.parallel?.workers ?? defaultWorkers();
  const size = (await stat(path)).size;
  if (n < 2 || size < (ctx.parallel?.minBytes ?? DEFAULT_MIN_BYTES) || size === 0 || size > MAX_BYTES) return null;
  const buffer = new SharedArrayBuffer(size);
  const bytes = Buffer.from(buffer);
  await readInto(path, bytes);

  const plan = planSlices(bytes, n);
  // A header or line over its limit, or lines an editor numbers otherwise: the streaming reader reports or numbers them.
  if (!plan || headerChars(plan.header) > MAX_HEADER_CHARS || !rowsAreLines(bytes, plan)) return null;
  const unitCodes = ctx.unitCodes ? [...ctx.unitCodes] : null;
  const inOrder = new SlicesInOrder(input, plan);
  const tasks = plan.slices.map(([start, end]): SliceTask => ({
    region: ctx.region,
    file: input.file,
    buffer,
    start,
    end,
    dialect: plan.dialect,
    newline: plan.newline,
    header: plan.header,
    headerRow: plan.headerRow,
    unitCodes,
  }));
  let results: SliceResult[];
  try {
    results = await readersOf(n).read(tasks, (s, r) => inOrder.arrived(s, r));
  } catch {
    return null; // a worker that could not start or crashed: the streaming reader still can
  }
  if (results.some((r) => r.encodingError)) return null; // reported, with its rows, by the streaming reader
  inOrder.finish();
  return merge(input, ctx, plan, results, inOrder);
}

async function readInto(path: string, bytes: Buffer): Promise<void> {
  const fh = await open(path, 'r');
  try {
    let off = 0;
    while (off < bytes.length) {
      const { bytesRead } = await fh.read(bytes, off, bytes.length - off, off);
      if (bytesRead === 0) break;
      off += bytesRead;
    }
  } finally {
    await fh.close();
  }
}

export interface Plan {
  dialect: Dialect;
  newline: '\n' | '\r\n';
  header: string[];
  headerRow: number;
  slices: [number, number][];
  /** Where each quoted cell opens and closes, in pairs. */
  quoted: number[];
}

/** PapaParse's own guess of the line ending, on the first chunk the streaming reader gives it. */
function guessLineEndings(text: string): string {
  const input = text.substring(0, 1024 * 1024).replace(/"([^]*?)"/gm, '');
  const r = input.split('\r');
  const n = input.split('\n');
  const nAppearsFirst = n.length > 1 && n[0].length < r[0].length;
  if (r.length === 1 || nAppearsFirst) return '\n';
  let numWithN = 0;
  for (let i = 0; i < r.length; i++) if (r[i][0] === '\n') numWithN++;
  return numWithN >= r.length / 2 ? '\r\n' : '\r';
}

/**
 * The size of the next slice, `left` bytes of `total` still to cut, for `threads` threads: a
 * share of what is left, so that the first slices are large (each costs a little to set up and
 * send) and the last ones small, and the threads finish nearly together. With slices of one size,
 * the last one could be read alone for its whole time while the other thread waited.
 */
function nextSliceBytes(left: number, total: number, threads: number): number {
  const min = Math.min(MIN_SLICE_BYTES, total / threads);
  return Math.min(MAX_SLICE_BYTES, Math.max(min, left / (2 * threads)));
}

/**
 * Dialect, line ending and header as the streaming reader finds them, and the slices for
 * `threads` threads: byte ranges that end just before a line end outside any quoted cell. Null
 * when any of it is unsure.
 */
export function planSlices(bytes: Buffer, threads: number): Plan | null {
  const head = bytes.subarray(0, 1 << 20);
  // What decode.ts rejects as UTF-16: left to it, to report.
  if (looksUtf16(head)) return null;
  let first: string;
  try {
    first = new TextDecoder('utf-8', { fatal: true }).decode(head, { stream: true });
  } catch {
    return null;
  }
  const dialect = detectDialect(first);
  const newline = guessLineEndings(first);
  if (newline !== '\n' && newline !== '\r\n') return null;
  // The header: the first line that is not blank, found the way PapaParse splits a line without quotes.
  let pos = 0;
  let headerRow = 0;
  let header: string[] | null = null;
  while (!header) {
    const end = first.indexOf(newline, pos);
    if (end < 0) return null;
    headerRow++;
    const cells = first.slice(pos, end).split(dialect.delimiter);
    pos = end + newline.length;
    if (!isBlank(cells)) header = cells;
  }
  if (first.slice(0, pos).includes('"')) return null;
  const bom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  const dataStart = bom + Buffer.byteLength(first.slice(0, pos));

  const nl = Buffer.from(newline);
  const quoted = quotedCells(bytes, dataStart, dialect.delimiter.charCodeAt(0), nl);
  if (!quoted) return null;
  const slices: [number, number][] = [];
  const total = bytes.length - dataStart;
  let start = dataStart;
  for (;;) {
    const size = nextSliceBytes(bytes.length - start, total, threads);
    if (start + size >= bytes.length) break;
    const cut = lineEndOutside(bytes, nl, start + Math.floor(size), quoted);
    if (cut < 0) break;
    slices.push([start, cut]);
    start = cut + nl.length;
  }
  slices.push([start, bytes.length]);
  return { dialect, newline, header, headerRow, slices, quoted };
}

/**
 * Whether the plan's rows are the file's lines as an editor shows them, each shorter than
 * MAX_ROW_CHARS bytes: every line ends the one way the plan says, and no quoted cell holds a line
 * break. Otherwise (mixed line ends, a CR alone, a quoted line break, a line long enough to be a
 * file-error) the streaming reader numbers the rows and reports (read/lines.ts).
 */
export function rowsAreLines(bytes: Buffer, plan: Plan): boolean {
  const { quoted } = plan;
  for (let i = 0; i < quoted.length; i += 2) {
    const lf = bytes.indexOf(0x0a, quoted[i]);
    if (lf >= 0 && lf < quoted[i + 1]) return false;
  }
  const from = plan.slices[0][0];
  const crlf = plan.newline === '\r\n';
  let cr = bytes.indexOf(0x0d, from);
  if (!crlf) return cr < 0 && linesWithin(bytes, from, MAX_ROW_CHARS);
  let start = from;
  for (let lf = bytes.indexOf(0x0a, from); lf >= 0; lf = bytes.indexOf(0x0a, lf + 1)) {
    if (lf - start > MAX_ROW_CHARS) return false;
    start = lf + 1;
    if (cr !== lf - 1) return false; // an LF alone, or a CR alone before it
    cr = bytes.indexOf(0x0d, lf + 1);
  }
  return bytes.length - start <= MAX_ROW_CHARS && cr < 0;
}

/**
 * Whether no line from `from` on is over `max` bytes (its LF not counted), in a look back from
 * each line's furthest allowed end: a few calls for the whole file, not one per line.
 */
function linesWithin(bytes: Buffer, from: number, max: number): boolean {
  let start = from;
  while (bytes.length - start > max) {
    const lf = bytes.lastIndexOf(0x0a, start + max);
    if (lf < start) return false;
    start = lf + 1;
  }
  return true;
}

/**
 * Where every quoted cell opens and closes, as [open, close] pairs in order; null when a quote
 * at the start of a cell is not closed by a quote right before a delimiter, a line end or the
 * end of the file (PapaParse reads such input with errors, and only a reading in order is exact).
 */
function quotedCells(bytes: Buffer, from: number, delim: number, nl: Buffer): number[] | null {
  const len = bytes.length;
  const crlf = nl.length === 2;
  const lineEndBefore = (p: number) => bytes[p - 1] === 0x0a && (!crlf || bytes[p - 2] === 0x0d);
  const lineEndAt = (p: number) => (crlf ? bytes[p] === 0x0d && bytes[p + 1] === 0x0a : bytes[p] === 0x0a);
  const out: number[] = [];
  let p = bytes.indexOf(0x22, from);
  while (p >= 0) {
    if (!(p === from || bytes[p - 1] === delim || lineEndBefore(p))) {
      p = bytes.indexOf(0x22, p + 1); // a quote inside an unquoted cell is just a character
      continue;
    }
    let q = p + 1;
    for (;;) {
      q = bytes.indexOf(0x22, q);
      if (q < 0) return null;
      if (q === len - 1) break;
      if (bytes[q + 1] === 0x22) {
        q += 2;
        continue;
      }
      if (bytes[q + 1] === delim || lineEndAt(q + 1)) break;
      return null;
    }
    out.push(p, q);
    p = bytes.indexOf(0x22, q + 1);
  }
  return out;
}

/** The first line end at or after `from` that is not inside a quoted cell; -1 if none. */
function lineEndOutside(bytes: Buffer, nl: Buffer, from: number, quoted: number[]): number {
  let at = bytes.indexOf(nl, from);
  while (at >= 0) {
    // the last quoted cell opening before `at`
    let lo = 0;
    let hi = quoted.length / 2 - 1;
    let k = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (quoted[2 * mid] < at) {
        k = mid;
        lo = mid + 1;
      } else hi = mid - 1;
    }
    if (k < 0 || quoted[2 * k + 1] < at) return at;
    at = bytes.indexOf(nl, quoted[2 * k + 1] + 1);
  }
  return -1;
}

/**
 * The slices put back in order as they come in: where each slice's rows fall in the file, the
 * table, and the keys used before; then (finish) the uniqueness issues in row order, exactly as
 * one pass would find them. A slice is taken in once the ones before it are, so that little is
 * left to do when the last one is read. Changes nothing outside itself (the file may yet be streamed instead).
 */
class SlicesInOrder {
  /** A slice was not UTF-8: the file goes to the streaming reader, which reports it. */
  private broken = false;
  /** The first row of each slice, less one. */
  readonly offsets: number[] = [];
  /** Uniqueness issues, per constraint, in row order. */
  readonly found: { row: number; column: string; value: string; msg: Bilingual }[][];
  /** Rows with a key used before. */
  readonly rejected = new Set<number>();
  /** The valid records of the slices taken in, in order (their columns copied in when first read: Table.append). */
  readonly table: Table<Record<string, unknown>>;
  private waiting: SliceResult[] = [];
  private seen: SeenKeys[];
  private offset: number;

  constructor(
    private readonly input: AnyInputFile,
    private readonly plan: Plan,
  ) {
    this.offset = plan.headerRow;
    this.found = input.unique.map(() => []);
    this.seen = input.unique.map(() => new SeenKeys());
    this.table = tableFor(input, 0);
  }

  /** Slice `s` is read: it and the ones after it that were waiting for it are taken in. */
  arrived(s: number, r: SliceResult): void {
    this.waiting[s] = r;
    for (let next = this.offsets.length; this.waiting[next]; next = this.offsets.length) {
      this.takeIn(this.waiting[next]);
      delete this.waiting[next];
    }
  }

  private takeIn(r: SliceResult): void {
    const off = this.offset;
    this.offsets.push(off);
    this.offset += r.lines;
    // After an encoding error the file will be streamed: nothing taken in from here on is used.
    if (r.encodingError) this.broken = true;
    if (this.broken) return;
    if (this.offsets.length === 1) this.expectKeys(r);
    // The slice's row numbers made the file's.
    addTo(r.keyRows, off);
    addTo(r.table.rows, off);
    for (let k = 0; k < this.seen.length; k++) this.seen[k].add({ keys: r.keys[k], hashes: r.keyHashes[k], rows: r.keyRows });
    this.table.append(r.table);
  }

  /**
   * Once every slice is in: the keys used before (found as the slices came in), in row order, and
   * their rows taken out of the table (the first use stays).
   */
  finish(): void {
    if (this.broken) return;
    this.input.unique.forEach((_, k) => {
      this.seen[k].duplicates((key, row, first) => {
        const u = uniqueIssue(this.input, k, key, first);
        this.found[k].push({ row, column: u.column, value: u.value, msg: u.msg });
        this.rejected.add(row);
      });
    });
    const rejected = this.rejected;
    if (rejected.size > 0) this.table.retain((row) => !rejected.has(row));
  }

  /** Uniqueness tables for the keys of the whole file: as many per byte as in the first slice. */
  private expectKeys(first: SliceResult): void {
    const slices = this.plan.slices;
    const [start, end] = slices[0];
    const scale = (slices[slices.length - 1][1] - start) / Math.max(1, end - start);
    this.seen = this.input.unique.map(() => new SeenKeys(Math.ceil(first.keyRows.length * scale)));
  }
}

/**
 * `n` added to every number of `a`. A function of its own, not a loop in takeIn: V8 optimises the
 * loop once, and takeIn, run once per slice, is not recompiled for a loop it runs hot.
 */
function addTo(a: Int32Array, n: number): void {
  for (let i = 0; i < a.length; i++) a[i] += n;
}

/** The slices, back in order: as if the file had been read from the first line to the last. */
function merge(
  input: AnyInputFile,
  ctx: FileContext,
  plan: Plan,
  results: SliceResult[],
  inOrder: SlicesInOrder,
): FileResult<Record<string, unknown>> {
  const at = locateIn(ctx, input);
  // The header's own issues come first, as the streaming reader reports them.
  const headerIssues: Issue[] = [];
  const headerSink: RowSink = {
    report: (row, column, value, code, msg) => headerIssues.push(issue(at(row, column, value), code, msg)),
    privateValue: () => {},
    code: () => {},
    unique: () => true,
    accept: () => {},
  };
  new FileRules(input, plan.dialect, ctx.unitCodes, headerSink).header(plan.header, plan.headerRow);

  for (const r of results) {
    ctx.privateValues.addAll(r.privateValues, r.privateCodes);
  }

  const uniqueIssues = inOrder.found.flat().map((u) => issue(at(u.row, u.column, u.value), 'unique-error', u.msg));
  // With several constraints, a row's issues follow the order of the constraints.
  if (input.unique.length > 1) uniqueIssues.sort((a, b) => (a.row as number) - (b.row as number));

  // Issues in row order; within a row, uniqueness between the cell and the foreign-key issues.
  for (const i of headerIssues) ctx.issues.push(i);
  let u = 0;
  results.forEach((r, s) => {
    const off = inOrder.offsets[s];
    r.issues.forEach((i, j) => {
      const row = (i.row as number) + off;
      while (
        u < uniqueIssues.length &&
        ((uniqueIssues[u].row as number) < row || (uniqueIssues[u].row === row && r.stages[j] === Stage.References))
      ) {
        ctx.issues.push(uniqueIssues[u++]);
      }
      i.row = row;
      ctx.issues.push(i);
    });
  });
  while (u < uniqueIssues.length) ctx.issues.push(uniqueIssues[u++]);

  const codes = new Set<string>();
  for (const r of results) for (const c of r.codes) codes.add(c);
  return { rows: results.reduce((n, r) => n + r.dataRows, 0), table: inOrder.table, dialect: plan.dialect, codes };
}

interface Pending {
  job: SliceJob;
  results: SliceResult[];
  left: number;
  onSlice: (s: number, r: SliceResult) => void;
  resolve: (r: SliceResult[]) => void;
  reject: (e: unknown) => void;
}

/**
 * The threads that read slices: the main thread itself and `size − 1` worker threads, kept for
 * the whole process. On two cores that is one worker: the main thread, otherwise waiting, reads
 * slices too, and no second worker pays for loading the modules. Every thread takes the next
 * slice itself, from a counter in shared memory: a worker never waits for the main thread,
 * busy with a slice of its own, to hand it work.
 */
class Readers {
  private workers: Worker[] = [];
  /** The files being read, in the order they came. */
  private pending = new Map<number, Pending>();
  private lastId = 0;
  private mainScheduled = false;
  broken = false;

  constructor(size: number) {
    for (let i = 1; i < size; i++) this.start();
  }

  private start(): void {
    const w = new Worker(SLICE_WORKER, {
      // Not the parent's flags: under tsx they would load its import hooks in every worker too.
      execArgv: [],
    });
    w.unref();
    w.on('message', (m: SliceMessage) => {
      const p = this.pending.get(m.id);
      if (!p) return; // a file given up on
      if ('error' in m) this.fail(p, new Error(m.error));
      else this.deliver(p, m.s, m.result);
    });
    const fail = (e: unknown) => {
      this.broken = true;
      this.workers = this.workers.filter((x) => x !== w);
      for (const p of [...this.pending.values()]) this.fail(p, e);
    };
    w.on('error', fail);
    w.on('exit', (code) => fail(new Error(`worker exited with ${code}`)));
    this.workers.push(w);
  }

  /** Reads the slices; `onSlice` hears of each as it is read, in any order. */
  read(tasks: SliceTask[], onSlice: (s: number, r: SliceResult) => void): Promise<SliceResult[]> {
    if (this.broken) return Promise.reject(new Error('worker threads unavailable'));
    return new Promise((resolve, reject) => {
      const job: SliceJob = { id: ++this.lastId, tasks, next: new Int32Array(new SharedArrayBuffer(4)) };
      const p: Pending = { job, results: new Array<SliceResult>(tasks.length), left: tasks.length, onSlice, resolve, reject };
      this.pending.set(job.id, p);
      for (const w of this.workers) {
        w.ref();
        w.postMessage(job);
      }
      this.scheduleMain();
      if (tasks.length === 0) this.settle(p);
    });
  }

  /** The main thread's share: one slice at a time, so that messages and file reads are handled in between. */
  private scheduleMain(): void {
    if (this.mainScheduled) return;
    this.mainScheduled = true;
    setImmediate(() => {
      this.mainScheduled = false;
      for (const p of this.pending.values()) {
        const s = Atomics.add(p.job.next, 0, 1);
        if (s >= p.job.tasks.length) continue;
        let result: SliceResult;
        try {
          result = readSlice(p.job.tasks[s]);
        } catch (e) {
          this.fail(p, e);
          break;
        }
        this.deliver(p, s, result);
        break;
      }
      if ([...this.pending.values()].some((p) => Atomics.load(p.job.next, 0) < p.job.tasks.length)) this.scheduleMain();
    });
  }

  private deliver(p: Pending, s: number, result: SliceResult): void {
    p.results[s] = result;
    try {
      p.onSlice(s, result);
    } catch (e) {
      this.fail(p, e);
      return;
    }
    if (--p.left === 0) this.settle(p);
  }

  private settle(p: Pending): void {
    this.forget(p);
    p.resolve(p.results);
  }

  private fail(p: Pending, e: unknown): void {
    Atomics.store(p.job.next, 0, p.job.tasks.length); // no thread takes another of its slices
    this.forget(p);
    p.reject(e);
  }

  private forget(p: Pending): void {
    this.pending.delete(p.job.id);
    if (this.pending.size === 0) for (const w of this.workers) w.unref();
  }
}

/**
 * slice-worker.ts compiled with all it imports into one file by scripts/compile.mjs (npm's prepare
 * step), never at run time: beside the compiled command that runs this, or in the repository's
 * .build/ when this runs from its source (the tests compile it first).
 */
export const SLICE_WORKER = import.meta.url.endsWith('.ts')
  ? new URL('../../../.build/slice-worker.mjs', import.meta.url)
  : new URL('./slice-worker.mjs', import.meta.url);

let readers: Readers | undefined;
function readersOf(n: number): Readers {
  if (!readers || readers.broken) readers = new Readers(n);
  return readers;
}
