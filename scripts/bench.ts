/**
 * npm run bench: speed as a measured property (issue #5). Prints a table and writes
 * docs/benchmark.md with the machine, Node version and date. Not a test: nothing here fails
 * the build; each budget is reported as met or not.
 *
 *   npm run bench                # all sections, 1 M survey rows at the top size
 *   npm run bench -- --quick     # 10 k / 100 k only, fewer runs (a minute or two); not recorded
 *   npm run bench -- --only=pages,interaction   # some sections: validate, build, pages, interaction, slowlink, periksa; not recorded
 *   npm run bench -- --regions 50               # the scale section alone (issue #13): 5 and 50 synthetic regions
 *                                               # built; recorded as the "Scale" part of docs/benchmark.md
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, cpSync, existsSync, mkdirSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { serveStatic } from '../test/support/static-server.ts';
import { openBrowser, throttle } from '../test/support/browser.ts';
import { regionCode } from './sample/national.ts';
import { sha256 } from '../src/read/sha256.ts';

const quick = process.argv.includes('--quick');
const RUNS = quick ? 2 : 3;
const SIZES = quick ? [10_000, 100_000] : [10_000, 100_000, 1_000_000];
const work = resolve('tmp/bench');
mkdirSync(work, { recursive: true });

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const fmt = (n: number, d = 0) => n.toLocaleString('en-US', { maximumFractionDigits: d, minimumFractionDigits: d });
const lines: string[] = [];
const say = (l = '') => {
  console.log(l);
  lines.push(l);
};

function makeScaled(rows: number): string {
  const out = join(work, `skala-${rows}`);
  if (!existsSync(join(out, 'skala', 'skm.csv'))) {
    execFileSync(process.execPath, ['scripts/run.mjs', 'sample', '--scale', String(rows), '--out', out], { stdio: 'inherit' });
  }
  return out;
}

/** Timed runs of each process after a first, cold one (not counted). */
const VALIDATE_RUNS = quick ? 3 : 7;
/** The compiled commands, as npm runs them (scripts/run.mjs). */
const run = (command: string) => [process.execPath, 'scripts/run.mjs', command];

/** Wall seconds of one whole process, which must succeed. */
function processSeconds(argv: string[]): number {
  const t = performance.now();
  const r = spawnSync(argv[0], argv.slice(1), { encoding: 'utf8', maxBuffer: 64 << 20 });
  const seconds = (performance.now() - t) / 1000;
  if (r.status !== 0) throw new Error(`${argv.join(' ')} failed (${r.status}):\n${r.stdout}\n${r.stderr}`);
  return seconds;
}

/**
 * Whole processes side by side, like for like (issue #14): our validate on the region, and DuckDB
 * reading the same CSV files into typed tables, each a process of its own started from nothing.
 * Their runs take turns, so that a machine busy with something else slows both alike.
 */
function validationThroughput(dataDir: string) {
  const region = join(dataDir, 'skala');
  const csvs = readdirSync(region)
    .filter((f) => f.endsWith('.csv'))
    .map((f) => join(region, f));
  const processes = {
    ours: [...run('validate'), '--data', dataDir],
    duckAll: [process.execPath, 'scripts/bench/duckdb-tables.mjs', ...csvs],
    duckSkm: [process.execPath, 'scripts/bench/duckdb-tables.mjs', join(region, 'skm.csv')],
  };
  type Name = keyof typeof processes;
  const names = Object.keys(processes) as Name[];
  const runs = Object.fromEntries(names.map((n) => [n, [] as number[]])) as Record<Name, number[]>;
  for (const n of names) processSeconds(processes[n]);
  for (let i = 0; i < VALIDATE_RUNS; i++) for (const n of names) runs[n].push(processSeconds(processes[n]));
  const allRows = countRows(region);
  const skmRows = countRows(region, 'skm.csv');
  const of = (n: Name, rows: number) => ({ rows, s: median(runs[n]), rate: rows / median(runs[n]) });
  return { ours: of('ours', allRows), duckAll: of('duckAll', allRows), duckSkm: of('duckSkm', skmRows) };
}

/** Startup: our validate on a small export, compiled and (as before issue #14) through tsx. */
function startupSeconds() {
  const small = ['--data', 'test/fixtures/valid'];
  const compiled = [...run('validate'), ...small];
  const viaTsx = [resolve('node_modules/.bin/tsx'), 'scripts/validate.ts', ...small];
  const runs = { compiled: [] as number[], viaTsx: [] as number[] };
  processSeconds(compiled);
  processSeconds(viaTsx);
  for (let i = 0; i < VALIDATE_RUNS; i++) {
    runs.compiled.push(processSeconds(compiled));
    runs.viaTsx.push(processSeconds(viaTsx));
  }
  return { compiled: median(runs.compiled), viaTsx: median(runs.viaTsx) };
}

function countRows(dir: string, only?: string): number {
  let n = 0;
  for (const f of readdirSync(dir))
    if (f.endsWith('.csv') && (!only || f === only))
      n +=
        readFileSync(join(dir, f), 'utf8')
          .split('\n')
          .filter((l) => l.trim() !== '').length - 1;
  return n;
}

