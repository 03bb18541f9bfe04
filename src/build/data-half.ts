/**
 * A build's data half: validate → derive → publish → release → Excel files and bundles, into
 * the stage's `data/` folder. In the build's process, or in one of its own that ends before the
 * pages are rendered (`dataApart`): a process keeps most of what it freed (glibc's heap), and
 * the data half of 500 regions leaves 2–3 GB of RSS, holding half a GB of live data, under the
 * pages and the privacy gate. What the rest of the build needs crosses back: the report, each
 * region's code, files and units, the releases, and the private values the gate looks for.
 */
import { existsSync } from 'node:fs';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { deserialize, serialize } from 'node:v8';
import type { SiteConfig } from '../config.ts';
import { TABLES } from '../contract/published.ts';
import type { Wilayah } from '../contract/wilayah.ts';
import { predikatLookup } from '../derive/earlier-predikat.ts';
import { deriveTables, predikatGroups } from '../derive/tables.ts';
import { writeBundles } from '../publish/bundles.ts';
import type { GateValues } from '../publish/gate-memory.ts';
import { xlsxFileName } from '../publish/download-paths.ts';
import { publishTables } from '../publish/tables.ts';
import { writeXlsx } from '../publish/xlsx.ts';
import { allSettledThenThrow } from '../publish/site-files.ts';
import { insideAny } from '../publish/kept-json.ts';
import { csvFileName } from '../queries/published-views.ts';
import { PARTITION_MANIFEST, type PartitionManifest } from '../queries/partitions.ts';
import { partCacheDir, PartCache } from '../publish/part-cache.ts';
import { codeVersion } from './shards.ts';
import { KeptRows, keptKeys, readRowsRecord, rowsKeys, rowsRecord, sameExport, type RowsRecord } from './kept-rows.ts';
import { addRelease, archivable, archivedRows, carryForward, type ReleaseMeta } from '../release/archive.ts';
import { validateExport, type FileSummary, type RegionData, type ValidatedExport } from '../validate/export.ts';
import { publicTexts } from '../validate/private-in-public.ts';
import { asRecalled, pruneMemories, recallMemory, rememberRegion, validationMemoryDir, type RegionMemory } from './validation-memory.ts';
import type { PredikatGroup } from '../derive/suppression.ts';
import { PrivateValues, type ValueList } from '../validate/private-values.ts';
import { formatReport } from '../validate/report.ts';
import { PhaseClock, type PhaseTimes } from './phase-clock.ts';
import { runChild } from './child.ts';
import { SpillFile, type Spilled } from '../read/spill-file.ts';

/** What the site's pages read: written next to the tables, published on the data-quality page. */
export const QUALITY_FILE = 'kualitas.json';

export interface DataInput {
  dataDir: string;
  /** The site this build replaces (its releases are carried forward), resolved. */
  outDir: string;
  /** The stage's data folder, made here once the export is valid. */
  dataStage: string;
  /** A previous site whose releases are carried forward too (`--arsip`). */
  archiveDir?: string;
  /** A shard's output holds pages only: no Excel files nor bundles. */
  shard: boolean;
  config: SiteConfig;
  /** Where the parts made here wait for the build's gate (PartCache.pendingDir); else a folder of this process. */
  partsPending?: string;
  /** The previous output of a --since build, resolved, and its key (its pages record's hash): regions' rows are taken from it (kept-rows.ts). */
  since?: { dir: string; key: string };
}

/** Of the export, what the rest of the build needs of a region. */
export interface RegionSummary {
  code: string;
  wilayah: Wilayah;
  files: FileSummary[];
  units: number;
}

