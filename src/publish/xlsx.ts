/**
 * Each published table as an .xlsx (ExcelJS), beside its CSV and Parquet, whatever its size:
 * numbers are stored as numbers, so Excel set to Indonesian (decimal comma) reads 83.47 as 83,47
 * rather than as text or a date, as it would a comma-separated file. A last sheet says what the
 * file is (table, release, licence, source). The CSV is read a piece at a time (csv-pieces.ts) and
 * the workbook written as a stream (ExcelJS's streaming writer), so a table of millions of rows never sits whole in memory; past
 * Excel's 1,048,576 rows a sheet, the rows go on in a next sheet, and the last sheet says so.
 * Deterministic: the document's dates are the release date, and so is every zip entry's.
 */
import ExcelJS from 'exceljs';
import type { PublishedTable } from '../contract/published.ts';
import { unguard } from '../charts/row.ts';
import { formatNumber } from '../i18n/format.ts';
import { csvFileRows } from '../read/csv-pieces.ts';
import { XLSX_SHEET_ROWS } from './download-paths.ts';
import { PiecewiseDeflate, TAKEN } from './piecewise-deflate.ts';
import { pinZipDates } from './zip-dates.ts';
import { DEFLATED } from './zip-entries.ts';

export interface XlsxContext {
  release: string;
  /** `YYYY-MM-DD` */
  releaseDate: string;
  licence: string;
}

/** Excel's dates need a Date; the others are numbers or text as the schema says. */
function typed(type: string, text: string): string | number | Date | null {
  if (text === '') return null;
  if (type === 'integer' || type === 'number') {
    const n = Number(text);
    return Number.isFinite(n) ? n : text;
  }
  if (type === 'date' && /^\d{4}-\d{2}-\d{2}$/.test(text)) return new Date(`${text}T00:00:00Z`);
  // A text cell is never run as a formula: the CSV's guard apostrophe is not needed here.
  return unguard(text);
}

/** What memoStyles reads of ExcelJS's style table (not in its types). */
interface StyleTable {
  addStyleModel(model: object | undefined, cellType?: number): number;
  weakMap?: WeakMap<object, number>;
}

/**
 * ExcelJS files every cell's style anew (a cell without one passes a fresh `{}`), serialising it
 * to XML to find its id: 40 % of writing a large table. A style's id depends only on its content
 * and the cell's type (fonts, formats and styles are looked up by content), so it is kept by
 * those. A style object ExcelJS filed itself keeps its id (its WeakMap). The others are not put
 * in that WeakMap: a cell's style is a fresh object, filed once when its row is written, and
 * millions of WeakMap entries cost more garbage collection than the filing saved. Same ids, so
 * the same bytes.
 */
function memoStyles(book: ExcelJS.stream.xlsx.WorkbookWriter): void {
  const styles = (book as unknown as { styles: StyleTable }).styles;
  const { weakMap } = styles;
  if (!weakMap) return;
  const add = styles.addStyleModel.bind(styles);
  const ids = new Map<string | number | undefined, number>();
  styles.addStyleModel = (model, cellType) => {
    if (!model || weakMap.has(model)) return add(model, cellType);
    // Most cells pass an empty style: keyed by the cell type alone, without writing it out.
    let empty = true;
    for (const _ in model) {
      empty = false;
      break;
    }
    const key = empty ? cellType : `${cellType}|${JSON.stringify(model)}`;
    let id = ids.get(key);
    if (id === undefined) ids.set(key, (id = add(model, cellType)));
    return id;
  };
}

/** What deflateSheetsInPieces reads of archiver's zip engine (zip-stream on compress-commons 4's ZipArchiveOutputStream; not in types). */
interface ZipModule {
  _smartStream(entry: ZipEntryModel, callback: (error: Error | null, entry: ZipEntryModel) => void): NodeJS.WritableStream;
  _afterAppend(entry: ZipEntryModel): void;
}
interface ZipEntryModel {
  getName(): string;
  getMethod(): number;
  setCrc(crc: number): void;
  setSize(size: number): void;
  setCompressedSize(size: number): void;
}

const SHEET_ENTRY = /^xl\/worksheets\/sheet\d+\.xml$/;

/** How far the rows may run ahead of the deflating of their sheets (bytes written against bytes taken in): many pieces. */
export const SHEET_AHEAD = 32 * 2 ** 20;

/** What ExcelJS's sheet stream holds back until more is written or it ends (its StreamBuf's bufSize): the least limit. */
const EXCELJS_HELD_BYTES = 64 * 1024;