/**
 * What a build of `outDir` keeps for the next in folders of its own, so that a full build starts
 * without another's and the incremental build after it finds its own: the deflated parts of its
 * downloads (KT_PART_DIR, src/publish/part-cache.ts), its search copies and parts' indexes
 * (KT_SEARCH_DIR, src/publish/search-index.ts).
 */
const keptOf = (outDir: string) => {
  const name = outDir.split('/').pop()!;
  return { KT_PART_DIR: join(work, 'bagian', name), KT_SEARCH_DIR: join(work, 'cari', name) };
};

/** A build's time, its peak memory (the build's own line: its processes together; else /usr/bin/time's, one process's) and its output. */
function timedRun(args: string[], outDir: string): { seconds: number; peakMiB: number; ok: boolean; stdout: string } {
  const t = performance.now();
  const r = spawnSync('/usr/bin/time', ['-f', '%M', ...run('build'), ...args], {
    encoding: 'utf8',
    maxBuffer: 64 << 20,
    env: { ...process.env, ...keptOf(outDir) },
  });
  const seconds = (performance.now() - t) / 1000;
  const kb = Number(r.stderr.trim().split('\n').pop());
  const withRenderers = /peak memory \(MiB\): (\d+) /.exec(r.stdout);
  return { seconds, peakMiB: withRenderers ? Number(withRenderers[1]) : kb / 1024, ok: r.status === 0, stdout: r.stdout };
}

/** A build from nothing kept. */
function timedBuild(dataDir: string, outDir: string, extra: string[] = []): { seconds: number; peakMiB: number; ok: boolean } {
  for (const dir of Object.values(keptOf(outDir))) rmSync(dir, { recursive: true, force: true });
  return timedRun(['--data', dataDir, '--out', outDir, ...extra], outDir);
}

function pageBytes(siteDir: string, htmlPath: string): number {
  const html = readFileSync(join(siteDir, htmlPath), 'utf8');
  let total = gzipSync(html).length;
  const assets = [...html.matchAll(/(?:href|src)="(\/[^"]+\.(?:css|js|woff2))"/g)].map((m) => m[1]);
  const preload = [...html.matchAll(/<link[^>]+rel="(?:stylesheet|modulepreload|preload)"[^>]+href="([^"]+)"/g)].map((m) => m[1]);
  for (const a of new Set([...assets, ...preload])) {
    const p = join(siteDir, a.split('?')[0]);
    if (existsSync(p) && statSync(p).isFile()) total += gzipSync(readFileSync(p)).length;
  }
  return total;
}

function firstDir(dir: string): string | undefined {
  return existsSync(dir) ? readdirSync(dir).find((d) => statSync(join(dir, d)).isDirectory()) : undefined;
}

async function pageSpeed(siteDir: string) {
  const region = firstDir(join(siteDir, 'wilayah'));
  const unit = region ? firstDir(join(siteDir, 'wilayah', region, 'unit')) : undefined;
  const pages: [string, string, number][] = [['home', '/', 30]];
  if (region) pages.push(['region', `/wilayah/${region}/`, 60]);
  if (region && unit) pages.push(['unit', `/wilayah/${region}/unit/${unit}/`, 60]);
  const server = await serveStatic(siteDir);
  const { context, close } = await openBrowser({ viewport: { width: 360, height: 740 } });
  const rows: { name: string; kb: number; budget: number; lcp: number }[] = [];
  try {
    for (const [name, path, budget] of pages) {
      const kb = pageBytes(siteDir, join(path, 'index.html')) / 1024;
      const lcps: number[] = [];
      for (let i = 0; i < RUNS; i++) {
        const page = await context.newPage();
        // Slow 3G as in issue #5: 400 ms RTT, 400 kbit/s down.
        await throttle(page, { latency: 400, down: 400 * 1024, up: 400 * 1024, noCache: true });
        await page.addInitScript(() => {
          (window as unknown as { __lcp: number }).__lcp = 0;
          new PerformanceObserver((l) => {
            for (const e of l.getEntries()) (window as unknown as { __lcp: number }).__lcp = e.startTime;
          }).observe({ type: 'largest-contentful-paint', buffered: true });
        });
        await page.goto(server.url + path, { waitUntil: 'load' });
        await page.waitForTimeout(300);
        lcps.push(await page.evaluate(() => (window as unknown as { __lcp: number }).__lcp));
        await page.close();
      }
      rows.push({ name, kb, budget, lcp: median(lcps) });
    }
  } finally {
    await close();
    await server.close();
  }
  return rows;
}

/** The page's own clock from an action to the state that says it is answered (no protocol round trips counted). */
const TIMED_IN_PAGE = `(async ({ act, target }) => {
  const done = () => { const el = document.querySelector(target); return el && (el.dataset.state === 'done' || el.dataset.state === 'error') ? el.dataset.state : null; };
  const t0 = performance.now();
  const finished = new Promise((resolve) => {
    const obs = new MutationObserver(() => { const s = done(); if (s) { obs.disconnect(); resolve(s); } });
    obs.observe(document.body, { subtree: true, attributes: true, attributeFilter: ['data-state'] });
  });
  new Function(act)();
  const state = await finished;
  return { ms: performance.now() - t0, state };
})`;

