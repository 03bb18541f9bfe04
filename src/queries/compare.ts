/**
 * The comparison page's one SQL: (choices) → SQL text. The build runs it with node DuckDB over
 * the published CSVs for the page's static table; the browser runs the very same text in
 * DuckDB-WASM for the same URL, so both show the same rows. Only type imports from the
 * contract: this module ships to the browser, the schemas (and Zod) do not.
 */
import type { Bilingual } from '../contract/fields.ts';
import type { Unsur } from '../contract/enums.ts';
import type { NumberStyle, TableName } from '../contract/published.ts';
import { round2, sqlList } from './sql.ts';
import { IKM_GRADE, NRR_GRADE } from '../derive/grades.ts';

/** The nine unsur in the regulation's order; a unit test holds this equal to UNSUR_KEYS. */
export const UNSUR_COLUMNS = [
  'persyaratan',
  'prosedur',
  'waktu',
  'biaya',
  'produk',
  'kompetensi',
  'perilaku',
  'pengaduan',
  'sarana',
] as const satisfies readonly Unsur[];

export type MeasureKey = 'ikm' | `nrr_${Unsur}` | 'capaian' | 'ketepatan' | 'kepatuhan' | 'hari_pengaduan' | 'jam_pelatihan';

export interface Measure {
  key: MeasureKey;
  label: Bilingual;
  /** Shown after the value in headers: '%', 'hari', … (empty for an index). */
  unit: Bilingual;
  /** What the n column counts, so a reader can judge how much a value rests on. */
  basis: Bilingual;
  /** Where the number comes from and how it is combined, in one sentence. */
  note: Bilingual;
  table: TableName;
  /** How the value and its interval are printed: as the published column they come from (pages and explorer alike). */
  style: NumberStyle;
  /** Whether bawah/atas (a 95 % interval) exist. */
  interval: boolean;
  /** Whether `sampel` (ikm_unit.sampel_cukup: ya, tidak, or empty = unknown) belongs to the value. */
  sample: boolean;
  /** The regulation's mutu B and A boundaries on this measure's scale, drawn as on the region and unit pages. */
  grade?: { readonly A: number; readonly B: number };
}

/** Rows of a measure: kode_wilayah, kode_unit, periode, nilai, bawah, atas, basis, sampel. */
type MeasureRows = string;

/** A measure that is not a survey index has no sample adequacy: NULL here, and the page hides the column. */
const NO_SAMPLE = 'CAST(NULL AS VARCHAR) AS sampel';

const semester = (month: string) => `CASE WHEN ${month} <= 6 THEN 'S1' ELSE 'S2' END`;

/** Monthly tables are pooled per year and per semester, both labelled like ikm_unit.periode. */
function yearAndSemester(from: string, year: string, month: string, values: string): MeasureRows {
  return `SELECT kode_wilayah, kode_unit, CAST(${year} AS VARCHAR) AS periode, ${values}, ${NO_SAMPLE} FROM ${from} GROUP BY ALL
  UNION ALL
  SELECT kode_wilayah, kode_unit, CAST(${year} AS VARCHAR) || '-' || ${semester(month)} AS periode, ${values}, ${NO_SAMPLE} FROM ${from} GROUP BY ALL`;
}

