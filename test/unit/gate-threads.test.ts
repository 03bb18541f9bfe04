/**
 * src/publish/gate-threads.ts: the privacy gate shared out among worker threads says what one
 * reader says — the same leaks, in the order of the files — whatever the number of threads, and
 * the private values reach the threads whole (packs and loose values, in order), on shared memory.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { strToU8, zipSync } from 'fflate';
import { describe, expect, test } from 'vitest';
import { batches, BATCH_BYTES, contentGroup, scanInThreads } from '../../src/publish/gate-threads.ts';
import { contentEntry, gatePaths, lookupFrom, meaningfulView, scanForLeaks, shareLookup } from '../../src/publish/privacy-gate.ts';
import { PrivateValues } from '../../src/validate/private-values.ts';
import { pack } from '../../src/validate/fast/packed.ts';
import { tempDirEach } from '../support/temp-dir.ts';

const tmp = tempDirEach('kt-gate-threads-');

/**
 * A site; with `threads`, padded by a page of more than a batch's bytes (nothing private in it),
 * since a site of one batch or less is read in the test's own thread.
 */
async function site(files: Record<string, string | Uint8Array>, threads = true): Promise<string> {
  const root = join(tmp.dir, threads ? 'site' : 'small');
  if (threads) files = { ...files, 'wilayah/besar/index.html': `<p>${'data umum '.repeat(BATCH_BYTES / 10)}</p>` };
  for (const [rel, body] of Object.entries(files)) {
    await mkdir(join(root, rel, '..'), { recursive: true });
    await writeFile(join(root, rel), body);
  }
  return root;
}

const values = () =>
  new PrivateValues()
    .addAll(pack(['Pegawai Rahasia Satu', 'RSP-000123']))
    .addAll(['Saran yang sangat pribadi sekali'])
    .add('Nama Loose Dua');

describe('contentGroup and batches', () => {
  test('files holding the same contents share a group; pages have none', () => {
    expect(contentGroup('data/wilayah/kab-001/ikm_unit.csv')).toBe('wilayah/kab-001');
    expect(contentGroup('data/paket/kab-001.zip')).toBe('wilayah/kab-001');
    expect(contentGroup('data/skm_responden.xlsx')).toBe('xlsx/skm_responden');
    expect(contentGroup('data/rilis/2026-01-01-abcd1234/skm_responden.xlsx')).toBe('xlsx/skm_responden');
    // A national table's CSV holds no content of another file: a batch of its own. Parquet files are read one after another.
    expect(contentGroup('data/skm_responden.csv')).toBe('data/skm_responden.csv');
    expect(contentGroup('data/skm_responden.parquet')).toBe('parquet');
    expect(contentGroup('data/ikm_unit.parquet')).toBe('parquet');
    expect(contentGroup('data/rilis/2026-01-01-abcd1234/ikm_unit.parquet')).toBe('parquet');
    expect(contentGroup('data/rilis/2026-01-01-abcd1234/skm_responden.csv')).toBe('rilis');
    expect(contentGroup('data/kinerja-terbuka.zip')).toBe('rilis');
    expect(contentGroup('wilayah/kab-001/index.html')).toBeNull();
    expect(contentGroup('data')).toBeNull();
  });

  test('every file is in exactly one batch: groups largest first, then the rest in order, a few megabytes each', () => {
    const files = [
      { rel: 'index.html', bytes: BATCH_BYTES - 1 },
      { rel: 'data/a.csv', bytes: 10 },
      { rel: 'en/index.html', bytes: 5 },
      { rel: 'data/b.xlsx', bytes: 100 },
      { rel: 'data/rilis/r1/b.xlsx', bytes: 100 },
      { rel: 'x.html', bytes: 1 },
    ];
    expect(batches(files)).toEqual([[3, 4], [1], [0, 2], [5]]);
  });
});

