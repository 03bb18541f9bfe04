/**
 * The sample published a second time, a day later (issue #11 releases, issue #13 item 4
 * incremental builds). Global setup's site is A, the first publication. Then Binjai's export
 * changes: one IKU realisasi, the first answer of its last survey response (of the semester its
 * pages lead with), one unit added, one training row removed. From those inputs:
 * - B, the full build into a copy of A (as `--out dist` over the last site), its pages drawn by
 *   three processes (render.ts: the national pages', then two of regions side by side): a new release that keeps A's downloadable, says what changed
 *   (page, perubahan.csv, feed) and marks the revised figures; every file under every other
 *   region's address (region, unit and service pages, forum deck, chart embeds and CSVs, both
 *   languages, their .br and .gz twins) byte for byte as in A, so that an incremental build may
 *   reuse them;
 * - B′, at once, the incremental build of the same inputs (`--since` over another copy of A, as
 *   `--since dist --out dist` does): it renders Binjai only and gives B's bytes in every file;
 * - last, `--since` over B with the same inputs again: no new release, no byte changed.
 * One set of builds for both issues: each build of the sample is about a tenth of `npm test`.
 */
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { parseHTML } from 'linkedom';
import Papa from 'papaparse';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { TABLES } from '../../src/contract/published.ts';
import { carryForward, type ReleaseMeta } from '../../src/release/archive.ts';
import { citationIn, type CitationFormat, type CitationRecord } from '../../src/i18n/citation.ts';
import { citeWords } from '../../src/i18n/cite-words.ts';
import { sourceOf } from '../../src/charts/chart-html.ts';
import { regionOfPath } from '../../src/routes.ts';
import { openBrowser } from '../support/browser.ts';
import { SITE_URL } from '../support/global-setup.ts';

/** SITE_URL inside a regular expression. */
const SITE_URL_RE = SITE_URL.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

const siteA = inject('siteDir');
const work = mkdtempSync(join(tmpdir(), 'kt-second-'));
const siteB = join(work, 'dist');
const siteB2 = join(work, 'dist-sebagian');
const data = join(work, 'data');
afterAll(() => rmSync(work, { recursive: true, force: true }));

const CHANGED = 'binjai';
const BEFORE = 'BKPSDM,2025,IP-ASN,Indeks Profesionalitas ASN,indeks,naik,76,77.2,';
const AFTER = 'BKPSDM,2025,IP-ASN,Indeks Profesionalitas ASN,indeks,naik,76,75.9,';

/** A day after global setup's build (SOURCE_DATE_EPOCH 1767225600), at the same address. */
const env = { ...process.env, SOURCE_DATE_EPOCH: '1767312000', KT_SITE_URL: SITE_URL };
const build = (args: string[], more: NodeJS.ProcessEnv = {}) =>
  new Promise<{ status: number | null; output: string }>((done) => {
    const child = spawn(process.execPath, ['scripts/run.mjs', 'build', '--data', data, ...args], { env: { ...env, ...more } });
    let output = '';
    child.stdout.on('data', (c) => (output += c));
    child.stderr.on('data', (c) => (output += c));
    child.on('close', (status) => done({ status, output }));
  });

function hashes(dir: string): Map<string, string> {
  const all = new Map<string, string>();
  for (const f of readdirSync(dir, { recursive: true, encoding: 'utf8' }).sort()) {
    const p = join(dir, f);
    if (statSync(p).isFile()) all.set(f, createHash('sha256').update(readFileSync(p)).digest('hex'));
  }
  return all;
}
const release = (site: string): string => JSON.parse(readFileSync(join(site, 'data/datapackage.json'), 'utf8')).version;
const files = (dir: string): string[] =>
  readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((f) => statSync(join(dir, f)).isFile())
    .sort();
const index = (site: string): ReleaseMeta[] => JSON.parse(readFileSync(join(site, 'data/rilis/index.json'), 'utf8')).rilis;
const csv = (path: string) => Papa.parse<Record<string, string>>(readFileSync(path, 'utf8'), { header: true, skipEmptyLines: true }).data;

let a: Map<string, string>;
let b: Map<string, string>;
let sinceLog = '';
let fullLog = '';
/** The unit of the survey row changed. */
let changedUnit = '';
let first: ReleaseMeta;
let second: ReleaseMeta;

