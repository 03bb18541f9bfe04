/**
 * The rows of one slice of a large file (validate/parallel.ts), split without PapaParse: on a
 * million rows its general machinery (a result object per row, the checks for every option)
 * took half a second, this loop less than half of that.
 *
 * Only for text whose quotes parallel.ts has checked: a quoted cell opens at the start of a cell
 * and closes with a quote right before the delimiter, the line end or the end of the text. On
 * such text PapaParse reads exactly what is read here: cells end at the delimiter, rows at the
 * line end (CRLF files: only "\r\n"; a lone CR or LF is text), a quoted cell is what lies between
 * its quotes with "" read as ", text ending in a line end has a last empty row, and empty text no
 * row at all. Any other quote throws (the caller reads the file the general way instead).
 */
import { isAscii } from 'node:buffer';

const QUOTE = 34;
const CR = 13;
const LF = 10;
const ESCAPED_QUOTE = /""/g;

/**
 * A slice's text (strict UTF-8 already checked) and its UTF-16 code units as an array, which the
 * readers scan faster than by charCodeAt. ASCII bytes are their own code units (most exports, as
 * is), and then the text is decoded only when it is wanted whole: a cell is cut from the bytes.
 */
/** A text's UTF-16 code units: its bytes when it is ASCII. */
export type CodeUnits = Uint8Array | Uint16Array;

export class SliceText {
  readonly units: CodeUnits;
  private text: string | null = null;

  constructor(private readonly bytes: Buffer) {
    if (isAscii(bytes)) this.units = bytes;
    else {
      const text = (this.text = bytes.toString('utf8'));
      const units = new Uint16Array(text.length);
      for (let i = 0; i < units.length; i++) units[i] = text.charCodeAt(i);
      this.units = units;
    }
  }

  whole(): string {
    return (this.text ??= this.bytes.toString('latin1'));
  }

  /** The text between code units `start` and `end`. */
  cut(start: number, end: number): string {
    return this.text !== null ? this.text.substring(start, end) : this.bytes.toString('latin1', start, end);
  }
}

/**
 * Calls `onRow` for every row of `text`, with one array of cells reused for every row. `units`
 * are the code units of `text` (SliceText).
 */
export function splitRows(
  text: string,
  units: CodeUnits,
  delimiter: string,
  newline: '\n' | '\r\n',
  onRow: (cells: string[]) => void,
): void {
  if (text.length === 0) return;
  const cells: string[] = [];
  for (let pos = 0; pos >= 0;) {
    pos = splitRow(text, units, pos, delimiter.charCodeAt(0), newline, cells);
    onRow(cells);
  }
}

/**
 * The row that starts at `pos`, its cells put in `cells`: where the next row starts, or -1 when
 * this row ends the text (it has no line end). FastRows (validate/fast-rows.ts) hands the rows it
 * does not read itself to this too, so they are split exactly as splitRows splits them.
 */
export function splitRow(text: string, units: CodeUnits, pos: number, delim: number, newline: '\n' | '\r\n', cells: string[]): number {
  const len = text.length;
  const crlf = newline === '\r\n';
  // The code unit that ends a line: LF, or the CR of a CRLF.
  const eol = crlf ? CR : LF;
  const nl = newline.length;
  let n = 0;
  // Where the next row starts; -1 while the row ends the text.
  let next = -1;
  for (;;) {
    if (units[pos] === QUOTE) {
      const close = closingQuote(text, pos);
      const inner = text.substring(pos + 1, close);
      cells[n++] = inner.indexOf('"') < 0 ? inner : inner.replace(ESCAPED_QUOTE, '"');
      pos = close + 1;
      if (pos >= len) break;
      const c = units[pos];
      if (c === delim) {
        pos++;
        continue;
      }
      if (c === eol && (!crlf || units[pos + 1] === LF)) {
        next = pos + nl;
        break;
      }
      throw new Error(`quote not closed before a delimiter or line end at ${close}`);
    }
    let end = pos;
    let c = 0;
    for (; end < len; end++) {
      c = units[end];
      if (c === delim || (c === eol && (!crlf || units[end + 1] === LF))) break;
    }
    cells[n++] = text.substring(pos, end);
    if (end >= len) break;
    pos = end + 1;
    if (c === delim) continue;
    next = end + nl;
    break;
  }
  if (cells.length !== n) cells.length = n;
  return next;
}

/** The quote that closes the quoted cell opening at `open`: the next one not doubled. */
function closingQuote(text: string, open: number): number {
  let q = open;
  for (;;) {
    q = text.indexOf('"', q + 1);
    if (q < 0) throw new Error(`quoted cell at ${open} not closed`);
    if (text.charCodeAt(q + 1) !== QUOTE) return q;
    q++;
  }
}
