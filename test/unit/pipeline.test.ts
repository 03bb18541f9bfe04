/**
 * src/pipeline.ts end to end on the fixtures, without the Astro pages: validate → derive →
 * publish → privacy gate → atomic swap. Golden values are the contract's, computed by hand.
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { cp, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join, relative } from 'node:path';
import Papa from 'papaparse';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { ConfigError } from '../../src/config.ts';
import { TABLES } from '../../src/contract/published.ts';
import { PREDIKAT } from '../../src/contract/enums.ts';
import { feasibleAcrossReleases } from '../support/disclosure.ts';
import { movesJournal } from '../../src/build/incremental.ts';
import { build, cleanLeftovers, EARLY_LOOKUPS_ROWS, GATE_BESIDE_ROWS, gateBesidePages, besideOneRenderer } from '../../src/pipeline.ts';
import { withDuckDb } from '../../src/publish/parquet.ts';
import { NIP_LIKE } from '../../src/publish/privacy-gate.ts';
import { validateExport } from '../../src/validate/export.ts';
import { deriveTables } from '../../src/derive/tables.ts';

const ENV = { SOURCE_DATE_EPOCH: '1767225600' }; // 2026-01-01T00:00:00Z: the build date is pinned
let root: string;
let out: string;
let data: string;

const run = (dataDir: string, outDir: string, env: NodeJS.ProcessEnv = ENV) => build({ dataDir, outDir, pages: false, log: () => {}, env });

async function files(dir: string): Promise<string[]> {
  const outList: string[] = [];
  for (const e of await readdir(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory()) outList.push(...(await files(p)));
    else outList.push(p);
  }
  return outList.sort();
}

async function hashTree(dir: string): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const f of await files(dir))
    out[relative(dir, f)] = createHash('sha256')
      .update(await readFile(f))
      .digest('hex');
  return out;
}

const csv = (name: string) => readFile(join(data, `${name}.csv`), 'utf8');
const lines = (...l: string[]) => l.map((x) => `${x}\r\n`).join('');

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'kt-build-'));
  out = join(root, 'dist');
  data = join(out, 'data');
  const result = await run('test/fixtures/valid', out);
  expect(result.message).toContain('✓');
  expect(result.ok).toBe(true);
});
afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

describe('a successful build of test/fixtures/valid', () => {
  test('every published table exists as CSV and Parquet with the same number of rows', async () => {
    const pkg = JSON.parse(await readFile(join(data, 'datapackage.json'), 'utf8')) as { resources: { path: string; rows: number }[] };
    await withDuckDb(async (sql) => {
      for (const t of TABLES) {
        const text = await csv(t.name);
        const rows = Papa.parse<string[]>(text, { skipEmptyLines: true }).data;
        expect(rows[0], t.name).toEqual(t.columns.map((c) => c.name));
        const [[count]] = (await sql(`SELECT count(*) FROM read_parquet('${join(data, `${t.name}.parquet`)}')`)) as [[bigint]];
        expect(Number(count), t.name).toBe(rows.length - 1);
        const cols = (await sql(`SELECT column_name FROM (DESCRIBE SELECT * FROM read_parquet('${join(data, `${t.name}.parquet`)}'))`)).map(
          (r) => r[0],
        );
        expect(cols, t.name).toEqual(t.columns.map((c) => c.name));
        expect(pkg.resources.find((r) => r.path === `${t.name}.csv`)?.rows, t.name).toBe(rows.length - 1);
        expect(pkg.resources.find((r) => r.path === `${t.name}.parquet`)?.rows, t.name).toBe(rows.length - 1);
      }
    });
  });

  test("the build's DuckDB holds at most 512 MB, spilling to a temporary folder it removes after", async () => {
    let spill = '';
    await withDuckDb(async (sql) => {
      const [[limit, temp]] = (await sql(`SELECT current_setting('memory_limit'), current_setting('temp_directory')`)) as [
        [string, string],
      ];
      expect(limit).toMatch(/^[0-9.]+ MiB$/);
      expect(parseFloat(limit)).toBeLessThanOrEqual(512);
      spill = temp;
      expect(spill).toContain('kt-duckdb-');
      expect(existsSync(spill)).toBe(true);
    });
    expect(existsSync(spill)).toBe(false);
  });

  test("the release records the monthly tables' last month (the fixture's services run to July 2025)", async () => {
    const { version } = JSON.parse(await readFile(join(data, 'datapackage.json'), 'utf8')) as { version: string };
    const meta = JSON.parse(await readFile(join(data, 'rilis', version, 'rilis.json'), 'utf8')) as { data_hingga: string | null };
    expect(meta.data_hingga).toBe('2025-07');
  });

  test('Parquet holds the same values, typed: hidden counts are NULL, not 0', async () => {
    await withDuckDb(async (sql) => {
      const rows = await sql(
        `SELECT kode_unit, pegawai, sangat_baik, baik, kurang, disembunyikan FROM read_parquet('${join(data, 'predikat_unit.parquet')}') ORDER BY kode_unit`,
      );
      expect(rows).toEqual([
        ['U01', 12n, 3n, 7n, null, 'sel_kecil'],
        ['U02', null, null, null, null, 'pembeda'],
        ['U03', null, null, null, null, 'kelompok_kecil'],
      ]);
      const [[ikm]] = await sql(`SELECT ikm FROM read_parquet('${join(data, 'ikm_unit.parquet')}') WHERE periode = '2025'`);
      expect(ikm).toBe(91.48);
    });
  });

  test('datapackage.json: bytes and sha256 of every file, release and build date, licence, sources, bilingual schema', async () => {
    const pkg = JSON.parse(await readFile(join(data, 'datapackage.json'), 'utf8')) as {
      version: string;
      created: string;
      licenses: { name: string }[];
      sources: { kode_wilayah: string; tanggal_ekspor: string }[];
      resources: {
        path: string;
        format: string;
        bytes: number;
        hash: string;
        schema: { fields: { name: string; type: string; description_id: string; description_en: string }[] };
      }[];
    };
    // version: the release (newest export date + hash of the inputs); created: the build date
    expect(pkg.version).toMatch(/^2026-01-15-[0-9a-f]{8}$/);
    expect(pkg.created).toBe('2026-01-01T00:00:00Z');
    expect(pkg.licenses).toEqual([expect.objectContaining({ name: 'CC-BY-4.0' })]);
    expect(pkg.sources).toEqual([expect.objectContaining({ kode_wilayah: 'alpha', tanggal_ekspor: '2026-01-15' })]);
    expect(pkg.resources.map((r) => r.path).sort()).toEqual(TABLES.flatMap((t) => [`${t.name}.csv`, `${t.name}.parquet`]).sort());
    for (const r of pkg.resources) {
      const bytes = await readFile(join(data, r.path));
      expect(r.bytes, r.path).toBe(bytes.length);
      expect(r.hash, r.path).toBe(`sha256:${createHash('sha256').update(bytes).digest('hex')}`);
      for (const f of r.schema.fields) {
        expect(f.description_id.length, `${r.path} ${f.name}`).toBeGreaterThan(0);
        expect(f.description_en.length, `${r.path} ${f.name}`).toBeGreaterThan(0);
      }
    }
  });

  test('no NIP-like number and no private value of the fixture anywhere in the output', async () => {
    const { privateValues } = await validateExport('test/fixtures/valid');
    const secrets = [
      ...privateValues,
      // named explicitly too, so that the test does not only trust the validator's collection
      '198601012010011001',
      'Pegawai Uji 001',
      'RSP-0001',
      'ADU-001',
      'Pelayanan cukup baik sekali',
      'Antrian lama sekali di loket',
    ];
    expect(privateValues.size).toBeGreaterThanOrEqual(27 * 2 + 29 + 4 + 2);
    const all = await files(out);
    expect(all.length).toBeGreaterThan(20);
    for (const f of all) {
      const bytes = await readFile(f);
      expect(NIP_LIKE.test(bytes.toString('latin1')), f).toBe(false);
      for (const s of secrets) expect(bytes.includes(s), `${s} in ${f}`).toBe(false);
    }
  });

  test('same input, same bytes: a second build is identical, Parquet included', async () => {
    const again = join(root, 'again');
    expect((await run('test/fixtures/valid', again)).ok).toBe(true);
    expect(await hashTree(again)).toEqual(await hashTree(out));
  });
});

describe('golden values of the published CSVs', () => {
  test("ikm_unit: the contract's worked example, per year and semester", async () => {
    // NRR = unsur total / 29; IKM 23875/261 = 91.475 → 91.48, A / Sangat Baik; interval 88.17–94.78
    // (see ikm.test.ts). sampel_minimum from layanan.csv permohonan: 2025 = 60 + 40 + 20 = 120 → 92;
    // 2025-S1 = 60 + 40 = 100 → 80. 29 respondents fall short of both.
    expect(await csv('ikm_unit')).toBe(
      lines(
        'kode_wilayah,kode_unit,periode,responden,nrr_persyaratan,nrr_prosedur,nrr_waktu,nrr_biaya,nrr_produk,nrr_kompetensi,nrr_perilaku,nrr_pengaduan,nrr_sarana,ikm,ikm_bawah,ikm_atas,mutu,kinerja,sampel_minimum,sampel_cukup',
        'alpha,U01,2025,29,3.6207,3.4828,3.4483,4,3.5172,3.6207,3.6552,3.6207,3.9655,91.48,88.17,94.78,A,Sangat Baik,92,tidak',
        'alpha,U01,2025-S1,29,3.6207,3.4828,3.4483,4,3.5172,3.6207,3.6552,3.6207,3.9655,91.48,88.17,94.78,A,Sangat Baik,80,tidak',
      ),
    );
  });

  test("ikm_wilayah: the region's one surveyed unit gives the same index", async () => {
    expect(await csv('ikm_wilayah')).toBe(
      lines(
        'kode_wilayah,periode,unit,responden,nrr_persyaratan,nrr_prosedur,nrr_waktu,nrr_biaya,nrr_produk,nrr_kompetensi,nrr_perilaku,nrr_pengaduan,nrr_sarana,ikm,ikm_bawah,ikm_atas,mutu,kinerja',
        'alpha,2025,1,29,3.6207,3.4828,3.4483,4,3.5172,3.6207,3.6552,3.6207,3.9655,91.48,88.17,94.78,A,Sangat Baik',
        'alpha,2025-S1,1,29,3.6207,3.4828,3.4483,4,3.5172,3.6207,3.6552,3.6207,3.9655,91.48,88.17,94.78,A,Sangat Baik',
      ),
    );
  });

  test('predikat_unit: U01 small cells, U02 hidden against differencing, U03 below the threshold', async () => {
    // U01: 3 × (di_atas, di_atas) = sangat_baik 3; 7 × (sesuai, sesuai) = baik 7;
    //      2 × (di_bawah, sesuai) = butuh_perbaikan 2 → hidden; alone, so the next smallest
    //      (the two zeros, together) are hidden too: each hidden cell could be 0, 1 or 2. Means over 12: atasan 71..82 → 76.5,
    //      diri 81..92 → 86.5, rekan (76..84 + 75 + 76 + 77) = 948 / 12 = 79.
    // U03: 4 employees < 10 → kelompok_kecil. It is the only hidden unit of 2025-S1, so the
    //      smallest other unit, U02 (11 < 12), is hidden as pembeda.
    expect(await csv('predikat_unit')).toBe(
      lines(
        'kode_wilayah,kode_unit,periode,pegawai,sangat_baik,baik,butuh_perbaikan,kurang,sangat_kurang,rata_nilai_atasan,rata_nilai_diri,rata_nilai_rekan,disembunyikan',
        'alpha,U01,2025-S1,12,3,7,,,,76.5,86.5,79,sel_kecil',
        'alpha,U02,2025-S1,,,,,,,,,,pembeda',
        'alpha,U03,2025-S1,,,,,,,,,,kelompok_kecil',
      ),
    );
  });

  test('capaian_iku: naik 85.5/90 = 95 (sangat tinggi, yet target missed), turun 2 − 4/5 = 120 (met), blank realisasi stays blank and neither met nor missed', async () => {
    expect(await csv('capaian_iku')).toBe(
      lines(
        'kode_wilayah,kode_unit,tahun,kode_indikator,nama_indikator,satuan,arah,target,realisasi,capaian,kategori,tercapai,dibanding_tahun_lalu,program,sasaran',
        'alpha,U01,2025,IKU-1,Cakupan KTP-el,%,naik,90,85.5,95,sangat_tinggi,tidak,,Program Administrasi Kependudukan,Tertib administrasi',
        'alpha,U01,2025,IKU-2,Rata-rata hari layanan,hari,turun,5,4,120,sangat_tinggi,ya,,Program Administrasi Kependudukan,Layanan cepat',
        'alpha,U01,2025,IKU-3,Akta kelahiran terbit,dokumen,naik,1000,,,,,,Program Administrasi Kependudukan,',
      ),
    );
  });

  test('ketepatan_layanan: 45/50 = 90, 30/40 = 75, selesai 0 → empty', async () => {
    expect(await csv('ketepatan_layanan')).toBe(
      lines(
        'kode_wilayah,kode_unit,kode_layanan,nama_layanan,tahun,bulan,permohonan,selesai,tepat_waktu,ketepatan,standar_hari,rata_hari',
        'alpha,U01,L01,KTP-el,2025,1,60,50,45,90,3,2.5',
        'alpha,U01,L01,KTP-el,2025,2,40,40,30,75,3,3.5',
        'alpha,U01,L01,KTP-el,2025,7,20,0,0,,3,',
      ),
    );
  });

  test('pengaduan_bulanan: 4 received in January, 3 resolved in 2, 10 and 1 days → median 2', async () => {
    expect(await csv('pengaduan_bulanan')).toBe(
      lines('kode_wilayah,kode_unit,bulan,kategori,masuk,selesai,median_hari', 'alpha,U01,2025-01,waktu,4,3,2'),
    );
  });

  test('pelatihan_unit: 20 × 16 + 10 × 8.5 = 405 hours', async () => {
    expect(await csv('pelatihan_unit')).toBe(
      lines('kode_wilayah,kode_unit,tahun,kategori,kegiatan,peserta,jam_pelajaran_total', 'alpha,U01,2025,pelayanan_publik,2,30,405'),
    );
  });

  test('kepatuhan_laporan: 240 / (12 × 21) = 95.238 → 95.24', async () => {
    expect(await csv('kepatuhan_laporan')).toBe(
      lines('kode_wilayah,kode_unit,tahun,bulan,pegawai,hari_kerja,laporan,kepatuhan', 'alpha,U01,2025,1,12,21,240,95.24'),
    );
  });

  test('unit and wilayah: lisensi defaults to CC-BY-4.0', async () => {
    expect(await csv('unit')).toBe(
      lines(
        'kode_wilayah,kode_unit,nama_unit,jenis_unit,induk_unit',
        'alpha,U01,Dinas Kependudukan,dinas,',
        'alpha,U02,Kecamatan Satu,kecamatan,',
        'alpha,U03,Kelurahan Kecil,kelurahan,U02',
      ),
    );
    expect(await csv('wilayah')).toBe(
      lines(
        'kode_wilayah,nama,provinsi,tanggal_ekspor,sumber,lisensi,kontak',
        'alpha,Kota Alfa (uji),Provinsi Uji,2026-01-15,fixture,CC-BY-4.0,',
      ),
    );
  });

  test('skm_responden: no id, no saran, no date; k-anonymous, answers unchanged', async () => {
    const rows = Papa.parse<string[]>(await csv('skm_responden'), { skipEmptyLines: true }).data;
    expect(rows[0]).toEqual([
      'kode_wilayah',
      'kode_unit',
      'kode_layanan',
      'semester',
      'persyaratan',
      'prosedur',
      'waktu',
      'biaya',
      'produk',
      'kompetensi',
      'perilaku',
      'pengaduan',
      'sarana',
      'jenis_kelamin',
      'kelompok_umur',
      'kelompok_pendidikan',
      'pekerjaan',
    ]);
    expect(rows).toHaveLength(30);
    const body = rows.slice(1);
    // All 29 are U01, L01, January–June 2025, sma, swasta; 15 women and 14 men of ages 18–74.
    // Sex × age band gives classes of 3 to 7 (< 10), so age band, education group and
    // occupation are blanked; sex alone leaves classes of 15 and 14.
    // RSP-0001: all 4s, p; RSP-0029: sarana 3, p.
    expect(body).toContainEqual(['alpha', 'U01', 'L01', '2025-S1', '4', '4', '4', '4', '4', '4', '4', '4', '4', 'p', '', '', '']);
    expect(body).toContainEqual(['alpha', 'U01', 'L01', '2025-S1', '3', '3', '3', '4', '3', '3', '3', '3', '3', 'p', '', '', '']);
    expect(body.filter((r) => r[13] === 'p')).toHaveLength(15);
    expect(body.filter((r) => r[13] === 'l')).toHaveLength(14);
    expect(new Set(body.map((r) => r.slice(1, 4).concat(r.slice(14)).join('|')))).toEqual(new Set(['U01|L01|2025-S1|||']));
  });

  test('skm_responden: rows sorted by their published columns, not in the order respondents came', async () => {
    const body = Papa.parse<string[]>(await csv('skm_responden'), { skipEmptyLines: true }).data.slice(1);
    const bands = ['<30', '30-49', '≥50'];
    const key = (r: string[]) =>
      [r[1], r[2], r[3], ...r.slice(4, 13).map((a) => a.padStart(2, '0')), r[13], String(bands.indexOf(r[14])), r[15], r[16]].join('|');
    const sorted = [...body].sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
    expect(body).toEqual(sorted);
    // The fixture's file order (the all-4 answers first, the 3s last) would not pass the above.
    expect(body[0][4]).toBe('3');
  });

  test('skm_responden: k follows the threshold; a region with fewer than k responses publishes none here', async () => {
    const v = await validateExport('test/fixtures/valid');
    expect(v.ok).toBe(true);
    // k = 15: the 14 men give up sex, then the service; the unit's semester has 29 ≥ 15, so
    // rather than give it up they take in the 15 women: all 29 keep unit and semester only.
    const at15 = [...deriveTables(v.regions, { threshold: 15 }).skm_responden()];
    expect(
      new Set(
        at15.map((r) =>
          [r.kode_unit, r.kode_layanan, r.semester, r.jenis_kelamin, r.kelompok_umur, r.kelompok_pendidikan, r.pekerjaan].join('|'),
        ),
      ),
    ).toEqual(new Set(['U01||2025-S1||||']));
    // k = 30 > 29 responses: no blanking can hide one among fewer than k; its IKM stays in ikm_unit.
    expect([...deriveTables(v.regions, { threshold: 30 }).skm_responden()]).toEqual([]);
    expect([...deriveTables(v.regions, { threshold: 30 }).ikm_unit()].length).toBeGreaterThan(0);
  });

  test('skm_responden: the same responses in another file order publish the same rows', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'kt-shuffled-'));
    try {
      await cp('test/fixtures/valid', dir, { recursive: true });
      const file = join(dir, 'alpha', 'skm.csv');
      const [header, ...rest] = (await readFile(file, 'utf8')).trimEnd().split('\n');
      await writeFile(file, [header, ...rest.reverse()].join('\n') + '\n');
      const published = async (d: string) => {
        const v = await validateExport(d);
        expect(v.ok).toBe(true);
        return [...deriveTables(v.regions, { threshold: 10 }).skm_responden()];
      };
      expect(await published(dir)).toEqual(await published('test/fixtures/valid'));
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

describe('a build that must not publish', () => {
  test('validation errors: ok=false with the report, and the previous output byte-identical', async () => {
    const before = await hashTree(out);
    const result = await run('test/fixtures/errors/consistency-error', out);
    expect(result.ok).toBe(false);
    expect(result.message).toContain('TIDAK sah');
    expect(result.message).toContain('laporan_harian.csv');
    expect(await hashTree(out)).toEqual(before);
    expect((await readdir(root)).filter((n) => n.includes('staging'))).toEqual([]);
  });

  test('a unit named like an employee stops the build (private-in-public); the previous output is untouched', async () => {
    const before = await hashTree(out);
    const result = await run('test/fixtures/leak/nama', out);
    expect(result.ok).toBe(false);
    expect(result.message).toContain('private-in-public');
    expect(result.message).toContain('alpha/unit.csv');
    expect(result.message).toContain('baris/row 4, kolom/column nama_unit');
    expect(await hashTree(out)).toEqual(before);
    expect((await readdir(root)).filter((n) => n.includes('staging'))).toEqual([]);
  });

  test('an NIP typed into a public text column stops the build (private-in-public)', async () => {
    const before = await hashTree(out);
    const result = await run('test/fixtures/leak/nip', out);
    expect(result.ok).toBe(false);
    expect(result.message).toContain('private-in-public');
    expect(result.message).toContain('NIP');
    expect(await hashTree(out)).toEqual(before);
  });

  test('a group threshold below 5 is refused before anything is written', async () => {
    const before = await hashTree(out);
    await expect(run('test/fixtures/valid', out, { ...ENV, KT_AMBANG_KELOMPOK: '4' })).rejects.toThrow(ConfigError);
    expect(await hashTree(out)).toEqual(before);
  });
});

describe('leftovers of killed builds (issue #15, item 7)', () => {
  const deadPid = () => spawnSync(process.execPath, ['-e', '']).pid!;

  test("staging folders of builds no longer running are removed by the next build; a running build's are kept", async () => {
    const dead = join(root, `dist.staging-${deadPid()}`);
    const deadOld = join(root, `dist.staging-${deadPid()}-old`);
    const alive = join(root, `dist.staging-${process.ppid}`);
    for (const d of [dead, deadOld, alive]) {
      await mkdir(join(d, 'site'), { recursive: true });
      await writeFile(join(d, 'site', 'index.html'), '<p>setengah</p>');
    }
    const other = join(root, `lain.staging-${deadPid()}`); // beside another output: not this build's
    await mkdir(other);
    expect((await run('test/fixtures/valid', out)).ok).toBe(true);
    const left = (await readdir(root)).filter((n) => n.includes('staging')).sort();
    expect(left).toEqual([basename(alive), basename(other)].sort());
    await rm(alive, { recursive: true });
    await rm(other, { recursive: true });
  });

  test('killed between the two renames of the swap: no dist/, the previous site in …-old, which is put back', async () => {
    const dir = join(root, 'swap');
    const old = join(root, `swap.staging-${deadPid()}-old`);
    await mkdir(old);
    await writeFile(join(old, 'index.html'), '<p>situs lama</p>');
    expect(await cleanLeftovers(dir)).toEqual([basename(old)]);
    expect(await readFile(join(dir, 'index.html'), 'utf8')).toBe('<p>situs lama</p>');
    expect(existsSync(old)).toBe(false);
  });

  test('killed while the swap moved reused regions into the new site: they are moved back into the previous site, which is put back whole', async () => {
    const dir = join(root, 'moved');
    const pid = deadPid();
    const stage = join(root, `moved.staging-${pid}`);
    const old = `${stage}-old`;
    // The journal lists three folders: one moved already, one not yet, one the site never had.
    await mkdir(join(stage, 'site', 'wilayah', 'alpha', 'unit', 'U01'), { recursive: true });
    await writeFile(join(stage, 'site', 'wilayah', 'alpha', 'unit', 'U01', 'index.html'), '<p>alpha U01</p>');
    await writeFile(join(stage, 'site', 'index.html'), '<p>situs baru</p>');
    await mkdir(join(old, 'en', 'wilayah', 'beta'), { recursive: true });
    await writeFile(join(old, 'en', 'wilayah', 'beta', 'index.html'), '<p>beta</p>');
    await writeFile(join(old, 'index.html'), '<p>situs lama</p>');
    await writeFile(movesJournal(stage), JSON.stringify(['wilayah/alpha', 'en/wilayah/beta', 'forum/gamma']));
    expect(await cleanLeftovers(dir)).toEqual([basename(stage), basename(old)]);
    expect(await readFile(join(dir, 'index.html'), 'utf8')).toBe('<p>situs lama</p>');
    expect(await readFile(join(dir, 'wilayah', 'alpha', 'unit', 'U01', 'index.html'), 'utf8')).toBe('<p>alpha U01</p>');
    expect(await readFile(join(dir, 'en', 'wilayah', 'beta', 'index.html'), 'utf8')).toBe('<p>beta</p>');
    expect(existsSync(join(dir, 'forum'))).toBe(false);
    expect(existsSync(stage) || existsSync(old)).toBe(false);
  });
});

describe('builds that must publish', () => {
  test('a saran or uraian that is just a word of the contract ("Sangat Baik", "waktu") is not a leak', async () => {
    const dir = join(root, 'saran-umum');
    const result = await run('test/fixtures/saran-umum', dir);
    expect(result.message).toContain('✓');
    expect(result.ok).toBe(true);
  });

  test("a raised threshold (13) hides U01's 12 employees too", async () => {
    const dir = join(root, 'ambang-13');
    expect((await run('test/fixtures/valid', dir, { ...ENV, KT_AMBANG_KELOMPOK: '13' })).ok).toBe(true);
    const text = await readFile(join(dir, 'data', 'predikat_unit.csv'), 'utf8');
    expect(
      text
        .split('\r\n')
        .slice(1, 4)
        .map((l) => l.split(',').at(-1)),
    ).toEqual(['kelompok_kecil', 'kelompok_kecil', 'kelompok_kecil']);
    expect(existsSync(join(dir, 'data', 'datapackage.json'))).toBe(true);
  });
});

describe('appraisal counts across releases (issue #11: every release stays downloadable)', () => {
  test('one appraisal added to U01 after its first release: the second hides U01 whole, so the two cannot be differenced', async () => {
    // Release 1 publishes U01 as 12, 3, 7 and three hidden cells (butuh_perbaikan 2 beside two zeros).
    // One more butuh_perbaikan makes it 3: alone, release 2 would publish 13, 3, 7, 3, 0, 0, and a
    // reader of both would see that the newcomer went to a hidden cell, that the zeros stayed
    // zeros, and so that release 1 hid 2, 0, 0.
    const dir = join(root, 'dua-rilis');
    const copy = join(root, 'dua-rilis-data');
    await cp('test/fixtures/valid', copy, { recursive: true });
    expect((await run(copy, dir)).ok).toBe(true);
    const kinerja = join(copy, 'alpha', 'kinerja_pegawai.csv');
    await writeFile(
      kinerja,
      (await readFile(kinerja, 'utf8')).replace(
        /\r?\n?$/,
        '\r\n198601012010011099,Pegawai Uji 099,U01,2025-S1,di_bawah,sesuai,,70,80,75\r\n',
      ),
    );
    expect((await run(copy, dir)).ok).toBe(true);
    const rilis = JSON.parse(await readFile(join(dir, 'data', 'rilis', 'index.json'), 'utf8')).rilis as { id: string }[];
    expect(rilis.length).toBe(2);
    const u01 = async (path: string) =>
      Papa.parse<Record<string, string>>(await readFile(path, 'utf8'), { header: true, skipEmptyLines: true }).data.find(
        (r) => r.kode_unit === 'U01',
      )!;
    const first = await u01(join(dir, 'data', 'rilis', rilis[1].id, 'predikat_unit.csv'));
    const second = await u01(join(dir, 'data', 'predikat_unit.csv'));
    expect([first.pegawai, first.butuh_perbaikan, first.disembunyikan]).toEqual(['12', '', 'sel_kecil']);
    expect(second).toMatchObject({ pegawai: '', sangat_baik: '', butuh_perbaikan: '', rata_nilai_atasan: '', disembunyikan: 'pembeda' });
    // the reader of test/support/disclosure.ts, on the two published rows
    const cells = (r: Record<string, string>) => ({
      cells: PREDIKAT.map((p) => (r[p.value] === '' ? null : Number(r[p.value]))),
      pegawai: r.pegawai === '' ? null : Number(r.pegawai),
    });
    const seen = feasibleAcrossReleases(cells(first), cells(second));
    for (const s of [...seen.first, ...seen.second]) expect(s.size).toBeGreaterThanOrEqual(3);
  }, 120_000);
});

describe('the data gate beside the pages of a --since build', () => {
  const region = (...rows: number[]) => ({ files: rows.map((n) => ({ rows: n })) });
  test('runs there for an export of up to GATE_BESIDE_ROWS input rows, counted over every file of every region', () => {
    // The 50 sample regions of the bench: 2.4 million rows, where it was measured.
    expect(gateBesidePages(Array.from({ length: 50 }, () => region(40_000, 8_000)))).toBe(true);
    expect(gateBesidePages([region(GATE_BESIDE_ROWS / 2, GATE_BESIDE_ROWS / 2)])).toBe(true);
  });
  test('waits for the pages when the export is larger: its lookups would be held beside the renderer', () => {
    expect(gateBesidePages([region(GATE_BESIDE_ROWS / 2), region(GATE_BESIDE_ROWS / 2, 1)])).toBe(false);
    // 500 sample regions: 24 million rows.
    expect(gateBesidePages(Array.from({ length: 500 }, () => region(40_000, 8_000)))).toBe(false);
  });
});

test('a build renders beside one other process where the national pages render apart, some regions are reused, and fewer are rendered than would split', () => {
  // Two renderers where the regions allow (as on two cores).
  const saved = process.env.KT_RENDERERS;
  process.env.KT_RENDERERS = '2';
  try {
    expect([besideOneRenderer(50, 0), besideOneRenderer(50, 1), besideOneRenderer(50, 2)]).toEqual([true, true, false]);
    // The lookups made early are held beside the pages too: never for more rows than may be judged there.
    expect(EARLY_LOOKUPS_ROWS).toBeLessThanOrEqual(GATE_BESIDE_ROWS);
    // Every region changed: none reused. One region: its pages are drawn with the national ones, in this process.
    expect([besideOneRenderer(50, 50), besideOneRenderer(1, 0)]).toEqual([false, false]);
  } finally {
    if (saved === undefined) delete process.env.KT_RENDERERS;
    else process.env.KT_RENDERERS = saved;
  }
});
