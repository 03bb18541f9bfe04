/** Capaian kinerja (PermenPAN-RB 8/2021) and its category (Permendagri 86/2017), contract §4. */
import type { ARAH, KATEGORI_CAPAIAN, TREN } from '../contract/enums.ts';
import { CAPAIAN_GRADE } from './grades.ts';
import { roundHalfUp } from './rounding.ts';

export type Arah = (typeof ARAH)[number]['value'];
export type KategoriCapaian = (typeof KATEGORI_CAPAIAN)[number]['value'];

/** Null when realisation is not reported yet: never shown as 0. */
export function capaianOf(arah: Arah, target: number, realisasi: number | undefined | null): number | null {
  if (realisasi === undefined || realisasi === null) return null;
  const ratio = realisasi / target;
  return roundHalfUp((arah === 'naik' ? ratio : 2 - ratio) * 100, 2);
}

export function kategoriCapaian(capaian: number | null): KategoriCapaian | null {
  if (capaian === null) return null;
  if (capaian >= CAPAIAN_GRADE.sangat_tinggi) return 'sangat_tinggi';
  if (capaian >= CAPAIAN_GRADE.tinggi) return 'tinggi';
  if (capaian >= CAPAIAN_GRADE.sedang) return 'sedang';
  if (capaian >= CAPAIAN_GRADE.rendah) return 'rendah';
  return 'sangat_rendah';
}

/**
 * Whether the target was met, by direction (contract §3, iku.csv `arah`): naik when realisasi
 * ≥ target, turun when realisasi ≤ target; null when realisasi is not reported (neither met nor
 * missed). Read from target and realisasi, not from the rounded capaian, and never from the
 * kategori: 97 % is "sangat tinggi" and still a missed target.
 */
export function targetMet(arah: Arah, target: number, realisasi: number | null): boolean | null {
  if (realisasi === null) return null;
  return arah === 'naik' ? realisasi >= target : realisasi <= target;
}

export type Trend = (typeof TREN)[number]['value'];

/**
 * The realisation against the previous year's of the same indicator (previousYearKey), by
 * direction; null when either year is not reported.
 */
export function trendOf(arah: Arah, realisasi: number | null, previous: number | null): Trend | null {
  if (realisasi === null || previous === null) return null;
  if (realisasi === previous) return 'tetap';
  return (arah === 'naik' ? realisasi > previous : realisasi < previous) ? 'membaik' : 'memburuk';
}

/**
 * What makes a row the previous year of an indicator: the same unit and indicator, tahun − 1,
 * and the same direction and unit of measure (a changed arah or satuan is another measure).
 */
export const previousYearKey = (
  i: { kode_unit: string; kode_indikator: string; arah: string; satuan: string; tahun: number },
  back = 0,
): string => [i.kode_unit, i.kode_indikator, i.arah, i.satuan, i.tahun - back].join('\u0000');
