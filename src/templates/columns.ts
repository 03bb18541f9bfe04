/**
 * Each column of an input file as the templates explain it: its rule in words and the values it
 * accepts, read from the contract's field (kind, Zod bounds, options, references), so the
 * Petunjuk sheet and the /templat/ page say exactly what the validator checks.
 */
import { z } from 'zod';
import type { AnyInputFile } from '../contract/input.ts';
import type { Bilingual, Field } from '../contract/fields.ts';

export interface NumberBounds {
  min: number | null;
  /** False when the minimum itself is refused (`> 0`). */
  minInclusive: boolean;
  max: number | null;
}

export interface Column {
  name: string;
  field: Field;
  /** The enumeration's values, in the contract's order; null for other kinds. */
  values: string[] | null;
  /** What a valid cell looks like, in words. */
  rule: Bilingual;
}

/** Bounds of an integer or number field, from its Zod schema; null for other kinds. */
export function numberBounds(field: Field): NumberBounds | null {
  if (!(field.schema instanceof z.ZodNumber)) return null;
  const { minValue, maxValue } = field.schema;
  const finite = (v: number | null) => (v === null || !Number.isFinite(v) || Math.abs(v) >= Number.MAX_SAFE_INTEGER ? null : v);
  const min = finite(minValue);
  return { min, minInclusive: min === null || field.schema.safeParse(min).success, max: finite(maxValue) };
}

function rangeWords(b: NumberBounds): Bilingual {
  const lo = b.min === null ? null : `${b.minInclusive ? '≥' : '>'} ${b.min}`;
  if (lo !== null && b.max !== null)
    return b.minInclusive
      ? { id: ` ${b.min}–${b.max}`, en: ` ${b.min}–${b.max}` }
      : { id: ` ${lo} dan ≤ ${b.max}`, en: ` ${lo} and ≤ ${b.max}` };
  if (lo !== null) return { id: ` ${lo}`, en: ` ${lo}` };
  if (b.max !== null) return { id: ` ≤ ${b.max}`, en: ` ≤ ${b.max}` };
  return { id: '', en: '' };
}

function ruleOf(field: Field): Bilingual {
  const join = (...parts: Bilingual[]): Bilingual => ({ id: parts.map((p) => p.id).join('; '), en: parts.map((p) => p.en).join('; ') });
  let kind: Bilingual;
  switch (field.kind) {
    case 'code':
      kind = {
        id: 'kode: huruf atau angka, lalu huruf, angka, titik, garis bawah atau tanda hubung (1–40 karakter)',
        en: 'code: a letter or digit, then letters, digits, dots, underscores or hyphens (1–40 characters)',
      };
      break;
    case 'text':
      kind = { id: 'teks', en: 'text' };
      break;
    case 'nip':
      kind = { id: '18 digit, kolom berformat Teks', en: '18 digits, in a column formatted as Text' };
      break;
    case 'integer': {
      const r = rangeWords(numberBounds(field)!);
      kind = { id: `bilangan bulat${r.id}`, en: `whole number${r.en}` };
      break;
    }
    case 'number': {
      const r = rangeWords(numberBounds(field)!);
      kind = {
        id: `angka${r.id} (desimal dengan titik, atau koma bila pemisah kolomnya ;)`,
        en: `number${r.en} (decimal point, or comma when the separator is ;)`,
      };
      break;
    }
    case 'date':
      kind = { id: 'tanggal YYYY-MM-DD (juga DD/MM/YYYY, hari lebih dulu)', en: 'date YYYY-MM-DD (also DD/MM/YYYY, day first)' };
      break;
    case 'period':
      kind = {
        id: 'periode YYYY, YYYY-S1/S2, YYYY-Q1..Q4 atau YYYY-MM, kolom berformat Teks',
        en: 'period YYYY, YYYY-S1/S2, YYYY-Q1..Q4 or YYYY-MM, in a column formatted as Text',
      };
      break;
    case 'enum':
      kind = {
        id: `pilih satu: ${field.options!.map((o) => o.value).join(', ')}`,
        en: `one of: ${field.options!.map((o) => o.value).join(', ')}`,
      };
      break;
  }
  const parts = [field.required ? { id: 'wajib', en: 'required' } : { id: 'boleh kosong', en: 'may be blank' }, kind];
  if (field.references)
    parts.push({
      id: `harus ada di kolom kode_unit berkas ${field.references}.csv`,
      en: `must be in the kode_unit column of ${field.references}.csv`,
    });
  if (field.private) parts.push({ id: 'privat: diperiksa, tidak pernah diterbitkan', en: 'private: checked, never published' });
  return join(...parts);
}

export function columnsOf(input: AnyInputFile): Column[] {
  return Object.entries(input.fields).map(([name, field]) => ({
    name,
    field,
    values: field.kind === 'enum' ? field.options!.map((o) => o.value) : null,
    rule: ruleOf(field),
  }));
}

/** `unit.csv` → `unit`: the template sheet of an input file. */
export const sheetName = (input: AnyInputFile): string => input.file.replace(/\.csv$/, '');