const ROWS: Record<MeasureKey, MeasureRows> = {
  ikm: `SELECT kode_wilayah, kode_unit, periode, ikm AS nilai, ikm_bawah AS bawah, ikm_atas AS atas, CAST(responden AS DOUBLE) AS basis, sampel_cukup AS sampel FROM ikm_unit`,
  ...(Object.fromEntries(
    UNSUR_COLUMNS.map((u) => [
      `nrr_${u}`,
      `SELECT kode_wilayah, kode_unit, periode, nrr_${u} AS nilai, CAST(NULL AS DOUBLE) AS bawah, CAST(NULL AS DOUBLE) AS atas, CAST(responden AS DOUBLE) AS basis, sampel_cukup AS sampel FROM ikm_unit`,
    ]),
  ) as Record<`nrr_${Unsur}`, MeasureRows>),
  capaian: `SELECT kode_wilayah, kode_unit, CAST(tahun AS VARCHAR) AS periode, ${round2('avg(capaian)')} AS nilai,
    CAST(NULL AS DOUBLE) AS bawah, CAST(NULL AS DOUBLE) AS atas, CAST(count(capaian) AS DOUBLE) AS basis, ${NO_SAMPLE}
    FROM capaian_iku GROUP BY ALL`,
  ketepatan: yearAndSemester(
    'ketepatan_layanan',
    'tahun',
    'bulan',
    `${round2('100 * sum(tepat_waktu) / nullif(sum(selesai), 0)')} AS nilai, CAST(NULL AS DOUBLE) AS bawah, CAST(NULL AS DOUBLE) AS atas, CAST(sum(selesai) AS DOUBLE) AS basis`,
  ),
  kepatuhan: yearAndSemester(
    'kepatuhan_laporan',
    'tahun',
    'bulan',
    `${round2('100 * sum(laporan) / nullif(sum(pegawai * hari_kerja), 0)')} AS nilai, CAST(NULL AS DOUBLE) AS bawah, CAST(NULL AS DOUBLE) AS atas, CAST(sum(pegawai * hari_kerja) AS DOUBLE) AS basis`,
  ),
  // A period's median cannot be rebuilt from monthly medians; the mean of them weighted by the
  // resolved complaints behind each is the honest summary, and the note says so.
  hari_pengaduan: yearAndSemester(
    'pengaduan_bulanan',
    'substr(bulan, 1, 4)',
    'CAST(substr(bulan, 6, 2) AS INTEGER)',
    `${round2('sum(median_hari * selesai) / nullif(sum(selesai) FILTER (WHERE median_hari IS NOT NULL), 0)')} AS nilai, CAST(NULL AS DOUBLE) AS bawah, CAST(NULL AS DOUBLE) AS atas, CAST(sum(selesai) FILTER (WHERE median_hari IS NOT NULL) AS DOUBLE) AS basis`,
  ),
  jam_pelatihan: `SELECT kode_wilayah, kode_unit, CAST(tahun AS VARCHAR) AS periode, ${round2('sum(jam_pelajaran_total)')} AS nilai,
    CAST(NULL AS DOUBLE) AS bawah, CAST(NULL AS DOUBLE) AS atas, CAST(sum(peserta) AS DOUBLE) AS basis, ${NO_SAMPLE}
    FROM pelatihan_unit GROUP BY ALL`,
};

/** Short names for a menu; the contract's labels (UNSUR) are the regulation's full wording. */
const UNSUR_LABEL: Record<Unsur, Bilingual> = {
  persyaratan: { id: 'Persyaratan', en: 'Requirements' },
  prosedur: { id: 'Prosedur', en: 'Procedures' },
  waktu: { id: 'Waktu penyelesaian', en: 'Completion time' },
  biaya: { id: 'Biaya/tarif', en: 'Cost/fee' },
  produk: { id: 'Produk layanan', en: 'Service product' },
  kompetensi: { id: 'Kompetensi pelaksana', en: 'Staff competence' },
  perilaku: { id: 'Perilaku pelaksana', en: 'Staff behaviour' },
  pengaduan: { id: 'Penanganan pengaduan', en: 'Complaint handling' },
  sarana: { id: 'Sarana dan prasarana', en: 'Facilities' },
};

const none: Bilingual = { id: '', en: '' };
const respondents: Bilingual = { id: 'Responden', en: 'Respondents' };

