/**
 * Each published table as an .xlsx (ExcelJS), beside its CSV and Parquet: numbers are stored as
 * numbers, so Excel set to Indonesian (decimal comma) reads 83.47 as 83,47 rather than as text or
 * a date, as it would a comma-separated file. A second sheet says what the file is (table,
 * release, licence, source). Deterministic: the document's dates are the release date, and the
 * zip ExcelJS writes (dated now) is packed again with every entry dated the release date.
 */
import { readFile, writeFile } from 'node:fs/promises';
import ExcelJS from 'exceljs';
import { unzipSync, zipSync, type Zippable } from 'fflate';
import Papa from 'papaparse';
import type { PublishedTable } from '../contract/published.ts';
import { unguard } from '../charts/row.ts';
import { XLSX_MAX_ROWS } from './download-paths.ts';

export interface XlsxContext {
  release: string;
  /** `YYYY-MM-DD` */
  releaseDate: string;
  licence: string;
}

/** Excel's own dates need a Date; the others are numbers or text as the schema says. */
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

/** The .xlsx of one published CSV, or null when the table has more rows than XLSX_MAX_ROWS. */
export async function tableXlsx(table: PublishedTable, csvText: string, ctx: XlsxContext): Promise<Uint8Array | null> {
  const [header, ...rows] = Papa.parse<string[]>(csvText, { skipEmptyLines: true }).data;
  if (rows.length > XLSX_MAX_ROWS) return null;
  const date = new Date(`${ctx.releaseDate}T00:00:00Z`);
  const book = new ExcelJS.Workbook();
  book.creator = 'Kinerja Terbuka';
  book.lastModifiedBy = 'Kinerja Terbuka';
  book.created = date;
  book.modified = date;
  book.title = `${table.title.id} / ${table.title.en} (${table.name})`;
  book.subject = `Rilis / release ${ctx.release}`;
  book.keywords = ctx.release;
  const types = header.map((h) => table.columns.find((c) => c.name === h)?.type ?? 'string');
  const sheet = book.addWorksheet(table.name.slice(0, 31), { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = header.map((h, i) => ({
    header: h,
    key: h,
    width: Math.min(40, Math.max(10, h.length + 2)),
    ...(types[i] === 'date' ? { style: { numFmt: 'yyyy-mm-dd' } } : types[i] === 'integer' ? { style: { numFmt: '0' } } : {}),
  }));
  sheet.getRow(1).font = { bold: true };
  for (const r of rows) sheet.addRow(r.map((cell, i) => typed(types[i], cell)));
  const about = book.addWorksheet('keterangan');
  about.columns = [{ width: 24 }, { width: 100 }];
  for (const line of [
    ['Tabel / table', `${table.name} — ${table.title.id} / ${table.title.en}`],
    ['Keterangan / description', `${table.description.id} / ${table.description.en}`],
    ['Rilis / release', ctx.release],
    ['Tanggal rilis / release date', ctx.releaseDate],
    ['Lisensi / licence', ctx.licence],
    ['Baris / rows', rows.length],
    [
      'Sel kosong / empty cell',
      'Tidak dapat dihitung, belum dilaporkan, atau disembunyikan demi privasi — bukan nol / not computable, not reported yet, or hidden for privacy — never zero',
    ],
    ...table.columns.map((c) => [c.name, `${c.description.id} / ${c.description.en}`]),
  ])
    about.addRow(line);
  const made = new Uint8Array(await book.xlsx.writeBuffer());
  // The same entries in the same order, each dated the release date (fflate writes DOS times in local time).
  const [y, m, d] = ctx.releaseDate.split('-').map(Number);
  const mtime = new Date(y, m - 1, d);
  const entries = unzipSync(made);
  const zip: Zippable = {};
  for (const [name, bytes] of Object.entries(entries)) zip[name] = [bytes, { mtime, level: 6 }];
  return zipSync(zip);
}

/** Writes `<table>.xlsx` beside `<table>.csv`; returns false when the table is too large for one. */
export async function writeXlsx(table: PublishedTable, csvPath: string, xlsxPath: string, ctx: XlsxContext): Promise<boolean> {
  const bytes = await tableXlsx(table, await readFile(csvPath, 'utf8'), ctx);
  if (!bytes) return false;
  await writeFile(xlsxPath, bytes);
  return true;
}
