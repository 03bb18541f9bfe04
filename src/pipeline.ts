/**
 * The build, end to end: validate → derive → publish → render → gates (no empty file, privacy)
 * → host files (headers, precompressed twins) → swap.
 * Everything is built in a staging folder; dist/ is replaced only when all of it succeeded,
 * so a failed build leaves the previous site byte for byte as it was.
 */
import { mkdir, readdir, rename, rm, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { basename, dirname, join, relative, resolve } from 'node:path';
import { siteConfig } from './config.ts';
import { HOST_FILES, writeHostFiles } from './deploy/host-files.ts';
import { precompress } from './deploy/precompress.ts';
import { ASSETS_DIR } from './deploy/policy.ts';
import { deriveTables } from './derive/tables.ts';
import { gateMemoryDir, gateSite, readGateMemory, twinEntry, writeGateMemory, type GateResult } from './publish/gate-memory.ts';
import { emptyFiles, moveInto, samePaths, walk } from './publish/site-files.ts';
import { indexForSearch, KeptCopies, searchCopiesDir } from './publish/search-index.ts';
import { publishTables } from './publish/tables.ts';
import { validateExport } from './validate/export.ts';
import { formatReport } from './validate/report.ts';
import { addRelease, archivedRows, carryForward } from './release/archive.ts';
import { predikatLookup } from './derive/earlier-predikat.ts';
import { releaseFeed } from './release/feed.ts';
import { FEED_FILE } from './release/paths.ts';
import { TABLES } from './contract/published.ts';
import { csvFileName } from './queries/published-views.ts';
import { writeBundles } from './publish/bundles.ts';
import { writeXlsx } from './publish/xlsx.ts';
import { xlsxFileName } from './publish/download-paths.ts';
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
  pagesRecord,
  readPagesRecord,
  recordKey,
  regionKeys,
  reusableRegions,
  writePagesRecord,
} from './build/incremental.ts';
import { siteMapHash } from './site/site-map.ts';
import { regionPageFiles } from './site/page-files.ts';
import { cleanRenderLeftovers, renderersFor, renderGroups, renderPagesSplit } from './build/render.ts';
import { isRunning } from './publish/leftovers.ts';

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
}

export interface BuildResult {
  ok: boolean;
  message: string;
  timings: Record<string, number>;
  /** CPU milliseconds of each phase that finished (timings' names). */
  cpu?: Record<string, number>;
  /** The peak memory (KiB) of each page renderer besides this process (render.ts), while this one ran too. */
  renderersPeak?: number[];
  /** This process's peak memory (MiB) so far at the end of each phase that finished: where it rose is where it was reached. */
  peaks?: Record<string, number>;
}

/** What the site's pages read: written next to the tables, published on the data-quality page. */
export const QUALITY_FILE = 'kualitas.json';

