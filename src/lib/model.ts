/**
 * Questions the pages ask of the published tables: which regions, which units, which services,
 * which period is the latest. Lookups and grouping only — every number still comes from a
 * published row.
 */
import type { PublishedRow, TableName } from '../contract/published.ts';
import { readPublishedJson, readTable } from './published.ts';
import type { FileSummary } from '../validate/export.ts';
import type { Issue } from '../contract/issues.ts';
import { monthOf, num, str } from './row.ts';
import { isSemester, latestPeriodOf } from '../derive/periods.ts';

export interface Region {
  kode: string;
  nama: string;
  provinsi: string;
  tanggalEkspor: string;
  sumber: string;
  lisensi: string;
  row: PublishedRow;
}

export function regions(): Region[] {
  return readTable('wilayah')
    .map((row) => ({
      kode: str(row, 'kode_wilayah'),
      nama: str(row, 'nama'),
      provinsi: str(row, 'provinsi'),
      tanggalEkspor: str(row, 'tanggal_ekspor'),
      sumber: str(row, 'sumber'),
      lisensi: str(row, 'lisensi'),
      row,
    }))
    .sort((a, b) => a.nama.localeCompare(b.nama, 'id'));
}

export const regionByCode = (kode: string): Region | undefined => regions().find((r) => r.kode === kode);

/** Rows of a table for one region (and optionally one unit). */
export function rowsOf(table: TableName, kode: string, kodeUnit?: string): PublishedRow[] {
  return readTable(table).filter((r) => r.kode_wilayah === kode && (kodeUnit === undefined || r.kode_unit === kodeUnit));
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
    .map((row) => ({ kode: str(row, 'kode_unit'), nama: str(row, 'nama_unit'), jenis: str(row, 'jenis_unit'), induk: str(row, 'induk_unit'), row }))
    .sort((a, b) => a.nama.localeCompare(b.nama, 'id'));
}

/** kode_unit → unit name, for labelling rows of the other tables. */
export function unitNames(kode: string): Map<string, string> {
  return new Map(unitsOf(kode).map((u) => [u.kode, u.nama]));
}

export interface Service {
  kode: string;
  nama: string;
  /** Units that report this service code. */
  units: string[];
}

/**
 * Services of a region. A service code may be offered by several units (every kecamatan issues
 * a KTP); the service page then compares them, which is what a citizen wants to know.
 */
export function servicesOf(kode: string, kodeUnit?: string): Service[] {
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
    .sort((a, b) => a.nama.localeCompare(b.nama, 'id'));
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
  const latest = rows.map(monthOf).sort().at(-1);
  if (!latest) return [];
  const [y, m] = latest.split('-').map(Number);
  return Array.from({ length: count }, (_, i) => {
    const d = new Date(Date.UTC(y, m - 1 - (count - 1 - i), 1));
    return `${d.getUTCFullYear()}-${String(d.getUTCMonth() + 1).padStart(2, '0')}`;
  });
}

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
