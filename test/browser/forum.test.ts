/**
 * The forum view as a presenter uses it: keys move one slide from the one on screen, full
 * screen keeps the slide being presented and its buttons, the nav fits on a phone, the slide
 * counter is right from the start, printing gives one slide per page, and every chart is drawn
 * large enough to read in a room.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Papa from 'papaparse';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import { openBrowser } from '../support/browser.ts';
import { latestPeriodOf } from '../../src/derive/periods.ts';

const siteUrl = inject('siteUrl');
const siteDir = inject('siteDir');
/** A published table's rows. */
const csvRows = (table: string) =>
  Papa.parse<Record<string, string>>(readFileSync(join(siteDir, 'data', `${table}.csv`), 'utf8'), { header: true, skipEmptyLines: true })
    .data;
const region = csvRows('wilayah')[0].kode_wilayah;

/**
 * The slide in the address, read in the page: page.url() learns of history.replaceState from an
 * event that can come after the next line of the test (on a busy machine it still showed the
 * slide before).
 */
const hash = (page: Page) => page.evaluate(() => location.hash);
/** How far a slide's top is from the top of the screen (0: it is the one shown). */
const top = (page: Page, n: number) => page.$eval(`#slide-${n}`, (el) => Math.abs(Math.round(el.getBoundingClientRect().top)));
/** Which slide is at the top of the screen and in the address. */
const shown = async (page: Page, n: number) => ({ hash: await hash(page), top: await top(page, n) });
/** The page is in (or out of) full screen; fullscreenchange, and what it runs, may come a frame later: poll after. */
const full = (page: Page, on: boolean) => page.waitForFunction((on) => (document.fullscreenElement !== null) === on, on);
const label = (page: Page) => page.$eval(fullscreenButton, (b) => b.textContent?.trim());
const fullscreenButton = 'button[data-go=fullscreen]';

/** Whether what is drawn at the middle of each visible nav button is that button (not hidden or covered). */
const navButtonsOnTop = (page: Page) =>
  page.$$eval('#deck-nav button', (buttons: HTMLButtonElement[]) =>
    buttons
      .filter((b) => !b.hidden)
      .map((b) => {
        const r = b.getBoundingClientRect();
        return b.contains(document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2));
      }),
  );

/** Where a slide ends against the top of the nav bar (0: the slides leave exactly the nav's strip). */
const navGap = (page: Page, n: number) =>
  page.$eval(
    `#slide-${n}`,
    (slide) => document.getElementById('deck-nav')!.getBoundingClientRect().top - slide.getBoundingClientRect().bottom,
  );

/** Both languages: their name and path prefix. */
const LANGS = [
  ['id', ''],
  ['en', '/en'],
] as const;

