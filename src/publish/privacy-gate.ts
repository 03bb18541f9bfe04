/**
 * The last gate before anything is published (contract §5): refuses the build if a staged
 * file holds an NIP-like number or any private value of the inputs — as a whole cell of a
 * CSV, or inside any text (contract 1.1): pages, scripts, data, the search index (gzip) and
 * the Parquet files through their data. It scans what is about to be written, not what the
 * code intends to write.
 */
import { statSync } from 'node:fs';
import { open, readFile } from 'node:fs/promises';
import { basename, dirname, relative } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { unzipSync } from 'fflate';
import Papa from 'papaparse';
import { TABLES, type PublishedTable } from '../contract/published.ts';
import { csvFileName } from '../queries/published-views.ts';
import { sqlIdent, sqlString } from '../queries/sql.ts';
import { NIP_LIKE, PrivateSearch, VOCABULARY, type Found } from '../validate/private-search.ts';
import type { PrivateValues } from '../validate/private-values.ts';
import { withDuckDb } from './parquet.ts';
import { walk, twinOf } from './site-files.ts';

export { NIP_LIKE };

const TEXT_FILES = /\.(html|csv|json|js|mjs|txt|xml|svg|css|md)$/i;
const ZIP_FILES = /\.(zip|xlsx)$/i;

export interface Leak {
  file: string;
  what: string;
}

/** What the gate needs of the private values: a Set, or a cheaper view of one. */
export interface PrivateLookup {
  /** Only compared with 0: without private values, no cell is matched. */
  readonly size: number;
  has(value: string): boolean;
  /**
   * Which of these cells are private values, asked once for the distinct cells of every file,
   * when the lookup answers that faster than one cell at a time.
   */
  matching?(cells: ReadonlySet<string>): ReadonlySet<string>;
  /** The same values looked for inside text; made from the lookup when it is a Set. */
  search?: PrivateSearch;
}

const SHORT_NUMBER = /^\d{1,17}$/;

/** Short or purely numeric values would match counts and codes by chance; the contract's words say nothing. */
export const isMeaningfulPrivate = (v: string): boolean => v.length >= 4 && !SHORT_NUMBER.test(v) && !VOCABULARY.has(v);

/**
 * isMeaningfulPrivate, applied to the cell being looked up instead of
 * to every private value: a million respondent ids are not copied into a second Set.
 */
export function meaningfulView(values: PrivateValues, search: PrivateSearch = PrivateSearch.of(values)): PrivateLookup {
  return {
    size: values.hasAny() ? 1 : 0,
    has: (v) => isMeaningfulPrivate(v) && values.has(v),
    matching: (cells) => values.matching(new Set([...cells].filter(isMeaningfulPrivate))),
    search,
  };
}

const privateRowLeak = (file: string, row: number): Leak => ({
  file,
  what: `nilai kolom privat di baris ${row} / a private column's value on row ${row}`,
});

export async function scanForLeaks(root: string, privateValues: PrivateLookup): Promise<Leak[]> {
  const all: string[] = [];
  for await (const path of walk(root)) all.push(path);
  // Compressed twins beside their file (a shard's pages, joined by the merge) hold the file's
  // bytes: the file is read; the twins are checked against it when the site is compressed.
  const names = new Set(all);
  const paths = all.filter((p) => {
    const of = twinOf(p);
    return !(of !== null && names.has(of));
  });
  const search = privateValues.search ?? PrivateSearch.of(Symbol.iterator in privateValues ? (privateValues as Iterable<string>) : []);
  const any = privateValues.size > 0;
  if (!any || !privateValues.matching) return scanFiles(root, paths, any ? (cell) => privateValues.has(cell) : null, search);
  // First the distinct cells of every file, matched at once; then, only if one of them is
  // private, the files again to say where (the same reading, so the same leaks in the same order).
  const cells = new Set<string>();
  const leaks = await scanFiles(
    root,
    paths,
    (cell) => {
      cells.add(cell);
      return false;
    },
    search,
  );
  const found = privateValues.matching(cells);
  return found.size === 0 ? leaks : scanFiles(root, paths, (cell) => found.has(cell), search);
}

