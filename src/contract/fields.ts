/**
 * Field builders: the one place where a column of the export contract is described.
 *
 * A field carries a Zod schema of its *typed* value (the single source of truth for
 * constraints and for the TypeScript type), how its raw text is read (`kind`), whether it
 * is private, and a bilingual description. From these the validator, the record types,
 * the Table Schema in datapackage.json and the data dictionary page are all generated.
 */
import { z } from 'zod';

export interface Bilingual {
  id: string;
  en: string;
}

/** How raw cell text becomes a typed value (see src/read/cells.ts). */
export type FieldKind = 'code' | 'text' | 'enum' | 'integer' | 'number' | 'date' | 'nip' | 'period';

export interface EnumOption {
  value: string;
  /** Long labels accepted on input and shown on pages. */
  label: Bilingual;
}

export interface Field<T = unknown, Req extends boolean = boolean> {
  kind: FieldKind;
  required: Req;
  /** Never published, never echoed in reports (contract §5). */
  private: boolean;
  description: Bilingual;
  schema: z.ZodType<T>;
  options?: readonly EnumOption[];
  /** Name of the table this column must reference (foreign key). */
  references?: 'unit';
  /** An integer's bounds, when it has both: the validator stores such a column in 32 bits when they allow (rows.ts). */
  range?: readonly [number, number];
}

type Desc = Bilingual;

type Extra<T> = Partial<Omit<Field<T>, 'required'>>;

function field<T>(kind: FieldKind, schema: z.ZodType<T>, description: Desc, extra: Extra<T> = {}): Field<T, true> {
  return { kind, required: true, private: false, description, schema, ...extra };
}

/** Marks a field optional: a blank cell is allowed and becomes `undefined`. */
export function optional<T>(f: Field<T, true>): Field<T, false> {
  return { ...f, required: false };
}

/** Marks a field private: its values never reach dist/ nor a report. */
export function privat<T, R extends boolean>(f: Field<T, R>): Field<T, R> {
  return { ...f, private: true };
}

/**
 * Contract 1.1: a code starts with a letter or digit, so never `.`, `..` or a hidden name; codes
 * become folder names of the site (`/wilayah/<kode>/unit/<kode_unit>/`).
 */
export const CODE_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._-]{0,39}$/;

export const code = (d: Desc, extra: Extra<string> = {}) =>
  field(
    'code',
    z.string().regex(CODE_PATTERN, 'kode diawali huruf atau angka, lalu huruf, angka, titik, garis bawah dan tanda hubung (1–40 karakter)'),
    d,
    extra,
  );

export const text = (d: Desc) => field('text', z.string().min(1), d);

export const nip = (d: Desc) => field('nip', z.string().regex(/^\d{18}$/, 'NIP harus 18 digit'), d);

export const integer = (d: Desc, min?: number, max?: number) => {
  let s = z.number().int();
  if (min !== undefined) s = s.min(min);
  if (max !== undefined) s = s.max(max);
  return field('integer', s, d, min !== undefined && max !== undefined ? { range: [min, max] } : {});
};

export const number = (d: Desc, opts: { min?: number; gt?: number; max?: number } = {}) => {
  let s = z.number();
  if (opts.min !== undefined) s = s.min(opts.min);
  if (opts.gt !== undefined) s = s.gt(opts.gt);
  if (opts.max !== undefined) s = s.max(opts.max);
  return field('number', s, d);
};

/** A date, kept as ISO `YYYY-MM-DD` text so that it sorts and prints without time zones. */
export const date = (d: Desc) => field('date', z.iso.date(), d);

export const PERIOD_PATTERN = /^\d{4}(-S[12]|-Q[1-4]|-(0[1-9]|1[0-2]))?$/;
export const period = (d: Desc) =>
  field('period', z.string().regex(PERIOD_PATTERN, 'periode: YYYY, YYYY-S1/S2, YYYY-Q1..Q4 atau YYYY-MM'), d);

export function enumeration<const V extends readonly [EnumOption, ...EnumOption[]]>(options: V, d: Desc) {
  const values = options.map((o) => o.value) as unknown as [V[number]['value'], ...V[number]['value'][]];
  return field('enum', z.enum(values), d, { options });
}

/** Shorthand for enum options: `opt('di_atas', 'Di Atas Ekspektasi', 'Above expectations')`. */
export const opt = <const T extends string>(value: T, id: string, en: string) => ({ value, label: { id, en } }) as const;

/** The typed record of an input file, inferred from its fields. */
export type RecordOf<F extends Record<string, Field>> = {
  [K in keyof F as F[K] extends Field<unknown, true> ? K : never]: F[K] extends Field<infer T, true> ? T : never;
} & {
  [K in keyof F as F[K] extends Field<unknown, true> ? never : K]?: F[K] extends Field<infer T, boolean> ? T : never;
};
