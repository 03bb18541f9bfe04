/**
 * Provinsi DKI Jakarta — population administration (adminduk).
 *
 * Story: the Dukcapil office and three of its city branches (suku dinas) issue KTP-el,
 * family cards, birth and death certificates and moving letters by the thousand each month,
 * helped by kecamatan and kelurahan service points. KTP-el requests surge before the
 * February 2024 election, birth certificates and family cards before the July school
 * enrolment, moving letters after Idul Fitri. Jakarta Timur starts as the slowest branch and
 * improves. Jakarta carries the largest survey; Kecamatan Tebet and two kelurahan collect
 * fewer responses than the Krejcie–Morgan minimum. Public-service training for front
 * offices. Indonesian-Excel dialect: BOM, `;`, decimal comma, `1.234`, DD/MM/YYYY, CRLF, and
 * Excel's trailing `;;;;` lines in some files.
 */
import { EXCEL_ID } from '../format.ts';
import type { Month, Semester } from '../calendar.ts';
import { NipFactory, generateAppraisals } from '../people.ts';
import { generateIku, generatePelatihan, type IndicatorDef, type TrainingDef } from '../plans.ts';
import { SUMBER_SINTETIS, unitRows, type RegionSpec, type UnitDef } from '../region.ts';
import { clamp } from '../random.ts';
import {
  generateLayanan,
  generatePengaduan,
  ketepatanOf,
  permohonanPerSemester,
  type ComplaintPlan,
  type ServiceDef,
  type ServicePoint,
} from '../services.ts';
import { coverMinimum, generateSurvey, ikmOf, type SurveyUnit } from '../survey.ts';

const UNITS: UnitDef[] = [
  { kode: 'BKD', nama: 'Badan Kepegawaian Daerah', jenis: 'badan' },
  { kode: 'INSP', nama: 'Inspektorat Provinsi', jenis: 'inspektorat' },
  { kode: 'DUKCAPIL', nama: 'Dinas Kependudukan dan Pencatatan Sipil', jenis: 'dinas' },
  { kode: 'SDK-JP', nama: 'Suku Dinas Dukcapil Kota Administrasi Jakarta Pusat', jenis: 'lainnya', induk: 'DUKCAPIL' },
  { kode: 'SDK-JS', nama: 'Suku Dinas Dukcapil Kota Administrasi Jakarta Selatan', jenis: 'lainnya', induk: 'DUKCAPIL' },
  { kode: 'SDK-JT', nama: 'Suku Dinas Dukcapil Kota Administrasi Jakarta Timur', jenis: 'lainnya', induk: 'DUKCAPIL' },
  { kode: 'KEC-MTG', nama: 'Kecamatan Menteng', jenis: 'kecamatan' },
  { kode: 'KEC-TBT', nama: 'Kecamatan Tebet', jenis: 'kecamatan' },
  { kode: 'KEC-CKG', nama: 'Kecamatan Cakung', jenis: 'kecamatan' },
  { kode: 'KEL-GDD', nama: 'Kelurahan Gondangdia', jenis: 'kelurahan', induk: 'KEC-MTG' },
  { kode: 'KEL-KBS', nama: 'Kelurahan Kebon Sirih', jenis: 'kelurahan', induk: 'KEC-MTG' },
  { kode: 'KEL-MGR', nama: 'Kelurahan Manggarai', jenis: 'kelurahan', induk: 'KEC-TBT' },
  { kode: 'KEL-TBB', nama: 'Kelurahan Tebet Barat', jenis: 'kelurahan', induk: 'KEC-TBT' },
  { kode: 'KEL-PLG', nama: 'Kelurahan Pulo Gebang', jenis: 'kelurahan', induk: 'KEC-CKG' },
];

const PERIODS = ['2023', '2024', '2025'];

const STAFF: Record<string, number[]> = {
  BKD: [46, 48, 47],
  INSP: [32, 33, 35],
  DUKCAPIL: [58, 60, 61],
  'SDK-JP': [38, 37, 39],
  'SDK-JS': [44, 45, 46],
  'SDK-JT': [52, 53, 55],
  'KEC-MTG': [30, 31, 30],
  'KEC-TBT': [33, 33, 34],
  'KEC-CKG': [35, 36, 36],
  'KEL-GDD': [14, 14, 15],
  'KEL-KBS': [13, 14, 13],
  'KEL-MGR': [16, 15, 16],
  'KEL-TBB': [12, 13, 13],
  'KEL-PLG': [19, 20, 20],
};

