/**
 * A large CSV read a piece at a time, each piece cut just after a line end outside quotes and
 * parsed whole by PapaParse. Papa's own streaming input re-parses the rest of its input each
 * time its reader pauses, which made writing one national table's .xlsx and the privacy gate's
 * reading of one CSV take minutes to hours at 50 regions (docs/benchmark.md, Scale).
 */
import { createReadStream } from 'node:fs';
import Papa from 'papaparse';

/**
 * Where the piece of a CSV from `from` ends: the end of the file, or just after the first line
 * feed at least `pieceBytes` on that is outside quotes (an even count of `"` since `from`, as
 * RFC 4180 quotes whole cells and doubles a quote inside one).
 */
export function recordEnd(bytes: Uint8Array, from: number, pieceBytes: number): number {
  if (bytes.length - from <= pieceBytes) return bytes.length;
  let quotes = 0;
  for (let q = bytes.indexOf(0x22, from); q !== -1 && q < from + pieceBytes; q = bytes.indexOf(0x22, q + 1)) quotes++;
  for (let i = from + pieceBytes; i < bytes.length; i++) {
    const c = bytes[i];
    if (c === 0x22) quotes++;
    else if (c === 0x0a && quotes % 2 === 0) return i + 1;
  }
  return bytes.length;
}

/** Just after the last line feed outside quotes in `bytes` (0 when there is none). */
function lastRecordEnd(bytes: Uint8Array): number {
  let quotes = 0;
  let end = 0;
  for (let i = 0; i < bytes.length; i++) {
    const c = bytes[i];
    if (c === 0x22) quotes++;
    else if (c === 0x0a && quotes % 2 === 0) end = i + 1;
  }
  return end;
}

/**
 * Parses pieces of one CSV as PapaParse parses the whole: every piece with the first piece's
 * delimiter and line end (Papa would guess them again from each piece's first rows).
 */
export class CsvPieces {
  #format: Papa.ParseConfig = {};
  #first = true;

  /** The rows of `text`, and whether Papa read a quote otherwise than the cut assumed (a stray `"`). */
  parse(text: string): { rows: string[][]; quotesAmiss: boolean } {
    const parsed = Papa.parse<string[]>(text, { skipEmptyLines: true, ...this.#format });
    if (this.#first) {
      this.#first = false;
      this.#format = { delimiter: parsed.meta.delimiter, newline: parsed.meta.linebreak as Papa.ParseConfig['newline'] };
    }
    return { rows: parsed.data, quotesAmiss: parsed.errors.some((e) => e.type === 'Quotes') };
  }
}

/**
 * Every row of a CSV file, the header first, as `Papa.parse` of the whole file gives them (empty
 * lines skipped), read `pieceBytes` at a time. A stray quote makes the rest be read whole.
 */
export async function* csvFileRows(path: string, pieceBytes = 16 * 2 ** 20): AsyncGenerator<string[]> {
  const pieces = new CsvPieces();
  let carry: Buffer = Buffer.alloc(0);
  let whole = false; // after a stray quote: everything left, parsed at the end
  for await (const chunk of createReadStream(path, { highWaterMark: pieceBytes }) as AsyncIterable<Buffer>) {
    carry = carry.length === 0 ? chunk : Buffer.concat([carry, chunk]);
    if (whole) continue;
    const end = lastRecordEnd(carry);
    if (end === 0) continue;
    const { rows, quotesAmiss } = pieces.parse(carry.toString('utf8', 0, end));
    if (quotesAmiss) {
      whole = true;
      continue;
    }
    yield* rows;
    carry = carry.subarray(end);
  }
  if (carry.length > 0) yield* pieces.parse(carry.toString('utf8')).rows;
}
