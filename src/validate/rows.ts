/**
 * The rules of one input file applied to its header and to each row: the single statement
 * of them, used alike when a file streams through the main thread and when slices of a large
 * file are read by several threads (parallel.ts). Everything a row yields goes to a RowSink.
 */
import type { Bilingual, Field } from '../contract/fields.ts';
import type { AnyInputFile } from '../contract/input.ts';
import { maskPrivate, type IssueCode } from '../contract/issues.ts';
import { CellProblem } from '../read/cells.ts';
import { printableAscii } from '../read/csv.ts';
import type { EncodingError } from '../read/decode.ts';
import { normalizeHeader, type Dialect } from '../read/dialect.ts';
import { compileReader, readerPlan, type Reader, type ReaderPlan } from './columns.ts';
import { Table, type ColumnKind } from './table.ts';

/**
 * Where a row's issue falls among the others of its row: cell and cross-column problems,
 * then uniqueness, then foreign keys. A slice of a file reports the first and the last; the
 * merge, which alone sees every slice, puts the uniqueness issues in between.
 */
export const Stage = { Cells: 0, Unique: 1, References: 2 } as const;
export type Stage = (typeof Stage)[keyof typeof Stage];

export interface RowSink {
  report(row: number | null, column: string | null, value: string | null, code: IssueCode, msg: Bilingual, stage: Stage): void;
  /** A private cell as written, or an NIP as read: for the privacy gate. */
  privateValue(value: string): void;
  /** A valid kode_unit cell, also on a row rejected for another cell. */
  code(value: string): void;
  /** The row's key for each unique constraint, in order (an array reused for every row); false when one is already taken. */
  unique(keys: readonly string[], row: number): boolean;
  /**
   * A row with no problem at all: `values` holds the typed value of every field, in the
   * order of the input's fields (undefined where blank); pass it on with `FileRules.slots`.
   */
  accept(values: readonly unknown[], row: number): void;
}

export interface Column {
  /** Position in the file's row. */
  index: number;
  /** Position among the input's fields. */
  slot: number;
  name: string;
  field: Field;
  private: boolean;
  required: boolean;
  nip: boolean;
  plan: ReaderPlan;
  read: Reader;
}

/**
 * Whether a reader's answer is a CellProblem. A reader gives a number, a string or a problem:
 * only objects are asked `instanceof`, the slower check, on every cell.
 */
export const isProblem = (v: unknown): v is CellProblem => typeof v === 'object' && v !== null && v instanceof CellProblem;

/** Cell text with nothing to trim, most cells: a printable ASCII character at both ends. */
const trimmed = (s: string) => {
  const n = s.length;
  if (n === 0) return s;
  return printableAscii(s.charCodeAt(0)) && printableAscii(s.charCodeAt(n - 1)) ? s : s.trim();
};

/**
 * The record that cross-column rules read: one object per file, with every field, refilled
 * from the values for each row by assignments made for the file's fields. It keeps one shape
 * (the rules run on every row), and a million rows are not a million objects to allocate and
 * collect. The rules only read the record, and only while their row is checked.
 */
function recordFiller(names: readonly string[]): (values: readonly unknown[]) => Record<string, unknown> {
  let record: Record<string, unknown>;
  let fill: (r: Record<string, unknown>, v: readonly unknown[]) => Record<string, unknown>;
  try {
    record = new Function(`return {${names.map((n) => `${JSON.stringify(n)}: undefined`).join(', ')}};`)() as Record<string, unknown>;
    fill = new Function('r', 'v', `${names.map((n, i) => `r[${JSON.stringify(n)}] = v[${i}];`).join('\n')}\nreturn r;`) as typeof fill;
  } catch {
    // No eval under the site's CSP (the browser's checker, /periksa/): the same record, filled by a loop.
    record = Object.fromEntries(names.map((n) => [n, undefined]));
    fill = (r, v) => {
      for (let i = 0; i < names.length; i++) r[names[i]] = v[i];
      return r;
    };
  }
  return (values) => fill(record, values);
}

/** Integers up to this size are exact in 32-bit floats. */
const FLOAT32_EXACT = 2 ** 24;

/**
 * How a field's values are stored in a Table: an integer whose bounds keep it exact in 32 bits
 * (the survey's nine answers and the respondent's age: 585 MB of the 500-region export) as such.
 */
export const columnKind = (f: Field): ColumnKind =>
  f.kind === 'integer' && f.range && Math.max(Math.abs(f.range[0]), Math.abs(f.range[1])) <= FLOAT32_EXACT
    ? 'integer32'
    : f.kind === 'integer' || f.kind === 'number'
      ? 'number'
      : 'text';

export const publicNames = (input: AnyInputFile) => Object.keys(input.fields).filter((n) => !input.fields[n].private);