const foundLeak = (file: string, f: Found): Leak =>
  f.kind === 'nip'
    ? { file, what: `angka mirip NIP atau NIP masukan di posisi ${f.at} / NIP-like number or an input's NIP at offset ${f.at}` }
    : { file, what: `nilai privat di dalam teks di posisi ${f.at} / a private value inside the text at offset ${f.at}` };

const GZIP = Buffer.from([0x1f, 0x8b]);

/**
 * Each file: in a CSV, cells that `isPrivate` (after the formula apostrophe); then, in a file
 * with no such cell, any private value or NIP-like number inside its text (one leak a file is
 * enough to refuse it). Text is read as a reader sees it: HTML entities, JSON escapes and CSV
 * quotes undone; gzip files (the search index) unpacked; Parquet files through their data.
 */
async function scanFiles(
  root: string,
  paths: readonly string[],
  isPrivate: ((cell: string) => boolean) | null,
  search: PrivateSearch,
): Promise<Leak[]> {
  const leaks: Leak[] = [];
  const parquet: string[] = [];
  const ahead = readAhead(paths.filter((p) => !p.endsWith('.parquet')));
  for (const path of paths) {
    if (path.endsWith('.parquet')) {
      parquet.push(path);
      continue;
    }
    const bytes = await ahead.next();
    if (bytes === null) continue; // neither text nor gzip nor zip: nothing a reader reads as text
    // Bundles and .xlsx files are zips: each entry is read as the file it is (`paket/x.zip!/ikm_unit.csv`).
    if (ZIP_FILES.test(path)) {
      for (const [name, entry] of Object.entries(unzipSync(bytes)))
        scanOne(`${path}!/${name}`, Buffer.from(entry.buffer, entry.byteOffset, entry.byteLength), true);
      continue;
    }
    scanOne(path, bytes);
  }
  // A zip's entries are all text (CSV, JSON, XML, README, SHA256SUMS): each is read, whatever its name.
  function scanOne(path: string, read: Buffer, text = false): void {
    let bytes = read;
    const file = relative(root, path);
    if (bytes.subarray(0, 2).equals(GZIP)) bytes = gunzipSync(bytes);
    else if (!text && !TEXT_FILES.test(path)) return;
    const before = leaks.length;
    if (path.endsWith('.csv') && isPrivate) {
      const cellIsPrivate = (cell: string) => isPrivate(cell.startsWith("'") ? cell.slice(1) : cell);
      const onRow = (row: number) => leaks.push(privateRowLeak(file, row));
      const table = publishedTableOf(path, bytes);
      if (!table || !scanPublishedCsv(bytes, table, cellIsPrivate, onRow)) scanAnyCsv(bytes.toString('utf8'), cellIsPrivate, onRow);
    }
    if (leaks.length > before) return;
    const found = search.find(asRead(bytes.toString('utf8')));
    if (found) leaks.push(foundLeak(file, found));
  }
  if (parquet.length > 0) {
    await withDuckDb(async (run) => {
      for (const path of parquet) {
        const found = search.find(await parquetText(run, path));
        if (found) leaks.push(foundLeak(relative(root, path), found));
      }
    });
  }
  return leaks;
}

/** Files read while the one before is scanned: at most this many, and this many bytes (national tables are large). */
const READ_AHEAD = 8;
const READ_AHEAD_BYTES = 64 * 2 ** 20;

/**
 * The files' bytes in order, each read while earlier ones are scanned (the scan is on this
 * thread, the reads are not). A file the gate reads as text only when it is gzip (its name
 * says no text: the engine's wasm, images) is read whole only when its first bytes are gzip's;
 * for the others, null.
 */
function readAhead(paths: readonly string[]): { next(): Promise<Buffer | null> } {
  /** What reading `path` holds in memory: the whole file if it is read as text (else its first bytes). */
  const sizeOf = (path: string): number => {
    if (!TEXT_FILES.test(path) && !ZIP_FILES.test(path)) return 0;
    try {
      return statSync(path).size;
    } catch {
      return 0; // its read fails too, and says so where it is awaited
    }
  };
  const pending: { bytes: Promise<Buffer | null>; size: number }[] = [];
  let at = 0;
  let inFlight = 0;
  const read = async (path: string): Promise<Buffer | null> => {
    if (TEXT_FILES.test(path) || ZIP_FILES.test(path)) return readFile(path);
    const file = await open(path);
    const head = Buffer.alloc(GZIP.length);
    try {
      await file.read(head, 0, head.length, 0);
    } finally {
      await file.close();
    }
    return head.equals(GZIP) ? readFile(path) : null;
  };
  const fill = () => {
    while (at < paths.length && pending.length < READ_AHEAD && (pending.length === 0 || inFlight < READ_AHEAD_BYTES)) {
      const path = paths[at++];
      const size = sizeOf(path);
      const bytes = read(path);
      bytes.catch(() => {}); // a failed read is thrown where it is awaited, in order
      pending.push({ bytes, size });
      inFlight += size;
    }
  };
  return {
    next() {
      fill();
      const p = pending.shift();
      if (!p) throw new Error('readAhead: no file left');
      inFlight -= p.size;
      fill();
      return p.bytes;
    },
  };
}

