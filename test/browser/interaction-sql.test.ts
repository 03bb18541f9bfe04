/**
 * The SQL and text shared by the interactive pages, without a browser: the browser's views are
 * typed exactly as the build types Parquet, compare choices survive the URL, the compare SQL
 * gives the published numbers, and — same numbers everywhere — for every region page and several
 * unit pages, the explorer's SQL on the published tables, the page's static table and the chart's
 * CSV download hold the same rows for IKM, capaian and ketepatan. (Other choices than the build's
 * are checked in the browser by filters.test.ts.)
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseHTML } from 'linkedom';
import Papa from 'papaparse';
import { describe, expect, inject, test } from 'vitest';
import { UNSUR_KEYS } from '../../src/contract/enums.ts';
import { TABLES } from '../../src/contract/published.ts';
import { readCsvSql as buildReadCsvSql } from '../../src/publish/parquet.ts';
import { resultToCsv } from '../../src/client/csv.ts';
import { csvCell } from '../../src/charts/csv-text.ts';
import { tablesNamedIn } from '../../src/client/table-names.ts';
import { choicesToSearch, compareSql, MEASURES, parseChoices, UNSUR_COLUMNS, type CompareChoices } from '../../src/queries/compare.ts';
import { readCsvSql } from '../../src/queries/published-views.ts';
import { capaianSql, NO_PROGRAMME, programmeValue } from '../../src/queries/region-charts.ts';
import { sqlString } from '../../src/queries/sql.ts';
import { runPublishedSql } from '../../src/site/run-sql.ts';
import { tableSources } from '../../src/site/table-sources.ts';

const siteDir = inject('siteDir');
const dataDir = join(siteDir, 'data');

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
    expect(result.columns).toEqual([
      'kode_wilayah',
      'wilayah',
      'kode_unit',
      'unit',
      'periode',
      'nilai',
      'bawah',
      'atas',
      'basis',
      'sampel',
    ]);
    expect(result.rows.length).toBeGreaterThan(0);
  });

  test('IKM values are the published ones, untouched', async () => {
    const result = await runPublishedSql(compareSql({ measure: 'ikm', regions: [], units: [], periods: [] }), dataDir);
    const published = await runPublishedSql(
      'SELECT kode_wilayah, kode_unit, periode, ikm, ikm_bawah, ikm_atas FROM ikm_unit WHERE ikm IS NOT NULL ORDER BY 1, 2, 3',
      dataDir,
    );
    expect(result.rows.map((r) => [r[0], r[2], r[4], r[5], r[6], r[7]])).toEqual(published.rows);
  });

  test('pooled timeliness is Σ on time / Σ completed, rounded half-up', async () => {
    const [row] = (
      await runPublishedSql(
        `SELECT kode_wilayah, kode_unit, tahun, sum(tepat_waktu), sum(selesai) FROM ketepatan_layanan GROUP BY ALL HAVING sum(selesai) > 0 ORDER BY 1, 2, 3 LIMIT 1`,
        dataDir,
      )
    ).rows;
    const [w, u, year, onTime, done] = row as [string, string, number, number, number];
    const result = await runPublishedSql(
      compareSql({ measure: 'ketepatan', regions: [w], units: [`${w}:${u}`], periods: [String(year)] }),
      dataDir,
    );
    expect(result.rows[0][5]).toBe(Math.round(((100 * onTime) / done) * 100 + 1e-9) / 100);
  });
});

test('downloads follow the published CSV rules', () => {
  expect(csvCell('=SUM(A1)')).toBe("'=SUM(A1)");
  expect(csvCell('a,"b"')).toBe('"a,""b"""');
  expect(csvCell(null)).toBe('');
  expect(resultToCsv({ columns: ['a', 'b'], rows: [[1, null]] })).toBe('a,b\r\n1,\r\n');
});

test('a programme choice reaches SQL only as a quoted literal; "no programme" is NULL', () => {
  expect(capaianSql({ kode: 'a', tahun: '2025', program: programmeValue("x' OR 1=1 --") })).toContain("c.program = 'x'' OR 1=1 --'");
  expect(capaianSql({ kode: 'a', tahun: '2025', program: programmeValue(null) })).toContain('c.program IS NULL');
  expect(programmeValue(null)).toBe(NO_PROGRAMME);
  expect(capaianSql({ kode: 'a', tahun: "2025'; DROP", program: '' })).toContain("TRY_CAST('2025''; DROP' AS BIGINT)");
});

// ——— Same numbers everywhere ———

const subdirs = (dir: string): string[] =>
  existsSync(dir)
    ? readdirSync(dir, { withFileTypes: true })
        .filter((d) => d.isDirectory())
        .map((d) => d.name)
        .sort()
    : [];
const regionCodes = subdirs(join(siteDir, 'wilayah'));

interface ShownChart {
  /** The page's table: each cell's <data value> (its CSV text), or the text shown. */
  table: string[][];
  /** The chart's CSV download, header first. */
  csv: string[][];
  /** The SQL of the chart's explorer link, for the charts that have one. */
  explorerSql?: string;
}

