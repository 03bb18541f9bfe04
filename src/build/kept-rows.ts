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
 * a hash of its whole input files, private columns included. Like the gate's memory it is a
 * statement about bytes this machine made, kept beside the code. A stretch is taken only if its
 * bytes, after the table's header, hash to the sha256 recorded (its region file's): a previous
 * output changed or damaged since gives its regions' rows derived again, never published.
 */
import { createHash } from 'node:crypto';
import { fileSha256, sha256 } from '../read/sha256.ts';
import { closeSync, fstatSync, lstatSync, openSync, readdirSync, realpathSync, statSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { TABLES, type PublishedRow, type TableName } from '../contract/published.ts';
import { REGION_CODE } from '../contract/wilayah.ts';
import { deriveTables, predikatGroups, predikatRowsOf, type DeriveOptions } from '../derive/tables.ts';
import type { PredikatGroup } from '../derive/suppression.ts';
import { csvHeader, CsvLines } from '../publish/csv.ts';
import { keepJson } from '../publish/kept-json.ts';
import type { Stretch, TableStretches } from '../publish/partitions.ts';
import { csvFileName } from '../queries/published-views.ts';
import { codeVersion } from './shards.ts';
import { readFullySync } from '../read/file-source.ts';
import { fileMark } from '../publish/file-marks.ts';

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

/** Each region folder's key, with the marks of the files it was made of (file-marks.ts). */
export interface RowsKeys {
  keys: Map<string, string>;
  /**
   * Per region, a second hash of the same bytes, never written anywhere: the key that seals what
   * a build remembers of validating them (validation-memory.ts). None where a file is a symbolic
   * link (validation judges where a link leads, not only its bytes).
   */
  seals: Map<string, Buffer>;
  /** Per region, its files' names and marks when hashed: a region whose files are others after validation loses its key (keptKeys). */
  marks: Map<string, [names: string[], marks: string[]]>;
}

/** The marks of a region folder's files, in name order, and whether any is a link; null where it cannot be read, or holds anything but files. */
function folderMarks(dir: string): { names: string[]; marks: string[]; linked: boolean } | null {
  try {
    const names = readdirSync(dir).sort();
    const marks: string[] = [];
    let linked = false;
    for (const name of names) {
      const s = statSync(join(dir, name), { bigint: true });
      if (!s.isFile()) return null;
      marks.push(fileMark(s));
      linked ||= lstatSync(join(dir, name)).isSymbolicLink();
    }
    return { names, marks, linked };
  } catch {
    return null;
  }
}

/**
 * Each region folder's key: the hash of the code, the group threshold, the region's code and
 * every file of its folder (name and bytes), everything its derived rows are made of but the
 * earlier releases (ALWAYS_DERIVED). A folder that cannot be read whole, or holds a folder, has no
 * key: its rows are derived. Validation reads the files after: keptKeys keeps the keys of the
 * regions whose files are then as they were hashed.
 */
export async function rowsKeys(dataDir: string, threshold: number, code = codeVersion()): Promise<RowsKeys> {
  const keys = new Map<string, string>();
  const seals = new Map<string, Buffer>();
  const marks: RowsKeys['marks'] = new Map();
  let regions: string[];
  let root: string;
  try {
    root = realpathSync(dataDir);
    regions = readdirSync(root).sort();
  } catch {
    return { keys, seals, marks }; // validation says why
  }
  for (const region of regions) {
    if (!REGION_CODE.test(region)) continue;
    const dir = join(root, region);
    const before = folderMarks(dir);
    if (!before) continue;
    try {
      const files: [string, string][] = [];
      for (const name of before.names) files.push([name, await fileSha256(join(dir, name))]);
      keys.set(region, sha256(JSON.stringify(['baris-1', code, threshold, region, files])));
      if (!before.linked)
        seals.set(
          region,
          createHash('sha256')
            .update(JSON.stringify(['segel-1', code, threshold, region, files]))
            .digest(),
        );
      marks.set(region, [before.names, before.marks]);
    } catch {
      // no key: derived
    }
  }
  return { keys, seals, marks };
}

/**
 * The keys of the regions whose files lie as they did when hashed (the same marks: not written,
 * replaced, added or removed since), read once validation has read them: a key is then of the
 * bytes the rows are made of. A file changed while the build read it gives its region no key.
 */
export function keptKeys(dataDir: string, { keys, marks }: RowsKeys): Map<string, string> {
  const kept = new Map<string, string>();
  let root: string;
  try {
    root = realpathSync(dataDir);
  } catch {
    return kept;
  }
  for (const [region, key] of keys) {
    const now = folderMarks(join(root, region));
    if (now && JSON.stringify([now.names, now.marks]) === JSON.stringify(marks.get(region))) kept.set(region, key);
  }
  return kept;
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
      // A region whose rows lie apart is not recorded for that table (derived again); one without rows, as having none.
      if (s !== 'apart') tabel[name] = s ?? null;
    }
    wilayah[code] = { kunci, tabel };
  }
  return { wilayah };
}

