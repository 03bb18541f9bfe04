/**
 * The host files (issue #15, item 9): `_headers` and the nginx include, read the way each host
 * reads them, give every file of a site exactly the headers of src/deploy/policy.ts; the
 * precompressed twins are the files themselves, and the same every time.
 */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createHash } from 'node:crypto';
import { brotliCompressSync, brotliDecompressSync, constants as zlibConstants, gunzipSync, gzipSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { headerRules, NETLIFY_HEADERS, NGINX_INCLUDE, writeHostFiles } from '../../src/deploy/host-files.ts';
import { embedAncestors, headersFor } from '../../src/deploy/policy.ts';
import { MIN_TWIN_BYTES, NO_TWIN, precompress } from '../../src/deploy/precompress.ts';
import { twinEntry } from '../../src/publish/gate-memory.ts';
import { matchHeaders, parseHeadersFile } from '../../src/deploy/serve.ts';

const root = mkdtempSync(join(tmpdir(), 'kt-host-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

const FILES = [
  'index.html',
  '404.html',
  'favicon.svg',
  '_astro/app.Ab12.js',
  '_astro/duckdb-eh.X1.wasm',
  'wilayah/binjai/index.html',
  'wilayah/binjai/unit/U1/index.html',
  'embed/wilayah/binjai/ikm/index.html',
  'en/index.html',
  'en/wilayah/binjai/index.html',
  'en/embed/wilayah/binjai/ikm/index.html',
  'data/ikm_unit.csv',
];
for (const f of FILES) {
  mkdirSync(join(root, f, '..'), { recursive: true });
  writeFileSync(join(root, f), `<p>${f}</p>\n`.repeat(100)); // over MIN_TWIN_BYTES
}
const policy = { embedAncestors: 'https://koran.example' };

const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');
/** A table's bytes, over MIN_TWIN_BYTES. */
const TABLE = Buffer.from('kode_wilayah,kode_unit,ikm\n' + 'kota-001,DINKES,81.25\n'.repeat(200));
/** `bytes` at each path of `paths` under `dir`. */
function writeAt(dir: string, paths: readonly string[], bytes: (rel: string) => Buffer): void {
  for (const rel of paths) {
    mkdirSync(join(dir, rel, '..'), { recursive: true });
    writeFileSync(join(dir, rel), bytes(rel));
  }
}

/** nginx: an exact `=` location first, else the longest `^~` prefix, else `location /`. */
function nginxHeaders(conf: string, path: string): Record<string, string> {
  const blocks = [...conf.matchAll(/location (=|\^~)? ?(\S+) \{\n([\s\S]*?)\n\}/g)].map((m) => ({
    kind: m[1] ?? '',
    at: m[2],
    headers: Object.fromEntries([...m[3].matchAll(/add_header (\S+) "([^"]*)" always;/g)].map((h) => [h[1], h[2]])),
  }));
  const exact = blocks.find((b) => b.kind === '=' && b.at === path);
  if (exact) return exact.headers;
  const prefix = blocks.filter((b) => b.kind === '^~' && path.startsWith(b.at)).sort((a, b) => b.at.length - a.at.length)[0];
  return (prefix ?? blocks.find((b) => b.kind === '' && b.at === '/')!).headers;
}

describe('host files', async () => {
  await writeHostFiles(root, policy);
  const netlify = parseHeadersFile(readFileSync(join(root, NETLIFY_HEADERS), 'utf8'));
  const nginx = readFileSync(join(root, NGINX_INCLUDE), 'utf8');
  const urls = [...FILES.map((f) => `/${f}`), '/', '/en/', '/wilayah/binjai/', '/embed/wilayah/binjai/ikm/'];

  it.each(urls)('%s gets exactly its headers from _headers and from nginx', (url) => {
    const file = url.endsWith('/') ? `${url}index.html` : url;
    const want = headersFor(file, policy);
    expect(matchHeaders(netlify, url)).toEqual(want);
    expect(nginxHeaders(nginx, url)).toEqual(want);
  });

  it('are the fewest rules: one per folder whose files all get the same headers', () => {
    const rules = parseHeadersFile(readFileSync(join(root, NETLIFY_HEADERS), 'utf8')).map((r) => r.pattern);
    // A folder mixing pages and embeds (en/), or pages and hashed assets (the root), is split.
    expect(rules).toEqual([
      '/404.html',
      '/_astro/*',
      '/data/*',
      '/embed/*',
      '/en/embed/*',
      '/en/index.html',
      '/en/',
      '/en/wilayah/*',
      '/favicon.svg',
      '/index.html',
      '/',
      '/wilayah/*',
    ]);
  });

  it('no page may be framed; embeds only by the origins the deployer named', () => {
    expect(headersFor('/wilayah/binjai/index.html', policy)['Content-Security-Policy']).toMatch(/frame-ancestors 'none'$/);
    expect(headersFor('/en/embed/wilayah/binjai/ikm/index.html', policy)['Content-Security-Policy']).toMatch(
      /frame-ancestors https:\/\/koran\.example$/,
    );
    expect(headersFor('/embed/x/index.html', { embedAncestors: embedAncestors(undefined) })['Content-Security-Policy']).toMatch(
      /frame-ancestors \*$/,
    );
    expect(() => embedAncestors('https://a.example; script-src *')).toThrow(/KT_EMBED_FRAME_ANCESTORS/);
  });

  it('hashed assets are cached for a year, pages and data for minutes', () => {
    expect(headersFor('/_astro/duckdb-eh.X1.wasm', policy)['Cache-Control']).toContain('immutable');
    expect(headersFor('/data/ikm_unit.csv', policy)['Cache-Control']).toBe('public, max-age=300');
  });
});

describe('header rules from the listing the build already holds', () => {
  const rules = headerRules(
    [
      'index.html',
      'index.html.br',
      '_headers',
      'wilayah/a/index.html',
      'wilayah/a/index.html.gz',
      'wilayah/b/unit/U1/index.html',
      'embed/wilayah/a/ikm/index.html',
      'data/ikm_unit.csv',
      'data/wilayah/a/ikm_unit.csv',
      'data/x.gz/kept.csv',
      // At the root, where a file left out or not changes the rules: a folder named as a twin, and a host file's name.
      'x.gz/kept.csv',
      '_nginx.conf/x.html',
      '_astro/app.Ab12.js',
    ],
    policy,
  );
  const where = rules.map((r) => r.prefix ?? `=${r.exact}`);

  it('one rule for a folder whose files all get the same headers, exact rules where they differ', () => {
    // The root mixes pages with hashed assets: split. `/_astro/` is one rule of a year's cache.
    expect(where).toEqual(['/_astro/', '/data/', '/embed/', '=/index.html', '=/', '/wilayah/']);
    expect(rules.find((r) => r.prefix === '/_astro/')!.headers['Cache-Control']).toContain('immutable');
  });

  it("leaves out twins, anything under a twin's name and the host files: they are not served as themselves", () => {
    // Listed files only, none read from a disk: these paths exist nowhere.
    expect(where.some((w) => /\.(br|gz)|_headers/.test(w))).toBe(false);
  });
});

describe('precompressed twins', () => {
  it('are the file itself, under brotli and gzip, and the same bytes every time', async () => {
    const written = await precompress(root);
    const twins = (dir: string): string[] =>
      readdirSync(dir, { recursive: true, encoding: 'utf8' })
        .filter((f) => /\.(br|gz)$/.test(f))
        .sort();
    const all = twins(root);
    expect(written).toBe(all.length);
    // every compressible file (each of 1 KiB or more) has both (the repeated text compresses well); the header files have none
    expect(all.length).toBe(FILES.length * 2);
    for (const f of FILES) {
      const original = readFileSync(join(root, f));
      expect(brotliDecompressSync(readFileSync(join(root, `${f}.br`)))).toEqual(original);
      expect(gunzipSync(readFileSync(join(root, `${f}.gz`)))).toEqual(original);
      expect(statSync(join(root, `${f}.br`)).size).toBeLessThan(original.length);
    }
    const first = all.map((f) => readFileSync(join(root, f)));
    await precompress(root);
    expect(twins(root).map((f) => readFileSync(join(root, f)))).toEqual(first);
  });

  it(`are not made for a file under ${MIN_TWIN_BYTES} bytes, and a twin beside one is removed`, async () => {
    const dir = join(root, 'kecil');
    mkdirSync(dir, { recursive: true });
    const small = 'kode_wilayah,nilai\r\n' + 'binjai,85.96\r\n'.repeat(40);
    expect(small.length).toBeLessThan(MIN_TWIN_BYTES);
    writeFileSync(join(dir, 'chart.csv'), small);
    // One byte short of the bound, and the bound itself (which is twinned).
    writeFileSync(join(dir, 'short.csv'), 'a'.repeat(MIN_TWIN_BYTES - 1));
    writeFileSync(join(dir, 'bound.csv'), 'a'.repeat(MIN_TWIN_BYTES));
    // A twin left beside a small file (a region reused from an earlier build) is no twin of it now.
    writeFileSync(join(dir, 'chart.csv.br'), brotliCompressSync(Buffer.from(small)));
    expect(await precompress(dir)).toBe(2);
    expect(readdirSync(dir).sort()).toEqual(['bound.csv', 'bound.csv.br', 'bound.csv.gz', 'chart.csv', 'short.csv']);
  });

  it('given the site’s files (the build’s own walk), are made for those and judged against those', async () => {
    const dir = join(root, 'daftar');
    mkdirSync(dir, { recursive: true });
    const text = 'kode_wilayah,nilai\r\n' + 'binjai,85.96\r\n'.repeat(200);
    writeFileSync(join(dir, 'a.csv'), text);
    writeFileSync(join(dir, 'b.csv'), text);
    // b.csv is not in the list: it gets no twins; a.csv's stale twin, not listed either, is not seen and is written over.
    writeFileSync(join(dir, 'a.csv.br'), brotliCompressSync(Buffer.from('lain')));
    expect(await precompress(dir, { files: ['a.csv'] })).toBe(2);
    expect(readdirSync(dir).sort()).toEqual(['a.csv', 'a.csv.br', 'a.csv.gz', 'b.csv']);
    expect(brotliDecompressSync(readFileSync(join(dir, 'a.csv.br'))).toString()).toBe(text);
  });

  it('are removed where compressing does not make the file smaller', async () => {
    const dir = join(root, 'acak');
    mkdirSync(dir, { recursive: true });
    // Bytes no compressor shrinks (deterministic), with stale twins of other content beside them.
    const noise = Buffer.concat(Array.from({ length: 128 }, (_, i) => createHash('sha256').update(String(i)).digest()));
    expect(brotliCompressSync(noise).length).toBeGreaterThanOrEqual(noise.length);
    writeFileSync(join(dir, 'acak.json'), noise);
    writeFileSync(join(dir, 'acak.json.br'), brotliCompressSync(Buffer.from('lain')));
    writeFileSync(join(dir, 'acak.json.gz'), gzipSync('lain'));
    expect(await precompress(dir)).toBe(0);
    expect(readdirSync(dir)).toEqual(['acak.json']);
  });

  // A twin that unpacks to its file may still carry more (a gzip header's name): with the memory
  // of the previous site, only a twin this code made of these bytes is kept or taken.
  it('are taken from the previous site, or kept beside their file, only where this code made them of the same bytes', async () => {
    const page = Buffer.from('<p>Indeks Kepuasan Masyarakat</p>'.repeat(50));
    const site = (name: string) => {
      const dir = join(root, name);
      mkdirSync(dir, { recursive: true });
      writeFileSync(join(dir, 'a.html'), page);
      return dir;
    };
    const made = new Set<string>();
    const a = site('sebelum');
    // Each twin told with its path, its hash that of the bytes there (what the pages record takes instead of reading it).
    const paths: string[] = [];
    await precompress(a, {
      onTwin: (f, t, path) => {
        made.add(twinEntry(f, t));
        paths.push(path);
        expect(
          createHash('sha256')
            .update(readFileSync(join(a, path)))
            .digest('hex'),
          path,
        ).toBe(t);
      },
    });
    expect(made.size).toBe(2);
    expect(paths.sort()).toEqual(['a.html.br', 'a.html.gz']);
    const madeHere = (f: string, t: string) => made.has(twinEntry(f, t));
    // A twin with a name in its header: the file when unpacked, but not what this code makes.
    const named = gzipSync(page, { level: 6 });
    const odd = Buffer.concat([
      named.subarray(0, 3),
      Buffer.from([named[3] | 0x08]),
      named.subarray(4, 10),
      Buffer.from('rahasia\0'),
      named.subarray(10),
    ]);
    expect(gunzipSync(odd)).toEqual(page);

    // Taken from the previous site: the bytes this code made there.
    const b = site('sesudah');
    const seen: string[] = [];
    await precompress(b, { previous: a, madeHere, onTwin: (f, t) => seen.push(twinEntry(f, t)) });
    expect(readFileSync(join(b, 'a.html.gz'))).toEqual(readFileSync(join(a, 'a.html.gz')));
    expect(seen.sort()).toEqual([...made].sort());
    // The previous site's twin not made here is not taken: made again.
    writeFileSync(join(a, 'a.html.gz'), odd);
    const c = site('lagi');
    await precompress(c, { previous: a, madeHere });
    expect(readFileSync(join(c, 'a.html.gz')).includes('rahasia')).toBe(false);
    // Beside its file (a region copied from the previous site): with a memory, kept only if made here.
    writeFileSync(join(c, 'a.html.gz'), odd);
    await precompress(c, { madeHere });
    expect(readFileSync(join(c, 'a.html.gz')).includes('rahasia')).toBe(false);
    expect(gunzipSync(readFileSync(join(c, 'a.html.gz')))).toEqual(page);
  });

  // A region copied from the previous site arrives with the hashes of its files and twins, checked
  // when copied: with the memory vouching for both twins, neither file nor twin is read again.
  it('are kept by their known hashes without reading them; where any is not known the file is read, and must be its known hash', async () => {
    const dir = join(root, 'dikenal');
    mkdirSync(dir, { recursive: true });
    const page = Buffer.from('<p>Kota Binjai</p>'.repeat(100));
    writeFileSync(join(dir, 'a.html'), page);
    await precompress(dir);
    // Hashes that are not these bytes' sha256: kept as they are only if nothing was read.
    const hashes = new Map([
      ['a.html', 'f'.repeat(64)],
      ['a.html.br', 'b'.repeat(64)],
      ['a.html.gz', 'a'.repeat(64)],
    ]);
    const vouched = new Set([twinEntry('f'.repeat(64), 'b'.repeat(64)), twinEntry('f'.repeat(64), 'a'.repeat(64))]);
    const madeHere = (f: string, t: string) => vouched.has(twinEntry(f, t));
    const told: string[] = [];
    const toldPaths: string[] = [];
    const onTwin = (f: string, t: string, path: string) => {
      told.push(twinEntry(f, t));
      toldPaths.push(`${path} ${t[0]}`);
    };
    expect(await precompress(dir, { madeHere, hashes, onTwin })).toBe(2);
    expect(told.sort()).toEqual([...vouched].sort());
    // Kept unread, each twin told by its own path with its own known hash.
    expect(toldPaths.sort()).toEqual(['a.html.br b', 'a.html.gz a']);
    // One twin's hash not known: the file is read, and found not to be the bytes its known hash says.
    hashes.delete('a.html.gz');
    await expect(precompress(dir, { madeHere, hashes })).rejects.toThrow(/a\.html: berubah sejak diperiksa \/ changed since it was judged/);
    // Its true hash: read, and its twins kept by what the memory says of them (not vouched for: made again).
    hashes.set('a.html', sha(page));
    told.length = 0;
    await precompress(dir, { madeHere, hashes, onTwin: (f, t) => told.push(twinEntry(f, t)) });
    expect(told.sort()).toEqual(
      [
        twinEntry(sha(page), sha(readFileSync(join(dir, 'a.html.br')))),
        twinEntry(sha(page), sha(readFileSync(join(dir, 'a.html.gz')))),
      ].sort(),
    );
    expect(gunzipSync(readFileSync(join(dir, 'a.html.gz')))).toEqual(page);
  });

  it('of bytes at several paths (a table and its release copy) are found or made once, each path given the same twins', async () => {
    const dir = join(root, 'salinan-rilis');
    const previous = join(root, 'salinan-rilis-lama');
    const table = TABLE;
    writeAt(dir, ['data/ikm_unit.csv', 'data/rilis/2026-12-31/ikm_unit.csv'], () => table);
    // The previous site's twins of the table at its own path: made at other levels than this code
    // uses, so that which path got which twin shows; the memory vouches for them.
    mkdirSync(join(previous, 'data'), { recursive: true });
    const br = brotliCompressSync(table, { params: { [zlibConstants.BROTLI_PARAM_QUALITY]: 1 } });
    const gz = gzipSync(table, { level: 1 });
    writeFileSync(join(previous, 'data', 'ikm_unit.csv.br'), br);
    writeFileSync(join(previous, 'data', 'ikm_unit.csv.gz'), gz);
    const vouched = new Set([twinEntry(sha(table), sha(br)), twinEntry(sha(table), sha(gz))]);
    const hashes = new Map([
      ['data/ikm_unit.csv', sha(table)],
      ['data/rilis/2026-12-31/ikm_unit.csv', sha(table)],
    ]);
    const madeHere = (f: string, t: string) => vouched.has(twinEntry(f, t));
    // The copy first, alone: it has no twin at its path in the previous site, and finds the table's.
    const files = ['data/rilis/2026-12-31/ikm_unit.csv', 'data/ikm_unit.csv'];
    expect(await precompress(dir, { previous, madeHere, hashes, files, concurrency: 1 })).toBe(4);
    for (const rel of ['data/ikm_unit.csv', 'data/rilis/2026-12-31/ikm_unit.csv']) {
      expect(readFileSync(join(dir, `${rel}.br`))).toEqual(br);
      expect(readFileSync(join(dir, `${rel}.gz`))).toEqual(gz);
    }
    // Without the memory, each path's twins are made by this code's settings, the same at both.
    const fresh = join(root, 'salinan-rilis-segar');
    writeAt(fresh, ['a.csv', 'b/a.csv'], () => table);
    expect(
      await precompress(fresh, {
        hashes: new Map([
          ['a.csv', sha(table)],
          ['b/a.csv', sha(table)],
        ]),
      }),
    ).toBe(4);
    expect(readFileSync(join(fresh, 'b/a.csv.br'))).toEqual(readFileSync(join(fresh, 'a.csv.br')));
    expect(readFileSync(join(fresh, 'a.csv.br'))).not.toEqual(br);
    expect(brotliDecompressSync(readFileSync(join(fresh, 'b/a.csv.br')))).toEqual(table);
  });

  it('written by the build itself (a split table’s, from its bundle’s parts) are kept where they unpack to their file, given to no other path, and told as its own', async () => {
    const dir = join(root, 'kembar-bagian');
    const previous = join(root, 'kembar-bagian-lama');
    const table = TABLE;
    // A region's file, and a table of the same bytes (one region) with its release copy.
    const paths = ['data/rilis/2026-12-31/ikm_unit.csv', 'data/wilayah/kota-001/ikm_unit.csv', 'data/ikm_unit.csv', 'data/capaian_iku.csv'];
    writeAt(dir, paths, (rel) => (rel.endsWith('capaian_iku.csv') ? Buffer.concat([table, Buffer.from('x\n')]) : table));
    // Level 1: not what this code makes, so that a twin kept shows. The other table's is of other bytes.
    const ours = gzipSync(table, { level: 1 });
    writeFileSync(join(dir, 'data/wilayah/kota-001/ikm_unit.csv.gz'), ours);
    writeFileSync(join(dir, 'data/capaian_iku.csv.gz'), ours);
    // The previous site held the same twin beside the same bytes, and a memory that vouched for it would let the copies take it.
    mkdirSync(join(previous, 'data'), { recursive: true });
    writeFileSync(join(previous, 'data/ikm_unit.csv.gz'), ours);
    const hashes = new Map(paths.map((rel) => [rel, sha(readFileSync(join(dir, rel)))]));
    const made = ['data/wilayah/kota-001/ikm_unit.csv.gz', 'data/capaian_iku.csv.gz'];
    const told: string[] = [];
    const vouched = new Set<string>();
    const madeHere = (f: string, t: string) => vouched.has(twinEntry(f, t));
    const run = () =>
      precompress(dir, {
        previous,
        madeHere,
        hashes,
        files: [...paths, ...made],
        madeNow: made,
        concurrency: 1,
        onTwin: (file, twin, path, own) => {
          if (own) told.push(path);
          else vouched.add(twinEntry(file, twin));
        },
      });
    expect(await run()).toBe(8);
    expect(readFileSync(join(dir, 'data/wilayah/kota-001/ikm_unit.csv.gz'))).toEqual(ours);
    expect(told).toEqual(['data/wilayah/kota-001/ikm_unit.csv.gz']);
    // The table and its copy: twins as any file's, the same at both, whatever was beside the same bytes.
    const level6 = readFileSync(join(dir, 'data/ikm_unit.csv.gz'));
    expect(level6).not.toEqual(ours);
    expect(readFileSync(join(dir, 'data/rilis/2026-12-31/ikm_unit.csv.gz'))).toEqual(level6);
    expect(gunzipSync(level6)).toEqual(table);
    // A twin of the build's own that is not its file's bytes is made again.
    const remade = readFileSync(join(dir, 'data/capaian_iku.csv.gz'));
    expect(remade).not.toEqual(ours);
    expect(gunzipSync(remade)).toEqual(readFileSync(join(dir, 'data/capaian_iku.csv')));
    // Not said to be the build's own, the same twin is not kept: the memory never vouched for it.
    writeFileSync(join(dir, 'data/wilayah/kota-001/ikm_unit.csv.gz'), ours);
    await precompress(dir, { previous, madeHere, hashes, files: [...paths, ...made], concurrency: 1 });
    expect(readFileSync(join(dir, 'data/wilayah/kota-001/ikm_unit.csv.gz'))).not.toEqual(ours);
  });

  it('are not looked for beside a file whose bytes the memory knows too small for twins: it is not read', async () => {
    const dir = join(root, 'kecil-dikenal');
    mkdirSync(dir, { recursive: true });
    const small = Buffer.from('kode_unit,nilai\nDINKES,81.2\n');
    writeFileSync(join(dir, 'a.csv'), small);
    const smallHash = sha(small);
    // A first build reads it, makes no twin, and tells its hash as having none.
    const none: string[] = [];
    expect(await precompress(dir, { onNone: (f) => none.push(f) })).toBe(0);
    expect(none).toEqual([smallHash]);
    expect(readdirSync(dir)).toEqual(['a.csv']);
    // A hash that is not these bytes': kept unread only where the memory says its bytes have no twin.
    const hashes = new Map([['a.csv', 'c'.repeat(64)]]);
    const vouched = new Set([twinEntry('c'.repeat(64), NO_TWIN)]);
    const madeHere = (f: string, t: string) => vouched.has(twinEntry(f, t));
    none.length = 0;
    expect(await precompress(dir, { madeHere, hashes, onNone: (f) => none.push(f) })).toBe(0);
    expect(none).toEqual(['c'.repeat(64)]);
    // Not vouched for: read, and found not to be the bytes its known hash says.
    await expect(precompress(dir, { madeHere: () => false, hashes })).rejects.toThrow(
      /a\.csv: berubah sejak diperiksa \/ changed since it was judged/,
    );
    // A twin beside it that no build made (a hand-copied folder), its hash unknown: the file is read, and the twin removed.
    writeFileSync(join(dir, 'a.csv.gz'), gzipSync(Buffer.from('lain')));
    hashes.set('a.csv', smallHash);
    vouched.add(twinEntry(smallHash, NO_TWIN));
    expect(await precompress(dir, { madeHere, hashes })).toBe(0);
    expect(readdirSync(dir)).toEqual(['a.csv']);
  });
});
