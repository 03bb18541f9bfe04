/**
 * The number and NIP shortcuts of columns.ts, read from a slice's code units instead of a string
 * (FastRows): the two must agree (test/unit/number-shortcut.test.ts holds them to each other and
 * to parseCell).
 */
import type { CodeUnits } from '../../read/split.ts';
import { POW10 } from '../columns.ts';

/** digits(), read from code units (FastRows); NaN where that gives undefined. */
export function digitsAt(units: CodeUnits, start: number, end: number): number {
  const len = end - start;
  if (len === 0 || len > 15) return NaN;
  let n = 0;
  for (let i = start; i < end; i++) {
    const d = units[i] - 48;
    if (d < 0 || d > 9) return NaN;
    n = n * 10 + d;
  }
  return n;
}

/** decimal(), read from code units (FastRows); NaN where that gives undefined. */
export function decimalAt(units: CodeUnits, start: number, end: number, mark: number): number {
  const len = end - start;
  let dot = -1;
  let n = 0;
  for (let i = start; i < end; i++) {
    const ch = units[i];
    if (ch === mark && dot < 0 && i > start && i < end - 1) dot = i - start;
    else if (ch < 48 || ch > 57) return NaN;
    else n = n * 10 + (ch - 48);
  }
  if (len === 0) return NaN;
  if (dot < 0) return len > 15 ? NaN : n;
  return len > 16 ? NaN : n / POW10[len - 1 - dot];
}

/** The nip reader's shortcut (18 digits), read from code units. */
export function isNipAt(units: CodeUnits, start: number, end: number): boolean {
  if (end - start !== 18) return false;
  for (let i = start; i < end; i++) {
    const d = units[i] - 48;
    if (d < 0 || d > 9) return false;
  }
  return true;
}
