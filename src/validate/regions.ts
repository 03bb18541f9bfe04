/**
 * A whole export folder (contract §1): one sub-folder per region, validated region by region.
 * unit.csv is read first so that every other file's kode_unit can be checked against it.
 * The folder is an ExportFolder: the disk for the CLI (export.ts), the files an officer picked
 * for the browser's checker (src/client/check/) — one implementation of the rules for both.
 */
import type { Bilingual } from '../contract/fields.ts';
import type { AnyInputFile } from '../contract/input.ts';
import {
  INPUTS,
  unit as unitInput,
  type IkuRow,
  type KinerjaRow,
  type LaporanRow,
  type LayananRow,
  type PelatihanRow,
  type PengaduanRow,
  type SkmRow,
  type UnitRow,
} from '../contract/inputs/index.ts';
import { issue, isWarning, type Issue } from '../contract/issues.ts';
import { REGION_CODE, wilayahSchema, type Wilayah } from '../contract/wilayah.ts';
import {
  badRegionName,
  isFsError,
  folderNotFile,
  hiddenRegion,
  MAX_FILE_BYTES,
  MAX_WILAYAH_BYTES,
  sameNameIgnoringCase,
  tooLarge,
  unreadable,
  wilayahTooLarge,
  type Entry,
} from './entry-words.ts';
import type { ParallelOptions } from './fast/types.ts';
import type { FileContext, FileResult } from './file-context.ts';
import { checkPrivateInPublic, publicTexts } from './private-in-public.ts';
import { PrivateSearch } from './private-search.ts';
import { PrivateValues } from './private-values.ts';
import { tableFor } from './rows.ts';
import { tableKey, type Table } from './table.ts';

export { tableKey };

export interface FileSummary {
  file: string;
  present: boolean;
  rows: number;
  used: number;
  delimiter: string | null;
}

export interface RegionData {
  code: string;
  wilayah: Wilayah;
  files: FileSummary[];
  unit: Table<UnitRow>;
  kinerja_pegawai: Table<KinerjaRow>;
  skm: Table<SkmRow>;
  iku: Table<IkuRow>;
  layanan: Table<LayananRow>;
  pengaduan: Table<PengaduanRow>;
  pelatihan: Table<PelatihanRow>;
  laporan_harian: Table<LaporanRow>;
}

/** One file's rows, for the report: every data row read is used or named by an issue. */
export interface FileCount {
  region: string;
  file: string;
  /** Data rows read (blank lines not counted). */
  rows: number;
  /** Rows that passed every rule and went into the table. */
  used: number;
}

export interface ExportReport {
  ok: boolean;
  errors: Issue[];
  warnings: Issue[];
  /** Every contract file read, also in a region whose wilayah.json is invalid. */
  files: FileCount[];
}

/**
 * A region not read again: what validating its files gave, remembered by a build that read the
 * same files with the same code (src/build/validation-memory.ts). Its tables are not held: a
 * build recalls a region only where it takes every row of it from the previous output.
 */
export interface RecalledRegion {
  code: string;
  wilayah: Wilayah;
  files: FileSummary[];
  /** Its files' rows as the report counts them. */
  counts: FileCount[];
  /** What its validation filed, in order: warnings only (a region is remembered of a valid export). */
  issues: Issue[];
  values: PrivateValues;
  /** Its public texts (publicTexts): every build searches them for every region's private values. */
  texts: string[];
  units: number;
}

export interface ValidatedExport extends ExportReport {
  /** The regions read, in folder order; with `recalled`, every valid region. */
  regions: RegionData[];
  /** The regions recalled instead of read (ValidateOptions.recall), in folder order. */
  recalled: RecalledRegion[];
  /** What each region's validation filed, in order (the cross-region check apart): what a build remembers of it. */
  regionIssues: ReadonlyMap<string, readonly Issue[]>;
  /** Every private value of the inputs: the privacy gate refuses output that contains one. */
  privateValues: PrivateValues;
  /** The same values by region folder (an incremental build's gate asks which regions' values changed). */
  privateByRegion: ReadonlyMap<string, PrivateValues>;
}

