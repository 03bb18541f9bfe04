/**
 * Questions the pages ask of the published tables: which regions, which units, which services,
 * which period is the latest. Lookups and grouping only — every number still comes from a
 * published row.
 */
import type { PublishedRow, Row, TableName } from '../contract/published.ts';
import { memoize } from './memo.ts';
import { readPublishedJson, readRegionTable, readTable } from './published.ts';
import { installRevisionMarks } from './revised.ts';
import type { FileSummary } from '../validate/export.ts';
import type { Issue } from '../contract/issues.ts';
import { monthOf, num, str } from '../charts/row.ts';
import { isSemester, latestMonth, latestPeriodOf } from '../derive/periods.ts';

// The "direvisi" marks: every page that reads the model prints revised cells with their link.
installRevisionMarks();

export interface Region {
  kode: string;
  nama: string;
  provinsi: string;
  tanggalEkspor: string;
  sumber: string;
  lisensi: string;
  /** Where to send questions and corrections ('' when the region gave none). */
  kontak: string;
  row: PublishedRow;
}

/** Indonesian alphabetical order: how every list of regions, units and services reads. */
export const alphabetical = (a: string, b: string): number => a.localeCompare(b, 'id');
const byNama = (a: { nama: string }, b: { nama: string }): number => alphabetical(a.nama, b.nama);

export function regions(): Region[] {
  return readTable('wilayah')
    .map((row) => ({
      kode: str(row, 'kode_wilayah'),
      nama: str(row, 'nama'),
      provinsi: str(row, 'provinsi'),
      tanggalEkspor: str(row, 'tanggal_ekspor'),
      sumber: str(row, 'sumber'),
      lisensi: str(row, 'lisensi'),
      kontak: str(row, 'kontak'),
      row,
    }))
    .sort(byNama);
}

export const regionByCode = (kode: string): Region | undefined => regions().find((r) => r.kode === kode);

/** One region's rows of a table, all of them and per unit, in table order. */
interface RegionRows {
  all: PublishedRow[];
  byUnit: Map<unknown, PublishedRow[]>;
}

/** Keyed by the cached array it indexes (readTable's, readRegionTable's), so an index lives exactly as long as it. */
const indexes = new WeakMap<PublishedRow[], Map<unknown, RegionRows>>();

/** Groups a table once, on first use: a site has many pages per region, each asking for a few rows. */
function regionIndex(rows: PublishedRow[]): Map<unknown, RegionRows> {
  let index = indexes.get(rows);
  if (index) return index;
  index = new Map();
  for (const r of rows) {
    let region = index.get(r.kode_wilayah);
    if (!region) index.set(r.kode_wilayah, (region = { all: [], byUnit: new Map() }));
    region.all.push(r);
    // Region-level tables have no kode_unit: nothing to group.
    if (r.kode_unit === undefined) continue;
    const unit = region.byUnit.get(r.kode_unit);
    if (unit) unit.push(r);
    else region.byUnit.set(r.kode_unit, [r]);
  }
  indexes.set(rows, index);
  return index;
}

/** Rows of a table for one region (and optionally one unit), in table order; a fresh array the caller may sort. */
/** Whose figures a chart shows: a region's (no unit) or one of its units'. */
export interface ChartScope {
  kode: string;
  unit?: string;
}

export function rowsOf<T extends TableName>(table: T, kode: string, kodeUnit?: string): Row<T>[] {
  // A split table is read one region's file at a time, so that the pages' memory does not grow
  // with the whole table (issue #13); a table kept whole is read whole, as every page needs it.
  const region = regionIndex(readRegionTable(table, kode) ?? readTable(table)).get(kode);
  const rows = kodeUnit === undefined ? region?.all : region?.byUnit.get(kodeUnit);
  return (rows ? [...rows] : []) as Row<T>[];
}

export interface Unit {
  kode: string;
  nama: string;
  jenis: string;
  induk: string;
  row: PublishedRow;
}

export function unitsOf(kode: string): Unit[] {
  return rowsOf('unit', kode)
    .map((row) => ({
      kode: str(row, 'kode_unit'),
      nama: str(row, 'nama_unit'),
      jenis: str(row, 'jenis_unit'),
      induk: str(row, 'induk_unit'),
      row,
    }))
    .sort(byNama);
}

/** kode_unit → unit name, for labelling rows of the other tables. */
export function unitNames(kode: string): Map<string, string> {
  return new Map(unitsOf(kode).map((u) => [u.kode, u.nama]));
}

/** Rows of a unit-level table in the order of the unit list; `names` from unitNames. */
export const byUnitName =
  (names: ReadonlyMap<string, string>) =>
  (a: PublishedRow, b: PublishedRow): number =>
    alphabetical(names.get(str(a, 'kode_unit')) ?? '', names.get(str(b, 'kode_unit')) ?? '');

export interface Service {
  kode: string;
  nama: string;
  /** Units that report this service code. */
  units: string[];
}

