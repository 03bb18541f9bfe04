/**
 * The SQL behind the unit chart a reader can filter (its indicators, by year): run by the build
 * for the static page and by DuckDB-WASM in the browser when the year changes. Pure text.
 */
import { sqlString } from './sql.ts';

export interface UnitIndicatorsChoice {
  kode: string;
  unit: string;
  /** capaian_iku.tahun as text, or '' for every year (the chart then draws the latest). */
  tahun: string;
}

/** The unit's indicators, latest year first. */
export function unitIndicatorsSql(c: UnitIndicatorsChoice): string {
  const where = [
    `kode_wilayah = ${sqlString(c.kode)}`,
    `kode_unit = ${sqlString(c.unit)}`,
    c.tahun ? `tahun = TRY_CAST(${sqlString(c.tahun)} AS BIGINT)` : '',
  ].filter(Boolean);
  return `SELECT kode_wilayah, kode_unit, tahun, kode_indikator, nama_indikator, satuan, arah, target, realisasi, capaian, kategori, tercapai, dibanding_tahun_lalu
FROM capaian_iku
WHERE ${where.join('\n  AND ')}
ORDER BY tahun DESC, kode_indikator`;
}

/** The years the unit reported indicators for, latest first. */
export const unitIndicatorYearsSql = (kode: string, unit: string): string =>
  `SELECT DISTINCT CAST(tahun AS VARCHAR) AS tahun FROM capaian_iku WHERE kode_wilayah = ${sqlString(kode)} AND kode_unit = ${sqlString(unit)} ORDER BY 1 DESC`;
