/**
 * Table-driven files: performance indicators (iku.csv), trainings (pelatihan.csv) and
 * daily-report compliance (laporan_harian.csv). Regions state their stories as data; these
 * functions only expand them into rows.
 */
import { ARAH, KATEGORI_PELATIHAN } from '../../src/contract/enums.ts';
import { monthsOf, workingDaysOf, type Month } from './calendar.ts';
import type { Row } from './columns.ts';
import { clamp, type Rng } from './random.ts';
import { spell, type Spelling } from './spelling.ts';

export type Arah = (typeof ARAH)[number]['value'];
export type KategoriPelatihan = (typeof KATEGORI_PELATIHAN)[number]['value'];

export interface IndicatorDef {
  kode_unit: string;
  kode: string;
  nama: string;
  satuan: string;
  arah: Arah;
  program?: string;
  sasaran?: string;
  /** Year → [target, realisasi]; a null realisasi is "not reported yet" (blank, never 0). */
  nilai: Readonly<Record<number, readonly [number, number | null]>>;
}

export function generateIku(defs: readonly IndicatorDef[], spelling: Spelling, rng: Rng): Row<'iku'>[] {
  const years = [...new Set(defs.flatMap((d) => Object.keys(d.nilai).map(Number)))].sort();
  return years.flatMap((tahun) =>
    defs
      .filter((d) => d.nilai[tahun] !== undefined)
      .map((d) => ({
        kode_unit: d.kode_unit,
        tahun,
        kode_indikator: d.kode,
        nama_indikator: d.nama,
        satuan: d.satuan,
        arah: spell(ARAH, d.arah, spelling, rng),
        target: d.nilai[tahun][0],
        realisasi: d.nilai[tahun][1] ?? undefined,
        program: d.program,
        sasaran: d.sasaran,
      })),
  );
}

export interface TrainingDef {
  nama: string;
  kategori: KategoriPelatihan;
  /** Hours (JP) per participant. */
  jp: number;
  units: readonly string[];
  tahun: readonly number[];
  /** Range of participants per unit and year. */
  peserta: readonly [number, number];
}

export function generatePelatihan(defs: readonly TrainingDef[], spelling: Spelling, rng: Rng): Row<'pelatihan'>[] {
  const rows: Row<'pelatihan'>[] = [];
  for (const tahun of [...new Set(defs.flatMap((d) => d.tahun))].sort()) {
    for (const d of defs.filter((t) => t.tahun.includes(tahun))) {
      for (const kode_unit of d.units) {
        rows.push({
          kode_unit,
          tahun,
          nama_pelatihan: d.nama,
          kategori: spell(KATEGORI_PELATIHAN, d.kategori, spelling, rng),
          peserta: rng.int(d.peserta[0], d.peserta[1]),
          jam_pelajaran: d.jp,
        });
      }
    }
  }
  return rows;
}

export interface ReportPlan {
  /** Employees obliged to report, per unit and month. */
  pegawai: Readonly<Record<string, (m: Month) => number>>;
  /** Expected share of the possible daily reports actually filed, 0–1. */
  kepatuhan: (m: Month, kode_unit: string) => number;
}

export function generateLaporan(plan: ReportPlan, rng: Rng): Row<'laporan_harian'>[] {
  const rows: Row<'laporan_harian'>[] = [];
  for (const m of monthsOf()) {
    const hari_kerja = workingDaysOf(m.tahun, m.bulan).length;
    for (const [kode_unit, pegawaiOf] of Object.entries(plan.pegawai)) {
      const pegawai = pegawaiOf(m);
      if (pegawai <= 0) continue;
      const possible = pegawai * hari_kerja;
      const share = clamp(rng.normal(plan.kepatuhan(m, kode_unit), 0.025), 0, 1);
      rows.push({
        kode_unit,
        tahun: m.tahun,
        bulan: m.bulan,
        pegawai,
        hari_kerja,
        laporan: Math.min(possible, Math.round(possible * share)),
      });
    }
  }
  return rows;
}
