/**
 * The published tables (contract §6): the promise to journalists. Column order, types and
 * bilingual descriptions here drive the CSV writer, the Parquet types, datapackage.json,
 * the data dictionary pages and the explorer's views.
 */
import type { Bilingual } from './fields.ts';
import {
  ALASAN_DISEMBUNYIKAN,
  KATEGORI_CAPAIAN,
  KELOMPOK_PENDIDIKAN,
  KELOMPOK_UMUR,
  MUTU,
  PREDIKAT,
  TERCAPAI,
  TREN,
  UNSUR,
} from './enums.ts';
import { iku, kinerjaPegawai, laporanHarian, layanan, pelatihan, pengaduan, skm, unit } from './inputs/index.ts';

export type ColumnType = 'string' | 'integer' | 'number' | 'date';

/**
 * How a number is printed on pages, in chart tables and in the explorer. `fixed2`: indices and
 * percentages, always two decimals so columns line up; `nrr`: the survey's 1–4 means, four
 * decimals as published; `count`: whole numbers with thousands separators; `plain`: up to two
 * decimals, none when whole (3 days).
 */
export type NumberStyle = 'fixed2' | 'nrr' | 'count' | 'plain';

export interface Column<N extends string = string> {
  name: N;
  type: ColumnType;
  description: Bilingual;
  enum?: readonly string[];
  /** A number column's display style, declared here (integers are counts, numbers plain, unless said). */
  style?: NumberStyle;
}

export interface PublishedTable {
  name: string;
  title: Bilingual;
  description: Bilingual;
  columns: readonly Column[];
  primaryKey: readonly string[];
}

const col = <N extends string>(name: N, type: ColumnType, id: string, en: string, values?: readonly string[]): Column<N> => ({
  name,
  type,
  description: { id, en },
  ...(values ? { enum: values } : {}),
  ...styleOfType(type),
});

/** The style a number column has unless it declares another: integers count, numbers plain. */
function styleOfType(type: ColumnType): { style?: NumberStyle } {
  return type === 'integer' ? { style: 'count' } : type === 'number' ? { style: 'plain' } : {};
}

/** A column printed in another style than its type's (an index, a percentage, a survey mean). */
const styled = <N extends string>(c: Column<N>, style: NumberStyle): Column<N> => ({ ...c, style });

/** A published column that is an input column unchanged: its description comes from the input schema. */
type InputFields = { fields: Record<string, { kind: string; description: Bilingual; options?: readonly { value: string }[] }> };
function from<N extends string>(input: InputFields, name: N): Column<N>;
function from<A extends string>(input: InputFields, name: string, as: A): Column<A>;
function from(input: InputFields, name: string, as = name): Column {
  const f = input.fields[name];
  const type: ColumnType = f.kind === 'integer' ? 'integer' : f.kind === 'number' ? 'number' : f.kind === 'date' ? 'date' : 'string';
  return {
    name: as,
    type,
    description: f.description,
    ...(f.options ? { enum: f.options.map((o) => o.value) } : {}),
    ...styleOfType(type),
  };
}

/** A quasi-identifier of skm_responden: blank when not given, or when blanked for k-anonymity. */
const anonymised = <N extends string>(c: Column<N>): Column<N> => ({
  ...c,
  description: {
    id: `${c.description.id}; kosong = tidak diisi atau dikosongkan demi anonimitas`,
    en: `${c.description.en}; blank = not given, or blanked for anonymity`,
  },
});

const wilayahCol = col('kode_wilayah', 'string', 'Kode wilayah (nama folder ekspor)', 'Region code (export folder name)');
const values = (opts: readonly { value: string }[]) => opts.map((o) => o.value);