/**
 * How far a workbook's rows have been written and its sheets taken in by their deflate streams.
 * ExcelJS passes a sheet's XML on without backpressure (its StreamBuf ignores what `write`
 * returns, and holds all of it while the zip is busy with the sheet before), so rows written
 * faster than the sheets are deflated piled up: 8.1 GB for the survey's workbook at 500 regions
 * (its whole XML). The rows now wait while they are more than a limit ahead (SHEET_AHEAD). Only the pace
 * changes: the pieces are cut by input bytes, so the bytes are the same.
 */
export class SheetFlow {
  written = 0;
  taken = 0;
  #waiting: (() => void)[] = [];
  #error: Error | null = null;
  #failed: ((e: Error) => void) | null = null;
  /** Rejects when the zip or the file fails: what the rows and the commit race against, so neither waits for ever. */
  readonly failure = new Promise<never>((_, reject) => (this.#failed = reject));
  constructor(private readonly limit: number) {
    // Of what the rows wrote, all but ExcelJS's held buffer reaches the deflate stream without more
    // rows: with a limit of at least that, a wait always ends.
    if (!(limit >= EXCELJS_HELD_BYTES)) throw new Error(`SheetFlow: limit ${limit} under ${EXCELJS_HELD_BYTES} bytes would wait for ever`);
    this.failure.catch(() => {}); // raced where it matters, not an unhandled rejection before
  }
  wrote(bytes: number): void {
    this.written += bytes;
  }
  took(bytes: number): void {
    this.taken += bytes;
    if (!this.ahead()) this.#wake();
  }
  fail(e: Error): void {
    this.#error ??= e;
    this.#failed?.(e);
    this.#wake();
  }
  /** Whether the rows should wait (or stop: a failure is thrown by ready). */
  ahead(): boolean {
    return this.#error !== null || this.written - this.taken > this.limit;
  }
  async ready(): Promise<void> {
    while (this.ahead()) {
      if (this.#error) throw this.#error;
      await new Promise<void>((wake) => this.#waiting.push(wake));
    }
  }
  #wake(): void {
    for (const wake of this.#waiting.splice(0)) wake();
  }
}

/**
 * The workbook's sheets (`keterangan` too) deflated in pieces at once (piecewise-deflate.ts)
 * instead of by one zlib stream: what compress-commons 4's `_smartStream` does for an entry, with
 * that stream, and an error failing the entry (there, an error before its end left the entry's
 * callback uncalled, and the write waiting for ever). Its other entries (styles, shared strings,
 * the workbook) are left to it.
 */
function deflateSheetsInPieces(book: ExcelJS.stream.xlsx.WorkbookWriter, level: number, flow: SheetFlow): void {
  const zip = (book as unknown as { zip: { _module: { engine: ZipModule } } }).zip._module.engine;
  const own = zip._smartStream.bind(zip);
  zip._smartStream = (entry, callback) => {
    if (!SHEET_ENTRY.test(entry.getName()) || entry.getMethod() !== DEFLATED) return own(entry, callback);
    const stream = new PiecewiseDeflate(level);
    stream.on(TAKEN, (bytes: number) => flow.took(bytes));
    let settled = false;
    stream.once('error', (e: Error) => {
      if (!settled) callback(e, entry);
      settled = true;
    });
    stream.once('end', () => {
      if (settled) return;
      settled = true;
      entry.setCrc(stream.digest().readUInt32BE(0));
      entry.setSize(stream.size());
      entry.setCompressedSize(stream.size(true));
      zip._afterAppend(entry);
      callback(null, entry);
    });
    stream.pipe(zip as unknown as NodeJS.WritableStream, { end: false });
    return stream;
  };
}

/** A column's cell style by its schema type: dates and whole numbers carry a format. */
const columnStyle = (type: string): Partial<ExcelJS.Style> =>
  type === 'date' ? { numFmt: 'yyyy-mm-dd' } : type === 'integer' ? { numFmt: '0' } : {};

/** What rowWriter reads of ExcelJS's streaming sheet and workbook (not in their types). */
interface SheetInternals {
  _rows: unknown[] | null;
  _rowZero: number;
  startedData: boolean;
  stream: { write(xml: string): void };
}
interface BookInternals {
  styles: StyleTable;
  sharedStrings: { add(value: string): number };
}

/** A column's letters (1 → A, 27 → AA). */
function columnLetters(n: number): string {
  let s = '';
  for (let k = n; k > 0; k = Math.floor((k - 1) / 26)) s = String.fromCharCode(65 + ((k - 1) % 26)) + s;
  return s;
}

/**
 * Data rows written as ExcelJS writes them, without its Row, Cell and XML-node objects per cell
 * (four fifths of writing a large table): `<row r spans x14ac:dyDescent>` and one `<c>` per
 * cell, a text as a shared string, a date as Excel's day number, an empty cell only where its
 * column has a style. Styles are filed in the order ExcelJS files them (the row's, then each
 * cell's, on first sight), so the ids and every byte are the same (tested against ExcelJS alone).
 * Rows go to the sheet's stream some 64 K characters at a time (the deflated bytes do not depend on how
 * they are cut); `flush` before the sheet is committed. Called once its header row is committed.
 */
function rowWriter(book: ExcelJS.stream.xlsx.WorkbookWriter, sheet: ExcelJS.Worksheet, types: readonly string[], flow: SheetFlow) {
  const w = sheet as unknown as SheetInternals;
  const { styles, sharedStrings } = book as unknown as BookInternals;
  const letters = types.map((_, i) => columnLetters(i + 1));
  /** Per column, the style id of each value type (ExcelJS.ValueType), filed on first sight. */
  const ids = types.map(() => new Map<number, number>());
  let rowStyleFiled = false;
  const styleId = (col: number, valueType: number): number => {
    let id = ids[col].get(valueType);
    if (id === undefined) ids[col].set(valueType, (id = styles.addStyleModel(columnStyle(types[col]), valueType)));
    return id;
  };
  let pending = '';
  const flush = () => {
    if (pending) {
      w.stream.write(pending);
      // Bytes, as the deflating counts them: a unit's name may hold characters of several.
      flow.wrote(Buffer.byteLength(pending));
    }
    pending = '';
  };
  const add = (values: readonly (string | number | Date | null)[]): void => {
    if (w._rows === null || w._rows.length > 0 || !w.startedData) throw new Error('rowWriter: the header row is not committed');
    if (values.length > types.length)
      throw new Error(`baris ${w._rowZero} punya sel lebih banyak dari kepala tabel / row ${w._rowZero} has more cells than the header`);
    const n = w._rowZero++;
    // A row of empty cells only is not written (ExcelJS: no value, no row); it keeps its number.
    if (!values.some((v) => v !== null)) return;
    if (!rowStyleFiled) {
      styles.addStyleModel({});
      rowStyleFiled = true;
    }
    let xml = `<row r="${n}" spans="1:${values.length}" x14ac:dyDescent="0.25">`;
    for (let c = 0; c < values.length; c++) {
      const v = values[c];
      const at = `${letters[c]}${n}`;
      if (v === null) {
        const id = styleId(c, ExcelJS.ValueType.Null);
        if (id) xml += `<c r="${at}" s="${id}"/>`;
        continue;
      }
      if (typeof v === 'number') {
        const id = styleId(c, ExcelJS.ValueType.Number);
        xml += `<c r="${at}"${id ? ` s="${id}"` : ''}><v>${v}</v></c>`;
      } else if (v instanceof Date) {
        const id = styleId(c, ExcelJS.ValueType.Date);
        xml += `<c r="${at}"${id ? ` s="${id}"` : ''}><v>${25569 + v.getTime() / 86_400_000}</v></c>`;
      } else {
        const id = styleId(c, ExcelJS.ValueType.String);
        xml += `<c r="${at}"${id ? ` s="${id}"` : ''} t="s"><v>${sharedStrings.add(v)}</v></c>`;
      }
    }
    pending += `${xml}</row>`;
    if (pending.length >= 1 << 16) flush();
  };
  return { add, flush };
}

/** Zlib's level for every entry. */
const XLSX_LEVEL = 6;

/** Sheet names: the table's, then `<table>_2`, `<table>_3`… (Excel allows 31 characters). */
const sheetName = (table: string, part: number) => (part === 1 ? table.slice(0, 31) : `${table.slice(0, 31 - `_${part}`.length)}_${part}`);

/**
 * Writes the .xlsx of the published CSV at `csvPath` to `xlsxPath`. `sheetRows` (data rows per
 * sheet) is Excel's limit; tests pass a smaller one to see the split.
 */
export async function writeXlsx(
  table: PublishedTable,
  csvPath: string,
  xlsxPath: string,
  ctx: XlsxContext,
  sheetRows = XLSX_SHEET_ROWS,
  /** Our ways of writing it (memoStyles, rowWriter, deflateSheetsInPieces); false: ExcelJS alone, for the test that they change no byte of any entry. */
  own = true,
  /** How far the rows may run ahead of the deflating (SheetFlow; at least 64 KiB); tests pass a little to make them wait often. */
  ahead = SHEET_AHEAD,
): Promise<void> {
  const date = new Date(`${ctx.releaseDate}T00:00:00Z`);
  const book = new ExcelJS.stream.xlsx.WorkbookWriter({
    filename: xlsxPath,
    useStyles: true,
    useSharedStrings: true,
    zip: { zlib: { level: XLSX_LEVEL } },
  });
  const flow = new SheetFlow(ahead);
  // Before the commit nothing of ExcelJS listens: a failing zip or file would crash the build, or leave the rows waiting.
  const parts = book as unknown as { zip: NodeJS.EventEmitter; stream: NodeJS.EventEmitter };
  for (const part of [parts.zip, parts.stream]) part.on('error', (e: Error) => flow.fail(e));
  if (own) {
    memoStyles(book);
    deflateSheetsInPieces(book, XLSX_LEVEL, flow);
  }
  book.creator = 'Kinerja Terbuka';
  book.lastModifiedBy = 'Kinerja Terbuka';
  book.created = date;
  book.modified = date;
  book.title = `${table.title.id} / ${table.title.en} (${table.name})`;
  book.subject = `Rilis / release ${ctx.release}`;
  book.keywords = ctx.release;

  let header: string[] | null = null;
  let types: string[] = [];
  let sheet: ExcelJS.Worksheet | null = null;
  let rowsTo: { add(values: (string | number | Date | null)[]): void; flush(): void } | null = null;
  const sheets: { name: string; first: number; last: number }[] = [];
  let rows = 0;
  const newSheet = () => {
    rowsTo?.flush();
    sheet?.commit();
    const name = sheetName(table.name, sheets.length + 1);
    sheets.push({ name, first: rows + 1, last: rows });
    const next = book.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1 }] });
    next.columns = header!.map((h, i) => {
      const style = columnStyle(types[i]);
      return { header: h, key: h, width: Math.min(40, Math.max(10, h.length + 2)), ...(Object.keys(style).length > 0 ? { style } : {}) };
    });
    next.getRow(1).font = { bold: true };
    if (own) {
      next.getRow(1).commit();
      rowsTo = rowWriter(book, next, types, flow);
    } else rowsTo = { add: (values) => next.addRow(values).commit(), flush: () => {} };
    sheet = next;
  };
  for await (const r of csvFileRows(csvPath)) {
    if (!header) {
      header = r;
      types = header.map((h) => table.columns.find((c) => c.name === h)?.type ?? 'string');
      newSheet();
      continue;
    }
    if (rows - sheets[sheets.length - 1].first + 1 >= sheetRows) newSheet();
    rowsTo!.add(r.map((cell, i) => typed(types[i], cell)));
    if (flow.ahead()) await flow.ready();
    rows++;
    sheets[sheets.length - 1].last = rows;
  }
  if (!header) throw new Error(`${csvPath}: no header`);
  rowsTo!.flush();
  (sheet as ExcelJS.Worksheet | null)?.commit();

