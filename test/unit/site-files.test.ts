/** The check that refuses a staged site with a file cut short (pipeline.ts, before the privacy gate), and the tables moved into the site. */
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, test } from 'vitest';
import { emptyFiles, fileSizes, inTurns, listFiles, moveInto, removeTree } from '../../src/publish/site-files.ts';

let root: string;
beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'kt-site-files-'));
  await mkdir(join(root, 'pagefind', 'index'), { recursive: true });
  await writeFile(join(root, 'index.html'), '<!doctype html>');
  await writeFile(join(root, 'pagefind', 'wasm.id.pagefind'), Buffer.alloc(10, 1));
  await writeFile(join(root, 'pagefind', 'wasm.unknown.pagefind'), '');
  await writeFile(join(root, 'pagefind', 'index', 'a.pf_index'), '');
  await writeFile(join(root, '.nojekyll'), '');
});
afterAll(() => rm(root, { recursive: true, force: true }));

test('every empty file, at any depth, is named; files with content and empty marker dotfiles are not', async () => {
  expect(await emptyFiles(root)).toEqual([join('pagefind', 'index', 'a.pf_index'), join('pagefind', 'wasm.unknown.pagefind')]);
});

test('every file is listed once, relative to the folder, depth first; a link is listed, not followed; an empty folder lists nothing', async () => {
  const dir = join(root, 'daftar');
  for (const d of ['a/aa', 'b/bb', 'kosong']) await mkdir(join(dir, d), { recursive: true });
  for (const f of ['x.html', 'a/y.csv', 'a/aa/z.json', 'b/bb/w.json']) await writeFile(join(dir, f), f);
  await symlink(join(dir, 'a'), join(dir, 'tautan'));
  const listed = listFiles(dir);
  expect([...listed].sort()).toEqual([join('a', 'aa', 'z.json'), join('a', 'y.csv'), join('b', 'bb', 'w.json'), 'tautan', 'x.html']);
  // Depth first: a folder's files, at any depth, come together, never mixed with a sibling folder's
  // (breadth first would list a/y.csv, then b/bb/w.json before a/aa/z.json, or the other way round).
  const at = (f: string) => listed.indexOf(f);
  expect(Math.abs(at(join('a', 'aa', 'z.json')) - at(join('a', 'y.csv')))).toBe(1);
  await rm(dir, { recursive: true });
  expect(() => listFiles(dir)).toThrow(/ENOENT/);
});

test('a site with no empty file passes', async () => {
  await writeFile(join(root, 'pagefind', 'wasm.unknown.pagefind'), 'x');
  await writeFile(join(root, 'pagefind', 'index', 'a.pf_index'), 'x');
  expect(await emptyFiles(root)).toEqual([]);
});

test('the published tables move into the site beside its pages under data/: folders in both are joined, a file in both is the tables’', async () => {
  const from = join(root, 'tabel');
  const to = join(root, 'situs', 'data');
  for (const [rel, text] of [
    ['ikm_unit.csv', 'csv'],
    ['rilis/r1/ikm_unit.csv', 'r1'],
    ['rilis/index.json', 'json'],
    ['wilayah/a/ikm_unit.csv', 'a'],
  ])
    await mkdir(join(from, rel, '..'), { recursive: true }).then(() => writeFile(join(from, rel), text));
  for (const [rel, text] of [
    ['index.html', 'data page'],
    ['rilis/index.html', 'releases page'],
    ['rilis/index.json', 'stale'],
  ])
    await mkdir(join(to, rel, '..'), { recursive: true }).then(() => writeFile(join(to, rel), text));
  await moveInto(from, to);
  const read = (rel: string) => readFile(join(to, rel), 'utf8');
  expect(
    await Promise.all(
      ['ikm_unit.csv', 'rilis/r1/ikm_unit.csv', 'rilis/index.json', 'wilayah/a/ikm_unit.csv', 'index.html', 'rilis/index.html'].map(read),
    ),
  ).toEqual(['csv', 'r1', 'json', 'a', 'data page', 'releases page']);
  expect(existsSync(join(from, 'ikm_unit.csv'))).toBe(false);
});

