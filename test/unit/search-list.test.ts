/** What the search page lists without JavaScript (src/site/search-list.ts). */
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { tableByName, type TableName } from '../../src/contract/published.ts';
import { PARTITION_MANIFEST, partitionPath, type PartitionManifest } from '../../src/queries/partitions.ts';
import { LISTED_MOST, listsWhole, searchList } from '../../src/site/search-list.ts';

const regions = (n: number, units: number, services: number) =>
  Array.from({ length: n }, () => ({ units: Array.from({ length: units }), services: Array.from({ length: services }) }));

test(`every unit and service up to ${LISTED_MOST} of them; past that, the regions alone`, () => {
  // The sample: five regions, 61 units, a few services.
  expect(listsWhole(regions(5, 13, 4))).toBe(true);
  expect(listsWhole(regions(10, LISTED_MOST / 10 - 1, 1))).toBe(true);
  expect(listsWhole(regions(10, LISTED_MOST / 10, 1))).toBe(false);
  // 50 sample regions: about 10,000 units.
  expect(listsWhole(regions(50, 200, 11))).toBe(false);
});

describe('searchList, from a published folder', () => {
  const csv = (name: TableName, rows: Record<string, string>[]) => {
    const cols = tableByName(name)!.columns.map((c) => c.name);
    return [cols.join(','), ...rows.map((r) => cols.map((c) => r[c] ?? '').join(','))].join('\r\n') + '\r\n';
  };
  const before = process.env.KT_PUBLISHED_DIR;
  const dirs: string[] = [];
  afterAll(async () => {
    if (before === undefined) delete process.env.KT_PUBLISHED_DIR;
    else process.env.KT_PUBLISHED_DIR = before;
    for (const d of dirs) await rm(d, { recursive: true, force: true });
  });
  /** Two regions; kota-a with `units` units; the service table split by region, its files absent unless `services`. */
  async function published(units: number, services: boolean) {
    const dir = await mkdtemp(join(tmpdir(), 'kt-search-list-'));
    dirs.push(dir);
    const region = (kode: string, nama: string) => ({ kode_wilayah: kode, nama, tanggal_ekspor: '2026-01-10', lisensi: 'CC-BY-4.0' });
    await writeFile(join(dir, 'wilayah.csv'), csv('wilayah', [region('kota-a', 'Kota A'), region('kab-b', 'Kabupaten B')]));
    const unit = (i: number) => ({ kode_wilayah: 'kota-a', kode_unit: `U${i}`, nama_unit: `Unit ${i}`, jenis_unit: 'OPD' });
    await writeFile(
      join(dir, 'unit.csv'),
      csv(
        'unit',
        Array.from({ length: units }, (_, i) => unit(i)),
      ),
    );
    const row = { kode_wilayah: 'kota-a', kode_unit: 'U0', kode_layanan: 'KTP', nama_layanan: 'KTP-el', tahun: '2025', bulan: '12' };
    const manifest: PartitionManifest = {
      tabel: {
        ketepatan_layanan: [{ kode_wilayah: 'kota-a', path: partitionPath('kota-a', 'ketepatan_layanan'), rows: 1, bytes: 1, sha256: '0' }],
      },
    };
    await mkdir(join(dir, 'wilayah', 'kota-a'), { recursive: true });
    await writeFile(join(dir, PARTITION_MANIFEST), JSON.stringify(manifest));
    if (services) await writeFile(join(dir, partitionPath('kota-a', 'ketepatan_layanan')), csv('ketepatan_layanan', [row]));
    process.env.KT_PUBLISHED_DIR = dir;
  }

  test('few units: every unit and service, by region', async () => {
    await published(3, true);
    const list = searchList();
    expect(list.whole).toBe(true);
    if (!list.whole) return;
    expect(list.listed.map((l) => [l.region.kode, l.units.length, l.services.map((s) => s.kode)])).toEqual([
      ['kab-b', 0, []],
      ['kota-a', 3, ['KTP']],
    ]);
  });

  test(`past ${LISTED_MOST} units: the regions alone, and no service table read (here it is not even there)`, async () => {
    await published(LISTED_MOST + 1, false);
    expect(searchList()).toMatchObject({ whole: false, regions: [{ kode: 'kab-b' }, { kode: 'kota-a' }] });
  });
});