/** Every distinct value of every column of a Parquet file, one a line. */
async function parquetText(run: (sql: string) => Promise<unknown[][]>, path: string): Promise<string> {
  const file = `read_parquet(${sqlString(path)})`;
  const columns = (await run(`SELECT column_name FROM (DESCRIBE SELECT * FROM ${file})`)).map((r) => String(r[0]));
  if (columns.length === 0) return '';
  const parts = columns.map((c) => `(SELECT coalesce(string_agg(DISTINCT CAST(${sqlIdent(c)} AS VARCHAR), chr(10)), '') FROM ${file})`);
  const [row] = await run(`SELECT ${parts.join(' || chr(10) || ')}`);
  return String(row[0]);
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };

const codePoint = (n: number) => (n >= 0 && n <= 0x10ffff ? String.fromCodePoint(n) : '');

/** Text as its reader sees it: `&#39;`, `&amp;`, `\u00e9`, `\"` and a CSV's `""` undone. */
export function asRead(text: string): string {
  let t = text;
  if (t.includes('&')) {
    t = t.replace(/&(#[xX][0-9a-fA-F]+|#[0-9]+|[a-zA-Z]+);/g, (m, e: string) =>
      e[0] === '#'
        ? codePoint(e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10))
        : (ENTITIES[e.toLowerCase()] ?? m),
    );
  }
  if (t.includes('\\'))
    t = t.replace(/\\u([0-9a-fA-F]{4})|\\(["\\/'])/g, (_, hex: string | undefined, ch: string) =>
      hex ? String.fromCharCode(parseInt(hex, 16)) : ch,
    );
  if (t.includes('""')) t = t.replace(/""/g, '"');
  return t;
}

/** Any CSV: every cell of every row after the header, at most three rows with a leak reported. */
function scanAnyCsv(text: string, isPrivate: (cell: string) => boolean, onRow: (row: number) => void): void {
  const rows = Papa.parse<string[]>(text, { skipEmptyLines: true }).data;
  let found = 0;
  for (let r = 1; r < rows.length && found < 3; r++) {
    for (const cell of rows[r]) {
      if (isPrivate(cell)) {
        onRow(r + 1);
        found++;
      }
    }
  }
}

/**
 * A table this build publishes, when the file looks like what the CSV writer makes of it: named
 * after the table, its header line the table's columns, no quoted cell. Such a file is read
 * in one pass over its characters, without a general CSV parser.
 */
function publishedTableOf(path: string, bytes: Buffer): PublishedTable | undefined {
  if (basename(dirname(path)) !== 'data') return undefined;
  const table = TABLES.find((t) => csvFileName(t) === basename(path));
  if (!table) return undefined;
  const header = Buffer.from(table.columns.map((c) => c.name).join(',') + '\r\n');
  return bytes.subarray(0, header.length).equals(header) && !bytes.includes(0x22) ? table : undefined;
}

const Kind = { Text: 0, Number: 1, Date: 2 } as const;

const isDigit = (c: number) => c >= 48 && c <= 57;

/** A number as String(number) writes it: `-12`, `3.5`, `1e-7`, `1.5e+21`. */
function isNumberText(b: Uint8Array, from: number, to: number): boolean {
  let i = from;
  if (b[i] === 45) i++;
  const start = i;
  while (i < to && isDigit(b[i])) i++;
  if (i === start) return false;
  if (i < to && b[i] === 46) {
    const f = ++i;
    while (i < to && isDigit(b[i])) i++;
    if (i === f) return false;
  }
  if (i < to && b[i] === 101) {
    i++;
    if (b[i] === 43 || b[i] === 45) i++;
    const e = i;
    while (i < to && isDigit(b[i])) i++;
    if (i === e) return false;
  }
  return i === to;
}

/** `YYYY-MM-DD`. */
const isDateText = (b: Uint8Array, from: number, to: number): boolean =>
  to - from === 10 &&
  b[from + 4] === 45 &&
  b[from + 7] === 45 &&
  isDigit(b[from]) &&
  isDigit(b[from + 1]) &&
  isDigit(b[from + 2]) &&
  isDigit(b[from + 3]) &&
  isDigit(b[from + 5]) &&
  isDigit(b[from + 6]) &&
  isDigit(b[from + 8]) &&
  isDigit(b[from + 9]);

function sameBytes(b: Uint8Array, at: number, other: Uint8Array, from: number, to: number): boolean {
  for (let k = 0; k < to - from; k++) if (b[at + k] !== other[from + k]) return false;
  return true;
}

/** Per column, a small direct-mapped cache of cells already found not private (columns repeat a few values). */
const CACHE_SLOTS = 1024;

/**
 * A published table's CSV. A cell that reads as its column's type — a number in a number
 * column, a date in a date column — is not matched (a count or an index that happens to equal
 * a free text would otherwise stop the build); any other cell is looked up, once per distinct
 * value as far as the column's small cache holds them (enumerated columns: once per value).
 * Returns false, having reported nothing, when a line ending is not CRLF: the general path
 * then reads the file as a CSV parser would.
 */
function scanPublishedCsv(
  bytes: Buffer,
  table: PublishedTable,
  isPrivate: (cell: string) => boolean,
  onRow: (row: number) => void,
): boolean {
  const width = table.columns.length;
  const kinds = table.columns.map((c) =>
    c.type === 'integer' || c.type === 'number' ? Kind.Number : c.type === 'date' ? Kind.Date : Kind.Text,
  );
  // Per column (and one more for cells past the header's width): where a clean cell starts, its length.
  const cacheAt = new Int32Array((width + 1) * CACHE_SLOTS).fill(-1);
  const cacheLen = new Int32Array((width + 1) * CACHE_SLOTS);
  const rows: number[] = []; // one entry per leaking cell, as the general path reports them

  const leaks = (col: number, from: number, to: number, hash: number): boolean => {
    if (from === to) return false; // an empty cell holds no value
    const kind = col < width ? kinds[col] : Kind.Text;
    if (kind === Kind.Number && isNumberText(bytes, from, to)) return false;
    if (kind === Kind.Date && isDateText(bytes, from, to)) return false;
    const slot = Math.min(col, width) * CACHE_SLOTS + (hash & (CACHE_SLOTS - 1));
    const at = cacheAt[slot];
    if (at >= 0 && cacheLen[slot] === to - from && sameBytes(bytes, at, bytes, from, to)) return false;
    if (isPrivate(bytes.toString('utf8', from, to))) return true;
    cacheAt[slot] = from;
    cacheLen[slot] = to - from;
    return false;
  };

  const n = bytes.length;
  let i = bytes.indexOf('\r\n') + 2;
  let row = 1;
  while (i < n && rows.length < 3) {
    if (bytes[i] === 13 && bytes[i + 1] === 10) {
      i += 2; // an empty line: skipped, not counted
      continue;
    }
    row++;
    let col = 0;
    let from = i;
    let hash = 0;
    let digits = true; // only digits so far: in a number column, no further look is needed
    let leaked = 0;
    for (;;) {
      const c = i < n ? bytes[i] : 13;
      if (c === 44 || c === 13 || c === 10) {
        const end = c !== 44;
        if (end && i < n && (c === 10 || bytes[i + 1] !== 10)) return false;
        if (from < i && !(digits && col < width && kinds[col] === Kind.Number) && leaks(col, from, i, hash)) leaked++;
        if (end) {
          i += 2;
          break;
        }
        col++;
        from = ++i;
        hash = 0;
        digits = true;
        continue;
      }
      hash = (hash * 31 + c) | 0;
      digits &&= c >= 48 && c <= 57;
      i++;
    }
    for (let k = 0; k < leaked; k++) rows.push(row);
  }
  for (const r of rows) onRow(r);
  return true;
}
