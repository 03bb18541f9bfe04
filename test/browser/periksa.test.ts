/**
 * Issue #12, items 1–4: /periksa/ gives every fixture export and the sample, through its directory
 * picker in Chromium, and its downloaded JSON equals the CLI's (`npm run validate -- --json`,
 * written by reportJsonText from validateExport, called here in-process). The browser is offline
 * from the moment the page has loaded, and no request is made once the files are chosen (but for
 * the page's own blob: worker, which is memory).
 * Without JavaScript the page says the checker needs it.
 */
import { readFileSync } from 'node:fs';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import { checkWords } from '../../src/i18n/check-words.ts';
import { validateExport } from '../../src/validate/export.ts';
import { reportJsonText } from '../../src/validate/report.ts';
import { openBrowser } from '../support/browser.ts';
import { EXPORT_FOLDERS } from '../support/export-folders.ts';

const siteUrl = inject('siteUrl');
const id = checkWords('id');
const en = checkWords('en');

let context: BrowserContext;
let close: () => Promise<void>;
let page: Page;
/** Every request the page makes after it has loaded: none is allowed. */
const requests: string[] = [];

const cliJson = async (dir: string) => JSON.parse([...reportJsonText(await validateExport(dir))].join(''));

/**
 * Checks `dir` on the page and returns its two reports. Downloaded as a reader downloads them
 * (`download`), or read from the blobs the links hold. With Chromium 156, one page downloading
 * two reports per fixture got its first twenty, then no download for every sixth fixture (a 30 s
 * wait each): a limit on one page's quick downloads, it seems, which no reader checking a folder
 * or two meets.
 */
async function check(p: Page, dir: string, { download = false } = {}): Promise<{ json: unknown; csv: string }> {
  await p.locator('#periksa-folder').setInputFiles(dir);
  await p.locator('#periksa[data-state="done"], #periksa[data-state="failed"]').waitFor({ timeout: 120_000 });
  expect(await p.locator('#periksa').getAttribute('data-state'), await p.locator('#periksa-status').innerText()).toBe('done');
  const saved = async (link: string) => {
    if (!download) return linked(p, link);
    const [file] = await Promise.all([p.waitForEvent('download'), p.locator(link).click()]);
    expect(file.suggestedFilename()).toBe(await p.locator(link).getAttribute('download'));
    return readFileSync((await file.path())!, 'utf8');
  };
  return { json: JSON.parse(await saved('#periksa-json')), csv: await saved('#periksa-csv') };
}

/** What a download link of the page would save: the text of the blob its href names (kept by blobsKept). */
async function linked(p: Page, link: string): Promise<string> {
  const href = await p.locator(link).getAttribute('href');
  expect(href).toMatch(/^blob:/);
  expect(await p.locator(link).getAttribute('download')).toMatch(/\.(json|csv)$/);
  // Its bytes, decoded here: Blob.text() would drop the CSV's byte order mark, which a saved file keeps.
  const bytes = await p.evaluate(async (url) => {
    const blob = (window as unknown as { ktBlobs: Map<string, Blob> }).ktBlobs.get(url);
    return blob ? [...new Uint8Array(await blob.arrayBuffer())] : null;
  }, href!);
  expect(bytes, `${link}: its blob was revoked, or never made by the page`).not.toBeNull();
  return Buffer.from(bytes!).toString('utf8');
}

/** Keeps every blob the page makes a URL of, by that URL, until the page revokes it, for linked(). */
const blobsKept = () => {
  const blobs = new Map<string, Blob>();
  (window as unknown as { ktBlobs: Map<string, Blob> }).ktBlobs = blobs;
  const make = URL.createObjectURL.bind(URL);
  const revoke = URL.revokeObjectURL.bind(URL);
  URL.createObjectURL = (obj: Blob | MediaSource) => {
    const url = make(obj);
    if (obj instanceof Blob) blobs.set(url, obj);
    return url;
  };
  URL.revokeObjectURL = (url: string) => {
    blobs.delete(url);
    revoke(url);
  };
};

beforeAll(async () => {
  ({ context, close } = await openBrowser());
  page = await context.newPage();
  await page.addInitScript(blobsKept);
  await page.goto(`${siteUrl}/periksa/`, { waitUntil: 'networkidle' });
  page.on('request', (r) => requests.push(r.url()));
  await context.setOffline(true);
});
afterAll(async () => {
  await close?.();
});

