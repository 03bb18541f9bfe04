/** Every input file of the contract, in reading order (unit.csv first: the others reference it). */
import { unit } from './unit.ts';
import { kinerjaPegawai } from './kinerja_pegawai.ts';
import { skm } from './skm.ts';
import { iku } from './iku.ts';
import { layanan } from './layanan.ts';
import { pengaduan } from './pengaduan.ts';
import { pelatihan } from './pelatihan.ts';
import { laporanHarian } from './laporan_harian.ts';
import type { AnyInputFile, RowOf } from '../input.ts';

export { unit, kinerjaPegawai, skm, iku, layanan, pengaduan, pelatihan, laporanHarian };

export const INPUTS = [
  unit,
  kinerjaPegawai,
  skm,
  iku,
  layanan,
  pengaduan,
  pelatihan,
  laporanHarian,
] as const satisfies readonly AnyInputFile[];

export type UnitRow = RowOf<typeof unit>;
export type KinerjaRow = RowOf<typeof kinerjaPegawai>;
export type SkmRow = RowOf<typeof skm>;
export type IkuRow = RowOf<typeof iku>;
export type LayananRow = RowOf<typeof layanan>;
export type PengaduanRow = RowOf<typeof pengaduan>;
export type PelatihanRow = RowOf<typeof pelatihan>;
export type LaporanRow = RowOf<typeof laporanHarian>;