const is = (m: Month, tahun: number, ...bulan: number[]) => m.tahun === tahun && bulan.includes(m.bulan);

/** KTP-el rush before the 14 February 2024 election. */
const menjelangPemilu = (m: Month) => (is(m, 2023, 11, 12) ? 1.2 : is(m, 2024, 1) ? 1.35 : 1);
/** Birth certificates and family cards are needed for school enrolment (June–July). */
const musimSekolah = (m: Month) => (m.bulan === 6 ? 1.15 : m.bulan === 7 ? 1.3 : 1);
/** People move after Idul Fitri (April 2023, April 2024, end of March 2025). */
const arusBalik = (m: Month) => (is(m, 2023, 5) || is(m, 2024, 5) || is(m, 2025, 4) ? 1.5 : 1);

const KTP: ServiceDef = { kode: 'KTP-EL', nama: 'Penerbitan KTP-el', standar_hari: 3, perBulan: 2200, musim: menjelangPemilu };
const KK: ServiceDef = { kode: 'KK', nama: 'Penerbitan Kartu Keluarga', standar_hari: 2, perBulan: 2600, musim: musimSekolah };
const AKL: ServiceDef = { kode: 'AKTA-LAHIR', nama: 'Akta Kelahiran', standar_hari: 3, perBulan: 1400, musim: musimSekolah };
const AKM: ServiceDef = { kode: 'AKTA-MATI', nama: 'Akta Kematian', standar_hari: 3, perBulan: 600 };
const PINDAH: ServiceDef = { kode: 'PINDAH', nama: 'Surat Keterangan Pindah (SKPWNI)', standar_hari: 2, perBulan: 900, musim: arusBalik };
const KIA: ServiceDef = { kode: 'KIA', nama: 'Kartu Identitas Anak', standar_hari: 3, perBulan: 1200, musim: musimSekolah };

/** Service points and their size relative to a typical branch (skala 1). */
const POINTS: ServicePoint[] = [
  { kode_unit: 'SDK-JP', skala: 0.7, layanan: [KTP, KK, AKL, AKM, PINDAH] },
  { kode_unit: 'SDK-JS', skala: 1.1, layanan: [KTP, KK, AKL, AKM, PINDAH] },
  { kode_unit: 'SDK-JT', skala: 1.5, layanan: [KTP, KK, AKL, AKM, PINDAH] },
  { kode_unit: 'KEC-MTG', skala: 0.07, layanan: [KTP, KK, KIA] },
  { kode_unit: 'KEC-TBT', skala: 0.08, layanan: [KTP, KK, KIA] },
  { kode_unit: 'KEC-CKG', skala: 0.09, layanan: [KTP, KK, KIA] },
  { kode_unit: 'KEL-GDD', skala: 0.02, layanan: [KTP, KK] },
  { kode_unit: 'KEL-KBS', skala: 0.025, layanan: [KTP, KK] },
  { kode_unit: 'KEL-MGR', skala: 0.03, layanan: [KTP, KK] },
  { kode_unit: 'KEL-TBB', skala: 0.025, layanan: [KTP, KK] },
  { kode_unit: 'KEL-PLG', skala: 0.035, layanan: [KTP, KK] },
];

/** Expected on-time share per unit; Jakarta Timur climbs from 80 % to 93 % over the three years. */
function tepatWaktu(m: Month, unit: string): number {
  const t = m.tahun - 2023 + (m.bulan - 1) / 12;
  switch (unit) {
    case 'SDK-JP':
      return 0.95;
    case 'SDK-JS':
      return 0.9;
    case 'SDK-JT':
      return 0.8 + 0.045 * t;
    default:
      return unit.startsWith('KEC') ? 0.9 : 0.92;
  }
}

/** Mean processing days follow the on-time share: a slow office runs past its standard. */
const rataHari = (m: Month, unit: string, s: ServiceDef) => s.standar_hari * clamp(0.35 + (1 - tepatWaktu(m, unit)) * 3, 0.3, 1.5);

/** Jakarta adds no weak unsur per unit; these offsets apply to all (free service, crowded halls). */
const UNSUR = { biaya: 0.35, waktu: -0.15, sarana: -0.1, pengaduan: -0.1 } as const;