async function timed(page: import('playwright-core').Page, act: string, target: string): Promise<number> {
  const r = (await page.evaluate(`${TIMED_IN_PAGE}(${JSON.stringify({ act, target })})`)) as { ms: number; state: string };
  if (r.state !== 'done') throw new Error(`${target} ended in state ${r.state}`);
  return r.ms;
}

/**
 * Section 4: a reader's first question, cold (fresh profile, empty cache), on the local server;
 * once as soon as the page has loaded, once after a few seconds of reading, which is when the
 * idle warm-up has had its chance. Then filter changes on a region page, warm.
 */
async function interactionSpeed(siteDir: string) {
  const server = await serveStatic(siteDir);
  const explorer = {
    clickAtLoad: [] as number[],
    clickAfterReading: [] as number[],
    warmUp: [] as number[],
    bytes: 0,
    files: [] as string[],
  };
  const filter = { first: [] as number[], later: [] as number[] };
  const ask = `document.getElementById('sql').value = 'SELECT kode_wilayah, count(*) FROM ikm_unit GROUP BY 1'; document.getElementById('explorer').requestSubmit();`;
  const region = firstDir(join(siteDir, 'wilayah'));
  try {
    for (let i = 0; i < RUNS; i++) {
      for (const [readMs, into] of [
        [0, explorer.clickAtLoad],
        [READING_MS, explorer.clickAfterReading],
      ] as const) {
        const { context, close } = await openBrowser();
        try {
          const page = await context.newPage();
          if (!readMs && i === 0) {
            // What the first answer costs a reader: every file after the page's own, uncompressed.
            let loaded = false;
            page.once('load', () => (loaded = true));
            context.on('response', (r) => {
              // The loader's HEAD (checking the wasm's MIME type) announces a length it does not send.
              if (!loaded || r.request().method() === 'HEAD') return;
              explorer.files.push(new URL(r.url()).pathname.split('/').pop()!);
              explorer.bytes += Number(r.headers()['content-length'] ?? 0);
            });
          }
          await page.goto(`${server.url}/jelajah/`, { waitUntil: 'load' });
          if (readMs) {
            await page.waitForTimeout(readMs);
            // The idle warm-up's mark, from the end of the page's load event.
            const warm = await page.evaluate(
              () =>
                (performance.getEntriesByName('kt-engine-ready')[0]?.startTime ?? NaN) -
                (performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming).loadEventEnd,
            );
            if (Number.isFinite(warm)) explorer.warmUp.push(warm);
          }
          into.push(await timed(page, ask, '#result'));
        } finally {
          await close();
        }
      }
      const { context, close } = await openBrowser();
      try {
        const page = await context.newPage();
        await page.goto(`${server.url}/wilayah/${region}/`, { waitUntil: 'load' });
        const form = await page.$eval('form[data-kt-filter]', (f) => f.getAttribute('data-kt-filter')!);
        const values = await page.$eval(`form[data-kt-filter="${form}"] select`, (s) =>
          [...(s as HTMLSelectElement).options].map((o) => o.value),
        );
        const change = (v: string) =>
          `const s = document.querySelector('form[data-kt-filter="${form}"] select'); s.dispatchEvent(new PointerEvent('pointerdown', { bubbles: true })); s.value = ${JSON.stringify(v)}; s.dispatchEvent(new Event('change', { bubbles: true }));`;
        // The first change: a press, then the choice right away (the worst case for the warm-up).
        filter.first.push(await timed(page, change(values[1 % values.length]), `#${form}`));
        for (let k = 0; k < 4; k++) filter.later.push(await timed(page, change(values[(k + 2) % values.length]), `#${form}`));
      } finally {
        await close();
      }
    }
  } finally {
    await server.close();
  }
  return { explorer, filter };
}

/**
 * Section 5: the explorer on a poor link (issue #15 item 10): 10 Mbit/s down, 40 ms latency, the
 * CPU slowed 4× (a cheap phone), a fresh profile. From the moment the reader opens /jelajah/ to
 * the first answer of a question asked as soon as the page has loaded; then the same reader
 * coming back (the HTTP cache keeps the engine: `/_astro/` is cached for a year). Served as a
 * host serves it (precompressed twins), with the bytes that crossed the link.
 */
