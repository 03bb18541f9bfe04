/**
 * test/fixtures/valid-id/alpha is test/fixtures/valid/alpha written the way Indonesian Excel
 * saves it: UTF-8 BOM, ";" delimiter, CRLF, decimal comma and thousands dot, DD/MM/YYYY and
 * DD-MM-YYYY dates, "Kode Unit" headers, long enum labels, an NIP in its printed form with spaces,
 * and the ";;;;" lines of Excel's used range. Both must mean exactly the same thing.
 */
import { describe, expect, test } from 'vitest';
import { TABLE_NAMES } from '../../src/contract/published.ts';
import { deriveTables } from '../../src/derive/tables.ts';
import { validateExport } from '../../src/validate/export.ts';

const plain = await validateExport('test/fixtures/valid');
const excel = await validateExport('test/fixtures/valid-id');

test('both validate with no error and no warning', () => {
  expect(plain.errors).toEqual([]);
  expect(plain.warnings).toEqual([]);
  expect(excel.errors).toEqual([]);
  expect(excel.warnings).toEqual([]);
  expect(excel.ok).toBe(true);
});

test('every file of the twin was read as ";" and every row used', () => {
  const files = excel.regions[0].files;
  expect(files.filter((f) => f.present).map((f) => f.delimiter)).toEqual(Array(8).fill(';'));
  for (const f of files) expect(f.used, f.file).toBe(f.rows);
  expect(files.map((f) => [f.file, f.used])).toEqual(plain.regions[0].files.map((f) => [f.file, f.used]));
});

test('the same private values are known to the privacy gate (the printed NIP also in its compact form)', () => {
  for (const v of plain.privateValues) expect(excel.privateValues, v).toContain(v);
});

describe.each(TABLE_NAMES)('derived table %s', (name) => {
  test('has identical rows from both exports', () => {
    const a = [...deriveTables(plain.regions, { threshold: 10 })[name]()];
    const b = [...deriveTables(excel.regions, { threshold: 10 })[name]()];
    expect(a.length).toBeGreaterThan(0);
    expect(b).toEqual(a);
  });
});
