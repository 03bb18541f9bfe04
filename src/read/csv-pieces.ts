/**
 * A large CSV read a piece at a time, each piece cut just after a line end outside quotes and
 * parsed whole by PapaParse. Papa's own streaming input re-parses the rest of its input each
 * time its reader pauses, and decodes each 64 KB chunk on its own (breaking a character across two):
 * the privacy gate stalled for tens of minutes on one CSV at 50 regions (docs/benchmark.md, Scale).
 */
import { createReadStream } from 'node:fs';
import Papa from 'papaparse';

/** More bytes than this without a line end outside quotes is no CSV a writer here makes (and nears a string's limit). */
const MAX_HELD = 256 * 2 ** 20;

/**
 * The rows of one CSV, as `Papa.parse` of the whole file gives them (empty lines skipped), from
 * its bytes given in chunks. Once a piece's worth is held, the records up to the last line feed
 * outside quotes (an even count of `"` since the file's start, as RFC 4180 quotes whole cells and
 * doubles a quote inside one) are parsed; each byte is scanned once. Every piece is parsed with
 * the first piece's delimiter and line end, which Papa would otherwise guess again from each
 * piece's first rows (it guesses from the first rows and first MB, which a first piece of 1 MiB
 * and more holds). A stray quote (Papa reads a quote otherwise than the cut assumed) makes the
 * rest be read whole; more than `maxHeld` bytes without a place to cut is refused in words.
 */
export class CsvRows {
  #format: Papa.ParseConfig | null = null;
  #held: Buffer[] = [];
  #heldBytes = 0;
  /** Just after the last line feed outside quotes in the held bytes (0: none yet). */
  #cut = 0;
  /** Quotes since the start of the file: their parity is what counts. */
  #quotes = 0;
  /** After a stray quote: everything left is parsed at the end. */
  #whole = false;

  constructor(
    readonly name: string,
    readonly pieceBytes: number,
    readonly maxHeld = MAX_HELD,
  ) {}

  /** The rows of the records this chunk completes, once a piece's worth is held (else none yet). */
  push(chunk: Buffer): string[][] {
    for (let i = 0; i < chunk.length; i++) {
      const c = chunk[i];
      if (c === 0x22) this.#quotes++;
      else if (c === 0x0a && this.#quotes % 2 === 0) this.#cut = this.#heldBytes + i + 1;
    }
    this.#held.push(chunk);
    this.#heldBytes += chunk.length;
    if (this.#whole || this.#cut === 0) {
      if (this.#heldBytes > this.maxHeld)
        throw new Error(
          `${this.name}: tidak ada akhir baris di luar tanda kutip dalam ${this.maxHeld} bita, bukan CSV seperti yang ditulis situs ini / no line end outside quotes within ${this.maxHeld} bytes: not a CSV as this site writes them`,
        );
      return [];
    }
    if (this.#heldBytes < this.pieceBytes) return [];
    const bytes = Buffer.concat(this.#held, this.#heldBytes);
    const { rows, quotesAmiss } = this.#parse(bytes.toString('utf8', 0, this.#cut));
    if (quotesAmiss) {
      this.#whole = true;
      this.#held = [bytes];
      return [];
    }
    const rest = bytes.subarray(this.#cut);
    this.#held = rest.length > 0 ? [rest] : [];
    this.#heldBytes = rest.length;
    this.#cut = 0;
    return rows;
  }

  /** The rows left once every chunk is given. */
  end(): string[][] {
    if (this.#heldBytes === 0) return [];
    const rows = this.#parse(Buffer.concat(this.#held, this.#heldBytes).toString('utf8')).rows;
    this.#held = [];
    this.#heldBytes = 0;
    return rows;
  }

  #parse(text: string): { rows: string[][]; quotesAmiss: boolean } {
    // Papa drops a U+FEFF that starts its input, as a byte order mark: only the file's first piece has one.
    const input = this.#format && text.charCodeAt(0) === 0xfeff ? `${this.#format.newline ?? '\n'}${text}` : text;
    const parsed = Papa.parse<string[]>(input, { skipEmptyLines: true, ...this.#format });
    this.#format ??= { delimiter: parsed.meta.delimiter, newline: parsed.meta.linebreak as Papa.ParseConfig['newline'] };
    return { rows: parsed.data, quotesAmiss: parsed.errors.some((e) => e.type === 'Quotes') };
  }
}

/** Every row of a CSV file, the header first, read `pieceBytes` at a time (CsvRows). */
export async function* csvFileRows(path: string, pieceBytes = 4 * 2 ** 20, maxHeld = MAX_HELD): AsyncGenerator<string[]> {
  const reader = new CsvRows(path, pieceBytes, maxHeld);
  for await (const chunk of createReadStream(path, { highWaterMark: pieceBytes }) as AsyncIterable<Buffer>) yield* reader.push(chunk);
  yield* reader.end();
}

/** The rows csvFileRows reads, of a file's bytes already read (`path` names it in messages). */
export function* csvBytesRows(path: string, bytes: Buffer, pieceBytes = 4 * 2 ** 20, maxHeld = MAX_HELD): Generator<string[]> {
  const reader = new CsvRows(path, pieceBytes, maxHeld);
  for (let at = 0; at < bytes.length; at += pieceBytes) yield* reader.push(bytes.subarray(at, at + pieceBytes));
  yield* reader.end();
}

/** The first `count` rows of a CSV file (the header is one), reading only the pieces that hold them. */
export async function csvHeadRows(path: string, count: number, pieceBytes = 2 ** 18, maxHeld = MAX_HELD): Promise<string[][]> {
  const rows: string[][] = [];
  if (count <= 0) return rows;
  // Leaving the loop closes the generator and its file: nothing after these rows is read.
  for await (const row of csvFileRows(path, pieceBytes, maxHeld)) if (rows.push(row) >= count) break;
  return rows;
}
