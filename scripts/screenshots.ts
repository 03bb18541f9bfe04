/**
 * npm run screenshots: docs/screenshots/*.png of the built site (dist/), desktop and phone, as a
 * reader sees them (JavaScript on, the site's own server and headers).
 */
import { mkdirSync } from 'node:fs';
import { serveSite } from '../src/deploy/serve.ts';
import { openBrowser } from '../test/support/browser.ts';

/** Each shot: its file, its page, on a phone or not, and (phone) what to scroll to first. */
const SHOTS: [name: string, path: string, phone: boolean, scrollTo?: string][] = [
  ['beranda-desktop', '/', false],
  ['beranda-ponsel', '/', true],
  ['wilayah-desktop', '/wilayah/jakarta/', false],
  ['wilayah-ponsel', '/wilayah/jakarta/', true],
  ['unit-desktop', '/wilayah/binjai/unit/DINKES/', false],
  ['unit-ponsel', '/wilayah/binjai/unit/DINKES/', true],
  ['bandingkan-desktop', '/bandingkan/', false],
  ['bandingkan-ponsel', '/bandingkan/', true, '#comparison table'],
  ['forum-desktop', '/forum/manokwari/', false],
  ['jelajah-desktop', '/jelajah/', false],
  ['periksa-desktop', '/periksa/', false],
  ['templat-desktop', '/templat/', false],
];

const server = await serveSite('dist', { port: 0 });
mkdirSync('docs/screenshots', { recursive: true });
for (const phone of [false, true]) {
  const { context, close } = await openBrowser({ viewport: phone ? { width: 360, height: 740 } : { width: 1280, height: 800 } });
  const page = await context.newPage();
  for (const [name, path, , scrollTo] of SHOTS.filter((s) => s[2] === phone)) {
    await page.goto(`${server.url}${path}`, { waitUntil: 'networkidle' });
    if (scrollTo) await page.$eval(scrollTo, (e) => e.scrollIntoView());
    await page.screenshot({ path: `docs/screenshots/${name}.png`, fullPage: !phone });
    console.log(`docs/screenshots/${name}.png`);
  }
  await close();
}
await server.close();
