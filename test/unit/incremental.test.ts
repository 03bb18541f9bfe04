/**
 * Incremental builds (issue #13 item 4): which files are a region's, what its key reads, and
 * that a previous output's files are taken only as recorded. The whole build (incremental equals
 * full, byte for byte) is tested in test/browser/incremental.test.ts.
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  copyRegions,
  pagesRecord,
  readPagesRecord,
  regionKeys,
  reusableRegions,
  writePagesRecord,
  type SharedFacts,
} from '../../src/build/incremental.ts';
import { publishPartitions } from '../../src/publish/partitions.ts';
import { tableByName } from '../../src/contract/published.ts';
import { regionOfPath } from '../../src/routes.ts';
import { tempDirEach } from '../support/temp-dir.ts';

describe('regionOfPath', () => {
  it.each([
    ['wilayah/binjai/index.html', 'binjai'],
    ['en/wilayah/binjai/unit/U%2001/index.html', 'binjai'],
    ['wilayah/binjai/index.html.br', 'binjai'],
    ['forum/jakarta/index.html', 'jakarta'],
    ['en/embed/wilayah/maulafa/ikm/index.html', 'maulafa'],
    ['wilayah/index.html', null],
    ['en/wilayah/index.html', null],
    ['data/wilayah/binjai/ikm_unit.csv', null],
    ['forum/index.html', null],
    ['embed/bandingkan/index.html', null],
    ['index.html', null],
  ])('%s → %s', (rel, kode) => {
    expect(regionOfPath(rel)).toBe(kode);
  });
});

const shared: SharedFacts = { kode: 'c0de', alamat: null, rilis: '2026-01-20-0fecae46', sebelumnya: null, tanggal: '2026-01-01' };
const ikm = tableByName('ikm_unit')!;
const header = ikm.columns.map((c) => c.name);
const row = (kode: string, unit: string, value: string) =>
  header.map((h) => ({ kode_wilayah: kode, kode_unit: unit, periode: '2025', ikm: value, responden: '30' })[h] ?? '').join(',');
const quality = (files: Record<string, string[]>) => ({
  ambang_kelompok: 10,
  peringatan: [],
  wilayah: Object.entries(files).map(([kode, present]) => ({
    kode_wilayah: kode,
    berkas: ['skm.csv', 'iku.csv'].map((file) => ({ file, present: present.includes(file), rows: 1, used: 1 })),
  })),
});

/** A data folder as publish leaves it: ikm_unit.csv split by region, and kualitas.json. */
async function published(dir: string, ikmAlpha: string, files = { alpha: ['skm.csv'], beta: ['skm.csv'] }): Promise<string> {
  await mkdir(dir, { recursive: true });
  const csv = [header.join(','), row('alpha', 'U01', ikmAlpha), row('beta', 'U01', '70.5')].join('\r\n') + '\r\n';
  await writeFile(join(dir, 'ikm_unit.csv'), csv);
  await publishPartitions(dir, [{ table: ikm, csvPath: join(dir, 'ikm_unit.csv') }]);
  await writeFile(join(dir, 'kualitas.json'), JSON.stringify(quality(files)));
  return dir;
}

describe('regionKeys', () => {
  const tmp = tempDirEach('kt-inc-');
  it('a change in one region’s rows changes its key only', async () => {
    const a = await regionKeys(await published(join(tmp.dir, 'a'), '83.47'), ['alpha', 'beta'], shared);
    const b = await regionKeys(await published(join(tmp.dir, 'b'), '83.48'), ['alpha', 'beta'], shared);
    expect(b.bersama).toBe(a.bersama);
    expect(b.kunci.alpha).not.toBe(a.kunci.alpha);
    expect(b.kunci.beta).toBe(a.kunci.beta);
    expect(
      reusableRegions(
        { bersama: a.bersama, wilayah: { alpha: { kunci: a.kunci.alpha, berkas: {} }, beta: { kunci: a.kunci.beta, berkas: {} } } },
        b,
      ),
    ).toEqual(['beta']);
  });

  it('another region gaining a file, other code, another release: every key changes, nothing is reused', async () => {
    const dir = await published(join(tmp.dir, 'a'), '83.47');
    const a = await regionKeys(dir, ['alpha', 'beta'], shared);
    const record = {
      bersama: a.bersama,
      wilayah: { alpha: { kunci: a.kunci.alpha, berkas: {} }, beta: { kunci: a.kunci.beta, berkas: {} } },
    };
    const moreFiles = await regionKeys(
      await published(join(tmp.dir, 'b'), '83.47', { alpha: ['skm.csv', 'iku.csv'], beta: ['skm.csv'] }),
      ['alpha', 'beta'],
      shared,
    );
    for (const other of [
      moreFiles,
      await regionKeys(dir, ['alpha', 'beta'], { ...shared, kode: 'c0de2' }),
      await regionKeys(dir, ['alpha', 'beta'], { ...shared, rilis: '2026-01-21-00000000' }),
    ]) {
      expect(other.bersama).not.toBe(a.bersama);
      expect(other.kunci.beta).not.toBe(a.kunci.beta);
      expect(reusableRegions(record, other)).toEqual([]);
    }
    expect(reusableRegions(null, a)).toEqual([]);
  });

  it('a revision of a region in this release changes its key', async () => {
    const dir = await published(join(tmp.dir, 'a'), '83.47');
    const before = await regionKeys(dir, ['alpha', 'beta'], shared);
    await mkdir(join(dir, 'rilis', shared.rilis), { recursive: true });
    await writeFile(
      join(dir, 'rilis', shared.rilis, 'perubahan.csv'),
      'tabel,kode_wilayah,kode_unit,kunci,kolom,lama,baru\r\nikm_unit,beta,U01,2025,ikm,70.4,70.5\r\n',
    );
    const after = await regionKeys(dir, ['alpha', 'beta'], shared);
    expect(after.kunci.beta).not.toBe(before.kunci.beta);
    expect(after.kunci.alpha).toBe(before.kunci.alpha);
  });
});

