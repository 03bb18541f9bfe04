/**
 * The site map (docs/incremental.md point 3): all a region's pages know of the other regions —
 * their names, the files they sent, whether they list services — and the site's licence and
 * synthetic flag. Another region's figures are not in it, so they change neither it nor its hash.
 */
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { tableByName, type TableName } from '../../src/contract/published.ts';
import { regionsWithFile, regionsWithServices, siteMap, siteMapHash } from '../../src/site/site-map.ts';
import { FILE_SECTIONS, NAMED_AT_MOST, elsewhereForChart, elsewhereForServices, sentLists } from '../../src/site/elsewhere.ts';
import { CHART_INPUT } from '../../src/site/region-charts.ts';
import type { PartitionManifest } from '../../src/queries/partitions.ts';

const csv = (name: TableName, rows: Record<string, string>[]) => {
  const cols = tableByName(name)!.columns.map((c) => c.name);
  return [cols.join(','), ...rows.map((r) => cols.map((c) => r[c] ?? '').join(','))].join('\r\n') + '\r\n';
};

const REGIONS = [
  { kode_wilayah: 'kota-c', nama: 'Kota C', tanggal_ekspor: '2026-01-10', lisensi: 'CC-BY-4.0', sumber: 'aplikasi' },
  { kode_wilayah: 'kab-b', nama: 'Kabupaten B', tanggal_ekspor: '2026-01-11', lisensi: 'CC-BY-4.0', sumber: 'DATA SINTETIS' },
  { kode_wilayah: 'kota-a', nama: 'Kota A', tanggal_ekspor: '2026-01-12', lisensi: 'CC-BY-4.0', sumber: 'aplikasi' },
];
const sent = (kode: string, files: Record<string, boolean>) => ({
  kode_wilayah: kode,
  berkas: Object.entries(files).map(([file, present]) => ({ file, present })),
});
const QUALITY = {
  tanggal_bangun: '2026-01-20',
  ambang_kelompok: 10,
  peringatan: [],
  wilayah: [
    sent('kota-c', { 'layanan.csv': true, 'pengaduan.csv': true, 'unit.csv': true }),
    sent('kab-b', { 'pengaduan.csv': true, 'unit.csv': true, 'layanan.csv': false }),
    sent('kota-a', { 'unit.csv': true, 'pengaduan.csv': false }),
  ],
};

const dirs: string[] = [];
const before = process.env.KT_PUBLISHED_DIR;
afterAll(async () => {
  if (before === undefined) delete process.env.KT_PUBLISHED_DIR;
  else process.env.KT_PUBLISHED_DIR = before;
  for (const d of dirs) await rm(d, { recursive: true, force: true });
});

/** A published folder whose one service row of Kota C says `hari` days. */
async function published(hari: string, regions = REGIONS, quality = QUALITY): Promise<void> {
  const dir = await mkdtemp(join(tmpdir(), 'kt-site-map-'));
  dirs.push(dir);
  await writeFile(join(dir, 'wilayah.csv'), csv('wilayah', regions));
  await writeFile(join(dir, 'kualitas.json'), JSON.stringify(quality));
  const service = {
    kode_wilayah: 'kota-c',
    kode_unit: 'U1',
    kode_layanan: 'KTP',
    nama_layanan: 'KTP-el',
    tahun: '2025',
    bulan: '12',
    rata_hari: hari,
  };
  await writeFile(join(dir, 'ketepatan_layanan.csv'), csv('ketepatan_layanan', [service]));
  process.env.KT_PUBLISHED_DIR = dir;
}

describe('siteMap', () => {
  test('lists the regions in name order, the files each sent, which list services; licence and synthetic data', async () => {
    await published('3');
    expect(siteMap()).toEqual({
      wilayah: [
        { kode: 'kab-b', nama: 'Kabupaten B', berkas: ['pengaduan.csv', 'unit.csv'], layanan: false },
        { kode: 'kota-a', nama: 'Kota A', berkas: ['unit.csv'], layanan: false },
        { kode: 'kota-c', nama: 'Kota C', berkas: ['layanan.csv', 'pengaduan.csv', 'unit.csv'], layanan: true },
      ],
      licence: 'CC-BY-4.0',
      licenceUrl: 'https://creativecommons.org/licenses/by/4.0/',
      synthetic: true,
    });
    expect(regionsWithFile('pengaduan.csv', 'kota-a').map((r) => r.kode)).toEqual(['kab-b', 'kota-c']);
    expect(regionsWithFile('pengaduan.csv', 'kota-c').map((r) => r.kode)).toEqual(['kab-b']);
    expect(regionsWithServices('kab-b').map((r) => r.kode)).toEqual(['kota-c']);
    expect(regionsWithServices('kota-c')).toEqual([]);
  });

  test('another region’s figures leave it and its hash as they were', async () => {
    await published('3');
    const hash = siteMapHash();
    expect(hash).toMatch(/^[0-9a-f]{64}$/);
    await published('5');
    expect(siteMapHash()).toBe(hash);
  });

  test('with the table split by region, whether a region lists services is read from the manifest, not from its file', async () => {
    await published('3');
    const dir = process.env.KT_PUBLISHED_DIR!;
    await mkdir(join(dir, 'wilayah'));
    // kota-a's file is not there: the map must not read it, only count its rows in the manifest.
    const file = (kode: string, rows: number) => ({
      kode_wilayah: kode,
      path: `wilayah/${kode}/ketepatan_layanan.csv`,
      rows,
      bytes: 1,
      sha256: '0',
    });
    const manifest: PartitionManifest = { tabel: { ketepatan_layanan: [file('kota-a', 2), file('kota-c', 1)] } };
    await writeFile(join(dir, 'wilayah', 'manifest.json'), JSON.stringify(manifest));
    expect(siteMap().wilayah.map((r) => [r.kode, r.layanan])).toEqual([
      ['kab-b', false],
      ['kota-a', true],
      ['kota-c', true],
    ]);
  });

  test('regions under different licences: each licence is named, and the deed is the about page, which says whose is which', async () => {
    await published('3', [REGIONS[0], { ...REGIONS[1], lisensi: 'CC0-1.0' }, REGIONS[2]]);
    expect(siteMap()).toMatchObject({ licence: 'CC-BY-4.0, CC0-1.0', licenceUrl: '/tentang/' });
  });
});

