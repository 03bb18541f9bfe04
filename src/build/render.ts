/**
 * The pages, rendered by Astro from the staged tables: in this process, or, for a build of many
 * regions on a machine of several cores, the national pages first in a process of their own,
 * then one process per core, each rendering a group of regions (the groups of `--shard`,
 * shardGroups), joined into one site. Astro renders on one thread, and a page's bytes depend only
 * on the tables and the code (the shards' test), never on which process drew it: the site is the
 * same bytes however many render it.
 */
import { existsSync } from 'node:fs';
import { cp, readFile, rename, rm } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { setFlagsFromString } from 'node:v8';
import { removeLeftovers } from '../publish/leftovers.ts';
import { allSettledThenThrow, makeFolders, listFiles } from '../publish/site-files.ts';
import { PAGES_ENV, type PageSet } from '../site/page-set.ts';
import { HEADLINES_ENV } from '../site/kept-headlines.ts';
import { runChild } from './child.ts';
import { exportSize } from './export-size.ts';
import type { Plugin } from 'vite';

/** The render folders of killed builds (renderDir); a build still running keeps its own. */
export const cleanRenderLeftovers = (): Promise<void> => removeLeftovers(dirname(renderDir()), /^render-(\d+)$/);

/**
 * Astro keeps its server chunks in the output folder when that lies under the working directory,
 * else in one `./.astro/` for every build, where two builds at once (shards, tests) delete each
 * other's chunks. So each build renders into its own folder under the working directory
 * (`node_modules/.cache`, which no tool reads) and moves the pages to the stage.
 */
export const renderDir = (pid = process.pid): string => join(process.cwd(), 'node_modules', '.cache', 'kinerja-terbuka', `render-${pid}`);

/**
 * src/site/ keeps what it reads (tables, month windows, charts) for the life of the process,
 * keyed by arguments that a second build could share: so one build with pages per process.
 */
let pagesRendered = false;

/** What a renderer renders: the pages of `pages`, from the tables in `tables`; with the file of what it may keep of regions' headlines (kept-headlines.ts). */
export interface RenderInput {
  tables: string;
  pages: PageSet;
  headlines?: string;
}

/**
 * Renders the pages into `siteStage`; returns every file Astro wrote, relative to it, as often as
 * it wrote it. Given a promise (a renderer started early: EarlyRenderer), Astro bundles the code
 * meanwhile and waits for the tables and pages before it renders any (toldAfterBundling).
 */
export async function renderPages(siteStage: string, input: RenderInput | Promise<RenderInput>): Promise<string[]> {
  if (pagesRendered) throw new Error('one build with pages per process: src/site/ would serve the first build its tables');
  pagesRendered = true;
  const given = ({ tables, pages, headlines }: RenderInput) => {
    process.env.KT_PUBLISHED_DIR = tables;
    process.env[PAGES_ENV] = JSON.stringify(pages);
    if (headlines) process.env[HEADLINES_ENV] = headlines;
    else delete process.env[HEADLINES_ENV];
  };
  const waiting = input instanceof Promise;
  // Until told: no tables (a page read then fails) and no page.
  if (waiting) given({ tables: join(siteStage, 'tabel-belum-diberikan'), pages: { regions: [], national: false } });
  else given(input);
  const { build: astroBuild } = await import('astro');
  const out = renderDir();
  await rm(out, { recursive: true, force: true });
  const heapBack = growHeapSlowly();
  const written: string[] = [];
  const listWritten = {
    name: 'kt-written-files',
    hooks: {
      'astro:build:done': ({ assets }: { assets: Map<string, URL[]> }) => {
        for (const urls of assets.values()) for (const url of urls) written.push(relative(out, fileURLToPath(url)));
      },
    },
  };
  let told = !waiting;
  try {
    await astroBuild({
      root: process.cwd(),
      outDir: out,
      logLevel: process.env.KT_ASTRO_LOG === 'info' ? 'info' : 'warn',
      mode: 'production',
      integrations: [listWritten],
      vite: waiting
        ? {
            plugins: [
              toldAfterBundling(async () => {
                // Said to the build (a renderer of its own process): its other core is free from now.
                process.send?.(BUNDLED);
                told = true;
                given(await input);
              }),
            ],
          }
        : {},
    });
    if (!told) throw new Error('halaman dibuat sebelum tabelnya diberikan / pages rendered before their tables were given');
    await rm(siteStage, { recursive: true, force: true });
    await rename(out, siteStage).catch(async (e: NodeJS.ErrnoException) => {
      if (e.code !== 'EXDEV') throw e;
      await cp(out, siteStage, { recursive: true });
    });
  } finally {
    heapBack();
    await rm(out, { recursive: true, force: true });
  }
  return written;
}

