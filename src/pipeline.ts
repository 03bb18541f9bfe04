/**
 * The build, end to end: validate → derive → publish → render → gates (no empty file, privacy)
 * → host files (headers, precompressed twins) → swap. A --since build takes its unchanged regions'
 * rows from the previous output (build/kept-rows.ts), and judges the published data while the
 * pages render, then makes their twins while the pages render and the search index is made.
 * Everything is built in a staging folder; dist/ is replaced only when all of it succeeded,
 * so a failed build leaves the previous site byte for byte as it was.
 */
import { mkdir, readdir, rename, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { siteConfig } from './config.ts';
import { HOST_FILES, writeHostFiles } from './deploy/host-files.ts';
import { compressible, NO_TWIN, precompress, type PrecompressOptions } from './deploy/precompress.ts';
import { ASSETS_DIR } from './deploy/policy.ts';
import {
  gateMemoryDir,
  gateLookups,
  gateSite,
  joinGateResults,
  readGateMemory,
  twinEntry,
  twinsMadeIn,
  writeGateMemory,
  type GateLookups,
  type GateMemory,
  type GateResult,
} from './publish/gate-memory.ts';
import { allSettledThenThrow, emptyFiles, moveInto, removeTree, samePaths, listFiles } from './publish/site-files.ts';
import { indexForSearch, KeptCopies, searchCopiesDir } from './publish/search-index.ts';
import { PartCache } from './publish/part-cache.ts';
import { releaseFeed } from './release/feed.ts';
import { FEED_FILE } from './release/paths.ts';
import { EVERY_PAGE, type PageSet } from './site/page-set.ts';
import {
  codeVersion,
  joinShards,
  readStamp,
  shardGroups,
  shardProblems,
  writeStamp,
  type BuildContext,
  type Shard,
  type ShardStamp,
} from './build/shards.ts';
import {
  PAGES_RECORD,
  copyRegions,
  fileMarks,
  foldersUnchanged,
  moveBack,
  moveFolders,
  writeMovesJournal,
  STAGED_SITE,
  type MovedRegions,
  pagesRecord,
  readPagesRecord,
  recordKey,
  regionKeys,
  reusableRegions,
  writePagesRecord,
  type PagesRecord,
} from './build/incremental.ts';
import { siteMapHash } from './site/site-map.ts';
import { regionPageFiles } from './site/page-files.ts';
import {
  cleanRenderLeftovers,
  EarlyRenderer,
  nationalRenderDir,
  oneRenderer,
  renderEpoch,
  renderersFor,
  rendersEarly,
  renderPagesSplit,
  type NationalRendered,
} from './build/render.ts';
import { isRunning } from './publish/leftovers.ts';
import { inputRows, makeData, makeDataApart, type DataHalf, type DataInput } from './build/data-half.ts';
import { keptRowsDir, writeRowsRecord } from './build/kept-rows.ts';
import { EndTimes, PhaseClock, type Phase } from './build/phase-clock.ts';
import { insideAny } from './publish/kept-json.ts';
import { keptHeadlinesDir, settleKeptHeadlines, type KeptHeadlines } from './site/kept-headlines.ts';

export interface BuildOptions {
  dataDir: string;
  outDir: string;
  /** Render the Astro pages (tests of the data half may skip it). */
  pages?: boolean;
  log?: (line: string) => void;
  env?: NodeJS.ProcessEnv;
  /**
   * A previous site (or its `data/rilis/` folder) whose releases this build carries forward,
   * besides those of the site already in `outDir` (`--arsip DIR`, KT_ARSIP).
   */
  archiveDir?: string;
  /** Render the pages of one group of regions only (`--shard K/N`): an output for `merge`, not a site. */
  shard?: Shard;
  /** Shard outputs to join with the national pages into the site (`--merge DIR…`). */
  merge?: string[];
  /**
   * A previous output (`--since DIR`, usually dist/ itself) whose region pages are taken as they
   * are where the region's key is unchanged (build/incremental.ts); the rest is built in full.
   */
  since?: string;
  /**
   * Validate, derive and publish in a process of its own, which ends before the pages (the CLI
   * does): the memory it used is the system's again (build/data-half.ts).
   */
  dataApart?: boolean;
}

export interface BuildResult {
  ok: boolean;
  message: string;
  timings: Record<string, number>;
  /** CPU milliseconds of each phase that finished (timings' names). */
  cpu?: Record<string, number>;
  /** The peak memory (KiB) of each page renderer besides this process (render.ts), while this one ran too. */
  renderersPeak?: number[];
  /** The peak memory (KiB) of the national pages' own process (render.ts), and this process's by the time it ended. */
  nationalPeak?: NationalRendered;
  /** The peak memory (KiB) of the data half's own process (dataApart), which ended before the pages. */
  dataPeak?: number;
  /** Pagefind's peak (KiB; watchPeak): null when it ran and its peak is unknown; absent when it did not run. */
  searchPeak?: number | null;
  /**
   * The peak memory (MiB) so far at the end of each phase that finished, of the process that ran
   * it (the data half's own, with dataApart): where it rose is where it was reached.
   */
  peaks?: Record<string, number>;
}

export async function build(opts: BuildOptions): Promise<BuildResult> {
  const log = opts.log ?? ((l: string) => console.log(l));
  const config = siteConfig(opts.env);
  const clock = new PhaseClock();
  const { timings, cpu, peaks } = clock;
  const lap = (name: Phase) => clock.lap(name);
  /** The build's answer, with the time and CPU of every phase that finished. */
  let renderersPeak: number[] = [];
  let dataPeak: number | undefined;
  let nationalPeak: BuildResult['nationalPeak'];
  let searchPeak: BuildResult['searchPeak'];
  const result = (ok: boolean, message: string): BuildResult => ({
    ok,
    message,
    timings,
    cpu,
    renderersPeak,
    nationalPeak,
    dataPeak,
    searchPeak,
    peaks,
  });

  // --since reuses a whole site's region pages into a whole site.
  if (opts.since !== undefined && (opts.shard || opts.merge || opts.pages === false)) {
    return result(
      false,
      '✗ --since hanya untuk membangun satu situs utuh; tidak bisa digabung dengan --shard, --merge atau --no-pages / --since builds one whole site; it cannot be combined with --shard, --merge or --no-pages',
    );
  }
  // Shards that cannot make a site are refused before any work (their release is checked later).
  const stamps = opts.merge ? await Promise.all(opts.merge.map(readStamp)) : [];
  if (opts.merge) {
    const problems = shardProblems(opts.merge, stamps);
    if (problems.length > 0) return result(false, unmergeable(problems));
  }
  // A shard's output is pages for a merge: never over a site (dist/ and its release archive).
  if (opts.shard && (opts.pages === false || (existsSync(opts.outDir) && !(await readStamp(opts.outDir))))) {
    const why =
      opts.pages === false
        ? '--shard membuat halaman; --no-pages tidak berlaku / --shard makes pages; --no-pages does not apply'
        : `${opts.outDir} sudah berisi sesuatu yang bukan keluaran --shard (situs?); pilih --out lain / ${opts.outDir} already holds something that is not a --shard output (a site?); choose another --out`;
    return result(false, `✗ ${why}`);
  }

  const outDir = resolve(opts.outDir);
  await cleanLeftovers(outDir);
  await cleanRenderLeftovers();
  const stage = resolve(`${outDir}.staging-${process.pid}`);
  const dataStage = join(stage, 'data');
  const siteStage = join(stage, STAGED_SITE);
  await removeTree(stage);
  /** The pages' search copies, kept for the next build only if the privacy gate passes this site. */
  let searchCopies: KeptCopies | null = null;
  /** Where the downloads' parts this build makes wait until its gate passes (kept then, else removed, however the build ends). */
  const partsPending = PartCache.pendingDir();
  let data: DataHalf | null = null;
  /** The national pages' process, bundling the code while the data are made; stopped if this build renders otherwise. */
  let early: EarlyRenderer | null = null;
  /**
   * Of a --since build that will render beside one other process: the memory of its site and the
   * gate's lookups of the values, made while the data half derives the tables (makeDataApart's
   * onValues); the lookups are otherwise made when first needed (lookupsOnce). In an object:
   * assigned in a callback, which TypeScript's narrowing does not follow.
   */
  const gateEarly: { memory: Promise<GateMemory | null> | null; lookups: Promise<GateLookups> | null } = { memory: null, lookups: null };
  /** A swap that failed and could not put the previous site back whole leaves the stage, with the regions it had moved, for the next build (cleanLeftovers). */
  let keepStage = false;
  /** The data's twins, made beside the pages and the search index once the data gate has passed them (none where it refused them). */
  const dataTwins: { made: Promise<TwinnedBeside> | null } = { made: null };
  try {
    if (opts.pages !== false && !opts.shard && rendersEarly(opts.dataDir))
      early = new EarlyRenderer(nationalRenderDir(stage), renderEpoch(config.buildDate));
    lap('leftovers');
    // Validate, derive, publish: here, or in a process that ends before the pages (data-half.ts).
    // Nothing of the site is staged for an invalid export.
    const sinceKey = opts.since ? await recordKey(opts.since) : null;
    /** The code's version (codeVersion hashes the code's files): once per build. */
    const kode = codeVersion();
    const input: DataInput = {
      dataDir: opts.dataDir,
      outDir,
      dataStage,
      archiveDir: opts.archiveDir,
      shard: !!opts.shard,
      config,
      partsPending,
      since: opts.since && sinceKey ? { dir: resolve(opts.since), key: sinceKey } : undefined,
    };
    if (opts.dataApart) {
      const apart = await makeDataApart(input, join(stage, 'privat'), {
        // A --since build whose pages will render beside this process (besideOneRenderer, as far as
        // the regions whose export changed tell: a region whose export did not change is reused
        // unless what all share changed, the code or the site map) makes the gate's lookups of the values here while
        // that process derives the tables, not beside the pages, where they were five of this
        // process's seconds beside the renderer. Only for an export of about the size measured so
        // (EARLY_LOOKUPS_ROWS).
        onValues: sinceKey
          ? (take, { rows, regions, changed }) => {
              if (!besideOneRenderer(regions, changed) || rows > EARLY_LOOKUPS_ROWS) return;
              gateEarly.memory = readGateMemory(sinceKey, kode);
              // Once the national pages' renderer has bundled the code: the data half and it have both cores until then.
              const bundled = early?.bundled ?? Promise.resolve();
              gateEarly.lookups = Promise.all([gateEarly.memory, bundled]).then(([memory]) => gateLookups({ take }, memory, kode));
              gateEarly.lookups.catch(() => {}); // awaited by the gate; a failure fails the build there
            }
          : undefined,
      });
      clock.take(apart);
      dataPeak = apart.peak;
      lap('hand-over');
      data = apart;
    } else data = await makeData(input, clock);
    if (!data.ok) return result(false, data.report);
    log(data.report);
    if (data.rowsKept)
      log(
        `baris tabel per wilayah diambil dari ${opts.since} / regions' table rows taken from ${opts.since}: ${data.rowsKept.kept}, diturunkan lagi / derived again: ${data.rowsKept.derived}; ` +
          `validasi diingat, berkasnya tidak dibaca lagi / validation recalled, their files not read again: ${data.recalled ?? 0} dari / of ${data.regions.length} wilayah / regions`,
      );
    else if (data.rowsKept === null)
      log(
        `tidak ada catatan baris yang utuh untuk ${opts.since} di mesin ini; semua baris diturunkan / no whole rows record for ${opts.since} on this machine; every row derived`,
      );
    for (const note of data.notes ?? []) log(`peringatan / warning: ${note}`);
    if (data.parts)
      log(
        `bagian unduhan / download parts (Excel, paket / bundles): ${data.parts.kept} dipakai ulang / kept, ${data.parts.made} dibuat / made`,
      );
    const { regions, release, fresh, releases, previous, values } = data;
    // What this run renders: every page; a shard's regions; or, for a merge, the national pages
    // joined with the shards' (which must be of these same inputs).
    const codes = regions.map((r) => r.code);
    // A region's share of the page work, mostly its units' pages: shards and renderers are balanced by it.
    const weights = regions.map((r) => ({ code: r.code, weight: 1 + r.units }));

    const context: BuildContext = {
      rilis: release,
      sebelumnya: previous,
      tanggal: config.buildDate,
      alamat: config.siteUrl,
      kode,
    };
    // Every site records its region pages' keys, so that the next build may reuse them (--since).
    // The site map is read from the staged tables, as the pages will read it.
    process.env.KT_PUBLISHED_DIR = dataStage;
    const keys = await regionKeys(dataStage, codes, { kode: context.kode, alamat: context.alamat, peta: siteMapHash() }, release);
    let pages: PageSet = EVERY_PAGE;
    if (opts.shard) {
      const groups = shardGroups(weights, opts.shard.count);
      pages = { regions: groups[opts.shard.index - 1], national: false };
    } else if (opts.merge) {
      const problems = shardProblems(opts.merge, stamps, { ...context, regions: codes });
      if (problems.length > 0) return result(false, unmergeable(problems));
      pages = { regions: [], national: true };
    }
    const previousPages = opts.since ? await readPagesRecord(opts.since) : null;
    /**
     * What this machine remembers of that site (the gate's verdicts, its twins, its files' marks):
     * read after the pages, not held through them, unless this process works beside them (then
     * before them, or already while the data half worked: gateEarly).
     */
    let before: GateMemory | null = gateEarly.memory ? await gateEarly.memory : null;
    /** The reused files linked or to be moved, as they were when checked (copyRegions). */
    let reusedChecked: Record<string, string> = {};
    /** The reused regions left in the site this build replaces, moved into this one at the swap (none but with --since in place). */
    let moved: MovedRegions | null = null;
    /**
     * The published data's files and their gate, when judged while the pages render, with the
     * gate's lookups made then (for the rest of the site); their twins are `dataTwins`. Their paths
     * are relative to the stage, which holds the data folder as the site does once they are moved
     * in (`data/…`).
     */
    let dataGated: { files: string[]; gate: GateResult; lookups: GateLookups } | null = null;
    /** What this process did beside the renderer (a --since build's), to be said once the data's twins are done. */
    let workedBeside: EndTimes | null = null;
    const partsTwins = data.twins?.map((t) => join('data', t));
    /** The twins' entries for the gate's memory (twinEntry), and every twin's hash by its path in the site, as the twins are made. */
    const twinEntries: string[] = [];
    const twinHashes = new Map<string, string>();
    /**
     * Writes the twins of `files` (relative to `root`: the stage, whose data folder lies where the
     * site's will, or the site's stage) whose hashes are `hashes`; returns the paths of the twins
     * they end with. With the memory of the previous site, the twins this code made of the same
     * bytes are kept (a reused region's, copied with it) or taken from that site rather than made
     * again. Only once `before` is read.
     */
    const makeTwins = async (
      root: string,
      files: readonly string[],
      hashes: ReadonlyMap<string, string>,
      options: PrecompressOptions = {},
    ): Promise<Set<string>> => {
      const told = new Set<string>();
      await precompress(root, {
        previous: opts.since,
        madeHere: twinsMadeIn(before),
        onTwin: (file, twin, path, own) => {
          // The build's own (a split table's, from its parts) are written again by every build: not remembered.
          if (!own) twinEntries.push(twinEntry(file, twin));
          twinHashes.set(path, twin);
          told.add(path);
        },
        onNone: (file) => twinEntries.push(twinEntry(file, NO_TWIN)),
        // Hashed already: every file the gate judged, and in the site the twins copied with a reused region.
        hashes,
        files,
        // The split tables' gzip twins, written from their bundles' parts (bundles.ts PartsTwin).
        madeNow: partsTwins,
        ...options,
      });
      return told;
    };
    /** The gate's lookups of the values, made once for every part of the site judged apart (already while the data half worked: gateEarly). */
    const lookupsOnce = (): Promise<GateLookups> => (gateEarly.lookups ??= gateLookups({ take: values }, before, context.kode));
    const reused = opts.since ? reusableRegions(previousPages, keys) : [];
    if (reused.length > 0) pages = { regions: codes.filter((c) => !reused.includes(c)), national: true };
    if (opts.since) {
      const why = !previousPages
        ? ` (tidak ada ${PAGES_RECORD} yang bisa dipakai / no usable ${PAGES_RECORD})`
        : previousPages.bersama !== keys.bersama
          ? ' (kode, alamat situs, ambang, atau peta situs berubah / code, site address, threshold or site map changed)'
          : '';
      log(
        `halaman wilayah dipakai ulang dari ${opts.since} / region pages reused from ${opts.since}: ${reused.length} dari / of ${codes.length}${why}`,
      );
    }

    // Region, unit and service pages that would share a path: refused before any is rendered.
    const clash = opts.pages === false ? [] : samePaths(codes.flatMap(regionPageFiles));
    if (clash.length > 0) return result(false, samePathRefusal(clash));

    // The files taken from the previous output, by path, with their recorded hashes (copyRegions checks them).
    const known = new Map<string, string>();
    for (const kode of reused) for (const [rel, hash] of Object.entries(previousPages!.wilayah[kode].berkas)) known.set(rel, hash);

    let written: string[] = [];
    if (opts.pages !== false) {
      // Pages of many regions are drawn by one process per core, each a group of regions balanced as shards are; the national pages of a large site apart (render.ts).
      const toRender = weights.filter((w) => !pages.regions || pages.regions.includes(w.code));
      const groups = shardGroups(toRender, renderersFor(toRender.length));
      // The national pages of a site whose whole build would be split: in a process of their own, whatever this run renders besides.
      const nationalApart = renderersFor(codes.length) > 1;
      const n = groups.length;
      const listed = groups.map((g) => g.join(' ')).join(' | ');
      if (n > 1)
        log(
          pages.national
            ? `halaman nasional lebih dulu, dalam prosesnya sendiri; lalu halaman wilayah oleh ${n} proses / the national pages first, in a process of their own; then the regions' pages rendered by ${n} processes: ${listed}`
            : `halaman dibangun oleh ${n} proses / pages rendered by ${n} processes: ${listed}`,
        );
      else if (nationalApart && oneRenderer(pages, groups))
        log(
          listed
            ? `halaman nasional bersama halaman wilayah, dalam satu proses tersendiri / the national pages with the regions' pages, in one process of their own: ${listed}`
            : 'halaman nasional dalam prosesnya sendiri / the national pages in a process of their own',
        );
      const copyReused = () =>
        copyRegions(siteStage, opts.since!, previousPages!, reused, {
          links: resolve(opts.since!) === outDir,
          marks: before?.tanda,
          madeHere: twinsMadeIn(before),
        });
      // The published data are final once the data half is done (the pages only read them): their
      // gate, with lookups made once for the pages' too (held until then).
      const gateData = async () => {
        const files = listFiles(dataStage).map((path) => join('data', path));
        const lookups = await lookupsOnce();
        // On one thread: the renderer beside it keeps the other core (with a thread a core, the
        // pages of a 50-region --since build took 59 s, the renderer alone 34 s).
        const gate = await besidePages.timed('gate', () => gateSite(stage, lookups, { kode: context.kode, before, files, threads: 1 }));
        // Their twins too, by the hashes the gate made, one file at a time (a file's two encodings
        // on two of zlib's threads): the largest tables' are seconds of the twins' phase otherwise.
        // They go on beside the search index, and are awaited before the data move into the site.
        // Not where the gate refused them: the site will not be published.
        if (gate.leaks.length === 0) {
          // The files precompress takes (it is given no `skip` here).
          const compressed = new Set(files.filter(compressible));
          dataTwins.made = besidePages
            .timed('twins', () => makeTwins(stage, files, gate.hashes, { concurrency: 1 }))
            .then((twins) => ({ files: compressed, twins }));
          dataTwins.made.catch(() => {}); // awaited before the move; a failure fails the build there
        }
        return { files, lookups, gate };
      };
      // Every region's headlines are kept for the next build; taken from the last one only for the
      // regions whose pages this run does not render (a --since build's reused ones, a merge's).
      // What they make waits in the stage until the site is published (settleKeptHeadlines).
      const headlines: KeptHeadlines = {
        dir: keptHeadlinesDir(),
        made: join(stage, 'kop'),
        keys: keys.kunci,
        read: opts.merge ? codes : reused,
      };
      await writeFile(headlinesFile(stage), JSON.stringify(headlines));
      // Started early, the national pages' process renders them where they are rendered apart; else it is stopped.
      if (early && !(nationalApart && pages.national)) {
        await early.cancel();
        early = null;
      }
      // Rendered by one other process (oneRenderer), the pages of a --since build leave this one
      // waiting: the reused regions are proven movable at the swap, or linked, meanwhile (none of their
      // files is a rendered one, their marks read first: 'links' in the log), and the data judged,
      // then compressed (on into the search index). Not beside several renderers
      // (a build of many changed regions): the gate's lookups would be held with them.
      const meanwhile = reused.length > 0 && besideOneRenderer(codes.length, toRender.length);
      // The data's gate holds every region's private values beside that renderer: only for an
      // export of the size measured so (gateBesidePages).
      const gateMeanwhile = meanwhile && gateBesidePages(regions);
      if (meanwhile && !gateEarly.memory) before = sinceKey ? await readGateMemory(sinceKey, context.kode) : null;
      /** When the pages, and each piece of this process's work beside them, ended. */
      const besidePages = new EndTimes();
      if (meanwhile) workedBeside = besidePages;
      const [rendered, linked, gated] = await allSettledThenThrow([
        besidePages.timed('pages', () =>
          renderPagesSplit(siteStage, dataStage, pages, groups, {
            buildDate: config.buildDate,
            nationalApart,
            early,
            headlines: headlinesFile(stage),
          }),
        ),
        meanwhile ? besidePages.timed('links', copyReused) : null,
        gateMeanwhile ? gateData() : null,
      ] as const);
      early = null; // (it has ended)
      dataGated = gated;
      written = rendered.written;
      renderersPeak = rendered.peaks;
      nationalPeak = rendered.national;
      if (opts.merge) {
        const joined = await joinShards(siteStage, opts.merge, stamps as ShardStamp[]);
        if (joined.problems.length > 0) return result(false, unmergeable(joined.problems));
        // One at a time: spreading tens of thousands of paths into push() overflows the stack.
        for (const f of joined.files) written.push(f);
      }
      lap('pages');
      if (!meanwhile && !gateEarly.memory) before = sinceKey ? await readGateMemory(sinceKey, context.kode) : null;
      if (reused.length > 0) {
        // Linked only from the site this build replaces: no region file stays shared with another
        // folder (the search index's parts do stay linked with their cache: kept-indexes.ts).
        const copied = linked ?? (await copyReused());
        if (copied.problems.length > 0) {
          return result(
            false,
            `✗ Keluaran sebelumnya berubah sejak dibangun; bangun tanpa --since / the previous output changed since it was built; build without --since:\n${copied.problems.map((p) => `  - ${p}`).join('\n')}\n  dist/ lama tidak diubah / previous dist/ untouched.`,
          );
        }
        for (const f of copied.files) written.push(f);
        reusedChecked = copied.checked;
        if (copied.moved.regions.length > 0) moved = copied.moved;
        log(
          `berkas wilayah yang dipakai ulang / reused region files: ${copied.files.length} (${copied.unread} tidak dibaca lagi, tandanya sama / not read again, their marks unchanged; ` +
            `${copied.moved.regions.length} wilayah dipindah utuh saat situs ditukar / regions moved whole at the swap)`,
        );
        lap('reused-pages');
      }
      if (pages.national) {
        searchCopies = await KeptCopies.take(searchCopiesDir(), context.kode);
        const failed = await indexForSearch(siteStage, { copies: searchCopies, known, elsewhere: moved ?? undefined }).then(
          (copies) => {
            // Absent when Pagefind ran on no part (every part reused).
            if (copies.ran > 0) searchPeak = copies.peak;
            log(
              `salinan pencarian / search copies: ${copies.cut} dibuat / cut, ${copies.kept} dipakai ulang / reused; indeks dalam ${copies.parts} bagian, ${copies.reused} dipakai ulang / index in ${copies.parts} parts, ${copies.reused} reused`,
            );
            // One run holds every language of its part's pages at once: said, with why.
            if (copies.whole) log(`Pagefind: satu kali untuk semua bahasa / once for every language (${copies.whole})`);
            return null;
          },
          (e: Error) => e.message,
        );
        if (failed !== null)
          return result(
            false,
            `✗ Indeks pencarian tidak dapat dibuat / the search index could not be made:\n  ${failed}\n  dist/ lama tidak diubah / previous dist/ untouched.`,
          );
        await writeFile(join(siteStage, FEED_FILE), releaseFeed(releases, config.siteUrl));
      }
      lap('search-index');
    } else {
      await mkdir(siteStage, { recursive: true });
    }
    // The data's twins made beside the pages and the search index: done before the data move
    // (what is left of them after the search index, timed as a phase of its own).
    const twinnedBeside = dataTwins.made ? await dataTwins.made : undefined;
    if (twinnedBeside) lap('data-twins');
    // What this process did beside the renderer, and when each piece ended.
    if (workedBeside) log(`sambil halaman dibuat / beside the pages (ms): ${workedBeside.summary()}`);
    if (!opts.shard) {
      // Moved, not copied (hundreds of MB at national scale); what reads the tables from now on reads them there.
      await moveInto(dataStage, join(siteStage, 'data'));
      process.env.KT_PUBLISHED_DIR = join(siteStage, 'data');
    }

    // Every file of the site from here to the twins: the empty-file check, the gate and the twins
    // read this list instead of walking again, so nothing may write into the stage before them
    // but the host files, which are added to it.
    const staged = listFiles(siteStage);
    /** Every file the site will hold once published: the stage's and the regions moved in at the swap. */
    const published = moved ? [...staged, ...moved.files] : staged;
    // Pages written twice (Astro's own list), and files of the site whose paths differ only in case
    // (what the check before rendering could not foresee: any other file).
    const collisions = [...samePaths(written), ...samePaths(published)];
    if (collisions.length > 0) {
      return result(false, samePathRefusal(collisions));
    }

    // The moved regions' files by their known hashes (none read).
    const empty = await emptyFiles(siteStage, { files: published, known });
    lap('empty-files');
    if (empty.length > 0) {
      return result(
        false,
        `✗ Berkas kosong di situs yang dibangun; bangun ulang / empty files in the built site; build again:\n${empty.map((f) => `  - ${f}`).join('\n')}\n  dist/ lama tidak diubah / previous dist/ untouched.`,
      );
    }

    // Taken by the gate, not held here: it lets the values go once it has made its lookups.
    // The data judged while the pages rendered are not read again, nor the twins made of them then.
    const judgeRest = async (given: GateResult | null, lookups: Parameters<typeof gateSite>[1]) => {
      const judged = new Set(dataGated?.files);
      const rest = await gateSite(siteStage, lookups, {
        kode: context.kode,
        before,
        known,
        files: given ? staged.filter((f) => !judged.has(f) && !twinnedBeside?.twins.has(f)) : staged,
      });
      // Passed before: read again only for the values of regions whose values changed.
      const movedGate = moved ? await gateSite(moved.from, lookups, { kode: context.kode, before, known, files: moved.files }) : null;
      return [given, rest, movedGate].filter((g) => g !== null).reduce(joinGateResults);
    };
    // Made once where the regions to be moved are judged apart (where they lie until the swap); else
    // the gate makes them, and lets the values go before any second reading. Then let go: held by
    // no variable of this function.
    const gate = await judgeRest(
      dataGated?.gate ?? null,
      dataGated?.lookups ?? (gateEarly.lookups || moved ? await lookupsOnce() : { take: values }),
    );
    dataGated = null;
    gateEarly.lookups = null;
    const { leaks } = gate;
    lap('privacy-gate');
    if (opts.since) log(gateWords(gate.read));
    if (leaks.length > 0) {
      return result(
        false,
        `✗ Gerbang privasi menolak publikasi / privacy gate refused to publish:\n${leaks.map((l) => `  - ${l.file}: ${l.what}`).join('\n')}\n  dist/ lama tidak diubah / previous dist/ untouched.`,
      );
    }
    await searchCopies?.giveBack();
    // The downloads' parts made by this build are kept only now that its site is judged.
    await PartCache.settle(partsPending);

    // What hosts need, once the site is judged: header files, then compressed twins of its files
    // (a shard compresses its own pages; the merge checks and keeps those twins), but for those
    // of the data made beside the pages.
    if (!opts.shard) {
      await writeHostFiles(siteStage, { embedAncestors: config.embedAncestors }, published);
      for (const f of HOST_FILES) if (!staged.includes(f)) staged.push(f);
    }
    // Astro's assets are the same in every shard and in the merge, which compresses them once.
    const siteHashes = new Map([...known, ...gate.hashes]);
    await makeTwins(siteStage, staged, siteHashes, {
      skip: (path) => !!twinnedBeside?.files.has(path) || (!!opts.shard && path.startsWith(`${ASSETS_DIR}/`)),
    });
    // Every hash known of the site's files, for the pages record: the gate's and the twins'.
    for (const [path, twin] of twinHashes) siteHashes.set(path, twin);
    // The moved regions' twins, kept as they lie: what precompress would have told of them.
    for (const t of moved?.twins ?? []) twinEntries.push(t);
    gate.memory.kembar = [...new Set(twinEntries)].sort();
    lap('twins');
    let record: PagesRecord | null = null;
    if (opts.shard) {
      const bagian = `${opts.shard.index}/${opts.shard.count}`;
      // Hashes made by the gate and the twins of these very files, as for the pages record below.
      await writeStamp(siteStage, { ...context, bagian, wilayah: [...(pages.regions ?? [])] }, siteHashes);
    } else if (opts.pages !== false) {
      // Hashes made by the gate and the twins of these very files: nothing writes a region's files after them.
      record = await pagesRecord(siteStage, keys, reused.length > 0 ? previousPages! : null, siteHashes);
      await writePagesRecord(siteStage, record);
    }
    const siteKey = opts.shard ? null : await recordKey(siteStage);
    lap('pages-record');

    const old = `${stage}-old`;
    // The regions left in the site replaced are moved into this one between the two renames (a
    // journal first, for a build killed meanwhile: cleanLeftovers), once their folders are found
    // as they were walked (nothing added to them since the gate judged them). Should any step
    // fail, the previous site is put back whole and stays.
    if (moved) writeMovesJournal(stage, moved.folders);
    try {
      if (existsSync(outDir)) await rename(outDir, old);
      if (moved) {
        if (!foldersUnchanged(old, moved))
          throw new Error(
            `folder wilayah yang dipakai ulang berubah selama build / a reused region's folder changed during the build (${outDir}); bangun lagi / build again`,
          );
        moveFolders(old, siteStage, moved.folders);
      }
      await rename(siteStage, outDir);
    } catch (e) {
      try {
        moveBack(stage, old);
        if (!existsSync(outDir) && existsSync(old)) await rename(old, outDir);
      } catch (back) {
        // Left for the next build to put back (cleanLeftovers), with the stage holding the moved folders.
        keepStage = true;
        return result(
          false,
          `✗ Situs tidak bisa ditukar / the site could not be swapped: ${(e as Error).message}\n  Situs lama belum dikembalikan utuh / the previous site is not yet put back whole (${(back as Error).message}): ada di / it lies in ${old}; build berikutnya mengembalikannya / the next build puts it back.`,
        );
      }
      return result(
        false,
        `✗ Situs tidak bisa ditukar / the site could not be swapped: ${(e as Error).message}\n  dist/ lama tidak diubah / previous dist/ untouched.`,
      );
    }
    await removeTree(old);
    // What the gate passed and the twins made, for a next build over this site (a shard's pages
    // are judged again in the merge), with the marks of its region files, taken once the site
    // before is removed (which changes a linked file's mark). Never inside the site: the digests
    // are of private values. Without it the next build reads every file: a failure to keep it is
    // no failure of this build.
    const insideSite = (dir: string) => insideAny(dir, [outDir, stage]);
    if (siteKey && data.rows) {
      // Which export made each region's rows (hashes of whole private files): never inside the site either.
      if (insideSite(keptRowsDir()))
        log(
          `peringatan / warning: KT_ROWS_DIR ${resolve(keptRowsDir())} ada di dalam situs; catatan baris tidak disimpan / lies inside the site; the rows' record is not kept`,
        );
      else
        await writeRowsRecord(siteKey, data.rows).catch((e: Error) =>
          log(
            `peringatan / warning: catatan baris tidak tersimpan / the rows' record was not kept (${e.message}); build berikutnya menurunkan semua baris / the next build derives every row`,
          ),
        );
    }
    if (siteKey) {
      const dir = resolve(gateMemoryDir());
      if (insideSite(dir)) {
        log(
          `peringatan / warning: KT_GATE_DIR ${dir} ada di dalam situs; ingatan gerbang tidak disimpan / lies inside the site; the gate's memory is not kept`,
        );
      } else {
        // A file reused, and written after it was checked (in the previous site, through the link), gets none.
        if (record)
          gate.memory.tanda = await fileMarks(
            outDir,
            Object.values(record.wilayah).flatMap((w) => Object.keys(w.berkas)),
            reusedChecked,
          );
        await writeGateMemory(siteKey, gate.memory).catch((e: Error) =>
          log(
            `peringatan / warning: ingatan gerbang tidak tersimpan / the gate's memory was not kept (${e.message}); build berikutnya membaca semua berkas / the next build reads every file`,
          ),
        );
      }
    }
    // The regions' headlines this build made, kept for the next (of this site's regions only: a
    // --since build reuses them); never inside the site, and no failure of this build.
    if (opts.pages !== false) {
      const dir = keptHeadlinesDir();
      if (insideSite(dir))
        log(
          `peringatan / warning: KT_HEADLINES_DIR ${resolve(dir)} ada di dalam situs; angka utama wilayah tidak disimpan / lies inside the site; the regions' headlines are not kept`,
        );
      else
        try {
          const made = settleKeptHeadlines(join(stage, 'kop'), dir, Object.values(keys.kunci));
          log(`angka utama wilayah dibuat / regions' headlines made: ${made} (disimpan untuk build berikutnya / kept for the next build)`);
        } catch (e) {
          log(
            `peringatan / warning: angka utama wilayah tidak tersimpan / the regions' headlines were not kept (${(e as Error).message}); build berikutnya membuatnya lagi / the next build makes them again`,
          );
        }
    }
    lap('swap');
    if (opts.shard) {
      return result(
        true,
        `✓ Bagian ${opts.shard.index}/${opts.shard.count} dibangun di ${opts.outDir}, untuk --merge / shard built in ${opts.outDir}, for --merge — rilis / release ${release}; wilayah / regions: ${pages.regions?.join(', ') || '-'}`,
      );
    }
    return result(
      true,
      `✓ Situs dibangun di ${opts.outDir} / site built in ${opts.outDir} — rilis / release ${release}${fresh ? '' : ' (sudah terbit, tidak berubah / already published, unchanged)'}`,
    );
  } finally {
    await early?.cancel(); // (stopped before the stage it writes into is removed)
    await dataTwins.made?.catch(() => {}); // (ended before the stage they are written into is removed)
    await gateEarly.lookups?.catch(() => {}); // (its values read from the stage's spill file before it goes)
    await searchCopies?.discard(); // (a no-op once given back)
    await PartCache.discard(partsPending); // (none left once settled)
    await data?.close(); // the private values, unread if the build stopped before its gate
    if (!keepStage) await removeTree(stage);
  }
}

/**
 * Input rows up to which the data's privacy gate runs beside the pages' one renderer, its lookups
 * of every private value held there: measured at 50 sample regions (2.4 million rows), the build's
 * process 658 MiB and the renderer 968 MiB. At 500 (24 million) the renderer of the national pages
 * alone took 2.1–2.6 GB and the lookups about 1.5 GB, past the 4 GB budget together; between, not
 * measured, so well below: larger exports are judged after the pages, as every file was before.
 * The data's twins are made there too, a file at a time (each read whole), and on beside the
 * search index (Pagefind's two runs over a group): measured only at 50.
 */
export const GATE_BESIDE_ROWS = 8_000_000;

/**
 * Input rows up to which a --since build makes the gate's lookups while the data half derives
 * (makeDataApart's onValues): they are then held beside that process and the national pages'
 * renderer, waiting. At 50 sample regions (2.4 million rows) the three took 2,290–2,360 MiB
 * together, the lookups about 470 MiB of it; the data half grows with the rows, so not far past
 * that. Larger exports make them beside the pages (up to GATE_BESIDE_ROWS) or after them.
 */
export const EARLY_LOOKUPS_ROWS = 3_000_000;

/** The data's files whose twins were made beside the pages and the search index (relative to the site), and the twins' paths. */
interface TwinnedBeside {
  files: ReadonlySet<string>;
  twins: ReadonlySet<string>;
}

/** Where a build tells its renderers what they may keep of regions' headlines (KeptHeadlines). */
const headlinesFile = (stage: string): string => join(stage, 'kop.json');

/**
 * Whether a build of `regions` regions that renders `rendered` of them and reuses the others has
 * its pages drawn by one other process, the national pages' (they are rendered apart, and the
 * regions to render are too few to split: oneRenderer, render.ts): this process is free meanwhile
 * to link the reused regions and judge the data.
 */
export const besideOneRenderer = (regions: number, rendered: number): boolean =>
  rendered < regions && renderersFor(regions) > 1 && renderersFor(rendered) <= 1;

/** Whether an export of these regions is small enough for its data's gate to run beside the pages (GATE_BESIDE_ROWS). */
export const gateBesidePages = (regions: readonly { files: readonly { rows: number }[] }[]): boolean =>
  inputRows(regions) <= GATE_BESIDE_ROWS;

/** What the gate read in an incremental build: everything, or what it passed before only for the values that changed. */
const gateWords = ({ all, again, passed, regions, contents, pieces }: GateResult['read']): string =>
  `gerbang privasi / privacy gate: ${all} berkas dibaca / files read` +
  (contents > 0
    ? ` (${contents} isi berkas lolos sebelumnya, tidak dibaca lagi / ${contents} of their contents passed before, not read again)`
    : '') +
  (pieces > 0
    ? `; ${pieces} potongan teks panjang yang berbeda lolos sebelumnya, tidak dibaca lagi / ${pieces} distinct pieces of long texts passed before, not read again`
    : '') +
  (again > 0
    ? `; ${again} yang lolos sebelumnya dibaca lagi untuk nilai privat ${regions.join(', ')} / passed before, read again for the private values of ${regions.join(', ')}`
    : '') +
  (passed > 0 ? `; ${passed} lolos sebelumnya, nilai privat tidak berubah / passed before, private values unchanged` : '');

const samePathRefusal = (groups: readonly string[][]): string =>
  `✗ Dua halaman atau berkas akan ditulis ke alamat yang sama (huruf besar/kecil diabaikan, seperti di banyak server); beri kode unit atau layanan yang berbeda lebih dari huruf besar/kecil / two pages or files would be written to the same path (ignoring case, as many hosts do); give units or services codes that differ by more than case:\n${groups.map((g) => `  - ${g.join(' = ')}`).join('\n')}\n  dist/ lama tidak diubah / previous dist/ untouched.`;

const unmergeable = (problems: readonly string[]): string =>
  `✗ Bagian-bagian ini tidak bisa digabung / these shards cannot be merged:\n${problems.map((p) => `  - ${p}`).join('\n')}\n  dist/ lama tidak diubah / previous dist/ untouched.`;

/** A staging folder beside `dist/`: `<dist>.staging-<pid>`, or `…-old` (the previous site during the swap). */
const STAGING = /^(.+)\.staging-(\d+)(-old)?$/;

/**
 * What a killed build left beside `dist/` (its staging folders are removed only by its own
 * `finally`). A build still running keeps its own. Killed between the two renames of the swap,
 * a build leaves no `dist/` and the previous site in `…-old`: that is put back, not removed, with
 * the reused regions' folders the swap had moved out of it (moveBack).
 */
export async function cleanLeftovers(outDir: string): Promise<string[]> {
  const parent = dirname(outDir);
  if (!existsSync(parent)) return [];
  const left = (await readdir(parent)).sort().flatMap((name) => {
    const m = STAGING.exec(name);
    // This process's own pid is no build running beside it: one killed before it had the same.
    const pid = Number(m?.[2]);
    return m && m[1] === basename(outDir) && (pid === process.pid || !isRunning(pid)) ? [{ name, old: !!m[3] }] : [];
  });
  // The previous site first: the folders are moved back out of the stage before that is removed.
  for (const { name, old } of left)
    if (old && !existsSync(outDir)) {
      moveBack(join(parent, name.slice(0, -'-old'.length)), join(parent, name));
      await rename(join(parent, name), outDir);
    }
  for (const { name } of left) await removeTree(join(parent, name));
  return left.map((l) => l.name);
}
