/**
 * The one .xlsx template: a first sheet "Petunjuk" (every column explained, Indonesian and
 * English, and how to save each sheet as CSV UTF-8), then a sheet per input file with a frozen
 * header, the two example rows, and the contract's rules as Excel data validation: drop-down
 * lists for enumerations and for kode_unit (the codes typed on the unit sheet), whole numbers,
 * decimals and dates within the contract's bounds, text-formatted columns where Excel would
 * otherwise damage a value (NIP, periode, codes). Everything comes from src/contract/inputs/.
 */
import ExcelJS from 'exceljs';
import { unzipSync, zipSync, type Zippable } from 'fflate';
import type { AnyInputFile } from '../contract/input.ts';
import { unit } from '../contract/inputs/index.ts';
import { SAVE_AS_CSV } from '../guide/save-steps.ts';
import { columnsOf, numberBounds, sheetName, type Column } from './columns.ts';
import { exampleRows } from './csv.ts';

export const GUIDE_SHEET = 'Petunjuk';
/** Rows that carry the validations, header included: enough to type or paste an export into. */
export const TEMPLATE_ROWS = 5000;
const DATE_FORMAT = 'yyyy-mm-dd';
const TEXT_FORMAT = '@';
/** Dates the contract's data can hold (survey and complaint dates): bounds of the date validation. */
const FIRST_DATE = new Date(Date.UTC(2000, 0, 1));
const LAST_DATE = new Date(Date.UTC(2100, 11, 31));

/** The data rows a column's validation covers, e.g. `C2:C5000`. */
const columnRange = (col: number) => {
  const letter = columnLetter(col);
  return `${letter}2:${letter}${TEMPLATE_ROWS}`;
};

