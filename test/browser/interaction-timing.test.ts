/**
 * How long a reader waits, and how much they download, between their first query and DuckDB's
 * first answer: cold runs (fresh browser profile, empty cache) in headless chromium against the
 * local server. Logged for the README; asserted only loosely (a regression guard, not a benchmark).
 */
import { expect, inject, test } from 'vitest';
import { openBrowser } from '../support/browser.ts';

const siteUrl = inject('siteUrl');
const RUNS = Number(process.env.KT_TIMING_RUNS ?? 5);

interface ColdRun {
  ms: number;
  bytes: number;
  files: string[];
}

async function coldRun(): Promise<ColdRun> {
  const browser = await openBrowser();
  try {
    const page = await browser.context.newPage();
    await page.goto(`${siteUrl}/jelajah/`, { waitUntil: 'networkidle' });
    let bytes = 0;
    const files: string[] = [];
    browser.context.on('response', (r) => {
      // The loader's HEAD (checking the wasm's MIME type) announces a length it does not send.
      if (r.request().method() === 'HEAD') return;
      files.push(new URL(r.url()).pathname);
      bytes += Number(r.headers()['content-length'] ?? 0);
    });
    await page.fill('#sql', 'SELECT kode_wilayah, count(*) FROM ikm_unit GROUP BY 1');
    const t0 = Date.now();
    await page.click('#run');
    await page.waitForSelector('#result[data-state=done]', { state: 'attached', timeout: 60_000 });
    return { ms: Date.now() - t0, bytes, files };
  } finally {
    await browser.close();
  }
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

test(`first interaction to first DuckDB answer (median of ${RUNS} cold runs)`, { timeout: 60_000 * RUNS }, async () => {
  const runs: ColdRun[] = [];
  for (let i = 0; i < RUNS; i++) runs.push(await coldRun());
  const ms = median(runs.map((r) => r.ms));
  const bytes = median(runs.map((r) => r.bytes));
  console.log(
    `DuckDB-WASM, first query → first answer: median ${ms} ms over ${RUNS} cold runs (${runs.map((r) => r.ms).join(', ')} ms); ` +
      `${(bytes / 1024 / 1024).toFixed(1)} MB uncompressed after the click: ${runs[0].files.join(', ')}`,
  );
  expect(ms).toBeLessThan(30_000);
});