/**
 * A Vite plugin that holds Astro after it has bundled the code (its server build, then its
 * client build), before it renders any page, until `tell` has given it the tables and pages:
 * Astro reads them only as it renders (getStaticPaths, the pages' own reads).
 */
function toldAfterBundling(tell: () => Promise<void>): Plugin {
  let server = false;
  return {
    name: 'kt-told-after-bundling',
    apply: 'build',
    configResolved: (config) => void (server = !!config.build.ssr),
    closeBundle: async () => {
      if (!server) await tell();
    },
  };
}

/**
 * While pages render, V8's old generation may grow to twice what was live after its last full
 * collection, where it lets a heap that collects fast grow to four times: a renderer in the unit
 * pages at 500 regions held 418 MB of live heap in 1.4 GB (1.8 GB of RSS); a renderer of 60
 * regions for five minutes, RSS 1,576 → 1,020 MiB, its pages within this machine's spread, 4 %
 * more CPU. Only while rendering: given to the whole build, the data half of 500 regions rose from
 * 3.2–3.3 to 3.7 GB. V8 reads the factor each time it sets the heap's limit. A factor given to
 * Node (a flag or NODE_OPTIONS) stays. Returns what puts V8's default back.
 */
function growHeapSlowly(): () => void {
  const given = [...process.execArgv, ...(process.env.NODE_OPTIONS ?? '').split(/\s+/)].some((f) =>
    f.replaceAll('_', '-').startsWith('--heap-growing-percent'),
  );
  if (given) return () => {};
  setFlagsFromString('--heap-growing-percent=100');
  return () => setFlagsFromString('--heap-growing-percent=0');
}

/**
 * A second renderer pays for its own start (Vite bundles the code again: about half a minute of
 * one core); below this many regions the pages take little more than that, and one renders them.
 */
export const SPLIT_FROM_REGIONS = 8;

/** How many processes render `regions` regions: KT_RENDERERS, else one per core (at most 4) from SPLIT_FROM_REGIONS. */
export function renderersFor(regions: number, env: NodeJS.ProcessEnv = process.env): number {
  const asked = Number(env.KT_RENDERERS);
  const wanted = Number.isInteger(asked) && asked >= 1 ? asked : regions >= SPLIT_FROM_REGIONS ? Math.min(4, availableParallelism()) : 1;
  return Math.max(1, Math.min(wanted, regions));
}

/**
 * Renders `pages` into `siteStage`: here, on a site of few regions (one group); else
 * (`nationalApart`: the pipeline splits a site only then) in processes of their own
 * (`scripts/render.ts`), their files then moved in, none here: what Astro and the pages'
 * tables leave in a heap stays in it (2.9 GB after a group of 250 regions), and this process goes
 * on to the gate, which holds the private values (5.5 GB together at 500 regions). The national
 * pages of such a site are rendered in a process of their own too: they read the
 * national tables whole (at 500 regions that process peaked at 2.6–2.9 GB of RSS), and their
 * tables go with their process instead of staying in this one through its regions and the gate.
 * Beside several renderers of regions (a whole build) they would pass the budget of 4 GB, so they
 * come first, alone, then each group in a process of its own; one group (a `--since` build's few
 * regions) is rendered with them, in their process (oneRenderer), and a merge renders them alone:
 * the pipeline then uses this process meanwhile (it links the reused regions and judges the data).
 * A file two renderers both write (Astro's assets, the 404 page) must be the same bytes. Returns
 * every file Astro wrote, as renderPages does, each shared file once; the peak memory (KiB) of
 * each renderer of regions run beside this one, which this process's own peak does not count; and
 * of the national pages' process (NationalRendered).
 */