export const MEASURES: readonly Measure[] = [
  {
    key: 'ikm',
    label: { id: 'IKM', en: 'Satisfaction index (IKM)' },
    unit: none,
    basis: respondents,
    note: {
      id: 'Indeks kepuasan masyarakat (0–100) tiap unit dari survei kepuasan, dengan interval kepercayaan 95%.',
      en: 'Each unit’s community satisfaction index (0–100) from the satisfaction survey, with its 95% confidence interval.',
    },
    table: 'ikm_unit',
    style: 'fixed2',
    interval: true,
    sample: true,
    grade: IKM_GRADE,
  },
  ...UNSUR_COLUMNS.map((u): Measure => ({
    key: `nrr_${u}`,
    label: { id: `Nilai rata-rata: ${UNSUR_LABEL[u].id}`, en: `Mean score: ${UNSUR_LABEL[u].en}` },
    unit: { id: '1–4', en: '1–4' },
    basis: respondents,
    note: {
      id: `Nilai rata-rata jawaban responden untuk unsur ${UNSUR_LABEL[u].id.toLowerCase()}, skala 1–4.`,
      en: `Mean of respondents’ answers on ${UNSUR_LABEL[u].en.toLowerCase()}, 1–4 scale.`,
    },
    table: 'ikm_unit',
    style: 'nrr',
    interval: false,
    sample: true,
    grade: NRR_GRADE,
  })),
  {
    key: 'capaian',
    label: { id: 'Rata-rata capaian IKU', en: 'Mean indicator achievement' },
    unit: { id: '%', en: '%' },
    basis: { id: 'Indikator', en: 'Indicators' },
    note: {
      id: 'Rata-rata capaian (realisasi dibanding target) semua indikator kinerja unit pada tahun itu.',
      en: 'Mean achievement (realisation against target) over the unit’s performance indicators that year.',
    },
    table: 'capaian_iku',
    style: 'plain',
    interval: false,
    sample: false,
  },
  {
    key: 'ketepatan',
    label: { id: 'Ketepatan waktu layanan', en: 'Service timeliness' },
    unit: { id: '%', en: '%' },
    basis: { id: 'Permohonan selesai', en: 'Completed applications' },
    note: {
      id: 'Bagian permohonan yang selesai tepat waktu dari semua permohonan yang selesai, semua layanan unit dalam periode itu.',
      en: 'Share of completed applications finished on time, over all of the unit’s services in the period.',
    },
    table: 'ketepatan_layanan',
    style: 'plain',
    interval: false,
    sample: false,
  },
  {
    key: 'kepatuhan',
    label: { id: 'Kepatuhan laporan harian', en: 'Daily report compliance' },
    unit: { id: '%', en: '%' },
    basis: { id: 'Laporan wajib', en: 'Reports due' },
    note: {
      id: 'Laporan harian yang masuk dibanding laporan yang wajib (jumlah pegawai × hari kerja), dalam persen.',
      en: 'Daily reports filed against reports due (employees × working days), in percent.',
    },
    table: 'kepatuhan_laporan',
    style: 'plain',
    interval: false,
    sample: false,
  },
  {
    key: 'hari_pengaduan',
    label: { id: 'Hari penyelesaian pengaduan', en: 'Days to resolve complaints' },
    unit: { id: 'hari', en: 'days' },
    basis: { id: 'Pengaduan selesai', en: 'Resolved complaints' },
    note: {
      id: 'Rata-rata median hari penyelesaian tiap bulan, ditimbang jumlah pengaduan selesai; median satu periode tidak dapat dihitung dari median bulanan.',
      en: 'Mean of each month’s median days to resolve a complaint, weighted by resolved complaints; a period’s median cannot be rebuilt from monthly medians.',
    },
    table: 'pengaduan_bulanan',
    style: 'plain',
    interval: false,
    sample: false,
  },
  {
    key: 'jam_pelatihan',
    label: { id: 'Jam pelajaran pelatihan', en: 'Training hours' },
    unit: { id: 'JP', en: 'hours' },
    basis: { id: 'Peserta', en: 'Participants' },
    note: {
      id: 'Jumlah jam pelajaran semua pelatihan unit pada tahun itu.',
      en: 'Total training hours of all the unit’s trainings that year.',
    },
    table: 'pelatihan_unit',
    style: 'plain',
    interval: false,
    sample: false,
  },
];

export const measureByKey = (key: string): Measure | undefined => MEASURES.find((m) => m.key === key);

