/**
 * No dead ends (issue #10, item 10), on the built sample site:
 *
 * - every region and unit page links the region's contact (`kontak`, as published in
 *   wilayah.csv) and SP4N-LAPOR!, read with JavaScript off, and nothing is requested from there;
 * - /tentang/ says where corrections go: each region's contact;
 * - a section a region did not send (or a unit has no rows for) links where such data exist,
 *   and each of those links leads to a page and a section that are there;
 * - a search that finds nothing says what the site has and links it.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import Papa from 'papaparse';
import { parseHTML } from 'linkedom';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { openBrowser } from '../support/browser.ts';

const siteUrl = inject('siteUrl');
const siteDir = inject('siteDir');
const origin = new URL(siteUrl).origin;
const LAPOR = 'https://www.lapor.go.id';

const subdirs = (dir: string): string[] =>
  existsSync(dir)
    ? readdirSync(dir, { withFileTypes: true })
        .filter((d) => d.isDirectory())
        .map((d) => d.name)
        .sort()
    : [];
/** A built page's document, parsed once (region pages are large, and many links lead to them). */
const docs = new Map<string, Document>();
const doc = (path: string): Document => {
  const key = path.replace(/^\/|\/$/g, '');
  let d = docs.get(key);
  if (!d) docs.set(key, (d = parseHTML(readFileSync(join(siteDir, key, 'index.html'), 'utf8')).document as unknown as Document));
  return d;
};
/** Parsing every region and unit page twice over takes a while on a shared machine. */
const SLOW = 240_000;
const wilayah = Papa.parse<Record<string, string>>(readFileSync(join(siteDir, 'data', 'wilayah.csv'), 'utf8'), {
  header: true,
  skipEmptyLines: true,
}).data;
const regionCodes = subdirs(join(siteDir, 'wilayah'));
/** Every region and unit page, without language prefix. */
const regionAndUnitPages = regionCodes.flatMap((k) => [
  `wilayah/${k}`,
  ...subdirs(join(siteDir, 'wilayah', k, 'unit')).map((u) => `wilayah/${k}/unit/${u}`),
]);

const hrefs = (root: { querySelectorAll: (s: string) => Iterable<Element> } | null | undefined) =>
  [...(root?.querySelectorAll('a[href]') ?? [])].map((a) => a.getAttribute('href') ?? '');