export async function renderPagesSplit(
  siteStage: string,
  dataStage: string,
  pages: PageSet,
  groups: readonly string[][],
  {
    buildDate,
    nationalApart,
    early,
    headlines,
  }: { buildDate: string; nationalApart: boolean; early?: EarlyRenderer | null; headlines?: string },
): Promise<{ written: string[]; peaks: number[]; national?: NationalRendered }> {
  if (!nationalApart) {
    if (groups.length > 1) throw new Error('renderPagesSplit: a site of several groups renders them apart (nationalApart)');
    return { written: await renderPages(siteStage, { tables: dataStage, pages, headlines }), peaks: [] };
  }
  const apart = pages.national;
  // The other renderers are stopped as soon as one fails (they are waited for all the same).
  const stop = new AbortController();
  const epoch = renderEpoch(buildDate);
  const nationalDir = nationalRenderDir(dirname(siteStage));
  const filled = groups.filter((g) => g.length > 0);
  const joined = oneRenderer(pages, groups) && filled.length === 1;
  const away = joined ? [] : filled;
  const national: RenderInput = { tables: dataStage, pages: { regions: joined ? filled[0] : [], national: true }, headlines };
  // Started early, the national pages' process has bundled the code while the data were made.
  if (early && (!apart || early.dir !== nationalDir))
    throw new Error('renderPagesSplit: a renderer started early renders the national pages, in their folder');
  const startNational = () => (early ? early.give(national) : renderElsewhere(nationalDir, national, epoch, stop.signal));
  const first = apart && groups.length > 1 ? await startNational() : undefined;
  // This process's peak while the national pages' process ran: until it ended, or, side by side, until all did.
  let beside = process.resourceUsage().maxRSS;
  const dirs = away.map((_, i) => join(dirname(siteStage), `render-${i + 1}`));
  const others = dirs.map((dir, i) =>
    renderElsewhere(dir, { tables: dataStage, pages: { regions: away[i], national: false }, headlines }, epoch, stop.signal),
  );
  const together = apart && !first ? startNational() : undefined;
  for (const p of [together, ...others]) p?.catch(() => (stop.abort(), early?.cancel()));
  const [alongside, ...rest] = await allSettledThenThrow([together, ...others]);
  if (!first) beside = process.resourceUsage().maxRSS;
  const written: string[] = [];
  const peaks: number[] = [];
  for (const [i, { files, peak }] of rest.entries()) {
    for (const f of await moveRendered(dirs[i], siteStage, files)) written.push(f);
    peaks.push(peak);
  }
  const drawn = first ?? alongside;
  if (drawn) for (const f of await moveRendered(nationalDir, siteStage, drawn.files)) written.push(f);
  return {
    written,
    peaks,
    national: drawn && { peak: drawn.peak, beside, alone: first !== undefined, waiting: drawn.waiting },
  };
}

/**
 * Whether a split site's pages (nationalApart) are drawn by one process: the national pages with
 * the one group of regions to render (a `--since` build's few regions), or alone (a merge). One
 * group is rendered with the national pages by one Vite build: in a process of its own beside
 * them it bundled the same code again (about 20 s of a core at 50 regions), and the two took
 * longer side by side on two cores than one process alone (docs/benchmark.md, Session 33).
 */
export const oneRenderer = (pages: PageSet, groups: readonly string[][]): boolean => pages.national && groups.length <= 1;

/** The national pages' process: its peak (KiB), this process's by the time it ended, and whether it ran alone (before the regions' renderers) or beside this one. */
export interface NationalRendered {
  peak: number;
  beside: number;
  alone: boolean;
  /** Started early (EarlyRenderer), its peak (KiB) by the time it was given its pages, beside the data half. */
  waiting?: number;
}

/** What a renderer of its own process leaves in its LIST file (scripts/render.ts). */
export interface Rendered {
  /** The files Astro wrote, relative to its output folder. */
  files: string[];
  /** Its process's peak memory, KiB (process.resourceUsage().maxRSS). */
  peak: number;
  /** Started early: its peak by the time it was given its pages (KiB). */
  waiting?: number;
}

/** Every page carries the build date: each renderer is given this build's (SOURCE_DATE_EPOCH), also across midnight. */
export const renderEpoch = (buildDate: string): string =>
  process.env.SOURCE_DATE_EPOCH ?? String(Date.parse(`${buildDate}T00:00:00Z`) / 1000);

/** Where the national pages' process renders, in the build's stage. */
export const nationalRenderDir = (stage: string): string => join(stage, 'render-nasional');

/** What a renderer told through its IPC channel says once it has bundled the code, before it waits to be told (EarlyRenderer.bundled). */
export const BUNDLED = 'terbundel';

/** Set for a renderer to be told its tables and pages through its IPC channel (EarlyRenderer). */
export const TOLD_ENV = 'KT_RENDER_TOLD';

/**
 * Whether a build over the export in `dataDir` starts its national pages' renderer early
 * (EarlyRenderer): one whose pages are rendered apart (renderersFor its region folders), of an
 * export that is not large (export-size.ts: at 500 regions that renderer beside the data half
 * would pass the memory budget); never with KT_EARLY_RENDER=0 (then after the data, as any
 * renderer). A guess before validation: a renderer started for nothing is stopped.
 */
export function rendersEarly(dataDir: string, env: NodeJS.ProcessEnv = process.env): boolean {
  if (env.KT_EARLY_RENDER === '0') return false;
  const size = exportSize(dataDir);
  return size !== null && !size.large && renderersFor(size.regions, env) > 1;
}

/**
 * Renders pages in a process of its own (node scripts/run.mjs render), into `dir`: `input`, given
 * at its start or, as a promise, through its IPC channel once known (then it bundles the code
 * meanwhile). Its IPC channel closes with this process, and it stops then: a killed build leaves
 * no renderer writing.
 */