export interface CompareChoices {
  measure: MeasureKey;
  /** Region codes; empty = every region. */
  regions: string[];
  /** `kode_wilayah:kode_unit`; empty = every unit of the chosen regions. */
  units: string[];
  /** Period labels (`2025`, `2025-S1`); empty = every period. */
  periods: string[];
}

export const unitKey = (kodeWilayah: string, kodeUnit: string) => `${kodeWilayah}:${kodeUnit}`;

/** A unit as a comparison names it: with its region where units of several regions are shown. */
export const unitLabel = (unit: string, region: string, withRegion: boolean): string => (withRegion ? `${unit} (${region})` : unit);

/** The comparison's columns, in order; renderers and tests refer to them by these names. */
export const COMPARE_COLUMNS = [
  'kode_wilayah',
  'wilayah',
  'kode_unit',
  'unit',
  'periode',
  'nilai',
  'bawah',
  'atas',
  'basis',
  'sampel',
] as const;
export type CompareColumn = (typeof COMPARE_COLUMNS)[number];

export function compareSql(choices: CompareChoices): string {
  const rows = ROWS[choices.measure];
  const where = [
    'm.nilai IS NOT NULL',
    choices.regions.length ? `m.kode_wilayah IN (${sqlList(choices.regions)})` : '',
    choices.units.length ? `m.kode_wilayah || ':' || m.kode_unit IN (${sqlList(choices.units)})` : '',
    choices.periods.length ? `m.periode IN (${sqlList(choices.periods)})` : '',
  ].filter(Boolean);
  return `-- ${choices.measure}: ${measureByKey(choices.measure)?.label.id ?? ''}
SELECT m.kode_wilayah, w.nama AS wilayah, m.kode_unit, u.nama_unit AS unit, m.periode, m.nilai, m.bawah, m.atas, m.basis, m.sampel
FROM (${rows}) AS m
JOIN wilayah AS w USING (kode_wilayah)
JOIN unit AS u USING (kode_wilayah, kode_unit)
WHERE ${where.join('\n  AND ')}
ORDER BY m.kode_wilayah, m.kode_unit, m.periode`;
}

/** Every period any measure has, for the form's choices. */
export const comparePeriodsSql = (): string =>
  `SELECT DISTINCT periode FROM (${Object.values(ROWS)
    .map((rows) => `SELECT periode FROM (${rows})`)
    .join(' UNION ALL ')}) ORDER BY periode`;

/** The build's default comparison: IKM of every unit in the latest year that has IKM. */
export const latestIkmYearSql = (): string => `SELECT max(periode) AS periode FROM ikm_unit WHERE regexp_full_match(periode, '[0-9]{4}')`;

export const defaultChoices = (latestYear: string | null): CompareChoices => ({
  measure: 'ikm',
  regions: [],
  units: [],
  periods: latestYear ? [latestYear] : [],
});

/** Choices from a URL's query; anything unknown falls back, nothing unknown reaches SQL unquoted. */
export function parseChoices(search: URLSearchParams, fallback: CompareChoices): CompareChoices {
  const measure = measureByKey(search.get('ukuran') ?? '')?.key;
  if (!hasChoices(search)) return fallback;
  return {
    measure: measure ?? fallback.measure,
    regions: search.getAll('wilayah').filter(Boolean),
    units: search.getAll('unit').filter(Boolean),
    periods: search.getAll('periode').filter(Boolean),
  };
}

/** The URL query for choices, in a fixed order, so equal choices give equal links. */
export function choicesToSearch(c: CompareChoices): string {
  const p = new URLSearchParams();
  p.set('ukuran', c.measure);
  for (const r of c.regions) p.append('wilayah', r);
  for (const u of c.units) p.append('unit', u);
  for (const x of c.periods) p.append('periode', x);
  return `?${p.toString()}`;
}

/** True when the URL asks for a comparison of its own (otherwise the build's default stands). */
export const hasChoices = (search: URLSearchParams) => ['ukuran', 'wilayah', 'unit', 'periode'].some((k) => search.has(k));
