/**
 * src/site/kept-headlines.ts: a region's headlines are kept by its pages key, taken back only for
 * the regions the build names and only when the kept file has their shape; what a build makes
 * waits in its stage until it is settled into the kept folder.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, expect, test } from 'vitest';
import { HEADLINES_ENV, keptOrMade, settleKeptHeadlines, type KeptHeadlines } from '../../src/site/kept-headlines.ts';
import { tempDirEach } from '../support/temp-dir.ts';

const tmp = tempDirEach('kt-kop-');
const saved = process.env[HEADLINES_ENV];
afterEach(() => {
  if (saved === undefined) delete process.env[HEADLINES_ENV];
  else process.env[HEADLINES_ENV] = saved;
});

const K1 = '1'.repeat(64);
const K2 = '2'.repeat(64);
const kept = () => join(tmp.dir, 'kop');
const made = () => join(tmp.dir, 'stage', 'kop');
/** Tells this process's renderer what the build would (a file, its path in HEADLINES_ENV). */
function tell(told: Pick<KeptHeadlines, 'keys' | 'read'>) {
  const path = join(tmp.dir, `kop-${Object.keys(told.keys).join('-')}-${told.read.join('-')}.json`);
  writeFileSync(path, JSON.stringify({ dir: kept(), made: made(), ...told }));
  process.env[HEADLINES_ENV] = path;
}
const isList = (v: unknown): v is string[] => Array.isArray(v) && v.every((x) => typeof x === 'string');
/** keptOrMade for `kode`, made as `value`; how many times it was made. */
function ask(kode: string, value: string[]) {
  let times = 0;
  const got = keptOrMade(
    kode,
    () => {
      times++;
      return value;
    },
    isList,
  );
  return { got, made: times };
}
const plant = (key: string, value: unknown) => {
  mkdirSync(kept(), { recursive: true });
  writeFileSync(join(kept(), `${key}.json`), typeof value === 'string' ? value : JSON.stringify(value));
};

test('not told: made each time, nothing written', () => {
  delete process.env[HEADLINES_ENV];
  expect(ask('kota-a', ['x'])).toEqual({ got: ['x'], made: 1 });
  expect(readdirSync(tmp.dir)).toEqual([]);
});

test('made into the stage under its key; taken from the kept folder only where the build allows it', () => {
  plant(K1, ['tersimpan']);
  // Not named (a full build computes every region's): made, even with a file kept.
  tell({ keys: { 'kota-a': K1 }, read: [] });
  expect(ask('kota-a', ['dibuat'])).toEqual({ got: ['dibuat'], made: 1 });
  expect(JSON.parse(readFileSync(join(made(), `${K1}.json`), 'utf8'))).toEqual(['dibuat']);
  expect(JSON.parse(readFileSync(join(kept(), `${K1}.json`), 'utf8'))).toEqual(['tersimpan']);
  // Named: the kept file, not made.
  tell({ keys: { 'kota-a': K1 }, read: ['kota-a'] });
  expect(ask('kota-a', ['dibuat'])).toEqual({ got: ['tersimpan'], made: 0 });
});

test('a kept file of another shape, or cut short, is made again', () => {
  tell({ keys: { 'kota-b': K2 }, read: ['kota-b'] });
  plant(K2, { bukan: 'daftar' });
  expect(ask('kota-b', ['baru'])).toEqual({ got: ['baru'], made: 1 });
  plant(K2, '["terpo');
  expect(ask('kota-b', ['baru'])).toEqual({ got: ['baru'], made: 1 });
  // Nothing left half-written in the stage.
  expect(readdirSync(made())).toEqual([`${K2}.json`]);
});

test('a region without a key is made and not written', () => {
  tell({ keys: {}, read: ['kota-c'] });
  expect(ask('kota-c', ['x'])).toEqual({ got: ['x'], made: 1 });
  expect(existsSync(made())).toBe(false);
});

test("settled: the made ones kept, then only the site's keys' files left, nothing else of the folder touched", () => {
  const old = '3'.repeat(64);
  plant(old, []);
  plant(K1, ['lama']);
  writeFileSync(join(kept(), 'catatan.txt'), 'bukan milik build');
  mkdirSync(made(), { recursive: true });
  writeFileSync(join(made(), `${K1}.json`), '["baru"]');
  writeFileSync(join(made(), `${K2}.json`), '["dua"]');
  expect(settleKeptHeadlines(made(), kept(), [K1, K2])).toBe(2);
  expect(readdirSync(kept()).sort()).toEqual([`${K1}.json`, `${K2}.json`, 'catatan.txt']);
  expect(readFileSync(join(kept(), `${K1}.json`), 'utf8')).toBe('["baru"]');
  // None made (a build that rendered no region): the folder only pruned.
  expect(settleKeptHeadlines(join(tmp.dir, 'tidak-ada'), kept(), [K2])).toBe(0);
  expect(readdirSync(kept()).sort()).toEqual([`${K2}.json`, 'catatan.txt']);
});
