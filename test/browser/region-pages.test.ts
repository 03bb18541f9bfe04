/**
 * A region's pages carry only that region's facts (issue #13 item 4, docs/incremental.md points
 * 1–3): the sample site of global setup is build A; build B starts from A's output, a day later,
 * with one figure changed in one region's export (a realisasi in Binjai's iku.csv). Every file
 * under every other region's address (region, unit and service pages, forum deck, chart embeds
 * and CSVs, both languages, their .br and .gz twins) must come out byte for byte as in A, so that
 * an incremental build may reuse them; Binjai's must change, and its revised figures must link to
 * their lines on the new release's page by key. At once, build B′ is the incremental build of the
 * same inputs (`--since` over another copy of A, as `--since dist --out dist` does): it must render
 * Binjai only and give B's bytes in every file.
 */
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, inject, it } from 'vitest';
import { regionOfPath } from '../../src/routes.ts';
import { openBrowser } from '../support/browser.ts';

const siteA = inject('siteDir');
const work = mkdtempSync(join(tmpdir(), 'kt-region-pages-'));
const siteB = join(work, 'dist');
const siteB2 = join(work, 'dist-sebagian');
const data = join(work, 'data');
afterAll(() => rmSync(work, { recursive: true, force: true }));

const CHANGED = 'binjai';
const BEFORE = 'BKPSDM,2025,IP-ASN,Indeks Profesionalitas ASN,indeks,naik,76,77.2,';
const AFTER = 'BKPSDM,2025,IP-ASN,Indeks Profesionalitas ASN,indeks,naik,76,75.9,';

function hashes(dir: string): Map<string, string> {
  const all = new Map<string, string>();
  for (const f of readdirSync(dir, { recursive: true, encoding: 'utf8' }).sort()) {
    const p = join(dir, f);
    if (statSync(p).isFile()) all.set(f, createHash('sha256').update(readFileSync(p)).digest('hex'));
  }
  return all;
}
const release = (site: string): string => JSON.parse(readFileSync(join(site, 'data/datapackage.json'), 'utf8')).version;

let a: Map<string, string>;
let b: Map<string, string>;
let sinceLog = '';
let fullLog = '';

beforeAll(async () => {
  cpSync(siteA, siteB, { recursive: true });
  cpSync('data', data, { recursive: true });
  const iku = join(data, CHANGED, 'iku.csv');
  const text = readFileSync(iku, 'utf8');
  expect(text).toContain(BEFORE);
  writeFileSync(iku, text.replace(BEFORE, AFTER));
  // Binjai's last survey response (of the semester its pages lead with): its first answer moved by three.
  const skm = join(data, CHANGED, 'skm.csv');
  const lines = readFileSync(skm, 'utf8').split('\n');
  const last = lines.findLastIndex((l) => l.trim() !== '');
  const cells = lines[last].split(',');
  cells[4] = cells[4] === '1' ? '4' : '1';
  lines[last] = cells.join(',');
  writeFileSync(skm, lines.join('\n'));
  // A day after global setup's build (SOURCE_DATE_EPOCH 1767225600).
  const env = { ...process.env, SOURCE_DATE_EPOCH: '1767312000' };
  const build = (args: string[], more: NodeJS.ProcessEnv = {}) =>
    new Promise<{ status: number | null; output: string }>((done) => {
      const child = spawn(process.execPath, ['scripts/run.mjs', 'build', '--data', data, ...args], { env: { ...env, ...more } });
      let output = '';
      child.stdout.on('data', (c) => (output += c));
      child.stderr.on('data', (c) => (output += c));
      child.on('close', (status) => done({ status, output }));
    });
  cpSync(siteA, siteB2, { recursive: true });
  // B's pages are drawn by two processes (render.ts), A's and B′'s by one: the same bytes, whoever draws them.
  const [full, incremental] = await Promise.all([
    build(['--out', siteB], { KT_RENDERERS: '2' }),
    build(['--out', siteB2, '--since', siteB2]),
  ]);
  if (full.status !== 0) throw new Error(`build failed:\n${full.output}`);
  fullLog = full.output;
  if (incremental.status !== 0) throw new Error(`incremental build failed:\n${incremental.output}`);
  sinceLog = incremental.output;
  a = hashes(siteA);
  b = hashes(siteB);
}, 600_000);

it('B was drawn by two processes, each a group of regions, the first with the national pages', () => {
  const [, groups] = /pages rendered by 2 processes: (.+)/.exec(fullLog) ?? [];
  const [first, second] = groups.split(' | ');
  expect(first.startsWith('(nasional / national) ')).toBe(true);
  const codes = `${first.replace('(nasional / national) ', '')} ${second}`.split(' ');
  expect(codes.sort()).toEqual(['binjai', 'jakarta', 'jayapura', 'manokwari', 'maulafa']);
});

it('is a new release of the same regions', () => {
  expect(release(siteB)).not.toBe(release(siteA));
  const regions = (m: Map<string, string>) => new Set([...m.keys()].map(regionOfPath).filter((k) => k !== null));
  expect([...regions(b)].sort()).toEqual([...regions(a)].sort());
  expect(regions(a).size).toBe(5);
});

