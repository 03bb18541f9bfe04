/**
 * The release archive: every publication's tables stay under `data/rilis/<id>/` at stable URLs,
 * with what changed since the one before (`perubahan.csv`, `rilis.json`) and a list of all of
 * them, newest first (`data/rilis/index.json`). A build carries the archive forward from the
 * site it replaces (the same output folder) and from `--arsip DIR` (a previous site, for a CI
 * job that starts from a clean clone); a release already in the archive is kept byte for byte.
 */
import { copyFile, readdir, readFile, writeFile, mkdir } from 'node:fs/promises';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import Papa from 'papaparse';
import { TABLES, tableByName, type TableName } from '../contract/published.ts';
import { latestMonth, monthOfCells } from '../derive/periods.ts';
import { csvFileRows } from '../read/csv-pieces.ts';
import { csvFileName } from '../queries/published-views.ts';
import { PARTITION_MANIFEST, type PartitionManifest } from '../queries/partitions.ts';
import { compareReleases, revisionsCsv, type RegionPart, type TableChange } from './changes.ts';
import { RELEASES_DIR } from './paths.ts';

export const RELEASE_INDEX = 'index.json';
export const RELEASE_META = 'rilis.json';
export const CHANGES_FILE = 'perubahan.csv';

export interface ReleaseMeta {
  id: string;
  /** 1 for the first release of this archive, then one more each. */
  nomor: number;
  /** The build date of its first publication. */
  tanggal: string;
  /** The last month its monthly tables cover (`YYYY-MM`), or null. */
  data_hingga: string | null;
  /** The release it is compared with, or null for the first. */
  sebelumnya: string | null;
  tabel: TableChange[];
  /** How many headline figures were revised (their list: perubahan.csv). */
  revisi: number;
  /**
   * The data version of each region it holds, by code (src/release/identity.ts regionVersion): a
   * region's pages name this, not the release. Absent from releases made before there were any.
   */
  versi_wilayah?: Record<string, string>;
}

/** A release ID: the date of the newest export and a short hash of the inputs. */
export const RELEASE_ID = /^\d{4}-\d{2}-\d{2}-[0-9a-f]{8}$/;
const RELEASE_FILE = /\.(csv|parquet|json)$/;

/**
 * Tables a release keeps only while it is the current one. Survey microdata are k-anonymous
 * within one publication, but two of them side by side single out the responses that came in
 * between: the archive keeps the aggregates, and a release is compared with the previous
 * one's microdata only while that site is at hand (the folder it replaces, or --arsip).
 */
export const NOT_ARCHIVED: ReadonlySet<TableName> = new Set(['skm_responden']);
/** A file of a table that is not archived (NOT_ARCHIVED). */
export const notArchived = (file: string): boolean => [...NOT_ARCHIVED].some((t) => file.startsWith(`${t}.`));
/** A file of the data folder that a release's folder keeps a copy of. */
export const archivable = (file: string): boolean => RELEASE_FILE.test(file) && !notArchived(file);

/** Where a source holds its releases: a site (`<dir>/data/rilis/`) or the release folder itself. */
function releasesIn(source: string): string | null {
  for (const dir of [join(source, 'data', RELEASES_DIR), source]) if (existsSync(join(dir, RELEASE_INDEX))) return dir;
  return null;
}

/** Copies the releases of every source not yet in `dataStage/rilis/`; returns all the archive now holds. */
export async function carryForward(dataStage: string, sources: readonly string[]): Promise<ReleaseMeta[]> {
  const into = join(dataStage, RELEASES_DIR);
  await mkdir(into, { recursive: true });
  for (const source of sources) {
    const from = releasesIn(source);
    if (!from) continue;
    for (const e of await readdir(from, { withFileTypes: true })) {
      if (!e.isDirectory() || !RELEASE_ID.test(e.name) || existsSync(join(into, e.name)) || !existsSync(join(from, e.name, RELEASE_META)))
        continue;
      // The release's own files only: its page and the compressed twins are made anew by each build.
      await mkdir(join(into, e.name));
      for (const f of await readdir(join(from, e.name), { withFileTypes: true })) {
        if (f.isFile() && archivable(f.name)) await copyFile(join(from, e.name, f.name), join(into, e.name, f.name));
      }
    }
  }
  return readArchive(into);
}

/** One table of every release in `dataStage/rilis/` (carried forward), as the rows of its CSV; a release without it gives none. */
export async function archivedRows(
  dataStage: string,
  releases: readonly ReleaseMeta[],
  table: TableName,
): Promise<Record<string, string>[]> {
  const rows: Record<string, string>[] = [];
  for (const m of releases) {
    const path = join(dataStage, RELEASES_DIR, m.id, csvFileName(tableByName(table)!));
    // One at a time: a national table's rows are more than a call's arguments.
    if (existsSync(path))
      for (const row of Papa.parse<Record<string, string>>(await readFile(path, 'utf8'), { header: true, skipEmptyLines: true }).data)
        rows.push(row);
  }
  return rows;
}

async function readArchive(dir: string): Promise<ReleaseMeta[]> {
  const metas: ReleaseMeta[] = [];
  for (const e of await readdir(dir, { withFileTypes: true })) {
    if (e.isDirectory() && RELEASE_ID.test(e.name))
      metas.push(JSON.parse(await readFile(join(dir, e.name, RELEASE_META), 'utf8')) as ReleaseMeta);
  }
  return metas.sort((a, b) => b.nomor - a.nomor);
}

