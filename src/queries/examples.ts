/**
 * Ready questions for the explorer: each one a question a journalist or a forum asks, answered
 * by SQL over the published tables only (no number that a reader could not recompute).
 */
import type { Bilingual } from '../contract/fields.ts';

export interface ExampleQuery {
  slug: string;
  question: Bilingual;
  sql: string;
}

export const EXAMPLES: readonly ExampleQuery[] = [
  {
    slug: 'ikm-turun',
    question: {
      id: 'Unit mana yang IKM-nya turun dari satu semester ke semester berikutnya?',
      en: 'Which units’ satisfaction index fell from one semester to the next?',
    },
    sql: `WITH semester AS (
  SELECT kode_wilayah, kode_unit, periode, ikm, ikm_bawah, ikm_atas,
    lag(periode) OVER w AS periode_sebelumnya,
    lag(ikm) OVER w AS ikm_sebelumnya,
    lag(ikm_atas) OVER w AS ikm_atas_sebelumnya
  FROM ikm_unit
  WHERE periode LIKE '____-S_'
  WINDOW w AS (PARTITION BY kode_wilayah, kode_unit ORDER BY periode)
)
SELECT s.kode_wilayah, u.nama_unit, s.periode_sebelumnya, s.ikm_sebelumnya, s.periode, s.ikm,
  round(s.ikm - s.ikm_sebelumnya, 2) AS selisih,
  -- the interval says whether the fall is more than survey noise
  s.ikm_atas < s.ikm_sebelumnya AS di_luar_interval
FROM semester AS s
JOIN unit AS u USING (kode_wilayah, kode_unit)
WHERE s.ikm < s.ikm_sebelumnya
ORDER BY selisih`,
  },
  {
    slug: 'layanan-di-bawah-80',
    question: {
      id: 'Layanan mana yang kurang dari 80% selesai tepat waktu dalam setahun?',
      en: 'Which services finished under 80% on time over a year?',
    },
    sql: `SELECT k.kode_wilayah, u.nama_unit, k.nama_layanan, k.tahun,
  sum(k.selesai) AS selesai, sum(k.tepat_waktu) AS tepat_waktu,
  round(100 * sum(k.tepat_waktu) / nullif(sum(k.selesai), 0), 2) AS ketepatan
FROM ketepatan_layanan AS k
JOIN unit AS u USING (kode_wilayah, kode_unit)
GROUP BY ALL
HAVING ketepatan < 80
ORDER BY ketepatan`,
  },
  {
    slug: 'indikator-di-bawah-target',
    question: { id: 'Berapa indikator di bawah target, per program?', en: 'How many indicators are below target, per programme?' },
    sql: `SELECT kode_wilayah, coalesce(program, '(tanpa program)') AS program, tahun,
  count(*) AS indikator,
  count(*) FILTER (WHERE capaian < 100) AS di_bawah_target,
  count(*) FILTER (WHERE capaian IS NULL) AS belum_dilaporkan,
  round(avg(capaian), 2) AS rata_capaian
FROM capaian_iku
GROUP BY ALL
ORDER BY di_bawah_target DESC, kode_wilayah, program`,
  },
  {
    slug: 'baris-ikm-per-wilayah',
    question: {
      id: 'Berapa baris IKM (unit × periode) di setiap wilayah?',
      en: 'How many IKM rows (unit × period) does each region have?',
    },
    sql: `SELECT kode_wilayah, count(*) FROM ikm_unit GROUP BY 1 ORDER BY 1`,
  },
  {
    slug: 'pengaduan-terlama',
    question: { id: 'Kategori pengaduan mana yang paling lama diselesaikan?', en: 'Which complaint categories take longest to resolve?' },
    sql: `SELECT kode_wilayah, kategori, sum(masuk) AS masuk, sum(selesai) AS selesai,
  round(sum(median_hari * selesai) / nullif(sum(selesai) FILTER (WHERE median_hari IS NOT NULL), 0), 2) AS rata_median_hari
FROM pengaduan_bulanan
GROUP BY ALL
ORDER BY rata_median_hari DESC NULLS LAST`,
  },
  {
    slug: 'kepatuhan-terendah',
    question: { id: 'Unit mana yang paling jarang mengisi laporan harian?', en: 'Which units file their daily reports least often?' },
    sql: `SELECT k.kode_wilayah, u.nama_unit, k.tahun,
  sum(k.laporan) AS laporan, sum(k.pegawai * k.hari_kerja) AS wajib,
  round(100 * sum(k.laporan) / nullif(sum(k.pegawai * k.hari_kerja), 0), 2) AS kepatuhan
FROM kepatuhan_laporan AS k
JOIN unit AS u USING (kode_wilayah, kode_unit)
GROUP BY ALL
ORDER BY kepatuhan
LIMIT 20`,
  },
];