/**
 * Survey plan: expected IKM, and `cover` = responses as a multiple of the Krejcie–Morgan
 * minimum for the semester's applications (< 1: too few). Kelurahan survey only in the
 * second semester, from 2024.
 */
const SURVEY_PLAN: { kode_unit: string; ikm: number; perTahun?: number; cover: number; kelurahan?: boolean }[] = [
  { kode_unit: 'SDK-JP', ikm: 90.5, cover: 1.1 },
  { kode_unit: 'SDK-JS', ikm: 83, cover: 1.06 },
  { kode_unit: 'SDK-JT', ikm: 77.5, perTahun: 2.5, cover: 1.04 },
  { kode_unit: 'KEC-MTG', ikm: 84, cover: 1.03 },
  { kode_unit: 'KEC-TBT', ikm: 80, cover: 0.6 },
  { kode_unit: 'KEC-CKG', ikm: 71, perTahun: 3, cover: 1.02 },
  { kode_unit: 'KEL-GDD', ikm: 85, cover: 1.05, kelurahan: true },
  { kode_unit: 'KEL-KBS', ikm: 90.5, cover: 1.1, kelurahan: true },
  { kode_unit: 'KEL-MGR', ikm: 70, cover: 0.4, kelurahan: true },
  { kode_unit: 'KEL-TBB', ikm: 81, cover: 1.02, kelurahan: true },
  { kode_unit: 'KEL-PLG', ikm: 79, cover: 0.5, kelurahan: true },
];

const ADUAN_KATEGORI = [
  ['waktu', 25],
  ['prosedur', 15],
  ['persyaratan', 15],
  ['informasi', 15],
  ['perilaku_petugas', 10],
  ['sarana', 10],
  ['biaya', 3],
  ['lainnya', 7],
] as const;
const ADUAN_KANAL = [
  ['lapor', 30],
  ['aplikasi', 25],
  ['whatsapp', 15],
  ['media_sosial', 15],
  ['langsung', 10],
  ['surat', 5],
] as const;

/** Complaints per month; resolution time shortens from about 5 to 3 days. */
function aduan(kode_unit: string, perBulan: number): ComplaintPlan {
  return {
    kode_unit,
    perBulan: () => perBulan,
    kategori: ADUAN_KATEGORI,
    kanal: ADUAN_KANAL,
    hariSelesai: (m) => 5 - 0.7 * (m.tahun - 2023),
  };
}

const ADUAN: ComplaintPlan[] = [
  aduan('SDK-JP', 6),
  aduan('SDK-JS', 9),
  aduan('SDK-JT', 12),
  aduan('KEC-MTG', 2),
  aduan('KEC-TBT', 2),
  aduan('KEC-CKG', 2.5),
  ...['KEL-GDD', 'KEL-KBS', 'KEL-MGR', 'KEL-TBB', 'KEL-PLG'].map((k) => aduan(k, 0.5)),
];

const SUDIN = ['SDK-JP', 'SDK-JS', 'SDK-JT'];
const KECAMATAN = ['KEC-MTG', 'KEC-TBT', 'KEC-CKG'];
const KELURAHAN = ['KEL-GDD', 'KEL-KBS', 'KEL-MGR', 'KEL-TBB', 'KEL-PLG'];

const PELATIHAN: TrainingDef[] = [
  {
    nama: 'Pelatihan Pelayanan Prima bagi Petugas Front Office',
    kategori: 'pelayanan_publik',
    jp: 24,
    units: [...SUDIN, ...KECAMATAN, ...KELURAHAN],
    tahun: [2023, 2024, 2025],
    peserta: [4, 15],
  },
  {
    nama: 'Pelatihan Bahasa Isyarat Dasar untuk Layanan Inklusif',
    kategori: 'pelayanan_publik',
    jp: 16,
    units: SUDIN,
    tahun: [2024, 2025],
    peserta: [2, 6],
  },
  {
    nama: 'Pelatihan Penanganan Pengaduan Masyarakat',
    kategori: 'pelayanan_publik',
    jp: 12,
    units: ['DUKCAPIL', ...SUDIN, ...KECAMATAN],
    tahun: [2024],
    peserta: [2, 5],
  },
  {
    nama: 'Bimbingan Teknis Sistem Informasi Administrasi Kependudukan',
    kategori: 'teknologi_informasi',
    jp: 20,
    units: ['DUKCAPIL', ...SUDIN, ...KECAMATAN],
    tahun: [2023, 2024],
    peserta: [3, 10],
  },
  {
    nama: 'Pelatihan Kepemimpinan Administrator',
    kategori: 'manajerial',
    jp: 180,
    units: ['BKD', 'DUKCAPIL', 'INSP'],
    tahun: [2023, 2025],
    peserta: [1, 3],
  },
  {
    nama: 'Pelatihan Manajemen Kinerja dan Penyusunan SKP',
    kategori: 'manajerial',
    jp: 16,
    units: UNITS.map((u) => u.kode),
    tahun: [2024],
    peserta: [2, 6],
  },
  { nama: 'Pelatihan Auditor Ahli Pertama', kategori: 'fungsional', jp: 120, units: ['INSP'], tahun: [2023, 2024, 2025], peserta: [2, 5] },
];