async function slowLinkSpeed(siteDir: string) {
  const server = await serveStatic(siteDir);
  const ask = `document.getElementById('sql').value = 'SELECT kode_wilayah, count(*) FROM ikm_unit GROUP BY 1'; document.getElementById('explorer').requestSubmit();`;
  const first: number[] = [];
  const again: number[] = [];
  const bytes: number[] = [];
  try {
    for (let i = 0; i < RUNS; i++) {
      const { context, close } = await openBrowser();
      try {
        for (const into of [first, again]) {
          const page = await context.newPage();
          await throttle(page, { latency: 40, down: 10e6, up: 5e6, cpuSlowdown: 4 });
          // Bytes as they crossed the link (compressed), the engine worker's requests included.
          const sizes: Promise<number>[] = [];
          page.on('requestfinished', (r) =>
            sizes.push(
              r.sizes().then(
                (z) => z.responseBodySize + z.responseHeadersSize,
                () => 0,
              ),
            ),
          );
          await page.goto(`${server.url}/jelajah/`, { waitUntil: 'load' });
          const loadedAt = await page.evaluate(() => performance.now());
          into.push(loadedAt + (await timed(page, ask, '#result')));
          if (into === first) bytes.push((await Promise.all(sizes)).reduce((a, b) => a + b, 0));
          await page.close();
        }
      } finally {
        await close();
      }
    }
  } finally {
    await server.close();
  }
  return { first, again, bytes };
}

/** How long the benchmark's reader looks at the explorer before the first query. */
const READING_MS = 3000;

/** Whole-process validation against DuckDB's whole process: at least this ratio of its throughput. */
const VALIDATE_BUDGET = 0.8;

function validationSection() {
  const top = SIZES[SIZES.length - 1];
  const big = makeScaled(top);
  say(`## Validation throughput (${fmt(top)} survey rows; whole processes, median of ${VALIDATE_RUNS} runs after a first one)`);
  say();
  const v = validationThroughput(big);
  say('| process | rows | median, s | rows/s |');
  say('|---|---:|---:|---:|');
  const line = (label: string, r: typeof v.ours) => say(`| ${label} | ${fmt(r.rows)} | ${fmt(r.s, 2)} | ${fmt(r.rate)} |`);
  line('`npm run validate` (`node scripts/run.mjs validate`): every file of the region, every check', v.ours);
  line('DuckDB (`@duckdb/node-api`, 2 threads): the same CSV files, `CREATE TABLE t AS SELECT * FROM read_csv(…)` each', v.duckAll);
  line('DuckDB, the same: `skm.csv` alone', v.duckSkm);
  const ratio = v.ours.rate / v.duckAll.rate;
  say();
  say(
    `Ratio ours / DuckDB reading the same files into typed tables: **${fmt(ratio, 2)}** — budget ≥ ${VALIDATE_BUDGET}: ${ratio >= VALIDATE_BUDGET ? 'met' : '**not met**'}. ` +
      `Each is one whole process started from nothing (\`scripts/bench/duckdb-tables.mjs\` for DuckDB), both plain JavaScript, their runs taking turns; ` +
      `against DuckDB on \`skm.csv\` alone (our process still reads every file): ${fmt(v.ours.rate / v.duckSkm.rate, 2)}.`,
  );
  say();
  const start = startupSeconds();
  say(
    `Start-up: \`npm run validate\` on a small export (\`test/fixtures/valid\`, 72 rows), whole process: **${fmt(start.compiled, 2)} s** compiled ahead of time ` +
      `(\`scripts/compile.mjs\`, at npm's prepare step), against ${fmt(start.viaTsx, 2)} s through \`tsx\` as before issue #14.`,
  );
  say();
  say(
    `How: large files are read in slices by ${Math.min(2, cpus().length)} threads (the main thread and a worker thread). In a slice, FastRows ` +
      '(`src/validate/fast/fast-rows.ts`) reads a batch of rows where they lie in the bytes and checks them a column at a time, one small loop per kind ' +
      'of reader, repeated texts (codes, dates, enumerations) found by their code units; a valid row is keyed, packed and stored from those positions. ' +
      'Any row it declines goes the general way, in its place (an equivalence test reads damaged files both ways). Uniqueness is checked as each ' +
      "slice is put back in order, over tables small enough to stay in the caches, while the other slices are still read. The slices' " +
      'columns are kept as they came and copied into one table only when a column is first read (by a build; `npm run validate` reads ' +
      'only the distinct public texts, for the privacy check).',
  );
  say();
  say(
    'Tried before and superseded: reading rows in place but one row at a time (`experiment/fast-rows`, 5 % faster) and a row loop generated ' +
      'per file header (`experiment/compiled-rows`, no faster in wall time: V8 took 80–110 ms to compile it, several times per thread).',
  );
  say();
}

function buildSection() {
  say(`## Full build (validate → derive → publish → pages)`);
  say();
  say('| survey rows | appraisal rows | seconds | peak memory (MiB) | seconds per 100 k survey rows added |');
  say('|---:|---:|---:|---:|---:|');
  let previous: { n: number; seconds: number } | null = null;
  for (const n of SIZES) {
    const dir = makeScaled(n);
    const r = timedBuild(dir, join(work, `dist-${n}`));
    // The growth from the size before: a constant here is a cost linear in rows (a fixed start-up cost aside).
    const growth = previous ? fmt(((r.seconds - previous.seconds) / (n - previous.n)) * 100_000, 2) : '—';
    say(`| ${fmt(n)} | ${fmt(n / 5)} | ${fmt(r.seconds, 1)}${r.ok ? '' : ' (failed)'} | ${fmt(r.peakMiB)} | ${growth} |`);
    previous = { n, seconds: r.seconds };
  }
  say();
  say(`Budget at 1 M + 200 k: ≤ 60 s and ≤ 4096 MiB.`);
  say();
}