/**
 * An export folder, wherever its files are. Folders are named by their path from the export
 * folder, parts joined by "/" ('' = the export folder itself).
 */
export interface ExportFolder {
  /** Whether the export folder itself exists. */
  found(): Promise<boolean>;
  /** The names in a folder (any order); throws a file-system error when it cannot be read. */
  list(dir: string): Promise<string[]>;
  inspect(dir: string, name: string): Promise<Entry>;
  readText(dir: string, name: string): Promise<string>;
  /** One contract file, validated. */
  validate(dir: string, name: string, input: AnyInputFile, ctx: FileContext): Promise<FileResult<Record<string, unknown>>>;
  /** Told the sizes of a region's readable files before they are read (the CLI starts its threads). */
  prepare?(sizes: number[]): void;
}

async function readWilayah(
  folder: ExportFolder,
  dir: string,
  region: string,
  name: string | undefined,
  kinds: Map<string, Entry>,
  issues: Issue[],
): Promise<Wilayah | null> {
  const at = { region, file: 'wilayah.json' };
  const entry = name === undefined ? undefined : kinds.get(name);
  if (name === undefined || !entry) {
    issues.push(
      issue(at, 'constraint-error', {
        id: 'berkas wajib wilayah.json tidak ada di folder wilayah.',
        en: 'required file wilayah.json is missing from the region folder.',
      }),
    );
    return null;
  }
  if (entry.kind !== 'file' || entry.size > MAX_WILAYAH_BYTES) {
    issues.push(
      issue(
        at,
        'file-error',
        entry.kind === 'error' ? entry.msg : entry.kind === 'folder' ? folderNotFile('wilayah.json') : wilayahTooLarge(entry.size),
      ),
    );
    return null;
  }
  let raw: string;
  try {
    raw = await folder.readText(dir, name);
  } catch (e) {
    issues.push(issue(at, 'file-error', unreadable('wilayah.json', e)));
    return null;
  }
  let json: unknown;
  try {
    json = JSON.parse(raw.replace(/^\uFEFF/, ''));
  } catch (e) {
    issues.push(
      issue(at, 'type-error', {
        id: `wilayah.json bukan JSON yang sah (${(e as Error).message}).`,
        en: `wilayah.json is not valid JSON (${(e as Error).message}).`,
      }),
    );
    return null;
  }
  if (json === null || typeof json !== 'object' || Array.isArray(json)) {
    issues.push(
      issue(at, 'type-error', {
        id: 'wilayah.json harus berisi satu objek JSON: { "nama": …, "provinsi": …, "tanggal_ekspor": "YYYY-MM-DD" }.',
        en: 'wilayah.json must hold one JSON object: { "nama": …, "provinsi": …, "tanggal_ekspor": "YYYY-MM-DD" }.',
      }),
    );
    return null;
  }
  const parsed = wilayahSchema.safeParse(json);
  if (parsed.success) return parsed.data;
  for (const zi of parsed.error.issues) {
    const column = zi.path.join('.') || null;
    const missing = zi.code === 'invalid_type' && (json as Record<string, unknown>)?.[String(zi.path[0])] === undefined;
    issues.push(
      issue(
        { ...at, column },
        missing ? 'missing-column' : 'type-error',
        missing
          ? { id: `isian wajib "${column}" tidak ada di wilayah.json.`, en: `required key "${column}" is missing from wilayah.json.` }
          : {
              id: `isian "${column}" di wilayah.json tidak sah (tanggal: YYYY-MM-DD; teks tidak kosong).`,
              en: `key "${column}" in wilayah.json is invalid (dates: YYYY-MM-DD; non-empty text).`,
            },
      ),
    );
  }
  return null;
}

