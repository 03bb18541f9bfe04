/**
 * A unit named `<script>…`, a service named `</script><b>…`, a programme that starts with `=`:
 * data are text everywhere. The fixture is test/fixtures/xss (the valid fixture with hostile names).
 * It is also the tests' one whole site built without a public address (KT_SITE_URL; global setup's has one).
 */
import { tmpdir } from 'node:os';
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { parseHTML } from 'linkedom';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openBrowser } from '../support/browser.ts';
import { serveStatic } from '../support/static-server.ts';

// Outside the repository: Astro's file watcher in the test process would follow the build's files.
const out = join(tmpdir(), `kt-hostile-${process.pid}`);

function htmlFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) return name === 'pagefind' || name === '_astro' ? [] : htmlFiles(p);
    return p.endsWith('.html') ? [p] : [];
  });
}

describe('hostile values in an export', () => {
  beforeAll(() => {
    const r = spawnSync(process.execPath, ['scripts/run.mjs', 'build', '--data', 'test/fixtures/xss', '--out', out], {
      encoding: 'utf8',
      // Without an address even where the shell sets one (an empty value is none: src/config.ts).
      env: { ...process.env, KT_SITE_URL: '' },
    });
    expect(r.status, r.stdout + r.stderr).toBe(0);
  }, 300_000);
  afterAll(() => rmSync(out, { recursive: true, force: true }));

  it('never writes a data value into HTML as markup', () => {
    const pages = htmlFiles(out);
    expect(pages.length).toBeGreaterThan(10);
    let shown = 0;
    for (const p of pages) {
      // Parse as a browser would: inside a quoted attribute `<i>` is text, in content it is an element.
      const { document } = parseHTML(readFileSync(p, 'utf8'));
      expect(
        [...document.querySelectorAll('script')].filter((s) => s.textContent?.includes('alert(')),
        p,
      ).toEqual([]);
      expect(document.querySelectorAll('img[src="x"], [onerror]').length, p).toBe(0);
      expect([...document.querySelectorAll('b, i')].filter((e) => ['KTP', 'prog'].includes(e.textContent ?? '')).length, p).toBe(0);
      if (document.body?.textContent?.includes('<script>alert("unit")</script> Dinas')) shown++;
    }
    // …and the names are still there, as text.
    expect(shown).toBeGreaterThan(3);
  });

  it('runs no script from the data when the unit page is opened', async () => {
    const server = await serveStatic(out);
    const { context, close } = await openBrowser();
    try {
      const page = await context.newPage();
      const dialogs: string[] = [];
      page.on('dialog', async (d) => {
        dialogs.push(d.message());
        await d.dismiss();
      });
      for (const path of [
        '/wilayah/alpha/',
        '/wilayah/alpha/unit/U01/',
        '/wilayah/alpha/unit/U02/',
        '/wilayah/alpha/layanan/L01/',
        '/en/wilayah/alpha/',
      ]) {
        const res = await page.goto(server.url + path);
        expect(res?.status(), path).toBe(200);
        await page.waitForLoadState('load');
      }
      await page.goto(server.url + '/wilayah/alpha/unit/U01/');
      expect(await page.locator('h1').textContent()).toContain('<script>alert("unit")</script> Dinas');
      expect(dialogs).toEqual([]);
    } finally {
      await close();
      await server.close();
    }
  });

  it('built without a public address, invents none: a citation says its address is a path, a printed slide has no QR code', () => {
    const plain = /<p class="cite-text" data-format="text">([^<]*)<\/p>/.exec(readFileSync(join(out, 'data/index.html'), 'utf8'))![1];
    expect(plain).toContain('/data/ (alamat relatif di situs ini; situs dibangun tanpa KT_SITE_URL)');
    expect(plain).not.toMatch(/https?:\/\//);
    const deck = readFileSync(join(out, 'forum/alpha/index.html'), 'utf8');
    expect(deck).toContain('<div class="slide-chart"><svg');
    expect(deck).not.toContain('slide-qr');
  });

  it('prefixes formula-like text in the published CSV', () => {
    const csv = readFileSync(join(out, 'data', 'capaian_iku.csv'), 'utf8');
    expect(csv).toContain(`"'=HYPERLINK(""http://x"") <i>prog</i>"`);
  });
});
