/** The gate that refuses a staged site with a file cut short (pipeline.ts, before the privacy gate), and the search index made again when Pagefind leaves one. */
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { indexForSearch } from '../../src/pipeline.ts';
import { emptyFiles, moveInto } from '../../src/publish/site-files.ts';

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

test('a site with no empty file passes', async () => {
  await writeFile(join(root, 'pagefind', 'wasm.unknown.pagefind'), 'x');
  await writeFile(join(root, 'pagefind', 'index', 'a.pf_index'), 'x');
  expect(await emptyFiles(root)).toEqual([]);
});

test('a search index Pagefind left a file of empty is made again, from scratch, three times at most', async () => {
  const site = await mkdtemp(join(tmpdir(), 'kt-search-index-'));
  // A Pagefind that leaves its stylesheet empty the first `bad` times it runs.
  const flaky = (bad: number) => {
    let runs = 0;
    return async (out: string) => {
      runs++;
      await mkdir(out, { recursive: true });
      await writeFile(join(out, 'pagefind.js'), 'x');
      await writeFile(join(out, 'pagefind-component-ui.css'), runs <= bad ? '' : 'x');
      if (runs === 1) await writeFile(join(out, 'first-run-only.txt'), 'x');
    };
  };
  try {
    expect(await indexForSearch(site, flaky(0))).toBe(1);
    expect(await indexForSearch(site, flaky(1))).toBe(2);
    // Made again from scratch: nothing of the first run is left.
    expect(await emptyFiles(join(site, 'pagefind'))).toEqual([]);
    expect(existsSync(join(site, 'pagefind', 'first-run-only.txt'))).toBe(false);
    // Still empty after three: left for the empty-file gate to refuse.
    expect(await indexForSearch(site, flaky(5))).toBe(3);
    expect(await emptyFiles(join(site, 'pagefind'))).toEqual(['pagefind-component-ui.css']);
  } finally {
    await rm(site, { recursive: true, force: true });
  }
});

test('a search index whose entry file Pagefind cut short is made again; still cut short after three, the build stops', async () => {
  const site = await mkdtemp(join(tmpdir(), 'kt-search-entry-'));
  const cut = (bad: number) => {
    let runs = 0;
    return async (out: string) => {
      runs++;
      await mkdir(out, { recursive: true });
      await writeFile(join(out, 'pagefind-entry.json'), runs <= bad ? '{"version":"1.5.2","langu' : '{"version":"1.5.2","languages":{}}');
    };
  };
  try {
    expect(await indexForSearch(site, cut(2))).toBe(3);
    await expect(indexForSearch(site, cut(3))).rejects.toThrow(/pagefind-entry.json/);
  } finally {
    await rm(site, { recursive: true, force: true });
  }
});

test("the search index's entry file comes out the same whichever language Pagefind finished first", async () => {
  const site = await mkdtemp(join(tmpdir(), 'kt-entry-'));
  const entry = (first: string, second: string) => async (out: string) => {
    await mkdir(out, { recursive: true });
    const languages = Object.fromEntries([first, second].map((l) => [l, { hash: `${l}_a4ea2b68ed`, wasm: l, page_count: 85 }]));
    await writeFile(join(out, 'pagefind-entry.json'), JSON.stringify({ version: '1.5.2', languages, include_characters: ['_'] }));
  };
  try {
    await indexForSearch(site, entry('id', 'en'));
    const one = await readFile(join(site, 'pagefind', 'pagefind-entry.json'));
    await indexForSearch(site, entry('en', 'id'));
    const two = await readFile(join(site, 'pagefind', 'pagefind-entry.json'));
    expect(two.equals(one)).toBe(true);
    expect(Object.keys(JSON.parse(one.toString()).languages)).toEqual(['en', 'id']);
  } finally {
    await rm(site, { recursive: true, force: true });
  }
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