describe('forum view: presenting', () => {
  let browser: Awaited<ReturnType<typeof openBrowser>>;
  beforeAll(async () => {
    browser = await openBrowser({ viewport: { width: 1280, height: 720 } });
  });
  afterAll(async () => {
    await browser.close();
  });

  /** A new page on the region's forum view (`prefix`: the language's). */
  const openDeck = async (prefix = ''): Promise<Page> => {
    const page = await browser.context.newPage();
    await page.goto(`${siteUrl}${prefix}/forum/${region}/`);
    return page;
  };

  test('arrow keys move one slide at a time', async () => {
    const page = await openDeck();
    const slides = await page.locator('.deck > .slide').count();
    expect(slides).toBeGreaterThan(2);
    const top = (n: number) => page.$eval(`#slide-${n}`, (el) => Math.abs(Math.round(el.getBoundingClientRect().top)));

    await page.keyboard.press('ArrowRight');
    expect(await hash(page)).toBe('#slide-2');
    expect(await top(2)).toBe(0);
    await page.keyboard.press('ArrowRight');
    expect(await hash(page)).toBe('#slide-3');
    expect(await top(3)).toBe(0);
    await page.keyboard.press('ArrowLeft');
    expect(await hash(page)).toBe('#slide-2');
    await page.keyboard.press('End');
    expect(await hash(page)).toBe(`#slide-${slides}`);
    expect(await page.textContent('#deck-position')).toContain(`${slides}`);
    await page.keyboard.press('ArrowLeft');
    expect(await hash(page)).toBe(`#slide-${slides - 1}`);
    // A reader who scrolled elsewhere moves on from where the screen is, not from the last key.
    await page.$eval('#slide-2', (el) => window.scrollTo(0, el.getBoundingClientRect().top + window.scrollY));
    await page.keyboard.press('ArrowRight');
    expect(await hash(page)).toBe('#slide-3');
    await page.close();
  });

  test('in full screen the keys move on from the slide the deck is scrolled to', async () => {
    const page = await openDeck();
    await page.click('button[data-go=fullscreen]');
    await page.waitForFunction(() => document.fullscreenElement?.id === 'deck');
    await page.keyboard.press('ArrowRight');
    expect(await hash(page)).toBe('#slide-2');
    // The deck scrolls, not the window: a reader scrolling it to slide 4, then pressing on.
    await page.$eval('#deck', (deck) => {
      deck.scrollTop += document.getElementById('slide-4')!.getBoundingClientRect().top;
    });
    await page.keyboard.press('ArrowRight');
    expect(await hash(page)).toBe('#slide-5');
    await page.close();
  });

  test.each([true, false])('prints one slide per page (scripts %s)', async (scripts) => {
    const b = scripts ? browser : await openBrowser({ javaScriptEnabled: false });
    const page = await b.context.newPage();
    await page.goto(`${siteUrl}/forum/${region}/`);
    const slides = await page.locator('.deck > .slide').count();
    await page.emulateMedia({ media: 'print' });
    const breaks = await page.$$eval('.deck > .slide', (els) => els.map((e) => getComputedStyle(e).breakAfter));
    expect(breaks.slice(0, -1).every((b) => b === 'page')).toBe(true);
    const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: true });
    const pages = pdf.toString('latin1').match(/\/Type\s*\/Page(?![s\w])/g)?.length;
    expect(pages).toBe(slides);
    await page.close();
    if (!scripts) await b.close();
  });

  test('every slide links to the live page', async () => {
    const page = await openDeck();
    const links = await page.$$eval('.deck > .slide', (els) =>
      els.map((s) => s.querySelector('.slide-foot a')?.getAttribute('href') ?? ''),
    );
    expect(links.every((href) => href.startsWith(`/wilayah/${region}/`))).toBe(true);
    await page.close();
  });

  test('every chart on every region’s deck is drawn at a size a room can read, a tall one cut across slides', async () => {
    const regions = Papa.parse<Record<string, string>>(readFileSync(join(siteDir, 'data', 'wilayah.csv'), 'utf8'), {
      header: true,
      skipEmptyLines: true,
    }).data.map((r) => r.kode_wilayah);
    const cut: string[] = [];
    for (const kode of regions) {
      const page = await browser.context.newPage();
      // A forum's projector: 1280 × 720.
      await page.setViewportSize({ width: 1280, height: 720 });
      await page.goto(`${siteUrl}/forum/${kode}/`);
      // A chart's smallest text (a heatmap's numbers), as large as the slide draws it: it grows or shrinks with the chart.
      const sizes = await page.$$eval('.slide-chart svg', (svgs) =>
        (svgs as SVGSVGElement[]).map((svg) => {
          const box = svg.getBoundingClientRect();
          const view = svg.viewBox.baseVal;
          const smallest = Math.min(...[...svg.querySelectorAll('text')].map((t) => parseFloat(getComputedStyle(t).fontSize)));
          return { slide: svg.closest('.slide')!.id, px: smallest * Math.min(box.width / view.width, box.height / view.height) };
        }),
      );
      for (const { slide, px } of sizes) expect(px, `${kode} ${slide}`).toBeGreaterThanOrEqual(14);
      // …and the words beside it (takeaway, key) stay within the slide: none over its title or under its foot.
      const spill = await page.$$eval('.slide-body', (bodies) =>
        bodies.flatMap((body) => {
          const box = body.getBoundingClientRect();
          return [...body.querySelectorAll('.slide-text > *')]
            .map((e) => e.getBoundingClientRect())
            .filter((r) => r.top < box.top - 1 || r.bottom > box.bottom + 1)
            .map(
              (r) =>
                `${body.closest('.slide')!.id}: ${Math.round(box.top - r.top)} px above, ${Math.round(r.bottom - box.bottom)} px below`,
            );
        }),
      );
      expect(spill, kode).toEqual([]);
      cut.push(...(await page.$$eval('.slide h2', (hs) => hs.map((h) => h.textContent ?? '').filter((t) => / \(\d+\/\d+\)$/.test(t)))));
      await page.close();
    }
    // The sample has such a chart (a kecamatan's 27 service × kelurahan rows): the test is not empty.
    expect(cut.length).toBeGreaterThan(0);
  });

  test.each(LANGS)(
    'the IKM ranking (%s): every unit with an IKM once, in rank order, over as many slides as a room can read',
    async (_lang, prefix) => {
      const ikm = csvRows('ikm_unit');
      const names = new Map(csvRows('unit').map((u) => [`${u.kode_wilayah}:${u.kode_unit}`, u.nama_unit]));
      let cut = 0;
      const page = await browser.context.newPage();
      for (const kode of csvRows('wilayah').map((r) => r.kode_wilayah)) {
        const rows = ikm.filter((r) => r.kode_wilayah === kode);
        // The region page's ranking: the latest period, best first (ties by unit code, as its SQL).
        const periode = latestPeriodOf([...new Set(rows.map((r) => r.periode))].sort());
        const ranked = rows
          .filter((r) => r.periode === periode && r.ikm !== '')
          .sort((a, b) => Number(b.ikm) - Number(a.ikm) || (a.kode_unit < b.kode_unit ? -1 : 1))
          .map((r) => names.get(`${kode}:${r.kode_unit}`));
        await page.goto(`${siteUrl}${prefix}/forum/${kode}/`);
        for (const media of ['screen', 'print'] as const) {
          await page.emulateMedia({ media });
          const slides = await page.$$eval('.slide[data-chart=ikm]', (els) =>
            els.map((slide) => {
              const svg = slide.querySelector<SVGSVGElement>('.slide-chart svg')!;
              const box = svg.getBoundingClientRect();
              const frame = slide.getBoundingClientRect();
              const view = svg.viewBox.baseVal;
              const smallest = Math.min(...[...svg.querySelectorAll('text')].map((t) => parseFloat(getComputedStyle(t).fontSize)));
              return {
                title: slide.querySelector('h2')?.textContent ?? '',
                // The row labels, top to bottom: a cut label's whole name is its title.
                units: [...svg.querySelectorAll('g[text-anchor=start] > text')].map(
                  (t) => t.querySelector('title')?.textContent ?? t.textContent ?? '',
                ),
                px: smallest * Math.min(box.width / view.width, box.height / view.height),
                inside: box.left >= frame.left && box.right <= frame.right && box.top >= frame.top && box.bottom <= frame.bottom + 0.5,
                frame: { width: frame.width, height: frame.height },
                foot: slide.querySelector('.slide-foot')?.textContent ?? '',
              };
            }),
          );
          const where = `${prefix}/forum/${kode}/ (${media})`;
          expect(
            slides.flatMap((s) => s.units),
            where,
          ).toEqual(ranked);
          for (const [k, s] of slides.entries()) {
            expect(s.px, `${where} ${s.title}`).toBeGreaterThanOrEqual(14);
            expect(s.inside, `${where} ${s.title}`).toBe(true);
            if (media === 'screen') expect(s.frame.width <= 1280 && s.frame.height <= 720, `${where} ${s.title}`).toBe(true);
            expect(s.foot, `${where} ${s.title}`).toContain('ikm_unit');
            if (slides.length > 1) expect(s.title, where).toMatch(new RegExp(` \\(${k + 1}/${slides.length}\\)$`));
          }
          if (media === 'screen' && slides.length > 1) cut++;
        }
        await page.emulateMedia({ media: 'screen' });
      }
      await page.close();
      // A region of the sample has more units than one slide shows legibly: the test is not empty.
      expect(cut).toBeGreaterThan(0);
    },
  );

  test.each([
    ['clicked', 'the button'],
    ['Enter', 'the browser (Escape)'],
  ])('full screen entered by %s and left by %s stays on the slide being presented', async (enter, leave) => {
    const page = await openDeck();
    for (let i = 0; i < 3; i++) await page.keyboard.press('ArrowRight');
    expect(await hash(page)).toBe('#slide-4');

    if (enter === 'clicked') await page.click(fullscreenButton);
    else {
      await page.focus(fullscreenButton);
      await page.keyboard.press('Enter');
    }
    await full(page, true);
    await expect.poll(() => shown(page, 4)).toEqual({ hash: '#slide-4', top: 0 });

    // Leaving without the button (Escape, F11) gives the page no click to read the slide from.
    if (leave === 'the button') await page.click(fullscreenButton);
    else await page.evaluate(() => document.exitFullscreen());
    await full(page, false);
    await expect.poll(() => shown(page, 4)).toEqual({ hash: '#slide-4', top: 0 });
    await page.keyboard.press('ArrowRight');
    expect(await hash(page)).toBe('#slide-5');
    await page.close();
  });

  test('leaving full screen after scrolling the deck stays on the slide scrolled to', async () => {
    const page = await openDeck();
    await page.click(fullscreenButton);
    await full(page, true);
    await page.$eval('#deck', (deck) => {
      deck.scrollTop += document.getElementById('slide-3')!.getBoundingClientRect().top;
    });
    // Scroll events come with the next frame.
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
    await page.evaluate(() => document.exitFullscreen());
    await full(page, false);
    await expect.poll(() => shown(page, 3)).toEqual({ hash: '#slide-3', top: 0 });
    await page.close();
  });

  test.each([
    [...LANGS[0], 'Layar penuh', 'Keluar layar penuh'],
    [...LANGS[1], 'Full screen', 'Exit full screen'],
  ])(
    'in full screen (%s) the buttons stay, the button says how to leave, and one slide fills the screen',
    async (_lang, prefix, enter, exit) => {
      const page = await openDeck(prefix);
      expect(await label(page)).toBe(enter);
      await page.click(fullscreenButton);
      await full(page, true);
      await expect.poll(() => label(page)).toBe(exit);
      expect(await navButtonsOnTop(page)).toEqual([true, true, true]);
      await page.click('button[data-go=next]');
      expect(await hash(page)).toBe('#slide-2');
      // The slide ends where the nav begins, and nothing of the next one shows.
      expect(Math.abs(await navGap(page, 2))).toBeLessThanOrEqual(1);
      const top = (selector: string) => page.$eval(selector, (e) => e.getBoundingClientRect().top);
      expect(await top('#slide-3')).toBeGreaterThanOrEqual((await top('#deck-nav')) - 1);
      await page.click(fullscreenButton);
      await full(page, false);
      await expect.poll(() => label(page)).toBe(enter);
      await page.close();
    },
  );

  test.each(LANGS)('on a 360×740 phone (%s) every nav button is on the screen, above the slide', async (_lang, prefix) => {
    const page = await browser.context.newPage();
    await page.setViewportSize({ width: 360, height: 740 });
    await page.goto(`${siteUrl}${prefix}/forum/${region}/`);
    const boxes = await page.$$eval('#deck-nav button', (els: HTMLButtonElement[]) =>
      els.filter((e) => !e.hidden).map((e) => e.getBoundingClientRect().toJSON() as DOMRect),
    );
    expect(boxes.length).toBe(3);
    boxes.push(await page.$eval('#deck-position', (e) => e.getBoundingClientRect().toJSON() as DOMRect));
    for (const b of boxes) {
      expect(b.width).toBeGreaterThan(0);
      expect(b.left).toBeGreaterThanOrEqual(0);
      expect(b.right).toBeLessThanOrEqual(360);
      expect(b.top).toBeGreaterThanOrEqual(0);
      expect(b.bottom).toBeLessThanOrEqual(740);
    }
    expect(await navButtonsOnTop(page)).toEqual([true, true, true]);
    // The strip the slides leave free is the nav's height: a slide ends where the nav begins.
    await page.keyboard.press('ArrowRight');
    expect(Math.abs(await navGap(page, 2))).toBeLessThanOrEqual(1);
    await page.close();
  });

  test('the counter is shown from the start and follows agenda links and scrolling', async () => {
    const page = await openDeck();
    const total = await page.locator('.deck > .slide').count();
    const title = (n: number) => page.$eval(`#slide-${n} :is(h1, h2)`, (h) => h.textContent ?? '');
    const counter = () => page.textContent('#deck-position');
    expect(await counter()).toBe(`Slide 1 dari ${total}: ${await title(1)}`);

    // The agenda's second chart starts on the slide its link names (after the first chart's slides, one or more).
    const second = (await page.getAttribute('.slide-agenda li:nth-child(2) a', 'href'))!;
    const n = Number(second.replace('#slide-', ''));
    expect(n).toBe(
      (await page
        .locator('.slide[data-chart]')
        .evaluateAll((els) => els.findIndex((e) => e !== els[0] && e.getAttribute('data-chart') !== els[0].getAttribute('data-chart')))) +
        2,
    );
    await page.click('.slide-agenda li:nth-child(2) a');
    expect(await hash(page)).toBe(second);
    await expect.poll(counter).toBe(`Slide ${n} dari ${total}: ${await title(n)}`);

    await page.$eval('#slide-5', (el) => window.scrollTo(0, el.getBoundingClientRect().top + window.scrollY));
    await expect.poll(counter).toBe(`Slide 5 dari ${total}: ${await title(5)}`);
    // The keys still move on from the slide on screen.
    await page.keyboard.press('ArrowRight');
    expect(await hash(page)).toBe('#slide-6');
    expect(await counter()).toBe(`Slide 6 dari ${total}: ${await title(6)}`);

    await page.goto(`${siteUrl}/en/forum/${region}/#slide-3`);
    expect(await counter()).toBe(`Slide 3 of ${total}: ${await title(3)}`);
    await page.close();
  });
});
