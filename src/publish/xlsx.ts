/**
 * Each published table as an .xlsx (ExcelJS), beside its CSV and Parquet, whatever its size:
 * numbers are stored as numbers, so Excel set to Indonesian (decimal comma) reads 83.47 as 83,47
 * rather than as text or a date, as it would a comma-separated file. A last sheet says what the
 * file is (table, release, licence, source). The CSV is read a piece at a time (csv-pieces.ts) and
 * the workbook written as a stream (ExcelJS's streaming writer), so a table of millions of rows never sits whole in memory; past
 * Excel's 1,048,576 rows a sheet, the rows go on in a next sheet, and the last sheet says so.
 * Deterministic: the document's dates are the release date, and so is every zip entry's.
 *
 * A data row does not say where it stands (no `r` on rows and cells, optional in SpreadsheetML:
 * Excel, LibreOffice and Google Sheets place them in order) and holds its texts (inline strings,
 * not indices into the workbook's shared strings), so a region's rows are the same bytes wherever
 * they fall: a table split by region is written region by region (`RegionParts`), each region's
 * rows deflated as a part of their own and kept between builds (part-cache.ts), and a build in
 * which one region changed makes that region's part only.
 */
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import type { PublishedTable } from '../contract/published.ts';
import { unguard } from '../charts/row.ts';
import { formatNumber } from '../i18n/format.ts';
import { csvBytesRows, csvFileRows } from '../read/csv-pieces.ts';
import type { PartitionFile } from '../queries/partitions.ts';
import { regionFileBytes, regionLayout } from './partitions.ts';
import { XLSX_SHEET_ROWS } from './download-paths.ts';
import { PartCache } from './part-cache.ts';
import { DEFLATE_PIECE_BYTES, PartBoard, partEnd, partKept, partStart, PiecewiseDeflate, TAKEN } from './piecewise-deflate.ts';
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
function deflateSheetsInPieces(book: ExcelJS.stream.xlsx.WorkbookWriter, level: number, flow: SheetFlow, board: PartBoard): void {
  const zip = (book as unknown as { zip: { _module: { engine: ZipModule } } }).zip._module.engine;
  const own = zip._smartStream.bind(zip);
  zip._smartStream = (entry, callback) => {
    if (!SHEET_ENTRY.test(entry.getName()) || entry.getMethod() !== DEFLATED) return own(entry, callback);
    const stream = new PiecewiseDeflate(level, DEFLATE_PIECE_BYTES, undefined, board);
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
}

/** What a row writer is given: rows, marks for the deflate stream (PiecewiseDeflate), and the end of its sheet. */
interface RowsTo {
  add(values: readonly (string | number | Date | null)[]): void;
  mark(text: string): void;
  /** Rows a kept part holds: counted, so that a later row's place in the sheet is told right. */
  skip(rows: number): void;
  flush(): void;
}

/**
 * A text as SpreadsheetML holds it: escaped as ExcelJS escapes (utils.xmlEncode: the five XML
 * entities; control characters XML 1.0 forbids, and DEL, left out), its spaces kept where
 * they lead, trail or hold a line end (as ExcelJS's TextXform marks them).
 */
export function inlineText(text: string): string {
  const escaped = text.replace(/["&'<>\x00-\x08\x0b\x0c\x0e-\x1f\x7f]/g, (c) => ESCAPES[c] ?? '');
  return /^\s|\n|\s$/.test(text) ? `<t xml:space="preserve">${escaped}</t>` : `<t>${escaped}</t>`;
}
const ESCAPES: Record<string, string> = { '"': '&quot;', '&': '&amp;', "'": '&apos;', '<': '&lt;', '>': '&gt;' };

/** Every value type a data cell may take, its style filed for each column in this order. */
const VALUE_TYPES = [ExcelJS.ValueType.Null, ExcelJS.ValueType.Number, ExcelJS.ValueType.Date, ExcelJS.ValueType.String];

/**
 * Data rows written without ExcelJS's Row, Cell and XML-node objects per cell (four fifths of
 * writing a large table), and without their place: `<row>` and one `<c>` per cell in order, an
 * empty cell as `<c/>` (or with its column's style) where a later cell follows, a text inline, a
 * date as Excel's day number. Every column's style for every value type is filed first, in one
 * order, so a cell's style id does not depend on the rows before it. Rows go to the sheet's stream
 * some 64 K characters at a time (the deflated bytes do not depend on how they are cut); `flush`
 * before the sheet is committed. Called once its header row is committed.
 */
function rowWriter(book: ExcelJS.stream.xlsx.WorkbookWriter, sheet: ExcelJS.Worksheet, types: readonly string[], flow: SheetFlow): RowsTo {
  const w = sheet as unknown as SheetInternals;
  const { styles } = book as unknown as BookInternals;
  if (w._rows === null || w._rows.length > 0 || !w.startedData) throw new Error('rowWriter: the header row is not committed');
  styles.addStyleModel({});
  /** Per column, the ` s="id"` of each value type, or nothing for the default style. */
  const ids = types.map((type) => new Map(VALUE_TYPES.map((t) => [t, styles.addStyleModel(columnStyle(type), t)] as const)));
  const s = ids.map((byType) => new Map([...byType].map(([t, id]) => [t, id ? ` s="${id}"` : ''] as const)));
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
    if (values.length > types.length)
      throw new Error(`baris ${w._rowZero} punya sel lebih banyak dari kepala tabel / row ${w._rowZero} has more cells than the header`);
    w._rowZero++;
    let xml = '<row>';
    /** Empty cells of the default style not written yet: only if a cell follows. */
    let gap = '';
    for (let c = 0; c < values.length; c++) {
      const v = values[c];
      if (v === null) {
        const style = s[c].get(ExcelJS.ValueType.Null)!;
        if (style) {
          xml += `${gap}<c${style}/>`;
          gap = '';
        } else gap += '<c/>';
        continue;
      }
      if (typeof v === 'number') xml += `${gap}<c${s[c].get(ExcelJS.ValueType.Number)}><v>${v}</v></c>`;
      else if (v instanceof Date) xml += `${gap}<c${s[c].get(ExcelJS.ValueType.Date)}><v>${25569 + v.getTime() / 86_400_000}</v></c>`;
      else xml += `${gap}<c${s[c].get(ExcelJS.ValueType.String)} t="inlineStr"><is>${inlineText(v)}</is></c>`;
      gap = '';
    }
    pending += `${xml}</row>`;
    if (pending.length >= 1 << 16) flush();
  };
  return { add, mark: (text) => (pending += text), skip: (rows) => (w._rowZero += rows), flush };
}

/** Zlib's level for every entry. */
const XLSX_LEVEL = 6;

/** Sheet names: the table's, then `<table>_2`, `<table>_3`… (Excel allows 31 characters). */
const sheetName = (table: string, part: number) => (part === 1 ? table.slice(0, 31) : `${table.slice(0, 31 - `_${part}`.length)}_${part}`);

/**
 * A table split by region (partitions.ts): its region files, in the order of the table's CSV, which
 * they make up one after another; and where the parts of earlier builds are kept (`cache`), with
 * the version of the code that makes them (`code`: shards.ts codeVersion).
 */
export interface RegionParts {
  dataDir: string;
  files: readonly PartitionFile[];
  cache: PartCache;
  code: string;
}

export interface XlsxOptions {
  /** Data rows per sheet: Excel's limit; tests pass a smaller one to see the split. */
  sheetRows?: number;
  /** Our ways of writing it (memoStyles, rowWriter, deflateSheetsInPieces); false: ExcelJS alone, for the test that the cells are the same. */
  own?: boolean;
  /** How far the rows may run ahead of the deflating (SheetFlow; at least 64 KiB); tests pass a little to make them wait often. */
  ahead?: number;
  /** Written region by region, each region's rows a part kept between builds. */
  regions?: RegionParts;
}

/** Writes the .xlsx of the published CSV at `csvPath` to `xlsxPath`. */
export async function writeXlsx(
  table: PublishedTable,
  csvPath: string,
  xlsxPath: string,
  ctx: XlsxContext,
  { sheetRows = XLSX_SHEET_ROWS, own = true, ahead = SHEET_AHEAD, regions }: XlsxOptions = {},
): Promise<void> {
  const date = new Date(`${ctx.releaseDate}T00:00:00Z`);
  const book = new ExcelJS.stream.xlsx.WorkbookWriter({
    filename: xlsxPath,
    useStyles: true,
    useSharedStrings: true,
    zip: { zlib: { level: XLSX_LEVEL } },
  });
  const flow = new SheetFlow(ahead);
  const board = new PartBoard();
  // Before the commit nothing of ExcelJS listens: a failing zip or file would crash the build, or leave the rows waiting.
  const parts = book as unknown as { zip: NodeJS.EventEmitter; stream: NodeJS.EventEmitter };
  for (const part of [parts.zip, parts.stream]) part.on('error', (e: Error) => flow.fail(e));
  if (own) {
    memoStyles(book);
    deflateSheetsInPieces(book, XLSX_LEVEL, flow, board);
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
  let rowsTo: RowsTo | null = null;
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
    } else rowsTo = { add: (values) => next.addRow(values).commit(), mark: () => {}, skip: () => {}, flush: () => {} };
    sheet = next;
  };
  /** Rows the current sheet has room for. */
  const room = () => sheetRows - (rows - sheets[sheets.length - 1].first + 1);
  const counted = (n: number) => {
    rows += n;
    sheets[sheets.length - 1].last = rows;
  };
  /** A CSV's data rows (its header skipped), a sheet begun where one is full. */
  const addRows = async (rows: AsyncIterable<string[]> | Iterable<string[]>) => {
    let first = true;
    for await (const r of rows) {
      if (first) {
        first = false;
        continue;
      }
      if (room() <= 0) newSheet();
      rowsTo!.add(r.map((cell, i) => typed(types[i], cell)));
      if (flow.ahead()) await flow.ready();
      counted(1);
    }
  };
  /** The parts made, being kept. */
  const keeping: Promise<void>[] = [];
  header = await firstRow(csvPath);
  if (!header) throw new Error(`${csvPath}: no header`);
  const byRegion = own && regions && (await regionLayout(csvPath, regions.files)) !== null;
  types = header.map((h) => table.columns.find((c) => c.name === h)?.type ?? 'string');
  newSheet();
  if (!byRegion) await addRows(csvFileRows(csvPath));
  else
    for (const file of regions!.files) {
      const path = join(regions!.dataDir, file.path);
      if (room() <= 0) newSheet();
      // A region across two sheets is written row by row, as a whole table is.
      if (file.rows > room()) {
        await addRows(csvFileRows(path));
        continue;
      }
      const key = PartCache.key('xlsx', regions!.code, table.name, header, types, XLSX_LEVEL, DEFLATE_PIECE_BYTES, file.sha256);
      const part = await regions!.cache.get(key);
      if (part) {
        rowsTo!.mark(partKept(board.keep(part)));
        rowsTo!.skip(file.rows);
        counted(file.rows);
      } else {
        // Kept by the file's hash: the rows written are those of the bytes checked against it, read once.
        const bytes = await regionFileBytes(regions!.dataDir, file);
        rowsTo!.mark(partStart(board.make((made) => keeping.push(regions!.cache.put(key, made)))));
        await addRows(csvBytesRows(path, bytes));
        rowsTo!.mark(partEnd);
      }
    }
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
  await Promise.all(keeping);
}

/** A CSV's first row (its header), or null when it has none. */
async function firstRow(path: string): Promise<string[] | null> {
  for await (const r of csvFileRows(path)) return r;
  return null;
}