export interface ValidateOptions {
  /** When files are read in slices by several threads (default: files of DEFAULT_MIN_BYTES (fast/parallel.ts) and more, on 2 cores). */
  parallel?: ParallelOptions;
  /** Larger files are a file-error, not read (default MAX_FILE_BYTES; tests lower it). */
  maxFileBytes?: number;
  /** A region's remembered validation, where its files are the ones remembered (a build's --since); else null: it is read. */
  recall?: (region: string) => Promise<RecalledRegion | null>;
}

/** What every region of one export shares while it is validated. */
interface ExportContext {
  folder: ExportFolder;
  issues: Issue[];
  privateValues: PrivateValues;
  /** Each region's own private values (their lists shared with privateValues). */
  privateByRegion: Map<string, PrivateValues>;
  files: FileCount[];
  opts: ValidateOptions;
}

async function validateRegion(dir: string, region: string, ex: ExportContext): Promise<RegionData | null> {
  const { issues, opts } = ex;
  const { folder } = ex;
  const privateValues = new PrivateValues();
  ex.privateByRegion.set(region, privateValues);
  const entries = (await folder.list(dir)).sort();
  const kinds = new Map<string, Entry>();
  for (const e of entries) kinds.set(e, await folder.inspect(dir, e));
  const known = new Set(INPUTS.map((i) => i.file));
  const fileError = (file: string, msg: Bilingual) => issues.push(issue({ region, file }, 'file-error', msg));
  // Contract files by their lower-case name; a name written two ways is read in neither.
  const byLower = new Map<string, string[]>();
  for (const e of entries) {
    const lower = e.toLowerCase();
    if (lower === 'wilayah.json' || known.has(lower)) byLower.set(lower, [...(byLower.get(lower) ?? []), e]);
  }
  const wilayahNames = byLower.get('wilayah.json');
  // Two wilayah.json are reported below, and neither is read.
  const wilayah = wilayahNames && wilayahNames.length > 1 ? null : await readWilayah(folder, dir, region, wilayahNames?.[0], kinds, issues);
  const readable = new Map<string, { name: string; size: number }>();
  for (const [lower, names] of byLower) {
    if (names.length > 1) {
      fileError(names.join(' + '), sameNameIgnoringCase(names));
      continue;
    }
    if (lower === 'wilayah.json') continue;
    const entry = kinds.get(names[0])!;
    const limit = opts.maxFileBytes ?? MAX_FILE_BYTES;
    if (entry.kind === 'error') fileError(names[0], entry.msg);
    else if (entry.kind === 'folder') fileError(names[0], folderNotFile(names[0]));
    else if (entry.size > limit) fileError(names[0], tooLarge(names[0], entry.size, limit));
    else readable.set(lower, { name: names[0], size: entry.size });
  }
  folder.prepare?.([...readable.values()].map((f) => f.size));
  for (const e of entries) {
    const lower = e.toLowerCase();
    if (lower === 'wilayah.json' || known.has(lower)) continue;
    // Nothing in a region folder is passed over without a word (contract 1.1 §2).
    issues.push(
      issue({ region, file: e }, 'unknown-file', {
        id: `"${e}" bukan berkas kontrak dan tidak dibaca. Nama yang dikenal: wilayah.json, ${[...known].join(', ')}.`,
        en: `"${e}" is not a contract file and is not read. Known names: wilayah.json, ${[...known].join(', ')}.`,
      }),
    );
  }
  // A unit.csv that is there but cannot be read is already a file-error.
  if (!byLower.has(unitInput.file)) {
    issues.push(
      issue({ region, file: unitInput.file }, 'constraint-error', {
        id: 'berkas wajib unit.csv tidak ada: semua berkas lain merujuk ke unit.',
        en: 'required file unit.csv is missing: every other file refers to its units.',
      }),
    );
  }
  const ctx: FileContext = { region, issues, privateValues, parallel: opts.parallel };
  const data: Partial<RegionData> = { code: region, files: [] };
  const record = (input: AnyInputFile, result: FileResult<Record<string, unknown>> | null) => {
    (data as Record<string, unknown>)[tableKey(input.file)] = result ? result.table : tableFor(input);
    data.files!.push(
      result
        ? { file: input.file, present: true, rows: result.rows, used: result.table.length, delimiter: result.dialect?.delimiter ?? null }
        : { file: input.file, present: false, rows: 0, used: 0, delimiter: null },
    );
    if (result) ex.files.push({ region, file: input.file, rows: result.rows, used: result.table.length });
  };
  const unitName = readable.get(unitInput.file)?.name;
  const units = unitName ? await folder.validate(dir, unitName, unitInput, ctx) : null;
  record(unitInput, units);
  // An unreadable unit.csv (encoding) is already an error; without its codes the other files'
  // kode_unit cannot be checked, rather than all be reported as unknown.
  if (units && units.dialect !== null) {
    ctx.unitCodes = units.codes;
    checkParents(units.table as unknown as Table<UnitRow>, region, issues, units.codes);
    checkCodeCase(units.table as unknown as Table<UnitRow>, region, issues);
  }
  // The other files only need unit.csv: they are read at the same time (small ones streamed,
  // large ones in slices by several threads), each into its own list of issues, then reported
  // in contract order.
  const others = await Promise.all(
    INPUTS.filter((i) => i !== unitInput).map(async (input) => {
      const name = readable.get(input.file)?.name;
      if (!name) return { input, result: null, sub: null };
      const sub: FileContext = { ...ctx, issues: [], privateValues: new PrivateValues() };
      return { input, result: await folder.validate(dir, name, input, sub), sub };
    }),
  );
  for (const { input, result, sub } of others) {
    record(input, result);
    if (!sub) continue;
    for (const i of sub.issues) issues.push(i);
    privateValues.absorb(sub.privateValues);
  }
  ex.privateValues.include(privateValues);
  return wilayah ? ({ ...data, wilayah } as RegionData) : null;
}

