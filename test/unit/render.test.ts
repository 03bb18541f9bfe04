/**
 * src/build/render.ts: how many processes render the pages, and how a second renderer's files
 * join the site (test/browser/second-publication.test.ts builds the sample with two and compares bytes).
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { EarlyRenderer, moveRendered, renderElsewhere, renderersFor, rendersEarly, SPLIT_FROM_REGIONS } from '../../src/build/render.ts';
import { LARGE_EXPORT_BYTES } from '../../src/build/export-size.ts';
import { shardGroups } from '../../src/build/shards.ts';
import { tempDirEach } from '../support/temp-dir.ts';

const tmp = tempDirEach('kt-render-');
const EPOCH = '1764000000';

async function files(root: string, all: Record<string, string>) {
  for (const [rel, text] of Object.entries(all)) {
    await mkdir(join(root, rel, '..'), { recursive: true });
    await writeFile(join(root, rel), text);
  }
}

describe('renderersFor', () => {
  test('one for a few regions; one per core (at most 4) for many; KT_RENDERERS decides; never more than the regions', () => {
    expect(renderersFor(SPLIT_FROM_REGIONS - 1, {})).toBe(1);
    expect(renderersFor(50, {})).toBe(Math.min(4, availableParallelism()));
    expect(renderersFor(5, { KT_RENDERERS: '2' })).toBe(2);
    expect(renderersFor(1, { KT_RENDERERS: '3' })).toBe(1);
    expect(renderersFor(50, { KT_RENDERERS: '1' })).toBe(1);
    expect(renderersFor(50, { KT_RENDERERS: 'dua' })).toBe(Math.min(4, availableParallelism()));
  });
});

describe("the renderers' groups (shardGroups)", () => {
  const regions = [
    { code: 'a', weight: 5 },
    { code: 'b', weight: 4 },
    { code: 'c', weight: 3 },
    { code: 'd', weight: 2 },
    { code: 'e', weight: 1 },
  ];
  test('each renderer takes the lightest group so far, the heaviest regions first', () => {
    expect(shardGroups(regions, 2)).toEqual([
      ['a', 'd', 'e'],
      ['b', 'c'],
    ]);
    expect(shardGroups(regions, 3)).toEqual([['a'], ['b', 'e'], ['c', 'd']]);
    expect(shardGroups(regions, 1)).toEqual([['a', 'b', 'c', 'd', 'e']]);
  });
});

describe('moveRendered', () => {
  test("a renderer's own files are moved in; a file both wrote, the same bytes, is listed once", async () => {
    const site = join(tmp.dir, 'site');
    const other = join(tmp.dir, 'render-2');
    await files(site, { '_astro/a.css': 'x{}', '404.html': '<p>404</p>', 'wilayah/alpha/index.html': 'alpha' });
    await files(other, { '_astro/a.css': 'x{}', '404.html': '<p>404</p>', 'wilayah/beta/index.html': 'beta' });
    const written = await moveRendered(other, site, ['404.html', 'wilayah/beta/index.html']);
    expect(written).toEqual(['wilayah/beta/index.html']);
    expect(await readFile(join(site, 'wilayah/beta/index.html'), 'utf8')).toBe('beta');
    expect(existsSync(other)).toBe(false);
  });
  test('other bytes at the same path are refused, named', async () => {
    const site = join(tmp.dir, 'site');
    const other = join(tmp.dir, 'render-2');
    await files(site, { '_astro/a.css': 'x{}' });
    await files(other, { '_astro/a.css': 'y{}' });
    await expect(moveRendered(other, site, [])).rejects.toThrow(/_astro\/a\.css: .*two page renderers wrote different bytes/);
  });
});

describe('renderElsewhere', () => {
  test('a renderer that fails is an error naming its regions, in both languages', async () => {
    const pages = { regions: ['kota-001', 'kab-002'], national: false };
    // No tables to render from: the renderer refuses and exits with 2.
    await expect(renderElsewhere(join(tmp.dir, 'render-2'), { tables: '', pages }, EPOCH, new AbortController().signal)).rejects.toThrow(
      'halaman wilayah kota-001, kab-002 tidak terbangun / the pages of regions kota-001, kab-002 were not rendered (2)',
    );
  });
  test('the national pages’ renderer that fails says so, naming no regions', async () => {
    const pages = { regions: [], national: true };
    await expect(
      renderElsewhere(join(tmp.dir, 'render-nasional'), { tables: '', pages }, EPOCH, new AbortController().signal),
    ).rejects.toThrow(/^halaman nasional tidak terbangun \/ the national pages were not rendered \(2\)$/);
  });
  test('stopped when the build stops it', async () => {
    const stop = new AbortController();
    const pages = { regions: ['kota-001'], national: false };
    const running = renderElsewhere(join(tmp.dir, 'render-2'), { tables: join(tmp.dir, 'tidak-ada'), pages }, EPOCH, stop.signal);
    stop.abort();
    await expect(running).rejects.toThrow(/were not rendered \(SIGTERM\)/);
  });
});

describe('EarlyRenderer', () => {
  test('stopped before it is told what to render: its process ends, nothing is written, and it can be told no more', async () => {
    const dir = join(tmp.dir, 'render-nasional');
    const early = new EarlyRenderer(dir, EPOCH);
    await early.cancel();
    expect(existsSync(dir)).toBe(false);
    expect(existsSync(`${dir}.json`)).toBe(false);
    expect(() => early.give({ tables: tmp.dir, pages: { regions: [], national: true } })).toThrow(/after it was stopped/);
  });
  test('told tables that are not there, it fails as it reads them (an unexpected failure: 2), naming the pages it was told; it said when it had bundled the code, before', async () => {
    const early = new EarlyRenderer(join(tmp.dir, 'render-nasional'), EPOCH);
    const said: string[] = [];
    void early.bundled.then(() => said.push('bundled'));
    const given = early.give({ tables: join(tmp.dir, 'tidak-ada'), pages: { regions: ['kota-001'], national: true } }).catch((e: Error) => {
      said.push('failed');
      throw e;
    });
    await expect(given).rejects.toThrow(
      /^halaman nasional dan halaman wilayah kota-001 tidak terbangun \/ the national pages and the pages of regions kota-001 were not rendered \(2\)$/,
    );
    // (Had it not said so, `bundled` would have been resolved by its end only, after the failure was told.)
    expect(said).toEqual(['bundled', 'failed']);
  }, 120_000);
});

describe('rendersEarly', () => {
  const exportOf = async (regions: number, bytes: number) => {
    const dir = join(tmp.dir, `ekspor-${regions}-${bytes}`);
    for (let i = 0; i < regions; i++) await files(dir, { [`w${i}/skm.csv`]: 'x'.repeat(bytes) });
    await files(dir, { 'README.txt': 'not a region', '.git/HEAD': 'not a region' });
    return dir;
  };
  test('starts the national pages’ renderer early for an export whose regions are rendered apart, of a size measured so', async () => {
    // (On a machine of one core, one process renders every page.)
    expect(rendersEarly(await exportOf(SPLIT_FROM_REGIONS, 10), { KT_RENDERERS: '' })).toBe(availableParallelism() > 1);
    expect(rendersEarly(await exportOf(2, 10), { KT_RENDERERS: '2' })).toBe(true);
  });
  test('not for a site rendered in one process, a larger export, or a folder that is not there', async () => {
    expect(rendersEarly(await exportOf(SPLIT_FROM_REGIONS - 1, 10), { KT_RENDERERS: '' })).toBe(false);
    expect(rendersEarly(await exportOf(2, 10), { KT_RENDERERS: '1' })).toBe(false);
    // Two regions of just over half the bound each: counted across regions.
    const big = await exportOf(2, 10);
    const { truncate } = await import('node:fs/promises');
    for (const w of ['w0', 'w1']) await truncate(join(big, w, 'skm.csv'), LARGE_EXPORT_BYTES / 2 + 1);
    expect(rendersEarly(big, { KT_RENDERERS: '2' })).toBe(false);
    expect(rendersEarly(join(tmp.dir, 'tidak-ada'), { KT_RENDERERS: '2' })).toBe(false);
    expect(rendersEarly(await exportOf(2, 10), { KT_RENDERERS: '2', KT_EARLY_RENDER: '0' })).toBe(false);
  });
});
