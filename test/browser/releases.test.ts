/**
 * Releases (issue #11): the sample site (global setup) is the first publication; a second build
 * into the same folder, on a copy of the sample with one survey answer changed, one unit added
 * and one training row removed, is a new release that keeps the first one downloadable, says
 * what changed (page, perubahan.csv, feed) and shows its ID on every page; a third build of the
 * same inputs (`--since`, over the second) makes no new release and changes no byte.
 */
import { spawnSync } from 'node:child_process';
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

const firstSite = inject('siteDir');
/** The second site knows its public address (the first, the sample of global setup, does not). */
const SITE_URL = 'https://kinerja.example';
const work = mkdtempSync(join(tmpdir(), 'kt-releases-'));
const out = join(work, 'dist');
const data = join(work, 'data');
afterAll(() => rmSync(work, { recursive: true, force: true }));

function build(...args: string[]): void {
  const r = spawnSync(process.execPath, ['scripts/run.mjs', 'build', '--data', data, '--out', out, ...args], {
    encoding: 'utf8',
    env: { ...process.env, SOURCE_DATE_EPOCH: '1767312000', KT_SITE_URL: SITE_URL },
  });
  if (r.status !== 0) throw new Error(`build failed:\n${r.stdout}\n${r.stderr}`);
}
const files = (dir: string): string[] =>
  readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((f) => statSync(join(dir, f)).isFile())
    .sort();
const index = (site: string): ReleaseMeta[] => JSON.parse(readFileSync(join(site, 'data/rilis/index.json'), 'utf8')).rilis;
const csv = (path: string) => Papa.parse<Record<string, string>>(readFileSync(path, 'utf8'), { header: true, skipEmptyLines: true }).data;

/** The survey row changed: Binjai's last response (of the latest semester, which its pages lead with), its first answer moved by three. */
let changedUnit = '';
let first: ReleaseMeta;
let second: ReleaseMeta;

beforeAll(() => {
  cpSync(firstSite, out, { recursive: true });
  cpSync('data', data, { recursive: true });
  const skm = join(data, 'binjai/skm.csv');
  const lines = readFileSync(skm, 'utf8').split('\n');
  const last = lines.findLastIndex((l) => l.trim() !== '');
  const cells = lines[last].split(',');
  changedUnit = cells[1];
  cells[4] = cells[4] === '1' ? '4' : '1';
  lines[last] = cells.join(',');
  writeFileSync(skm, lines.join('\n'));
  writeFileSync(
    join(data, 'binjai/unit.csv'),
    readFileSync(join(data, 'binjai/unit.csv'), 'utf8').replace(/\n?$/, '\nUJI-BARU,Unit Baru Uji,lainnya,\n'),
  );
  const training = readFileSync(join(data, 'binjai/pelatihan.csv'), 'utf8').split('\n');
  writeFileSync(join(data, 'binjai/pelatihan.csv'), [...training.slice(0, 1), ...training.slice(2)].join('\n'));
  [first] = index(firstSite);
  build();
  [second] = index(out);
}, 600_000);