function withoutRegion(csv: string[][]): string[][] {
  expect(csv[0][0]).toBe('kode_wilayah');
  expect(new Set(csv.slice(1).map((r) => r[0])).size).toBeLessThanOrEqual(1);
  return csv.map((r) => r.slice(1));
}

function shownChart(path: string, id: string): ShownChart | undefined {
  const { document } = parseHTML(readFileSync(join(siteDir, path, 'index.html'), 'utf8'));
  const figure = document.getElementById(id);
  if (!figure || figure.tagName.toLowerCase() !== 'figure') return undefined;
  const table = [...figure.querySelectorAll('table tbody tr')].map((tr) =>
    [...tr.querySelectorAll('td')].map((td) => {
      const data = td.querySelector('data');
      return data ? (data.getAttribute('value') ?? '') : (td.textContent ?? '').trim();
    }),
  );
  // The CSV leads with the region's code (the same in every row), which the table leaves out.
  const csv = withoutRegion(
    Papa.parse<string[]>(readFileSync(join(siteDir, figure.getAttribute('data-csv')!), 'utf8'), { skipEmptyLines: true }).data,
  );
  const link = figure.querySelector('a.chart-sql')?.getAttribute('href');
  return { table, csv, explorerSql: link ? (new URL(link, 'http://x').searchParams.get('q') ?? undefined) : undefined };
}

/** The SQL a journalist would type in the explorer for a chart that has no link of its own. */
const EXPLORER_SQL: Record<string, (kode: string, unit?: string) => string> = {
  // The region's services, the last 12 months of ketepatan_layanan.
  ketepatan: (
    kode,
  ) => `WITH k AS (SELECT *, make_date(tahun, bulan, 1) AS bulan_ini FROM ketepatan_layanan WHERE kode_wilayah = ${sqlString(kode)})
SELECT k.kode_unit, u.nama_unit, k.kode_layanan, k.nama_layanan, k.tahun, k.bulan, k.selesai, k.tepat_waktu, k.ketepatan, k.standar_hari, k.rata_hari
FROM k LEFT JOIN unit AS u USING (kode_wilayah, kode_unit)
WHERE k.bulan_ini > (SELECT max(bulan_ini) FROM k) - INTERVAL 12 MONTH
ORDER BY k.nama_layanan, k.kode_unit, k.tahun, k.bulan`,
  // One unit's IKM, semester by semester.
  'ikm-tren': (kode, unit) => `SELECT periode, responden, ikm, ikm_bawah, ikm_atas, mutu, sampel_minimum, sampel_cukup
FROM ikm_unit
WHERE kode_wilayah = ${sqlString(kode)} AND kode_unit = ${sqlString(unit!)} AND regexp_full_match(periode, '[0-9]{4}-S[12]')
ORDER BY periode`,
  // One unit's services, its last 12 months.
  layanan: (
    kode,
    unit,
  ) => `WITH k AS (SELECT *, make_date(tahun, bulan, 1) AS bulan_ini FROM ketepatan_layanan WHERE kode_wilayah = ${sqlString(kode)} AND kode_unit = ${sqlString(unit!)})
SELECT kode_layanan, nama_layanan, tahun, bulan, permohonan, selesai, tepat_waktu, ketepatan, standar_hari, rata_hari
FROM k
WHERE bulan_ini > (SELECT max(bulan_ini) FROM k) - INTERVAL 12 MONTH
ORDER BY nama_layanan, tahun, bulan`,
};