  const about = book.addWorksheet('keterangan');
  about.columns = [{ width: 24 }, { width: 100 }];
  const count = (n: number, lang: 'id' | 'en') => formatNumber(lang, n, 'count');
  for (const line of [
    ['Tabel / table', `${table.name} — ${table.title.id} / ${table.title.en}`],
    ['Keterangan / description', `${table.description.id} / ${table.description.en}`],
    ['Rilis / release', ctx.release],
    ['Tanggal rilis / release date', ctx.releaseDate],
    ['Lisensi / licence', ctx.licence],
    ['Baris / rows', rows],
    ...(sheets.length > 1
      ? [
          [
            'Lembar / sheets',
            `Excel memuat paling banyak ${count(sheetRows, 'id')} baris data per lembar: tabel ini dibagi ke ${sheets.length} lembar, tanpa baris yang hilang (${sheets.map((s) => `${s.name}: baris ${count(s.first, 'id')}–${count(s.last, 'id')}`).join('; ')}) / ` +
              `Excel holds at most ${count(sheetRows, 'en')} data rows a sheet: this table is split across ${sheets.length} sheets, no row left out (${sheets.map((s) => `${s.name}: rows ${count(s.first, 'en')}–${count(s.last, 'en')}`).join('; ')})`,
          ],
        ]
      : []),
    [
      'Sel kosong / empty cell',
      'Tidak dapat dihitung, belum dilaporkan, atau disembunyikan demi privasi — bukan nol / not computable, not reported yet, or hidden for privacy — never zero',
    ],
    ...table.columns.map((c) => [c.name, `${c.description.id} / ${c.description.en}`]),
  ])
    about.addRow(line).commit();
  about.commit();
  await flow.ready();
  await Promise.race([book.commit(), flow.failure]);
  await pinZipDates(xlsxPath, ctx.releaseDate);
}
