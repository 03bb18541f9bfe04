/**
 * A whole export folder (contract §1): one sub-folder per region, validated region by region.
 * unit.csv is read first so that every other file's kode_unit can be checked against it.
 */
import { readdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { AnyInputFile } from '../contract/input.ts';
import { INPUTS, unit as unitInput, type IkuRow, type KinerjaRow, type LaporanRow, type LayananRow, type PelatihanRow, type PengaduanRow, type SkmRow, type UnitRow } from '../contract/inputs/index.ts';
import { issue, isWarning, type Issue } from '../contract/issues.ts';
import { REGION_CODE, wilayahSchema, type Wilayah } from '../contract/wilayah.ts';
import { validateFile, type FileContext } from './file.ts';
import { DEFAULT_MIN_BYTES, warmUp, type ParallelOptions } from './parallel.ts';
import { checkPrivateInPublic } from './private-in-public.ts';
import { PrivateSearch } from './private-search.ts';
import { PrivateValues } from './private-values.ts';
import { tableFor } from './rows.ts';
import type { Table } from './table.ts';

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

export interface ExportReport {
  ok: boolean;
  errors: Issue[];
  warnings: Issue[];
}

export interface ValidatedExport extends ExportReport {
  regions: RegionData[];
  /** Every private value of the inputs: the privacy gate refuses output that contains one. */
  privateValues: PrivateValues;
  /** The same values, looked for inside text (the validator's private-in-public, the gate). */
  privateSearch: PrivateSearch;
}

export const tableKey = (file: string) => file.replace(/\.csv$/, '') as Exclude<keyof RegionData, 'code' | 'wilayah' | 'files'>;

async function readWilayah(dir: string, region: string, issues: Issue[]): Promise<Wilayah | null> {
  const at = { region, file: 'wilayah.json' };
  let raw: string;
  try {
    raw = await readFile(join(dir, 'wilayah.json'), 'utf8');
  } catch {
    issues.push(issue(at, 'constraint-error', { id: 'berkas wajib wilayah.json tidak ada di folder wilayah.', en: 'required file wilayah.json is missing from the region folder.' }));
    return null;
  }
  let json: unknown;
  try {
    json = JSON.parse(raw.replace(/^\uFEFF/, ''));
  } catch (e) {
    issues.push(issue(at, 'type-error', { id: `wilayah.json bukan JSON yang sah (${(e as Error).message}).`, en: `wilayah.json is not valid JSON (${(e as Error).message}).` }));
    return null;
  }
  const parsed = wilayahSchema.safeParse(json);
  if (parsed.success) return parsed.data;
  for (const zi of parsed.error.issues) {
    const column = zi.path.join('.') || null;
    const missing = zi.code === 'invalid_type' && (json as Record<string, unknown>)?.[String(zi.path[0])] === undefined;
    issues.push(
      issue({ ...at, column }, missing ? 'missing-column' : 'type-error', missing
        ? { id: `isian wajib "${column}" tidak ada di wilayah.json.`, en: `required key "${column}" is missing from wilayah.json.` }
        : { id: `isian "${column}" di wilayah.json tidak sah (tanggal: YYYY-MM-DD; teks tidak kosong).`, en: `key "${column}" in wilayah.json is invalid (dates: YYYY-MM-DD; non-empty text).` }),
    );
  }
  return null;
}

export interface ValidateOptions {
  /** When files are read in slices by several threads (default: files of DEFAULT_MIN_BYTES (parallel.ts) and more, on 2 cores). */
  parallel?: ParallelOptions;
}

export async function validateRegion(dir: string, region: string, issues: Issue[], privateValues: PrivateValues, opts: ValidateOptions = {}): Promise<RegionData | null> {
  const wilayah = await readWilayah(dir, region, issues);
  const entries = await readdir(dir);
  const minBytes = opts.parallel?.minBytes ?? DEFAULT_MIN_BYTES;
  for (const e of entries) if (e.toLowerCase().endsWith('.csv') && (await stat(join(dir, e))).size >= minBytes) warmUp(opts.parallel);
  const byLower = new Map(entries.map((e) => [e.toLowerCase(), e]));
  const known = new Set(INPUTS.map((i) => i.file));
  for (const e of entries) {
    if (e.toLowerCase().endsWith('.csv') && !known.has(e.toLowerCase())) {
      issues.push(issue({ region, file: e }, 'unknown-file', {
        id: `berkas "${e}" bukan berkas kontrak dan tidak dibaca. Nama yang dikenal: ${[...known].join(', ')}.`,
        en: `"${e}" is not a contract file and is not read. Known names: ${[...known].join(', ')}.`,
      }));
    }
  }
  if (!byLower.has(unitInput.file)) {
    issues.push(issue({ region, file: unitInput.file }, 'constraint-error', { id: 'berkas wajib unit.csv tidak ada: semua berkas lain merujuk ke unit.', en: 'required file unit.csv is missing: every other file refers to its units.' }));
  }
  const ctx: FileContext = { region, issues, privateValues, parallel: opts.parallel };
  const data: Partial<RegionData> = { code: region, files: [] };
  const record = (input: AnyInputFile, result: Awaited<ReturnType<typeof validateFile>> | null) => {
    (data as Record<string, unknown>)[tableKey(input.file)] = result ? result.table : tableFor(input);
    data.files!.push(result
      ? { file: input.file, present: true, rows: result.rows, used: result.table.length, delimiter: result.dialect?.delimiter ?? null }
      : { file: input.file, present: false, rows: 0, used: 0, delimiter: null });
  };
  const unitName = byLower.get(unitInput.file);
  const units = unitName ? await validateFile(join(dir, unitName), unitInput, ctx) : null;
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
      const name = byLower.get(input.file);
      if (!name) return { input, result: null, sub: null };
      const sub: FileContext = { ...ctx, issues: [], privateValues: new PrivateValues() };
      return { input, result: await validateFile(join(dir, name), input, sub), sub };
    }),
  );
  for (const { input, result, sub } of others) {
    record(input, result);
    if (!sub) continue;
    for (const i of sub.issues) issues.push(i);
    privateValues.absorb(sub.privateValues);
  }
  return wilayah ? ({ ...data, wilayah } as RegionData) : null;
}

