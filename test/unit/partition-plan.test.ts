/** The explorer's reading of DuckDB plans: which regions' files a question needs, all when in doubt. */
import { DuckDBInstance } from '@duckdb/node-api';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { tableByName } from '../../src/contract/published.ts';
import { csvReads, regionsToLoad } from '../../src/client/partition-plan.ts';
import { createPartitionedViewSql, createTableCopySql } from '../../src/queries/partitions.ts';
import { sqlList } from '../../src/queries/sql.ts';

const CODES = ['kab-002', 'kota-001', 'prov-003'];
const unit = tableByName('unit')!;
const wilayah = tableByName('wilayah')!;

let dir: string;
let regionsFor: (sql: string) => Promise<string[] | null>;
let close = () => undefined as void;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'kt-plan-'));
  for (const k of CODES) {
    await mkdir(join(dir, `kode_wilayah=${k}`), { recursive: true });
    await writeFile(
      join(dir, `kode_wilayah=${k}`, 'unit.csv'),
      `kode_wilayah,kode_unit,nama_unit,jenis_unit,induk_unit\r\n${k},U1,Satu,dinas,\r\n`,
    );
  }
  await writeFile(
    join(dir, 'wilayah.csv'),
    `kode_wilayah,nama,provinsi,tanggal_ekspor,sumber,lisensi,kontak\r\n${CODES.map((k) => `${k},N,P,2026-01-01,,CC-BY-4.0,`).join('\r\n')}\r\n`,
  );
  const db = await DuckDBInstance.create(':memory:');
  const conn = await db.connect();
  close = () => conn.closeSync();
  const at = (sql: string) => sql.replace(/'(kode_wilayah=[^']+|wilayah\.csv)'/g, (_, p: string) => `'${join(dir, p)}'`);
  await conn.run(at(createPartitionedViewSql(unit)));
  await conn.run(at(createTableCopySql(wilayah, 'wilayah.csv')));
  regionsFor = async (sql) => {
    const plan = await conn.runAndReadAll(`EXPLAIN (FORMAT json) ${sql}`);
    const values = CODES.map((c) => `(${sqlList([c])})`).join(', ');
    const kept = await regionsToLoad(csvReads(String(plan.getRows()[0][1])), async (filter) =>
      (await conn.runAndReadAll(`SELECT kode_wilayah FROM (VALUES ${values}) AS r(kode_wilayah) WHERE ${filter}`))
        .getRows()
        .map((r) => String(r[0])),
    );
    return kept === null ? null : [...kept].sort();
  };
});
afterAll(async () => {
  close();
  await rm(dir, { recursive: true, force: true });
});

describe('regions a question reads', () => {
  test.each([
    ["SELECT * FROM unit WHERE kode_wilayah = 'kota-001'", ['kota-001']],
    ["SELECT count(*) FROM unit WHERE kode_wilayah IN ('kab-002', 'prov-003')", ['kab-002', 'prov-003']],
    ["SELECT count(*) FROM unit WHERE kode_wilayah = 'kota-001' OR kode_wilayah = 'prov-003'", ['kota-001', 'prov-003']],
    ["SELECT * FROM unit JOIN wilayah USING (kode_wilayah) WHERE kode_wilayah = 'kab-002'", ['kab-002']],
    ["SELECT * FROM unit WHERE kode_wilayah LIKE 'kota%'", ['kota-001']],
    // Printed as BETWEEN 'k' AND 'kota-001' (inclusive): a wider set is still safe.
    ["SELECT * FROM unit WHERE kode_wilayah >= 'k' AND kode_wilayah < 'kota-001'", ['kab-002', 'kota-001']],
    ["SELECT * FROM unit WHERE kode_wilayah = 'tidak-ada'", []],
  ])('%s → %j', async (sql, regions) => {
    expect(await regionsFor(sql)).toEqual(regions);
  });

  test.each([
    'SELECT count(*) FROM unit',
    "SELECT * FROM unit WHERE kode_wilayah IN (SELECT 'kota-001')",
    "SELECT * FROM unit WHERE kode_wilayah = 'kota-001' OR nama_unit = 'Satu'",
  ])('%s → every region', async (sql) => {
    expect(await regionsFor(sql)).toBeNull();
  });

  test('a plan not understood reads every region', async () => {
    expect(await regionsToLoad([{ filter: "(kode_wilayah = 'a')", kept: 1 }], async () => Promise.reject(new Error('parse')))).toBeNull();
    // Fewer codes than files kept: the printed filter is not the one applied.
    expect(await regionsToLoad([{ filter: 'x', kept: 2 }], async () => ['a'])).toBeNull();
    expect(csvReads('[{"name":"SEQ_SCAN","children":[]}]')).toEqual([]);
  });

  test("the plan of DuckDB-WASM's own version (a node named 'READ_CSV ', as DuckDB 1.4 prints it)", () => {
    const plan = JSON.stringify([
      {
        name: 'PROJECTION',
        children: [
          {
            name: 'READ_CSV ',
            children: [],
            extra_info: { Function: 'READ_CSV', 'File Filters': "(kode_wilayah = 'a')", 'Scanning Files': '1/2' },
          },
        ],
      },
    ]);
    expect(csvReads(plan)).toEqual([{ filter: "(kode_wilayah = 'a')", kept: 1 }]);
  });
});