/** The IKM columns shared by ikm_unit and ikm_wilayah (same formula, different groups). */
function ikmColumns<A extends Column = never>(...afterPeriod: A[]) {
  return [
    col('periode', 'string', 'Periode: tahun (YYYY) atau semester (YYYY-S1/S2)', 'Period: year (YYYY) or semester (YYYY-S1/S2)'),
    ...afterPeriod,
    col('responden', 'integer', 'Jumlah responden', 'Respondents'),
    ...UNSUR.map((u) =>
      styled(
        col(
          `nrr_${u.value}` as const,
          'number',
          `Nilai rata-rata unsur ${u.label.id} (1–4, 4 desimal)`,
          `Mean score of ${u.label.en} (1–4, 4 decimals)`,
        ),
        'nrr',
      ),
    ),
    styled(col('ikm', 'number', 'IKM (25–100), dibulatkan 2 desimal', 'Satisfaction index (25–100), 2 decimals'), 'fixed2'),
    styled(col('ikm_bawah', 'number', 'Batas bawah interval kepercayaan 95% IKM', 'Lower bound of the 95% confidence interval'), 'fixed2'),
    styled(col('ikm_atas', 'number', 'Batas atas interval kepercayaan 95% IKM', 'Upper bound of the 95% confidence interval'), 'fixed2'),
    col('mutu', 'string', 'Mutu pelayanan (A–D)', 'Service quality grade (A–D)', values(MUTU)),
    col(
      'kinerja',
      'string',
      'Kinerja unit pelayanan',
      'Service unit performance',
      MUTU.map((m) => m.label.id),
    ),
  ];
}