describe('scanInThreads', () => {
  test('the threads are sent the private values as hashed tables on shared memory, which answer as the values do', () => {
    const shared = shareLookup(values());
    for (const t of [shared.cells, shared.search.long, shared.search.nips, shared.search.short])
      for (const a of [t.rows, t.starts]) expect(a.buffer).toBeInstanceOf(SharedArrayBuffer);
    const there = lookupFrom(structuredClone(shared));
    expect(['RSP-000123', 'Nama Loose Dua', 'RSP-000124', 'Nama Loose', '123'].map((c) => there.has(c))).toEqual([
      true,
      true,
      false,
      false,
      false,
    ]);
    expect(there.search?.find('oleh pegawai rahasia satu')).toEqual({ kind: 'text', at: 5 });
    expect(lookupFrom(shareLookup(new PrivateValues())).size).toBe(0);
  });

  test('the same leaks in the same order as one reader, with one thread or three; none in clean files', async () => {
    const pages: Record<string, string | Uint8Array> = {};
    for (let i = 0; i < 30; i++) pages[`wilayah/r${i}/index.html`] = `<p>Halaman ${i}: data umum saja.</p>`;
    pages['wilayah/r3/index.html'] = '<p>Oleh Pegawai Rahasia Satu</p>';
    pages['wilayah/r17/unit/index.html'] = '<p>Nama Loose Dua &amp; lainnya</p>';
    pages['data/wilayah/r5/saran.csv'] = 'kode_wilayah,teks\r\nr5,Saran yang sangat pribadi sekali\r\n';
    pages['data/paket/r5.zip'] = zipSync({ 'README.md': strToU8('NIP 198001012005011001') });
    pages['data/skm.csv'] = 'kode_wilayah,id\r\nr1,RSP-000123\r\n';
    const root = await site(pages);
    const paths = await gatePaths(root);
    const one = await scanForLeaks(root, meaningfulView(values()), { paths });
    expect(one.length).toBe(5);
    for (const threads of [1, 3]) {
      const got = await scanInThreads(root, paths, values(), { threads });
      expect(got.leaks).toEqual(one);
      expect(got.read.map(([rel]) => rel).sort()).toEqual(paths.map((p) => p.slice(root.length + 1)).sort());
    }
    // A site of one batch or less is read in this thread, with the same answer.
    const small = await site(pages, false);
    expect((await scanInThreads(small, await gatePaths(small), values(), { threads: 2 })).leaks).toEqual(one);
    // Without the private values, only the NIP-like number is found.
    const none = await scanInThreads(root, paths, new PrivateValues(), { threads: 2 });
    expect(none.leaks.map((l) => l.file)).toEqual([join('data', 'paket', 'r5.zip!', 'README.md')]);
  });

  test('a content found clean in two threads is counted once as passed before; a file a thread cannot read, or no thread at all, fails the gate with its reason', async () => {
    const table = 'kode_wilayah,x\r\nr1,1\r\n';
    const root = await site({ 'data/rilis/a/t.csv': table, 'data/wilayah/r1/t.csv': table, 'index.html': '<p>x</p>' });
    const paths = await gatePaths(root);
    const first = await scanInThreads(root, paths, values(), { threads: 2 });
    expect(first.leaks).toEqual([]);
    const contents = new Set(first.clean.map(([, c]) => c));
    expect(contents.size).toBe(1); // the same bytes, read the same way (strictly)
    const second = await scanInThreads(root, paths, values(), { threads: 2, passedBefore: new Set([...contents].map(contentEntry)) });
    expect(second.passed).toEqual([...contents]);
    // A thread that cannot read a file says why, and the gate fails (the build then stops, dist/ untouched).
    await mkdir(join(root, 'folder.html'));
    await expect(scanInThreads(root, [...paths, join(root, 'folder.html')], values(), { threads: 2 })).rejects.toThrow(/EISDIR/);
    for (const threads of [0, NaN, 1.5]) await expect(scanInThreads(root, paths, values(), { threads })).rejects.toThrow(/gate threads/);
  });
});