/** Indicators; the adminduk timeliness and IKM realisations are computed from the files themselves. */
function indicators(
  ketepatan: (tahun: number) => number | undefined,
  ikm: (unit: string, tahun: number) => number | undefined,
): IndicatorDef[] {
  const adminduk = { program: 'Program Pendaftaran Penduduk', sasaran: 'Meningkatnya kualitas layanan administrasi kependudukan' };
  return [
    {
      kode_unit: 'DUKCAPIL',
      kode: 'KTP-REKAM',
      nama: 'Persentase penduduk wajib KTP-el yang telah merekam',
      satuan: '%',
      arah: 'naik',
      ...adminduk,
      nilai: { 2023: [98.5, 98.9], 2024: [99, 99.2], 2025: [99.3, 99.4] },
    },
    {
      kode_unit: 'DUKCAPIL',
      kode: 'AKTA-ANAK',
      nama: 'Persentase anak 0–18 tahun yang memiliki akta kelahiran',
      satuan: '%',
      arah: 'naik',
      ...adminduk,
      nilai: { 2023: [97, 96.4], 2024: [98, 97.8], 2025: [98.5, 98.1] },
    },
    {
      kode_unit: 'DUKCAPIL',
      kode: 'TEPAT-WAKTU',
      nama: 'Persentase dokumen adminduk selesai sesuai standar waktu',
      satuan: '%',
      arah: 'naik',
      ...adminduk,
      nilai: { 2023: [90, ketepatan(2023) ?? null], 2024: [91, ketepatan(2024) ?? null], 2025: [92, ketepatan(2025) ?? null] },
    },
    ...SUDIN.map((unit): IndicatorDef => ({
      kode_unit: unit,
      kode: 'IKM',
      nama: 'Indeks Kepuasan Masyarakat layanan adminduk',
      satuan: 'indeks',
      arah: 'naik',
      ...adminduk,
      nilai: { 2023: [82, ikm(unit, 2023) ?? null], 2024: [84, ikm(unit, 2024) ?? null], 2025: [86, ikm(unit, 2025) ?? null] },
    })),
    {
      kode_unit: 'BKD',
      kode: 'IP-ASN',
      nama: 'Indeks Profesionalitas ASN',
      satuan: 'indeks',
      arah: 'naik',
      program: 'Program Kepegawaian Daerah',
      sasaran: 'Meningkatnya profesionalitas ASN',
      nilai: { 2023: [75, 73.2], 2024: [78, 77.9], 2025: [80, 81.3] },
    },
    {
      kode_unit: 'INSP',
      kode: 'TL-LHP',
      nama: 'Persentase rekomendasi hasil pemeriksaan yang ditindaklanjuti',
      satuan: '%',
      arah: 'naik',
      program: 'Program Penyelenggaraan Pengawasan',
      sasaran: 'Meningkatnya akuntabilitas kinerja perangkat daerah',
      nilai: { 2023: [85, 82.6], 2024: [88, 90.1], 2025: [90, 88.7] },
    },
  ];
}

