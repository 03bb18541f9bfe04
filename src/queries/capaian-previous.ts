/**
 * The previous year of an indicator row `c` of capaian_iku, said once for every query that
 * compares a year with the one before (derive/capaian.ts trendOf): the same unit and indicator,
 * tahun − 1, and the same direction and unit of measure (a changed arah or satuan is another
 * measure, not comparable). Pure text.
 */
export const PREVIOUS_REALISASI = 'realisasi_tahun_lalu';

export const PREVIOUS_YEAR_JOIN = `LEFT JOIN capaian_iku AS p ON p.kode_wilayah = c.kode_wilayah AND p.kode_unit = c.kode_unit
  AND p.kode_indikator = c.kode_indikator AND p.tahun = c.tahun - 1 AND p.arah = c.arah AND p.satuan = c.satuan`;
