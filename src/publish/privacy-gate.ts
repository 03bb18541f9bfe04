/**
 * The last gate before anything is published (contract §5): refuses the build if a staged
 * file holds an NIP-like number or any private value of the inputs — as a whole cell of a
 * CSV, or inside any text (contract 1.1): pages, scripts, data, the search index (gzip) and
 * the Parquet files through their data. It scans what is about to be written, not what the
 * code intends to write.
 */
import { createHash } from 'node:crypto';
import { sha256 } from '../read/sha256.ts';
import { createReadStream, statSync } from 'node:fs';
import { open, readFile } from 'node:fs/promises';
import { basename, relative } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { TABLES, type PublishedTable } from '../contract/published.ts';
import { csvFileName } from '../queries/published-views.ts';
import { sqlIdent, sqlString } from '../queries/sql.ts';
import { NIP_LIKE, PrivateSearch, VOCABULARY, type Found, type SharedSearch } from '../validate/private-search.ts';
import type { PrivateValues } from '../validate/private-values.ts';
import { HashedStrings, type HashRows } from '../validate/private-hashes.ts';
import { CsvRows } from '../read/csv-pieces.ts';
import { csvHeader } from './csv.ts';
import { withDuckDb } from './parquet.ts';
import { siteFiles, twinOf } from './site-files.ts';
import { entryBytes, heldZip, inflateEntry, zipEntries, zipOnDisk, ZipError, type ZipBytes, type ZipEntry } from './zip-entries.ts';
import { PIECE_SIZES, pieceCutter, type PieceCutter, type PieceSizes } from './text-pieces.ts';

export { NIP_LIKE };

const TEXT_FILES = /\.(html|csv|json|js|mjs|txt|xml|svg|css|md)$/i;
const ZIP_FILES = /\.(zip|xlsx)$/i;

export interface Leak {
  file: string;
  what: string;
}

/** What the gate needs of the private values: a Set, or the gate's hashed view of one (lookupFrom). */
export interface PrivateLookup {
  /** Only compared with 0: without private values, no cell is matched. */
  readonly size: number;
  has(value: string): boolean;
  /** The same values looked for inside text; made from the lookup when it is a Set. */
  search?: PrivateSearch;
}

const SHORT_NUMBER = /^\d{1,17}$/;

/** Short or purely numeric values would match counts and codes by chance; the contract's words say nothing. */
export const isMeaningfulPrivate = (v: string): boolean => v.length >= 4 && !SHORT_NUMBER.test(v) && !VOCABULARY.has(v);

/**
 * The private values as the gate's threads are sent them (shareLookup): the search, and the
 * meaningful values as hashed cells, on shared memory. Made once, read by every thread.
 */
export interface SharedLookup {
  any: boolean;
  search: SharedSearch;
  cells: HashRows;
}

export function shareLookup(values: PrivateValues): SharedLookup {
  // The cells' table made whole before the search's are begun: the rows of both, collected and then placed, are not held at once.
  const collect = HashedStrings.collect();
  values.forEachValue((v) => {
    if (isMeaningfulPrivate(v)) collect.add(v);
  });
  const cells = collect.finish().table;
  return { any: values.hasAny(), search: PrivateSearch.of(values).share(), cells };
}

/** The lookup a thread makes of what shareLookup made: isMeaningfulPrivate asked of the cell, not of every value. */
export function lookupFrom(shared: SharedLookup): PrivateLookup {
  const cells = new HashedStrings(shared.cells);
  return {
    size: shared.any ? 1 : 0,
    has: (v) => isMeaningfulPrivate(v) && cells.has(v),
    search: PrivateSearch.from(shared.search),
  };
}

/** The gate's view of `values` in this thread. */
export const meaningfulView = (values: PrivateValues): PrivateLookup => lookupFrom(shareLookup(values));

const privateRowLeak = (file: string, row: number): Leak => ({
  file,
  what: `nilai kolom privat di baris ${row} / a private column's value on row ${row}`,
});

/**
 * V8 strings stop at 512 MiB: a longer text (a national sheet of an .xlsx, at hundreds of
 * regions) is read in pieces of at most this many bytes. Tests make pieces small.
 */
export const PIECE_BYTES = 64 * 2 ** 20;

