/**
 * Raw cell text to typed value, the way officers' Excel writes it (contract §2).
 * Returns the value, or a CellProblem that says what was found and how to fix it in Excel.
 */
import type { Bilingual, EnumOption, Field, FieldKind } from '../contract/fields.ts';
import type { IssueCode } from '../contract/issues.ts';
import type { Dialect } from './dialect.ts';

export class CellProblem {
  constructor(
    readonly code: IssueCode,
    readonly message: Bilingual,
  ) {}
}

const ID_NUMBER = /^[+-]?(?:\d{1,3}(?:\.\d{3})+|\d+)(?:,\d+)?$/;
const PLAIN_NUMBER = /^[+-]?\d+(?:\.\d+)?$/;

export function parseNumber(raw: string, dialect: Dialect): number | CellProblem {
  if (dialect.numbers === 'id') {
    if (ID_NUMBER.test(raw)) return Number(raw.replace(/\./g, '').replace(',', '.'));
    return new CellProblem('type-error', {
      id: `"${raw}" bukan angka dalam format Indonesia (berkas ini memakai pemisah ";"): tulis desimal dengan koma dan ribuan dengan titik, mis. 1.234,5.`,
      en: `"${raw}" is not a number in Indonesian format (this file is ";"-separated): decimal comma and thousands dot, e.g. 1.234,5.`,
    });
  }
  if (PLAIN_NUMBER.test(raw)) return Number(raw);
  const hint = /^[+-]?\d+,\d+$/.test(raw)
    ? {
        id: ' Berkas berpemisah koma/tab memakai titik sebagai desimal (2.5, bukan 2,5).',
        en: ' Comma/tab-separated files use a decimal point (2.5, not 2,5).',
      }
    : { id: '', en: '' };
  return new CellProblem('type-error', {
    id: `"${raw}" bukan angka.${hint.id} Hapus satuan, spasi dan tanda % dari sel.`,
    en: `"${raw}" is not a number.${hint.en} Remove units, spaces and % signs from the cell.`,
  });
}

function parseInteger(raw: string, dialect: Dialect): number | CellProblem {
  const n = parseNumber(raw, dialect);
  if (n instanceof CellProblem || Number.isInteger(n)) return n;
  return new CellProblem('type-error', { id: `"${raw}" harus bilangan bulat.`, en: `"${raw}" must be a whole number.` });
}

const ISO = /^(\d{4})-(\d{2})-(\d{2})$/;
const DAY_FIRST = /^(\d{1,2})[/-](\d{1,2})[/-](\d{4})$/;
const EXCEL_SERIAL = /^\d{4,6}(?:[.,]\d+)?$/;

