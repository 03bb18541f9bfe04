/**
 * The SQL behind the unit chart a reader can filter (its indicators, by year): run by the build
 * for the static page and by DuckDB-WASM in the browser when the year changes. Pure text.
 */
import { sqlString } from './sql.ts';
import { PREVIOUS_REALISASI, PREVIOUS_YEAR_JOIN } from './capaian-previous.ts';

export interface UnitIndicatorsChoice {
  kode: string;
  unit: string;
  /** capaian_iku.tahun as text, or '' for every year (the chart then draws the latest). */
  tahun: string;
}

/** The unit's indicators, latest year first, each with its previous year's realisation (PREVIOUS_YEAR_JOIN). */
export function unitIndicatorsSql(c: UnitIndicatorsChoice): string {
  const where = [`c.kode_wilayah = ${sqlString(c.kode)}`, `c.kode_unit = ${sqlString(c.unit)}`, c.tahun ? `c.tahun = TRY_CAST(${sqlString(c.tahun)} AS BIGINT)` : ''].filter(Boolean);
  return `SELECT c.kode_wilayah, c.kode_unit, c.tahun, c.kode_indikator, c.nama_indikator, c.satuan, c.arah, c.target, c.realisasi, c.capaian, c.kategori,
  p.realisasi AS ${PREVIOUS_REALISASI}
FROM capaian_iku AS c
${PREVIOUS_YEAR_JOIN}
WHERE ${where.join('\n  AND ')}
ORDER BY c.tahun DESC, c.kode_indikator`;
}

/** The years the unit reported indicators for, latest first. */
export const unitIndicatorYearsSql = (kode: string, unit: string): string =>
  `SELECT DISTINCT CAST(tahun AS VARCHAR) AS tahun FROM capaian_iku WHERE kode_wilayah = ${sqlString(kode)} AND kode_unit = ${sqlString(unit)} ORDER BY 1 DESC`;