function checkParents(units: Table<UnitRow>, region: string, issues: Issue[], codes: Set<string>) {
  for (let i = 0; i < units.length; i++) {
    const u = units.at(i);
    if (u.induk_unit !== undefined && !codes.has(u.induk_unit)) {
      issues.push(
        issue({ region, file: unitInput.file, row: units.fileRowOf(i), column: 'induk_unit', value: u.induk_unit }, 'foreign-key-error', {
          id: `induk_unit "${u.induk_unit}" (unit ${u.kode_unit}) tidak ada sebagai kode_unit di unit.csv.`,
          en: `induk_unit "${u.induk_unit}" (unit ${u.kode_unit}) is not a kode_unit in unit.csv.`,
        }),
      );
    }
  }
}

/**
 * Contract 1.1: kode_unit is unique also ignoring case. `BKPSDM` and `bkpsdm` would be one
 * folder of the site on the many hosts whose file systems ignore case, one unit's page over the other's.
 * (Exact repeats are already unique-errors, their second row not in the table.)
 */
function checkCodeCase(units: Table<UnitRow>, region: string, issues: Issue[]) {
  const firstRow = new Map<string, { code: string; row: number }>();
  const codes = units.texts('kode_unit');
  for (let i = 0; i < units.length; i++) {
    const code = codes.dict[codes.codes[i]];
    const row = units.fileRowOf(i);
    const first = firstRow.get(code.toLowerCase());
    if (!first) {
      firstRow.set(code.toLowerCase(), { code, row });
      continue;
    }
    issues.push(
      issue({ region, file: unitInput.file, row, column: 'kode_unit', value: code }, 'unique-error', {
        id: `kode_unit "${code}" sama dengan "${first.code}" di baris ${first.row} bila huruf besar/kecil diabaikan; halaman keduanya akan bertabrakan. Beri setiap unit kode yang berbeda, bukan hanya beda huruf besar/kecil.`,
        en: `kode_unit "${code}" equals "${first.code}" on row ${first.row} when case is ignored; their pages would collide. Give each unit a code that differs by more than case.`,
      }),
    );
  }
}