/** Named apart from the gate's memories (gate-memory.ts): one folder for both would keep the newest 32 of them together. */
const recordName = (siteKey: string): string => `${sha256(siteKey)}-baris.json`;

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** A stretch as recorded: whole numbers where a file's bytes and rows are, a hash. */
const isStretch = (s: unknown): s is Stretch =>
  isObject(s) &&
  Number.isSafeInteger(s.at) &&
  (s.at as number) >= 0 &&
  Number.isSafeInteger(s.bytes) &&
  (s.bytes as number) > 0 &&
  Number.isSafeInteger(s.rows) &&
  (s.rows as number) > 0 &&
  typeof s.sha256 === 'string';

/** The record of the site known by `siteKey` (its pages record's hash), if this machine kept one whole: else null (every row derived). */
export async function readRowsRecord(siteKey: string): Promise<RowsRecord | null> {
  try {
    const r = JSON.parse(await readFile(join(keptRowsDir(), recordName(siteKey)), 'utf8')) as unknown;
    if (!isObject(r) || !isObject(r.wilayah)) return null;
    for (const w of Object.values(r.wilayah))
      if (
        !isObject(w) ||
        typeof w.kunci !== 'string' ||
        !isObject(w.tabel) ||
        !Object.values(w.tabel).every((s) => s === null || isStretch(s))
      )
        return null;
    return r as unknown as RowsRecord;
  } catch {
    return null;
  }
}

/** Keeps `record` for the site known by `siteKey`, whole or not at all. */
export async function writeRowsRecord(siteKey: string, record: RowsRecord): Promise<void> {
  await keepJson(keptRowsDir(), recordName(siteKey), record, KEPT);
}

/** Bytes `at`…`at + length` of an open file, or null if it ends before or cannot be read there. */
function readAt(fd: number, at: number, length: number): Buffer | null {
  try {
    if (at + length > fstatSync(fd).size) return null; // (nothing allocated for a record that says more than the file holds)
    const bytes = Buffer.allocUnsafe(length);
    return readFullySync(fd, bytes, at) === length ? bytes : null;
  } catch {
    return null; // derived
  }
}

/** Whether `code`'s export folder is the one that made its rows in the site `record` is of: it has a key now (keptKeys), and the same. */
export const sameExport = (record: RowsRecord | null, keys: ReadonlyMap<string, string>, code: string): boolean => {
  const key = keys.get(code);
  return key !== undefined && record?.wilayah[code]?.kunci === key;
};

/**
 * A region whose validation a build recalled (validation-memory.ts): it holds no rows, so every
 * table but predikat_unit is taken whole from the previous output (KeptRows.whole), and
 * predikat_unit derived from its remembered groups.
 */
export interface RecalledRows {
  code: string;
  predikat: readonly PredikatGroup[];
}
type RegionRows = Parameters<typeof deriveTables>[0][number] | RecalledRows;
const isRecalled = (r: RegionRows): r is RecalledRows => 'predikat' in r;

/**
 * The published tables of a build that may take regions' rows from a previous output's tables.
 * Each previous table is opened once and read through that descriptor until `close`: a site
 * renamed over it meanwhile (another build's swap) changes nothing this build reads.
 */
