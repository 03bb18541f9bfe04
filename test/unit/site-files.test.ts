/** The gate that refuses a staged site with a file cut short (pipeline.ts, before the privacy gate). */
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { emptyFiles } from '../../src/publish/site-files.ts';

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
