/**
 * The host files (issue #15, item 9): `_headers` and the nginx include, read the way each host
 * reads them, give every file of a site exactly the headers of src/deploy/policy.ts; the
 * precompressed twins are the files themselves, and the same every time.
 */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { NETLIFY_HEADERS, NGINX_INCLUDE, writeHostFiles } from '../../src/deploy/host-files.ts';
import { embedAncestors, headersFor } from '../../src/deploy/policy.ts';
import { precompress } from '../../src/deploy/precompress.ts';
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
  writeFileSync(join(root, f), `<p>${f}</p>\n`.repeat(50));
}
const policy = { embedAncestors: 'https://koran.example' };

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

describe('precompressed twins', () => {
  it('are the file itself, under brotli and gzip, and the same bytes every time', async () => {
    const written = await precompress(root);
    const twins = (dir: string): string[] =>
      readdirSync(dir, { recursive: true, encoding: 'utf8' })
        .filter((f) => /\.(br|gz)$/.test(f))
        .sort();
    const all = twins(root);
    expect(written).toBe(all.length);
    // every compressible file has both (the repeated text compresses well); the header files have none
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
});
