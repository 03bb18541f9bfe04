/** Region files of the published tables: the whole table's bytes, split, and a manifest that says so. */
import { createHash } from 'node:crypto';
import { copyFile, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { tableByName } from '../../src/contract/published.ts';
import { publishPartitions, type TableStretches } from '../../src/publish/partitions.ts';
import { createPartitionedViewSql, PARTITION_MANIFEST, type PartitionManifest } from '../../src/queries/partitions.ts';

const unit = tableByName('unit')!;
const wilayah = tableByName('wilayah')!;
const HEADER = 'kode_wilayah,kode_unit,nama_unit,jenis_unit,induk_unit\r\n';
// Regions not in order, a quoted cell holding a line end and a quote, and a region met twice.
const ROWS = [
  'kota-b,U1,Dinas Satu,dinas,\r\n',
  'kab-a,U1,"Kantor ""Dua""\r\nbaris dua",badan,\r\n',
  'kab-a,U2,Puskesmas,puskesmas,U1\r\n',
  'kota-b,U2,Kecamatan,kecamatan,\r\n',
];

let dir: string;
let manifest: PartitionManifest;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'kt-partitions-'));
  await writeFile(join(dir, 'unit.csv'), HEADER + ROWS.join(''));
  await writeFile(join(dir, 'wilayah.csv'), 'kode_wilayah,nama\r\nkab-a,A\r\n');
  manifest = await publishPartitions(dir, [
    { table: unit, csvPath: join(dir, 'unit.csv') },
    { table: wilayah, csvPath: join(dir, 'wilayah.csv') },
  ]);
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('publishPartitions', () => {
  test("each region's file is the header and exactly its rows, in the whole table's order", async () => {
    expect(await readFile(join(dir, 'wilayah/kab-a/unit.csv'), 'utf8')).toBe(HEADER + ROWS[1] + ROWS[2]);
    expect(await readFile(join(dir, 'wilayah/kota-b/unit.csv'), 'utf8')).toBe(HEADER + ROWS[0] + ROWS[3]);
  });

  test('the manifest lists files, rows, bytes and hashes; national summaries stay whole', async () => {
    expect(JSON.parse(await readFile(join(dir, PARTITION_MANIFEST), 'utf8'))).toEqual(manifest);
    expect(Object.keys(manifest.tabel)).toEqual(['unit']);
    expect(manifest.tabel.unit.map((f) => [f.kode_wilayah, f.path, f.rows])).toEqual([
      ['kab-a', 'wilayah/kab-a/unit.csv', 2],
      ['kota-b', 'wilayah/kota-b/unit.csv', 2],
    ]);
    for (const f of manifest.tabel.unit) {
      const bytes = await readFile(join(dir, f.path));
      expect(f.bytes).toBe(bytes.length);
      expect(f.sha256).toBe(createHash('sha256').update(bytes).digest('hex'));
    }
  });

  test('where each region’s rows lie in the whole table: a stretch after the header, none for a region whose rows are apart', async () => {
    const stretches: TableStretches = new Map();
    await publishPartitions(
      dir,
      [
        { table: wilayah, csvPath: join(dir, 'wilayah.csv') },
        { table: unit, csvPath: join(dir, 'unit.csv') },
      ],
      undefined,
      stretches,
    );
    const whole = await readFile(join(dir, 'wilayah.csv'));
    const header = Buffer.byteLength('kode_wilayah,nama\r\n');
    expect(stretches.get('wilayah')).toEqual(
      new Map([['kab-a', { at: header, bytes: whole.length - header, rows: 1, sha256: createHash('sha256').update(whole).digest('hex') }]]),
    );
    // kab-a's two rows lie together (the quoted line end inside one of them is no record's end); kota-b's first and last apart.
    const at = Buffer.byteLength(HEADER + ROWS[0]);
    expect(stretches.get('unit')).toEqual(
      new Map<string, unknown>([
        ['kab-a', { at, bytes: Buffer.byteLength(ROWS[1] + ROWS[2]), rows: 2, sha256: manifest.tabel.unit[0].sha256 }],
        ['kota-b', 'apart'],
      ]),
    );
  });

  test('a table read in many chunks: lines and quoted line ends across their edges, each region’s rows and stretch as in one piece', async () => {
    const big = await mkdtemp(join(tmpdir(), 'kt-partitions-big-'));
    try {
      // About 400 KB: seven 64 KiB chunks, whose edges fall inside rows, codes and quoted cells.
      const row = (kode: string, i: number) =>
        i % 7 === 0
          ? `${kode},U${i},"Kantor ""${i}""\r\nbaris ${'x'.repeat(i % 50)}",dinas,\r\n`
          : `${kode},U${i},Dinas ${'y'.repeat(i % 90)},dinas,U1\r\n`;
      const regions: [string, number][] = [
        ['kab-a', 2500],
        ['kab-b', 1],
        ['kota-c', 3000],
        ['kab-a', 3],
      ];
      const rows = regions.map(([kode, n], r) => Array.from({ length: n }, (_, i) => row(kode, i + r * 10_000)).join(''));
      await writeFile(join(big, 'unit.csv'), HEADER + rows.join(''));
      expect(Buffer.byteLength(HEADER + rows.join(''))).toBeGreaterThan(6 * 65_536);
      const stretches: TableStretches = new Map();
      const m = await publishPartitions(big, [{ table: unit, csvPath: join(big, 'unit.csv') }], undefined, stretches);
      expect(await readFile(join(big, 'wilayah/kab-a/unit.csv'), 'utf8')).toBe(HEADER + rows[0] + rows[3]);
      expect(await readFile(join(big, 'wilayah/kab-b/unit.csv'), 'utf8')).toBe(HEADER + rows[1]);
      expect(await readFile(join(big, 'wilayah/kota-c/unit.csv'), 'utf8')).toBe(HEADER + rows[2]);
      expect(m.tabel.unit.map((f) => [f.kode_wilayah, f.rows])).toEqual([
        ['kab-a', 2503],
        ['kab-b', 1],
        ['kota-c', 3000],
      ]);
      const at = (i: number) => Buffer.byteLength(HEADER + rows.slice(0, i).join(''));
      expect(stretches.get('unit')).toEqual(
        new Map<string, unknown>([
          ['kab-a', 'apart'],
          ['kab-b', { at: at(1), bytes: Buffer.byteLength(rows[1]), rows: 1, sha256: m.tabel.unit[1].sha256 }],
          ['kota-c', { at: at(2), bytes: Buffer.byteLength(rows[2]), rows: 3000, sha256: m.tabel.unit[2].sha256 }],
        ]),
      );
    } finally {
      await rm(big, { recursive: true, force: true });
    }
  });

  test('DuckDB reads the same rows through the partitioned view, and a filter on kode_wilayah skips the other files', async () => {
    const db = await DuckDBInstance.create(':memory:');
    const conn = await db.connect();
    const view = createPartitionedViewSql(unit).replace(/'kode_wilayah=([^/']+)\//g, `'${dir}/kode_wilayah=$1/`);
    // Hive names on disk, as the browser registers them.
    for (const k of ['kab-a', 'kota-b']) {
      await mkdir(join(dir, `kode_wilayah=${k}`), { recursive: true });
      await copyFile(join(dir, 'wilayah', k, 'unit.csv'), join(dir, `kode_wilayah=${k}`, 'unit.csv'));
    }
    await conn.run(view);
    const all = (
      await conn.runAndReadAll('SELECT kode_wilayah, kode_unit, nama_unit FROM unit ORDER BY kode_wilayah, kode_unit')
    ).getRows();
    expect(all).toEqual([
      ['kab-a', 'U1', 'Kantor "Dua"\r\nbaris dua'],
      ['kab-a', 'U2', 'Puskesmas'],
      ['kota-b', 'U1', 'Dinas Satu'],
      ['kota-b', 'U2', 'Kecamatan'],
    ]);
    // A broken file for kota-b: a question about kab-a must not open it.
    await writeFile(join(dir, 'kode_wilayah=kota-b', 'unit.csv'), HEADER + 'kota-b,"unterminated\r\n');
    expect((await conn.runAndReadAll("SELECT count(*)::INT FROM unit WHERE kode_wilayah = 'kab-a'")).getRows()).toEqual([[2]]);
    conn.closeSync();
  });
});
