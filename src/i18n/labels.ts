/** Human labels for the contract's enumerations, in the reader's language. */
import type { Lang } from './lang.ts';
import {
  JENIS_UNIT,
  KATEGORI_CAPAIAN,
  KATEGORI_PELATIHAN,
  KATEGORI_PENGADUAN,
  MUTU,
  PREDIKAT,
  UNSUR,
  ALASAN_DISEMBUNYIKAN,
  ARAH,
  TERCAPAI,
  TREN,
} from '../contract/enums.ts';

interface Option {
  readonly value: string;
  readonly label: { readonly id: string; readonly en: string };
}

const label =
  (options: readonly Option[]) =>
  (value: string, lang: Lang): string =>
    options.find((o) => o.value === value)?.label[lang] ?? value;

export const jenisUnitLabel = label(JENIS_UNIT);
export const kategoriCapaianLabel = label(KATEGORI_CAPAIAN);
export const kategoriPelatihanLabel = label(KATEGORI_PELATIHAN);
export const kategoriPengaduanLabel = label(KATEGORI_PENGADUAN);
export const predikatLabel = label(PREDIKAT);
export const unsurLabel = label(UNSUR);
export const alasanLabel = label(ALASAN_DISEMBUNYIKAN);
export const arahLabel = label(ARAH);
export const tercapaiLabel = label(TERCAPAI);
export const trenLabel = label(TREN);

/** `A` → `A (Sangat Baik)` / `A (Very good)`. */
export const mutuLabel = (value: string, lang: Lang): string => (value ? `${value} (${label(MUTU)(value, lang)})` : value);

export { KATEGORI_CAPAIAN, KATEGORI_PELATIHAN, KATEGORI_PENGADUAN, PREDIKAT, UNSUR };

/** The short words a chart prints on a hidden group: "disembunyikan: kelompok kecil". */
export function hiddenShort(why: string, lang: Lang): string {
  const reason: Record<string, [string, string]> = {
    kelompok_kecil: ['kelompok kecil', 'small group'],
    sel_kecil: ['sel kecil', 'small cells'],
    pembeda: ['cegah hitung selisih', 'prevents differencing'],
  };
  const [idText, enText] = reason[why] ?? [why, why];
  return lang === 'id' ? `disembunyikan: ${idText}` : `hidden: ${enText}`;
}