export class KeptRows {
  /** Region tables taken from the previous output, and derived. */
  readonly count = { kept: 0, derived: 0 };
  readonly #fds = new Map<TableName, number | null>();
  constructor(
    /** The previous output's data folder. */
    readonly dataDir: string,
    readonly record: RowsRecord,
    /** This build's keys: rowsKeys' while the export is validated, then keptKeys' (with the recalled regions'). */
    public keys: ReadonlyMap<string, string>,
  ) {}

  /** Where `code`'s rows of `table` lie in the previous output (null: it had none); undefined where they must be derived. */
  stretch(code: string, table: TableName): Stretch | null | undefined {
    if (!sameExport(this.record, this.keys, code) || ALWAYS_DERIVED.has(table)) return undefined;
    return this.record.wilayah[code].tabel[table];
  }

  /**
   * Whether every table but predikat_unit (ALWAYS_DERIVED) can be taken for `code`: its rows
   * recorded, and their bytes in the previous output as recorded. What a region must be for its
   * validation to be recalled (it then has no rows to derive); checked again as the tables are written.
   */
  whole(code: string): boolean {
    return TABLES.every((table) => {
      if (ALWAYS_DERIVED.has(table.name)) return true;
      const s = this.stretch(code, table.name);
      if (s === null) return true;
      const fd = s && this.#fd(table);
      return typeof fd === 'number' && this.#taken(fd, table, s!) !== null;
    });
  }

  /**
   * Every table, as deriveTables gives it, each region's rows taken where they can be (a recalled
   * region's always); predikat_unit, the one table always derived, of each region's groups.
   */
  tables(regions: readonly RegionRows[], opts: DeriveOptions): Record<TableName, () => Iterable<PublishedRow | CsvLines>> {
    return Object.fromEntries(
      TABLES.map((table) => [
        table.name,
        table.name === 'predikat_unit' ? () => this.#predikat(regions, opts) : () => this.#rows(table, regions, opts),
      ]),
    ) as Record<TableName, () => Iterable<PublishedRow | CsvLines>>;
  }

  /** Closes the previous tables. */
  close(): void {
    for (const fd of this.#fds.values()) if (fd !== null) closeSync(fd);
    this.#fds.clear();
  }

  *#predikat(regions: readonly RegionRows[], opts: DeriveOptions): Iterable<PublishedRow> {
    for (const r of regions) yield* predikatRowsOf(r.code, isRecalled(r) ? r.predikat : predikatGroups(r), opts);
  }

  /** The previous table, opened when first needed; null when it cannot be. */
  #fd(table: (typeof TABLES)[number]): number | null {
    let fd = this.#fds.get(table.name);
    if (fd === undefined) {
      try {
        fd = openSync(join(this.dataDir, csvFileName(table)), 'r');
      } catch {
        fd = null;
      }
      this.#fds.set(table.name, fd);
    }
    return fd;
  }

  /** The stretch's bytes, where they hash (after the table's header) as recorded; else null. */
  #taken(fd: number, table: (typeof TABLES)[number], s: Stretch): Buffer | null {
    const bytes = readAt(fd, s.at, s.bytes);
    return bytes && createHash('sha256').update(csvHeader(table)).update(bytes).digest('hex') === s.sha256 ? bytes : null;
  }

  *#rows(table: (typeof TABLES)[number], regions: readonly RegionRows[], opts: DeriveOptions): Iterable<PublishedRow | CsvLines> {
    for (const region of regions) {
      const s = this.stretch(region.code, table.name);
      if (s === null) {
        this.count.kept++;
        continue;
      }
      const fd = s && this.#fd(table);
      const bytes = typeof fd === 'number' ? this.#taken(fd, table, s!) : null;
      if (bytes) {
        this.count.kept++;
        yield new CsvLines(bytes, s!.rows);
        continue;
      }
      if (isRecalled(region))
        // Found whole (whole()) before it was recalled, through the same descriptor: written in place since.
        throw new Error(
          `${csvFileName(table)} di ${this.dataDir} ditulis selama build; jalankan lagi / was written during the build; run it again (${region.code})`,
        );
      this.count.derived++;
      yield* deriveTables([region], opts)[table.name]();
    }
  }
}