/**
 * Services of a region. A service code may be offered by several units (every kecamatan issues
 * a KTP); the service page then compares them, which is what a citizen wants to know.
 * A region's whole list is kept (a few kilobytes): the national pages ask for every region's on
 * each of several pages, and reading the region's file again each time (its rows are kept for
 * the last few regions only) was half of their rendering at 50 regions. A copy is returned, so
 * no caller changes the one kept.
 */
export function servicesOf(kode: string, kodeUnit?: string): Service[] {
  if (kodeUnit !== undefined) return servicesIn(kode, kodeUnit);
  return regionServices(kode).map((s) => ({ ...s, units: [...s.units] }));
}

const regionServices = memoize((kode: string): Service[] => servicesIn(kode));

function servicesIn(kode: string, kodeUnit?: string): Service[] {
  const byCode = new Map<string, { names: Map<string, number>; units: Set<string> }>();
  for (const r of rowsOf('ketepatan_layanan', kode, kodeUnit)) {
    const code = str(r, 'kode_layanan');
    const s = byCode.get(code) ?? { names: new Map(), units: new Set() };
    const name = str(r, 'nama_layanan');
    s.names.set(name, (s.names.get(name) ?? 0) + 1);
    s.units.add(str(r, 'kode_unit'));
    byCode.set(code, s);
  }
  return [...byCode]
    .map(([code, s]) => ({ kode: code, nama: [...s.names].sort((a, b) => b[1] - a[1])[0][0], units: [...s.units].sort() }))
    .sort(byNama);
}

/** Sorted distinct semester periods present in the rows (`YYYY-S1`, `YYYY-S2`). */
export function semesters(rows: PublishedRow[]): string[] {
  return [...new Set(rows.map((r) => str(r, 'periode')).filter(isSemester))].sort();
}

/**
 * The period a region's headline shows: the latest semester if there is one, else the
 * latest year or whatever period the rows use (predikat may come yearly or quarterly).
 */
export function latestPeriod(rows: PublishedRow[]): string | undefined {
  return latestPeriodOf([...new Set(rows.map((r) => str(r, 'periode')))].sort());
}

export function latestYear(rows: PublishedRow[]): number | undefined {
  const years = rows.map((r) => num(r, 'tahun')).filter((y): y is number => y !== null);
  return years.length ? Math.max(...years) : undefined;
}

/**
 * The `count` calendar months ending with the latest month in the rows, oldest first. The
 * range is continuous, so a month without rows shows as a gap rather than vanishing.
 */
export function lastMonths(rows: PublishedRow[], count: number): string[] {
  const latest = latestMonth(rows.map(monthOf));
  if (!latest) return [];
  const [y, m] = latest.split('-').map(Number);
  return Array.from({ length: count }, (_, i) => {
    const d = new Date(Date.UTC(y, m - 1 - (count - 1 - i), 1));
    return `${d.getUTCFullYear()}-${String(d.getUTCMonth() + 1).padStart(2, '0')}`;
  });
}

/** The published tables a page sums over a window of months, or of a year. */
type MonthlyTable = Extract<TableName, 'pengaduan_bulanan' | 'ketepatan_layanan' | 'kepatuhan_laporan'>;
type YearlyTable = Extract<TableName, 'pelatihan_unit'>;

/**
 * The window of every statement on a region's monthly table, on the region page and on each of
 * its unit pages alike: the `count` months ending with the region's last exported month of that
 * table — the latest month in any of the region's rows of it, whichever unit it belongs to.
 * A unit's quiet months are in its window (zero complaints, or a month not reported), never
 * skipped, so the units' figures add up to the region's over the same months.
 */
export const regionMonths = (table: MonthlyTable, kode: string, count: number): string[] => [...regionWindow(table, kode, count)];
// Every unit page asks for its region's window: found once, not once a unit (a scan of every row of the region).
const regionWindow = memoize((table: MonthlyTable, kode: string, count: number): readonly string[] =>
  lastMonths(rowsOf(table, kode), count),
);

/** The year of every statement on a region's yearly table: the region's latest year in it (see regionMonths). */
export const regionYear = memoize((table: YearlyTable, kode: string): number | undefined => latestYear(rowsOf(table, kode)));

// ——— kualitas.json: what the validator saw, per region ———

export interface QualityReport {
  tanggal_bangun: string;
  ambang_kelompok: number;
  peringatan: Issue[];
  wilayah: { kode_wilayah: string; berkas: FileSummary[] }[];
}

export function quality(): QualityReport {
  return readPublishedJson<QualityReport>('kualitas.json') ?? { tanggal_bangun: '', ambang_kelompok: 10, peringatan: [], wilayah: [] };
}

/** Did the region send this input file? A missing file means "no data", never zeros. */
export function hasFile(kode: string, file: string): boolean {
  const region = quality().wilayah.find((w) => w.kode_wilayah === kode);
  // Without a quality report (e.g. `astro dev` on old tables) trust the tables themselves.
  if (!region) return true;
  return region.berkas.some((b) => b.file === file && b.present);
}
