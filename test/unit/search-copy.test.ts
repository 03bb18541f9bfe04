/**
 * The search copy of a page (src/publish/search-copy.ts): what it keeps, what it leaves out, the
 * shapes it leaves whole, and that Pagefind makes the same index of the copies as of the pages.
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { describe, expect, it, test } from 'vitest';
import { elementEnd, searchCopy } from '../../src/publish/search-copy.ts';
import { indexForSearch, runPagefind, searchParts } from '../../src/publish/search-index.ts';
import { listFiles } from '../../src/publish/site-files.ts';
import { tempDirEach } from '../support/temp-dir.ts';

const HEAD = '<!DOCTYPE html><html lang="id"><head><meta charset="utf-8"><title>Unit KEC-02</title></head>';
const page = (main: string, around = { before: '<header><nav>Beranda</nav></header>', after: '<footer>Lisensi</footer>' }) =>
  `${HEAD}<body>${around.before}<main id="main" data-pagefind-body>${main}</main>${around.after}</body></html>`;

/**
 * A chart as ChartFigure draws it: Plot's own figure inside (its label from the data, escaped as
 * chartMarkup writes it), then its table; a script and a comment that name the tag.
 */
const CHART =
  '<figure class="chart" id="ikm" data-pagefind-ignore="all"><figure><svg aria-label="Dinas &lt;figure&gt; &lt;style&gt; &lt;!-- x"><text>IKM 83,47</text></svg></figure>' +
  '<script>if (x) document.write("</figure>")</script><!-- </figure> --><table><tr><td>83,47</td></tr></table></figure>';

describe('searchCopy', () => {
  it('keeps the head and the body element, without what is ignored whole, nested or not', () => {
    const copy = searchCopy(page(`<h1>Kecamatan Binjai Kota</h1>${CHART}<p>Indeks kepuasan naik.</p>`));
    expect(copy).toBe(
      `${HEAD}<body><main id="main" data-pagefind-body><h1>Kecamatan Binjai Kota</h1><p>Indeks kepuasan naik.</p></main></body></html>`,
    );
  });

  it('keeps what only looks like an ignored element (in a script, a comment, an attribute), and the body element even if marked', () => {
    const inScript = `<div class="w"><script>t='<div data-pagefind-ignore="all">'</script><p>tetap</p></div><p>sesudah</p>`;
    const inComment = '<section><!-- <section data-pagefind-ignore="all"> --><p>tetap</p></section><p>sesudah</p>';
    const inAttribute = '<p title="&lt;div data-pagefind-ignore=&quot;all&quot;&gt;">tetap</p><p>sesudah</p>';
    for (const main of [inScript, inComment, inAttribute])
      expect(searchCopy(page(`<h1>A</h1>${main}`))).toContain(`<h1>A</h1>${main}</main>`);
    const marked = `${HEAD}<body><main data-pagefind-body data-pagefind-ignore="all"><h1>A</h1><p>isi</p></main></body></html>`;
    expect(searchCopy(marked)).toBe(marked);
  });

  it('leaves in what is ignored for the index only, and an ignored element whose end it cannot find', () => {
    const onlyIndex = '<div data-pagefind-ignore><p>Belum dilaporkan</p></div>';
    expect(searchCopy(page(`<h1>A</h1>${onlyIndex}`))).toContain(onlyIndex);
    const open = '<section data-pagefind-ignore="all"><p>tanpa akhir';
    expect(searchCopy(page(`<h1>A</h1>${open}`))).toContain(open);
  });

  it('gives the page itself where it is not the expected shape', () => {
    const shapes = [
      `${HEAD}<body><main><h1>Tanpa badan pencarian</h1></main></body></html>`,
      page('<h1>A</h1><div data-pagefind-body>dua badan</div>'),
      page('<h1>A</h1>', { before: '<header data-pagefind-meta="region:Binjai"></header>', after: '' }),
      page('<p>A</p>', { before: '<h1>Judul di luar</h1>', after: '' }),
      page('<h1>A</h1>', { before: '', after: '<img src="/logo.png" alt="">' }),
      `${HEAD}<body><main data-pagefind-body><h1>A</h1>`,
    ];
    for (const html of shapes) expect(searchCopy(html)).toBe(html);
  });

  it('finds where an element ends past same-named elements, comments and raw text', () => {
    const html = '<div a><div title="&lt;/div&gt;">x</div><!-- <div> --><style>div>p{}</style><script>"<div>"</script></div>after';
    expect(html.slice(elementEnd(html, 'div', '<div a>'.length, html.length))).toBe('after');
    expect(elementEnd(html, 'div', '<div a>'.length, 20)).toBe(-1);
  });
});

const tmp = tempDirEach('kt-search-copy-');

test('Pagefind makes the same index of the search copies as of the pages themselves', async () => {
  const site = join(tmp.dir, 'site');
  const whole = join(tmp.dir, 'whole');
  const pages: Record<string, string> = {
    'index.html': page(
      `<h1>Kinerja Terbuka</h1><p>Kepuasan masyarakat Kota Binjai</p>${CHART}<p>Layanan KTP-el di Kecamatan Binjai Kota</p>`,
    ),
    'en/index.html': page(`<h1>Open performance</h1><p>Community satisfaction in Binjai</p>${CHART}<p>Identity cards</p>`).replace(
      'lang="id"',
      'lang="en"',
    ),
    'wilayah/binjai/index.html': page(
      `<h1 data-pagefind-meta="title">Kota Binjai</h1><p>Puskesmas Binjai Estate\u00a0– pelayanan café</p>${CHART}<h2>Pengaduan</h2><p>Rata‑rata 4,5 hari</p>${CHART}<p>Akhir</p>`,
    ),
    'tentang/index.html': page('<h1>Tentang</h1><p>Situs ini</p>', { before: '<h1>Dua judul</h1>', after: '' }),
    'embed/index.html': `${HEAD}<body><main><h1>Sematan</h1><p>tanpa badan</p></main></body></html>`,
  };
  // The pages themselves too in the folders of their parts of the index, as the copies are.
  const partOf = searchParts(Object.keys(pages)).of;
  const byPart = join(tmp.dir, 'bagian');
  for (const [path, html] of Object.entries(pages)) {
    for (const root of [site, whole, join(byPart, partOf(path))]) {
      await mkdir(join(root, path, '..'), { recursive: true });
      await writeFile(join(root, path), html);
    }
  }
  await indexForSearch(site, { keptIn: join(tmp.dir, 'salinan') });
  // The pages themselves, as the build indexed them before it made copies.
  await indexForSearch(whole, {
    run: (copies, out) => runPagefind(join(byPart, basename(copies)), out),
    keptIn: join(tmp.dir, 'salinan-utuh'),
  });
  const files = async (root: string) => {
    const out = new Map<string, string>();
    for (const f of listFiles(join(root, 'pagefind'))) out.set(f, (await readFile(join(root, 'pagefind', f))).toString('base64'));
    return out;
  };
  const [fromCopies, fromPages] = [await files(site), await files(whole)];
  expect([...fromCopies.keys()].some((f) => f.endsWith('.pf_fragment'))).toBe(true);
  expect(fromCopies).toEqual(fromPages);
});
