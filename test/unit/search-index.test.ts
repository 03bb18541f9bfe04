/** The site's search index, made whole by Pagefind's own command (src/publish/search-index.ts). */
import { createHash } from 'node:crypto';
import { createRequire } from 'node:module';
import { existsSync } from 'node:fs';
import { mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { expect, test } from 'vitest';
import {
  indexForSearch,
  joinIndexes,
  KeptCopies,
  languageGlobs,
  NATIONAL_PART,
  runPagefindOnce,
  runPagefind,
  regionsPerIndex,
  searchParts,
} from '../../src/publish/search-index.ts';
import { listFiles } from '../../src/publish/site-files.ts';
import { tempDirEach } from '../support/temp-dir.ts';

const tmp = tempDirEach('kt-search-index-');
/** Where a test's search copies are kept (never the repository's cache, which builds running beside the tests use). */
const keep = tempDirEach('kt-search-kept-');

/** A page Pagefind indexes: its words, in the body it reads. */
const page = (lang: string, words: string) =>
  `<!doctype html><html lang="${lang}"><head><title>${words}</title></head><body><main data-pagefind-body>${words}</main></body></html>`;

/** Each page written at its path under `site`. */
async function writePages(site: string, files: Record<string, string>): Promise<void> {
  for (const [rel, html] of Object.entries(files)) {
    await mkdir(join(site, rel, '..'), { recursive: true });
    await writeFile(join(site, rel), html);
  }
}

test('the search index is made by Pagefind’s command, by its arguments alone: whole, the same bytes each time, languages in order, nothing of an earlier index left', async () => {
  const site = tmp.dir;
  // A page without data-pagefind-body: Pagefind indexes its whole body.
  const wholePage = (lang: string, words: string) =>
    `<!doctype html><html lang="${lang}"><head><title>${words}</title></head><body><main>${words}</main></body></html>`;
  await writeFile(join(site, 'index.html'), wholePage('id', 'Indeks kepuasan masyarakat Kota Binjai'));
  await mkdir(join(site, 'en'));
  await writeFile(join(site, 'en', 'index.html'), wholePage('en', 'Community satisfaction index of Binjai'));
  await mkdir(join(site, 'pagefind'));
  await writeFile(join(site, 'pagefind', 'stale.pf_meta'), 'x');
  // A setting the command would read from the environment (here, one that finds no page) is not its.
  process.env.PAGEFIND_GLOB = 'nothing/**/*.html';
  try {
    await indexForSearch(site, { keptIn: keep.dir });
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
  await indexForSearch(site, { keptIn: keep.dir });
  expect(await hashesUnder(join(site, 'pagefind'))).toEqual(first);
});

test('the search copies are kept between builds: a page of the same bytes is not cut again, nor read when its hash is known; the index is the one fresh copies make', async () => {
  const site = join(tmp.dir, 'situs');
  const pages: Record<string, string> = {
    'index.html': page('id', 'Indeks kepuasan masyarakat'),
    'wilayah/binjai/index.html': page('id', 'Kota Binjai'),
    'wilayah/jayapura/index.html': page('id', 'Kota Jayapura'),
  };
  await writePages(site, pages);
  const index = (known?: Map<string, string>) => indexForSearch(site, { keptIn: keep.dir, known }).then(({ cut, kept }) => ({ cut, kept }));
  /** The index of fresh copies, kept nowhere this test reads. */
  const fresh = async () => {
    const other = join(tmp.dir, 'segar');
    await rm(other, { recursive: true, force: true });
    await indexForSearch(site, { keptIn: other });
    return hashesUnder(join(site, 'pagefind'));
  };
  const kept = () => readdir(join(keep.dir, 'salinan'), { recursive: true }).then((l) => l.filter((f) => f.endsWith('.html')).sort());

  expect(await index()).toEqual({ cut: 3, kept: 0 });
  // Each copy in the folder of its part of the index: the national pages, the regions' group.
  expect(await kept()).toEqual(['nasional/index.html', 'wilayah-1/wilayah/binjai/index.html', 'wilayah-1/wilayah/jayapura/index.html']);
  expect(await index()).toEqual({ cut: 0, kept: 3 });
  // One page changed, one gone, one added: the index is the one fresh copies make.
  await writeFile(join(site, 'wilayah/binjai/index.html'), page('id', 'Kota Binjai, dikoreksi'));
  await rm(join(site, 'wilayah/jayapura'), { recursive: true });
  await mkdir(join(site, 'wilayah/maulafa'));
  await writeFile(join(site, 'wilayah/maulafa/index.html'), page('id', 'Kecamatan Maulafa'));
  expect(await index()).toEqual({ cut: 2, kept: 1 });
  const after = await hashesUnder(join(site, 'pagefind'));
  expect(await kept()).toEqual(['nasional/index.html', 'wilayah-1/wilayah/binjai/index.html', 'wilayah-1/wilayah/maulafa/index.html']);
  expect(after).toEqual(await fresh());
  // A copy gone from the kept folder, whatever its record says, is cut again.
  await rm(join(keep.dir, 'salinan', 'wilayah-1/wilayah/maulafa/index.html'));
  expect(await index()).toEqual({ cut: 1, kept: 2 });
  expect(await hashesUnder(join(site, 'pagefind'))).toEqual(after);
  // A page whose hash is known is not read when its copy is kept: that trust is the build's, whose
  // known hashes are of files checked as they were copied (copyRegions), so a page changed behind
  // them keeps its old copy here. Where the page is read, a known hash not its own is refused.
  const sha = (text: string) => createHash('sha256').update(text).digest('hex');
  expect(await index(new Map([['index.html', sha(pages['index.html'])]]))).toEqual({ cut: 0, kept: 3 });
  await writeFile(join(site, 'index.html'), page('id', 'Indeks, diubah'));
  await expect(index(new Map([['index.html', sha(pages['index.html'])]]))).resolves.toEqual({ cut: 0, kept: 3 });
  await rm(join(keep.dir, 'salinan'), { recursive: true });
  await expect(index(new Map([['index.html', sha(pages['index.html'])]]))).rejects.toThrow(
    'index.html: berubah sejak di-hash / changed since it was hashed',
  );
  // Two builds at once: the second finds no kept folder and cuts every page into its own; the
  // first's copies are kept, the second's removed.
  await writeFile(join(site, 'index.html'), pages['index.html']);
  await index();
  const first = await KeptCopies.take(keep.dir, '');
  const second = await KeptCopies.take(keep.dir, '');
  expect(second.dir).not.toBe(first.dir);
  expect(await second.update(site, new Map())).toMatchObject({ cut: 3, kept: 0 });
  expect(await first.update(site, new Map())).toMatchObject({ cut: 0, kept: 3 });
  await first.giveBack();
  await second.giveBack();
  // (The parts' indexes the first took go back with it: kept-indexes.ts.)
  expect((await readdir(keep.dir)).sort()).toEqual(['indeks', 'salinan']);
  // Copies cut by other code are not kept; nor those of a build that discards them (refused by the gate).
  const other = await KeptCopies.take(keep.dir, 'kode-lain');
  expect(await other.update(site, new Map())).toMatchObject({ cut: 3, kept: 0 });
  await other.discard();
  expect(await readdir(keep.dir)).toEqual(['indeks']);
  await other.giveBack(); // once discarded, never kept
  expect(await readdir(keep.dir)).toEqual(['indeks']);
});

test('a search index left with an empty file or a broken entry stops the build, naming it; so does Pagefind failing', async () => {
  const site = tmp.dir;
  const writes = (name: string, text: string) => async (_site: string, out: string) => {
    await mkdir(out, { recursive: true });
    await writeFile(join(out, 'pagefind.js'), 'x');
    await writeFile(join(out, name), text);
  };
  await expect(indexForSearch(site, { run: writes('pagefind-component-ui.css', ''), keptIn: keep.dir })).rejects.toThrow(
    /empty files: pagefind\/pagefind-component-ui\.css$/,
  );
  await expect(indexForSearch(site, { run: writes('pagefind-entry.json', '{"version":"1.5.2","langu'), keptIn: keep.dir })).rejects.toThrow(
    /pagefind-entry\.json/,
  );
  await expect(indexForSearch(site, { run: writes('pagefind-ui.js', 'x'), keptIn: keep.dir })).rejects.toThrow(
    /pagefind-entry\.json rusak atau tidak ada \/ broken or missing/,
  );
  await indexForSearch(site, { run: writes('pagefind-entry.json', '{"version":"1.5.2","languages":{}}'), keptIn: keep.dir });
  // No page to index: Pagefind's own message, and its exit code.
  await expect(indexForSearch(site, { keptIn: keep.dir })).rejects.toThrow(
    /Pagefind berhenti \/ stopped \(exit 1\):\n.*not able to build an index/,
  );
});

test("the search index's entry file comes out the same whichever language Pagefind finished first", async () => {
  const site = tmp.dir;
  const entry = (first: string, second: string) => async (_site: string, out: string) => {
    await mkdir(out, { recursive: true });
    const languages = Object.fromEntries([first, second].map((l) => [l, { hash: `${l}_a4ea2b68ed`, wasm: l, page_count: 85 }]));
    await writeFile(join(out, 'pagefind-entry.json'), JSON.stringify({ version: '1.5.2', languages, include_characters: ['_'] }));
  };
  await indexForSearch(site, { run: entry('id', 'en'), keptIn: keep.dir });
  const one = await readFile(join(site, 'pagefind', 'pagefind-entry.json'));
  await indexForSearch(site, { run: entry('en', 'id'), keptIn: keep.dir });
  const two = await readFile(join(site, 'pagefind', 'pagefind-entry.json'));
  expect(two.equals(one)).toBe(true);
  expect(Object.keys(JSON.parse(one.toString()).languages)).toEqual(['en', 'id']);
});

test('regions are indexed in groups of 8 to 64, at most 8 groups up to 512 regions (as many as 500 need), in code order', () => {
  expect([1, 5, 16, 50, 128, 129, 200, 500, 512, 514, 1000].map(regionsPerIndex)).toEqual([8, 8, 8, 8, 16, 17, 25, 63, 64, 64, 64]);
  const pages = (n: number) => Array.from({ length: n }, (_, i) => `wilayah/r-${String(i).padStart(4, '0')}/index.html`);
  const groups = (n: number) => searchParts(pages(n)).parts.length - 1;
  expect([5, 50, 128, 129, 500, 514].map(groups)).toEqual([1, 7, 8, 8, 8, 9]);
  // 50 regions: six groups of 8 and one of 2, in code order.
  const { of } = searchParts(pages(50));
  expect(
    pages(50)
      .map(of)
      .filter((p) => p === 'wilayah-1').length,
  ).toBe(8);
  expect(
    pages(50)
      .map(of)
      .filter((p) => p === 'wilayah-7').length,
  ).toBe(2);
});

test("the index is made in parts, the national pages and the regions in groups in code order; each group merged into the first by the search page, without Pagefind's scripts", async () => {
  const site = join(tmp.dir, 'situs');
  const write = (files: Record<string, string>) => writePages(site, files);
  await write({
    'index.html': page('id', 'Indeks kepuasan masyarakat'),
    'wilayah/index.html': page('id', 'Semua wilayah'),
    'wilayah/binjai/index.html': page('id', 'Kota Binjai'),
    'wilayah/binjai/unit/rsud/index.html': page('id', 'RSUD Djoelham'),
    'wilayah/jayapura/index.html': page('id', 'Kota Jayapura'),
    'forum/jayapura/index.html': page('id', 'Forum Kota Jayapura'),
    'en/wilayah/manokwari/index.html': page('en', 'Manokwari'),
  });
  const { parts, of: partOf } = searchParts(
    ['wilayah/jayapura/index.html', 'en/wilayah/manokwari/index.html', 'wilayah/binjai/index.html'],
    2,
  );
  expect(parts).toEqual([NATIONAL_PART, 'wilayah-1', 'wilayah-2']);
  expect(
    [
      'index.html',
      'wilayah/index.html',
      'wilayah/binjai/unit/rsud/index.html',
      'forum/jayapura/index.html',
      'en/wilayah/manokwari/index.html',
    ].map(partOf),
  ).toEqual([NATIONAL_PART, NATIONAL_PART, 'wilayah-1', 'wilayah-1', 'wilayah-2']);
  const made = await indexForSearch(site, { keptIn: keep.dir, regionsPerIndex: 2 });
  expect(made).toMatchObject({ cut: 7, kept: 0, parts: 3 });
  const index = join(site, 'pagefind');
  expect(JSON.parse(await readFile(join(index, 'kt-bagian.json'), 'utf8'))).toEqual(['wilayah-1/', 'wilayah-2/']);
  // A merged part keeps its own index and nothing of Pagefind's scripts, styles or WebAssembly.
  for (const part of ['wilayah-1', 'wilayah-2']) {
    const files = (await readdir(join(index, part))).sort();
    expect(files.filter((f) => !/\.pf_meta$/.test(f))).toEqual(['fragment', 'index', 'pagefind-entry.json']);
  }
  expect(existsSync(join(index, 'pagefind.js'))).toBe(true);
  // Each part indexes its own pages: Binjai's two and Jayapura's two in the first group, Manokwari's English page alone in the second.
  const pageCount = async (folder: string) =>
    Object.fromEntries(
      Object.entries(
        (JSON.parse(await readFile(join(folder, 'pagefind-entry.json'), 'utf8')) as { languages: Record<string, { page_count: number }> })
          .languages,
      ).map(([lang, l]) => [lang, l.page_count]),
    );
  expect(await pageCount(index)).toEqual({ id: 2 });
  expect(await pageCount(join(index, 'wilayah-1'))).toEqual({ id: 4 });
  expect(await pageCount(join(index, 'wilayah-2'))).toEqual({ en: 1 });
  // A region added before the others in code order moves them into the next group: their copies move, not cut again.
  await write({ 'wilayah/ambon/index.html': page('id', 'Kota Ambon') });
  expect(await indexForSearch(site, { keptIn: keep.dir, regionsPerIndex: 2 })).toMatchObject({ cut: 1, kept: 7, parts: 3 });
  expect(await pageCount(join(index, 'wilayah-1'))).toEqual({ id: 3 });
  expect(await pageCount(join(index, 'wilayah-2'))).toEqual({ id: 2, en: 1 });
  const kept = (await readdir(join(keep.dir, 'salinan'), { recursive: true })).filter((f) => f.endsWith('.html')).sort();
  expect(kept).toContain('wilayah-2/forum/jayapura/index.html');
  expect(kept).not.toContain('wilayah-1/forum/jayapura/index.html');
  // The folders a copy left are removed once empty: the first group has no forum now.
  expect(existsSync(join(keep.dir, 'salinan', 'wilayah-1', 'forum'))).toBe(false);
  expect(existsSync(join(keep.dir, 'salinan', 'wilayah-1', 'wilayah'))).toBe(true);
});

test("the parts' runs follow one another: the index's peak is the largest of theirs, unknown if any is; each part's reason for one run is named", async () => {
  const site = join(tmp.dir, 'situs');
  for (const rel of ['index.html', 'wilayah/a/index.html', 'wilayah/b/index.html']) {
    await mkdir(join(site, rel, '..'), { recursive: true });
    await writeFile(join(site, rel), '<!doctype html><html lang="id"><body><main>x</main></body></html>');
  }
  const runs = (...peaks: (number | null)[]) => {
    let i = 0;
    return async (_copies: string, out: string) => {
      await mkdir(out, { recursive: true });
      await writeFile(join(out, 'pagefind-entry.json'), JSON.stringify({ version: '1.5.2', languages: { id: { page_count: 1 } } }));
      const peak = peaks[i++];
      return { peak, whole: peak === 300 ? 'tidak terbagi per bahasa / no split by language' : null };
    };
  };
  const index = (run: ReturnType<typeof runs>) => indexForSearch(site, { run, keptIn: keep.dir, regionsPerIndex: 1 });
  expect(await index(runs(100, 300, 200))).toMatchObject({
    parts: 3,
    peak: 300,
    whole: 'wilayah-1: tidak terbagi per bahasa / no split by language',
  });
  expect((await index(runs(100, null, 200))).peak).toBeNull();
  expect((await index(runs(null, 100, 200))).peak).toBeNull();
});

test("a part's index is kept between builds: a part whose copies are the same (paths, pages, code) and Pagefind the same is not indexed again; the index is the one a fresh run makes", async () => {
  const site = join(tmp.dir, 'situs');
  const write = (files: Record<string, string>) => writePages(site, files);
  await write({
    'index.html': page('id', 'Indeks kepuasan masyarakat'),
    'wilayah/binjai/index.html': page('id', 'Kota Binjai'),
    'en/wilayah/binjai/index.html': page('en', 'Binjai City'),
    'wilayah/jayapura/index.html': page('id', 'Kota Jayapura'),
    'wilayah/maulafa/index.html': page('id', 'Kecamatan Maulafa'),
  });
  const index = (maker = 'pagefind-uji', keptIn = keep.dir) => indexNaming(site, { maker, keptIn });
  /** The index fresh copies make, kept nowhere this test reads. */
  const fresh = async () => {
    const other = join(tmp.dir, 'segar');
    await rm(other, { recursive: true, force: true });
    expect((await index('pagefind-uji', other)).reused).toBe(0);
    return hashesUnder(join(site, 'pagefind'));
  };
  const all = [NATIONAL_PART, 'wilayah-1', 'wilayah-2', 'wilayah-3'];
  expect(await index()).toEqual({ ran: all, reused: 0, parts: 4 });
  const first = await hashesUnder(join(site, 'pagefind'));
  expect(await index()).toEqual({ ran: [], reused: 4, parts: 4 });
  expect(await hashesUnder(join(site, 'pagefind'))).toEqual(first);
  // One region's page changed: its part alone is indexed again.
  await write({ 'wilayah/jayapura/index.html': page('id', 'Kota Jayapura, dikoreksi') });
  expect(await index()).toEqual({ ran: ['wilayah-2'], reused: 3, parts: 4 });
  const changed = await hashesUnder(join(site, 'pagefind'));
  expect(changed).not.toEqual(first);
  expect(changed).toEqual(await fresh());
  // A region added before the others in code order moves each into the next part: every part
  // whose pages changed (all but the national one) is indexed again, under its new name.
  await write({ 'wilayah/ambon/index.html': page('id', 'Kota Ambon') });
  expect(await index()).toEqual({ ran: ['wilayah-1', 'wilayah-2', 'wilayah-3', 'wilayah-4'], reused: 1, parts: 5 });
  const moved = await hashesUnder(join(site, 'pagefind'));
  expect(moved).toEqual(await fresh());
  // Another Pagefind (or binary) indexes every part again; so does other code cutting the copies.
  expect((await index('pagefind-lain')).reused).toBe(0);
  expect((await index('pagefind-lain')).reused).toBe(5);
  const other = await indexForSearch(site, {
    keptIn: keep.dir,
    kode: 'kode-lain',
    regionsPerIndex: 1,
    maker: 'pagefind-lain',
    run: runPagefind,
  });
  expect(other.reused).toBe(0);
  // A run given without its maker reuses nothing and keeps nothing; what it took is put back.
  const kept = await readFile(join(keep.dir, 'indeks', 'kt-indeks.json'), 'utf8');
  const bare = await indexForSearch(site, { keptIn: keep.dir, kode: 'kode-lain', regionsPerIndex: 1, run: runPagefind });
  expect(bare).toMatchObject({ reused: 0, ran: 5 });
  expect(await readFile(join(keep.dir, 'indeks', 'kt-indeks.json'), 'utf8')).toBe(kept);
  expect(await hashesUnder(join(site, 'pagefind'))).toEqual(moved);
});

test("a kept part missing a file is made again; a refused build keeps no part it made and puts back those it took; the build's own Pagefind reuses", async () => {
  const site = join(tmp.dir, 'situs');
  await writePages(site, {
    'index.html': page('id', 'Indeks kepuasan masyarakat'),
    'wilayah/binjai/index.html': page('id', 'Kota Binjai'),
    'wilayah/jayapura/index.html': page('id', 'Kota Jayapura'),
    'wilayah/maulafa/index.html': page('id', 'Kecamatan Maulafa'),
  });
  // Pagefind as the build runs it (its own version in the print): the second time, every part is reused.
  expect(await indexForSearch(site, { keptIn: keep.dir, regionsPerIndex: 1 })).toMatchObject({ parts: 4, reused: 0, ran: 4 });
  expect(await indexForSearch(site, { keptIn: keep.dir, regionsPerIndex: 1 })).toMatchObject({ parts: 4, reused: 4, ran: 0, peak: null });
  const index = () => indexNaming(site, { maker: 'pagefind-uji', keptIn: keep.dir });
  expect(await index()).toMatchObject({ ran: [NATIONAL_PART, 'wilayah-1', 'wilayah-2', 'wilayah-3'] });
  const whole = await hashesUnder(join(site, 'pagefind'));
  // A file gone from a kept part (a build killed as it gave them back, a hand in the cache): that part is made again, the same.
  const fragments = join(keep.dir, 'indeks', 'wilayah-2', 'fragment');
  await rm(join(fragments, (await readdir(fragments))[0]));
  expect(await index()).toMatchObject({ ran: ['wilayah-2'], reused: 3 });
  expect(await hashesUnder(join(site, 'pagefind'))).toEqual(whole);
  // A site's index file written in place, the same size. The kept part holds that very file (a
  // hard link), so what this shows is that the files' states catch a write in place: the part is
  // made again, not reused, and the site's index is whole again.
  const siteFragments = join(site, 'pagefind', 'wilayah-3', 'fragment');
  const written = join(siteFragments, (await readdir(siteFragments))[0]);
  const bytes = await readFile(written);
  await writeFile(written, Buffer.alloc(bytes.length, 1));
  expect(await index()).toMatchObject({ ran: ['wilayah-3'], reused: 3 });
  expect(await hashesUnder(join(site, 'pagefind'))).toEqual(whole);
  expect(await index()).toMatchObject({ ran: [], reused: 4 });
  // A build whose site the gate refused: the part it made for a changed page is not kept; the parts it took are.
  const copies = await KeptCopies.take(keep.dir, '');
  await writePages(site, { 'wilayah/jayapura/index.html': page('id', 'Kota Jayapura, ditolak') });
  const refused: string[] = [];
  const run = (c: string, out: string) => (refused.push(relative(join(c, '..'), c)), runPagefind(c, out));
  await indexForSearch(site, { copies, regionsPerIndex: 1, maker: 'pagefind-uji', run });
  expect(refused).toEqual(['wilayah-2']);
  await copies.discard();
  expect(await index()).toMatchObject({ ran: ['wilayah-2'], reused: 3 });
  // A region gone: the parts after it hold other regions now, and are made again; the others are reused.
  await rm(join(site, 'wilayah', 'binjai'), { recursive: true });
  expect(await index()).toMatchObject({ ran: ['wilayah-1', 'wilayah-2'], reused: 1, parts: 3 });
});

/** Pagefind's own command over `site`'s parts of one region each, each part it ran on named; `maker` as the build's would be, but for the test. */
async function indexNaming(site: string, { maker, keptIn }: { maker: string; keptIn: string }) {
  const ran: string[] = [];
  const made = await indexForSearch(site, {
    keptIn,
    regionsPerIndex: 1,
    maker,
    run: (copies, out) => (ran.push(relative(join(copies, '..'), copies)), runPagefind(copies, out)),
  });
  return { ran, reused: made.reused, parts: made.parts };
}

/** Each file's SHA-256 under `dir`, by its path there. */
async function hashesUnder(dir: string): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  for (const f of listFiles(dir))
    out.set(
      f,
      createHash('sha256')
        .update(await readFile(join(dir, f)))
        .digest('hex'),
    );
  return new Map([...out].sort(([a], [b]) => (a < b ? -1 : 1)));
}

test('Pagefind runs once per language, and the joined index is the one a single run over every page writes, byte for byte', async () => {
  const site = join(tmp.dir, 'situs');
  const pages: Record<string, string> = {
    'index.html': page('id', 'Indeks kepuasan masyarakat'),
    'wilayah/binjai/index.html': page('id', 'Kota Binjai, pengaduan diselesaikan'),
    'tentang/index.html': page('id', 'Tentang situs ini'),
    'en/index.html': page('en', 'Community satisfaction index'),
    'en/wilayah/binjai/index.html': page('en', 'Binjai, complaints resolved'),
  };
  const write = (files: Record<string, string>) => writePages(site, files);
  await write(pages);
  const globs = languageGlobs(await readdir(site, { withFileTypes: true }));
  expect(globs).toEqual(['{index.html,tentang/**/*.html,wilayah/**/*.html}', 'en/**/*.html']);
  const whole = join(tmp.dir, 'utuh');
  await runPagefindOnce(site, whole);
  const sorted = async (dir: string) => {
    const files = await hashesUnder(dir);
    const entry = JSON.parse(await readFile(join(dir, 'pagefind-entry.json'), 'utf8')) as { languages: Record<string, unknown> };
    files.set('pagefind-entry.json', JSON.stringify({ ...entry, languages: Object.fromEntries(Object.entries(entry.languages).sort()) }));
    return files;
  };
  // Each run indexes its language alone: joined, the two are the whole run's files.
  const parts = [join(tmp.dir, 'id'), join(tmp.dir, 'en')];
  for (const [i, glob] of globs.entries()) await runPagefindOnce(site, parts[i], glob);
  expect(Object.keys(JSON.parse(await readFile(join(parts[0], 'pagefind-entry.json'), 'utf8')).languages)).toEqual(['id']);
  const joined = join(tmp.dir, 'gabung');
  expect(await joinIndexes(parts, joined)).toBeNull();
  expect(await sorted(joined)).toEqual(await sorted(whole));
  const out = join(tmp.dir, 'keluaran');
  // Its peak memory, where /proc tells it (process-peak.test.ts: with its binary's).
  const ran = await runPagefind(site, out);
  expect(ran.whole).toBeNull();
  // (A run shorter than a look's quarter second is unknown: null.)
  if (existsSync('/proc/self/status') && ran.peak !== null) expect(ran.peak).toBeGreaterThan(4096);
  expect(await sorted(out)).toEqual(await sorted(whole));
  expect((await readdir(tmp.dir)).filter((f) => f.includes('-bahasa-'))).toEqual([]);
  // An English page outside en/: the two runs both index English, do not join, and one run indexes the site whole.
  await write({ 'tentang/index.html': page('en', 'About this site') });
  await rm(whole, { recursive: true });
  await runPagefindOnce(site, whole);
  expect((await runPagefind(site, out)).whole).toBe('bahasa en di dua bagian / language en in two runs');
  expect(await sorted(out)).toEqual(await sorted(whole));
  // A file both runs write, not the same bytes: they do not join either, and nothing is left of the joining.
  await rm(joined, { recursive: true });
  for (const [i, glob] of globs.entries()) await runPagefindOnce(site, parts[i], glob);
  await writeFile(join(parts[1], 'pagefind.js'), 'lain');
  expect(await joinIndexes(parts, joined)).toBe("pagefind.js berbeda antarbahasa / differs between the languages' runs");
  expect(existsSync(joined)).toBe(false);
  // Names a glob would not read as themselves: one run.
  const entries = (...names: string[]) => names.map((name) => ({ name, isDirectory: () => !name.includes('.') }));
  expect(languageGlobs(entries('en', 'index.html', 'a{b}'))).toEqual([]);
  expect(languageGlobs(entries('index.html', 'wilayah'))).toEqual([]);
  expect(languageGlobs(entries('en', 'wilayah', 'rilis.xml'))).toEqual(['wilayah/**/*.html', 'en/**/*.html']);
});

// A shell script stands in for Pagefind's binary: not on Windows.
test.skipIf(process.platform === 'win32')(
  "the languages' runs go side by side: when one fails, the other ends first, no run's folder is left, and the failure's message is the error",
  async () => {
    const site = join(tmp.dir, 'situs');
    await writePages(site, {
      'index.html': page('id', 'Indeks kepuasan masyarakat'),
      'en/index.html': page('en', 'Community satisfaction index'),
    });
    // Pagefind's binary as its command finds it (its resolveBinary.js), behind a script that fails
    // the English run (by its --glob) at once, and runs the other a second later, then marks that
    // it has ended. Paths reach the script by the environment (Pagefind's command passes KT_*).
    const cpu = process.env.npm_config_arch ?? process.arch;
    const real = createRequire(join(process.cwd(), 'node_modules', 'pagefind', 'package.json')).resolve(
      `@pagefind/${process.platform}-${cpu}/bin/pagefind_extended`,
    );
    const fake = join(tmp.dir, 'pagefind-palsu');
    const ended = join(tmp.dir, 'selesai');
    await writeFile(
      fake,
      [
        '#!/bin/sh',
        'glob=""; prev=""',
        'for a in "$@"; do [ "$prev" = "--glob" ] && glob="$a"; prev="$a"; done',
        'case "$glob" in en/*) echo "indeks bahasa Inggris rusak" >&2; exit 3;; esac',
        'sleep 1',
        '"$KT_UJI_PAGEFIND" "$@"; code=$?',
        'touch "$KT_UJI_SELESAI"',
        'exit $code',
        '',
      ].join('\n'),
      { mode: 0o755 },
    );
    const out = join(tmp.dir, 'keluaran');
    const set = { PAGEFIND_EXTENDED_BINARY_PATH: fake, KT_UJI_PAGEFIND: real, KT_UJI_SELESAI: ended };
    const before = Object.fromEntries(Object.keys(set).map((k) => [k, process.env[k]]));
    Object.assign(process.env, set);
    try {
      await expect(runPagefind(site, out)).rejects.toThrow(/indeks bahasa Inggris rusak/);
    } finally {
      for (const [k, v] of Object.entries(before))
        if (v === undefined) delete process.env[k];
        else process.env[k] = v;
    }
    // Thrown once the Indonesian run had ended, never while it could still write; nothing of either run is left.
    expect(existsSync(ended)).toBe(true);
    expect((await readdir(tmp.dir)).filter((f) => f.startsWith('keluaran'))).toEqual([]);
  },
);