export async function renderElsewhere(
  dir: string,
  input: RenderInput | Promise<RenderInput>,
  epoch: string,
  signal: AbortSignal,
  onBundled?: () => void,
): Promise<Rendered> {
  const list = `${dir}.json`;
  const waiting = input instanceof Promise;
  let which = waiting ? notRendered({ regions: [], national: false }) : notRendered(input.pages);
  if (waiting) input.then((i) => (which = notRendered(i.pages))).catch(() => undefined);
  const env = waiting
    ? { [TOLD_ENV]: '1', SOURCE_DATE_EPOCH: epoch }
    : {
        [TOLD_ENV]: '',
        KT_PUBLISHED_DIR: input.tables,
        [PAGES_ENV]: JSON.stringify(input.pages),
        [HEADLINES_ENV]: input.headlines ?? '',
        SOURCE_DATE_EPOCH: epoch,
      };
  await runChild(['render', dir, list], {
    env: { ...process.env, ...env },
    signal,
    failed: (how) => `${which} (${how})`,
    send: waiting ? input : undefined,
    onMessage: (m) => m === BUNDLED && onBundled?.(),
  });
  return JSON.parse(await readFile(list, 'utf8')) as Rendered;
}

/** What a renderer's failure did not render. */
function notRendered({ regions, national }: PageSet): string {
  const listed = regions?.join(', ');
  return listed && national
    ? `halaman nasional dan halaman wilayah ${listed} tidak terbangun / the national pages and the pages of regions ${listed} were not rendered`
    : listed
      ? `halaman wilayah ${listed} tidak terbangun / the pages of regions ${listed} were not rendered`
      : national
        ? 'halaman nasional tidak terbangun / the national pages were not rendered'
        : 'halaman tidak terbangun / the pages were not rendered';
}

/**
 * The national pages' process, started before the data are made: Astro bundles the code (about
 * ten seconds of a build of 50 regions, Vite's server and client builds) while the data half runs,
 * then waits to be given the tables and pages (`give`), or is stopped (`cancel`: the build
 * renders otherwise, or fails). The pages are the same bytes as a renderer started later makes:
 * Astro reads no table before it renders.
 */
export class EarlyRenderer {
  private tell!: (input: RenderInput) => void;
  private stopped = false;
  private told = false;
  /** Ended before it was told: it failed bundling, or was killed beside the data half. */
  private endedUntold = false;
  private readonly stop = new AbortController();
  private readonly rendered: Promise<Rendered>;
  /** Resolved once it has bundled the code (BUNDLED), or has ended: what else the build runs has the other core then. */
  readonly bundled: Promise<void>;
  constructor(
    readonly dir: string,
    private readonly epoch: string,
  ) {
    const told = new Promise<RenderInput>((resolve) => (this.tell = resolve));
    let bundled!: () => void;
    this.bundled = new Promise<void>((resolve) => (bundled = resolve));
    this.rendered = renderElsewhere(dir, told, epoch, this.stop.signal, bundled);
    // Awaited by `give`'s caller, or let go by `cancel`.
    this.rendered.catch(() => void (this.endedUntold = !this.told));
    this.rendered.then(bundled, bundled);
  }
  /** Its pages: those of `input`; drawn by a renderer started now if this one ended before it was told. */
  give(input: RenderInput): Promise<Rendered> {
    if (this.stopped) throw new Error('EarlyRenderer: given after it was stopped');
    this.told = true;
    if (this.endedUntold) return renderElsewhere(this.dir, input, this.epoch, this.stop.signal);
    this.tell(input);
    return this.rendered;
  }
  /** Stopped (a no-op once it has ended), and waited for: no process of it is left. */
  async cancel(): Promise<void> {
    this.stopped = true;
    this.stop.abort();
    await this.rendered.catch(() => undefined);
  }
}

/**
 * Moves a renderer's files into the site; a file the site holds already must be the same bytes
 * (else an Error). Returns the renderer's list of written files less those the site held.
 */
export async function moveRendered(dir: string, site: string, written: readonly string[]): Promise<string[]> {
  const held = new Set<string>();
  const files = listFiles(dir);
  await makeFolders(site, files);
  for (const rel of files) {
    const target = join(site, rel);
    if (existsSync(target)) {
      if (!(await readFile(target)).equals(await readFile(join(dir, rel))))
        throw new Error(`${rel}: dua proses halaman menulis isi berbeda / two page renderers wrote different bytes`);
      held.add(rel);
    } else await rename(join(dir, rel), target);
  }
  await rm(dir, { recursive: true, force: true });
  return written.filter((f) => !held.has(f));
}
