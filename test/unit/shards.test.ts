/** Shards (issue #13 item 3): how regions are split, and when a merge refuses its shards. */
import { describe, expect, it } from 'vitest';
import { mkdtemp, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { createHash } from 'node:crypto';
import {
  ShardError,
  joinShards,
  parseShard,
  readStamp,
  shardGroups,
  shardProblems,
  writeStamp,
  type ShardStamp,
} from '../../src/build/shards.ts';
import { precompress } from '../../src/deploy/precompress.ts';

describe('parseShard', () => {
  it('reads K/N with 1 ≤ K ≤ N', () => {
    expect(parseShard('2/3')).toEqual({ index: 2, count: 3 });
    expect(parseShard('1/1')).toEqual({ index: 1, count: 1 });
  });
  it.each(['0/3', '4/3', '3', '1/0', 'a/b', '-1/2', ''])('refuses %j with a bilingual message', (text) => {
    expect(() => parseShard(text)).toThrow(ShardError);
    expect(() => parseShard(text)).toThrow(/tulis K\/N.*write K\/N/);
  });
});

describe('shardGroups', () => {
  const regions = [
    { code: 'a', weight: 400 },
    { code: 'b', weight: 30 },
    { code: 'c', weight: 200 },
    { code: 'd', weight: 180 },
    { code: 'e', weight: 25 },
  ];
  it('puts every region in exactly one group, heaviest first to the lightest group', () => {
    // a → 1 (400); c → 2 (200); d → 3 (180); b → 3 (210); e → 2 (225)
    expect(shardGroups(regions, 3)).toEqual([['a'], ['c', 'e'], ['b', 'd']]);
  });
  it('is the same whatever order the regions come in', () => {
    expect(shardGroups([...regions].reverse(), 3)).toEqual(shardGroups(regions, 3));
  });
  it('leaves a group empty when there are more shards than regions', () => {
    expect(shardGroups(regions.slice(0, 2), 3)).toEqual([['a'], ['b'], []]);
  });
});

describe('shardProblems', () => {
  const site = {
    rilis: '2026-01-20-0fecae46',
    sebelumnya: null,
    tanggal: '2026-01-01',
    alamat: null,
    kode: 'abc',
    regions: ['a', 'b', 'c'],
  };
  const stamp = (bagian: string, wilayah: string[], over: Partial<ShardStamp> = {}): ShardStamp => ({
    rilis: site.rilis,
    sebelumnya: null,
    tanggal: site.tanggal,
    alamat: null,
    kode: site.kode,
    bagian,
    wilayah,
    berkas: {},
    ...over,
  });
  const dirs = ['s1', 's2'];

  it('accepts every part once, of this release, holding every region once', () => {
    expect(shardProblems(dirs, [stamp('1/2', ['a', 'c']), stamp('2/2', ['b'])], site)).toEqual([]);
  });
  it('names what is wrong', () => {
    expect(shardProblems(dirs, [stamp('1/2', ['a', 'c']), null], site)).toEqual([
      's2: bukan keluaran --shard (tidak ada kt-shard.json) / not the output of --shard (no kt-shard.json)',
    ]);
    expect(shardProblems(dirs, [stamp('1/2', ['a', 'c']), stamp('2/2', ['b'], { rilis: 'lain' })], site)[0]).toMatch(
      /^s2: rilis lain, bukan 2026-01-20-0fecae46/,
    );
    expect(shardProblems(dirs, [stamp('1/2', ['a', 'c']), stamp('2/2', ['b'], { sebelumnya: 'x' })], site)[0]).toMatch(/--arsip/);
    expect(shardProblems(dirs, [stamp('1/2', ['a', 'c']), stamp('2/2', ['b'], { tanggal: '2026-01-02' })], site)[0]).toMatch(
      /SOURCE_DATE_EPOCH/,
    );
    expect(shardProblems(dirs, [stamp('1/2', ['a', 'c']), stamp('2/2', ['b'], { alamat: 'https://x' })], site)[0]).toMatch(/KT_SITE_URL/);
    expect(shardProblems(dirs, [stamp('1/2', ['a', 'c']), stamp('2/2', ['b'], { kode: 'def' })], site)[0]).toMatch(/kode lain.*other code/);
    expect(shardProblems(dirs, [stamp('1/2', ['a', 'c']), stamp('1/2', ['b'])], site)).toContain(
      's2: bagian 1/2 juga di s1 / shard 1/2 also in s1',
    );
    expect(shardProblems(dirs, [stamp('1/2', ['a', 'c']), stamp('2/3', ['b'])], site)).toContain(
      'bagian dari pembagian yang berbeda (2, 3) / shards of different splits (2, 3)',
    );
    expect(shardProblems(['s1'], [stamp('1/2', ['a', 'c'])], site)).toEqual(['bagian 2/2 tidak diberikan / shard 2/2 not given']);
    // The middle shard of three missing: named, as the last is.
    expect(shardProblems(['s1', 's3'], [stamp('1/3', ['a']), stamp('3/3', ['c'])], site)).toContain(
      'bagian 2/3 tidak diberikan / shard 2/3 not given',
    );
    expect(shardProblems(dirs, [stamp('1/2', ['a', 'c']), stamp('2/2', ['c'])], site)).toContain(
      's2: wilayah c juga di s1 / region c also in s1',
    );
    expect(shardProblems(dirs, [stamp('1/2', ['a']), stamp('2/2', ['b'])], site)).toEqual([
      'wilayah tanpa halaman dari bagian mana pun / regions without pages from any shard: c',
    ]);
    expect(shardProblems(dirs, [stamp('1/2', ['a', 'c']), stamp('2/2', ['b', 'z'])], site)).toContain(
      'wilayah yang tidak ada di ekspor ini / regions not in these exports: z',
    );
  });
});

describe('joinShards and the twins it brings', () => {
  const context = { rilis: 'r', sebelumnya: null, tanggal: '2026-01-01', alamat: null, kode: 'k', bagian: '1/1', wilayah: ['a'] };
  const page = '<p>' + 'halaman wilayah a '.repeat(80) + '</p>'; // over MIN_TWIN_BYTES: twinned
  let root: string;
  let shard: string;
  let site: string;
  const make = async () => {
    root = await mkdtemp(join(tmpdir(), 'kt-join-'));
    shard = join(root, 'bagian');
    site = join(root, 'situs');
    await mkdir(join(shard, 'wilayah', 'a'), { recursive: true });
    await mkdir(site);
    await writeFile(join(shard, 'wilayah', 'a', 'index.html'), page);
    await precompress(shard);
  };
  const stampAndJoin = async () => {
    await writeStamp(shard, context);
    return joinShards(site, [shard], [(await readStamp(shard))!]);
  };

  it('copies exactly the files the stamp lists, twins that hold their file kept by precompress', async () => {
    await make();
    const joined = await stampAndJoin();
    expect(joined.problems).toEqual([]);
    expect(joined.files.sort()).toEqual(['wilayah/a/index.html', 'wilayah/a/index.html.br', 'wilayah/a/index.html.gz']);
    const twin = await readFile(join(site, 'wilayah/a/index.html.gz'));
    await precompress(site);
    expect((await readFile(join(site, 'wilayah/a/index.html.gz'))).equals(twin)).toBe(true);
    await rm(root, { recursive: true, force: true });
  });

  it('lists a file by the hash already made of it (the gate’s, the twins’), reading only the others', async () => {
    await make();
    const known = 'a'.repeat(64);
    await writeStamp(shard, context, new Map([['wilayah/a/index.html', known]]));
    const { berkas } = (await readStamp(shard))!;
    expect(berkas['wilayah/a/index.html']).toBe(known);
    const gz = await readFile(join(shard, 'wilayah/a/index.html.gz'));
    expect(berkas['wilayah/a/index.html.gz']).toBe(createHash('sha256').update(gz).digest('hex'));
    expect(Object.keys(berkas).sort()).toEqual(['wilayah/a/index.html', 'wilayah/a/index.html.br', 'wilayah/a/index.html.gz']);
    await rm(root, { recursive: true, force: true });
  });

  it('refuses a file changed or added after the stamp, one missing, and a twin of no compressed file of its own', async () => {
    await make();
    await writeStamp(shard, context);
    const stamp = (await readStamp(shard))!;
    await writeFile(join(shard, 'wilayah', 'a', 'index.html'), page + 'x');
    await writeFile(join(shard, 'lain.txt'), 'x');
    await rm(join(shard, 'wilayah', 'a', 'index.html.br'));
    const { problems } = await joinShards(site, [shard], [stamp]);
    expect(problems.join('\n')).toMatch(/index\.html tidak seperti dicatat/);
    expect(problems.join('\n')).toMatch(/lain\.txt tidak seperti dicatat/);
    expect(problems.join('\n')).toMatch(/index\.html\.br hilang/);
    await writeFile(join(shard, 'gambar.png'), 'x');
    await writeFile(join(shard, 'gambar.png.gz'), gzipSync('NIP 198001012005011001'));
    await writeFile(join(shard, 'yatim.json.br'), 'x');
    const again = await stampAndJoin();
    expect(again.problems.join('\n')).toMatch(/gambar\.png\.gz bukan kembaran/);
    expect(again.problems.join('\n')).toMatch(/yatim\.json\.br bukan kembaran/);
    await rm(root, { recursive: true, force: true });
  });

  it('precompress makes anew, or removes, a twin that does not hold its file', async () => {
    await make();
    const file = join(shard, 'wilayah', 'a', 'index.html');
    await writeFile(`${file}.gz`, gzipSync('lain'));
    await writeFile(join(shard, 'kecil.json'), '1');
    await writeFile(join(shard, 'kecil.json.gz'), gzipSync('NIP 198001012005011001'));
    await precompress(shard);
    expect(gzipSync(page).length).toBeLessThan(page.length);
    const { gunzipSync } = await import('node:zlib');
    expect(gunzipSync(await readFile(`${file}.gz`)).toString()).toBe(page);
    expect(existsSync(join(shard, 'kecil.json.gz'))).toBe(false);
    await rm(root, { recursive: true, force: true });
  });
});
