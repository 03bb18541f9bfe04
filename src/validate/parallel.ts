/**
 * A large file read in slices by several threads (contract §2 rules unchanged, issue #5 speed).
 *
 * The file is cut at line ends that lie outside quoted cells, each slice is parsed by PapaParse
 * and checked by the file's rules (rows.ts) in a worker thread or on the main thread, and the
 * main thread puts the slices back together in order: row numbers, issues, uniqueness across
 * slices, the table. Whatever
 * this path cannot read exactly as the streaming reader would — a file that is not valid UTF-8,
 * a quote that neither opens nor closes a cell cleanly, lines ending in a lone CR — returns null,
 * and the caller streams the file as before, so every report stays what it was.
 */
import { open, stat } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { AnyInputFile } from '../contract/input.ts';
import { issue, type Issue } from '../contract/issues.ts';
import { isBlank } from '../read/csv.ts';
import { detectDialect, type Dialect } from '../read/dialect.ts';
import type { FileContext, FileResult } from './file.ts';
import { FileRules, publicNames, Stage, uniqueIssue, type RowSink } from './rows.ts';
import { readSlice } from './slice-worker.ts';
import { Table, type TablePart } from './table.ts';
import { unpack, type PackedStrings } from './packed.ts';
import { PrivateValues } from './private-values.ts';
import { findDuplicates } from './unique.ts';

export interface ParallelOptions {
  /** Files smaller than this are streamed on the main thread (default 512 KiB). */
  minBytes?: number;
  /** Threads reading slices, the main thread one of them (default: the cores, at most 2; below 2, none). */
  workers?: number;
}

/** What a thread is asked to do: one slice of one file. */
export interface SliceTask {
  region: string;
  file: string;
  buffer: SharedArrayBuffer;
  start: number;
  end: number;
  dialect: Dialect;
  newline: '\n' | '\r\n';
  header: string[];
  headerRow: number;
  unitCodes: string[] | null;
}

/** What a thread gives back; rows are counted from the slice's first line (= 1). */
export interface SliceResult {
  encodingError: boolean;
  lines: number;
  dataRows: number;
  issues: Issue[];
  stages: Uint8Array;
  privateValues: PackedStrings;
  /** Rows that reached the uniqueness check, and their key per unique constraint. */
  keyRows: Int32Array;
  keys: PackedStrings[];
  /** hashKey of each key, per unique constraint. */
  keyHashes: Int32Array[];
  codes: string[];
  table: TablePart;
}

/** Below this, a file streams on the main thread: slicing it would cost more than it saves. */
export const DEFAULT_MIN_BYTES = 512 << 10;
/** Slices of about this size: small enough to share the work out evenly, large enough to cost little each. */
const SLICE_BYTES = 8 << 20;
const defaultWorkers = () => Math.min(2, availableParallelism());

/** Starts the worker threads ahead of the first large file, so that their start-up overlaps other reading. */
export function warmUp(opts: ParallelOptions = {}): void {
  const n = opts.workers ?? defaultWorkers();
  if (n >= 2) readersOf(n);
}