/** An empty table with the storage of the input's public columns, room made for `capacity` records. */
export function tableFor(input: AnyInputFile, capacity?: number): Table<Record<string, unknown>> {
  const names = publicNames(input);
  return new Table<Record<string, unknown>>(
    names,
    names.map((n) => columnKind(input.fields[n])),
    capacity,
  );
}

export const encodingIssue = (detail: EncodingError['detail']) =>
  detail === 'utf16'
    ? {
        id: 'berkas tersimpan sebagai UTF-16 ("Unicode Text"). Di Excel pilih Simpan Sebagai → "CSV UTF-8 (Comma delimited)".',
        en: 'file is saved as UTF-16 ("Unicode Text"). In Excel choose Save As → "CSV UTF-8 (Comma delimited)".',
      }
    : {
        id: 'berkas bukan UTF-8 yang sah (mungkin ANSI/Windows-1252). Di Excel pilih Simpan Sebagai → "CSV UTF-8 (Comma delimited)".',
        en: 'file is not valid UTF-8 (perhaps ANSI/Windows-1252). In Excel choose Save As → "CSV UTF-8 (Comma delimited)".',
      };

export const syntaxIssue = (message: string) => ({
  id: `CSV rusak di baris ini (${message}): kemungkinan tanda kutip " tidak ditutup. Simpan ulang dari Excel sebagai "CSV UTF-8".`,
  en: `malformed CSV on this row (${message}): probably an unclosed quote ". Save again from Excel as "CSV UTF-8".`,
});

export const emptyFileIssue = (input: AnyInputFile) => ({
  id: `${input.file} kosong: tidak ada baris judul.`,
  en: `${input.file} is empty: no header row.`,
});

/** The display of a unique key in a report: masked when any of its columns is private. */
export function uniqueIssue(input: AnyInputFile, k: number, key: string, first: number): { column: string; value: string; msg: Bilingual } {
  const keys = input.unique[k];
  const isPrivate = keys.some((n) => input.fields[n].private);
  return {
    column: keys.join('+'),
    value: isPrivate ? maskPrivate(key) : keys.length === 1 ? key : key.split('\u0000').join(' / '),
    msg: {
      id: `kombinasi ${keys.join(' + ')} sudah dipakai di baris ${first}. Setiap baris harus unik; hapus duplikat atau perbaiki kodenya.`,
      en: `${keys.join(' + ')} already used on row ${first}. Each row must be unique; remove the duplicate or fix the code.`,
    },
  };
}

export class FileRules {
  readonly names: string[];
  /** For each public column of the table, its position among the input's fields. */
  readonly slots: number[];
  /** The known columns of the file, in its order (after header()). */
  columns: Column[] = [];
  /** Cells in a row (after header()). */
  width = 0;
  /** A required column is missing: rows are checked but none is used. */
  unusable = false;
  private hasPrivate: boolean;
  private values: unknown[];
  private fillRecord: (values: readonly unknown[]) => Record<string, unknown>;
  /** For each unique constraint, the positions of its columns among the input's fields. */
  readonly keySlots: number[][];
  private keys: string[];
  /** The columns that must name a unit of unit.csv. */
  refCols: Column[] = [];
  /** Position of kode_unit among the input's fields, or -1. */
  readonly kodeUnit: number;

  constructor(
    readonly input: AnyInputFile,
    readonly dialect: Dialect,
    readonly unitCodes: ReadonlySet<string> | undefined,
    private readonly out: RowSink,
  ) {
    this.names = Object.keys(input.fields);
    this.slots = publicNames(input).map((n) => this.names.indexOf(n));
    this.hasPrivate = this.names.some((n) => input.fields[n].private);
    this.values = this.names.map(() => undefined);
    this.fillRecord = recordFiller(this.names);
    this.keySlots = input.unique.map((keys) => keys.map((n) => this.names.indexOf(n)));
    this.keys = input.unique.map(() => '');
    this.kodeUnit = this.names.indexOf('kode_unit');
  }