export interface GateOptions {
  /** Texts longer than this many bytes are searched in overlapping pieces (PIECE_BYTES). */
  pieceBytes?: number;
  /** Only these files (by path relative to `root`; twins are still told by the files beside them). */
  select?: (path: string) => boolean;
  /** These files, in this order (gatePaths gave them), instead of walking `root`. */
  paths?: readonly string[];
  /** Told the sha256 of every file the gate reads (by path relative to `root`), as it reads it. */
  onRead?: (path: string, sha256: string) => void;
  /**
   * Contents (a CSV, or an entry of a zip: its bytes and how they are read, `ContentRead`) that
   * passed this gate before, for these same private values: not read again.
   */
  passedBefore?: (content: string) => boolean;
  /** Told each content of a file (its path relative to `root`) found clean, read or passed before. */
  onClean?: (path: string, content: string) => void;
}

/**
 * The files the gate reads under `root` (absolute paths, in listFiles' order), maybe only those
 * `select` keeps (by path relative to `root`). Compressed twins beside their file (a shard's
 * pages, joined by the merge) hold the file's bytes: the file is read; the twins are checked
 * against it when the site is compressed. `files`: every file under `root`, as siteFiles gives
 * them (absolute), when the caller has them already.
 */
export function gatePaths(root: string, select?: (path: string) => boolean, files?: readonly string[]): string[] {
  const all = files ?? siteFiles(root);
  const names = new Set(all);
  return all.filter((p) => {
    const of = twinOf(p);
    return !(of !== null && names.has(of)) && (!select || select(relative(root, p)));
  });
}

/**
 * What the gate reads, as a content: how (`csv:<table>`, `csv:` read strictly, or `text`) and the
 * sha256 of the bytes; or a piece of a long text searched (`piece:` and its sha256; PieceFinder).
 */
export type ContentRead = string;

/** A content as remembered (gate-memory.ts) and looked up when passed before: its hash. */
export const contentEntry = (content: ContentRead): string => sha256(content);

export async function scanForLeaks(
  root: string,
  privateValues: PrivateLookup,
  { pieceBytes = PIECE_BYTES, select, paths: given, onRead, passedBefore, onClean }: GateOptions = {},
): Promise<Leak[]> {
  const paths = given ?? gatePaths(root, select);
  const search = privateValues.search ?? PrivateSearch.of(Symbol.iterator in privateValues ? (privateValues as Iterable<string>) : []);
  const isPrivate = privateValues.size > 0 ? (cell: string) => privateValues.has(cell) : null;
  return scanFiles(root, paths, isPrivate, search, { pieceBytes, onRead, passedBefore, onClean });
}

/** Where in a file: an offset in its text, or, in a text read in pieces, in the piece from that byte. */
interface FoundIn extends Found {
  /** A long text is read in pieces: the byte of the file its piece starts at (`at` counts characters of the piece). */
  pieceFrom?: number;
  /** A Parquet file is read a column at a time: the column (`at` counts characters of its values, one a line). */
  column?: string;
}

function foundLeak(file: string, f: FoundIn): Leak {
  const [id, en] =
    f.pieceFrom !== undefined
      ? [
          `di karakter ${f.at} dari teks yang dibaca mulai bita ${f.pieceFrom}`,
          `at character ${f.at} of the text read from byte ${f.pieceFrom}`,
        ]
      : f.column !== undefined
        ? [`di kolom ${f.column}, posisi ${f.at}`, `in column ${f.column}, at offset ${f.at}`]
        : [`di posisi ${f.at}`, `at offset ${f.at}`];
  return f.kind === 'nip'
    ? { file, what: `angka mirip NIP atau NIP masukan ${id} / NIP-like number or an input's NIP ${en}` }
    : { file, what: `nilai privat di dalam teks ${id} / a private value inside the text ${en}` };
}

/**
 * How many bytes each piece of a long text reaches back into the one before: more than any
 * private value takes written out (up to 10 bytes a character, as `&#1114111;`), so that a value
 * across the cut is whole in the second piece, after a margin where an escape cut in half may
 * read wrong. A value stretched past this by a run of whitespace or zero-padded references, or
 * read after a run of backslashes or doubled quotes longer than this (their count decides how
 * the next character reads), is what a piece boundary can hide; at 64 KiB and more, no writer here makes one.
 */
export const overlapOf = (search: PrivateSearch): number => Math.max(64 * 1024, 16 * search.longest);

