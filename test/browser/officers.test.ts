/**
 * The pages for data officers on the built sample (issue #12 items 5–6): /templat/ and /panduan/
 * in both languages, read with JavaScript off on a 360 px phone; every template they link is
 * served with the generator's bytes; the guide has an entry for every issue code.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import ExcelJS from 'exceljs';
import { ISSUE_CODES } from '../../src/contract/issues.ts';
import { TEMPLATE_FILES, templateFile } from '../../src/templates/files.ts';
import { templateUrl, WORKBOOK_FILE } from '../../src/templates/paths.ts';
import { GUIDE, TEMPLATES } from '../../src/routes.ts';
import { openBrowser } from '../support/browser.ts';

const siteUrl = inject('siteUrl');
/** The build date of the sample build (global setup's SOURCE_DATE_EPOCH=1767225600). */
const BUILD_DATE = new Date('2026-01-01T00:00:00Z');
const pages = [TEMPLATES, GUIDE].flatMap((p) => [p, `/en${p}`]);

let opened: Awaited<ReturnType<typeof openBrowser>>;
let page: Page;
beforeAll(async () => {
  opened = await openBrowser({ javaScriptEnabled: false, viewport: { width: 360, height: 740 } });
  page = await opened.context.newPage();
});
afterAll(async () => opened?.close());

describe.each(pages)('%s', (path) => {
  it('is there with JavaScript off and does not scroll sideways on a phone', async () => {
    const res = await page.goto(siteUrl + path);
    expect(res?.status()).toBe(200);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
  });
});

describe('templates', () => {
  it.each([TEMPLATES, `/en${TEMPLATES}`])('%s links every template file, once per language, at the same address', async (path) => {
    await page.goto(siteUrl + path);
    const hrefs = new Set(await page.$$eval('main a[href^="/templat/"]', (as) => as.map((a) => a.getAttribute('href'))));
    for (const name of TEMPLATE_FILES) expect(hrefs, name).toContain(templateUrl(name));
  });

  it.each(TEMPLATE_FILES.map((f) => [f]))('%s is served with the bytes the generator makes for the build date', async (name) => {
    const res = await fetch(siteUrl + templateUrl(name));
    expect(res.status).toBe(200);
    const served = Buffer.from(await res.arrayBuffer());
    const made = await templateFile(name, BUILD_DATE);
    expect(served.equals(Buffer.from(made))).toBe(true);
    if (name === WORKBOOK_FILE) {
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(served as unknown as ExcelJS.Buffer);
      expect(wb.worksheets.length).toBeGreaterThan(1);
    }
  });
});

describe('the guide', () => {
  it.each([GUIDE, `/en${GUIDE}`])('%s explains every issue code, each with its fix', async (path) => {
    await page.goto(siteUrl + path);
    const entries = await page.$$eval('dt[id^="kesalahan-"]', (dts) =>
      dts.map((dt) => ({ id: dt.id, fix: dt.nextElementSibling?.querySelectorAll('p').length ?? 0 })),
    );
    expect(entries.map((e) => e.id)).toEqual(ISSUE_CODES.map((c) => `kesalahan-${c}`));
    for (const e of entries) expect(e.fix, e.id).toBe(2);
  });
});