export interface DataHalf extends PhaseTimes {
  /** The deflated parts of the downloads this build found kept, and made (part-cache.ts); none for a shard. */
  parts?: { kept: number; made: number };
  /** The gzip twins written with the bundles, from their parts (bundles.ts PartsTwin), relative to the data folder; none for a shard. */
  twins?: string[];
  /** Whether the export was valid; when not, nothing was staged and `report` says why. */
  ok: boolean;
  /** The validation report, as printed. */
  report: string;
  regions: RegionSummary[];
  /**
   * The private values, when the gate asks (after the pages, or, for its lookups, while a data
   * half apart derives the tables: makeDataApart's onValues): from a data half apart, read back
   * from its file then, and taken once (not held here after: the gate lets them go once it has
   * made its lookups).
   */
  values: () => Promise<GateValues>;
  /** Lets the values go unread (a build that stops before its gate). */
  close: () => Promise<void>;
  release: string;
  /** Whether this release is new (not one of the archive's already). */
  fresh: boolean;
  /** Every release, newest first. */
  releases: ReleaseMeta[];
  /** The release this one follows, or null. */
  previous: string | null;
  /** Which export made each region's rows, and where they lie: kept for a next build once this site is published (kept-rows.ts). */
  rows?: RowsRecord;
  /** Of a --since build, the region tables taken from the previous output, and derived; null where this machine kept no whole record of it. */
  rowsKept?: KeptRows['count'] | null;
  /** Of a --since build, the regions whose validation was recalled, not read (validation-memory.ts). */
  recalled?: number;
  /** Warnings for the build's log: what this data half could not keep for the next build. */
  notes?: string[];
}

const byCode = (a: { code: string }, b: { code: string }): number => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0);

/**
 * Keeps what validating each region read gave (validation-memory.ts), where its files were then
 * as hashed (a key in `keys`) and are plain files (a seal): the next --since build recalls it.
 * Returns why none was kept, where a memory could not be written: no failure of the build.
 */
async function rememberRegions(
  read: readonly RegionData[],
  validated: Pick<ValidatedExport, 'files' | 'regionIssues' | 'privateByRegion'>,
  { keys, seals }: { keys: ReadonlyMap<string, string>; seals: ReadonlyMap<string, Buffer> },
  site: readonly string[],
): Promise<string | null> {
  const dir = resolve(validationMemoryDir());
  // Sealed or not, an export's private values are never published.
  if (insideAny(dir, site))
    return `KT_VALID_DIR ${dir} ada di dalam situs; validasi wilayah tidak diingat / lies inside the site; the regions' validation is not kept`;
  try {
    for (const r of read) {
      const key = keys.get(r.code);
      const seal = seals.get(r.code);
      if (!key || !seal) continue;
      const memory: RegionMemory = {
        code: r.code,
        wilayah: r.wilayah,
        files: r.files,
        counts: validated.files.filter((f) => f.region === r.code),
        issues: [...(validated.regionIssues.get(r.code) ?? [])],
        values: validated.privateByRegion.get(r.code)?.lists() ?? [],
        texts: [...new Set(publicTexts([r]))],
        units: r.unit.length,
        predikat: predikatGroups(r),
      };
      await rememberRegion(memory, key, seal);
    }
    // A build's own regions are its newest memories, written or recalled (recallMemory).
    await pruneMemories(Math.max(MEMORIES_KEPT, 3 * keys.size));
    return null;
  } catch (e) {
    return `validasi wilayah tidak tersimpan / the regions' validation was not kept (${(e as Error).message}); build berikutnya membaca berkasnya lagi / the next build reads their files again`;
  }
}

/** The fewest memories kept of regions (pruneMemories): this build's, and others' of other exports (tests build many). */
const MEMORIES_KEPT = 256;

/** `get` called once (DataHalf.values: the gate takes the values and lets them go); asked again, an error. */
function givenOnce<T>(get: () => Promise<T>): () => Promise<T> {
  let taken = false;
  return async () => {
    if (taken) throw new Error('nilai privat sudah diambil / the private values were taken already');
    taken = true;
    return get();
  };
}

/** The rows of an export's input files, as validation counted them: what bounds the private values and the gate's lookups of them. */
export const inputRows = (regions: readonly { files: readonly { rows: number }[] }[]): number =>
  regions.reduce((n, r) => n + r.files.reduce((m, f) => m + f.rows, 0), 0);

/** Of a valid export, as soon as it is found valid: its input rows (inputRows), its regions, and how many of them have another export than the previous site's (all, without a record of it). */
export interface ValidFacts {
  rows: number;
  regions: number;
  changed: number;
}