describe('the record and the copy', () => {
  const tmp = tempDirEach('kt-inc-');
  const keys = { bersama: 'b', kunci: { alpha: 'ka', beta: 'kb' } };

  async function site(dir: string): Promise<string> {
    for (const [rel, text] of [
      ['index.html', 'home'],
      ['wilayah/index.html', 'regions'],
      ['wilayah/alpha/index.html', 'alpha'],
      ['wilayah/alpha/index.html.br', 'alpha-br'],
      ['en/forum/alpha/index.html', 'alpha forum'],
      ['wilayah/beta/index.html', 'beta'],
      ['data/wilayah/alpha/ikm_unit.csv', 'csv'],
    ]) {
      await mkdir(join(dir, rel, '..'), { recursive: true });
      await writeFile(join(dir, rel), text);
    }
    return dir;
  }

  it('lists every file of a region’s pages, twins too, and no national file; written and read back', async () => {
    const dir = await site(join(tmp.dir, 'site'));
    const record = await pagesRecord(dir, keys);
    expect(Object.keys(record.wilayah.alpha.berkas)).toEqual([
      'en/forum/alpha/index.html',
      'wilayah/alpha/index.html',
      'wilayah/alpha/index.html.br',
    ]);
    expect(Object.keys(record.wilayah.beta.berkas)).toEqual(['wilayah/beta/index.html']);
    expect(record.wilayah.alpha.kunci).toBe('ka');
    await writePagesRecord(dir, record);
    expect(await readPagesRecord(dir)).toEqual(record);
    await writeFile(join(dir, 'kt-pages.json'), '{"not": "a record"}');
    expect(await readPagesRecord(dir)).toBeNull();
  });

  it('copies a reused region’s files as recorded; a file changed or gone since is refused', async () => {
    const before = await site(join(tmp.dir, 'before'));
    const record = await pagesRecord(before, keys);
    const next = join(tmp.dir, 'next');
    const copied = await copyRegions(next, before, record, ['alpha']);
    expect(copied.problems).toEqual([]);
    expect(copied.files.sort()).toEqual(Object.keys(record.wilayah.alpha.berkas));
    expect(await readFile(join(next, 'wilayah/alpha/index.html.br'), 'utf8')).toBe('alpha-br');

    await writeFile(join(before, 'wilayah/alpha/index.html'), 'alpha, edited by hand');
    const refused = await copyRegions(join(tmp.dir, 'again'), before, record, ['alpha']);
    expect(refused.problems).toEqual([
      `${before}: wilayah/alpha/index.html tidak seperti dicatat di kt-pages.json / not as kt-pages.json lists it`,
    ]);
  });

  it('a reused region keeps its recorded hashes; the others are hashed from the site', async () => {
    const dir = await site(join(tmp.dir, 'site'));
    const previous = {
      bersama: 'b',
      wilayah: { alpha: { kunci: 'ka', berkas: { 'wilayah/alpha/index.html': 'recorded' } }, beta: { kunci: 'old', berkas: {} } },
    };
    const record = await pagesRecord(dir, keys, previous);
    expect(record.wilayah.alpha.berkas).toEqual({ 'wilayah/alpha/index.html': 'recorded' });
    expect(Object.keys(record.wilayah.beta.berkas)).toEqual(['wilayah/beta/index.html']);
  });
});