describe('a second publication into the same folder', () => {
  it('is a new release, numbered after the first, which stays as it was', () => {
    expect(second.id).not.toBe(first.id);
    expect(second.id).toMatch(/^\d{4}-\d{2}-\d{2}-[0-9a-f]{8}$/);
    expect(index(out).map((r) => [r.id, r.nomor])).toEqual([
      [second.id, 2],
      [first.id, 1],
    ]);
    const old = join(out, 'data/rilis', first.id);
    for (const f of files(join(firstSite, 'data/rilis', first.id)).filter((f) => !f.includes('index.html'))) {
      expect(readFileSync(join(old, f)), f).toEqual(readFileSync(join(firstSite, 'data/rilis', first.id, f)));
    }
    // the first release's tables are the first site's tables
    expect(readFileSync(join(old, 'ikm_unit.csv'))).toEqual(readFileSync(join(firstSite, 'data/ikm_unit.csv')));
    expect(JSON.parse(readFileSync(join(out, 'data/datapackage.json'), 'utf8')).version).toBe(second.id);
    // an archived release describes only what it holds (survey microdata are not archived)
    for (const id of [first.id, second.id]) {
      const listed = (
        JSON.parse(readFileSync(join(out, 'data/rilis', id, 'datapackage.json'), 'utf8')) as { resources: { path: string }[] }
      ).resources.map((r) => r.path);
      expect(listed.length).toBeGreaterThan(0);
      for (const p of listed) expect(existsSync(join(out, 'data/rilis', id, p)), `${id}/${p}`).toBe(true);
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
    const revisions = csv(join(out, 'data/rilis', second.id, 'perubahan.csv'));
    expect(revisions.length).toBe(second.revisi);
    const ikm = revisions.filter((r) => r.tabel === 'ikm_unit' && r.kolom === 'ikm');
    expect(ikm.length).toBeGreaterThan(0);
    expect(ikm.every((r) => r.kode_wilayah === 'binjai' && r.kode_unit === changedUnit)).toBe(true);
    // each old and new value is the one the two releases publish
    const before = csv(join(out, 'data/rilis', first.id, 'ikm_unit.csv'));
    const after = csv(join(out, 'data/ikm_unit.csv'));
    for (const r of ikm) {
      const pick = (rows: Record<string, string>[]) =>
        rows.find((x) => x.kode_wilayah === r.kode_wilayah && x.kode_unit === r.kode_unit && x.periode === r.kunci)!.ikm;
      expect([r.lama, r.baru]).toEqual([pick(before), pick(after)]);
    }
    const page = readFileSync(join(out, 'data/rilis', second.id, 'index.html'), 'utf8');
    for (const r of ikm) expect(page).toContain(r.baru);
    // the region's IKM is a headline figure too: Binjai's moved with that one answer
    const region = revisions.filter((r) => r.tabel === 'ikm_wilayah' && r.kolom === 'ikm');
    expect(region.length).toBeGreaterThan(0);
    const regionBefore = csv(join(out, 'data/rilis', first.id, 'ikm_wilayah.csv'));
    const regionAfter = csv(join(out, 'data/ikm_wilayah.csv'));
    for (const r of region) {
      expect([r.kode_wilayah, r.kode_unit]).toEqual(['binjai', '']);
      const pick = (rows: Record<string, string>[]) => rows.find((x) => x.kode_wilayah === 'binjai' && x.periode === r.kunci)!.ikm;
      expect([r.lama, r.baru]).toEqual([pick(regionBefore), pick(regionAfter)]);
      expect(r.lama).not.toBe(r.baru);
    }
    // and every other region's IKM is as it was
    const same = regionAfter.filter((x) => !region.some((r) => r.kunci === x.periode && x.kode_wilayah === 'binjai'));
    for (const x of same) expect(regionBefore.find((y) => y.kode_wilayah === x.kode_wilayah && y.periode === x.periode)?.ikm).toBe(x.ikm);
    expect(readFileSync(join(out, 'en/data/rilis', second.id, 'index.html'), 'utf8')).toContain('Revised headline figures');
  });

  it('is announced in the feed, newest first, and named in every page footer', () => {
    const feed = readFileSync(join(out, 'rilis.xml'), 'utf8');
    // The site knows its address (KT_SITE_URL): each entry's ID is its release page.
    const entries = [...feed.matchAll(/<entry>\s*<title[^]*?<id>https:\/\/kinerja\.example\/data\/rilis\/([^<]+)\/<\/id>/g)].map(
      (m) => m[1],
    );
    expect(entries).toEqual([second.id, first.id]);
    expect(feed).toContain(`${second.revisi} angka utama direvisi`);
    for (const page of ['index.html', 'wilayah/binjai/index.html', 'en/data/index.html']) {
      const html = readFileSync(join(out, page), 'utf8');
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
      const releases = readFileSync(join(out, 'data/rilis/index.html'), 'utf8');
      expect(releases).toMatch(new RegExp(`<tr id="versi-binjai-${versi}">.*?/data/rilis/${second.id}/`));
      expect(readFileSync(join(out, 'data/rilis', second.id, 'index.html'), 'utf8')).toContain(`/data/rilis/#versi-binjai-${versi}`);
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
  const pages = () => files(out).filter((f) => f.endsWith('index.html'));
  it('puts "direvisi" next to the changed unit’s IKM and Binjai’s, linking to their lines on the release page, and nowhere else', () => {
    const releasePage = readFileSync(join(out, 'data/rilis', second.id, 'index.html'), 'utf8');
    let marks = 0;
    const regionMarks = new Map<string, number>();
    for (const page of pages()) {
      const html = readFileSync(join(out, page), 'utf8');
      for (const m of revisedMarks(html)) {
        marks++;
        if (m[1] === 'ikm_wilayah') {
          expect(m[2], page).toMatch(/^binjai\|\d{4}(-S[12])?$/);
          regionMarks.set(page, (regionMarks.get(page) ?? 0) + 1);
        } else expect([m[1], m[2].split('|').slice(0, 2).join('|')], page).toEqual(['ikm_unit', `binjai|${changedUnit}`]);
        expect(m[3], page).toMatch(/^(ikm|mutu)$/);
        const [path, anchor] = m[4].split('#');
        expect(path.replace(/^\/en\//, '/'), page).toBe(`/data/rilis/${second.id}/`);
        expect(releasePage, page).toContain(`id="${anchor}"`);
      }
      // every mark is one of those above
      expect((html.match(/class="revised"/g) ?? []).length, page).toBe([...html.matchAll(/<\/data> <a class="revised"/g)].length);
    }
    expect(marks).toBeGreaterThan(0);
    // Binjai's region IKM is marked on its region page, in both languages
    expect(regionMarks.get('wilayah/binjai/index.html') ?? 0).toBeGreaterThan(0);
    expect(regionMarks.get('en/wilayah/binjai/index.html') ?? 0).toBeGreaterThan(0);
    const unitPage = readFileSync(join(out, 'wilayah/binjai/unit', changedUnit, 'index.html'), 'utf8');
    expect(unitPage).toContain('class="revised"');
    expect(readFileSync(join(out, 'en/wilayah/binjai/unit', changedUnit, 'index.html'), 'utf8')).toContain('>revised</a>');
    // the first publication had nothing to compare with: no mark anywhere
    for (const page of ['index.html', `wilayah/binjai/unit/${changedUnit}/index.html`, 'wilayah/binjai/index.html'])
      expect(readFileSync(join(firstSite, page), 'utf8')).not.toContain('class="revised"');
  });

  it('says beside every headline figure the month its data reach, from the data', () => {
    for (const page of [
      'index.html',
      'en/index.html',
      'wilayah/binjai/index.html',
      `wilayah/binjai/unit/${changedUnit}/index.html`,
      'forum/binjai/index.html',
    ]) {
      const html = readFileSync(join(out, page), 'utf8');
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
      const text = html(out, page);
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
      const text = html(out, page);
      const versi = second.versi_wilayah!.binjai;
      const [, accessed, plain] = /<p class="cite-text" data-format="text" data-accessed="([^"]+)">([^<]*)<\/p>/.exec(text)!;
      expect(accessed, page).toBe(lang === 'id' ? 'Diakses' : 'Accessed');
      expect(plain, page).toContain(
        lang === 'id'
          ? `Dalam Kinerja Terbuka, data Kota Binjai versi ${versi}.`
          : `In Kinerja Terbuka, Kota Binjai data version ${versi}.`,
      );
      expect(plain, page).toMatch(/^Kinerja Terbuka \(2026\)\. /);
      expect(plain, page).toMatch(new RegExp(`${SITE_URL}/(en/)?wilayah/binjai/#[a-z-]+\\.$`));
      expect(plain, page).not.toContain(second.id);
      expect(pre(text, 'bibtex'), page).toContain(`version = {${versi}}`);
      expect(pre(text, 'bibtex'), page).not.toContain('urldate');
      expect(pre(text, 'ris'), page).toContain('DA  - 2026/01/16');
      expect(pre(text, 'ris'), page).not.toContain('Y2  -');
      expect(JSON.parse(pre(text, 'csl'))[0], page).toMatchObject({ version: versi, issued: { 'date-parts': [[2026, 1, 16]] } });
      expect(JSON.parse(pre(text, 'csl'))[0].accessed, page).toBeUndefined();
    }
    // each chart of a region page has its own
    const region = html(out, 'wilayah/binjai/index.html');
    expect((region.match(/<details class="cite"/g) ?? []).length).toBe((region.match(/<figure class="chart/g) ?? []).length);
    // without KT_SITE_URL no host is invented: the address is said to be a path
    const plain = /<p class="cite-text" data-format="text">([^<]*)<\/p>/.exec(html(firstSite, 'data/index.html'))![1];
    expect(plain).toContain('/data/ (alamat relatif di situs ini; situs dibangun tanpa KT_SITE_URL)');
    expect(plain).not.toMatch(/https?:\/\//);
  });

  it('a printed forum slide carries a QR code (SVG, made at build) to its chart’s absolute address; not without one', () => {
    const deck = html(out, 'forum/binjai/index.html');
    const qrs = [...deck.matchAll(/<span class="print-only slide-qr" aria-hidden="true" data-qr="([^"]+)"><svg [^>]*>/g)].map((m) => m[1]);
    expect(qrs.length).toBeGreaterThan(0);
    for (const q of qrs) expect(q).toMatch(new RegExp(`^${SITE_URL}/wilayah/binjai/#[a-z-]+$`));
    expect(html(firstSite, 'forum/binjai/index.html')).not.toContain('class="print-only slide-qr"');
  });

  it('per region and for the whole site, a zip bundle of the tables, README, CITATION.cff and checksums, linked', async () => {
    const { unzipSync, strFromU8 } = await import('fflate');
    const zip = unzipSync(readFileSync(join(out, 'data/paket/binjai.zip')));
    expect(Object.keys(zip)).toEqual(
      expect.arrayContaining(['ikm_unit.csv', 'datapackage.json', 'README.md', 'CITATION.cff', 'SHA256SUMS']),
    );
    expect(strFromU8(zip['CITATION.cff'])).toContain(`version: "${second.id}"`);
    expect(JSON.parse(strFromU8(zip['datapackage.json'])).version).toBe(second.id);
    const rows = Papa.parse<Record<string, string>>(strFromU8(zip['ikm_unit.csv']), { header: true, skipEmptyLines: true }).data;
    expect(rows.length).toBe(csv(join(out, 'data/ikm_unit.csv')).filter((r) => r.kode_wilayah === 'binjai').length);
    expect(rows.every((r) => r.kode_wilayah === 'binjai')).toBe(true);
    const all = unzipSync(readFileSync(join(out, 'data/kinerja-terbuka.zip')));
    expect(Buffer.from(all['ikm_unit.csv']).equals(readFileSync(join(out, 'data/ikm_unit.csv')))).toBe(true);
    expect(html(out, 'wilayah/binjai/index.html')).toContain('href="/data/paket/binjai.zip"');
    expect(html(out, 'data/index.html')).toContain('href="/data/kinerja-terbuka.zip"');
  });

  it('every table as .xlsx, whatever its size (the survey microdata too), linked beside CSV and Parquet', () => {
    for (const t of TABLES) {
      expect(
        readFileSync(join(out, `data/${t.name}.xlsx`))
          .subarray(0, 2)
          .toString(),
        t.name,
      ).toBe('PK');
      expect(html(out, 'data/index.html'), t.name).toContain(`href="/data/${t.name}.xlsx"`);
      expect(html(out, `data/${t.name}/index.html`), t.name).toContain(`href="/data/${t.name}.xlsx"`);
    }
  });
});

describe('a rebuild of the same inputs', () => {
  // As maintainers rebuild (`--since dist --out dist`): every region's pages are reused, the
  // national ones, tables and archive made again. That a full build of the same inputs gives
  // the same bytes is shards.test.ts's (every page built again by other processes), and on a
  // site of two releases region-pages.test.ts's (the corrected region rendered by a full build
  // and by --since).
  it('makes no new release and changes no byte', () => {
    const before = new Map(files(out).map((f) => [f, readFileSync(join(out, f))]));
    build('--since', out);
    const after = files(out);
    expect(after).toEqual([...before.keys()]);
    for (const f of after) expect(readFileSync(join(out, f)).equals(before.get(f)!), f).toBe(true);
  }, 600_000);
});

describe('--arsip: a clean clone carries the previous site’s releases', () => {
  it('copies every earlier release it does not have yet, and keeps those it has', async () => {
    const stage = join(work, 'stage');
    const metas = await carryForward(stage, [out]);
    expect(metas.map((m) => m.id)).toEqual([second.id, first.id]);
    expect(files(join(stage, 'rilis', first.id)).filter((f) => f.endsWith('.csv'))).toContain('ikm_unit.csv');
    expect(relative(stage, join(stage, 'rilis'))).toBe('rilis');
  });
});
