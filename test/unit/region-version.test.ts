/**
 * A region's data version (docs/incremental.md point 1): its export date and a short hash of its
 * published rows, made the way a release ID is made, so that it changes exactly when one of that
 * region's rows (or the settings that shaped them) changes, and never for another region's.
 */
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { tableByName } from '../../src/contract/published.ts';
import { publishPartitions } from '../../src/publish/partitions.ts';
import { PARTITION_MANIFEST, type PartitionManifest } from '../../src/queries/partitions.ts';
import { regionVersion, releaseId } from '../../src/release/identity.ts';

const H = ['a'.repeat(64), 'b'.repeat(64)];
const SETTINGS = { ambang_kelompok: 10 };

describe('regionVersion', () => {
  test('is the export date and 8 hex of its rows’ hashes, made as a release ID is', () => {
    const v = regionVersion('2026-01-16', H, SETTINGS);
    expect(v).toMatch(/^2026-01-16-[0-9a-f]{8}$/);
    expect(v).toBe(releaseId('2026-01-16', H, SETTINGS));
  });

  test('does not depend on the order of the tables, and changes with any row’s hash or a setting', () => {
    const v = regionVersion('2026-01-16', H, SETTINGS);
    expect(regionVersion('2026-01-16', [...H].reverse(), SETTINGS)).toBe(v);
    expect(regionVersion('2026-01-16', [H[0], 'c'.repeat(64)], SETTINGS)).not.toBe(v);
    expect(regionVersion('2026-01-16', [H[0]], SETTINGS)).not.toBe(v);
    expect(regionVersion('2026-01-16', H, { ambang_kelompok: 15 })).not.toBe(v);
    expect(regionVersion('2026-01-17', H, SETTINGS).slice(11)).toBe(v.slice(11));
  });
});

describe('publishPartitions gives each region its version', () => {
  const unit = tableByName('unit')!;
  const wilayah = tableByName('wilayah')!;
  const UNIT = 'kode_wilayah,kode_unit,nama_unit,jenis_unit,induk_unit\r\n';
  const WILAYAH = 'kode_wilayah,nama\r\n';
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'kt-region-version-'));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  async function versions(units: string[], regions: string[]): Promise<Record<string, string>> {
    await writeFile(join(dir, 'unit.csv'), UNIT + units.join(''));
    await writeFile(join(dir, 'wilayah.csv'), WILAYAH + regions.join(''));
    const manifest = await publishPartitions(
      dir,
      [
        { table: unit, csvPath: join(dir, 'unit.csv') },
        { table: wilayah, csvPath: join(dir, 'wilayah.csv') },
      ],
      { exportDates: { 'kab-a': '2026-01-10', 'kota-b': '2026-01-12' }, settings: SETTINGS },
    );
    expect(JSON.parse(await readFile(join(dir, PARTITION_MANIFEST), 'utf8'))).toEqual(manifest);
    return (manifest as PartitionManifest).versi!;
  }

  test('from its rows of split and whole tables alike; another region’s change leaves it alone', async () => {
    const units = ['kab-a,U1,Dinas,dinas,\r\n', 'kota-b,U1,Badan,badan,\r\n'];
    const regions = ['kab-a,A\r\n', 'kota-b,B\r\n'];
    const v = await versions(units, regions);
    expect(v['kab-a']).toMatch(/^2026-01-10-[0-9a-f]{8}$/);
    expect(v['kota-b']).toMatch(/^2026-01-12-[0-9a-f]{8}$/);
    const unitChanged = await versions([units[0], 'kota-b,U1,Badan Baru,badan,\r\n'], regions);
    expect(unitChanged['kab-a']).toBe(v['kab-a']);
    expect(unitChanged['kota-b']).not.toBe(v['kota-b']);
    const nameChanged = await versions(units, ['kab-a,A baru\r\n', regions[1]]);
    expect(nameChanged['kab-a']).not.toBe(v['kab-a']);
    expect(nameChanged['kota-b']).toBe(v['kota-b']);
  });
});