test('given the walk and the hashes of files already checked, names those known empty and reads only the sizes of the rest', async () => {
  const sha = (text: string) => createHash('sha256').update(text).digest('hex');
  const files = ['index.html', 'wilayah/a/index.html', 'wilayah/a/index.html.br', 'wilayah/b/index.html', '.nojekyll'];
  await writeFile(join(root, 'index.html'), '');
  // Not on disk: known files are judged by their hash alone, never read or stat'ed (a stat of these would throw).
  const known = new Map([
    ['wilayah/a/index.html', sha('<p>a</p>')],
    ['wilayah/a/index.html.br', sha('')],
    ['wilayah/b/index.html', sha('<p>b</p>')],
  ]);
  expect(await emptyFiles(root, { files, known })).toEqual(['index.html', 'wilayah/a/index.html.br']);
});

test('the sizes of many files, in their order across the turns of stats', async () => {
  const dir = join(root, 'ukuran');
  await mkdir(dir);
  // More files than are stated at once: the order holds across the turns.
  const paths = Array.from({ length: 150 }, (_, i) => join(dir, `f${i}`));
  for (const [i, p] of paths.entries()) await writeFile(p, Buffer.alloc((i * 37) % 101));
  expect(await fileSizes(paths)).toEqual(paths.map((_, i) => (i * 37) % 101));
  await expect(fileSizes([join(dir, 'tidak-ada')])).rejects.toThrow(/ENOENT/);
});

describe('inTurns', () => {
  it('runs every item, at most `count` at once', async () => {
    let running = 0;
    let most = 0;
    const seen: number[] = [];
    await inTurns([1, 2, 3, 4, 5, 6, 7], 3, async (n, i) => {
      running++;
      most = Math.max(most, running);
      await new Promise((r) => setTimeout(r, 5 * (n % 3)));
      seen[i] = n * 10;
      running--;
    });
    expect(seen).toEqual([10, 20, 30, 40, 50, 60, 70]);
    expect(most).toBe(3);
  });

  it('after a failure starts no item, lets those under way finish, then throws the first failure', async () => {
    const started: number[] = [];
    let finished = 0;
    const run = inTurns([0, 1, 2, 3, 4, 5], 2, async (n) => {
      started.push(n);
      if (n === 1) throw new Error('satu');
      if (n === 2) throw new Error('dua');
      await new Promise((r) => setTimeout(r, 20));
      finished++;
    });
    await expect(run).rejects.toThrow('satu');
    expect(started).toEqual([0, 1]);
    expect(finished).toBe(1);
  });
});

describe('removeTree', () => {
  test('removes a folder with all it holds, its links removed, never followed; a path that is not there is no error', async () => {
    const dir = join(root, 'buang');
    const outside = join(root, 'di-luar');
    await mkdir(join(dir, 'a', 'b'), { recursive: true });
    await mkdir(outside, { recursive: true });
    await writeFile(join(dir, 'a', 'b', 'x.html'), 'x');
    await writeFile(join(dir, 'y.csv'), 'y');
    await writeFile(join(outside, 'tetap.txt'), 'tetap');
    await symlink(outside, join(dir, 'a', 'tautan'));
    await removeTree(dir);
    expect(existsSync(dir)).toBe(false);
    expect(await readFile(join(outside, 'tetap.txt'), 'utf8')).toBe('tetap');
    await removeTree(dir);
    await removeTree(join(root, 'tidak-ada', 'juga'));
  });
  test('where there is no rm, Node removes it', async () => {
    const dir = join(root, 'tanpa-rm');
    await mkdir(join(dir, 'a'), { recursive: true });
    await writeFile(join(dir, 'a', 'x.html'), 'x');
    const path = process.env.PATH;
    process.env.PATH = '';
    try {
      await removeTree(dir);
    } finally {
      process.env.PATH = path;
    }
    expect(existsSync(dir)).toBe(false);
  });
});
