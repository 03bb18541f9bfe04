/**
 * Streams a CSV file row by row with PapaParse: a million-row export never sits in memory.
 * Row numbers are the lines an editor shows (lines.ts): header = row 1, blank lines counted but
 * skipped, a row with a quoted line break numbered by the line it starts on.
 */
import Papa from 'papaparse';
import { decodeUtf8 } from './decode.ts';
import { detectDialect, type Dialect } from './dialect.ts';
import { LineEnds, MAX_HEADER_CHARS, RowTooLong } from './lines.ts';
import { PapaInput } from './papa-input.ts';
import type { ByteSource } from './source.ts';

export interface CsvHandlers {
  /** rowNumber is 1 unless blank lines come before the header. */
  header(cells: string[], dialect: Dialect, rowNumber: number): void;
  row(cells: string[], rowNumber: number): void;
  /** A syntax problem PapaParse found (e.g. an unclosed quote). */
  syntax(message: string, rowNumber: number): void;
}

/**
 * A printable ASCII character: a cell that starts and ends with one has nothing to trim (the
 * readers' shortcuts: isBlank here, trimmed in validate/rows.ts, plainEnds in validate/answers.ts).
 */
export const printableAscii = (c: number) => c > 32 && c < 127;

/** A line of nothing but blanks and delimiters: skipped, not an error (contract §2). */
export function isBlank(cells: string[]): boolean {
  for (let i = 0; i < cells.length; i++) {
    const c = cells[i];
    if (c.length === 0) continue;
    if (printableAscii(c.charCodeAt(0)) || c.trim() !== '') return false;
  }
  return true;
}

/** A header's length as written: its cells and the delimiters between them. */
export const headerChars = (cells: string[]) => cells.reduce((n, c) => n + c.length + 1, 0);

/**
 * Resolves when the file is read; rejects with EncodingError on bad bytes, RowTooLong on a row
 * or header beyond its limit (lines.ts).
 */
export async function readCsv(source: ByteSource, on: CsvHandlers): Promise<{ dialect: Dialect | null; rows: number }> {
  const chunks = decodeUtf8(source);
  const first = await chunks.next();
  if (first.done) return { dialect: null, rows: 0 };
  const dialect = detectDialect(first.value);
  const lines = new LineEnds(dialect.delimiter);
  async function* all() {
    let text = lines.push(first.value);
    if (text) yield text;
    for await (const chunk of chunks) if ((text = lines.push(chunk))) yield text;
    if ((text = lines.end())) yield text;
  }
  let rowNumber = 0;
  let headerSeen = false;
  let stopped: Error | null = null;
  await new Promise<void>((resolve, fail) => {
    // A line too long before any header is read is the header's (its limit is the smaller).
    const reject = (e: unknown) =>
      fail(e instanceof RowTooLong && !headerSeen && !e.header ? new RowTooLong(e.row, MAX_HEADER_CHARS, true) : e);
    const input = new PapaInput(all());
    input.on('error', reject);
    Papa.parse<string[]>(input as unknown as File, {
      delimiter: dialect.delimiter,
      // Every line end outside quotes is "\n" by now (lines.ts).
      newline: '\n',
      header: false,
      skipEmptyLines: false,
      step(result, parser) {
        if (stopped) return;
        rowNumber = lines.nextRowLine();
        const cells = result.data;
        for (const e of result.errors) on.syntax(e.message, rowNumber);
        if (!headerSeen) {
          if (isBlank(cells)) return; // leading blank lines before the header
          if (headerChars(cells) > MAX_HEADER_CHARS) {
            stopped = new RowTooLong(rowNumber, MAX_HEADER_CHARS, true);
            parser.abort();
            input.destroy(); // PapaParse would otherwise keep queueing the rest of the file
            return;
          }
          headerSeen = true;
          on.header(cells, dialect, rowNumber);
          return;
        }
        if (isBlank(cells)) return;
        on.row(cells, rowNumber);
      },
      complete: () => (stopped ? reject(stopped) : resolve()),
      error: (err: Error) => reject(err),
    });
  });
  return { dialect, rows: rowNumber };
}