/** The sample site, built once for the page and interaction sections. */
let sampleSite: string | null | undefined;
function sample(): string | null {
  if (sampleSite === undefined) {
    const dir = join(work, 'dist-sample');
    sampleSite = timedBuild('data', dir).ok ? dir : null;
  }
  return sampleSite;
}

async function pagesSection() {
  say(`## Pages (sample data; compressed bytes at start, LCP on emulated slow 3G)`);
  say();
  const site = sample();
  if (!site) return say('(sample build failed)');
  say('| page | KB (gzip) | budget KB | LCP ms (median) | budget ms |');
  say('|---|---:|---:|---:|---:|');
  for (const p of await pageSpeed(site))
    say(`| ${p.name} | ${fmt(p.kb, 1)}${p.kb > p.budget ? ' ✗' : ''} | ${p.budget} | ${fmt(p.lcp)}${p.lcp > 2000 ? ' ✗' : ''} | 2000 |`);
  say();
}

async function interactionSection() {
  say(`## Interaction (sample data, local server, fresh browser profile each run; median of ${RUNS})`);
  say();
  const site = sample();
  if (!site) return say('(sample build failed)');
  const it = await interactionSpeed(site);
  const row = (what: string, xs: number[], budget: number | null) =>
    xs.length === 0
      ? say(`| ${what} | (no run) | | |`)
      : say(
          `| ${what} | ${fmt(median(xs))} | ${xs.map((x) => fmt(x)).join(', ')} | ${budget === null ? '—' : `${fmt(budget)}${median(xs) <= budget ? ' (met)' : ' **(not met)**'}`} |`,
        );
  say('| from … to … | ms (median) | runs (ms) | budget ms |');
  say('|---|---:|---|---:|');
  row(
    `explorer: first query → first answer, asked ${READING_MS / 1000} s after the page loaded (warm-up on idle)`,
    it.explorer.clickAfterReading,
    1200,
  );
  row('explorer: first query → first answer, asked the moment the page loaded', it.explorer.clickAtLoad, null);
  row('explorer: page loaded → engine ready (the idle warm-up, no query)', it.explorer.warmUp, null);
  row('region page: first filter change → redrawn chart (press and choice at once)', it.filter.first, null);
  row('region page: later filter change → redrawn chart', it.filter.later, 150);
  say();
  say(
    `The explorer fetches and compiles DuckDB-WASM once the page is readable and idle, unless the reader's browser asks to save data or rates the link slower than 4G; ` +
      `filter forms start it when the reader presses on or types into them. The first answer fetches ${fmt(it.explorer.bytes / 2 ** 20, 1)} MiB ` +
      `(uncompressed, as the local server sends it): ${[...new Set(it.explorer.files)].join(', ')}.`,
  );
  say();
}

async function slowLinkSection() {
  say(`## Explorer on a poor link (sample data; 10 Mbit/s, 40 ms, CPU 4× slower; median of ${RUNS})`);
  say();
  const site = sample();
  if (!site) return say('(sample build failed)');
  const r = await slowLinkSpeed(site);
  say('| from … to … | ms (median) | runs (ms) | budget ms |');
  say('|---|---:|---|---:|');
  say(
    `| a new reader opens /jelajah/ → first answer | ${fmt(median(r.first))} | ${r.first.map((x) => fmt(x)).join(', ')} | 8000${median(r.first) <= 8000 ? ' (met)' : ' **(not met)**'} |`,
  );
  say(
    `| the same reader comes back → first answer (HTTP cache) | ${fmt(median(r.again))} | ${r.again.map((x) => fmt(x)).join(', ')} | — |`,
  );
  say();
  say(
    `A new reader's browser fetched ${fmt(median(r.bytes) / 2 ** 20, 1)} MiB over the link (precompressed: brotli twins written by the build, served by src/deploy/serve.ts as nginx's brotli_static does).`,
  );
  say();
}

/** Pages of a built site: its HTML files (both languages, embeds and forum decks included). */
function countPages(dir: string): number {
  let n = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    if (e.isDirectory()) n += countPages(join(dir, e.name));
    else if (e.name.endsWith('.html')) n++;
  }
  return n;
}

function makeRegions(n: number): string {
  const out = join(work, `wilayah-${n}`);
  // Region i depends only on i: the folder is complete once its last region has iku.csv (written after the large files).
  if (!existsSync(join(out, regionCode(n - 1), 'iku.csv'))) {
    execFileSync('npx', ['tsx', 'scripts/sample.ts', '--regions', String(n), '--out', out], { stdio: 'ignore' });
  }
  return out;
}