export const TABLES = [
  {
    name: 'wilayah',
    title: { id: 'Wilayah', en: 'Regions' },
    description: {
      id: 'Satu baris per wilayah: nama, provinsi dan tanggal ekspor data.',
      en: 'One row per region: name, province and export date.',
    },
    columns: [
      wilayahCol,
      col('nama', 'string', 'Nama wilayah', 'Region name'),
      col('provinsi', 'string', 'Provinsi', 'Province'),
      col('tanggal_ekspor', 'date', 'Tanggal data diekspor dari sistem daerah', 'Date the data were exported'),
      col('sumber', 'string', 'Sumber data', 'Data source'),
      col('lisensi', 'string', 'Lisensi data', 'Data licence'),
      col(
        'kontak',
        'string',
        'Kontak pemerintah daerah untuk pertanyaan dan koreksi data',
        "The local government's contact for questions and corrections",
      ),
    ],
    primaryKey: ['kode_wilayah'],
  },
  {
    name: 'unit',
    title: { id: 'Unit organisasi', en: 'Organisational units' },
    description: { id: 'Satu baris per unit organisasi.', en: 'One row per organisational unit.' },
    columns: [wilayahCol, from(unit, 'kode_unit'), from(unit, 'nama_unit'), from(unit, 'jenis_unit'), from(unit, 'induk_unit')],
    primaryKey: ['kode_wilayah', 'kode_unit'],
  },
  {
    name: 'ikm_unit',
    title: { id: 'Indeks Kepuasan Masyarakat per unit', en: 'Citizen satisfaction index per unit' },
    description: {
      id: 'IKM per unit dan periode (tahun dan semester) menurut PermenPAN-RB 14/2017, dengan interval kepercayaan 95% dan kecukupan sampel (Krejcie–Morgan).',
      en: 'Satisfaction index per unit and period (year and semester) per PermenPAN-RB 14/2017, with a 95% confidence interval and sample adequacy (Krejcie–Morgan).',
    },
    columns: [
      wilayahCol,
      from(skm, 'kode_unit'),
      ...ikmColumns(),
      col(
        'sampel_minimum',
        'integer',
        'Sampel minimum Krejcie–Morgan dari jumlah permohonan periode itu',
        'Krejcie–Morgan minimum sample from the applications in the period',
      ),
      col(
        'sampel_cukup',
        'string',
        'ya jika responden ≥ sampel minimum, tidak jika kurang; kosong = tidak diketahui (tidak ada data permohonan layanan, jadi sampel minimum tidak dapat dihitung)',
        'ya (yes) if respondents ≥ minimum sample, tidak (no) if fewer; empty = unknown (no service application data, so no minimum can be computed)',
        ['ya', 'tidak'],
      ),
    ],
    primaryKey: ['kode_wilayah', 'kode_unit', 'periode'],
  },
  {
    name: 'ikm_wilayah',
    title: { id: 'Indeks Kepuasan Masyarakat per wilayah', en: 'Citizen satisfaction index per region' },
    description: {
      id: 'IKM gabungan semua responden wilayah per periode (tahun dan semester), dihitung dengan rumus yang sama seperti ikm_unit. Tambahan di luar kontrak v1, untuk perbandingan antarwilayah.',
      en: 'Satisfaction index over all respondents of a region per period (year and semester), same formula as ikm_unit. An addition to contract v1, for comparing regions.',
    },
    columns: [wilayahCol, ...ikmColumns(col('unit', 'integer', 'Jumlah unit yang disurvei', 'Units surveyed'))],
    primaryKey: ['kode_wilayah', 'periode'],
  },
  {
    name: 'skm_responden',
    title: { id: 'Jawaban survei kepuasan (anonim)', en: 'Satisfaction survey responses (anonymised)' },
    description: {
      id: 'Satu baris per jawaban survei, tanpa nomor responden, saran dan tanggal. Dibuat k-anonim (k = ambang kelompok, bawaan 10): bulan disamarkan menjadi semester, umur menjadi tiga kelompok, pendidikan menjadi tiga jenjang; lalu, bila satu kombinasi unit, layanan, semester, jenis kelamin, kelompok umur, kelompok pendidikan dan pekerjaan masih muncul kurang dari k kali, pekerjaan dikosongkan, lalu pendidikan, umur, jenis kelamin, layanan, semester (hanya bila unit itu pada semester itu punya kurang dari k responden), dan terakhir unit (hanya bila unit itu punya kurang dari k responden). Sembilan jawaban unsur tidak pernah diubah. Wilayah dengan kurang dari k responden tidak dimuat di tabel ini (IKM-nya tetap di ikm_unit). Baris diurutkan menurut semua kolomnya, bukan menurut urutan pengisian.',
      en: 'One row per survey response, without respondent ID, free text or date. Made k-anonymous (k = the group threshold, 10 by default): the month is coarsened to the semester, age to three bands, education to three levels; then, where a combination of unit, service, semester, sex, age band, education level and occupation still occurs fewer than k times, occupation is blanked, then education, age, sex, service, the semester (only where the unit has fewer than k responses in that semester) and last the unit (only where it has fewer than k responses). The nine answers are never altered. A region with fewer than k responses is left out of this table (its IKM is still in ikm_unit). Rows are sorted by all their columns, not in the order responses came in.',
    },
    columns: [
      wilayahCol,
      anonymised(from(skm, 'kode_unit')),
      anonymised(from(skm, 'kode_layanan')),
      anonymised(
        col(
          'semester',
          'string',
          'Semester survei (YYYY-S1 = Januari–Juni, YYYY-S2 = Juli–Desember)',
          'Survey semester (YYYY-S1 = January–June, YYYY-S2 = July–December)',
        ),
      ),
      ...UNSUR.map((u) => from(skm, u.value)),
      anonymised(from(skm, 'jenis_kelamin')),
      anonymised(col('kelompok_umur', 'string', 'Kelompok umur responden', 'Respondent age band', KELOMPOK_UMUR)),
      anonymised(
        col(
          'kelompok_pendidikan',
          'string',
          'Jenjang pendidikan responden: sd-sma (SD–SMA), d1-s1 (D1–D4/S1), s2-s3 (S2–S3)',
          'Respondent education level: sd-sma (primary to senior secondary), d1-s1 (diploma or bachelor), s2-s3 (postgraduate)',
          values(KELOMPOK_PENDIDIKAN),
        ),
      ),
      anonymised(from(skm, 'pekerjaan')),
    ],
    primaryKey: [],
  },
  {
    name: 'predikat_unit',
    title: { id: 'Sebaran predikat kinerja pegawai per unit', en: 'Distribution of employee ratings per unit' },
    description: {
      id: 'Jumlah pegawai per predikat (PermenPAN-RB 6/2022) per unit dan periode. Kelompok < ambang dan sel kecil disembunyikan (kosong, bukan nol).',
      en: 'Employees per rating (PermenPAN-RB 6/2022) per unit and period. Groups below the threshold and small cells are hidden (empty, not zero).',
    },
    columns: [
      wilayahCol,
      from(kinerjaPegawai, 'kode_unit'),
      from(kinerjaPegawai, 'periode'),
      col('pegawai', 'integer', 'Jumlah pegawai yang dinilai', 'Appraised employees'),
      ...PREDIKAT.map((p) => col(p.value, 'integer', `Jumlah pegawai berpredikat ${p.label.id}`, `Employees rated ${p.label.en}`)),
      styled(col('rata_nilai_atasan', 'number', 'Rata-rata nilai dari atasan (0–100)', 'Mean supervisor score (0–100)'), 'fixed2'),
      styled(col('rata_nilai_diri', 'number', 'Rata-rata nilai diri (0–100)', 'Mean self-assessment score (0–100)'), 'fixed2'),
      styled(col('rata_nilai_rekan', 'number', 'Rata-rata nilai dari rekan (0–100)', 'Mean peer score (0–100)'), 'fixed2'),
      col(
        'disembunyikan',
        'string',
        'Alasan nilai disembunyikan (kosong = tidak ada)',
        'Why values are hidden (empty = nothing hidden)',
        values(ALASAN_DISEMBUNYIKAN),
      ),
    ],
    primaryKey: ['kode_wilayah', 'kode_unit', 'periode'],
  },
  {
    name: 'capaian_iku',
    title: { id: 'Capaian indikator kinerja', en: 'Performance indicator achievement' },
    description: {
      id: 'Target, realisasi dan capaian (PermenPAN-RB 8/2021) per indikator dan tahun, dengan kategori Permendagri 86/2017.',
      en: 'Target, realisation and achievement (PermenPAN-RB 8/2021) per indicator and year, with the Permendagri 86/2017 category.',
    },
    columns: [
      wilayahCol,
      from(iku, 'kode_unit'),
      from(iku, 'tahun'),
      from(iku, 'kode_indikator'),
      from(iku, 'nama_indikator'),
      from(iku, 'satuan'),
      from(iku, 'arah'),
      from(iku, 'target'),
      from(iku, 'realisasi'),
      styled(
        col(
          'capaian',
          'number',
          'Capaian (%): naik = realisasi/target×100; turun = (2 − realisasi/target)×100',
          'Achievement (%): up = actual/target×100; down = (2 − actual/target)×100',
        ),
        'fixed2',
      ),
      col('kategori', 'string', 'Kategori capaian', 'Achievement category', values(KATEGORI_CAPAIAN)),
      col(
        'tercapai',
        'string',
        'Target tercapai: naik = realisasi ≥ target; turun = realisasi ≤ target (kosong = realisasi belum dilaporkan). Kategori bukan tanda tercapai',
        'Target met: up = actual ≥ target; down = actual ≤ target (empty = actual not reported yet). A category is not success',
        values(TERCAPAI),
      ),
      col(
        'dibanding_tahun_lalu',
        'string',
        'Realisasi dibanding tahun sebelumnya (unit, indikator, arah dan satuan yang sama), menurut arah; kosong = tidak ada pembanding',
        'Actual against the year before (same unit, indicator, direction and unit of measure), by direction; empty = nothing to compare',
        values(TREN),
      ),
      from(iku, 'program'),
      from(iku, 'sasaran'),
    ],
    primaryKey: ['kode_wilayah', 'kode_unit', 'tahun', 'kode_indikator'],
  },
  {
    name: 'ketepatan_layanan',
    title: { id: 'Ketepatan waktu layanan', en: 'Service timeliness' },
    description: {
      id: 'Per unit, layanan dan bulan: permohonan, penyelesaian dan persentase tepat waktu terhadap standar.',
      en: 'Per unit, service and month: applications, completions and share on time against the standard.',
    },
    columns: [
      wilayahCol,
      from(layanan, 'kode_unit'),
      from(layanan, 'kode_layanan'),
      from(layanan, 'nama_layanan'),
      from(layanan, 'tahun'),
      from(layanan, 'bulan'),
      from(layanan, 'permohonan'),
      from(layanan, 'selesai'),
      from(layanan, 'tepat_waktu'),
      styled(
        col('ketepatan', 'number', 'Ketepatan waktu (%) = tepat_waktu / selesai × 100', 'Timeliness (%) = on time / completed × 100'),
        'fixed2',
      ),
      from(layanan, 'standar_hari'),
      from(layanan, 'rata_hari'),
    ],
    primaryKey: ['kode_wilayah', 'kode_unit', 'kode_layanan', 'tahun', 'bulan'],
  },
  {
    name: 'pengaduan_bulanan',
    title: { id: 'Pengaduan per bulan dan kategori', en: 'Complaints by month and category' },
    description: {
      id: 'Pengaduan masuk menurut bulan masuk dan kategori, yang selesai, dan median hari penyelesaian.',
      en: 'Complaints by month received and category, how many were resolved, and the median days to resolve.',
    },
    columns: [
      wilayahCol,
      from(pengaduan, 'kode_unit'),
      col('bulan', 'string', 'Bulan pengaduan masuk (YYYY-MM)', 'Month received (YYYY-MM)'),
      from(pengaduan, 'kategori'),
      col('masuk', 'integer', 'Pengaduan masuk', 'Complaints received'),
      col('selesai', 'integer', 'Dari jumlah itu, berstatus selesai', 'Of these, resolved'),
      col('median_hari', 'number', 'Median hari penyelesaian pengaduan yang selesai', 'Median days to resolve, resolved complaints'),
    ],
    primaryKey: ['kode_wilayah', 'kode_unit', 'bulan', 'kategori'],
  },
  {
    name: 'pelatihan_unit',
    title: { id: 'Pelatihan per unit', en: 'Training per unit' },
    description: {
      id: 'Jumlah kegiatan, peserta dan total jam pelajaran per unit, tahun dan kategori.',
      en: 'Trainings, participants and total training hours per unit, year and category.',
    },
    columns: [
      wilayahCol,
      from(pelatihan, 'kode_unit'),
      from(pelatihan, 'tahun'),
      from(pelatihan, 'kategori'),
      col('kegiatan', 'integer', 'Jumlah kegiatan pelatihan', 'Number of trainings'),
      col('peserta', 'integer', 'Jumlah peserta', 'Participants'),
      col('jam_pelajaran_total', 'number', 'Total jam pelajaran = Σ peserta × JP', 'Total training hours = Σ participants × hours'),
    ],
    primaryKey: ['kode_wilayah', 'kode_unit', 'tahun', 'kategori'],
  },
  {
    name: 'kepatuhan_laporan',
    title: { id: 'Kepatuhan laporan kegiatan harian', en: 'Daily activity report compliance' },
    description: {
      id: 'Per unit dan bulan: laporan diterima dibanding kewajiban (pegawai × hari kerja).',
      en: 'Per unit and month: reports received against the obligation (employees × working days).',
    },
    columns: [
      wilayahCol,
      from(laporanHarian, 'kode_unit'),
      from(laporanHarian, 'tahun'),
      from(laporanHarian, 'bulan'),
      from(laporanHarian, 'pegawai'),
      from(laporanHarian, 'hari_kerja'),
      from(laporanHarian, 'laporan'),
      styled(
        col(
          'kepatuhan',
          'number',
          'Kepatuhan (%) = laporan / (pegawai × hari_kerja) × 100',
          'Compliance (%) = reports / (employees × working days) × 100',
        ),
        'fixed2',
      ),
    ],
    primaryKey: ['kode_wilayah', 'kode_unit', 'tahun', 'bulan'],
  },
] as const satisfies readonly PublishedTable[];

export type TableName = (typeof TABLES)[number]['name'];
export const TABLE_NAMES = TABLES.map((t) => t.name) as TableName[];
export const tableByName = (name: string): PublishedTable | undefined => TABLES.find((t) => t.name === name);

/** A published row: column name to value; null is an empty cell (not computable or hidden). */
export type PublishedRow = Record<string, string | number | null>;

/** The definition of one published table, with its literal column names. */
export type TableDef<N extends TableName> = Extract<(typeof TABLES)[number], { name: N }>;
/** The columns of a published table: `ColumnName<'ikm_unit'>` is 'kode_wilayah' | 'kode_unit' | 'periode' | …. */
export type ColumnName<N extends TableName> = TableDef<N>['columns'][number]['name'];
/** A row of one published table: only its columns can be read (src/charts/row.ts str/num, pubCell). */
export type Row<N extends TableName> = { [C in ColumnName<N>]: string | number | null };
