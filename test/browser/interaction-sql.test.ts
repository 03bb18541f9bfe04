/**
 * The SQL and text shared by the interactive pages, without a browser: the browser's views are
 * typed exactly as the build types Parquet, compare choices survive the URL, and the compare SQL
 * gives the published numbers.
 */
import { join } from 'node:path';
import { describe, expect, inject, test } from 'vitest';
import { UNSUR_KEYS } from '../../src/contract/enums.ts';
import { TABLES } from '../../src/contract/published.ts';
import { readCsvSql as buildReadCsvSql } from '../../src/publish/parquet.ts';
import { csvCell, resultToCsv } from '../../src/client/csv.ts';
import { formatNumber } from '../../src/client/format.ts';
import { tablesNamedIn } from '../../src/client/table-names.ts';
import { choicesToSearch, compareSql, MEASURES, parseChoices, UNSUR_COLUMNS, type CompareChoices } from '../../src/queries/compare.ts';
import { readCsvSql } from '../../src/queries/published-views.ts';
import { runPublishedSql } from '../../src/queries/run-node.ts';
import { tableSources } from '../../src/queries/table-sources.ts';

const dataDir = join(inject('siteDir'), 'data');

test('the browser reads each CSV with the types the build gives Parquet', () => {
  for (const t of TABLES) expect(readCsvSql(`${t.name}.csv`, t)).toBe(buildReadCsvSql(`${t.name}.csv`, t));
});

test('the compare module lists the nine unsur of the contract, in order', () => {
  expect([...UNSUR_COLUMNS]).toEqual([...UNSUR_KEYS]);
});

test('tables are loaded when named as whole words, all of them when none is named', () => {
  const sources = tableSources();
  const names = (sql: string) => tablesNamedIn(sql, sources).map((t) => t.name);
  expect(names('SELECT * FROM ikm_unit')).toEqual(['ikm_unit']);
  expect(names('select * from IKM_UNIT join unit using (kode_unit)')).toEqual(['unit', 'ikm_unit']);
  expect(names('SHOW TABLES')).toEqual(TABLES.map((t) => t.name));
});

describe('compare choices', () => {
  const fallback: CompareChoices = { measure: 'ikm', regions: [], units: [], periods: ['2025'] };

  test('survive the URL unchanged', () => {
    const c: CompareChoices = { measure: 'nrr_waktu', regions: ['a', "o'neil"], units: ['a:U 1'], periods: ['2024-S1', '2025'] };
    expect(parseChoices(new URLSearchParams(choicesToSearch(c)), fallback)).toEqual(c);
  });

  test('a bare URL keeps the default; an unknown measure falls back to it', () => {
    expect(parseChoices(new URLSearchParams(''), fallback)).toBe(fallback);
    expect(parseChoices(new URLSearchParams('ukuran=drop table'), fallback).measure).toBe('ikm');
  });

  test('reader text reaches SQL only as quoted literals', () => {
    const sql = compareSql({ measure: 'ikm', regions: ["x') OR 1=1 --"], units: [], periods: [] });
    expect(sql).toContain("IN ('x'') OR 1=1 --')");
  });

  test.each(MEASURES.map((m) => m.key))('%s runs on the published tables', async (measure) => {
    const result = await runPublishedSql(compareSql({ measure, regions: [], units: [], periods: [] }), dataDir);
    expect(result.columns).toEqual(['kode_wilayah', 'wilayah', 'kode_unit', 'unit', 'periode', 'nilai', 'bawah', 'atas', 'basis']);
    expect(result.rows.length).toBeGreaterThan(0);
  });

  test('IKM values are the published ones, untouched', async () => {
    const result = await runPublishedSql(compareSql({ measure: 'ikm', regions: [], units: [], periods: [] }), dataDir);
    const published = await runPublishedSql('SELECT kode_wilayah, kode_unit, periode, ikm, ikm_bawah, ikm_atas FROM ikm_unit WHERE ikm IS NOT NULL ORDER BY 1, 2, 3', dataDir);
    expect(result.rows.map((r) => [r[0], r[2], r[4], r[5], r[6], r[7]])).toEqual(published.rows);
  });

  test('pooled timeliness is Σ on time / Σ completed, rounded half-up', async () => {
    const [row] = (await runPublishedSql(`SELECT kode_wilayah, kode_unit, tahun, sum(tepat_waktu), sum(selesai) FROM ketepatan_layanan GROUP BY ALL HAVING sum(selesai) > 0 ORDER BY 1, 2, 3 LIMIT 1`, dataDir)).rows;
    const [w, u, year, onTime, done] = row as [string, string, number, number, number];
    const result = await runPublishedSql(compareSql({ measure: 'ketepatan', regions: [w], units: [`${w}:${u}`], periods: [String(year)] }), dataDir);
    expect(result.rows[0][5]).toBe(Math.round(((100 * onTime) / done) * 100 + 1e-9) / 100);
  });
});

test('numbers read the same in node and the browser: no Intl, the language’s marks', () => {
  expect(formatNumber(12345.5, 'id')).toBe('12.345,5');
  expect(formatNumber(12345.5, 'en')).toBe('12,345.5');
  expect(formatNumber(-0.25, 'id')).toBe('−0,25');
  expect(formatNumber(2025, 'id')).toBe('2.025');
});

test('downloads follow the published CSV rules', () => {
  expect(csvCell('=SUM(A1)')).toBe("'=SUM(A1)");
  expect(csvCell('a,"b"')).toBe('"a,""b"""');
  expect(csvCell(null)).toBe('');
  expect(resultToCsv({ columns: ['a', 'b'], rows: [[1, null]] })).toBe('a,b\r\n1,\r\n');
});
