/**
 * One reader per column, compiled once per file from the field and the file's dialect: raw
 * cell text (trimmed, non-blank) to the typed value, or the CellProblem that says why not.
 * It is parseCell followed by the field's constraint check, with shortcuts that give the
 * same answer sooner: digits read as numbers in place, a code, date or enum cell looked up
 * among the answers already given in this column. Every failing cell still goes the whole
 * way (cells.ts for the message, Zod to confirm the constraint).
 */
import type { Field } from '../contract/fields.ts';
import { CellProblem, parseCell } from '../read/cells.ts';
import type { Dialect } from '../read/dialect.ts';
import { compileCheck, constraintsOf } from './constraints.ts';

/** Raw cell text to the typed value, or a CellProblem. */
export type Reader = (raw: string) => unknown;

/** Distinct answers kept per column; past this a column is read cell by cell. */
export const MEMO_LIMIT = 1 << 14;

/** How a column's cells are read; FastRows (fast-rows.ts) reads each kind the same way from code units. */
export type ReaderPlan =
  /**
   * Digits inside the bounds are the value, or digits with one decimal mark (`decimalMark`: the
   * dialect's "." or ",", as a code unit; 0 for whole numbers); anything else goes the whole way.
   */
  | { kind: 'number'; decimalMark: number; simple: boolean; min: number; max: number; above: number }
  /** The text is the value. */
  | { kind: 'text' }
  /** Eighteen digits are the value; anything else goes the whole way. */
  | { kind: 'nip' }
  /** The answer depends on the text alone and repeats: remembered per distinct text. */
  | { kind: 'memo' }
  | { kind: 'general' };

export function readerPlan(field: Field, dialect: Dialect): ReaderPlan {
  const c = constraintsOf(field);
  switch (field.kind) {
    case 'integer':
    case 'number':
      return {
        kind: 'number',
        decimalMark: field.kind !== 'number' ? 0 : dialect.numbers === 'plain' ? 46 : 44,
        // The bounds of the schema, for the values that keep them; any other goes through check().
        simple: Object.keys(c).every((k) => k === 'type' || k === 'minimum' || k === 'maximum' || k === 'exclusiveMinimum'),
        min: c.minimum ?? -Infinity,
        max: c.maximum ?? Infinity,
        above: c.exclusiveMinimum ?? -Infinity,
      };
    case 'text':
      // parseCell keeps text as written; a string rule beyond "not empty" would need the check.
      return Object.keys(c).every((k) => k === 'type' || k === 'minLength') && (c.minLength ?? 0) <= 1
        ? { kind: 'text' }
        : { kind: 'general' };
    case 'nip':
      // Eighteen digits, nothing to compact: what parseNip returns, and what the pattern accepts.
      return { kind: 'nip' };
    default:
      return { kind: 'memo' };
  }
}

/** `plan`: readerPlan(field, dialect), when the caller has it already (FileRules keeps it for FastRows). */
export function compileReader(field: Field, dialect: Dialect, plan: ReaderPlan = readerPlan(field, dialect)): Reader {
  const check = compileCheck(field);
  const general: Reader = (raw) => {
    const value = parseCell(field.kind, field, raw, dialect);
    if (value instanceof CellProblem) return value;
    const bad = check(value);
    return bad ? new CellProblem('constraint-error', bad) : value;
  };
  switch (plan.kind) {
    case 'number': {
      const { decimalMark, simple, min, max, above } = plan;
      return (raw) => {
        const n = decimalMark ? decimal(raw, decimalMark) : digits(raw);
        if (n === undefined) return general(raw);
        if (simple && n >= min && n <= max && n > above) return n;
        const bad = check(n);
        return bad ? new CellProblem('constraint-error', bad) : n;
      };
    }
    case 'text':
      return (raw) => raw;
    case 'nip':
      return (raw) => (raw.length === 18 && allDigits(raw) ? raw : general(raw));
    case 'memo':
      return memo(general);
    case 'general':
      return general;
  }
}

/** Whole number written with digits only (≤ 15 of them: exact in a double), else undefined. */
function digits(raw: string): number | undefined {
  const len = raw.length;
  if (len === 0 || len > 15) return undefined;
  let n = 0;
  for (let i = 0; i < len; i++) {
    const d = raw.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return undefined;
    n = n * 10 + d;
  }
  return n;
}

function allDigits(raw: string): boolean {
  for (let i = 0; i < raw.length; i++) {
    const d = raw.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return false;
  }
  return true;
}

/** Exact powers of ten: 10^k for k ≤ 22 is a double without rounding. */
export const POW10 = Array.from({ length: 23 }, (_, k) => 10 ** k);

/**
 * `123` or `12.5` (`mark`: a "," or tab file's decimal point; a ";" file's decimal comma, `12,5`),
 * as parseNumber reads it; else undefined. With at most 15 digits the digits are an exact
 * integer, and that integer divided by the exact 10^decimals is rounded once, to the double
 * nearest the decimal: what Number() returns too (the classic fast path of decimal reading), at a
 * fraction of its cost. Signs and a ";" file's thousands dots are left to parseNumber.
 */
function decimal(raw: string, mark: number): number | undefined {
  const len = raw.length;
  let dot = -1;
  let n = 0;
  for (let i = 0; i < len; i++) {
    const ch = raw.charCodeAt(i);
    if (ch === mark && dot < 0 && i > 0 && i < len - 1) dot = i;
    else if (ch < 48 || ch > 57) return undefined;
    else n = n * 10 + (ch - 48);
  }
  if (len === 0) return undefined;
  if (dot < 0) return len > 15 ? undefined : n;
  return len > 16 ? undefined : n / POW10[len - 1 - dot];
}

/**
 * The reader's answer depends on the text alone: remember it for the column's repeated values.
 * The cell before is compared first (dates of a sorted export repeat row after row), then the
 * first few are compared in a list (an enumeration's handful), more in a Map.
 */
function memo(read: Reader): Reader {
  const texts: string[] = [];
  const answers: unknown[] = [];
  let seen: Map<string, unknown> | null = null;
  let lastText: string | undefined;
  let lastAnswer: unknown;
  const lookUp = (raw: string): unknown => {
    if (seen === null) {
      for (let i = 0; i < texts.length; i++) if (texts[i] === raw) return answers[i];
      const v = read(raw);
      if (texts.length < 8) {
        texts.push(raw);
        answers.push(v);
      } else {
        seen = new Map(texts.map((t, i) => [t, answers[i]]));
        seen.set(raw, v);
      }
      return v;
    }
    let v = seen.get(raw);
    if (v === undefined) {
      v = read(raw);
      if (seen.size < MEMO_LIMIT) seen.set(raw, v);
    }
    return v;
  };
  return (raw) => {
    if (raw !== lastText) {
      lastAnswer = lookUp(raw);
      lastText = raw;
    }
    return lastAnswer;
  };
}