export function columnLetter(col: number): string {
  let s = '';
  for (let n = col; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

/** Where the unit codes are typed: the list offered on every kode_unit that references unit.csv. */
export const unitCodesFormula = (): string => {
  const col = columnLetter(Object.keys(unit.fields).indexOf('kode_unit') + 1);
  return `${sheetName(unit)}!$${col}$2:$${col}$${TEMPLATE_ROWS}`;
};

// Excel's limits: a title of 32 characters, a message of 255.
const clip = (s: string, n: number) => ([...s].length <= n ? s : [...s].slice(0, n - 1).join('') + '…');

function validationOf(c: Column): ExcelJS.DataValidation | null {
  const base = {
    allowBlank: true,
    showErrorMessage: true,
    errorStyle: 'stop',
    errorTitle: clip(c.name, 32),
    error: clip(`${c.rule.id} — ${c.rule.en}`, 255),
    showInputMessage: true,
    promptTitle: clip(c.name, 32),
    prompt: clip(`${c.field.description.id} — ${c.field.description.en}`, 255),
  };
  if (c.values) return { ...base, type: 'list', formulae: [`"${c.values.join(',')}"`] };
  if (c.field.references === 'unit') return { ...base, type: 'list', formulae: [unitCodesFormula()] };
  const b = numberBounds(c.field);
  if (b) {
    const type = c.field.kind === 'integer' ? 'whole' : 'decimal';
    if (b.min !== null && b.max !== null) return { ...base, type, operator: 'between', formulae: [b.min, b.max] };
    if (b.min !== null) return { ...base, type, operator: b.minInclusive ? 'greaterThanOrEqual' : 'greaterThan', formulae: [b.min] };
    return { ...base, type, operator: 'lessThanOrEqual', formulae: [b.max ?? Number.MAX_SAFE_INTEGER] };
  }
  if (c.field.kind === 'date') return { ...base, type: 'date', operator: 'between', formulae: [FIRST_DATE, LAST_DATE] };
  if (c.field.kind === 'nip') return { ...base, type: 'textLength', operator: 'equal', formulae: [18] };
  if (c.field.kind === 'code') return { ...base, type: 'textLength', operator: 'between', formulae: [1, 40] };
  return null;
}

/** A cell of an example row as Excel should hold it: numbers and dates typed, the rest text. */
function typedCell(c: Column, text: string): ExcelJS.CellValue {
  if (text === '') return null;
  if (c.field.kind === 'integer' || c.field.kind === 'number') return Number(text);
  if (c.field.kind === 'date') return new Date(`${text}T00:00:00Z`);
  return text;
}

const numberFormat = (c: Column): string | undefined =>
  c.field.kind === 'date' ? DATE_FORMAT : c.field.kind === 'integer' ? '0' : c.field.kind === 'number' ? 'General' : TEXT_FORMAT;

/** exceljs writes a validation given for a range as one rule (its typings leave this out). */
type WithRangeValidations = ExcelJS.Worksheet & { dataValidations: { add(range: string, v: ExcelJS.DataValidation): void } };

function addInputSheet(wb: ExcelJS.Workbook, input: AnyInputFile): void {
  const ws = wb.addWorksheet(sheetName(input), { views: [{ state: 'frozen', ySplit: 1 }] });
  const columns = columnsOf(input);
  ws.columns = columns.map((c) => ({
    header: c.name,
    key: c.name,
    width: Math.max(12, c.name.length + 4),
    style: { numFmt: numberFormat(c) },
  }));
  ws.getRow(1).font = { bold: true };
  for (const row of exampleRows(input)) ws.addRow(columns.map((c, i) => typedCell(c, row[i])));
  columns.forEach((c, i) => {
    const v = validationOf(c);
    if (v) (ws as WithRangeValidations).dataValidations.add(columnRange(i + 1), v);
  });
}

function addGuideSheet(wb: ExcelJS.Workbook, inputs: readonly AnyInputFile[]): void {
  const ws = wb.addWorksheet(GUIDE_SHEET);
  ws.columns = [{ width: 22 }, { width: 22 }, { width: 60 }, { width: 60 }, { width: 60 }];
  const line = (...cells: string[]) => ws.addRow(cells);
  const heading = (...cells: string[]) => (ws.addRow(cells).font = { bold: true });
  heading('Templat ekspor Kinerja Terbuka', 'Kinerja Terbuka export template');
  line(
    'Isi satu lembar per berkas, lalu simpan tiap lembar sebagai CSV UTF-8 dengan nama lembarnya (unit.csv, skm.csv, …) di satu folder wilayah bersama wilayah.json.',
    'Fill in one sheet per file, then save each sheet as CSV UTF-8 named after its sheet (unit.csv, skm.csv, …) in one region folder together with wilayah.json.',
  );
  line(
    'Dua baris pertama tiap lembar adalah contoh: hapus sebelum menyimpan. Isi unit lebih dulu: kode_unit di lembar lain dipilih dari daftar kode di lembar unit.',
    'The first two rows of each sheet are examples: delete them before saving. Fill in unit first: kode_unit on the other sheets is picked from the codes on the unit sheet.',
  );
  line(
    `Daftar pilihan dan pemeriksaan angka/tanggal berlaku sampai baris ${TEMPLATE_ROWS}. NIP, periode dan kode berformat Teks agar Excel tidak mengubahnya.`,
    `Drop-down lists and number/date checks apply down to row ${TEMPLATE_ROWS}. NIP, periode and codes are formatted as Text so that Excel does not change them.`,
  );
  ws.addRow([]);
  heading('Menyimpan sebagai CSV UTF-8', 'Saving as CSV UTF-8');
  for (const s of SAVE_AS_CSV) {
    heading(s.app);
    s.steps.forEach((step, i) => line('', `${i + 1}. ${step.id}`, `${i + 1}. ${step.en}`));
  }
  ws.addRow([]);
  heading('Berkas / File', 'Kolom / Column', 'Aturan / Rule', 'Keterangan', 'Description');
  for (const input of inputs) {
    heading(`${input.file}`, '', input.title.id, input.title.en);
    for (const c of columnsOf(input))
      line(sheetName(input), c.name, `${c.rule.id} — ${c.rule.en}`, c.field.description.id, c.field.description.en);
  }
  for (const col of [3, 4, 5]) ws.getColumn(col).alignment = { wrapText: true, vertical: 'top' };
}

/**
 * The workbook's bytes. `date` (the build date) stands for every date written into it — the
 * document's created and modified, every zip entry's time — so a build repeated with the same
 * SOURCE_DATE_EPOCH writes the same bytes.
 */
export async function templateWorkbook(inputs: readonly AnyInputFile[], date: Date): Promise<Uint8Array<ArrayBuffer>> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Kinerja Terbuka';
  wb.created = date;
  wb.modified = date;
  addGuideSheet(wb, inputs);
  for (const input of inputs) addInputSheet(wb, input);
  const written = new Uint8Array(await wb.xlsx.writeBuffer());
  // exceljs stamps each zip entry with the clock: the same entries, in the same order, are packed
  // again dated the build date (fflate writes a DOS time from a Date's local fields: the UTC ones are given).
  const mtime = new Date(
    date.getUTCFullYear(),
    date.getUTCMonth(),
    date.getUTCDate(),
    date.getUTCHours(),
    date.getUTCMinutes(),
    date.getUTCSeconds(),
  );
  const pinned: Zippable = {};
  for (const [name, bytes] of Object.entries(unzipSync(written))) if (!name.endsWith('/')) pinned[name] = [bytes, { mtime, level: 9 }];
  return zipSync(pinned) as Uint8Array<ArrayBuffer>;
}
