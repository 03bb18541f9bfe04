/**
 * Streams a CSV file row by row with PapaParse: a million-row export never sits in memory.
 * Row numbers are Excel's: header = row 1, blank lines counted but skipped.
 */
import { Readable } from 'node:stream';
import Papa from 'papaparse';
import { decodeUtf8 } from './decode.ts';
import { detectDialect, type Dialect } from './dialect.ts';

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

/** Resolves when the file is read; rejects with EncodingError on bad bytes. */
export async function readCsv(path: string, on: CsvHandlers): Promise<{ dialect: Dialect | null; rows: number }> {
  const chunks = decodeUtf8(path);
  const first = await chunks.next();
  if (first.done) return { dialect: null, rows: 0 };
  const dialect = detectDialect(first.value);
  async function* all() {
    yield first.value;
    yield* chunks;
  }
  let rowNumber = 0;
  let headerSeen = false;
  await new Promise<void>((resolve, reject) => {
    const input = Readable.from(all(), { objectMode: true });
    input.on('error', reject);
    Papa.parse<string[]>(input as unknown as File, {
      delimiter: dialect.delimiter,
      header: false,
      skipEmptyLines: false,
      step(result) {
        rowNumber++;
        const cells = result.data;
        for (const e of result.errors) on.syntax(e.message, rowNumber);
        if (!headerSeen) {
          if (isBlank(cells)) return; // leading blank lines before the header
          headerSeen = true;
          on.header(cells, dialect, rowNumber);
          return;
        }
        if (isBlank(cells)) return;
        on.row(cells, rowNumber);
      },
      complete: () => resolve(),
      error: (err: Error) => reject(err),
    });
  });
  return { dialect, rows: rowNumber };
}
