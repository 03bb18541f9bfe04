/**
 * Pages read a split table one region's file at a time, with a bounded cache (issue #13): the
 * rows are those of the whole table, and memory does not grow with the number of regions.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { tableByName } from '../../src/contract/published.ts';
import { publishPartitions } from '../../src/publish/partitions.ts';
import { REGION_FILES_KEPT, readTable, regionFilesKept } from '../../src/site/published.ts';
import { rowsOf } from '../../src/site/model.ts';
import { memoizeRecent } from '../../src/site/memo.ts';
import { rawCell } from '../../src/charts/row.ts';

const HEADER = 'kode_wilayah,kode_unit,nama_unit,jenis_unit,induk_unit\r\n';
const REGIONS = Array.from({ length: REGION_FILES_KEPT + 12 }, (_, i) => `kab-${String(i).padStart(3, '0')}`);
// Every region two units; one name quoted across a line end, one guarded against formulas.
const ROWS = REGIONS.flatMap((kode, i) => [
  `${kode},U1,"Dinas ""${i}""\r\nbaris dua",dinas,\r\n`,
  `${kode},U2,'=Puskesmas ${i},puskesmas,U1\r\n`,
]);

let dir: string;
const before = process.env.KT_PUBLISHED_DIR;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'kt-region-rows-'));
  await writeFile(join(dir, 'unit.csv'), HEADER + ROWS.join(''));
  await writeFile(join(dir, 'wilayah.csv'), 'kode_wilayah,nama\r\nkab-000,A\r\n');
  await publishPartitions(dir, [
    { table: tableByName('unit')!, csvPath: join(dir, 'unit.csv') },
    { table: tableByName('wilayah')!, csvPath: join(dir, 'wilayah.csv') },
  ]);
  process.env.KT_PUBLISHED_DIR = dir;
});
afterAll(async () => {
  if (before === undefined) delete process.env.KT_PUBLISHED_DIR;
  else process.env.KT_PUBLISHED_DIR = before;
  await rm(dir, { recursive: true, force: true });
});

const plain = (rows: object[]) => rows.map((r) => ({ ...r }));

describe("a region's rows of a split table", () => {
  test('are the whole table’s rows of that region: values, raw text and order', () => {
    const whole = readTable('unit');
    for (const kode of REGIONS.slice(0, 3)) {
      const rows = rowsOf('unit', kode);
      const expected = whole.filter((r) => r.kode_wilayah === kode);
      expect(plain(rows)).toEqual(plain(expected));
      expect(rows.map((r) => rawCell(r, 'nama_unit'))).toEqual(expected.map((r) => rawCell(r, 'nama_unit')));
      expect(plain(rowsOf('unit', kode, 'U2'))).toEqual(plain(expected.filter((r) => r.kode_unit === 'U2')));
    }
    expect(rowsOf('unit', 'kab-000')[0].nama_unit).toBe('Dinas "0"\r\nbaris dua');
    expect(rowsOf('unit', 'kab-000')[1].nama_unit).toBe('=Puskesmas 0');
  });

  test('a region without rows has none; a table kept whole is read whole', () => {
    expect(rowsOf('unit', 'kab-999')).toEqual([]);
    expect(rowsOf('wilayah', 'kab-000').map((r) => r.nama)).toEqual(['A']);
  });

  test('only the regions read last stay parsed', () => {
    for (const kode of REGIONS) expect(rowsOf('unit', kode)).toHaveLength(2);
    expect(regionFilesKept()).toBe(REGION_FILES_KEPT);
    // The most recent are kept: reading the last region again parses nothing new.
    const last = rowsOf('unit', REGIONS.at(-1)!);
    expect(rowsOf('unit', REGIONS.at(-1)!)[0]).toBe(last[0]);
  });
});

describe('memoizeRecent', () => {
  test('keeps the results of the last arguments only', () => {
    let built = 0;
    const f = memoizeRecent((a: string, n: number) => ({ a, n, built: ++built }), 2);
    const x = f('x', 1);
    expect(f('x', 1)).toBe(x);
    f('y', 1);
    f('x', 1); // x is now the most recent: z evicts y
    f('z', 1);
    expect(f.kept()).toBe(2);
    expect(f('x', 1)).toBe(x);
    expect(built).toBe(3);
    f('y', 1);
    expect(built).toBe(4);
    expect(f.kept()).toBe(2);
  });
});