export async function build(opts: BuildOptions): Promise<BuildResult> {
  const log = opts.log ?? ((l: string) => console.log(l));
  const config = siteConfig(opts.env);
  const timings: Record<string, number> = {};
  // CPU time of this process (every thread: zlib's, DuckDB's) beside the wall clock, which on a
  // shared machine measures the load as much as the build. Pagefind's own process is not in it.
  const cpu: Record<string, number> = {};
  const peaks: Record<string, number> = {};
  let t = performance.now();
  let c = process.cpuUsage();
  const lap = (name: string) => {
    const now = performance.now();
    timings[name] = Math.round(now - t);
    t = now;
    const used = process.cpuUsage(c);
    cpu[name] = Math.round((used.user + used.system) / 1000);
    c = process.cpuUsage();
    peaks[name] = Math.round(process.resourceUsage().maxRSS / 1024);
  };
  /** The build's answer, with the time and CPU of every phase that finished. */
  let renderersPeak: number[] = [];
  const result = (ok: boolean, message: string): BuildResult => ({ ok, message, timings, cpu, renderersPeak, peaks });

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

  // The export's rows are held apart from the report: once published they are let go (`exported = []` below).
  let { regions: exported, ...validated } = await validateExport(opts.dataDir);
  lap('validate');
  if (!validated.ok) return result(false, formatReport(validated));
  log(formatReport(validated));

  const outDir = resolve(opts.outDir);
  await cleanLeftovers(outDir);
  await cleanRenderLeftovers();
  const stage = resolve(`${outDir}.staging-${process.pid}`);
  const dataStage = join(stage, 'data');
  const siteStage = join(stage, 'site');
  await rm(stage, { recursive: true, force: true });
  await mkdir(dataStage, { recursive: true });
  /** The pages' search copies, kept for the next build only if the privacy gate passes this site. */
  let searchCopies: KeptCopies | null = null;
  try {
    // Earlier releases first: every one stays downloadable, so appraisal counts are hidden with them in view.
    const earlier = [opts.archiveDir, outDir].filter((d): d is string => !!d && existsSync(d));
    const archived = await carryForward(dataStage, earlier);
    const earlierPredikat = predikatLookup(await archivedRows(dataStage, archived, 'predikat_unit'));
    // Of the export, the rest of the build needs each region's code, folder, files and units' count.
    const regions = exported.map((r) => ({ code: r.code, wilayah: r.wilayah, files: r.files, units: r.unit.length }));
    const { release } = await publishTables(
      deriveTables(exported, { threshold: config.threshold, earlierPredikat }),
      regions,
      dataStage,
      config.buildDate,
      { ambang_kelompok: config.threshold },
    );
    // Its tables are read no more (the Excel files, bundles and pages read the published ones):
    // let go before them and the gate, which hold much of their own (the export of 500 regions is
    // 3.2 GB). The gate keeps what it reads, the private values.
    exported = [];
    const fresh = !archived.some((m) => m.id === release);
    const releases = await addRelease(dataStage, release, config.buildDate, archived, earlier);
    // Excel files and newsroom bundles, dated the release's first publication: a rebuild makes the same bytes.
    const at = releases.findIndex((r) => r.id === release);
    const releaseDate = releases[at].tanggal;
    const previous = releases[at + 1]?.id ?? null;
    const licence = [...new Set(regions.map((r) => r.wilayah.lisensi))].sort().join(', ');
    lap('derive+publish');
    // A shard's pages never read the downloads (its output holds pages only): the merge makes them.
    if (!opts.shard) {
      const xlsx = async () => {
        for (const table of TABLES) {
          const csv = join(dataStage, csvFileName(table));
          if (existsSync(csv)) await writeXlsx(table, csv, join(dataStage, xlsxFileName(table)), { release, releaseDate, licence });
        }
      };
      // At once: an Excel file waits on zlib's threads for much of its time, a bundle is zipped on this one.
      // Both settle before a failure is thrown, so none writes into the stage after it is removed.
      const done = await Promise.allSettled([
        xlsx(),
        writeBundles(dataStage, regions, { release, releaseDate, threshold: config.threshold, siteUrl: config.siteUrl }),
      ]);
      for (const d of done) if (d.status === 'rejected') throw d.reason;
    }
    await writeFile(
      join(dataStage, QUALITY_FILE),
      JSON.stringify(
        {
          tanggal_bangun: config.buildDate,
          ambang_kelompok: config.threshold,
          peringatan: validated.warnings,
          wilayah: regions.map((r) => ({ kode_wilayah: r.code, berkas: r.files })),
        },
        null,
        2,
      ) + '\n',
    );
    // What this run renders: every page; a shard's regions; or, for a merge, the national pages
    // joined with the shards' (which must be of these same inputs).
    const codes = regions.map((r) => r.code);
    // A region's share of the page work, mostly its units' pages: shards and renderers are balanced by it.
    const weights = regions.map((r) => ({ code: r.code, weight: 1 + r.units }));
    lap('excel+bundles');

    const context: BuildContext = {
      rilis: release,
      sebelumnya: previous,
      tanggal: config.buildDate,
      alamat: config.siteUrl,
      kode: codeVersion(),
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
      // Pages of many regions are drawn by one process per core, each a group of regions (render.ts).
      const toRender = weights.filter((w) => !pages.regions || pages.regions.includes(w.code));
      const groups = renderGroups(toRender, renderersFor(toRender.length), pages.national);
      if (groups.length > 1) {
        const named = groups.map((g, i) => [...(i === 0 && pages.national ? ['(nasional / national)'] : []), ...g].join(' '));
        log(`halaman dibangun oleh ${groups.length} proses / pages rendered by ${groups.length} processes: ${named.join(' | ')}`);
      }
      const rendered = await renderPagesSplit(siteStage, dataStage, pages, groups, { buildDate: config.buildDate });
      written = rendered.written;
      renderersPeak = rendered.peaks;
      if (opts.merge) {
        const joined = await joinShards(siteStage, opts.merge, stamps as ShardStamp[]);
        if (joined.problems.length > 0) return result(false, unmergeable(joined.problems));
        // One at a time: spreading tens of thousands of paths into push() overflows the stack.
        for (const f of joined.files) written.push(f);
      }
      lap('pages');
      if (reused.length > 0) {
        // Linked only from the site this build replaces: no file stays shared with another folder.
        const copied = await copyRegions(siteStage, opts.since!, previousPages!, reused, { links: resolve(opts.since!) === outDir });
        if (copied.problems.length > 0) {
          return result(
            false,
            `✗ Keluaran sebelumnya berubah sejak dibangun; bangun tanpa --since / the previous output changed since it was built; build without --since:\n${copied.problems.map((p) => `  - ${p}`).join('\n')}\n  dist/ lama tidak diubah / previous dist/ untouched.`,
          );
        }
        for (const f of copied.files) written.push(f);
        lap('reused-pages');
      }
      if (pages.national) {
        searchCopies = await KeptCopies.take(searchCopiesDir(), context.kode);
        const failed = await indexForSearch(siteStage, { copies: searchCopies, known }).then(
          (copies) => {
            log(`salinan pencarian / search copies: ${copies.cut} dibuat / cut, ${copies.kept} dipakai ulang / reused`);
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
    if (!opts.shard) {
      // Moved, not copied (hundreds of MB at national scale); what reads the tables from now on reads them there.
      await moveInto(dataStage, join(siteStage, 'data'));
      process.env.KT_PUBLISHED_DIR = join(siteStage, 'data');
    }

    // Every file of the site from here to the twins: the empty-file check, the gate and the twins
    // read this list instead of walking again, so nothing may write into the stage before them
    // but the host files, which are added to it.
    const staged: string[] = [];
    for await (const path of walk(siteStage)) staged.push(relative(siteStage, path));
    // Pages written twice (Astro's own list), and files of the site whose paths differ only in case
    // (what the check before rendering could not foresee: any other file).
    const collisions = [...samePaths(written), ...samePaths(staged)];
    if (collisions.length > 0) {
      return result(false, samePathRefusal(collisions));
    }

    const empty = await emptyFiles(siteStage, { files: staged, known });
    lap('empty-files');
    if (empty.length > 0) {
      return result(
        false,
        `✗ Berkas kosong di situs yang dibangun; bangun ulang / empty files in the built site; build again:\n${empty.map((f) => `  - ${f}`).join('\n')}\n  dist/ lama tidak diubah / previous dist/ untouched.`,
      );
    }

    const sinceKey = opts.since ? await recordKey(opts.since) : null;
    const before = sinceKey ? await readGateMemory(sinceKey, context.kode) : null;
    const gate = await gateSite(siteStage, validated, { kode: context.kode, before, known, files: staged });
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

    // What hosts need, once the site is judged: header files, then compressed twins of its files
    // (a shard compresses its own pages; the merge checks and keeps those twins).
    if (!opts.shard) {
      await writeHostFiles(siteStage, { embedAncestors: config.embedAncestors });
      for (const f of HOST_FILES) if (!staged.includes(f)) staged.push(f);
    }
    // Astro's assets are the same in every shard and in the merge, which compresses them once.
    // With the memory of the previous site, the twins this code made of the same bytes are kept
    // (a reused region's, copied with it) or taken from that site rather than made again.
    const madeBefore = new Set(before?.kembar ?? []);
    const twinsMade: string[] = [];
    // Every hash known of the site's files, for the pages record: the gate's, and the twins' as they are made.
    const siteHashes = new Map([...known, ...gate.hashes]);
    await precompress(siteStage, {
      skip: opts.shard ? (path) => path.startsWith(`${ASSETS_DIR}/`) : undefined,
      previous: opts.since,
      madeHere: before ? (file, twin) => madeBefore.has(twinEntry(file, twin)) : undefined,
      onTwin: (file, twin, path) => {
        twinsMade.push(twinEntry(file, twin));
        siteHashes.set(path, twin);
      },
      // Hashed already: every file the gate judged, and the twins copied with a reused region. (A
      // twin's entry, set as it is made, is read only for that twin's own file, before it is made.)
      hashes: siteHashes,
      files: staged,
    });
    gate.memory.kembar = [...new Set(twinsMade)].sort();
    lap('twins');
    if (opts.shard) {
      const bagian = `${opts.shard.index}/${opts.shard.count}`;
      // Hashes made by the gate and the twins of these very files, as for the pages record below.
      await writeStamp(siteStage, { ...context, bagian, wilayah: [...(pages.regions ?? [])] }, siteHashes);
    } else if (opts.pages !== false) {
      // Hashes made by the gate and the twins of these very files: nothing writes a region's files after them.
      await writePagesRecord(siteStage, await pagesRecord(siteStage, keys, reused.length > 0 ? previousPages! : null, siteHashes));
    }
    const siteKey = opts.shard ? null : await recordKey(siteStage);
    lap('pages-record');

    const old = `${stage}-old`;
    if (existsSync(outDir)) await rename(outDir, old);
    await rename(siteStage, outDir);
    // What the gate passed and the twins made, for a next build over this site (a shard's pages
    // are judged again in the merge). Never inside the site: the digests are of private values.
    // Without it the next build reads every file: a failure to keep it is no failure of this build.
    if (siteKey) {
      const dir = resolve(gateMemoryDir());
      if (!relative(outDir, dir).startsWith('..') || !relative(stage, dir).startsWith('..')) {
        log(
          `peringatan / warning: KT_GATE_DIR ${dir} ada di dalam situs; ingatan gerbang tidak disimpan / lies inside the site; the gate's memory is not kept`,
        );
      } else {
        await writeGateMemory(siteKey, gate.memory).catch((e: Error) =>
          log(
            `peringatan / warning: ingatan gerbang tidak tersimpan / the gate's memory was not kept (${e.message}); build berikutnya membaca semua berkas / the next build reads every file`,
          ),
        );
      }
    }
    await rm(old, { recursive: true, force: true });
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
    await searchCopies?.discard(); // (a no-op once given back)
    await rm(stage, { recursive: true, force: true });
  }
}

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
 * a build leaves no `dist/` and the previous site in `…-old`: that is put back, not removed.
 */
export async function cleanLeftovers(outDir: string): Promise<string[]> {
  const parent = dirname(outDir);
  if (!existsSync(parent)) return [];
  const removed: string[] = [];
  for (const name of (await readdir(parent)).sort()) {
    const m = STAGING.exec(name);
    if (!m || m[1] !== basename(outDir) || isRunning(Number(m[2]))) continue;
    const path = join(parent, name);
    if (m[3] && !existsSync(outDir)) await rename(path, outDir);
    else await rm(path, { recursive: true, force: true });
    removed.push(name);
  }
  return removed;
}
