/**
 * src/site/kept-headlines.ts: a region's headlines are kept by its pages key, and taken back only
 * for the regions the build names, only when the kept file has their shape.
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, expect, test } from 'vitest';
import { HEADLINES_ENV, keptOrMade, pruneKeptHeadlines, type KeptHeadlines } from '../../src/site/kept-headlines.ts';

let dir = '';
const saved = process.env[HEADLINES_ENV];
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'kt-kop-'));
});
afterEach(() => {
  if (saved === undefined) delete process.env[HEADLINES_ENV];
  else process.env[HEADLINES_ENV] = saved;
});
afterAll(() => rm(dir, { recursive: true, force: true }));

const tell = (kept: Omit<KeptHeadlines, 'dir'>) => (process.env[HEADLINES_ENV] = JSON.stringify({ dir, ...kept }));
const isList = (v: unknown): v is string[] => Array.isArray(v) && v.every((x) => typeof x === 'string');
/** keptOrMade for `kode`, made as `value`; how many times it was made. */
function ask(kode: string, value: string[]) {
  let made = 0;
  const got = keptOrMade(
    kode,
    () => {
      made++;
      return value;
    },
    isList,
  );
  return { got, made };
}

test('not told: made each time, nothing kept', () => {
  delete process.env[HEADLINES_ENV];
  expect(ask('kota-a', ['x'])).toEqual({ got: ['x'], made: 1 });
  expect(readdirSync(dir)).toEqual([]);
});

test('made and kept under the key; taken back only where the build allows it', () => {
  tell({ keys: { 'kota-a': 'k1' }, read: [] });
  expect(ask('kota-a', ['dibuat'])).toEqual({ got: ['dibuat'], made: 1 });
  expect(JSON.parse(readFileSync(join(dir, 'k1.json'), 'utf8'))).toEqual(['dibuat']);
  // Not named: made again (a full build computes every region's), even with a file kept.
  writeFileSync(join(dir, 'k1.json'), JSON.stringify(['tersimpan']));
  expect(ask('kota-a', ['dibuat'])).toEqual({ got: ['dibuat'], made: 1 });
  // Named: the kept file, not made.
  writeFileSync(join(dir, 'k1.json'), JSON.stringify(['tersimpan']));
  tell({ keys: { 'kota-a': 'k1' }, read: ['kota-a'] });
  expect(ask('kota-a', ['dibuat'])).toEqual({ got: ['tersimpan'], made: 0 });
});

test('a kept file of another shape, or cut short, is made again and kept whole', () => {
  tell({ keys: { 'kota-b': 'k2' }, read: ['kota-b'] });
  writeFileSync(join(dir, 'k2.json'), JSON.stringify({ bukan: 'daftar' }));
  expect(ask('kota-b', ['baru'])).toEqual({ got: ['baru'], made: 1 });
  expect(JSON.parse(readFileSync(join(dir, 'k2.json'), 'utf8'))).toEqual(['baru']);
  writeFileSync(join(dir, 'k2.json'), '["terpo');
  expect(ask('kota-b', ['baru'])).toEqual({ got: ['baru'], made: 1 });
  // No file left half-written beside it.
  expect(readdirSync(dir).filter((n) => n.endsWith('.tmp'))).toEqual([]);
});

test('a region without a key is made and not kept', () => {
  tell({ keys: {}, read: ['kota-c'] });
  const before = readdirSync(dir).sort();
  expect(ask('kota-c', ['x'])).toEqual({ got: ['x'], made: 1 });
  expect(readdirSync(dir).sort()).toEqual(before);
});

test("pruning keeps only the given keys' files", () => {
  writeFileSync(join(dir, 'lama.json'), '[]');
  pruneKeptHeadlines(dir, ['k1']);
  expect(readdirSync(dir)).toEqual(['k1.json']);
  pruneKeptHeadlines(join(dir, 'tidak-ada'), ['k1']); // no folder: nothing to do
  expect(existsSync(join(dir, 'k1.json'))).toBe(true);
});
