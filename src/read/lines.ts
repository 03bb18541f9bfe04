/**
 * Line ends as an editor shows them (contract 1.1 §2 "Line endings"): CRLF, LF and a lone CR,
 * mixed in one file, all end a line outside quotes. PapaParse knows one line ending per file,
 * so the text it gets has every line end outside quotes made "\n"; a line end inside a quoted
 * cell is the cell's text and stays as written. For each row PapaParse will give, the line on
 * which it starts is kept, so that a report names the line an editor shows, also after a
 * quoted cell that spans lines.
 *
 * Quotes are followed as PapaParse follows them: a quote opens a quoted cell only at the start
 * of a cell; inside, "" is a quote, and a quote closes the cell only when what follows it
 * (after spaces) is the delimiter, a line end or the end of the text.
 *
 * It also bounds what one row may cost: a row longer than MAX_ROW_CHARS (a runaway quoted cell,
 * a file of one endless line) stops the reading with RowTooLong, instead of PapaParse holding
 * ever more of the file while it waits for the row's end.
 */

/** A row (all its cells, quoted line breaks included) of more characters than this is a file-error. */
export const MAX_ROW_CHARS = 1 << 20;
/** A header line of more characters than this is a file-error: a contract header is a few hundred. */
export const MAX_HEADER_CHARS = 64 << 10;

/** The reading stopped: a row or the header is longer than its limit. */
export class RowTooLong extends Error {
  constructor(
    /** The line on which the row starts. */
    readonly row: number,
    readonly limit: number,
    readonly header: boolean,
  ) {
    super(`row ${row} longer than ${limit} characters`);
  }
}

const QUOTE = 34;
const CR = 13;
const LF = 10;
/** What String.prototype.trim takes away: the spaces PapaParse allows after a closing quote. */
const SPACE = /\s/;

export class LineEnds {
  /** The line each row not yet taken starts on; `head` is the next to take. */
  private starts: number[] = [1];
  private head = 0;
  /** The current line of the file (1-based). */
  private line = 1;
  private quoted = false;
  private cellStart = true;
  /** The last character was a CR: an LF right after it ends no second line. */
  private afterCr = false;
  /** Characters of the current row so far. */
  private rowChars = 0;
  /** Text held back from the last chunk: a quote whose meaning depends on what follows. */
  private held = '';

  constructor(
    delimiter: string,
    private readonly maxRowChars = MAX_ROW_CHARS,
  ) {
    this.delim = delimiter.charCodeAt(0);
  }

  private readonly delim: number;

  /** The line on which the next row PapaParse gives starts. */
  nextRowLine(): number {
    const line = this.head < this.starts.length ? this.starts[this.head++] : this.line;
    if (this.head > 4096 && this.head * 2 > this.starts.length) {
      this.starts = this.starts.slice(this.head);
      this.head = 0;
    }
    return line;
  }

  /** The text of `chunk` for PapaParse (some of it may be held back until the next chunk). */
  push(chunk: string): string {
    return this.scan(this.held + chunk, false);
  }

  /** What was held back, at the end of the file. */
  end(): string {
    return this.scan(this.held, true);
  }

  private newRow(): void {
    this.line++;
    this.starts.push(this.line);
    this.rowChars = 0;
    this.cellStart = true;
  }

  private scan(text: string, last: boolean): string {
    this.held = '';
    const len = text.length;
    const delim = this.delim;
    let out = '';
    // text[from, i) is still to be copied to out as it is.
    let from = 0;
    let i = 0;
    // The current row's length: rowBase characters before text[rowFrom], and what follows.
    let rowBase = this.rowChars;
    let rowFrom = 0;
    for (; i < len; i++) {
      const c = text.charCodeAt(i);
      if (this.quoted) {
        if (c === CR) {
          this.line++;
          this.afterCr = true;
          continue;
        }
        if (c === LF) {
          if (!this.afterCr) this.line++;
          this.afterCr = false;
          continue;
        }
        this.afterCr = false;
        if (c !== QUOTE) continue;
        const j = i + 1;
        if (j >= len) {
          if (!last) break; // hold the quote back: its meaning is in the next chunk
          this.quoted = false;
          continue;
        }
        if (text.charCodeAt(j) === QUOTE) {
          i = j; // "" inside a quoted cell
          continue;
        }
        let k = j;
        while (k < len && text.charCodeAt(k) !== delim && text.charCodeAt(k) !== CR && text.charCodeAt(k) !== LF && SPACE.test(text[k]))
          k++;
        if (k >= len && !last) break;
        const d = k < len ? text.charCodeAt(k) : -1;
        if (d === delim || d === CR || d === LF) {
          this.quoted = false;
          i = k - 1; // the delimiter or line end is read as outside quotes
        }
        // Otherwise not a closing quote (PapaParse: "malformed"): the cell goes on.
        continue;
      }
      if (c === CR || c === LF) {
        const crlfTail = c === LF && this.afterCr;
        this.afterCr = c === CR;
        if (crlfTail) {
          out += text.substring(from, i); // the LF of a CRLF: its line end is already written
          from = i + 1;
          continue;
        }
        if (c === CR) {
          out += text.substring(from, i) + '\n';
          from = i + 1;
        }
        this.checkRow(rowBase + (i - rowFrom));
        this.newRow();
        rowBase = 0;
        rowFrom = i + 1;
        continue;
      }
      this.afterCr = false;
      if (c === delim) this.cellStart = true;
      else {
        if (c === QUOTE && this.cellStart) this.quoted = true;
        this.cellStart = false;
      }
    }
    if (i < len) this.held = text.substring(i);
    out += text.substring(from, i);
    this.rowChars = rowBase + (i - rowFrom);
    this.checkRow(this.rowChars + this.held.length);
    return out;
  }

  private checkRow(chars: number): void {
    if (chars > this.maxRowChars) throw new RowTooLong(this.starts[this.starts.length - 1], this.maxRowChars, false);
  }
}