beforeAll(async () => {
  cpSync(siteA, siteB, { recursive: true });
  cpSync(siteA, siteB2, { recursive: true });
  cpSync('data', data, { recursive: true });
  const edit = (file: string, change: (text: string) => string) =>
    writeFileSync(join(data, CHANGED, file), change(readFileSync(join(data, CHANGED, file), 'utf8')));
  edit('iku.csv', (text) => {
    expect(text).toContain(BEFORE);
    return text.replace(BEFORE, AFTER);
  });
  edit('skm.csv', (text) => {
    const lines = text.split('\n');
    const last = lines.findLastIndex((l) => l.trim() !== '');
    const cells = lines[last].split(',');
    changedUnit = cells[1];
    cells[4] = cells[4] === '1' ? '4' : '1';
    lines[last] = cells.join(',');
    return lines.join('\n');
  });
  edit('unit.csv', (text) => text.replace(/\n?$/, '\nUJI-BARU,Unit Baru Uji,lainnya,\n'));
  edit('pelatihan.csv', (text) => {
    const lines = text.split('\n');
    return [...lines.slice(0, 1), ...lines.slice(2)].join('\n');
  });
  [first] = index(siteA);
  // B's pages are drawn by three processes (render.ts), A's by this one, B′'s by one other (the
  // national pages with Binjai's, while B′'s build links the other regions): the same bytes, whoever draws them. B makes every part of its
  // downloads and its search index afresh; B′ takes the parts A kept for the regions that did not change.
  const [full, incremental] = await Promise.all([
    build(['--out', siteB], {
      KT_RENDERERS: '2',
      KT_PART_DIR: join(work, 'bagian-kosong'),
      KT_SEARCH_DIR: join(work, 'cari-kosong'),
      KT_HEADLINES_DIR: join(work, 'kop-kosong'),
    }),
    build(['--out', siteB2, '--since', siteB2], {
      KT_RENDERERS: '2',
      KT_PART_DIR: inject('partDir'),
      KT_HEADLINES_DIR: inject('headlinesDir'),
    }),
  ]);
  if (full.status !== 0) throw new Error(`build failed:\n${full.output}`);
  fullLog = full.output;
  if (incremental.status !== 0) throw new Error(`incremental build failed:\n${incremental.output}`);
  sinceLog = incremental.output;
  a = hashes(siteA);
  b = hashes(siteB);
  [second] = index(siteB);
}, 600_000);

it('B was drawn by three processes, none of them the build’s own: the national pages first, alone, then two groups of regions side by side', () => {
  expect(fullLog).toContain("the national pages first, in a process of their own; then the regions' pages rendered by 2 processes: ");
  const [, groups] = /pages rendered by 2 processes: (.+)/.exec(fullLog) ?? [];
  const codes = groups.split(' | ').flatMap((g) => g.split(' '));
  expect(codes.sort()).toEqual(['binjai', 'jakarta', 'jayapura', 'manokwari', 'maulafa']);
  // The peak line counts the national pages' process apart from the two that ran together, and
  // Pagefind's after them, each stretch with this process as it was then (it drew no page);
  // started early, that process waited beside the data process, bundling the code.
  expect(fullLog).toMatch(
    /proses data \/ the data process: \d+ \+ \d+ \(proses ini \/ this process\) \+ \d+ \(proses halaman nasional, menunggu \/ the national pages' process, waiting\) = \d+; halaman nasional \/ the national pages' process: \d+ \+ \d+ \(proses ini \/ this process\) = \d+; saat halaman dibuat \/ while the pages render: \d+ \(proses ini \/ this process\) \+ \d+ \(proses halaman lain \/ other page renderers\) \+ \d+ = \d+; (?:Pagefind: \d+ \+ \d+ \(proses ini \/ this process\) = \d+; )?proses ini \/ this process: \d+(?:; Pagefind tidak terukur \/ Pagefind not measured)?\)/,
  );
});

it("B makes every region's headlines; B′ takes the four unchanged regions' from A's build and makes Binjai's alone", () => {
  const made = (log: string) => /angka utama wilayah dibuat \/ regions' headlines made: (\d+)/.exec(log)?.[1];
  expect(made(fullLog)).toBe('5');
  expect(made(sinceLog)).toBe('1');
});

it('is a new release of the same regions', () => {
  expect(release(siteB)).not.toBe(release(siteA));
  const regions = (m: Map<string, string>) => new Set([...m.keys()].map(regionOfPath).filter((k) => k !== null));
  expect([...regions(b)].sort()).toEqual([...regions(a)].sort());
  expect(regions(a).size).toBe(5);
});

it('leaves every file of every other region byte for byte as it was', () => {
  const others = (m: Map<string, string>) => [...m.keys()].filter((f) => regionOfPath(f) !== null && regionOfPath(f) !== CHANGED);
  expect(others(b)).toEqual(others(a));
  expect(others(a).filter((f) => f.endsWith('.html')).length).toBeGreaterThan(100);
  expect(others(a).some((f) => f.endsWith('.html.br')) && others(a).some((f) => f.endsWith('.csv.gz'))).toBe(true);
  expect(others(a).filter((f) => a.get(f) !== b.get(f))).toEqual([]);
});