  /** The header row: which column is which, and its problems (reported unless `quiet`). */
  header(cells: string[], headerRow: number, quiet = false): void {
    const { input, names } = this;
    const report = (row: number | null, column: string | null, value: string | null, code: IssueCode, msg: Bilingual) => {
      if (!quiet) this.out.report(row, column, value, code, msg, Stage.Cells);
    };
    this.width = cells.length;
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
      const plan = readerPlan(field, this.dialect);
      this.columns.push({
        index,
        slot: names.indexOf(name),
        name,
        field,
        private: field.private,
        required: field.required,
        nip: field.kind === 'nip',
        plan,
        read: compileReader(field, this.dialect, plan),
      });
    });
    for (const n of names) {
      if (input.fields[n].required && !byName.has(n)) {
        this.unusable = true;
        report(null, n, null, 'missing-column', {
          id: `kolom wajib "${n}" tidak ada di ${input.file}. Tambahkan kolom dengan judul persis "${n}".`,
          en: `required column "${n}" is missing from ${input.file}. Add a column headed exactly "${n}".`,
        });
      }
    }
    this.refCols = this.columns.filter((c) => c.field.references === 'unit');
  }

  private shown(f: Field | undefined, raw: string): string {
    return f?.private ? maskPrivate(raw) : raw;
  }

  row(cells: string[], row: number): void {
    const { out, width, columns, values } = this;
    if (cells.length !== width) {
      const extra = cells.length > width;
      out.report(
        row,
        extra ? `(kolom ke-${width + 1})` : (columns.find((c) => c.index >= cells.length)?.name ?? `(kolom ke-${cells.length + 1})`),
        extra ? this.overflow(cells) : null,
        extra ? 'extra-cell' : 'missing-cell',
        extra
          ? {
              id: `baris berisi ${cells.length} sel, judul hanya ${width} kolom. Periksa pemisah (${'",", ";"'}) atau tanda kutip di dalam sel.`,
              en: `row has ${cells.length} cells but the header has ${width}. Check delimiters or quotes inside cells.`,
            }
          : {
              id: `baris hanya berisi ${cells.length} sel, judul ${width} kolom. Lengkapi sel yang hilang.`,
              en: `row has only ${cells.length} cells but the header has ${width}. Fill in the missing cells.`,
            },
        Stage.Cells,
      );
      return;
    }
    let ok = true;
    for (let c = 0; c < columns.length; c++) {
      const col = columns[c];
      const raw = trimmed(cells[col.index]);
      if (raw === '') {
        values[col.slot] = undefined;
        if (col.required) {
          ok = false;
          out.report(
            row,
            col.name,
            '',
            'constraint-error',
            { id: `kolom "${col.name}" wajib diisi.`, en: `column "${col.name}" is required.` },
            Stage.Cells,
          );
        }
        continue;
      }
      if (col.private) out.privateValue(raw);
      const value = col.read(raw);
      if (isProblem(value)) {
        values[col.slot] = undefined;
        ok = false;
        out.report(row, col.name, this.shown(col.field, raw), value.code, value.message, Stage.Cells);
        continue;
      }
      // The NIP as read, when Excel's spaces were taken out of it (or its column is not private).
      if (col.nip && (!col.private || value !== raw)) out.privateValue(value as string);
      values[col.slot] = value;
    }
    if (this.kodeUnit >= 0) {
      const code = values[this.kodeUnit];
      if (typeof code === 'string') out.code(code);
    }
    if (!ok || this.unusable) return;
    if (!this.checked(values, row)) ok = false;
    const keySlots = this.keySlots;
    if (keySlots.length > 0) {
      const keys = this.keys;
      for (let k = 0; k < keySlots.length; k++) {
        const slots = keySlots[k];
        // The values joined by NUL, without an array per row.
        let key = String(values[slots[0]]);
        for (let j = 1; j < slots.length; j++) key += '\u0000' + String(values[slots[j]]);
        keys[k] = key;
      }
      if (!out.unique(keys, row)) ok = false;
    }
    if (this.unitCodes) {
      for (const col of this.refCols) {
        const v = values[col.slot];
        if (v !== undefined && !this.unitCodes.has(v as string)) {
          ok = false;
          this.unknownUnit(col, v, row);
        }
      }
    }
    if (ok) out.accept(values, row);
  }

  /** The input's cross-column rules on a row's values (every field, in order): whether it keeps them; if not, reported. */
  checked(values: readonly unknown[], row: number): boolean {
    return !this.input.check || this.checkedRecord(this.fillRecord(values), row);
  }

  /** The same on a record of the row's fields (FastRows gives one that reads them only when asked). */
  checkedRecord(record: Record<string, unknown>, row: number): boolean {
    const { input, out } = this;
    if (!input.check) return true;
    const problems = input.check(record as never);
    if (problems.length === 0) return true;
    for (const p of problems) {
      out.report(
        row,
        p.column,
        p.column ? this.shown(input.fields[p.column], String(record[p.column] ?? '')) : null,
        p.code,
        p.message,
        Stage.Cells,
      );
    }
    return false;
  }

  /** Reports a unit code in `col` that unit.csv does not have. */
  unknownUnit(col: Column, v: unknown, row: number): void {
    this.out.report(
      row,
      col.name,
      String(v),
      'foreign-key-error',
      {
        id: `kode_unit "${v}" tidak ada di unit.csv wilayah ini. Tambahkan unitnya ke unit.csv atau perbaiki kodenya.`,
        en: `kode_unit "${v}" is not in this region's unit.csv. Add the unit to unit.csv or fix the code.`,
      },
      Stage.References,
    );
  }

  // Extra cells are most often a private free text (saran, uraian) split by an unquoted comma:
  // in a file with a private column, the overflow is masked like the column it came from.
  private overflow(cells: string[]): string {
    const text = cells.slice(this.width).join(' | ');
    return this.hasPrivate ? maskPrivate(text) : text;
  }
}
