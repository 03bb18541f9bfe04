/** Shards (issue #13 item 3): how regions are split, and when a merge refuses its shards. */
import { describe, expect, it } from 'vitest';
import { ShardError, parseShard, shardGroups, shardProblems, type ShardStamp } from '../../src/build/shards.ts';

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
  const site = { release: '2026-01-20-0fecae46', previous: null, regions: ['a', 'b', 'c'] };
  const stamp = (bagian: string, wilayah: string[], over: Partial<ShardStamp> = {}): ShardStamp => ({
    rilis: site.release,
    sebelumnya: null,
    bagian,
    wilayah,
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
    expect(shardProblems(dirs, [stamp('1/2', ['a', 'c']), stamp('1/2', ['b'])], site)).toContain(
      's2: bagian 1/2 juga di s1 / shard 1/2 also in s1',
    );
    expect(shardProblems(dirs, [stamp('1/2', ['a', 'c']), stamp('2/3', ['b'])], site)).toContain(
      'bagian dari pembagian yang berbeda (2, 3) / shards of different splits (2, 3)',
    );
    expect(shardProblems(['s1'], [stamp('1/2', ['a', 'c'])], site)).toEqual(['bagian 2/2 tidak diberikan / shard 2/2 not given']);
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