describe('where an empty section sends its reader (site/elsewhere.ts)', () => {
  test('a few regions are named, each linked to its section; none is said as none', async () => {
    await published('3');
    const few = elsewhereForChart('pengaduan', 'kota-a');
    expect(few.named.map((r) => r.href)).toEqual(['/wilayah/kab-b/#pengaduan', '/wilayah/kota-c/#pengaduan']);
    expect(few.count).toBe(2);
    // A unit's chart names the region page's section it is part of.
    expect(elsewhereForChart('layanan', 'kota-a').named.map((r) => r.href)).toEqual(['/wilayah/kota-c/#ketepatan']);
    expect(elsewhereForChart('kepatuhan', 'kota-a')).toMatchObject({ named: [], count: 0 });
    expect(elsewhereForServices('kab-b')).toMatchObject({ count: 1, named: [{ href: '/wilayah/kota-c/#unit-layanan' }] });
  });

  /** kota-a sent no complaints; `senders` regions did (Kota C among them), each with its quality report. */
  async function withSenders(senders: number) {
    const codes = Array.from({ length: senders - 1 }, (_, i) => `kab-${i + 1}`);
    const regions = [REGIONS[0], REGIONS[2], ...codes.map((k) => ({ ...REGIONS[0], kode_wilayah: k, nama: `Kabupaten ${k.slice(4)}` }))];
    const quality = {
      ...QUALITY,
      wilayah: [QUALITY.wilayah[0], QUALITY.wilayah[2], ...codes.map((k) => sent(k, { 'pengaduan.csv': true, 'unit.csv': true }))],
    };
    await published('3', regions, quality);
  }

  test(`${NAMED_AT_MOST} regions are named; one more, and they are counted and linked to /wilayah/'s list`, async () => {
    await withSenders(NAMED_AT_MOST);
    expect(elsewhereForChart('pengaduan', 'kota-a')).toMatchObject({ count: NAMED_AT_MOST, named: { length: NAMED_AT_MOST } });
    await withSenders(NAMED_AT_MOST + 1);
    expect(elsewhereForChart('pengaduan', 'kota-a')).toEqual({ named: [], count: NAMED_AT_MOST + 1, list: '/wilayah/#kirim-pengaduan' });
  });

  test("/wilayah/'s list names every region that sent the file, the page's own too; a region without a report counts as sending all", async () => {
    // kab-8 has no quality report: every file is taken as sent (only tables built before reports existed).
    await published('3', [...REGIONS, { ...REGIONS[0], kode_wilayah: 'kab-8', nama: 'Kabupaten 8' }], {
      ...QUALITY,
      wilayah: [...QUALITY.wilayah, ...['kab-1', 'kab-2'].map((k) => sent(k, { 'pengaduan.csv': true }))],
    });
    expect(elsewhereForChart('pengaduan', 'kota-a')).toEqual({ named: [], count: 3, list: '/wilayah/#kirim-pengaduan' });
    // A region that sent the file is not among its own others.
    expect(elsewhereForChart('pengaduan', 'kab-b').count).toBe(2);
    const lists = sentLists();
    expect(siteMap().wilayah).toHaveLength(4); // /wilayah/'s "of N": every region, kab-8 included
    const complaints = lists.files.find((f) => f.file === 'pengaduan.csv')!;
    expect(complaints).toMatchObject({ id: 'kirim-pengaduan', chart: 'pengaduan' });
    expect(complaints.regions.map((r) => r.href)).toEqual(['kab-8', 'kab-b', 'kota-c'].map((k) => `/wilayah/${k}/#pengaduan`));
    expect(lists.services.map((r) => r.href)).toEqual(['/wilayah/kota-c/#unit-layanan']);
  });

  test('every input file a chart is drawn from has one list, named by the region page section for it', () => {
    expect(sentLists().files.map((f) => [f.file, f.id, f.chart])).toEqual([
      ['skm.csv', 'kirim-skm', 'ikm'],
      ['iku.csv', 'kirim-iku', 'capaian'],
      ['layanan.csv', 'kirim-layanan', 'ketepatan'],
      ['pengaduan.csv', 'kirim-pengaduan', 'pengaduan'],
      ['pelatihan.csv', 'kirim-pelatihan', 'pelatihan'],
      ['laporan_harian.csv', 'kirim-laporan-harian', 'kepatuhan'],
      ['kinerja_pegawai.csv', 'kirim-kinerja-pegawai', 'predikat'],
    ]);
    expect([...FILE_SECTIONS.keys()].sort()).toEqual([...new Set(Object.values(CHART_INPUT))].sort());
  });
});