/** A UTF-8 character's first byte at or before `i` (a piece never starts inside a character). */
function charStart(bytes: Uint8Array, i: number): number {
  let at = i;
  // At most three steps: a UTF-8 character has at most three continuation bytes. A longer run is
  // no text, and stepping back through it could leave a value whole in no piece.
  while (at > 0 && at > i - 3 && at < bytes.length && (bytes[at] & 0xc0) === 0x80) at--;
  return at;
}

/**
 * What the gate remembers of long texts: each piece it searched and found clean (PieceFinder),
 * as `piece:<sha256>` of the very bytes it searched, the overlap before the piece included.
 */
export interface PieceMemory {
  /** Whether this piece passed before (then it is not read again). */
  passed(piece: ContentRead): boolean;
  /** Told each piece found clean. */
  clean(piece: ContentRead): void;
}

/** Whether a content is a piece of a long text (PieceMemory), not a whole file or zip entry. */
export const isPiece = (content: ContentRead): boolean => content.startsWith('piece:');

/**
 * The first private value (or NIP-like number) in a file's text as its reader sees it. Up to
 * `pieceBytes`, the text is one string; longer, it is read in pieces of at most that size (PieceFinder).
 */
export function findInBytes(search: PrivateSearch, bytes: Buffer, pieceBytes = PIECE_BYTES, memory?: PieceMemory): FoundIn | null {
  if (bytes.length <= pieceBytes) return search.find(asRead(bytes.toString('utf8')));
  const finder = new PieceFinder(search, pieceBytes, memory);
  finder.push(bytes);
  return finder.end();
}

const GZIP = Buffer.from([0x1f, 0x8b]);

/**
 * A text longer than a piece, searched in pieces as it arrives a chunk at a time (a zip entry as
 * it is inflated) or whole (findInBytes). The text is cut where its bytes say (PieceCutter), so
 * the same rows make the same pieces in the next build. Each piece is searched reaching back
 * `overlapOf(search)` bytes into the one before: a value across a cut is whole there. A piece
 * is known by the bytes searched, its overlap included: the same bytes read by the same search
 * give the same answer, so a piece the memory says passed before is not read again, whatever
 * reading an escape or a quote may need of the bytes before it (a run of backslashes decides how
 * the one after it reads). Only one piece and its overlap are held.
 */
export class PieceFinder {
  #parts: Buffer[] = [];
  /** Bytes held, from #start (the offset in the whole text of the first of them). */
  #size = 0;
  #start = 0;
  /** Where the next piece starts (before reaching back by the overlap). */
  #from = 0;
  /** Cuts found and not yet searched up to. */
  #cuts: number[] = [];
  #found: FoundIn | null = null;
  #skipped = 0;
  readonly #overlap: number;
  readonly #cutter: PieceCutter;

  constructor(
    readonly search: PrivateSearch,
    readonly pieceBytes = PIECE_BYTES,
    readonly memory?: PieceMemory,
    sizes: Omit<PieceSizes, 'max'> = PIECE_SIZES,
  ) {
    this.#overlap = overlapOf(search);
    this.#cutter = pieceCutter(pieceBytes, sizes);
  }

  /** Pieces not read again: the memory knew them. */
  get skipped(): number {
    return this.#skipped;
  }

