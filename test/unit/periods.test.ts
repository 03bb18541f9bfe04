/** The one module of periods (src/derive/periods.ts): how each is written, its last month, the latest month. */
import { describe, expect, it } from 'vitest';
import { dataUntil, isMonth, isSemester, isYear, latestMonth, monthOfCells, parsePeriod, periodEnd } from '../../src/derive/periods.ts';
import { formatPeriod } from '../../src/i18n/format.ts';

describe('parsePeriod', () => {
  it('reads bulan, semester, triwulan and tahun', () => {
    expect(parsePeriod('2025-07')).toEqual({ kind: 'bulan', year: 2025, month: 7 });
    expect(parsePeriod('2025-S1')).toEqual({ kind: 'semester', year: 2025, half: 1 });
    expect(parsePeriod('2025-Q3')).toEqual({ kind: 'triwulan', year: 2025, quarter: 3 });
    expect(parsePeriod('2025')).toEqual({ kind: 'tahun', year: 2025 });
  });
  it('refuses what is not a period of the contract', () => {
    for (const p of ['2025-13', '2025-00', '2025-S3', '2025-Q5', '25', '2025-7', 'kemarin', '']) expect(parsePeriod(p)).toBeNull();
    expect([isMonth('2025-07'), isSemester('2025-S2'), isYear('2025')]).toEqual([true, true, true]);
    expect([isMonth('2025-S2'), isSemester('2025'), isYear('2025-07')]).toEqual([false, false, false]);
  });
  it('is what the pages name', () => {
    expect(formatPeriod('id', '2025-S1')).toBe('Semester I 2025');
    expect(formatPeriod('en', '2025-Q3')).toBe('Q3 2025');
    expect(formatPeriod('id', '2025-08')).toBe('Agustus 2025');
    expect(formatPeriod('en', 'lain')).toBe('lain');
  });
});

describe('the last month of a period', () => {
  it('ends a semester, a quarter or a year with its last month', () => {
    expect(periodEnd('2025-S1')).toBe('2025-06');
    expect(periodEnd('2025-S2')).toBe('2025-12');
    expect(periodEnd('2025-Q1')).toBe('2025-03');
    expect(periodEnd('2025-Q3')).toBe('2025-09');
    expect(periodEnd('2025')).toBe('2025-12');
    expect(periodEnd('2025-03')).toBe('2025-03');
    expect(periodEnd('kemarin')).toBeNull();
  });
  it('is no later than the month the region exported', () => {
    expect(dataUntil('2025', '2025-10-15')).toBe('2025-10');
    expect(dataUntil('2025-Q4', '2025-11-02')).toBe('2025-11');
    expect(dataUntil('2025', '2026-01-20')).toBe('2025-12');
    expect(dataUntil('2025-S1', '2025-10-15')).toBe('2025-06');
    expect(dataUntil('2025-S1')).toBe('2025-06');
    expect(dataUntil('lain', '2025-10-15')).toBeNull();
  });
});

describe('the month of a monthly row and the latest month', () => {
  it('reads tahun + bulan (a month number) or bulan written YYYY-MM', () => {
    expect(monthOfCells('2025', '7')).toBe('2025-07');
    expect(monthOfCells(2025, 11)).toBe('2025-11');
    expect(monthOfCells(undefined, '2025-03')).toBe('2025-03');
    expect(monthOfCells('', '2025-03')).toBe('2025-03');
    expect(monthOfCells('', '3')).toBeNull();
    expect(monthOfCells(null, null)).toBeNull();
  });
  it('takes the latest month, ignoring blanks', () => {
    expect(latestMonth(['2025-06', null, '2025-11', undefined, '2024-12'])).toBe('2025-11');
    expect(latestMonth(new Set(['2025-01']))).toBe('2025-01');
    expect(latestMonth([])).toBeNull();
  });
});
