/** The gate that refuses a staged site with a file cut short (pipeline.ts, before the privacy gate), and the search index made whole by Pagefind's command. */
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { createHash } from 'node:crypto';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { indexForSearch } from '../../src/publish/search-index.ts';
import { emptyFiles, moveInto, walk } from '../../src/publish/site-files.ts';

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

test('the search index is made by Pagefind’s command, by its arguments alone: whole, the same bytes each time, languages in order, nothing of an earlier index left', async () => {
  const site = await mkdtemp(join(tmpdir(), 'kt-search-index-'));
  const page = (lang: string, words: string) =>
    `<!doctype html><html lang="${lang}"><head><title>${words}</title></head><body><main>${words}</main></body></html>`;
  try {
    await writeFile(join(site, 'index.html'), page('id', 'Indeks kepuasan masyarakat Kota Binjai'));
    await mkdir(join(site, 'en'));
    await writeFile(join(site, 'en', 'index.html'), page('en', 'Community satisfaction index of Binjai'));
    await mkdir(join(site, 'pagefind'));
    await writeFile(join(site, 'pagefind', 'stale.pf_meta'), 'x');
    // A setting the command would read from the environment (here, one that finds no page) is not its.
    process.env.PAGEFIND_GLOB = 'nothing/**/*.html';
    try {
      await indexForSearch(site);
    } finally {
      delete process.env.PAGEFIND_GLOB;
    }
    const first = await hashesUnder(join(site, 'pagefind'));
    expect(first.has('stale.pf_meta')).toBe(false);
    expect(first.has('pagefind-component-ui.js')).toBe(true);
    const entry = JSON.parse(await readFile(join(site, 'pagefind', 'pagefind-entry.json'), 'utf8')) as { languages: object };
    expect(Object.keys(entry.languages)).toEqual(['en', 'id']);
    // Every file gzip-framed by Pagefind unpacks whole (a file cut short does not).
    for (const f of first.keys()) if (/\.(pf_\w+|pagefind)$/.test(f)) gunzipSync(await readFile(join(site, 'pagefind', f)));
    await indexForSearch(site);
    expect(await hashesUnder(join(site, 'pagefind'))).toEqual(first);
  } finally {
    await rm(site, { recursive: true, force: true });
  }
});

test('a search index left with an empty file or a broken entry stops the build, naming it; so does Pagefind failing', async () => {
  const site = await mkdtemp(join(tmpdir(), 'kt-search-entry-'));
  const writes = (name: string, text: string) => async (out: string) => {
    await mkdir(out, { recursive: true });
    await writeFile(join(out, 'pagefind.js'), 'x');
    await writeFile(join(out, name), text);
  };
  try {
    await expect(indexForSearch(site, writes('pagefind-component-ui.css', ''))).rejects.toThrow(/empty files: pagefind-component-ui\.css$/);
    await expect(indexForSearch(site, writes('pagefind-entry.json', '{"version":"1.5.2","langu'))).rejects.toThrow(/pagefind-entry\.json/);
    await indexForSearch(site, writes('pagefind-entry.json', '{"version":"1.5.2","languages":{}}'));
    // No page to index: Pagefind's own message, and its exit code.
    await expect(indexForSearch(site)).rejects.toThrow(/Pagefind berhenti \/ stopped \(exit 1\):\n.*not able to build an index/);
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

/** Each file's SHA-256 under `dir`, by its path there. */
async function hashesUnder(dir: string): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  for await (const f of walk(dir))
    out.set(
      relative(dir, f),
      createHash('sha256')
        .update(await readFile(f))
        .digest('hex'),
    );
  return new Map([...out].sort(([a], [b]) => (a < b ? -1 : 1)));
}
