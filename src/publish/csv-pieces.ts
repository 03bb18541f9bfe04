/**
 * A large CSV read a piece at a time, each piece cut just after a line end outside quotes and
 * parsed whole by PapaParse. Papa's own streaming input re-parses the rest of its input each
 * time its reader pauses, and decodes each 64 KB chunk on its own (breaking a character across two):
 * the privacy gate stalled for tens of minutes on one CSV at 50 regions (docs/benchmark.md, Scale).
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

/**
 * Parses pieces of one CSV as PapaParse parses the whole: every piece with the first piece's
 * delimiter and line end (Papa would guess them again from each piece's first rows; it guesses
 * from the first rows and first MB, which a first piece of 1 MiB and more holds).
 */
export class CsvPieces {
  #format: Papa.ParseConfig = {};
  #first = true;

  /** The rows of `text`, and whether Papa read a quote otherwise than the cut assumed (a stray `"`). */
  parse(text: string): { rows: string[][]; quotesAmiss: boolean } {
    // Papa drops a U+FEFF that starts its input, as a byte order mark: only the file's first piece has one.
    const input = !this.#first && text.charCodeAt(0) === 0xfeff ? `${this.#format.newline ?? '\n'}${text}` : text;
    const parsed = Papa.parse<string[]>(input, { skipEmptyLines: true, ...this.#format });
    if (this.#first) {
      this.#first = false;
      this.#format = { delimiter: parsed.meta.delimiter, newline: parsed.meta.linebreak as Papa.ParseConfig['newline'] };
    }
    return { rows: parsed.data, quotesAmiss: parsed.errors.some((e) => e.type === 'Quotes') };
  }
}

/** More bytes than this without a line end outside quotes is no CSV a writer here makes (and nears a string's limit). */
const MAX_HELD = 256 * 2 ** 20;

/**
 * Every row of a CSV file, the header first, as `Papa.parse` of the whole file gives them (empty
 * lines skipped), read `pieceBytes` at a time and parsed up to the last line end outside quotes.
 * Each byte is scanned once. A stray quote makes the rest be read whole. More than `maxHeld` bytes
 * without a place to cut (a record that long, a file with CR line ends only) is refused in words.
 */
export async function* csvFileRows(path: string, pieceBytes = 4 * 2 ** 20, maxHeld = MAX_HELD): AsyncGenerator<string[]> {
  const pieces = new CsvPieces();
  let held: Buffer[] = []; // read, not yet parsed
  let heldBytes = 0;
  let cut = 0; // just after the last line feed outside quotes in the held bytes (0: none yet)
  let quotes = 0; // quotes seen since the start of the file (its parity is what counts)
  let whole = false; // after a stray quote: everything left, parsed at the end
  for await (const chunk of createReadStream(path, { highWaterMark: pieceBytes }) as AsyncIterable<Buffer>) {
    for (let i = 0; i < chunk.length; i++) {
      const c = chunk[i];
      if (c === 0x22) quotes++;
      else if (c === 0x0a && quotes % 2 === 0) cut = heldBytes + i + 1;
    }
    held.push(chunk);
    heldBytes += chunk.length;
    if (whole || cut === 0) {
      if (heldBytes > maxHeld)
        throw new Error(
          `${path}: tidak ada akhir baris di luar tanda kutip dalam ${maxHeld} bita, bukan CSV seperti yang ditulis situs ini / no line end outside quotes within ${maxHeld} bytes: not a CSV as this site writes them`,
        );
      continue;
    }
    const bytes = Buffer.concat(held, heldBytes);
    const { rows, quotesAmiss } = pieces.parse(bytes.toString('utf8', 0, cut));
    if (quotesAmiss) {
      whole = true;
      held = [bytes];
      continue;
    }
    yield* rows;
    const rest = bytes.subarray(cut);
    held = rest.length > 0 ? [rest] : [];
    heldBytes = rest.length;
    cut = 0;
  }
  if (heldBytes > 0) yield* pieces.parse(Buffer.concat(held, heldBytes).toString('utf8')).rows;
}
