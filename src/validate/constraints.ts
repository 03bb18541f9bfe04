/**
 * Constraint checks compiled from each field's Zod schema. The compiled predicate is the
 * fast path run on every cell; Zod itself confirms a failure, so the schema stays the one
 * source of truth and the two cannot drift apart unnoticed.
 */
import { z } from 'zod';
import { CODE_PATTERN, type Bilingual, type Field } from '../contract/fields.ts';

export interface Constraints {
  type?: string;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  pattern?: string;
  minLength?: number;
  enum?: string[];
  format?: string;
}

const cache = new WeakMap<z.ZodType, Constraints>();

/** The JSON Schema view of a field's constraints. */
export function constraintsOf(f: Field): Constraints {
  let c = cache.get(f.schema);
  if (!c) {
    const { $schema: _ignored, ...rest } = z.toJSONSchema(f.schema) as Constraints & { $schema?: string };
    c = rest;
    cache.set(f.schema, c);
  }
  return c;
}

export type Check = (value: unknown) => Bilingual | null;

export function compileCheck(f: Field): Check {
  const c = constraintsOf(f);
  const re = c.pattern ? new RegExp(c.pattern) : null;
  const fast = (v: unknown): boolean => {
    if (typeof v === 'number') {
      if (c.type === 'integer' && !Number.isInteger(v)) return false;
      if (c.minimum !== undefined && v < c.minimum) return false;
      if (c.maximum !== undefined && v > c.maximum) return false;
      if (c.exclusiveMinimum !== undefined && v <= c.exclusiveMinimum) return false;
      return true;
    }
    if (typeof v === 'string') {
      if (re && !re.test(v)) return false;
      if (c.enum && !c.enum.includes(v)) return false;
      return true;
    }
    return false;
  };
  return (v) => {
    if (fast(v) || f.schema.safeParse(v).success) return null;
    return describe(c, v);
  };
}

function describe(c: Constraints, v: unknown): Bilingual {
  if (typeof v === 'number') {
    if (c.minimum !== undefined && v < c.minimum)
      return { id: `nilai ${v} di bawah batas minimum ${c.minimum}.`, en: `value ${v} is below the minimum ${c.minimum}.` };
    if (c.maximum !== undefined && v > c.maximum)
      return { id: `nilai ${v} di atas batas maksimum ${c.maximum}.`, en: `value ${v} is above the maximum ${c.maximum}.` };
    if (c.exclusiveMinimum !== undefined)
      return { id: `nilai harus lebih besar dari ${c.exclusiveMinimum}.`, en: `value must be greater than ${c.exclusiveMinimum}.` };
  }
  if (c.pattern === CODE_PATTERN.source) {
    return {
      id: 'kode diawali huruf atau angka, lalu hanya huruf, angka, titik, garis bawah dan tanda hubung, 1–40 karakter, tanpa spasi (bukan "." atau "..").',
      en: 'a code starts with a letter or digit, then holds only letters, digits, dot, underscore and hyphen, 1–40 characters, no spaces (never "." or "..").',
    };
  }
  return { id: `nilai tidak memenuhi aturan kolom (${JSON.stringify(c)}).`, en: `value breaks the column's rule (${JSON.stringify(c)}).` };
}