/**
 * Makes `input.dataStage` when the export is valid, in this process, its phases timed on `clock`;
 * the caller removes the stage when it fails. `onValid`, told as soon as the export is found
 * valid (before the tables are derived), may take the private values then (DataHalf.values).
 */
export async function makeData(
  input: DataInput,
  clock = new PhaseClock(),
  { onValid }: { onValid?: (values: DataHalf['values'], facts: ValidFacts) => Promise<void> } = {},
): Promise<DataHalf> {
  const { config, dataStage } = input;
  // Hashed before validation reads the files, and kept only where they are then as they were:
  // a key is of the bytes its rows are made of. A shard keeps no record (its output is no site).
  const hashed = input.shard ? null : await rowsKeys(input.dataDir, config.threshold);
  const previousRows = input.since ? await readRowsRecord(input.since.key) : null;
  const kept = previousRows ? new KeptRows(join(input.since!.dir, 'data'), previousRows, hashed?.keys ?? new Map()) : null;
  try {
    // A region whose files a build validated with this code, and whose rows are all taken from the
    // previous output, is recalled (validation-memory.ts) rather than read again: its appraisal groups kept for predikat_unit.
    const groups = new Map<string, readonly PredikatGroup[]>();
    const recall =
      hashed && kept
        ? async (code: string) => {
            const key = hashed.keys.get(code);
            const seal = hashed.seals.get(code);
            const memory = key && seal ? recallMemory(key, seal, code) : null;
            if (!memory || !kept.whole(code)) return null;
            groups.set(code, memory.predikat);
            return asRecalled(memory);
          }
        : undefined;
    // The export's rows are held apart from the report: once published they are let go (`exported = []` below).
    let { regions: exported, recalled, ...validated } = await validateExport(input.dataDir, { recall });
    const keys = hashed ? keptKeys(input.dataDir, hashed) : new Map<string, string>();
    // A recalled region's files were not read after they were hashed: its memory and rows are of those bytes.
    for (const r of recalled) keys.set(r.code, hashed!.keys.get(r.code)!);
    if (kept) kept.keys = keys;
    clock.lap('validate');
    // Not held here once given.
    let held: GateValues | null = { privateValues: validated.privateValues, privateByRegion: validated.privateByRegion };
    const values = givenOnce(async () => {
      const given = held!;
      held = null;
      return given;
    });
    const close = async () => {};
    const report = formatReport(validated);
    const regions: RegionSummary[] = [
      ...exported.map((r) => ({ code: r.code, wilayah: r.wilayah, files: r.files, units: r.unit.length })),
      ...recalled.map((r) => ({ code: r.code, wilayah: r.wilayah, files: r.files, units: r.units })),
    ].sort(byCode);
    if (!validated.ok)
      return { ok: false, report, regions, values, close, release: '', fresh: false, releases: [], previous: null, ...clock.times() };
    const changed = regions.filter((r) => !sameExport(previousRows, keys, r.code)).length;
    await onValid?.(values, { rows: inputRows(regions), regions: regions.length, changed });
    await mkdir(dataStage, { recursive: true });

    // Earlier releases first: every one stays downloadable, so appraisal counts are hidden with them in view.
    const earlier = [input.archiveDir, input.outDir].filter((d): d is string => !!d && existsSync(d));
    const archived = await carryForward(dataStage, earlier);
    const earlierPredikat = predikatLookup(await archivedRows(dataStage, archived, 'predikat_unit'));
    const derive = { threshold: config.threshold, earlierPredikat };
    const { release, stretches } = await publishTables(
      kept
        ? kept.tables([...exported, ...recalled.map((r) => ({ code: r.code, predikat: groups.get(r.code)! }))].sort(byCode), derive)
        : deriveTables(exported, derive),
      regions,
      dataStage,
      config.buildDate,
      { ambang_kelompok: config.threshold },
    );
    const rows = rowsRecord(
      keys,
      stretches,
      regions.map((r) => r.code),
    );
    const fresh = !archived.some((m) => m.id === release);
    const releases = await addRelease(dataStage, release, config.buildDate, archived, earlier);
    // Excel files and newsroom bundles, dated the release's first publication: a rebuild makes the same bytes.
    const at = releases.findIndex((r) => r.id === release);
    const releaseDate = releases[at].tanggal;
    const previous = releases[at + 1]?.id ?? null;
    const licence = [...new Set(regions.map((r) => r.wilayah.lisensi))].sort().join(', ');
    clock.lap('derive+publish');
    // Remembered once the tables are published, their DuckDB closed: what remembering allocates
    // (every region's texts and values) then does not lie under derive's peak (500 regions: 3.9 → 3.5 GB).
    const notes: string[] = [];
    if (hashed) {
      const unkept = await rememberRegions(exported, validated, { keys, seals: hashed.seals }, [input.outDir, dirname(resolve(dataStage))]);
      if (unkept) notes.push(unkept);
      clock.lap('remember');
    }
    // Its tables are read no more (the Excel files, bundles and pages read the published ones):
    // let go before them (the export of 500 regions is 3.2 GB).
    exported = [];
    // A shard's pages never read the downloads (its output holds pages only): the merge makes them.
    let parts: DataHalf['parts'];
    let twins: DataHalf['twins'];
    if (!input.shard) {
      // A table split by region is written region by region, each region's rows a part kept for the next build.
      await PartCache.cleanLeftovers();
      const cache = new PartCache(partCacheDir(), input.partsPending);
      const code = codeVersion();
      const xlsx = async () => {
        const { tabel } = JSON.parse(await readFile(join(dataStage, PARTITION_MANIFEST), 'utf8')) as PartitionManifest;
        for (const table of TABLES) {
          const csv = join(dataStage, csvFileName(table));
          const files = tabel[table.name];
          const byRegion = files && { dataDir: dataStage, files, cache, code };
          if (existsSync(csv))
            await writeXlsx(table, csv, join(dataStage, xlsxFileName(table)), { release, releaseDate, licence }, { regions: byRegion });
        }
      };
      // At once: an Excel file waits on zlib's threads for much of its time, a bundle is zipped on this one.
      [, twins] = await allSettledThenThrow([
        xlsx(),
        writeBundles(
          dataStage,
          regions,
          { release, releaseDate, threshold: config.threshold, siteUrl: config.siteUrl },
          { cache, code },
          // A region's file, or a table of which no release's folder keeps a copy (the survey microdata).
          (path) => dirname(resolve(path)) !== resolve(dataStage) || !archivable(basename(path)),
        ),
      ]);
      await cache.prune();
      parts = cache.count;
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
    clock.lap('excel+bundles');
    return {
      ok: true,
      report,
      regions,
      values,
      close,
      release,
      fresh,
      releases,
      previous,
      parts,
      twins,
      rows,
      rowsKept: input.since ? (kept?.count ?? null) : undefined,
      recalled: input.since ? recalled.length : undefined,
      notes,
      ...clock.times(),
    };
  } finally {
    kept?.close();
  }
}

/** What the data half's process leaves in its answer file, and where each region's values lie in the values' file. */
type Answer = Omit<DataHalf, 'values' | 'close'> & { peak: number; written: ValuesWritten };
/** What the data half's process says once the export is valid: its private values are in the spill file, there; and what makeData's onValid is told. */
type ValuesSpilled = { nilai: ValuesWritten; fakta: ValidFacts };
const isValuesSpilled = (m: unknown): m is ValuesSpilled =>
  typeof m === 'object' && m !== null && Array.isArray((m as ValuesSpilled).nilai) && typeof (m as ValuesSpilled).fakta === 'object';
/** Or, when it failed unexpectedly, why. */
type Failure = { thrown: string };

/**
 * makeData in a process of its own (`node scripts/run.mjs data-half`), which ends before this
 * returns. Its private values wait in a spill file of this process's (made in `privateDir`, a
 * folder of the stage, and nameless at once: gone with this process, however it ends), given to
 * the child as its descriptor 4, which writes them there as soon as the export is valid and
 * says so (onValues). They are read when the gate asks, or dropped with `close`. Also returns
 * that process's peak memory (KiB).
 */
export async function makeDataApart(
  input: DataInput,
  privateDir: string,
  {
    onValues,
  }: {
    /**
     * Told, while that process goes on deriving the tables, once the export is valid: its values
     * can be taken then (`values`, the DataHalf's own, taken once) and the export's rows.
     */
    onValues?: (values: DataHalf['values'], facts: ValidFacts) => void;
  } = {},
): Promise<DataHalf & { peak: number }> {
  await mkdir(privateDir, { recursive: true, mode: 0o700 });
  const ask = join(privateDir, 'input.json');
  const answer = join(privateDir, 'answer.json');
  const spill = new SpillFile(() => privateDir);
  const close = async () => spill.close();
  /** Where the values lie in the spill file: said by that process once written (before its answer, which says it too). */
  let written: ValuesWritten | null = null;
  const values = givenOnce(async () => {
    try {
      if (!written) throw new Error('nilai privat belum ditulis / the private values were not written');
      return readValues(spill, written);
    } finally {
      await close();
    }
  });
  try {
    await writeFile(ask, JSON.stringify(input), { mode: 0o600 });
    await runChild(['data-half', ask, answer], {
      fds: [spill.fd],
      failed: (how) => `data tidak terbit / the data were not published (${how})`,
      onMessage: (m) => {
        if (!isValuesSpilled(m) || written) return;
        written = m.nilai;
        onValues?.(values, m.fakta);
      },
    });
    const got = JSON.parse(await readFile(answer, 'utf8')) as Answer | Failure;
    await rm(ask);
    await rm(answer);
    if ('thrown' in got) throw new Error(got.thrown);
    const { written: all, ...rest } = got;
    written ??= all;
    return { ...rest, values, close };
  } catch (e) {
    spill.close();
    throw e;
  }
}

/** The data half's process (scripts/data-half.ts): makeData, its answer written for makeDataApart, its values to the spill file `valuesFd`. */
export async function answerData(ask: string, answer: string, valuesFd: number): Promise<void> {
  const input = JSON.parse(await readFile(ask, 'utf8')) as DataInput;
  let out: Answer | Failure;
  try {
    const clock = new PhaseClock();
    // Written as soon as the export is valid (the gate never reads an invalid export's values), and
    // said: the build may make its lookups of them while the tables are derived here.
    let written: ValuesWritten = [];
    const { values: _taken, ...rest } = await makeData(input, clock, {
      onValid: async (values, facts) => {
        written = writeValues(SpillFile.over(valuesFd), (await values()).privateByRegion);
        clock.lap('values');
        process.send?.({ nilai: written, fakta: facts } satisfies ValuesSpilled);
      },
    });
    out = { ...rest, ...clock.times(), peak: process.resourceUsage().maxRSS, written };
  } catch (e) {
    out = { thrown: e instanceof Error ? (process.env.KT_DEBUG ? (e.stack ?? e.message) : e.message) : String(e) };
  }
  await writeFile(answer, JSON.stringify(out), { mode: 0o600 });
}

/** Where each region's private values lie in the spill file, in the order written. */
export type ValuesWritten = [code: string, at: Spilled][];

/** Each region's private values to `spill`, one record per region (v8.serialize of its lists): never one buffer for the country's millions. */
export function writeValues(spill: SpillFile, byRegion: ReadonlyMap<string, PrivateValues>): ValuesWritten {
  return [...byRegion].map(([code, pv]) => [code, spill.put(serialize(pv.lists()))]);
}

/**
 * writeValues' records read back: by region, and all of them (their lists shared), in the same
 * order; an error unless the file holds just those records.
 */
export function readValues(spill: SpillFile, written: ValuesWritten): GateValues {
  const end = written.reduce((n, [, at]) => Math.max(n, at.at + at.bytes), 0);
  if (spill.fileBytes() !== end)
    throw new Error(
      `nilai privat tidak utuh / the private values were cut short or added to (${written.length} wilayah / regions, ${end} B)`,
    );
  const privateValues = new PrivateValues();
  const privateByRegion = new Map<string, PrivateValues>();
  for (const [code, at] of written) {
    const pv = PrivateValues.fromLists(deserialize(spill.bytes(at)) as ValueList[]);
    privateByRegion.set(code, pv);
    privateValues.include(pv);
  }
  return { privateValues, privateByRegion };
}