export async function validateInParallel(path: string, input: AnyInputFile, ctx: FileContext): Promise<FileResult<Record<string, unknown>> | null> {
  const n = ctx.parallel?.workers ?? defaultWorkers();
  const size = (await stat(path)).size;
  if (n < 2 || size < (ctx.parallel?.minBytes ?? DEFAULT_MIN_BYTES) || size === 0) return null;
  const buffer = new SharedArrayBuffer(size);
  const bytes = Buffer.from(buffer);
  await readInto(path, bytes);

  const plan = planSlices(bytes, Math.max(n, Math.ceil(size / SLICE_BYTES)));
  if (!plan) return null;
  const unitCodes = ctx.unitCodes ? [...ctx.unitCodes] : null;
  let results: SliceResult[];
  try {
    results = await Promise.all(
      plan.slices.map(([start, end]) =>
        readersOf(n).run({ region: ctx.region, file: input.file, buffer, start, end, dialect: plan.dialect, newline: plan.newline, header: plan.header, headerRow: plan.headerRow, unitCodes }),
      ),
    );
  } catch {
    return null; // a worker that could not start or crashed: the streaming reader still can
  }
  if (results.some((r) => r.encodingError)) return null; // reported, with its rows, by the streaming reader
  return merge(input, ctx, plan, results);
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
 * Dialect, line ending and header as the streaming reader finds them, and the slices: byte
 * ranges that end just before a line end outside any quoted cell. Null when any of it is unsure.
 */
export function planSlices(bytes: Buffer, n: number): Plan | null {
  const head = bytes.subarray(0, 1 << 20);
  // What decode.ts rejects as UTF-16: left to it, to report.
  if (head.length >= 2 && ((head[0] === 0xff && head[1] === 0xfe) || (head[0] === 0xfe && head[1] === 0xff))) return null;
  if (head.includes(0)) return null;
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
  let start = dataStart;
  for (let k = 1; k < n; k++) {
    const target = dataStart + Math.floor(((bytes.length - dataStart) * k) / n);
    if (target <= start) continue;
    const cut = lineEndOutside(bytes, nl, target, quoted);
    if (cut < 0) break;
    slices.push([start, cut]);
    start = cut + nl.length;
  }
  slices.push([start, bytes.length]);
  return { dialect, newline, header, headerRow, slices };
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

/** The slices, back in order: as if the file had been read from the first line to the last. */
function merge(input: AnyInputFile, ctx: FileContext, plan: Plan, results: SliceResult[]): FileResult<Record<string, unknown>> {
  const at = (row: number | null, column: string | null, value: string | null) => ({ region: ctx.region, file: input.file, row, column, value });
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

  const offsets: number[] = [];
  let offset = plan.headerRow;
  for (const r of results) {
    offsets.push(offset);
    offset += r.lines;
  }

  for (const r of results) {
    if (ctx.privateValues instanceof PrivateValues) ctx.privateValues.addAll(r.privateValues);
    else for (const v of unpack(r.privateValues)) ctx.privateValues.add(v);
  }

  // Uniqueness over the whole file, in row order, exactly as one pass would find it.
  const uniqueIssues: Issue[] = [];
  const rejected = new Set<number>();
  results.forEach((r, s) => {
    for (let i = 0; i < r.keyRows.length; i++) r.keyRows[i] += offsets[s];
  });
  input.unique.forEach((_, k) => {
    findDuplicates(
      results.map((r) => ({ keys: r.keys[k], hashes: r.keyHashes[k], rows: r.keyRows })),
      (key, row, first) => {
        const u = uniqueIssue(input, k, key, first);
        uniqueIssues.push(issue(at(row, u.column, u.value), 'unique-error', u.msg));
        rejected.add(row);
      },
    );
  });
  // With several constraints, a row's issues follow the order of the constraints.
  if (input.unique.length > 1) uniqueIssues.sort((a, b) => (a.row as number) - (b.row as number));

  // Issues in row order; within a row, uniqueness between the cell and the foreign-key issues.
  for (const i of headerIssues) ctx.issues.push(i);
  let u = 0;
  results.forEach((r, s) => {
    const off = offsets[s];
    r.issues.forEach((i, j) => {
      const row = (i.row as number) + off;
      while (u < uniqueIssues.length && ((uniqueIssues[u].row as number) < row || (uniqueIssues[u].row === row && r.stages[j] === Stage.References))) {
        ctx.issues.push(uniqueIssues[u++]);
      }
      i.row = row;
      ctx.issues.push(i);
    });
  });
  while (u < uniqueIssues.length) ctx.issues.push(uniqueIssues[u++]);

  const codes = new Set<string>();
  for (const r of results) for (const c of r.codes) codes.add(c);
  results.forEach((r, s) => {
    const rows = r.table.rows;
    for (let i = 0; i < rows.length; i++) rows[i] += offsets[s];
  });
  const table = Table.concat<Record<string, unknown>>(
    publicNames(input),
    results.map((r) => r.table),
    rejected.size > 0 ? (row) => !rejected.has(row) : undefined,
  );
  return { rows: results.reduce((n, r) => n + r.dataRows, 0), table, dialect: plan.dialect, codes };
}

/**
 * The threads that read slices: the main thread itself and `size − 1` worker threads, kept for
 * the whole process. On two cores that is one worker: the main thread, otherwise waiting, reads
 * slices too, and no second worker pays for loading the modules.
 */
class Readers {
  private workers: { w: Worker; jobs: Job[] }[] = [];
  private queue: Job[] = [];
  private mainScheduled = false;
  broken = false;

  constructor(size: number) {
    for (let i = 1; i < size; i++) this.start();
  }

  private start(): void {
    const w = new Worker(new URL('./worker-boot.cjs', import.meta.url), {
      // Not the parent's flags: under tsx they would load its import hooks in every worker too.
      execArgv: [],
      workerData: { entry: fileURLToPath(new URL('./slice-worker.ts', import.meta.url)) },
    });
    const slot = { w, jobs: [] as Job[] };
    w.unref();
    w.on('message', (m: { result?: SliceResult; error?: string }) => {
      const job = slot.jobs.shift();
      if (slot.jobs.length === 0) w.unref();
      if (m.error !== undefined) job?.reject(new Error(m.error));
      else job?.resolve(m.result!);
      this.pump();
    });
    const fail = (e: unknown) => {
      this.broken = true;
      this.workers = this.workers.filter((x) => x !== slot);
      for (const job of slot.jobs.splice(0)) job.reject(e);
    };
    w.on('error', fail);
    w.on('exit', (code) => fail(new Error(`worker exited with ${code}`)));
    this.workers.push(slot);
  }

  run(task: SliceTask): Promise<SliceResult> {
    if (this.broken) return Promise.reject(new Error('worker threads unavailable'));
    return new Promise((resolve, reject) => {
      this.queue.push({ task, resolve, reject });
      this.pump();
    });
  }

  private pump(): void {
    for (const slot of this.workers) {
      // Two at a time while there are enough left, so the worker never waits for the main
      // thread to finish a slice and hand it the next; then one, so the last ones are shared.
      while (this.queue.length > 0 && slot.jobs.length < (this.queue.length > 1 ? 2 : 1)) {
        const job = this.queue.shift()!;
        slot.jobs.push(job);
        slot.w.ref();
        slot.w.postMessage(job.task);
      }
    }
    if (this.queue.length > 0 && !this.mainScheduled) {
      this.mainScheduled = true;
      // One slice at a time, so that messages and file reads are handled in between.
      setImmediate(() => {
        this.mainScheduled = false;
        const job = this.queue.shift();
        if (job) {
          try {
            job.resolve(readSlice(job.task));
          } catch (e) {
            job.reject(e);
          }
        }
        this.pump();
      });
    }
  }
}

interface Job {
  task: SliceTask;
  resolve: (r: SliceResult) => void;
  reject: (e: unknown) => void;
}

let readers: Readers | undefined;
function readersOf(n: number): Readers {
  if (!readers || readers.broken) readers = new Readers(n);
  return readers;
}