/** Tables of monthly rows: a release's `data_hingga` is the last month these cover. */
export const MONTHLY_TABLES = ['ketepatan_layanan', 'kepatuhan_laporan', 'pengaduan_bulanan'] as const satisfies readonly TableName[];

/**
 * The last month the monthly tables of a data folder cover, their rows read a piece at a time
 * (at 500 regions ketepatan_layanan.csv is 110 MB: whole, it would pass V8's longest string at
 * a few thousand).
 */
async function lastMonth(dataDir: string): Promise<string | null> {
  let last: string | null = null;
  for (const name of MONTHLY_TABLES) {
    const path = join(dataDir, csvFileName(tableByName(name)!));
    if (!existsSync(path)) continue;
    let at: { tahun: number; bulan: number } | null = null;
    for await (const row of csvFileRows(path)) {
      if (at === null) at = { tahun: row.indexOf('tahun'), bulan: row.indexOf('bulan') };
      else last = latestMonth([last, monthOfCells(row[at.tahun], row[at.bulan])]);
    }
  }
  return last;
}

/**
 * Adds this build's tables to the archive as release `id` (unless the archive has it already:
 * the same inputs, the same release), then writes the archive's list. Returns the list, newest first.
 */
export async function addRelease(
  dataStage: string,
  id: string,
  buildDate: string,
  archived: readonly ReleaseMeta[],
  sites: readonly string[] = [],
): Promise<ReleaseMeta[]> {
  const root = join(dataStage, RELEASES_DIR);
  let all = [...archived];
  if (!all.some((m) => m.id === id)) {
    const dir = join(root, id);
    await mkdir(dir, { recursive: true });
    const previous = all[0] ?? null;
    const read = (base: string) => (name: TableName) => {
      const p = join(base, csvFileName(TABLES.find((t) => t.name === name)!));
      return existsSync(p) ? readFileSync(p, 'utf8') : undefined;
    };
    const current = read(dataStage);
    // The previous release's microdata: from the site it was, when that site is at hand.
    const previousSite = previous && sites.find((d) => versionOf(join(d, 'data')) === previous.id);
    const before = (name: TableName) =>
      !previous
        ? undefined
        : NOT_ARCHIVED.has(name)
          ? previousSite
            ? read(join(previousSite, 'data'))(name)
            : null
          : read(join(root, previous.id))(name);
    // Split tables region by region, from the region files of this build and of the previous site (the previous release's).
    // This build's region files also count a table's rows when there is nothing to compare it with.
    const parts = { previous: previousSite ? regionParts(join(previousSite, 'data')) : () => null, current: regionParts(dataStage) };
    const { tables, revisions } = compareReleases(before, current, parts);
    for (const f of await readdir(dataStage, { withFileTypes: true })) {
      if (f.name === 'datapackage.json')
        await writeFile(join(dir, f.name), archivedPackage(await readFile(join(dataStage, f.name), 'utf8')));
      else if (f.isFile() && f.name !== 'kualitas.json' && archivable(f.name)) await copyFile(join(dataStage, f.name), join(dir, f.name));
    }
    await writeFile(join(dir, CHANGES_FILE), revisionsCsv(revisions));
    const meta: ReleaseMeta = {
      id,
      nomor: (previous?.nomor ?? 0) + 1,
      tanggal: buildDate,
      data_hingga: await lastMonth(dataStage),
      sebelumnya: previous?.id ?? null,
      tabel: tables,
      revisi: revisions.length,
      ...regionVersions(dataStage),
    };
    await writeFile(join(dir, RELEASE_META), JSON.stringify(meta, null, 2) + '\n');
    all = [meta, ...all];
  }
  await writeFile(join(root, RELEASE_INDEX), JSON.stringify({ rilis: all }, null, 2) + '\n');
  return all;
}

/**
 * A data folder's region files of a table (its partition manifest), or null when it has none
 * this build can read, or a file it lists is missing: then the table is compared whole.
 */
function regionParts(dataDir: string): (name: TableName) => RegionPart[] | null {
  let manifest: PartitionManifest | null = null;
  try {
    manifest = JSON.parse(readFileSync(join(dataDir, PARTITION_MANIFEST), 'utf8')) as PartitionManifest;
  } catch {
    // none, or not readable (an older site): every table whole
  }
  return (name) => {
    const files = manifest?.tabel?.[name];
    if (!Array.isArray(files) || !files.every((f) => existsSync(join(dataDir, f.path)))) return null;
    return files.map((f) => ({
      kode: f.kode_wilayah,
      rows: f.rows,
      sha256: f.sha256,
      text: () => readFileSync(join(dataDir, f.path), 'utf8'),
    }));
  };
}

/** The region versions of the tables being published (data/wilayah/manifest.json), when it has them. */
function regionVersions(dataStage: string): Pick<ReleaseMeta, 'versi_wilayah'> {
  const path = join(dataStage, PARTITION_MANIFEST);
  const versi = existsSync(path) ? (JSON.parse(readFileSync(path, 'utf8')) as PartitionManifest).versi : undefined;
  return versi ? { versi_wilayah: versi } : {};
}

/** The release's datapackage.json as archived: it lists only the files the archive keeps. */
function archivedPackage(text: string): string {
  const pkg = JSON.parse(text) as { resources?: { path?: string }[] };
  pkg.resources = pkg.resources?.filter((r) => archivable(r.path ?? ''));
  return JSON.stringify(pkg, null, 2) + '\n';
}

function versionOf(dataDir: string): string | undefined {
  try {
    return (JSON.parse(readFileSync(join(dataDir, 'datapackage.json'), 'utf8')) as { version?: string }).version;
  } catch {
    return undefined;
  }
}
