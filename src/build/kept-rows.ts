/**
 * Derived rows kept between builds (issue #13 item 4, docs/incremental.md). A `--since` build
 * takes a region's rows of a published table from the previous output's CSV, byte for byte,
 * where the region's export folder, the code and the group threshold are the ones that made
 * them, and derives the rest. Every table lists a region's rows together, in code order
 * (derive/tables.ts derives region by region), so a table is its header and its regions'
 * stretches one after another: taken or derived, the same bytes.
 *
 * Which rows came of which export is recorded on the build machine (KT_ROWS_DIR, or
 * node_modules/.cache/kinerja-terbuka/baris), by the key of the site they were published in
 * (the hash of its pages record, as for the gate's memory), never in the site: a region's key is
 * a hash of its whole input files, private columns included. A stretch is taken only if its
 * bytes, after the table's header, hash to the sha256 recorded (its region file's): whatever
 * happened to the previous output or to the record, a stretch that is not what the record says
 * is derived again, never published.
 */
import { createHash } from 'node:crypto';
import { closeSync, openSync, readdirSync, readSync, realpathSync, statSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { TABLES, type PublishedRow, type TableName } from '../contract/published.ts';
import { REGION_CODE } from '../contract/wilayah.ts';
import { deriveTables, type DeriveOptions } from '../derive/tables.ts';
import { csvHeader, CsvLines } from '../publish/csv.ts';
import { keepJson } from '../publish/kept-json.ts';
import type { Stretch, TableStretches } from '../publish/partitions.ts';
import { csvFileName } from '../queries/published-views.ts';
import { codeVersion } from './shards.ts';

/**
 * Derived again by every build: a region's predikat_unit rows depend on the rows every earlier
 * release published of its groups (derive/across-releases.ts), and a build adds a release.
 */
const ALWAYS_DERIVED: ReadonlySet<TableName> = new Set<TableName>(['predikat_unit']);

/** How many sites' records are kept (the newest; tests make many). */
const KEPT = 32;

export const keptRowsDir = (): string =>
  process.env.KT_ROWS_DIR ?? join(process.cwd(), 'node_modules', '.cache', 'kinerja-terbuka', 'baris');

/** Of a site's published tables, which export made each region's rows, and where they lie. */
export interface RowsRecord {
  /** Per region: the key of what made its rows (rowsKeys), and per table where they lie in its CSV (null: it has none). */
  wilayah: Record<string, { kunci: string; tabel: Partial<Record<TableName, Stretch | null>> }>;
}

const sha256 = (bytes: Uint8Array | string): string => createHash('sha256').update(bytes).digest('hex');

/** The sha256 of a file, read a MiB at a time. */
function fileHash(path: string): string {
  const hash = createHash('sha256');
  const buffer = Buffer.allocUnsafe(1 << 20);
  const fd = openSync(path, 'r');
  try {
    for (let n; (n = readSync(fd, buffer, 0, buffer.length, null)) > 0;) hash.update(buffer.subarray(0, n));
  } finally {
    closeSync(fd);
  }
  return hash.digest('hex');
}

/**
 * Each region folder's key: the hash of the code, the group threshold, the region's code and
 * every file of its folder (name and bytes), everything its derived rows are made of but the
 * earlier releases (ALWAYS_DERIVED). Read before the export is validated: a file changed in
 * between gives a key its rows were not made of, never rows under an older key. A folder that
 * cannot be read whole, or holds a folder, has no key: its rows are derived.
 */
export function rowsKeys(dataDir: string, threshold: number, code = codeVersion()): Map<string, string> {
  const keys = new Map<string, string>();
  let root: string;
  try {
    root = realpathSync(dataDir);
  } catch {
    return keys;
  }
  for (const region of readdirSync(root).sort()) {
    if (!REGION_CODE.test(region)) continue;
    try {
      const dir = join(root, region);
      if (!statSync(dir).isDirectory()) continue;
      const files: [string, string][] = [];
      for (const name of readdirSync(dir).sort()) {
        const path = join(dir, name);
        if (!statSync(path).isFile()) throw new Error(`${path}: not a file`);
        files.push([name, fileHash(path)]);
      }
      keys.set(region, sha256(JSON.stringify(['baris-1', code, threshold, region, files])));
    } catch {
      // no key: derived
    }
  }
  return keys;
}

/** This build's record: each region with a key, and where its rows lie in every table kept between builds. */
export function rowsRecord(keys: ReadonlyMap<string, string>, stretches: TableStretches, codes: readonly string[]): RowsRecord {
  const wilayah: RowsRecord['wilayah'] = {};
  for (const code of codes) {
    const kunci = keys.get(code);
    if (!kunci) continue;
    const tabel: RowsRecord['wilayah'][string]['tabel'] = {};
    for (const { name } of TABLES) {
      const byRegion = stretches.get(name);
      if (ALWAYS_DERIVED.has(name) || !byRegion) continue;
      const s = byRegion.get(code);
      // A region whose rows are not together (null) is not recorded for that table; none at all, as none.
      if (s !== null) tabel[name] = s ?? null;
    }
    wilayah[code] = { kunci, tabel };
  }
  return { wilayah };
}

const recordName = (siteKey: string): string => `${sha256(siteKey)}.json`;

/** The record of the site known by `siteKey` (its pages record's hash), if this machine kept one. */
export async function readRowsRecord(siteKey: string): Promise<RowsRecord | null> {
  try {
    const r = JSON.parse(await readFile(join(keptRowsDir(), recordName(siteKey)), 'utf8')) as RowsRecord;
    return typeof r?.wilayah === 'object' && r.wilayah !== null ? r : null;
  } catch {
    return null;
  }
}

/** Keeps `record` for the site known by `siteKey`, whole or not at all. */
export async function writeRowsRecord(siteKey: string, record: RowsRecord): Promise<void> {
  await keepJson(keptRowsDir(), recordName(siteKey), record, KEPT);
}

/** Bytes `at`…`at + length` of an open file, or null if it ends before. */
function readAt(fd: number, at: number, length: number): Buffer | null {
  const bytes = Buffer.allocUnsafe(length);
  let filled = 0;
  for (let n = 1; n > 0 && filled < length; filled += n) n = readSync(fd, bytes, filled, length - filled, at + filled);
  return filled === length ? bytes : null;
}

/** The published tables of a build that may take regions' rows from a previous output's tables. */
export class KeptRows {
  /** Region tables taken from the previous output, and derived. */
  readonly count = { kept: 0, derived: 0 };
  constructor(
    /** The previous output's data folder. */
    readonly dataDir: string,
    readonly record: RowsRecord,
    /** This build's keys (rowsKeys). */
    readonly keys: ReadonlyMap<string, string>,
  ) {}

  /** Where `code`'s rows of `table` lie in the previous output (null: it had none); undefined where they must be derived. */
  stretch(code: string, table: TableName): Stretch | null | undefined {
    const was = this.record.wilayah[code];
    const key = this.keys.get(code);
    if (!was || !key || was.kunci !== key || ALWAYS_DERIVED.has(table)) return undefined;
    const s = was.tabel[table];
    return s === null ? null : s && Number.isSafeInteger(s.at) && Number.isSafeInteger(s.bytes) && s.bytes > 0 ? s : undefined;
  }

  /** Every table, as deriveTables gives it, each region's rows taken where they can be. */
  tables(regions: Parameters<typeof deriveTables>[0], opts: DeriveOptions): Record<TableName, () => Iterable<PublishedRow | CsvLines>> {
    const all = deriveTables(regions, opts);
    return Object.fromEntries(
      TABLES.map((table) => [table.name, ALWAYS_DERIVED.has(table.name) ? all[table.name] : () => this.#rows(table, regions, opts)]),
    ) as Record<TableName, () => Iterable<PublishedRow | CsvLines>>;
  }

  *#rows(
    table: (typeof TABLES)[number],
    regions: Parameters<typeof deriveTables>[0],
    opts: DeriveOptions,
  ): Iterable<PublishedRow | CsvLines> {
    const header = csvHeader(table);
    /** The previous table, opened when first needed; null when it cannot be. */
    let fd: number | null | undefined;
    try {
      for (const region of regions) {
        const s = this.stretch(region.code, table.name);
        if (s === null) {
          this.count.kept++;
          continue;
        }
        if (s && fd === undefined) {
          try {
            fd = openSync(join(this.dataDir, csvFileName(table)), 'r');
          } catch {
            fd = null;
          }
        }
        const bytes = s && typeof fd === 'number' ? readAt(fd, s.at, s.bytes) : null;
        if (s && bytes && createHash('sha256').update(header).update(bytes).digest('hex') === s.sha256) {
          this.count.kept++;
          yield new CsvLines(bytes, s.rows);
          continue;
        }
        this.count.derived++;
        yield* deriveTables([region], opts)[table.name]();
      }
    } finally {
      if (typeof fd === 'number') closeSync(fd);
    }
  }
}
