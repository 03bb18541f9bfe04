/** Predikat kinerja pegawai, PermenPAN-RB 6/2022 (contract §3, kinerja_pegawai.csv). */
import type { EKSPEKTASI, Predikat } from './enums.ts';

export type Ekspektasi = (typeof EKSPEKTASI)[number]['value'];

/** Rows: hasil kerja; columns: perilaku kerja. */
const MATRIX: Record<Ekspektasi, Record<Ekspektasi, Predikat>> = {
  di_atas: { di_bawah: 'kurang', sesuai: 'baik', di_atas: 'sangat_baik' },
  sesuai: { di_bawah: 'kurang', sesuai: 'baik', di_atas: 'baik' },
  di_bawah: { di_bawah: 'sangat_kurang', sesuai: 'butuh_perbaikan', di_atas: 'butuh_perbaikan' },
};

export const predikatOf = (hasilKerja: Ekspektasi, perilakuKerja: Ekspektasi): Predikat => MATRIX[hasilKerja][perilakuKerja];