  push(chunk: Uint8Array): void {
    if (this.#found) return;
    this.#parts.push(Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength));
    this.#size += chunk.byteLength;
    for (const cut of this.#cutter.push(chunk)) this.#cuts.push(cut);
    while (!this.#found && this.#cuts.length > 0) this.#piece(this.#cuts.shift()!);
  }

  /** The first value found, once the whole text has been pushed. */
  end(): FoundIn | null {
    while (!this.#found && this.#cuts.length > 0) this.#piece(this.#cuts.shift()!);
    if (!this.#found && this.#from < this.#start + this.#size) this.#piece(this.#start + this.#size);
    return this.#found;
  }

  /** Searches the piece from #from to `to` (a cut, or the text's end), unless the memory knows its bytes. */
  #piece(to: number): void {
    // Held as given when one chunk (a whole text is not copied), else joined.
    const held = this.#parts.length === 1 ? this.#parts[0] : Buffer.concat(this.#parts, this.#size);
    const at = (i: number) => i - this.#start;
    const back = this.#start + charStart(held, at(Math.max(0, this.#from - this.#overlap)));
    const id = this.memory ? `piece:${sha256(held.subarray(at(back), at(to)))}` : null;
    if (id && this.memory!.passed(id)) this.#skipped++;
    else {
      const found = this.search.find(asRead(held.toString('utf8', at(back), at(to))));
      if (found) this.#found = { ...found, pieceFrom: back };
      else if (id) this.memory!.clean(id);
    }
    this.#from = to;
    // Kept: from where the next piece reaches back to, less a character's continuation bytes for charStart.
    const keep = Math.max(this.#start, Math.max(0, this.#from - this.#overlap) - 3);
    // A view, not a copy: joined with the next chunks, it is copied then and what it views is freed.
    const rest = held.subarray(at(keep));
    this.#parts = [rest];
    this.#size = rest.length;
    this.#start = keep;
  }
}

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
  { pieceBytes, onRead, passedBefore, onClean }: Pick<GateOptions, 'onRead' | 'passedBefore' | 'onClean'> & { pieceBytes: number },
): Promise<Leak[]> {
  const leaks: Leak[] = [];
  const parquet: string[] = [];
  // CSVs and zip entries already read and found clean, by their bytes and how they were read. A
  // bundle's entries are the site's CSVs and region files byte for byte: each read once, however often it comes.
  const clean = new Set<string>();
  /**
   * How a content is known (ContentRead): how it was read — a CSV's cells, as a site table or as
   * any CSV, or text — and the sha256 of its bytes. Files of no zip that are not CSVs (pages) are
   * not: each comes once.
   */
  const contentOf = (csv: boolean, table: PublishedTable | undefined, inZip: boolean, sha: string): ContentRead | null =>
    csv || inZip ? `${csv ? `csv:${table?.name ?? ''}` : 'text'}:${sha}` : null;
  const markClean = (seen: ContentRead, owner: string) => {
    clean.add(seen);
    onClean?.(owner, seen);
  };
  /** Whether a content passed before (in this reading or an earlier build's): then clean in `owner` too. */
  const passedAlready = (seen: ContentRead | null, owner: string): boolean => {
    if (seen === null || !(clean.has(seen) || passedBefore?.(seen))) return false;
    markClean(seen, owner);
    return true;
  };
  /** A cell as a spreadsheet shows it: the apostrophe that guards a formula is not part of it. */
  const privateCell = isPrivate && ((cell: string) => isPrivate(cell.startsWith("'") ? cell.slice(1) : cell));
  const ahead = readAhead(
    paths.filter((p) => !p.endsWith('.parquet')),
    pieceBytes,
  );
  for (const path of paths) {
    if (path.endsWith('.parquet')) {
      parquet.push(path);
      continue;
    }
    const bytes = await ahead.next();
    if (bytes === null) continue; // neither text nor gzip nor zip: nothing a reader reads as text
    if (bytes === LONG) {
      if (ZIP_FILES.test(path)) await scanZipOnDisk(path);
      else await scanLongCsv(path, relative(root, path), fileChunks(path), (hash) => onRead?.(relative(root, path), hash));
      continue;
    }
    const hash = sha256(bytes);
    onRead?.(relative(root, path), hash);
    // Bundles and .xlsx files are zips: each entry is read as the file it is (`paket/x.zip!/ikm_unit.csv`).
    if (ZIP_FILES.test(path)) {
      await scanZip(path, heldZip(bytes), hash);
      continue;
    }
    await scanOne(path, bytes);
  }
  /**
   * A zip's entries, in its central directory's order, each read as the file it is
   * (`paket/x.zip!/ikm_unit.csv`) and checked against the size and CRC-32 the directory gives.
   * An entry longer than a piece is never held whole: a CSV is read as a long file is
   * (scanLongCsv, inflated twice); any other (an Excel sheet's XML: at national scale gigabytes,
   * in a zip of tens of megabytes) is searched a piece at a time as it is inflated, and known by
   * the zip's bytes and its name (the same zip holds the same entry: a release folder's copy of
   * an Excel file is not read again).
   */
  async function scanZip(path: string, zip: ZipBytes, zipHash: string): Promise<void> {
    const owner = relative(root, path);
    try {
      const entries = await zipEntries(zip);
      const names = entries.map((e) => e.name);
      const twice = names.filter((n, i) => names.indexOf(n) !== i);
      // Readers differ on which of two same-named entries they open: such a zip is not published.
      if (twice.length > 0) throw new ZipError(`nama ganda / a name twice: ${[...new Set(twice)].join(', ')}`);
      for (const entry of entries) {
        const long = entry.size > pieceBytes;
        if (long && entry.name.endsWith('.csv'))
          await scanLongCsv(`${path}!/${entry.name}`, owner, async (take) => inflateEntry(zip, entry, take));
        else if (long) await scanLongEntry(path, zip, entry, `zip:${zipHash}!/${entry.name}`);
        else await scanOne(`${path}!/${entry.name}`, await entryBytes(zip, entry), owner);
      }
    } catch (e) {
      if (!(e instanceof ZipError)) throw e;
      leaks.push({
        file: owner,
        what: `zip tidak terbaca utuh, tidak diterbitkan / a zip not readable whole is not published (${e.message})`,
      });
    }
  }
  /**
   * A zip longer than a piece (the survey's Excel file: 680 MB at 500 regions), read through its
   * file handle, never whole: hashed, its entries read as scanZip reads them (each checked against
   * the directory's size and CRC-32), then hashed again. The entries' reads are not hashed
   * themselves, so a change undone before the second hashing would pass unseen; the files are
   * this build's own, and what the check catches is a file still being written or replaced.
   */
  async function scanZipOnDisk(path: string): Promise<void> {
    const file = relative(root, path);
    const sha = await sha256Of(fileChunks(path));
    onRead?.(file, sha);
    const handle = await open(path);
    try {
      await scanZip(path, zipOnDisk(handle, (await handle.stat()).size), sha);
    } finally {
      await handle.close();
    }
    await readChecked(fileChunks(path), sha, file);
  }
  /** Pieces of long texts (PieceFinder) remembered as contents of the file they were read in. */
  function piecesOf(owner: string): PieceMemory | undefined {
    if (!onClean && !passedBefore) return undefined;
    return {
      // Passed, it is a clean content of this file all the same: the next build's memory keeps it.
      passed: (piece) => passedAlready(piece, owner),
      clean: (piece) => markClean(piece, owner),
    };
  }
  async function scanLongEntry(path: string, zip: ZipBytes, entry: ZipEntry, seen: ContentRead): Promise<void> {
    const owner = relative(root, path);
    if (!passedAlready(seen, owner)) {
      const finder = new PieceFinder(search, pieceBytes, piecesOf(owner));
      let head = Buffer.alloc(0);
      await inflateEntry(zip, entry, (chunk) => {
        if (head.length < GZIP.length) head = Buffer.concat([head, chunk.subarray(0, GZIP.length - head.length)]);
        finder.push(chunk);
      });
      // gzip inside a zip (never written by this build) is read unpacked, whole, as any entry is.
      if (head.equals(GZIP)) return scanOne(`${path}!/${entry.name}`, await entryBytes(zip, entry), owner);
      const found = finder.end();
      if (found) return void leaks.push(foundLeak(relative(root, `${path}!/${entry.name}`), found));
      markClean(seen, owner);
    }
  }
  /**
   * A CSV longer than a piece (the survey's: 900 MB at 500 regions, in the site and in the
   * national bundle) is never held whole: `chunks` gives its bytes twice, first for its hash
   * and what it is (a site table, gzip), then to read it as scanOne reads a shorter one (the
   * same contents, the same leaks). `owner`: the file whose content it is (the zip of an entry).
   */
  async function scanLongCsv(path: string, owner: string, chunks: Chunks, onHash?: (sha256: string) => void): Promise<void> {
    const file = relative(root, path);
    let head = Buffer.alloc(0);
    let quoted = false;
    const sha = await sha256Of(chunks, (chunk) => {
      if (head.length < HEAD_BYTES) head = Buffer.concat([head, chunk.subarray(0, HEAD_BYTES - head.length)]);
      quoted ||= chunk.includes(0x22);
    });
    onHash?.(sha);
    if (head.subarray(0, 2).equals(GZIP)) {
      // gzip named .csv (never written by this build): unpacked and read whole, as scanOne reads it.
      const parts: Buffer[] = [];
      await chunks((chunk) => parts.push(Buffer.from(chunk)));
      return scanOne(path, Buffer.concat(parts), owner === file ? undefined : owner);
    }
    const table = privateCell ? publishedTableOf(path, head, quoted) : undefined;
    const seen = contentOf(!!privateCell, table, owner !== file, sha);
    if (passedAlready(seen, owner)) return;
    const finder = new PieceFinder(search, pieceBytes, piecesOf(owner));
    // Each reading is of the bytes hashed (a file that changed between readings is not vouched
    // for); the text is searched along the first.
    let first = true;
    const read: Chunks = async (take) => {
      const also = first ? (chunk: Uint8Array) => (finder.push(chunk), take(chunk)) : take;
      first = false;
      await readChecked(chunks, sha, file, also);
    };
    let rows: number[] = [];
    if (privateCell) rows = await privateRows(file, table, privateCell, pieceBytes, read);
    else await read(() => {}); // no private values: the text alone
    if (rows.length > 0) return void rows.forEach((row) => leaks.push(privateRowLeak(file, row)));
    const found = finder.end();
    if (found) leaks.push(foundLeak(file, found));
    else if (seen) markClean(seen, owner);
  }
  // A zip's entries are all text (CSV, JSON, XML, README, SHA256SUMS): each is read, whatever its name.
  // `zip`: the zip an entry is in (relative to root), whose contents it is.
  async function scanOne(path: string, read: Buffer, zip?: string): Promise<void> {
    let bytes = read;
    const file = relative(root, path);
    const text = zip !== undefined;
    const owner = zip ?? file;
    if (bytes.subarray(0, 2).equals(GZIP)) bytes = gunzipSync(bytes);
    else if (!text && !TEXT_FILES.test(path)) return;
    const cells = path.endsWith('.csv') ? privateCell : null;
    // A CSV's cells are checked whichever way it is parsed (scanPublishedCsv is the fast way for the site's own tables).
    const table = cells ? publishedTableOf(path, bytes, bytes.includes(0x22)) : undefined;
    // Clean by its bytes and how it was read (a site table's number and date cells are not looked up).
    const seen = contentOf(!!cells, table, text, sha256(bytes));
    if (passedAlready(seen, owner)) return;
    const rows = cells ? await privateRows(file, table, cells, pieceBytes, bytesChunks(bytes, pieceBytes)) : [];
    if (rows.length > 0) return void rows.forEach((row) => leaks.push(privateRowLeak(file, row)));
    const found = findInBytes(search, bytes, pieceBytes, piecesOf(owner));
    if (found) leaks.push(foundLeak(file, found));
    else if (seen) markClean(seen, owner);
  }
  if (parquet.length > 0) {
    await withDuckDb(async (run) => {
      for (const path of parquet) {
        if (onRead) onRead(relative(root, path), sha256(await readFile(path)));
        for await (const { column, text } of parquetTexts(run, path)) {
          const found = search.find(text);
          if (found) {
            leaks.push(foundLeak(relative(root, path), { ...found, column }));
            break;
          }
        }
      }
    });
  }
  return leaks;
}

/** A text's bytes, given a chunk at a time to `take` each time it is called (a file read, a zip entry inflated). */
export type Chunks = (take: (chunk: Uint8Array) => void) => Promise<void>;

/** The sha256 of the bytes `chunks` gives, each chunk also given to `take`. */
async function sha256Of(chunks: Chunks, take?: (chunk: Uint8Array) => void): Promise<string> {
  const hash = createHash('sha256');
  await chunks((chunk) => {
    hash.update(chunk);
    take?.(chunk);
  });
  return hash.digest('hex');
}

/** `chunks` read into `take`, then checked to be the bytes whose sha256 is `sha` (a reading before gave it). */
export async function readChecked(chunks: Chunks, sha: string, file: string, take?: (chunk: Uint8Array) => void): Promise<void> {
  if ((await sha256Of(chunks, take)) !== sha) throw new Error(`${file}: berubah selagi dibaca / changed while it was read`);
}

/** A file's bytes as Chunks, read 4 MiB at a time. */
const fileChunks =
  (path: string): Chunks =>
  async (take) => {
    for await (const chunk of createReadStream(path, { highWaterMark: 4 * 2 ** 20 }) as AsyncIterable<Buffer>) take(chunk);
  };

/** readAhead's answer for a CSV or zip longer than a piece: not read, but streamed where it is scanned (scanLongCsv, scanZipOnDisk). */
const LONG = Symbol('long');

/** Files read while the one before is scanned: at most this many, and this many bytes (national tables are large). */
const READ_AHEAD = 8;
const READ_AHEAD_BYTES = 64 * 2 ** 20;

/**
 * The files' bytes in order, each read while earlier ones are scanned (the scan is on this
 * thread, the reads are not). A file the gate reads as text only when it is gzip (its name
 * says no text: the engine's wasm, images) is read whole only when its first bytes are gzip's;
 * for the others, null.
 */
function readAhead(paths: readonly string[], longBytes: number): { next(): Promise<Buffer | null | typeof LONG> } {
  /** The file's size if it is read as text (else 0). */
  const sizeOf = (path: string): number => {
    if (!TEXT_FILES.test(path) && !ZIP_FILES.test(path)) return 0;
    try {
      return statSync(path).size;
    } catch {
      return 0; // its read fails too, and says so where it is awaited
    }
  };
  const pending: { bytes: Promise<Buffer | null | typeof LONG>; size: number }[] = [];
  let at = 0;
  let inFlight = 0;
  /** A CSV or zip longer than a piece is not read here but where it is scanned (scanLongCsv, scanZipOnDisk). */
  const long = (path: string, size: number) => (path.endsWith('.csv') || ZIP_FILES.test(path)) && size > longBytes;
  const read = async (path: string, size: number): Promise<Buffer | null | typeof LONG> => {
    if (long(path, size)) return LONG;
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
      const whole = sizeOf(path);
      // What reading it holds in memory: the whole file if it is read whole (else its first bytes).
      const size = long(path, whole) ? 0 : whole;
      const bytes = read(path, whole);
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

/**
 * Every distinct value of a Parquet file's columns, one a line, a column at a time (a column
 * of a million respondent ids is one text; all columns at once would, at national scale, pass
 * what a string can hold). The offset of a leak is in its column's text.
 */
async function* parquetTexts(run: (sql: string) => Promise<unknown[][]>, path: string): AsyncGenerator<{ column: string; text: string }> {
  const file = `read_parquet(${sqlString(path)})`;
  const columns = (await run(`SELECT column_name FROM (DESCRIBE SELECT * FROM ${file})`)).map((r) => String(r[0]));
  for (const c of columns) {
    const [row] = await run(`SELECT coalesce(string_agg(DISTINCT CAST(${sqlIdent(c)} AS VARCHAR), chr(10)), '') FROM ${file}`);
    yield { column: c, text: String(row[0]) };
  }
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

/**
 * The rows of a CSV's private cells (at most three leaking cells, as a reader stops): the fast
 * way when it is a site table (`table`), else, or when one of its lines is not one the fast way
 * reads, as any CSV (CsvRows: the same records as a parse of the whole, without making a string
 * of a file longer than a string can hold). `read` gives its bytes, again when called again.
 */
async function privateRows(
  file: string,
  table: PublishedTable | undefined,
  isPrivate: (cell: string) => boolean,
  pieceBytes: number,
  read: Chunks,
): Promise<number[]> {
  if (table) {
    const fast = new CsvCells(file, table, isPrivate, pieceBytes);
    await read((chunk) => fast.push(chunk));
    const rows = fast.end();
    if (rows) return rows;
  }
  const any = new CsvCells(file, undefined, isPrivate, pieceBytes);
  await read((chunk) => any.push(chunk));
  const rows = any.end();
  // Read as any CSV, it has no fast reading to fail; were it ever to, the gate stops rather than pass it.
  if (rows === null) throw new Error(`${file}: tidak terbaca sebagai CSV / not read as a CSV`);
  return rows;
}

/** A text held whole, as Chunks of at most `pieceBytes` (a general CSV reading parses a piece at a time). */
const bytesChunks =
  (bytes: Buffer, pieceBytes: number): Chunks =>
  async (take) => {
    for (let at = 0; at < bytes.length; at += pieceBytes) take(bytes.subarray(at, at + pieceBytes));
  };

/**
 * A table this build publishes, when the file looks like what the CSV writer makes of it: named
 * after the table, its header line the table's columns, no quoted cell. Such a file is read
 * in one pass over its characters, without a general CSV parser: the site's tables, their
 * region files and their copies in the bundles and release folders (a national bundle's survey
 * table, parsed as any CSV, held ten times its bytes in cells). Wherever it lies, a number in a
 * number column or a date in a date column is not looked up as a cell (scanPublishedCsv), as in
 * data/: such a cell says no more of anyone in a copy than in the table it copies.
 */
function publishedTableOf(path: string, head: Buffer, quoted: boolean): PublishedTable | undefined {
  const table = TABLES.find((t) => csvFileName(t) === basename(path));
  if (!table) return undefined;
  const header = Buffer.from(csvHeader(table));
  return head.subarray(0, header.length).equals(header) && !quoted ? table : undefined;
}

/** Where a block of a CSV's lines is in the file: whether it starts with the header, the rows before it and the leaking cells found there. */
interface CsvPlace {
  header: boolean;
  row: number;
  found: number;
}

/** Bytes of a file's start kept to tell a site table by its header (publishedTableOf). */
const HEAD_BYTES = 64 * 1024;

/**
 * The cells of a CSV given a chunk at a time, a site table's by scanPublishedCsv, any other's by
 * CsvRows: the rows of its private cells, or null when a site table's line is not one the fast
 * reading reads (then it is read again as any CSV). A site table's lines are read in
 * blocks of whole lines (it has no quotes: every CRLF ends a record).
 */
class CsvCells {
  readonly #rows: number[] = [];
  #failed = false;
  #held: Buffer[] = [];
  #heldBytes = 0;
  readonly #at: CsvPlace = { header: true, row: 1, found: 0 };
  readonly #reader: CsvRows | null;
  #row = 0;
  readonly #table: PublishedTable | undefined;
  readonly #isPrivate: (cell: string) => boolean;

  constructor(path: string, table: PublishedTable | undefined, isPrivate: (cell: string) => boolean, pieceBytes: number) {
    this.#table = table;
    this.#isPrivate = isPrivate;
    this.#reader = table ? null : new CsvRows(path, pieceBytes);
  }

  push(chunk: Uint8Array): void {
    if (this.#failed || this.#done) return;
    const bytes = Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
    if (this.#reader) return this.#look(this.#reader.push(bytes));
    this.#held.push(bytes);
    this.#heldBytes += bytes.length;
    if (this.#heldBytes < CELL_BLOCK_BYTES) return;
    const held = this.#held.length === 1 ? this.#held[0] : Buffer.concat(this.#held);
    const cut = held.lastIndexOf('\r\n') + 2;
    if (cut < 2) return void ((this.#held = [held]), (this.#heldBytes = held.length));
    this.#block(held.subarray(0, cut));
    this.#held = [held.subarray(cut)];
    this.#heldBytes = held.length - cut;
  }

  end(): number[] | null {
    if (this.#reader) this.#look(this.#reader.end());
    else if (!this.#failed && !this.#done) this.#block(Buffer.concat(this.#held));
    return this.#failed ? null : this.#rows;
  }

  /** As the whole file's reading: it stops at the third leaking cell. */
  get #done(): boolean {
    return this.#rows.length >= 3;
  }

  #block(bytes: Buffer): void {
    if (!scanPublishedCsv(bytes, this.#table!, this.#isPrivate, (r) => this.#rows.push(r), this.#at)) this.#failed = true;
  }

  #look(rows: string[][]): void {
    for (const cells of rows) {
      if (this.#row++ === 0) continue;
      for (const cell of cells) if (!this.#done && this.#isPrivate(cell)) this.#rows.push(this.#row);
    }
  }
}

/** A site table's lines are read in blocks of at least this many bytes. */
const CELL_BLOCK_BYTES = 4 * 2 ** 20;

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
 * then reads the file as a CSV parser would. `at`: where the bytes are in the file (CsvCells
 * gives a long one in blocks of whole lines): whether they start with the header, the rows
 * before them and the leaking cells found there; updated.
 */
function scanPublishedCsv(
  bytes: Buffer,
  table: PublishedTable,
  isPrivate: (cell: string) => boolean,
  onRow: (row: number) => void,
  at: CsvPlace,
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
  let i = at.header ? bytes.indexOf('\r\n') + 2 : 0;
  let row = at.row;
  while (i < n && at.found + rows.length < 3) {
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
  Object.assign(at, { header: false, row, found: at.found + rows.length });
  return true;
}