it('renders the changed region’s pages again, its revised figures linked by key to the new release', () => {
  const own = [...a.keys()].filter((f) => regionOfPath(f) === CHANGED);
  expect(own.filter((f) => a.get(f) !== b.get(f)).length).toBeGreaterThan(0);
  const releasePage = readFileSync(join(siteB, 'data/rilis', release(siteB), 'index.html'), 'utf8');
  let links = 0;
  for (const f of own.filter((f) => f.endsWith('index.html'))) {
    for (const [, path, anchor] of readFileSync(join(siteB, f), 'utf8').matchAll(/<a class="revised" href="([^"#]*)#([^"]*)"/g)) {
      expect(path.replace(/^\/en\//, '/'), f).toBe(`/data/rilis/${release(siteB)}/`);
      expect(releasePage, f).toContain(`id="${anchor}"`);
      links++;
    }
  }
  expect(links).toBeGreaterThan(0);
  // Every revision has its anchor, the capaian among them.
  expect(releasePage).toMatch(new RegExp(`id="rev-capaian_iku-${CHANGED}-BKPSDM-2025_IP-ASN-capaian"`));
});

it('keeps the release ID on the national pages', () => {
  for (const p of ['index.html', 'en/data/index.html', 'data/rilis/index.html'])
    expect(readFileSync(join(siteB, p), 'utf8'), p).toContain(release(siteB));
});

it('the copy script puts the reader’s day into a region page’s citations, which carry none of their own', async () => {
  const { context, close } = await openBrowser();
  try {
    for (const [path, word] of [
      ['/wilayah/jakarta/', 'Diakses'],
      ['/en/wilayah/jakarta/unit/BKD/', 'Accessed'],
    ]) {
      const page = await context.newPage();
      await page.goto(`${inject('siteUrl')}${path}`);
      const today = await page.evaluate(() => {
        const d = new Date();
        return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
      });
      const box = page.locator('details.cite').first();
      const text = box.locator('[data-format="text"]');
      expect(await text.textContent(), path).not.toContain(word);
      await box.locator('summary').click();
      await expect
        .poll(() => text.textContent(), { timeout: 10_000 })
        .toMatch(new RegExp(`${SITE_URL_RE}${path}#[a-z-]+\\. ${word} ${today}\\.$`));
      expect(await box.locator('[data-format="bibtex"]').textContent(), path).toMatch(
        new RegExp(`\\n {2}url = \\{[^}]*\\},\\n {2}urldate = \\{${today}\\},\\n {2}note = `),
      );
      // RIS lines end in CRLF, as its readers expect.
      expect(await box.locator('[data-format="ris"]').textContent(), path).toMatch(
        new RegExp(`\\r\\nUR {2}- [^\\r\\n]*\\r\\nY2 {2}- ${today}\\r\\n`),
      );
      const [csl] = JSON.parse((await box.locator('[data-format="csl"]').textContent()) ?? '[]');
      expect(csl.accessed, path).toEqual({ 'date-parts': [today.split('-').map(Number)] });
      // Opening one block made every block's formats: three each, none written in the HTML.
      expect(await page.locator('details.cite pre[data-format]').count(), path).toBe(3 * (await page.locator('details.cite').count()));
      await page.close();
    }
  } finally {
    await close();
  }
});

it('built incrementally (--since A): renders Binjai only, and gives the full build’s bytes in every file', () => {
  expect(sinceLog).toContain(`region pages reused from ${siteB2}: 4 dari / of 5`);
  // The four other regions' rows of every table but predikat_unit (derived by every build: it
  // reads the releases) taken from A's tables, a copy of whose record this machine kept; Binjai's derived.
  expect(sinceLog).toContain(`regions' table rows taken from ${siteB2}: 40, diturunkan lagi / derived again: 10;`);
  // The four regions' validation recalled, their files not read (src/build/validation-memory.ts).
  expect(sinceLog).toContain('validation recalled, their files not read again: 4 dari / of 5 wilayah / regions\n');
  // Its Excel files and bundles: the other regions' rows from the parts A kept, where B, from no
  // kept parts, made every part once (and took a region's rows for its own bundle from the part
  // made for the whole site's).
  const parts = (log: string) => {
    const [, kept, made] = /download parts \(Excel, paket \/ bundles\): (\d+) dipakai ulang \/ kept, (\d+) dibuat/.exec(log) ?? [];
    return { kept: Number(kept), made: Number(made) };
  };
  const [inB, inB2] = [parts(fullLog), parts(sinceLog)];
  expect(inB2.made).toBeGreaterThan(0);
  expect(inB2.made).toBeLessThan(inB.made / 2);
  expect(inB2.kept).toBeGreaterThan(inB.kept);
  expect(inB2.kept + inB2.made).toBe(inB.kept + inB.made);
  // A site whose whole build is split renders its national pages apart, here with the one region's, in one process.
  expect(sinceLog).toContain("the national pages with the regions' pages, in one process of their own: binjai\n");
  expect(sinceLog).toMatch(
    /proses data \/ the data process: \d+ \+ \d+ \(proses ini \/ this process\) \+ \d+ \(proses halaman nasional, menunggu \/ the national pages' process, waiting\) = \d+; saat halaman dibuat \/ while the pages render: \d+ \(proses ini \/ this process\) \+ \d+ \(proses halaman nasional \/ the national pages' process\) = \d+; (?:Pagefind: \d+ \+ \d+ \(proses ini \/ this process\) = \d+; )?proses ini \/ this process: \d+(?:; Pagefind tidak terukur \/ Pagefind not measured)?\)/,
  );
  // A copy of A: its files are not the ones A's marks name, so every one is read and checked.
  expect(sinceLog).toMatch(/reused region files: [1-9]\d* \(0 tidak dibaca lagi/);
  // The privacy gate remembered what it passed in A (a copy has A's record): no private value
  // changed (an answer score, a realisasi, a unit and a training row did: none is private), so
  // those files are not read again; nor, in the
  // new release's bundles, the tables they hold that passed in A's; nor the pieces of the survey's
  // workbook sheet (longer than a gate thread's piece) that are the same bytes.
  expect(sinceLog).toMatch(
    /privacy gate: \d+ berkas dibaca \/ files read \([1-9]\d* isi berkas lolos sebelumnya, tidak dibaca lagi \/ [1-9]\d* of their contents passed before, not read again\); [1-9]\d* potongan teks panjang yang berbeda lolos sebelumnya[^;]*; [1-9]\d* lolos sebelumnya, nilai privat tidak berubah/,
  );
  const b2 = hashes(siteB2);
  expect([...b2.keys()]).toEqual([...b.keys()]);
  expect([...b.keys()].filter((f) => b.get(f) !== b2.get(f))).toEqual([]);
});

describe('a second publication into the same folder', () => {
  it('is a new release, numbered after the first, which stays as it was', () => {
    expect(second.id).not.toBe(first.id);
    expect(second.id).toMatch(/^\d{4}-\d{2}-\d{2}-[0-9a-f]{8}$/);
    expect(index(siteB).map((r) => [r.id, r.nomor])).toEqual([
      [second.id, 2],
      [first.id, 1],
    ]);
    const old = join(siteB, 'data/rilis', first.id);
    for (const f of files(join(siteA, 'data/rilis', first.id)).filter((f) => !f.includes('index.html'))) {
      expect(readFileSync(join(old, f)), f).toEqual(readFileSync(join(siteA, 'data/rilis', first.id, f)));
    }
    // the first release's tables are the first site's tables
    expect(readFileSync(join(old, 'ikm_unit.csv'))).toEqual(readFileSync(join(siteA, 'data/ikm_unit.csv')));
    expect(JSON.parse(readFileSync(join(siteB, 'data/datapackage.json'), 'utf8')).version).toBe(second.id);
    // an archived release describes only what it holds (survey microdata are not archived)
    for (const id of [first.id, second.id]) {
      const listed = (
        JSON.parse(readFileSync(join(siteB, 'data/rilis', id, 'datapackage.json'), 'utf8')) as { resources: { path: string }[] }
      ).resources.map((r) => r.path);
      expect(listed.length).toBeGreaterThan(0);
      for (const p of listed) expect(existsSync(join(siteB, 'data/rilis', id, p)), `${id}/${p}`).toBe(true);
    }
  }, 300_000);

  it('counts per table what was added, removed and changed', () => {
    const t = Object.fromEntries(second.tabel.map((x) => [x.tabel, x]));
    expect(t.unit).toMatchObject({ ditambah: 1, dihapus: 0, diubah: 0 });
    expect(t.pelatihan_unit.dihapus! + t.pelatihan_unit.diubah!).toBeGreaterThanOrEqual(1);
    expect(t.skm_responden.ditambah).toBeGreaterThanOrEqual(1);
    expect(t.wilayah).toMatchObject({ ditambah: 0, dihapus: 0, diubah: 0 });
    expect(second.sebelumnya).toBe(first.id);
  });

  it('lists every revised IKM, old → new, as perubahan.csv and on its page', () => {
    const revisions = csv(join(siteB, 'data/rilis', second.id, 'perubahan.csv'));
    expect(revisions.length).toBe(second.revisi);
    const ikm = revisions.filter((r) => r.tabel === 'ikm_unit' && r.kolom === 'ikm');
    expect(ikm.length).toBeGreaterThan(0);
    expect(ikm.every((r) => r.kode_wilayah === 'binjai' && r.kode_unit === changedUnit)).toBe(true);
    // each old and new value is the one the two releases publish
    const before = csv(join(siteB, 'data/rilis', first.id, 'ikm_unit.csv'));
    const after = csv(join(siteB, 'data/ikm_unit.csv'));
    for (const r of ikm) {
      const pick = (rows: Record<string, string>[]) =>
        rows.find((x) => x.kode_wilayah === r.kode_wilayah && x.kode_unit === r.kode_unit && x.periode === r.kunci)!.ikm;
      expect([r.lama, r.baru]).toEqual([pick(before), pick(after)]);
    }
    const page = readFileSync(join(siteB, 'data/rilis', second.id, 'index.html'), 'utf8');
    for (const r of ikm) expect(page).toContain(r.baru);
    // the region's IKM is a headline figure too: Binjai's moved with that one answer
    const region = revisions.filter((r) => r.tabel === 'ikm_wilayah' && r.kolom === 'ikm');
    expect(region.length).toBeGreaterThan(0);
    const regionBefore = csv(join(siteB, 'data/rilis', first.id, 'ikm_wilayah.csv'));
    const regionAfter = csv(join(siteB, 'data/ikm_wilayah.csv'));
    for (const r of region) {
      expect([r.kode_wilayah, r.kode_unit]).toEqual(['binjai', '']);
      const pick = (rows: Record<string, string>[]) => rows.find((x) => x.kode_wilayah === 'binjai' && x.periode === r.kunci)!.ikm;
      expect([r.lama, r.baru]).toEqual([pick(regionBefore), pick(regionAfter)]);
      expect(r.lama).not.toBe(r.baru);
    }
    // and every other region's IKM is as it was
    const same = regionAfter.filter((x) => !region.some((r) => r.kunci === x.periode && x.kode_wilayah === 'binjai'));
    for (const x of same) expect(regionBefore.find((y) => y.kode_wilayah === x.kode_wilayah && y.periode === x.periode)?.ikm).toBe(x.ikm);
    expect(readFileSync(join(siteB, 'en/data/rilis', second.id, 'index.html'), 'utf8')).toContain('Revised headline figures');
  });

  it('is announced in the feed, newest first, and named in every page footer', () => {
    const feed = readFileSync(join(siteB, 'rilis.xml'), 'utf8');
    // The site knows its address (KT_SITE_URL): each entry's ID is its release page.
    const entries = [...feed.matchAll(/<entry>\s*<title[^]*?<id>https:\/\/kinerja\.example\/data\/rilis\/([^<]+)\/<\/id>/g)].map(
      (m) => m[1],
    );
    expect(entries).toEqual([second.id, first.id]);
    expect(feed).toContain(`${second.revisi} angka utama direvisi`);
    for (const page of ['index.html', 'wilayah/binjai/index.html', 'en/data/index.html']) {
      const html = readFileSync(join(siteB, page), 'utf8');
      expect(html, page).toContain('type="application/atom+xml"');
      const footer = html.slice(html.indexOf('<footer class="site-footer">'));
      if (!page.startsWith('wilayah/')) {
        expect(footer, page).toContain(`/data/rilis/${second.id}/`);
        continue;
      }
      // A region's pages name the region's data version, which the release lists, and its export date, not the build date.
      const versi = second.versi_wilayah!.binjai;
      expect(versi).toMatch(/^2026-01-16-[0-9a-f]{8}$/);
      expect(footer, page).toContain(`Data Kota Binjai versi <a href="/data/rilis/#versi-binjai-${versi}">${versi}</a>`);
      expect(footer, page).toContain('Diekspor <time datetime="2026-01-16">2026-01-16</time>');
      expect(footer, page).not.toContain(second.id);
      expect(footer, page).not.toContain('2026-01-02');
      const releases = readFileSync(join(siteB, 'data/rilis/index.html'), 'utf8');
      expect(releases).toMatch(new RegExp(`<tr id="versi-binjai-${versi}">.*?/data/rilis/${second.id}/`));
      expect(readFileSync(join(siteB, 'data/rilis', second.id, 'index.html'), 'utf8')).toContain(`/data/rilis/#versi-binjai-${versi}`);
    }
  });
});

/**
 * Each "revised" mark of a page, as [, table, key, column, href]: the number it follows, with its
 * source as sourceOf reads it (on the <data>, or in a table on its row, table and header).
 */
function* revisedMarks(html: string): Generator<[string, string, string, string, string]> {
  if (!html.includes('class="revised"')) return;
  const { document } = parseHTML(html);
  for (const a of document.querySelectorAll('a.revised')) {
    const data = a.previousElementSibling;
    const source = data?.tagName === 'DATA' ? sourceOf(data) : null;
    yield [a.outerHTML, source?.table ?? '', source?.key ?? '', source?.col ?? '', a.getAttribute('href') ?? ''];
  }
}

describe('the marks of a publication on its pages', () => {
  const pages = () => files(siteB).filter((f) => f.endsWith('index.html'));
  it('puts "direvisi" next to the changed unit’s IKM, Binjai’s and the changed indicator’s capaian, linking to their lines on the release page, and nowhere else', () => {
    const releasePage = readFileSync(join(siteB, 'data/rilis', second.id, 'index.html'), 'utf8');
    let marks = 0;
    let capaianMarks = 0;
    const regionMarks = new Map<string, number>();
    for (const page of pages()) {
      const html = readFileSync(join(siteB, page), 'utf8');
      for (const m of revisedMarks(html)) {
        marks++;
        if (m[1] === 'capaian_iku') {
          expect([m[2], m[3]], page).toEqual(['binjai|BKPSDM|2025|IP-ASN', 'capaian']);
          capaianMarks++;
        } else {
          if (m[1] === 'ikm_wilayah') {
            expect(m[2], page).toMatch(/^binjai\|\d{4}(-S[12])?$/);
            regionMarks.set(page, (regionMarks.get(page) ?? 0) + 1);
          } else expect([m[1], m[2].split('|').slice(0, 2).join('|')], page).toEqual(['ikm_unit', `binjai|${changedUnit}`]);
          expect(m[3], page).toMatch(/^(ikm|mutu)$/);
        }
        const [path, anchor] = m[4].split('#');
        expect(path.replace(/^\/en\//, '/'), page).toBe(`/data/rilis/${second.id}/`);
        expect(releasePage, page).toContain(`id="${anchor}"`);
      }
      // every mark is one of those above
      expect((html.match(/class="revised"/g) ?? []).length, page).toBe([...html.matchAll(/<\/data> <a class="revised"/g)].length);
    }
    expect(marks).toBeGreaterThan(capaianMarks);
    expect(capaianMarks).toBeGreaterThan(0);
    // Binjai's region IKM is marked on its region page, in both languages
    expect(regionMarks.get('wilayah/binjai/index.html') ?? 0).toBeGreaterThan(0);
    expect(regionMarks.get('en/wilayah/binjai/index.html') ?? 0).toBeGreaterThan(0);
    const unitPage = readFileSync(join(siteB, 'wilayah/binjai/unit', changedUnit, 'index.html'), 'utf8');
    expect(unitPage).toContain('class="revised"');
    expect(readFileSync(join(siteB, 'en/wilayah/binjai/unit', changedUnit, 'index.html'), 'utf8')).toContain('>revised</a>');
    // the first publication had nothing to compare with: no mark anywhere
    for (const page of ['index.html', `wilayah/binjai/unit/${changedUnit}/index.html`, 'wilayah/binjai/index.html'])
      expect(readFileSync(join(siteA, page), 'utf8')).not.toContain('class="revised"');
  });

  it('says beside every headline figure the month its data reach, from the data', () => {
    for (const page of [
      'index.html',
      'en/index.html',
      'wilayah/binjai/index.html',
      `wilayah/binjai/unit/${changedUnit}/index.html`,
      'forum/binjai/index.html',
    ]) {
      const html = readFileSync(join(siteB, page), 'utf8');
      const figures = (html.match(/<span class="figure">/g) ?? []).length;
      const until = [...html.matchAll(/<span class="data-until">(data hingga|data up to) ([^<]+)<\/span>/g)];
      expect(until.length, page).toBeGreaterThan(0);
      if (!page.startsWith('forum')) expect(until.length, page).toBe(figures);
      // a month of the data (the sample ends in 2025), never the build date (SOURCE_DATE_EPOCH: January 2026)
      for (const m of until) expect(m[2], page).toMatch(/^\S+ 2025$/);
    }
  });
});

describe('citable, bundled, in Excel', () => {
  const html = (site: string, page: string) => readFileSync(join(site, page), 'utf8');
  /** A Kutip block's formats as its script makes them, from the record the page carries (data-record), before the reader's day is put in. */
  const pre = (page: string, format: CitationFormat) => {
    const m = /<details class="cite" data-record="([^"]*)">/.exec(page);
    expect(m, 'a Kutip block with its record').not.toBeNull();
    // The attribute as a browser reads it: Astro writes a quote as &#34;.
    const attr = (v: string) =>
      v
        .replace(/&#(\d+);/g, (_, n: string) => String.fromCharCode(Number(n)))
        .replace(/&quot;/g, '"')
        .replace(/&amp;/g, '&');
    const record = m ? (JSON.parse(attr(m[1])) as CitationRecord) : null;
    return record ? citationIn(format, record) : '';
  };
  it('a Kutip block on /data/, each table page and each chart: absolute address, release, access date; BibTeX, RIS, CSL-JSON from its record', () => {
    for (const [page, url] of [
      ['data/index.html', `${SITE_URL}/data/`],
      ['en/data/ikm_unit/index.html', `${SITE_URL}/en/data/ikm_unit/`],
    ] as const) {
      const text = html(siteB, page);
      expect(text, page).toContain('<details class="cite"');
      // The other formats are made in the browser; without JavaScript the block says so.
      expect(text, page).not.toContain('<pre data-format');
      expect(text, page).toContain(`<noscript><p>${citeWords(page.startsWith('en/') ? 'en' : 'id').formatsNeedScript}</p></noscript>`);
      const plain = /<p class="cite-text" data-format="text">([^<]*)<\/p>/.exec(text)![1];
      expect(plain, page).toContain(url);
      expect(plain, page).toContain(second.id);
      expect(plain, page).toMatch(/(Diakses|Accessed) 2026-01-02\./);
      expect(pre(text, 'bibtex'), page).toContain(`version = {${second.id}}`);
      expect(pre(text, 'ris'), page).toContain(`UR  - ${url}`);
      expect(JSON.parse(pre(text, 'csl'))[0].version, page).toBe(second.id);
    }
    // A chart of a region's page cites the region's data version, dated its export, and leaves the
    // access date to the reader (the copy script puts it in): no build's date or release in it.
    for (const [page, lang] of [
      ['wilayah/binjai/index.html', 'id'],
      ['en/wilayah/binjai/index.html', 'en'],
    ] as const) {
      const text = html(siteB, page);
      const versi = second.versi_wilayah!.binjai;
      const [, accessed, plain] = /<p class="cite-text" data-format="text" data-accessed="([^"]+)">([^<]*)<\/p>/.exec(text)!;
      expect(accessed, page).toBe(lang === 'id' ? 'Diakses' : 'Accessed');
      expect(plain, page).toContain(
        lang === 'id'
          ? `Dalam Kinerja Terbuka, data Kota Binjai versi ${versi}.`
          : `In Kinerja Terbuka, Kota Binjai data version ${versi}.`,
      );
      expect(plain, page).toMatch(/^Kinerja Terbuka \(2026\)\. /);
      expect(plain, page).toMatch(new RegExp(`${SITE_URL_RE}/(en/)?wilayah/binjai/#[a-z-]+\\.$`));
      expect(plain, page).not.toContain(second.id);
      expect(pre(text, 'bibtex'), page).toContain(`version = {${versi}}`);
      expect(pre(text, 'bibtex'), page).not.toContain('urldate');
      expect(pre(text, 'ris'), page).toContain('DA  - 2026/01/16');
      expect(pre(text, 'ris'), page).not.toContain('Y2  -');
      expect(JSON.parse(pre(text, 'csl'))[0], page).toMatchObject({ version: versi, issued: { 'date-parts': [[2026, 1, 16]] } });
      expect(JSON.parse(pre(text, 'csl'))[0].accessed, page).toBeUndefined();
    }
    // each chart of a region page has its own
    const region = html(siteB, 'wilayah/binjai/index.html');
    expect((region.match(/<details class="cite"/g) ?? []).length).toBe((region.match(/<figure class="chart/g) ?? []).length);
  });

  it('a printed forum slide carries a QR code (SVG, made at build) to its chart’s absolute address', () => {
    const deck = html(siteB, 'forum/binjai/index.html');
    const qrs = [...deck.matchAll(/<span class="print-only slide-qr" aria-hidden="true" data-qr="([^"]+)"><svg [^>]*>/g)].map((m) => m[1]);
    expect(qrs.length).toBeGreaterThan(0);
    for (const q of qrs) expect(q).toMatch(new RegExp(`^${SITE_URL_RE}/wilayah/binjai/#[a-z-]+$`));
  });

  it('per region and for the whole site, a zip bundle of the tables, README, CITATION.cff and checksums, linked', async () => {
    const { unzipSync, strFromU8 } = await import('fflate');
    const zip = unzipSync(readFileSync(join(siteB, 'data/paket/binjai.zip')));
    expect(Object.keys(zip)).toEqual(
      expect.arrayContaining(['ikm_unit.csv', 'datapackage.json', 'README.md', 'CITATION.cff', 'SHA256SUMS']),
    );
    expect(strFromU8(zip['CITATION.cff'])).toContain(`version: "${second.id}"`);
    expect(JSON.parse(strFromU8(zip['datapackage.json'])).version).toBe(second.id);
    const rows = Papa.parse<Record<string, string>>(strFromU8(zip['ikm_unit.csv']), { header: true, skipEmptyLines: true }).data;
    expect(rows.length).toBe(csv(join(siteB, 'data/ikm_unit.csv')).filter((r) => r.kode_wilayah === 'binjai').length);
    expect(rows.every((r) => r.kode_wilayah === 'binjai')).toBe(true);
    const all = unzipSync(readFileSync(join(siteB, 'data/kinerja-terbuka.zip')));
    expect(Buffer.from(all['ikm_unit.csv']).equals(readFileSync(join(siteB, 'data/ikm_unit.csv')))).toBe(true);
    expect(html(siteB, 'wilayah/binjai/index.html')).toContain('href="/data/paket/binjai.zip"');
    expect(html(siteB, 'data/index.html')).toContain('href="/data/kinerja-terbuka.zip"');
  });

  it('every table as .xlsx, whatever its size (the survey microdata too), linked beside CSV and Parquet', () => {
    for (const t of TABLES) {
      expect(
        readFileSync(join(siteB, `data/${t.name}.xlsx`))
          .subarray(0, 2)
          .toString(),
        t.name,
      ).toBe('PK');
      expect(html(siteB, 'data/index.html'), t.name).toContain(`href="/data/${t.name}.xlsx"`);
      expect(html(siteB, `data/${t.name}/index.html`), t.name).toContain(`href="/data/${t.name}.xlsx"`);
    }
  });
});

describe('a rebuild of the same inputs', () => {
  // As maintainers rebuild (`--since dist --out dist`): every region's pages are reused, the
  // national ones, tables and archive made again. That a full build of the same inputs gives
  // the same bytes is shards.test.ts's (every page built again by other processes), and on a
  // site of two releases B′'s above (the corrected region rendered by a full build and by --since).
  it('makes no new release and changes no byte', async () => {
    const before = new Map(files(siteB).map((f) => [f, readFileSync(join(siteB, f))]));
    const gateRead = (output: string) => /privacy gate: (\d+) berkas dibaca/.exec(output)?.[1];
    const taken = (output: string) => /reused region files: (\d+)/.exec(output)?.[1];
    // Twice: what the first remembers of the regions it moved (their marks, twins and the gate's
    // verdicts) lets the second move them unread too.
    const runs = [];
    for (const _ of [1, 2]) {
      const again = await build(['--out', siteB, '--since', siteB]);
      expect(again.status, again.output).toBe(0);
      // Left in the site it replaces, unwritten since it was published: none read again, every region moved whole at the swap.
      const [, reused, unread] = /reused region files: (\d+) \((\d+) tidak dibaca lagi/.exec(again.output) ?? [];
      expect(Number(reused)).toBeGreaterThan(100);
      expect(unread).toBe(reused);
      expect(again.output).toContain('; 5 wilayah dipindah utuh saat situs ditukar / regions moved whole at the swap)');
      const after = files(siteB);
      expect(after).toEqual([...before.keys()]);
      for (const f of after) expect(readFileSync(join(siteB, f)).equals(before.get(f)!), f).toBe(true);
      runs.push(again.output);
    }
    // The second's gate reads nothing: every file passed before, the moved regions' too, by the memory the first left.
    const passed = (output: string) => /(\d+) lolos sebelumnya, nilai privat tidak berubah/.exec(output)?.[1];
    expect(Number(passed(runs[1]))).toBeGreaterThan(Number(taken(runs[1])) / 3);
    expect(gateRead(runs[1])).toBe('0');
  }, 600_000);
});

describe('--arsip: a clean clone carries the previous site’s releases', () => {
  it('copies every earlier release it does not have yet, and keeps those it has', async () => {
    const stage = join(work, 'stage');
    const metas = await carryForward(stage, [siteB]);
    expect(metas.map((m) => m.id)).toEqual([second.id, first.id]);
    expect(files(join(stage, 'rilis', first.id)).filter((f) => f.endsWith('.csv'))).toContain('ikm_unit.csv');
    expect(relative(stage, join(stage, 'rilis'))).toBe('rilis');
  });
});