it('leaves every file of every other region byte for byte as it was', () => {
  const others = (m: Map<string, string>) => [...m.keys()].filter((f) => regionOfPath(f) !== null && regionOfPath(f) !== CHANGED);
  expect(others(b)).toEqual(others(a));
  expect(others(a).filter((f) => f.endsWith('.html')).length).toBeGreaterThan(100);
  expect(others(a).some((f) => f.endsWith('.html.br')) && others(a).some((f) => f.endsWith('.csv.gz'))).toBe(true);
  expect(others(a).filter((f) => a.get(f) !== b.get(f))).toEqual([]);
});

it('renders the changed region’s pages again, its revised figures linked by key to the new release', () => {
  const own = [...a.keys()].filter((f) => regionOfPath(f) === CHANGED);
  expect(own.filter((f) => a.get(f) !== b.get(f)).length).toBeGreaterThan(0);
  const releasePage = readFileSync(join(siteB, 'data/rilis', release(siteB), 'index.html'), 'utf8');
  let links = 0;
  for (const f of own.filter((f) => f.endsWith('index.html'))) {
    for (const [, path, anchor] of readFileSync(join(siteB, f), 'utf8').matchAll(/<a class="revised" href="([^"#]*)#([^"]*)"/g)) {
      expect(path.replace(/^\/en\//, '/'), f).toBe(`/data/rilis/${release(siteB)}/`);
      expect(releasePage, f).toContain(`id="${anchor}"`);
      links++;
    }
  }
  expect(links).toBeGreaterThan(0);
  // Every revision has its anchor, the capaian among them.
  expect(releasePage).toMatch(new RegExp(`id="rev-capaian_iku-${CHANGED}-BKPSDM-2025_IP-ASN-capaian"`));
});

it('keeps the release ID on the national pages', () => {
  for (const p of ['index.html', 'en/data/index.html', 'data/rilis/index.html'])
    expect(readFileSync(join(siteB, p), 'utf8'), p).toContain(release(siteB));
});

it('the copy script puts the reader’s day into a region page’s citations, which carry none of their own', async () => {
  const { context, close } = await openBrowser();
  try {
    for (const [path, word] of [
      ['/wilayah/jakarta/', 'Diakses'],
      ['/en/wilayah/jakarta/unit/BKD/', 'Accessed'],
    ]) {
      const page = await context.newPage();
      await page.goto(`${inject('siteUrl')}${path}`);
      const today = await page.evaluate(() => {
        const d = new Date();
        return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
      });
      const box = page.locator('details.cite').first();
      const text = box.locator('[data-format="text"]');
      expect(await text.textContent(), path).not.toContain(word);
      await box.locator('summary').click();
      await expect
        .poll(() => text.textContent(), { timeout: 10_000 })
        .toMatch(new RegExp(`\\(${word === 'Diakses' ? 'alamat relatif' : 'a path'}[^)]*\\)\\. ${word} ${today}\\.$`));
      expect(await box.locator('[data-format="bibtex"]').textContent(), path).toMatch(
        new RegExp(`\\n {2}url = \\{[^}]*\\},\\n {2}urldate = \\{${today}\\},\\n {2}note = `),
      );
      // RIS lines end in CRLF, as its readers expect.
      expect(await box.locator('[data-format="ris"]').textContent(), path).toMatch(
        new RegExp(`\\r\\nUR {2}- [^\\r\\n]*\\r\\nY2 {2}- ${today}\\r\\n`),
      );
      const [csl] = JSON.parse((await box.locator('[data-format="csl"]').textContent()) ?? '[]');
      expect(csl.accessed, path).toEqual({ 'date-parts': [today.split('-').map(Number)] });
      // Opening one block made every block's formats: three each, none written in the HTML.
      expect(await page.locator('details.cite pre[data-format]').count(), path).toBe(3 * (await page.locator('details.cite').count()));
      await page.close();
    }
  } finally {
    await close();
  }
});

it('built incrementally (--since A): renders Binjai only, and gives the full build’s bytes in every file', () => {
  expect(sinceLog).toContain(`region pages reused from ${siteB2}: 4 dari / of 5`);
  // The privacy gate remembered what it passed in A (a copy has A's record): no private value
  // changed (an answer score and a target did), so those files are not read again; nor, in the
  // new release's bundles, the tables they hold that passed in A's.
  expect(sinceLog).toMatch(
    /privacy gate: \d+ berkas dibaca \/ files read \([1-9]\d* isi berkas lolos sebelumnya, tidak dibaca lagi \/ [1-9]\d* of their contents passed before, not read again\); [1-9]\d* lolos sebelumnya, nilai privat tidak berubah/,
  );
  const b2 = hashes(siteB2);
  expect([...b2.keys()]).toEqual([...b.keys()]);
  expect([...b.keys()].filter((f) => b.get(f) !== b2.get(f))).toEqual([]);
});