describe('every region and unit page links the region contact and SP4N-LAPOR!', () => {
  it("the sample publishes each region's kontak in wilayah.csv", () => {
    expect(wilayah.length).toBe(regionCodes.length);
    for (const w of wilayah) expect(w.kontak, w.kode_wilayah).toMatch(/@/);
  });

  it(
    'in the static HTML, in both languages',
    () => {
      for (const lang of ['', 'en/']) {
        for (const path of regionAndUnitPages) {
          const kode = path.split('/')[1];
          const kontak = wilayah.find((w) => w.kode_wilayah === kode)!.kontak;
          const links = hrefs(doc(`${lang}${path}`).querySelector('#kontak'));
          expect(links, `${lang}${path}`).toContain(`mailto:${kontak}`);
          expect(links, `${lang}${path}`).toContain(LAPOR);
          expect(links, `${lang}${path}`).toContain(`/${lang}tentang/#koreksi`);
        }
      }
    },
    SLOW,
  );

  let browser: { context: BrowserContext; close: () => Promise<void> };
  beforeAll(async () => {
    browser = await openBrowser({ javaScriptEnabled: false });
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('with JavaScript off the links are there to follow, and nothing is loaded from lapor.go.id', async () => {
    const kode = regionCodes[0];
    const unit = subdirs(join(siteDir, 'wilayah', kode, 'unit'))[0];
    const foreign: string[] = [];
    browser.context.on('request', (req) => {
      if (new URL(req.url()).origin !== origin) foreign.push(req.url());
    });
    for (const path of [`/wilayah/${kode}/`, `/en/wilayah/${kode}/unit/${unit}/`]) {
      const page: Page = await browser.context.newPage();
      await page.goto(siteUrl + path, { waitUntil: 'load' });
      const lapor = page.locator(`#kontak a[href="${LAPOR}"]`);
      expect(await lapor.isVisible(), path).toBe(true);
      expect(await lapor.textContent()).toContain('LAPOR!');
      expect(await page.locator('#kontak a[href^="mailto:"]').isVisible(), path).toBe(true);
      await page.close();
    }
    expect(foreign).toEqual([]);
  });
});

describe('/tentang/ says where to send corrections', () => {
  it('a #koreksi section names every region with its contact, in both languages', () => {
    for (const lang of ['', 'en/']) {
      const section = doc(`${lang}tentang`).querySelector('#koreksi');
      expect(section, lang).not.toBeNull();
      // The heading's list: the elements after it up to the next heading.
      const links: string[] = [];
      for (let el = section!.nextElementSibling; el && el.tagName !== 'H2'; el = el.nextElementSibling) links.push(...hrefs(el));
      for (const w of wilayah) {
        expect(links, `${lang} ${w.kode_wilayah}`).toContain(`mailto:${w.kontak}`);
        expect(links, `${lang} ${w.kode_wilayah}`).toContain(`/${lang}wilayah/${w.kode_wilayah}/`);
      }
      expect(links).toContain(LAPOR);
    }
  });
});

describe('an empty section says what does exist and links it', () => {
  /** The page and the element a site link leads to exist in the build. */
  const resolves = (href: string) => {
    const [path, fragment] = href.split('#');
    if (!existsSync(join(siteDir, path, 'index.html'))) return false;
    return !fragment || doc(path).getElementById(fragment) !== null;
  };

  it(
    'every section without data, on every region and unit page, links existing data of the same kind',
    () => {
      let sections = 0;
      let counted = 0;
      for (const lang of ['', 'en/']) {
        for (const path of regionAndUnitPages) {
          for (const section of doc(`${lang}${path}`).querySelectorAll('.missing-section')) {
            sections++;
            const links = hrefs(section.querySelector('.elsewhere'));
            const where = `${lang}${path}#${section.id}`;
            // "Nobody has sent these" is the one honest sentence without a link.
            if (links.length === 0) {
              expect(section.querySelector('.elsewhere')?.textContent, where).toMatch(/Belum ada wilayah|No region has/);
              continue;
            }
            // Other regions, in a sentence with its words apart: "… ada untuk: Kota A; Kota B." or "… ada untuk 3 wilayah lain."
            const own = path.split('/')[1];
            if (!links[0].startsWith(`/${lang}wilayah/${own}/`))
              expect(section.querySelector('.elsewhere')!.textContent, where).toMatch(/(: \S.*|\S \d+ (wilayah lain|other regions))\.$/);
            for (const href of links) {
              // Too many regions to name: their number, linked to the list on /wilayah/ (tested below),
              // which names them all, and the page's own region too if it sent the file.
              if (href.startsWith(`/${lang}wilayah/#kirim-`)) {
                counted++;
                expect(resolves(href), `${where} → ${href}`).toBe(true);
                const listed = hrefs(doc(`${lang}wilayah`).getElementById(href.split('#')[1])!.nextElementSibling).filter(
                  (l) => !l.startsWith(`/${lang}wilayah/${own}/`),
                );
                expect(section.querySelector('.elsewhere a')!.textContent, where).toBe(
                  lang ? `${listed.length} other regions` : `${listed.length} wilayah lain`,
                );
                continue;
              }
              expect(href, where).toMatch(new RegExp(`^/${lang}wilayah/[^/]+/#`));
              expect(resolves(href), `${where} → ${href}`).toBe(true);
              // The link leads to data: a drawn chart of that section, not another empty one.
              const [p, id] = href.split('#');
              expect(doc(p).querySelector(`figure#${id}`), `${where} → ${href}`).not.toBeNull();
            }
          }
        }
      }
      // The sample has regions without complaints, services and compliance files: some of these
      // are sent by more regions than a page names (complaints: 3), some by fewer (compliance: 2).
      expect(sections).toBeGreaterThan(0);
      expect(counted).toBeGreaterThan(0);
    },
    SLOW,
  );

  it('/wilayah/ lists, per input file, the regions whose quality report says they sent it, each linked to its drawn section', () => {
    const quality = JSON.parse(readFileSync(join(siteDir, 'data', 'kualitas.json'), 'utf8')) as {
      wilayah: { kode_wilayah: string; berkas: { file: string; present: boolean }[] }[];
    };
    for (const lang of ['', 'en/']) {
      const index = doc(`${lang}wilayah`);
      const lists = [...index.querySelectorAll('h3[id^="kirim-"]')];
      expect(lists.length, lang).toBe(7);
      for (const h of lists) {
        const file = h.querySelector('code')!.textContent!;
        const sent = quality.wilayah.filter((w) => w.berkas.some((b) => b.file === file && b.present)).map((w) => w.kode_wilayah);
        const links = hrefs(h.nextElementSibling);
        const where = `${lang}wilayah/#${h.id}`;
        expect(links.map((l) => l.split('/')[lang ? 3 : 2]).sort(), where).toEqual(sent.sort());
        // "Sent by n of N regions": the count the list has, of every region.
        const sentBy = lang
          ? `Sent by ${sent.length} of ${wilayah.length} regions:`
          : `Dikirim oleh ${sent.length} dari ${wilayah.length} wilayah:`;
        expect(h.nextElementSibling?.textContent, where).toMatch(new RegExp(`^${sentBy} `));
        for (const href of links)
          expect(doc(href.split('#')[0]).querySelector(`figure#${href.split('#')[1]}`), `${where} → ${href}`).not.toBeNull();
      }
    }
  });

  it('a region page without services links the regions that have some, named or through their list on /wilayah/', () => {
    const withServices = regionCodes.filter((k) => subdirs(join(siteDir, 'wilayah', k, 'layanan')).length > 0);
    const without = regionCodes.filter((k) => !withServices.includes(k));
    expect(without.length).toBeGreaterThan(0);
    for (const lang of ['', 'en/']) {
      // The list: exactly the regions with service pages, each linked to its units and services.
      const list = doc(`${lang}wilayah`).getElementById('ada-layanan')!.nextElementSibling;
      expect(hrefs(list).sort(), lang).toEqual(withServices.map((k) => `/${lang}wilayah/${k}/#unit-layanan`).sort());
      for (const k of without) {
        let links = hrefs(doc(`${lang}wilayah/${k}`).querySelector('#unit-layanan .elsewhere'));
        expect(links.length, k).toBeGreaterThan(0);
        if (links[0] === `/${lang}wilayah/#ada-layanan`) links = hrefs(list);
        for (const href of links) expect(subdirs(join(siteDir, href.split('#')[0], 'layanan')).length, href).toBeGreaterThan(0);
      }
    }
  });
});

describe('a search with no result', () => {
  let browser: { context: BrowserContext; close: () => Promise<void> };
  beforeAll(async () => {
    browser = await openBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  for (const lang of ['', '/en'] as const) {
    it(`says what the site has and links it (${lang || '/'})`, async () => {
      const page = await browser.context.newPage();
      await page.goto(`${siteUrl}${lang}/cari/?q=zzqxjvw`, { waitUntil: 'load' });
      await page.waitForSelector('#tanpa-hasil:not([hidden])', { timeout: 15_000 });
      const links = await page.$$eval('#tanpa-hasil a', (as) => as.map((a) => a.getAttribute('href') ?? ''));
      const listShown = await page.locator('#daftar').isVisible();
      const regionLinks = await page.$$eval('#daftar a', (as) => as.length);
      await page.close();
      expect(links).toEqual(expect.arrayContaining([`${lang}/data/`, `${lang}/wilayah/`]));
      expect(listShown).toBe(true);
      expect(regionLinks).toBeGreaterThan(0);
    });
  }
});
