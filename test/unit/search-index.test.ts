/** The site's search index, made whole by Pagefind's own command (src/publish/search-index.ts). */
import { createHash } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { expect, test } from 'vitest';
import { indexForSearch } from '../../src/publish/search-index.ts';
import { walk } from '../../src/publish/site-files.ts';
import { tempDirEach } from '../support/temp-dir.ts';

const tmp = tempDirEach('kt-search-index-');

test('the search index is made by Pagefind’s command, by its arguments alone: whole, the same bytes each time, languages in order, nothing of an earlier index left', async () => {
  const site = tmp.dir;
  const page = (lang: string, words: string) =>
    `<!doctype html><html lang="${lang}"><head><title>${words}</title></head><body><main>${words}</main></body></html>`;
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
});

test('a search index left with an empty file or a broken entry stops the build, naming it; so does Pagefind failing', async () => {
  const site = tmp.dir;
  const writes = (name: string, text: string) => async (_site: string, out: string) => {
    await mkdir(out, { recursive: true });
    await writeFile(join(out, 'pagefind.js'), 'x');
    await writeFile(join(out, name), text);
  };
  await expect(indexForSearch(site, writes('pagefind-component-ui.css', ''))).rejects.toThrow(
    /empty files: pagefind\/pagefind-component-ui\.css$/,
  );
  await expect(indexForSearch(site, writes('pagefind-entry.json', '{"version":"1.5.2","langu'))).rejects.toThrow(/pagefind-entry\.json/);
  await expect(indexForSearch(site, writes('pagefind-ui.js', 'x'))).rejects.toThrow(
    /pagefind-entry\.json rusak atau tidak ada \/ broken or missing/,
  );
  await indexForSearch(site, writes('pagefind-entry.json', '{"version":"1.5.2","languages":{}}'));
  // No page to index: Pagefind's own message, and its exit code.
  await expect(indexForSearch(site)).rejects.toThrow(/Pagefind berhenti \/ stopped \(exit 1\):\n.*not able to build an index/);
});

test("the search index's entry file comes out the same whichever language Pagefind finished first", async () => {
  const site = tmp.dir;
  const entry = (first: string, second: string) => async (_site: string, out: string) => {
    await mkdir(out, { recursive: true });
    const languages = Object.fromEntries([first, second].map((l) => [l, { hash: `${l}_a4ea2b68ed`, wasm: l, page_count: 85 }]));
    await writeFile(join(out, 'pagefind-entry.json'), JSON.stringify({ version: '1.5.2', languages, include_characters: ['_'] }));
  };
  await indexForSearch(site, entry('id', 'en'));
  const one = await readFile(join(site, 'pagefind', 'pagefind-entry.json'));
  await indexForSearch(site, entry('en', 'id'));
  const two = await readFile(join(site, 'pagefind', 'pagefind-entry.json'));
  expect(two.equals(one)).toBe(true);
  expect(Object.keys(JSON.parse(one.toString()).languages)).toEqual(['en', 'id']);
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
