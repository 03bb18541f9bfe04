/**
 * The SQL behind the region charts a reader can filter: (choice) → SQL text over the published
 * views. The build runs it with node DuckDB for the static page (src/site/region-charts.ts); the
 * browser runs the very same text in DuckDB-WASM when a reader changes a filter
 * (src/client/filter-live.ts), and the chart's explorer link opens it. Pure text: no DuckDB,
 * no schemas.
 */
import { sqlString } from './sql.ts';

// ——— IKM of the region's units, one period ———

export interface IkmChoice {
  kode: string;
  /** `2025-S2`, `2025`, … as in ikm_unit.periode. */
  periode: string;
  /** unit.jenis_unit, or '' for every type of unit. */
  jenis: string;
}

/** One row per unit with IKM in the period, best first; units without an index come last. */
export function ikmRankingSql(c: IkmChoice): string {
  const where = [
    `i.kode_wilayah = ${sqlString(c.kode)}`,
    `i.periode = ${sqlString(c.periode)}`,
    c.jenis ? `u.jenis_unit = ${sqlString(c.jenis)}` : '',
  ].filter(Boolean);
  return `SELECT i.kode_wilayah, i.kode_unit, u.nama_unit, u.jenis_unit, i.periode, i.ikm, i.ikm_bawah, i.ikm_atas, i.mutu,
  i.responden, i.sampel_minimum, i.sampel_cukup
FROM ikm_unit AS i
LEFT JOIN unit AS u USING (kode_wilayah, kode_unit)
WHERE ${where.join('\n  AND ')}
ORDER BY i.ikm DESC NULLS LAST, i.kode_unit`;
}

/** The periods a region has IKM for (the filter's choices), oldest first. */
export const ikmPeriodsSql = (kode: string): string =>
  `SELECT DISTINCT periode FROM ikm_unit WHERE kode_wilayah = ${sqlString(kode)} ORDER BY periode`;

/** The types of the units that have IKM rows in a region. */
export const ikmUnitTypesSql = (kode: string): string =>
  `SELECT DISTINCT u.jenis_unit FROM ikm_unit AS i JOIN unit AS u USING (kode_wilayah, kode_unit) WHERE i.kode_wilayah = ${sqlString(kode)} AND u.jenis_unit IS NOT NULL ORDER BY 1`;

// ——— Indicator achievement by programme, one year ———

/** The programme choice as a form value: every programme, one named programme, or "no programme". */
export const ALL_PROGRAMMES = '';
export const NO_PROGRAMME = 'tanpa';
export const programmeValue = (program: string | null): string => (program === null ? NO_PROGRAMME : `p:${program}`);

export interface CapaianChoice {
  kode: string;
  /** capaian_iku.tahun as text (`2025`). */
  tahun: string;
  /** ALL_PROGRAMMES, NO_PROGRAMME, or `p:` + the programme's name as published. */
  program: string;
}

function programmeWhere(value: string): string {
  if (value === ALL_PROGRAMMES) return '';
  if (value === NO_PROGRAMME) return 'c.program IS NULL';
  return `c.program = ${sqlString(value.replace(/^p:/, ''))}`;
}

/** One row per indicator of the region in the year, grouped by programme, highest achievement first. */
export function capaianSql(c: CapaianChoice): string {
  const where = [
    `c.kode_wilayah = ${sqlString(c.kode)}`,
    `c.tahun = TRY_CAST(${sqlString(c.tahun)} AS BIGINT)`,
    programmeWhere(c.program),
  ].filter(Boolean);
  return `SELECT c.kode_wilayah, c.program, c.kode_unit, u.nama_unit, c.tahun, c.kode_indikator, c.nama_indikator, c.satuan,
  c.arah, c.target, c.realisasi, c.capaian, c.kategori, c.tercapai, c.dibanding_tahun_lalu
FROM capaian_iku AS c
LEFT JOIN unit AS u USING (kode_wilayah, kode_unit)
WHERE ${where.join('\n  AND ')}
ORDER BY c.program NULLS FIRST, c.capaian DESC NULLS LAST, c.kode_unit, c.kode_indikator`;
}

/** The years a region reported indicators for, oldest first. */
export const capaianYearsSql = (kode: string): string =>
  `SELECT DISTINCT CAST(tahun AS VARCHAR) AS tahun FROM capaian_iku WHERE kode_wilayah = ${sqlString(kode)} ORDER BY 1`;

/** The region's programmes (NULL: indicators without one, listed first). */
export const capaianProgrammesSql = (kode: string): string =>
  `SELECT DISTINCT program FROM capaian_iku WHERE kode_wilayah = ${sqlString(kode)} ORDER BY program NULLS FIRST`;
