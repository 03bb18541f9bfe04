/**
 * The built site as a host serves it (issue #15, items 9–10): the headers of its own `_headers`,
 * the precompressed engine, and framing: a page of another origin may frame an embed but no
 * other page (`frame-ancestors`, which only a header can say).
 */
import { createServer, type Server } from 'node:http';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { BrowserContext } from 'playwright-core';
import { openBrowser } from '../support/browser.ts';

const siteUrl = inject('siteUrl');
const siteDir = inject('siteDir');
const region = readdirSync(join(siteDir, 'wilayah'), { withFileTypes: true }).find((d) => d.isDirectory())!.name;
const embedPath = (() => {
  const base = join(siteDir, 'embed', 'wilayah', region);
  const chart = readdirSync(base, { withFileTypes: true }).find((d) => d.isDirectory())!.name;
  return `/embed/wilayah/${region}/${chart}/`;
})();
const wasm = readdirSync(join(siteDir, '_astro')).find((f) => /^duckdb-eh.*\.wasm$/.test(f))!;

describe('headers as a host sends them', () => {
  it('a page: its CSP as a header, framed by nobody, compressed with brotli', async () => {
    const res = await fetch(`${siteUrl}/wilayah/${region}/`, { headers: { 'accept-encoding': 'br, gzip' } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-encoding')).toBe('br');
    expect(res.headers.get('content-security-policy')).toMatch(/worker-src 'self' blob:.*frame-ancestors 'none'/);
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('referrer-policy')).toBe('strict-origin-when-cross-origin');
    expect(res.headers.get('cache-control')).toBe('public, max-age=300');
    expect(await res.text()).toContain('<html'); // fetch decodes it: the twin is the page
  });

  it('the query engine: application/wasm, cached for a year, about a fifth of its size over the wire', async () => {
    const plain = await fetch(`${siteUrl}/_astro/${wasm}`, { method: 'HEAD', headers: { 'accept-encoding': 'identity' } });
    const res = await fetch(`${siteUrl}/_astro/${wasm}`, { method: 'HEAD', headers: { 'accept-encoding': 'gzip, deflate, br' } });
    expect(res.headers.get('content-type')).toBe('application/wasm');
    expect(res.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(res.headers.get('content-encoding')).toBe('br');
    expect(Number(res.headers.get('content-length'))).toBeLessThan(Number(plain.headers.get('content-length')) / 4);
  });
});

describe('framing from another origin', () => {
  let browser: { context: BrowserContext; close: () => Promise<void> };
  let other: Server;
  let otherUrl = '';
  beforeAll(async () => {
    browser = await openBrowser();
    other = createServer((req, res) => {
      const src = new URL(req.url ?? '/', 'http://x').searchParams.get('src') ?? '';
      res
        .writeHead(200, { 'content-type': 'text/html' })
        .end(`<!doctype html><iframe src="${siteUrl}${src}" width="600" height="400"></iframe>`);
    });
    await new Promise<void>((r) => other.listen(0, '127.0.0.2', r));
    const a = other.address();
    otherUrl = `http://127.0.0.2:${typeof a === 'object' && a ? a.port : 0}`;
  });
  afterAll(async () => {
    await browser?.close();
    await new Promise((r) => other?.close(r));
  });

  /** What the framed document shows, read through the browser's own view of the frame. */
  async function framed(src: string): Promise<string> {
    const page = await browser.context.newPage();
    try {
      await page.goto(`${otherUrl}/?src=${encodeURIComponent(src)}`);
      const frame = page.frames().find((f) => f !== page.mainFrame())!;
      await frame.waitForLoadState();
      return await frame.evaluate(() => document.title).catch(() => '');
    } finally {
      await page.close();
    }
  }

  it('an embed shows its chart in a frame on another site', async () => {
    expect(await framed(embedPath)).toContain('Kinerja Terbuka');
  });

  it('a region page refuses to be framed by another site', async () => {
    expect(await framed(`/wilayah/${region}/`)).not.toContain('Kinerja Terbuka');
  });
});
