/**
 * One input file, validated as it streams: header, cells, cross-column rules, uniqueness
 * and foreign keys. Every row ends up either in the table or in an issue; none is dropped.
 */
import type { Field } from '../contract/fields.ts';
import type { AnyInputFile } from '../contract/input.ts';
import { issue, maskPrivate, type Issue, type IssueCode } from '../contract/issues.ts';
import type { Bilingual } from '../contract/fields.ts';
import { readCsv } from '../read/csv.ts';
import { EncodingError } from '../read/decode.ts';
import { normalizeHeader, type Dialect } from '../read/dialect.ts';
import { CellProblem, parseCell } from '../read/cells.ts';
import { compileCheck, type Check } from './constraints.ts';
import { Table } from './table.ts';

export interface FileContext {
  region: string;
  issues: Issue[];
  /** Codes of unit.csv, for foreign keys; absent while unit.csv itself is read. */
  unitCodes?: ReadonlySet<string>;
  /** Every private value seen, for the privacy gate before publishing. */
  privateValues: Set<string>;
}

export interface FileResult<R extends object> {
  rows: number;
  table: Table<R>;
  dialect: Dialect | null;
  /**
   * Every valid kode_unit cell, also on rows rejected for another cell: for unit.csv these are the
   * codes other files may reference, so that one bad cell in unit.csv is one error, not a
   * foreign-key error on every row of every file that names the unit.
   */
  codes: Set<string>;
}

interface Column {
  index: number;
  name: string;
  field: Field;
  check: Check;
}

type Rec = Record<string, unknown>;