/** What a question about one region downloads against one about all, from a built site's manifest. */
function explorerBytes(siteDir: string) {
  const manifest = JSON.parse(readFileSync(join(siteDir, 'data', 'wilayah', 'manifest.json'), 'utf8')) as {
    tabel: Record<string, { kode_wilayah: string; bytes: number }[]>;
  };
  return ['ikm_unit', 'skm_responden', 'predikat_unit'].map((table) => {
    const files = manifest.tabel[table] ?? [];
    const sizes = files.map((f) => f.bytes).sort((a, b) => a - b);
    return {
      table,
      regions: files.length,
      median: sizes.length ? median(sizes) : 0,
      largest: sizes[sizes.length - 1] ?? 0,
      all: sizes.reduce((a, b) => a + b, 0),
      whole: statSync(join(siteDir, 'data', `${table}.csv`)).size,
    };
  });
}

async function scaleSection(regions: number) {
  const lines0 = lines.length;
  say(`## Scale (issue #13): ${fmt(regions)} synthetic regions against 5`);
  say();
  say(
    `Machine: ${cpus().length} × ${cpus()[0]?.model ?? '?'}, ${fmt(totalmem() / 2 ** 30, 1)} GiB; Node ${process.version}; ${new Date().toISOString().slice(0, 10)}; load average at start ${loadavg()[0].toFixed(1)} (the machine is shared).`,
  );
  say();
  say(
    '`npm run sample -- --regions N` writes kota, kabupaten (hundreds of desa) and provinsi of varied sizes; region i is the same in every N, so the larger build only adds regions.',
  );
  say();
  const builds = [5, regions].map((n) => {
    const data = makeRegions(n);
    const out = join(work, `dist-wilayah-${n}`);
    const r = timedBuild(data, out);
    return { n, ...r, pages: r.ok ? countPages(out) : 0, out, data };
  });
  say('| regions | pages (HTML) | seconds | pages per second | peak memory (MiB) |');
  say('|---:|---:|---:|---:|---:|');
  for (const b of builds)
    say(
      `| ${fmt(b.n)} | ${fmt(b.pages)} | ${fmt(b.seconds, 1)}${b.ok ? '' : ' (failed)'} | ${fmt(b.pages / b.seconds, 1)} | ${fmt(b.peakMiB)} |`,
    );
  const [small, large] = builds;
  const marginal = ((large.seconds - small.seconds) * 1000) / (large.pages - small.pages);
  const perRegion = (large.seconds - small.seconds) / (large.n - small.n);
  say();
  say(`Marginal build time per added page: **${fmt(marginal, 1)} ms** — budget ≤ 20 ms: ${marginal <= 20 ? 'met' : '**not met**'}.`);
  say(
    `Extrapolated linearly to 514 regions on this machine: ${fmt((large.seconds + perRegion * (514 - large.n)) / 60, 0)} min (${fmt(perRegion, 1)} s per added region).`,
  );
  say();
  if (large.ok) {
    say(
      `Explorer downloads at ${fmt(large.n)} regions (region files of \`data/wilayah/\`, from the manifest; the browser test \`explorer-partitions\` checks that a question filtered on kode_wilayah fetches only those):`,
    );
    say();
    say('| table | region files | one region (median), KB | one region (largest), KB | every region, KB | whole CSV, KB |');
    say('|---|---:|---:|---:|---:|---:|');
    for (const t of explorerBytes(large.out))
      say(
        `| ${t.table} | ${fmt(t.regions)} | ${fmt(t.median / 1024, 1)} | ${fmt(t.largest / 1024, 1)} | ${fmt(t.all / 1024)} | ${fmt(t.whole / 1024)} |`,
      );
    say();
  }
  if (large.ok) {
    // Next to the full build it is compared with: this machine's speed drifts within minutes, and
    // the shards' 25 minutes of writes put the large site out of the page cache (session 40: 19 %
    // of the full build after them, 14.9 % run again at once). It replaces the large site, so the
    // shards' merge is compared with that site's files as they were, hashed first.
    const site = treeDigests(large.out);
    incrementalOf(large);
    shardsOf(large, site);
  }
  // Recorded on its own: this section replaces the Scale part of docs/benchmark.md and keeps the rest.
  const section = lines.slice(lines0).join('\n') + '\n';
  const path = 'docs/benchmark.md';
  const old = existsSync(path) ? readFileSync(path, 'utf8') : '# Benchmark\n\n';
  const start = old.indexOf('## Scale');
  const next = start < 0 ? -1 : old.indexOf('\n## ', start + 1);
  writeFileSync(path, start < 0 ? `${old.trimEnd()}\n\n${section}` : old.slice(0, start) + section + (next < 0 ? '' : old.slice(next + 1)));
  console.log(`\n→ ${path} (Scale)`);
}

/**
 * Incremental (issue #13 item 4): one region's export changed (one survey answer, a later export
 * date), built with `--since` over the large site in place, as maintainers publish
 * (`--since dist --out dist`: a reused file is a link to the site it replaces, unread when its
 * mark is the one taken as that site was published), against the large full build. That the
 * result equals a full build byte for byte is tested on the sample (test/browser/second-publication.test.ts).
 */
