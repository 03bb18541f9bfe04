/** Published CSV (contract §6): UTF-8, comma, `.` decimals, RFC 4180, safe to open in Excel. */
import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import type { PublishedRow, PublishedTable } from '../contract/published.ts';
import { csvCell } from '../charts/csv-text.ts';

export const csvLine = (cells: readonly (string | number | null)[]) => cells.map(csvCell).join(',') + '\r\n';

/** A published table's header line, as its CSV (and each of its region files) begins. */
export const csvHeader = (table: Pick<PublishedTable, 'columns'>): string => csvLine(table.columns.map((c) => c.name));

/** Distinct cells remembered per file as their bytes (codes, months, answers repeat). */
const CACHE_LIMIT = 1 << 16;
const CHUNK = 1 << 20;
const COMMA = 0x2c;

type Cell = string | number | null | undefined;

/**
 * A row's cells, in the table's column order, handed to `put` by one function made for the
 * table's columns: every row of a table has the same columns, and a property read by a fixed
 * name is what the engine reads fastest.
 */
function cellsReader(names: readonly string[]): (row: PublishedRow, put: (v: Cell) => void) => void {
  const body = names.map((n) => `put(row[${JSON.stringify(n)}]);`).join('\n');
  return new Function('row', 'put', body) as (row: PublishedRow, put: (v: Cell) => void) => void;
}

/**
 * Whole records of a table, as written before (a region's rows taken from the previous output:
 * src/build/kept-rows.ts), and how many: written as they are.
 */
export class CsvLines {
  constructor(
    readonly bytes: Uint8Array,
    readonly rows: number,
  ) {}
}

/** Streams rows to a file in the table's column order; returns the number of rows. */
export async function writeCsv(path: string, table: PublishedTable, rows: Iterable<PublishedRow | CsvLines>): Promise<number> {
  const out = createWriteStream(path);
  const names = table.columns.map((c) => c.name);
  const width = names.length;
  const cache = new Map<string | number, Uint8Array>();
  // Counts and answers: small whole numbers, looked up by value.
  const small = Array.from({ length: 256 }, (_, i) => Buffer.from(String(i)));
  let chunk = Buffer.allocUnsafe(CHUNK);
  let pos = 0;
  let col = 0;
  const bytesOf = (v: string | number): Uint8Array => {
    if (typeof v === 'number' && v >= 0 && v < 256 && (v | 0) === v && !Object.is(v, -0)) return small[v];
    let b = cache.get(v);
    if (b === undefined) {
      b = Buffer.from(csvCell(v));
      if (cache.size < CACHE_LIMIT) cache.set(v, b);
    }
    return b;
  };
  const put = (v: Cell): void => {
    if (v !== null && v !== undefined) {
      const b = bytesOf(v);
      if (pos + b.length + 3 > chunk.length) flushInto(b.length + 3);
      for (let i = 0; i < b.length; i++) chunk[pos++] = b[i];
    } else if (pos + 3 > chunk.length) flushInto(3);
    if (++col < width) chunk[pos++] = COMMA;
    else {
      chunk[pos++] = 0x0d;
      chunk[pos++] = 0x0a;
      col = 0;
    }
  };
  // Full chunks are handed to the stream as they are, a new one taken for what follows.
  const full: Buffer[] = [];
  const flushInto = (need: number) => {
    full.push(chunk.subarray(0, pos));
    chunk = Buffer.allocUnsafe(Math.max(CHUNK, need));
    pos = 0;
  };
  const read = cellsReader(names);
  const header = Buffer.from(csvHeader(table));
  let n = 0;
  if (!out.write(header)) await once(out, 'drain');
  for (const row of rows) {
    if (row instanceof CsvLines) {
      if (pos > 0) flushInto(0);
      full.push(Buffer.from(row.bytes.buffer, row.bytes.byteOffset, row.bytes.byteLength));
      n += row.rows;
    } else {
      read(row, put);
      n++;
    }
    while (full.length > 0) if (!out.write(full.shift()!)) await once(out, 'drain');
  }
  out.end(chunk.subarray(0, pos));
  await once(out, 'finish');
  return n;
}