export async function validateFile(path: string, input: AnyInputFile, ctx: FileContext): Promise<FileResult<Rec>> {
  const names = Object.keys(input.fields);
  const publicNames = names.filter((n) => !input.fields[n].private);
  const table = new Table<Rec>(publicNames);
  const at = (row: number | null, column: string | null, value: string | null) => ({ region: ctx.region, file: input.file, row, column, value });
  const report = (row: number | null, column: string | null, value: string | null, code: IssueCode, msg: Bilingual) =>
    ctx.issues.push(issue(at(row, column, value), code, msg));
  const shown = (f: Field | undefined, raw: string) => (f?.private ? maskPrivate(raw) : raw);

  let columns: Column[] = [];
  let width = 0;
  let headerRow = 1;
  let unusable = false; // a required column is missing: rows are checked but none is used
  const seen = input.unique.map(() => new Map<string, number>());
  let dataRows = 0;
  const codes = new Set<string>();

  // Extra cells are most often a private free text (saran, uraian) split by an unquoted comma:
  // in a file with a private column, the overflow is masked like the column it came from.
  const hasPrivate = names.some((n) => input.fields[n].private);
  const overflow = (cells: string[]) => {
    const text = cells.slice(width).join(' | ');
    return hasPrivate ? maskPrivate(text) : text;
  };

  const onHeader = (cells: string[]) => {
    width = cells.length;
    const byName = new Map<string, number>();
    cells.forEach((raw, index) => {
      const name = normalizeHeader(raw);
      if (name === '') {
        report(headerRow, `(kolom ke-${index + 1})`, null, 'blank-header', {
          id: `judul kolom ke-${index + 1} kosong. Beri nama kolom atau hapus kolom kosong di Excel.`,
          en: `header of column ${index + 1} is blank. Name the column or delete the empty column in Excel.`,
        });
        return;
      }
      if (byName.has(name)) {
        report(headerRow, name, raw, 'duplicate-header', {
          id: `kolom "${name}" muncul dua kali (kolom ke-${byName.get(name)! + 1} dan ke-${index + 1}). Hapus salah satunya.`,
          en: `column "${name}" appears twice (columns ${byName.get(name)! + 1} and ${index + 1}). Remove one.`,
        });
        return;
      }
      byName.set(name, index);
      const field = input.fields[name];
      if (!field) {
        report(headerRow, name, raw, 'unknown-column', {
          id: `kolom "${raw}" tidak dikenal dan diabaikan. Kolom yang dikenal: ${names.join(', ')}.`,
          en: `column "${raw}" is not in the contract and is ignored. Known columns: ${names.join(', ')}.`,
        });
        return;
      }
      columns.push({ index, name, field, check: compileCheck(field) });
    });
    for (const n of names) {
      if (input.fields[n].required && !byName.has(n)) {
        unusable = true;
        report(null, n, null, 'missing-column', {
          id: `kolom wajib "${n}" tidak ada di ${input.file}. Tambahkan kolom dengan judul persis "${n}".`,
          en: `required column "${n}" is missing from ${input.file}. Add a column headed exactly "${n}".`,
        });
      }
    }
  };

  const onRow = (cells: string[], row: number) => {
    dataRows++;
    if (cells.length !== width) {
      const extra = cells.length > width;
      report(row, extra ? `(kolom ke-${width + 1})` : (columns.find((c) => c.index >= cells.length)?.name ?? `(kolom ke-${cells.length + 1})`),
        extra ? overflow(cells) : null, extra ? 'extra-cell' : 'missing-cell', extra
          ? { id: `baris berisi ${cells.length} sel, judul hanya ${width} kolom. Periksa pemisah (${'",", ";"'}) atau tanda kutip di dalam sel.`, en: `row has ${cells.length} cells but the header has ${width}. Check delimiters or quotes inside cells.` }
          : { id: `baris hanya berisi ${cells.length} sel, judul ${width} kolom. Lengkapi sel yang hilang.`, en: `row has only ${cells.length} cells but the header has ${width}. Fill in the missing cells.` });
      return;
    }
    const record: Record<string, unknown> = {};
    let ok = true;
    for (const col of columns) {
      const raw = cells[col.index].trim();
      if (col.field.private && raw !== '') ctx.privateValues.add(raw);
      if (raw === '') {
        if (col.field.required) {
          ok = false;
          report(row, col.name, '', 'constraint-error', { id: `kolom "${col.name}" wajib diisi.`, en: `column "${col.name}" is required.` });
        }
        continue;
      }
      const value = parseCell(col.field.kind, col.field, raw, dialectOf);
      if (value instanceof CellProblem) {
        ok = false;
        report(row, col.name, shown(col.field, raw), value.code, value.message);
        continue;
      }
      const bad = col.check(value);
      if (bad) {
        ok = false;
        report(row, col.name, shown(col.field, raw), 'constraint-error', bad);
        continue;
      }
      if (col.field.kind === 'nip') ctx.privateValues.add(value as string);
      record[col.name] = value;
    }
    if (typeof record.kode_unit === 'string') codes.add(record.kode_unit);
    if (!ok || unusable) return;
    for (const p of input.check?.(record as never) ?? []) {
      ok = false;
      report(row, p.column, p.column ? shown(input.fields[p.column], String(record[p.column] ?? '')) : null, p.code, p.message);
    }
    input.unique.forEach((keys, k) => {
      const key = keys.map((n) => String(record[n])).join('\u0000');
      const first = seen[k].get(key);
      if (first === undefined) {
        seen[k].set(key, row);
        return;
      }
      ok = false;
      const isPrivate = keys.some((n) => input.fields[n].private);
      report(row, keys.join('+'), isPrivate ? maskPrivate(key) : keys.map((n) => String(record[n])).join(' / '), 'unique-error', {
        id: `kombinasi ${keys.join(' + ')} sudah dipakai di baris ${first}. Setiap baris harus unik; hapus duplikat atau perbaiki kodenya.`,
        en: `${keys.join(' + ')} already used on row ${first}. Each row must be unique; remove the duplicate or fix the code.`,
      });
    });
    if (ctx.unitCodes) {
      for (const col of columns) {
        if (col.field.references !== 'unit') continue;
        const v = record[col.name];
        if (v !== undefined && !ctx.unitCodes.has(v as string)) {
          ok = false;
          report(row, col.name, String(v), 'foreign-key-error', {
            id: `kode_unit "${v}" tidak ada di unit.csv wilayah ini. Tambahkan unitnya ke unit.csv atau perbaiki kodenya.`,
            en: `kode_unit "${v}" is not in this region's unit.csv. Add the unit to unit.csv or fix the code.`,
          });
        }
      }
    }
    if (ok) table.push(record, row);
  };

  let dialectOf: Dialect = { delimiter: ',', numbers: 'plain' };
  try {
    const { dialect } = await readCsv(path, {
      header: (cells, d, rowNumber) => {
        dialectOf = d;
        headerRow = rowNumber;
        onHeader(cells);
      },
      row: onRow,
      syntax: (message, row) =>
        report(row, null, null, 'type-error', {
          id: `CSV rusak di baris ini (${message}): kemungkinan tanda kutip " tidak ditutup. Simpan ulang dari Excel sebagai "CSV UTF-8".`,
          en: `malformed CSV on this row (${message}): probably an unclosed quote ". Save again from Excel as "CSV UTF-8".`,
        }),
    });
    if (dialect === null) {
      report(null, null, null, 'missing-column', { id: `${input.file} kosong: tidak ada baris judul.`, en: `${input.file} is empty: no header row.` });
    }
    return { rows: dataRows, table, dialect, codes };
  } catch (e) {
    if (!(e instanceof EncodingError)) throw e;
    report(null, null, null, 'encoding-error', e.detail === 'utf16'
      ? { id: 'berkas tersimpan sebagai UTF-16 ("Unicode Text"). Di Excel pilih Simpan Sebagai → "CSV UTF-8 (Comma delimited)".', en: 'file is saved as UTF-16 ("Unicode Text"). In Excel choose Save As → "CSV UTF-8 (Comma delimited)".' }
      : { id: 'berkas bukan UTF-8 yang sah (mungkin ANSI/Windows-1252). Di Excel pilih Simpan Sebagai → "CSV UTF-8 (Comma delimited)".', en: 'file is not valid UTF-8 (perhaps ANSI/Windows-1252). In Excel choose Save As → "CSV UTF-8 (Comma delimited)".' });
    return { rows: dataRows, table: new Table<Rec>(publicNames), dialect: null, codes: new Set() };
  }
}
