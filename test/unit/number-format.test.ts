/**
 * The one number format (src/i18n/format.ts) that pages, chart tables, the explorer's cells, the
 * compare page and the checker all print with: each case a reader can meet, in both languages.
 */
import { describe, expect, test } from 'vitest';
import { formatBytes, formatNumber } from '../../src/i18n/format.ts';

describe('formatNumber', () => {
  test('thousands and decimal marks: Indonesian 1.234,5, English 1,234.5', () => {
    expect(formatNumber('id', 12345.5)).toBe('12.345,5');
    expect(formatNumber('en', 12345.5)).toBe('12,345.5');
    expect(formatNumber('id', 1234567)).toBe('1.234.567');
    expect(formatNumber('en', 1234567)).toBe('1,234,567');
    // A year printed as a quantity is grouped; keys (tahun) are printed raw by their callers.
    expect(formatNumber('id', 2025)).toBe('2.025');
  });

  test('negative numbers carry a hyphen-minus; a value that rounds to zero is 0, never -0', () => {
    expect(formatNumber('id', -0.25)).toBe('-0,25');
    expect(formatNumber('en', -1234.567)).toBe('-1,234.57');
    expect(formatNumber('id', -0.001)).toBe('0');
    expect(formatNumber('en', -0.004, 'fixed2')).toBe('0.00');
  });

  test('plain rounds half away from zero to at most 2 decimals, on the decimal digits (not binary)', () => {
    expect(formatNumber('id', 26989.32999999998)).toBe('26.989,33');
    expect(formatNumber('en', 1.005)).toBe('1.01');
    expect(formatNumber('en', 2.675)).toBe('2.68');
    expect(formatNumber('id', 83.5)).toBe('83,5');
    expect(formatNumber('id', 3)).toBe('3');
  });

  test('a published column prints its own decimals: fixed2, nrr, count', () => {
    expect(formatNumber('id', 83.5, 'fixed2')).toBe('83,50');
    expect(formatNumber('en', 83.456, 'fixed2')).toBe('83.46');
    expect(formatNumber('id', 3.25, 'nrr')).toBe('3,2500');
    expect(formatNumber('en', 3.06444, 'nrr')).toBe('3.0644');
    expect(formatNumber('id', 1234.5, 'count')).toBe('1.235');
    expect(formatNumber('en', 999.4, 'count')).toBe('999');
  });
});

describe('formatBytes', () => {
  test('bytes, KB and MB of 1024, with the language’s marks', () => {
    expect(formatBytes('id', 0)).toBe('0 B');
    expect(formatBytes('en', 1023)).toBe('1,023 B');
    expect(formatBytes('id', 1024)).toBe('1 KB');
    expect(formatBytes('id', 12_650)).toBe('12,35 KB');
    expect(formatBytes('en', 12_650)).toBe('12.35 KB');
    expect(formatBytes('en', 5 * 1024 * 1024 + 1024 * 1024 * 0.1)).toBe('5.1 MB');
    expect(formatBytes('id', 34_000_000)).toBe('32,42 MB');
  });
});

describe('the compare page prints its numbers as the pages do', () => {
  test('IKM with its 2 published decimals, NRR with 4, the basis a count', async () => {
    const { comparisonTableHtml } = await import('../../src/charts/comparison-view.ts');
    const { COMPARE_COLUMNS, measureByKey } = await import('../../src/queries/compare.ts');
    const result = {
      columns: [...COMPARE_COLUMNS],
      rows: [['jakarta', 'DKI Jakarta', 'U1', 'Unit Satu', '2025', 90.2, 89.7, 90.67, 1234, 'ya']],
    };
    const cells = (html: string) => [...html.matchAll(/<td[^>]*>([^<]*)<\/td>/g)].map((m) => m[1]);
    expect(cells(comparisonTableHtml(result, measureByKey('ikm')!, 'id', 'IKM'))).toEqual([
      'Unit Satu',
      '2025',
      '90,20',
      'DKI Jakarta',
      '89,70',
      '90,67',
      '1.234',
      expect.any(String),
    ]);
    const nrr = { ...result, rows: [['jakarta', 'DKI Jakarta', 'U1', 'Unit Satu', '2025', 3.25, null, null, 1234, 'ya']] };
    // Key columns first (unit, period, value), then region and basis (no interval for an NRR).
    expect(cells(comparisonTableHtml(nrr, measureByKey('nrr_prosedur')!, 'en', 'NRR')).slice(0, 5)).toEqual([
      'Unit Satu',
      '2025',
      '3.2500',
      'DKI Jakarta',
      '1,234',
    ]);
  });
});