function isoIfValid(y: number, m: number, d: number): string | null {
  const t = new Date(Date.UTC(y, m - 1, d));
  if (t.getUTCFullYear() !== y || t.getUTCMonth() !== m - 1 || t.getUTCDate() !== d) return null;
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

export function parseDate(raw: string): string | CellProblem {
  const iso = ISO.exec(raw);
  const m = iso ?? DAY_FIRST.exec(raw);
  if (m) {
    const [y, mo, d] = iso ? [+m[1], +m[2], +m[3]] : [+m[3], +m[2], +m[1]];
    const valid = isoIfValid(y, mo, d);
    if (valid) return valid;
    return new CellProblem('type-error', {
      id: `tanggal "${raw}" tidak ada di kalender. Tanggal dibaca hari dulu (DD/MM/YYYY), tidak pernah bulan dulu.`,
      en: `date "${raw}" does not exist. Dates are read day first (DD/MM/YYYY), never month first.`,
    });
  }
  if (EXCEL_SERIAL.test(raw)) {
    const serial = Math.floor(Number(raw.replace(',', '.')));
    const guess = new Date(Date.UTC(1899, 11, 30) + serial * 86_400_000).toISOString().slice(0, 10);
    return new CellProblem('type-error', {
      id: `"${raw}" tampaknya nomor seri tanggal Excel (mungkin ${guess}). Format kolom sebagai Tanggal (DD/MM/YYYY) atau Teks sebelum ekspor.`,
      en: `"${raw}" looks like an Excel date serial number (perhaps ${guess}). Format the column as Date (DD/MM/YYYY) or Text before export.`,
    });
  }
  return new CellProblem('type-error', {
    id: `"${raw}" bukan tanggal. Gunakan YYYY-MM-DD, DD/MM/YYYY atau DD-MM-YYYY.`,
    en: `"${raw}" is not a date. Use YYYY-MM-DD, DD/MM/YYYY or DD-MM-YYYY.`,
  });
}

const enumKey = (s: string) =>
  s
    .trim()
    .toLowerCase()
    .replace(/[\s_-]+/g, '_');
const enumIndex = new WeakMap<readonly EnumOption[], Map<string, string>>();

function lookupFor(options: readonly EnumOption[]): Map<string, string> {
  let map = enumIndex.get(options);
  if (!map) {
    map = new Map();
    for (const o of options) for (const k of [o.value, o.label.id, o.label.en]) map.set(enumKey(k), o.value);
    // "Di Atas" for "Di Atas Ekspektasi": the contract names the levels without the noun too.
    for (const o of options) map.set(enumKey(o.label.id.replace(/\s+Ekspektasi$/i, '')), o.value);
    enumIndex.set(options, map);
  }
  return map;
}

export function parseEnum(raw: string, options: readonly EnumOption[]): string | CellProblem {
  const hit = lookupFor(options).get(enumKey(raw));
  if (hit !== undefined) return hit;
  const allowed = options.map((o) => o.value).join(', ');
  return new CellProblem('enum-error', {
    id: `"${raw}" bukan pilihan yang sah. Pilihan: ${allowed}.`,
    en: `"${raw}" is not an allowed value. Allowed: ${allowed}.`,
  });
}

const NIP_DIGITS = /^\d{18}$/;
const EXCEL_NUMBER = /^\d+(?:[.,]\d+)?E\+?\d+$/i;

export function parseNip(raw: string): string | CellProblem {
  const compact = raw.replace(/\s+/g, ''); // the printed form "19860101 201001 1 001" is the same NIP
  if (NIP_DIGITS.test(compact)) return compact;
  if (EXCEL_NUMBER.test(compact) || /^\d{1,17}$/.test(compact) || /^\d+[.,]0+$/.test(compact)) {
    return new CellProblem('excel-damage', {
      id: 'NIP telah diubah Excel menjadi angka (notasi ilmiah atau nol di depan hilang). Format kolom NIP sebagai Teks sebelum mengetik/ekspor, lalu isi ulang NIP lengkap 18 digit.',
      en: 'Excel has turned the NIP into a number (scientific notation or lost leading zeros). Format the NIP column as Text before typing/export, then re-enter the full 18-digit NIP.',
    });
  }
  return new CellProblem('type-error', { id: 'NIP harus tepat 18 digit angka.', en: 'NIP must be exactly 18 digits.' });
}

const PERIOD = /^(\d{4})(?:-(S[12]|Q[1-4]|0[1-9]|1[0-2]))?$/;
function parsePeriod(raw: string): string | CellProblem {
  const up = raw.toUpperCase();
  if (PERIOD.test(up)) return up;
  return new CellProblem('type-error', {
    id: `periode "${raw}" tidak dikenal. Gunakan YYYY, YYYY-S1/S2, YYYY-Q1..Q4 atau YYYY-MM (mis. 2024-S1).`,
    en: `period "${raw}" is not recognised. Use YYYY, YYYY-S1/S2, YYYY-Q1..Q4 or YYYY-MM (e.g. 2024-S1).`,
  });
}

/** Raw (already trimmed, non-blank) text to the field's value type. */
export function parseCell(kind: FieldKind, f: Pick<Field, 'options'>, raw: string, dialect: Dialect): unknown {
  switch (kind) {
    case 'code':
    case 'text':
      return raw;
    case 'integer':
      return parseInteger(raw, dialect);
    case 'number':
      return parseNumber(raw, dialect);
    case 'date':
      return parseDate(raw);
    case 'enum':
      return parseEnum(raw, f.options ?? []);
    case 'nip':
      return parseNip(raw);
    case 'period':
      return parsePeriod(raw);
  }
}