function incrementalOf(large: { n: number; seconds: number; out: string; data: string }) {
  const data = join(work, `wilayah-${large.n}-koreksi`);
  const out = large.out;
  try {
    rmSync(data, { recursive: true, force: true });
    cpSync(large.data, data, { recursive: true });
    const region = regionCode(0);
    const skm = join(data, region, 'skm.csv');
    const [head, first, ...rest] = readFileSync(skm, 'utf8').split('\n');
    // The first answer score of the first response (after id, unit, service, date) set to another value.
    const sep = head.includes(';') ? ';' : ',';
    const cells = first.split(sep);
    cells[4] = cells[4] === '1' ? '2' : '1';
    writeFileSync(skm, [head, cells.join(sep), ...rest].join('\n'));
    const meta = join(data, region, 'wilayah.json');
    const before = readFileSync(meta, 'utf8');
    const after = before.replace(/"tanggal_ekspor": "[^"]+"/, '"tanggal_ekspor": "2026-12-31"');
    if (after === before) throw new Error(`${meta}: no tanggal_ekspor to change`);
    writeFileSync(meta, after);
    // The full build's writes and this copy's on disk first: a correction comes hours after a
    // publication, not seconds, and the first --since build measured within a minute of a full one
    // was 15.9 % of it where the next two were 13.1–13.6 % (docs/benchmark.md, "Session 40").
    execFileSync('sync');
    // With the parts the full build kept, as a maintainer's machine has them.
    const { seconds, peakMiB, ok, stdout } = timedRun(['--data', data, '--out', out, '--since', out], out);
    const reused = /region pages reused from [^:]+: (\d+ dari \/ of \d+)/.exec(stdout)?.[1] ?? '?';
    // The build's own phases (its `waktu / timings (ms)` line), so that where the time went is recorded with it.
    const phases = /timings \(ms\): (\{[^\n]*\})/.exec(stdout)?.[1];
    say(
      `One region (${region}) corrected, built again with \`--since\` over the ${fmt(large.n)}-region site in place (region pages reused: ${reused}): **${fmt(seconds, 1)} s**${ok ? '' : ' (failed)'}, ${fmt((100 * seconds) / large.seconds, 0)} % of the full build (budget ≤ 15 %: ${ok && seconds <= 0.15 * large.seconds ? 'met' : '**not met**'}), peak ${fmt(peakMiB)} MiB.${phases ? ` Phases (ms): \`${phases}\`.` : ''}`,
    );
  } catch (e) {
    say(`Incremental build not measured: ${(e as Error).message}`);
  } finally {
    rmSync(data, { recursive: true, force: true });
  }
  say();
}

/** Shards (issue #13 item 3): the large build again as 8 shards, one after another here, and their merge. */
function shardsOf(large: { n: number; seconds: number; out: string; data: string }, site: ReadonlyMap<string, string>) {
  const count = 8;
  const dirs = Array.from({ length: count }, (_, i) => join(work, `bagian-${large.n}-${i + 1}`));
  const shards = dirs.map((dir, i) => timedBuild(large.data, dir, ['--shard', `${i + 1}/${count}`]));
  const merged = join(work, `dist-wilayah-${large.n}-merged`);
  const merge = timedBuild(large.data, merged, ['--merge', ...dirs]);
  const same = merge.ok && sameDigests(site, treeDigests(merged));
  const longest = Math.max(...shards.map((r) => r.seconds));
  say(
    `The same ${fmt(large.n)} regions as ${count} shards (\`--shard K/${count}\`, run one after another on this machine) and their merge (\`--merge\`):`,
  );
  say();
  say('| run | seconds | peak memory (MiB) |');
  say('|---|---:|---:|');
  shards.forEach((r, i) => say(`| shard ${i + 1}/${count} | ${fmt(r.seconds, 1)}${r.ok ? '' : ' (failed)'} | ${fmt(r.peakMiB)} |`));
  say(`| merge | ${fmt(merge.seconds, 1)}${merge.ok ? '' : ' (failed)'} | ${fmt(merge.peakMiB)} |`);
  say();
  say(
    `On ${count} machines at once the site takes the longest shard and the merge: ${fmt(longest + merge.seconds, 1)} s, against ${fmt(large.seconds, 1)} s on one. The merged site is ${same ? '' : '**not** '}byte-identical to the one-machine build. Extrapolated to 514 regions (every shard and the merge still read every region; each growing linearly with the regions): ${fmt(((longest + merge.seconds) * 514) / large.n / 60, 0)} min on ${count} machines.`,
  );
  say();
}

/** Every file under a folder, by its path there, and its sha256. */
function treeDigests(dir: string): Map<string, string> {
  const files = (readdirSync(dir, { recursive: true, encoding: 'utf8' }) as string[]).filter((f) => statSync(join(dir, f)).isFile()).sort();
  return new Map(files.map((f) => [f, sha256(readFileSync(join(dir, f)))]));
}

/** Whether two folders' digests (treeDigests) name the same files with the same bytes. */
const sameDigests = (a: ReadonlyMap<string, string>, b: ReadonlyMap<string, string>): boolean =>
  a.size === b.size && [...a].every(([f, h]) => b.get(f) === h);

/** The bytes of every file under a folder. */
const folderBytes = (dir: string): number =>
  readdirSync(dir, { withFileTypes: true }).reduce(
    (n, e) => n + (e.isDirectory() ? folderBytes(join(dir, e.name)) : statSync(join(dir, e.name)).size),
    0,
  );

/**
 * /periksa/ (issue #12): an export given to the page's directory picker in Chromium, until its
 * verdict shows; the checker runs the CLI's rules on one thread of a worker, streaming.
 */
async function periksaSection() {
  say(`## Export checker in the browser (/periksa/, Chromium, local server; median of ${RUNS})`);
  say();
  const site = sample();
  if (!site) return say('(sample build failed)');
  // A region of the 1 M sample with only the files the survey needs: skm.csv alone is 1 M rows.
  const big = makeScaled(1_000_000);
  const survey = join(work, 'periksa-1m');
  if (!existsSync(join(survey, 'skala', 'skm.csv'))) {
    mkdirSync(join(survey, 'skala'), { recursive: true });
    for (const f of ['wilayah.json', 'unit.csv', 'layanan.csv', 'skm.csv']) copyFileSync(join(big, 'skala', f), join(survey, 'skala', f));
  }
  // [name, folder, budget in seconds (issue #12: 10 MB in 2 s, a 1 M-row skm.csv in 15 s)]
  const cases: [string, string, number | null][] = [
    ['sample export (data/, 5 regions)', 'data', null],
    ['the 100 k sample (every file; the "10 MB export")', makeScaled(100_000), 2],
    ['1 M-row skm.csv (with unit.csv, layanan.csv)', survey, 15],
    ['the 1 M sample (every file: 1 M survey + 200 k appraisal rows)', big, null],
  ];
  const server = await serveStatic(site);
  const { context, close } = await openBrowser();
  try {
    const page = await context.newPage();
    await page.goto(`${server.url}/periksa/`, { waitUntil: 'networkidle' });
    say('| export | MB | rows read | seconds (median) | runs (s) | budget s |');
    say('|---|---:|---:|---:|---|---:|');
    for (const [name, dir, budget] of cases) {
      const times: number[] = [];
      let rows = 0;
      for (let i = 0; i < RUNS; i++) {
        const t0 = performance.now();
        await page.locator('#periksa-folder').setInputFiles(dir);
        await page.locator('#periksa[data-state="done"]').waitFor({ timeout: 300_000 });
        times.push((performance.now() - t0) / 1000);
        const [download] = await Promise.all([page.waitForEvent('download'), page.locator('#periksa-json').click()]);
        const report = JSON.parse(readFileSync((await download.path())!, 'utf8')) as { files: { rows: number }[] };
        rows = report.files.reduce((n, f) => n + f.rows, 0);
      }
      const mb = folderBytes(dir) / 1e6;
      say(
        `| ${name} | ${fmt(mb, 1)} | ${fmt(rows)} | ${fmt(median(times), 2)} | ${times.map((x) => fmt(x, 2)).join(', ')} | ${budget === null ? '—' : `${budget}${median(times) <= budget ? ' (met)' : ' **(not met)**'}`} |`,
      );
    }
  } finally {
    await close();
    await server.close();
  }
  say();
  say(
    `From choosing the folder to the verdict on the page (the report rendered, its downloads ready), the page responsive throughout: the work is in a worker, on one thread, streaming (the CLI reads large files in slices on two). Load average at the end: ${loadavg()
      .map((x) => fmt(x, 1))
      .join(', ')} on ${cpus().length} cores.`,
  );
  say();
}

const SECTIONS: Record<string, () => unknown> = {
  validate: validationSection,
  build: buildSection,
  pages: pagesSection,
  interaction: interactionSection,
  slowlink: slowLinkSection,
  periksa: periksaSection,
};

async function main() {
  const regionsAt = process.argv.indexOf('--regions');
  if (regionsAt >= 0) {
    const n = Number(process.argv[regionsAt + 1]);
    if (!Number.isInteger(n) || n <= 5) throw new Error('--regions expects an integer above 5');
    return scaleSection(n);
  }
  const only = process.argv
    .find((a) => a.startsWith('--only='))
    ?.slice('--only='.length)
    .split(',');
  const unknown = only?.filter((n) => !(n in SECTIONS)) ?? [];
  if (unknown.length) throw new Error(`unknown section ${unknown.join(', ')}; sections: ${Object.keys(SECTIONS).join(', ')}`);
  say(`# Benchmark`);
  say();
  say(
    `Machine: ${cpus().length} × ${cpus()[0]?.model ?? '?'}, ${fmt(totalmem() / 2 ** 30, 1)} GiB; Node ${process.version}; ${new Date().toISOString().slice(0, 10)}${quick ? ' (quick run)' : ''}.`,
  );
  say();
  for (const [name, run] of Object.entries(SECTIONS)) if (!only || only.includes(name)) await run();
  // A partial or quick run is printed, not recorded: docs/benchmark.md holds whole runs only.
  if (only || quick) return;
  mkdirSync('docs', { recursive: true });
  writeFileSync('docs/benchmark.md', lines.join('\n') + '\n');
  console.log('\n→ docs/benchmark.md');
}

main().catch((e) => {
  console.error(`bench failed: ${e instanceof Error ? e.message : e}`);
  process.exit(1);
});