export const jakarta: RegionSpec = {
  kode: 'jakarta',
  wilayah: {
    nama: 'Provinsi DKI Jakarta',
    provinsi: 'DKI Jakarta',
    sumber: SUMBER_SINTETIS,
    tanggal_ekspor: '2026-01-09',
    lisensi: 'CC-BY-4.0',
    kontak: 'data.kinerja@jakarta.example.go.id',
  },
  dialek:
    'Indonesian Excel: UTF-8 with BOM, `;`, decimal comma (`82,35`), thousands separator (`2.345`), dates `DD/MM/YYYY`, CRLF, empty `;;;;` lines at the end of layanan.csv and pengaduan.csv; enumerations written as long labels (`Di Atas Ekspektasi`, `Sangat Baik`, `Kecamatan`, `Media Sosial`).',
  cerita: [
    "Dinas Dukcapil's three city branches (suku dinas Jakarta Pusat, Selatan, Timur) handle thousands of KTP-el, Kartu Keluarga, Akta Kelahiran, Akta Kematian and Surat Pindah applications a month; three kecamatan and five kelurahan service points handle hundreds or dozens.",
    'Seasons: KTP-el requests surge in November 2023 – January 2024 before the February 2024 election; birth certificates, family cards and KIA in June–July (school enrolment); moving letters the month after Idul Fitri.',
    'Jakarta Timur starts as the slowest branch (≈ 80 % on time) and reaches ≈ 93 % by the end of 2025.',
    "The largest survey: responses sized to the Krejcie–Morgan minimum of each unit's applications; Kecamatan Tebet (60 % of the minimum) and Kelurahan Manggarai and Pulo Gebang (40–50 %) fall short. Kelurahan survey only in the second semester of 2024 and 2025.",
    'IKM: Suku Dinas Jakarta Pusat and Kelurahan Kebon Sirih ≈ A, Kecamatan Cakung and Kelurahan Manggarai C (Cakung improves towards B), the rest B.',
    'The `TEPAT-WAKTU` and suku dinas `IKM` indicators take their realisations from layanan.csv and skm.csv.',
    'Public-service training for front-office staff (pelayanan prima, sign language, complaint handling).',
  ],
  async build(ctx) {
    await ctx.wilayah(this.wilayah);
    await ctx.write('unit', EXCEL_ID, unitRows(UNITS, 'label', ctx.rng('unit')));

    const appraisals = generateAppraisals(
      {
        periods: PERIODS,
        staff: STAFF,
        scores: { atasan: true, diri: true, rekan: false, decimals: 2 },
        predikat: 'isi',
        spelling: 'label',
        shareNamed: 0.1,
      },
      ctx.rng('kinerja'),
      new NipFactory(ctx.rng('nip')),
    );
    await ctx.write('kinerja_pegawai', EXCEL_ID, appraisals);

    const layanan = generateLayanan(POINTS, { tepat: tepatWaktu, rata: rataHari, selesai: 0.97, tumbuh: 0.03 }, ctx.rng('layanan'));
    await ctx.write('layanan', EXCEL_ID, layanan, { trailingEmptyLines: 3 });

    const permohonan = permohonanPerSemester(layanan);
    const survey: SurveyUnit[] = SURVEY_PLAN.map((p) => {
      const base = coverMinimum((sem) => permohonan(p.kode_unit, sem.key), p.cover);
      const point = POINTS.find((x) => x.kode_unit === p.kode_unit);
      return {
        kode_unit: p.kode_unit,
        layanan: point?.layanan.map((s) => s.kode),
        ikm: p.ikm,
        perTahun: p.perTahun,
        unsur: UNSUR,
        responden: p.kelurahan ? (sem: Semester) => (sem.s === 2 && sem.tahun >= 2024 ? base(sem) : 0) : base,
      };
    });
    const skm = generateSurvey(survey, { spelling: 'label', idPrefix: 'JKT', blankAnswer: 0.008, saran: 0.05 }, ctx.rng('skm'));
    await ctx.write('skm', EXCEL_ID, skm);

    await ctx.write(
      'pengaduan',
      EXCEL_ID,
      generatePengaduan(
        ADUAN,
        { spelling: 'label', idPrefix: 'JKT-ADU', cutoff: '2025-12-31', ditolak: 0.05, macet: 0.08, uraian: 0.3 },
        ctx.rng('pengaduan'),
      ),
      { trailingEmptyLines: 2 },
    );

    const ketepatan = (tahun: number) => ketepatanOf(layanan.filter((r) => r.tahun === tahun));
    const ikm = (unit: string, tahun: number) =>
      ikmOf(skm.filter((r) => r.kode_unit === unit && String(r.tanggal).startsWith(String(tahun))));
    await ctx.write('iku', EXCEL_ID, generateIku(indicators(ketepatan, ikm), 'label', ctx.rng('iku')));
    await ctx.write('pelatihan', EXCEL_ID, generatePelatihan(PELATIHAN, 'label', ctx.rng('pelatihan')));
  },
};