/** `label`: how the report names the export folder when it is missing or empty (the CLI: its path). */
export async function checkExport(folder: ExportFolder, label: string, opts: ValidateOptions = {}): Promise<ValidatedExport> {
  const issues: Issue[] = [];
  const privateValues = new PrivateValues();
  const regions: RegionData[] = [];
  const files: FileCount[] = [];
  let entries: string[];
  const found = await folder.found();
  try {
    entries = found ? (await folder.list('')).sort() : [];
  } catch {
    entries = [];
  }
  if (!found || entries.length === 0) {
    issues.push(
      issue(
        { region: '', file: label },
        'constraint-error',
        !found
          ? { id: `folder data "${label}" tidak ditemukan.`, en: `data folder "${label}" not found.` }
          : { id: `folder data "${label}" kosong atau tidak dapat dibaca.`, en: `data folder "${label}" is empty or cannot be read.` },
      ),
    );
  }
  const privateByRegion = new Map<string, PrivateValues>();
  const recalled: RecalledRegion[] = [];
  const regionIssues = new Map<string, Issue[]>();
  const ex: ExportContext = { folder, issues, privateValues, privateByRegion, files, opts };
  for (const name of entries) {
    const dir = name;
    const entry = await folder.inspect('', name);
    // A file beside the region folders (a README) is not a region; anything odd is said.
    if (entry.kind === 'file') continue;
    const problem =
      entry.kind === 'error' ? entry.msg : name.startsWith('.') ? hiddenRegion(name) : !REGION_CODE.test(name) ? badRegionName(name) : null;
    if (problem) {
      issues.push(issue({ region: '', file: name }, 'file-error', problem));
      continue;
    }
    const known = await opts.recall?.(name);
    if (known) {
      // Filed where its validation filed them: the report, and the warnings published, as a full validation's.
      for (const i of known.issues) issues.push(i);
      for (const c of known.counts) files.push(c);
      privateByRegion.set(name, known.values);
      privateValues.include(known.values);
      recalled.push(known);
      continue;
    }
    let region: RegionData | null;
    const from = issues.length;
    try {
      region = await validateRegion(dir, name, ex);
    } catch (e) {
      if (!isFsError(e)) throw e;
      issues.push(issue({ region: '', file: name }, 'file-error', unreadable(name, e)));
      continue;
    }
    regionIssues.set(name, issues.slice(from));
    if (region) regions.push(region);
  }
  // A search for the public texts alone: the million respondent ids it cannot find there are not
  // filed (the privacy gate makes its own search of every value, src/publish/privacy-gate.ts).
  const search = PrivateSearch.of(privateValues, allTexts(regions, recalled));
  // A region's value (changed since) in a recalled region's text: the whole export is read, and
  // the issue said at its file and row, as a build without memory says it. Rare: the export is refused.
  if (recalled.some((r) => r.texts.some((t) => search.find(t) !== null))) return checkExport(folder, label, { ...opts, recall: undefined });
  checkPrivateInPublic(regions, search, issues);
  if (entries.length > 0 && regions.length + recalled.length === 0 && issues.length === 0) {
    issues.push(
      issue({ region: '', file: label }, 'constraint-error', {
        id: 'tidak ada folder wilayah di folder data.',
        en: 'no region folder in the data folder.',
      }),
    );
  }
  const errors = issues.filter((i) => !isWarning(i));
  return {
    ok: errors.length === 0,
    errors,
    warnings: issues.filter(isWarning),
    files,
    regions,
    recalled,
    regionIssues,
    privateValues,
    privateByRegion,
  };
}

function* allTexts(regions: readonly RegionData[], recalled: readonly RecalledRegion[]): Generator<string> {
  yield* publicTexts(regions);
  for (const r of recalled) yield* r.texts;
}
