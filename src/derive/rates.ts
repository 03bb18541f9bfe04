/** Simple service and compliance rates (contract §4). Null when not computable, never 0. */
import { roundHalfUp } from './rounding.ts';

export const ketepatanWaktu = (tepatWaktu: number, selesai: number): number | null =>
  selesai === 0 ? null : roundHalfUp((tepatWaktu / selesai) * 100, 2);

export const kepatuhanLaporan = (laporan: number, pegawai: number, hariKerja: number): number | null =>
  pegawai * hariKerja === 0 ? null : roundHalfUp((laporan / (pegawai * hariKerja)) * 100, 2);

const DAY_MS = 86_400_000;

/** Whole days between two ISO dates (UTC, so no daylight-saving surprises). */
export const daysBetween = (fromIso: string, toIso: string): number =>
  Math.round((Date.parse(`${toIso}T00:00:00Z`) - Date.parse(`${fromIso}T00:00:00Z`)) / DAY_MS);