/** A chart with units: the first unit of each region that has every unit chart checked here. */
const unitPages = regionCodes.flatMap((kode) => {
  const unit = subdirs(join(siteDir, 'wilayah', kode, 'unit')).find((u) =>
    ['ikm-tren', 'iku', 'layanan'].every((id) => existsSync(join(siteDir, 'wilayah', kode, 'unit', u, `${id}.csv`))),
  );
  return unit ? [{ kode, unit }] : [];
});

type Case = readonly [path: string, id: string, sql: (shown: ShownChart) => string | undefined];

const cases: Case[] = [
  ...regionCodes.flatMap((kode) =>
    ['', '/en'].flatMap((prefix) => [
      [`${prefix}/wilayah/${kode}/`, 'ikm', (c: ShownChart) => c.explorerSql] as const,
      [`${prefix}/wilayah/${kode}/`, 'capaian', (c: ShownChart) => c.explorerSql] as const,
      [`${prefix}/wilayah/${kode}/`, 'ketepatan', () => EXPLORER_SQL.ketepatan(kode)] as const,
    ]),
  ),
  ...unitPages.flatMap(({ kode, unit }) => [
    [`/wilayah/${kode}/unit/${unit}/`, 'ikm-tren', () => EXPLORER_SQL['ikm-tren'](kode, unit)] as const,
    [`/wilayah/${kode}/unit/${unit}/`, 'iku', (c: ShownChart) => c.explorerSql] as const,
    [`/wilayah/${kode}/unit/${unit}/`, 'layanan', () => EXPLORER_SQL.layanan(kode, unit)] as const,
  ]),
];

const sorted = (rows: string[][]) => rows.map((r) => JSON.stringify(r)).sort();

describe('same numbers everywhere: explorer SQL = static table = chart CSV', () => {
  test('covers every region and a unit of most regions', () => {
    expect(regionCodes.length).toBeGreaterThanOrEqual(5);
    expect(unitPages.length).toBeGreaterThanOrEqual(3);
    // Not every region sends every file; enough of them do for each measure the issue names.
    for (const id of ['ikm', 'capaian', 'ketepatan', 'ikm-tren', 'iku', 'layanan']) {
      expect(cases.filter(([path, c]) => c === id && shownChart(path, c)).length, id).toBeGreaterThanOrEqual(3);
    }
  });

  test.each(cases)('%s#%s', async (path, id, sqlOf) => {
    const shown = shownChart(path, id);
    // A region that did not send the file has no such chart: nothing to compare, said on the page.
    if (!shown) return;
    const sql = sqlOf(shown);
    expect(sql, `${path}#${id} has its SQL`).toBeTruthy();
    const [header, ...csv] = shown.csv;
    const result = await runPublishedSql(sql!, dataDir);
    const at = header.map((h) => result.columns.indexOf(h));
    expect(
      at.filter((i) => i < 0),
      header.join(','),
    ).toEqual([]);
    const fromSql = result.rows.map((row) => at.map((i) => (row[i] === null ? '' : String(row[i]))));
    expect(csv.length).toBeGreaterThan(0);
    // A chart drawn from its own SQL keeps that SQL's order; the others order names as the
    // language does (`Penerbitan` before `PINDAH`), which SQL's byte order does not: same rows, compared sorted.
    if (sql === shown.explorerSql) expect(csv).toEqual(fromSql);
    else expect(sorted(csv)).toEqual(sorted(fromSql));
    // The page prints names without the CSV's formula guard; every other cell is the CSV text.
    expect(shown.table).toEqual(csv.map((r) => r.map((c) => c.replace(/^'(?=[=+\-@])/, ''))));
  });
});