describe('/periksa/ and the CLI', () => {
  test('the export folders are the fixtures and the sample', () => {
    expect(EXPORT_FOLDERS).toContain('data');
    expect(EXPORT_FOLDERS).toContain('test/fixtures/errors/file-error');
  });

  // No fixture is skipped: links and FIFOs, which a picker cannot give, are made only in a
  // temporary folder by test/unit/odd-files.test.ts, and no fixture folder is empty.
  test.each(EXPORT_FOLDERS)(
    '%s: the downloaded report equals npm run validate -- --json',
    async (dir) => {
      // The sample's reports downloaded as a reader does; the fixtures' read from their links.
      const { json, csv } = await check(page, dir, { download: dir === 'data' });
      const cli = await cliJson(dir);
      expect(json).toEqual(cli);
      const verdict = await page.locator('#periksa-verdict').innerText();
      expect(verdict).toContain(cli.ok ? id.valid : id.errors(cli.errors.length));
      // The CSV for Excel: BOM, ";", a line per issue.
      expect(csv.startsWith('\uFEFF' + id.csvHeader.join(';') + '\r\n')).toBe(true);
      expect(csv.split('\r\n').length - 2).toBe(cli.errors.length + cli.warnings.length);
    },
    180_000,
  );

  test('no request was made after the page loaded (offline since), and nothing was sent anywhere', () => {
    // The only loads are blob: URLs of this page (its inlined worker, made afresh for each check):
    // the browser's own memory, not the network.
    const blob = `blob:${new URL(siteUrl).origin}/`;
    expect(requests.length).toBeGreaterThan(0);
    expect(requests.filter((u) => !u.startsWith(blob))).toEqual([]);
  });

  test('the report: grouped by file and code, values masked as the CLI masks them, the rest behind "show all"', async () => {
    await check(page, 'test/fixtures/errors/extra-cell');
    const text = await page.locator('#periksa-report').innerText();
    expect(text).toContain('uji/skm.csv');
    expect(text).toContain('extra-cell');
    expect(text).toContain('[disamarkan');
    const { json } = await check(page, 'test/fixtures/errors/type-error');
    const perCode = new Map<string, number>();
    for (const e of (json as { errors: { file: string; code: string }[] }).errors)
      perCode.set(`${e.file} ${e.code}`, (perCode.get(`${e.file} ${e.code}`) ?? 0) + 1);
    const many = [...perCode.values()].some((n) => n > 5);
    if (many) {
      const details = page.locator('#periksa-report details').first();
      const before = await page.locator('#periksa-report tbody tr').count();
      await details.locator('summary').click();
      expect(await page.locator('#periksa-report tbody tr').count()).toBeGreaterThan(before);
    }
  });
});

test('English: /en/periksa/ gives the same JSON and says the verdict in English', async () => {
  const p = await context.newPage();
  await context.setOffline(false);
  await p.goto(`${siteUrl}/en/periksa/`, { waitUntil: 'networkidle' });
  await context.setOffline(true);
  const { json } = await check(p, 'test/fixtures/valid', { download: true });
  expect(json).toEqual(await cliJson('test/fixtures/valid'));
  expect(await p.locator('#periksa-verdict').innerText()).toContain(en.valid);
  expect(await p.locator('.periksa-local').innerText()).toBe(en.local);
  await p.close();
});

test('cancel ends the check and the page answers at once', async () => {
  // The sample's check can end in under 100 ms, before a click from outside lands (seen once in CI):
  // the button is clicked the moment the page shows it, while the check runs in its worker.
  await page.evaluate(() => {
    const cancel = document.getElementById('periksa-cancel') as HTMLButtonElement;
    const watch = new MutationObserver(() => {
      if (!cancel.hidden) {
        watch.disconnect();
        cancel.click();
      }
    });
    watch.observe(cancel, { attributes: true, attributeFilter: ['hidden'] });
  });
  await page.locator('#periksa-folder').setInputFiles('data');
  await page.waitForFunction(() => ['cancelled', 'done', 'failed'].includes(document.getElementById('periksa')?.dataset.state ?? ''));
  expect(await page.locator('#periksa').getAttribute('data-state')).toBe('cancelled');
  expect(await page.locator('#periksa-status').innerText()).toBe(id.cancelled);
  // A check after a cancel starts afresh.
  const { json } = await check(page, 'test/fixtures/valid');
  expect(json).toEqual(await cliJson('test/fixtures/valid'));
});

test('without JavaScript the page says the checker needs it, and that nothing is sent', async () => {
  const nojs = await openBrowser({ javaScriptEnabled: false });
  try {
    const p = await nojs.context.newPage();
    await p.goto(`${siteUrl}/periksa/`);
    expect(await p.locator('main').innerText()).toContain(id.noscript);
    expect(await p.locator('main').innerText()).toContain(id.local);
    expect(await p.locator('#periksa').isVisible()).toBe(false);
  } finally {
    await nojs.close();
  }
});