function checkParents(units: Table<UnitRow>, region: string, issues: Issue[], codes: Set<string>) {
  for (let i = 0; i < units.length; i++) {
    const u = units.at(i);
    if (u.induk_unit !== undefined && !codes.has(u.induk_unit)) {
      issues.push(issue({ region, file: unitInput.file, row: units.fileRowOf(i), column: 'induk_unit', value: u.induk_unit }, 'foreign-key-error', {
        id: `induk_unit "${u.induk_unit}" (unit ${u.kode_unit}) tidak ada sebagai kode_unit di unit.csv.`,
        en: `induk_unit "${u.induk_unit}" (unit ${u.kode_unit}) is not a kode_unit in unit.csv.`,
      }));
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
    issues.push(issue({ region, file: unitInput.file, row, column: 'kode_unit', value: code }, 'unique-error', {
      id: `kode_unit "${code}" sama dengan "${first.code}" di baris ${first.row} bila huruf besar/kecil diabaikan; halaman keduanya akan bertabrakan. Beri setiap unit kode yang berbeda, bukan hanya beda huruf besar/kecil.`,
      en: `kode_unit "${code}" equals "${first.code}" on row ${first.row} when case is ignored; their pages would collide. Give each unit a code that differs by more than case.`,
    }));
  }
}

export async function validateExport(dataDir: string, opts: ValidateOptions = {}): Promise<ValidatedExport> {
  const issues: Issue[] = [];
  const privateValues = new PrivateValues();
  const regions: RegionData[] = [];
  let entries: string[];
  try {
    entries = (await readdir(dataDir)).sort();
  } catch {
    issues.push(issue({ region: '', file: dataDir }, 'constraint-error', { id: `folder data "${dataDir}" tidak ditemukan.`, en: `data folder "${dataDir}" not found.` }));
    entries = [];
  }
  for (const name of entries) {
    const dir = join(dataDir, name);
    if (!(await stat(dir)).isDirectory()) continue;
    if (name.startsWith('.')) continue;
    if (!REGION_CODE.test(name)) {
      issues.push(issue({ region: name, file: name }, 'constraint-error', {
        id: `nama folder wilayah "${name}" tidak sah: gunakan huruf kecil, angka dan tanda hubung (2–40 karakter), mis. "jayapura".`,
        en: `region folder name "${name}" is invalid: use lower-case letters, digits and hyphens (2–40), e.g. "jayapura".`,
      }));
      continue;
    }
    const region = await validateRegion(dir, name, issues, privateValues, opts);
    if (region) regions.push(region);
  }
  const privateSearch = PrivateSearch.of(privateValues);
  checkPrivateInPublic(regions, privateSearch, issues);
  if (entries.length > 0 && regions.length === 0 && issues.length === 0) {
    issues.push(issue({ region: '', file: dataDir }, 'constraint-error', { id: 'tidak ada folder wilayah di folder data.', en: 'no region folder in the data folder.' }));
  }
  const errors = issues.filter((i) => !isWarning(i));
  return { ok: errors.length === 0, errors, warnings: issues.filter(isWarning), regions, privateValues, privateSearch };
}
