/** The explorer prints its answers as the pages print numbers (client/result-cells.ts); the CSV keeps raw values. */
import { expect, test } from 'vitest';
import { resultToCsv } from '../../src/client/csv.ts';
import { resultCells } from '../../src/i18n/result-cells.ts';
import { columnFormats } from '../../src/site/table-sources.ts';
import type { QueryResult } from '../../src/queries/result.ts';

const result: QueryResult = {
  columns: ['kode_wilayah', 'tahun', 'responden', 'ikm', 'nrr_waktu', 'jumlah', 'rata', 'catatan'],
  rows: [
    ['binjai', 2025, 12345, 90, 3.1, 1234, 26989.32999999998, 'x'],
    ['maulafa', 2024, null, 81.456, 2.5, 7, 0.5, null],
  ],
};

const texts = (lang: 'id' | 'en') => {
  const cell = resultCells(result, columnFormats(), lang);
  return result.rows.map((row) => row.map((v, i) => cell(v, i)));
};

test('numbers in the page’s language at the published scale; keys and text as they are; NULL empty', () => {
  expect(texts('id')).toEqual([
    ['binjai', '2025', '12.345', '90,00', '3,1000', '1.234', '26.989,33', 'x'],
    ['maulafa', '2024', '', '81,46', '2,5000', '7', '0,5', ''],
  ]);
  expect(texts('en')[0]).toEqual(['binjai', '2025', '12,345', '90.00', '3.1000', '1,234', '26,989.33', 'x']);
});

test('the CSV download keeps DuckDB’s raw values', () => {
  expect(resultToCsv(result)).toContain('26989.32999999998');
});
