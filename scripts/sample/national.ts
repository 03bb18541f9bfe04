/**
 * Many regions for scale tests (`npm run sample -- --regions N`): kota, kabupaten and
 * provinsi of realistic, varied sizes, in the proportions of Indonesia (roughly 416
 * kabupaten, 98 kota, 38 provinsi). A kota has ~30 OPD, kecamatan, kelurahan and puskesmas;
 * a kabupaten ~40 OPD, 10–28 kecamatan with hundreds of desa, and its puskesmas; a provinsi
 * its OPD, hospitals, UPT and upper secondary schools.
 *
 * Region i depends only on i (its own named random streams), so the first five regions of
 * `--regions 50` are byte-identical to `--regions 5`: a larger run only adds regions, which
 * is what a marginal cost per page needs, and what later incremental builds can rely on.
 */
import type { Unsur } from '../../src/contract/enums.ts';
import { minimumSample } from '../../src/derive/ikm.ts';
import { monthsOf, type Month, type Semester } from './calendar.ts';
import { EXCEL_ID, EXCEL_ID_DASH, PLAIN, PLAIN_TAB, type Dialect } from './format.ts';
import { NipFactory, generateAppraisals } from './people.ts';
import { generateIku, generateLaporan, generatePelatihan, type IndicatorDef, type KategoriPelatihan, type TrainingDef } from './plans.ts';
import { clamp, round, type Rng } from './random.ts';
import { RegionContext, SUMBER_SINTETIS, unitRows, type JenisUnit, type UnitDef } from './region.ts';
import { generateLayanan, generatePengaduan, permohonanPerSemester, type ServiceDef, type ServicePoint } from './services.ts';
import type { Spelling } from './spelling.ts';
import { generateSurvey, type SurveyUnit } from './survey.ts';

export type RegionKind = 'kota' | 'kabupaten' | 'provinsi';

/** Of every 14 regions: 3 kota, 1 provinsi, 10 kabupaten; the first three cover all kinds. */
export function kindOf(i: number): RegionKind {
  const k = i % 14;
  if (k === 2) return 'provinsi';
  return k === 0 || k === 5 || k === 10 ? 'kota' : 'kabupaten';
}

/** `kota-001`, `kab-002`, `prov-003`: the 1-based index keeps codes unique and stable. */
export function regionCode(i: number): string {
  const prefix = { kota: 'kota', kabupaten: 'kab', provinsi: 'prov' }[kindOf(i)];
  return `${prefix}-${String(i + 1).padStart(3, '0')}`;
}

const NAMA_JENIS = { kota: 'Kota', kabupaten: 'Kabupaten', provinsi: 'Provinsi' } as const;

/** Regional offices (OPD) in the usual order of a nomenclature; a region takes the first n. */
const OPD: readonly (readonly [string, string, JenisUnit])[] = [
  ['SETDA', 'Sekretariat Daerah', 'sekretariat'],
  ['SETWAN', 'Sekretariat DPRD', 'sekretariat'],
  ['INSP', 'Inspektorat', 'inspektorat'],
  ['BAPPEDA', 'Badan Perencanaan Pembangunan Daerah', 'badan'],
  ['BKPSDM', 'Badan Kepegawaian dan Pengembangan Sumber Daya Manusia', 'badan'],
  ['BPKAD', 'Badan Pengelolaan Keuangan dan Aset Daerah', 'badan'],
  ['BAPENDA', 'Badan Pendapatan Daerah', 'badan'],
  ['BPBD', 'Badan Penanggulangan Bencana Daerah', 'badan'],
  ['KESBANGPOL', 'Badan Kesatuan Bangsa dan Politik', 'badan'],
  ['DISDIK', 'Dinas Pendidikan', 'dinas'],
  ['DINKES', 'Dinas Kesehatan', 'dinas'],
  ['DPUPR', 'Dinas Pekerjaan Umum dan Penataan Ruang', 'dinas'],
  ['DISPERKIM', 'Dinas Perumahan dan Kawasan Permukiman', 'dinas'],
  ['SATPOLPP', 'Satuan Polisi Pamong Praja', 'lainnya'],
  ['DINSOS', 'Dinas Sosial', 'dinas'],
  ['DISNAKER', 'Dinas Tenaga Kerja', 'dinas'],
  ['DP3A', 'Dinas Pemberdayaan Perempuan dan Perlindungan Anak', 'dinas'],
  ['DISPANGAN', 'Dinas Ketahanan Pangan', 'dinas'],
  ['DLH', 'Dinas Lingkungan Hidup', 'dinas'],
  ['DUKCAPIL', 'Dinas Kependudukan dan Pencatatan Sipil', 'dinas'],
  ['DPPKB', 'Dinas Pengendalian Penduduk dan Keluarga Berencana', 'dinas'],
  ['DISHUB', 'Dinas Perhubungan', 'dinas'],
  ['DISKOMINFO', 'Dinas Komunikasi dan Informatika', 'dinas'],
  ['DISKOP', 'Dinas Koperasi dan Usaha Kecil Menengah', 'dinas'],
  ['DPMPTSP', 'Dinas Penanaman Modal dan Pelayanan Terpadu Satu Pintu', 'dinas'],
  ['DISPORA', 'Dinas Pemuda dan Olahraga', 'dinas'],
  ['DISPAR', 'Dinas Pariwisata dan Kebudayaan', 'dinas'],
  ['DISPUSIP', 'Dinas Perpustakaan dan Kearsipan', 'dinas'],
  ['DKP', 'Dinas Kelautan dan Perikanan', 'dinas'],
  ['DISTAN', 'Dinas Pertanian', 'dinas'],
  ['DISNAK', 'Dinas Peternakan dan Kesehatan Hewan', 'dinas'],
  ['DISPERINDAG', 'Dinas Perindustrian dan Perdagangan', 'dinas'],
  ['DAMKAR', 'Dinas Pemadam Kebakaran dan Penyelamatan', 'dinas'],
  ['BRIDA', 'Badan Riset dan Inovasi Daerah', 'badan'],
  ['DPMD', 'Dinas Pemberdayaan Masyarakat dan Desa', 'dinas'],
  ['DISHUT', 'Dinas Kehutanan', 'dinas'],
  ['DESDM', 'Dinas Energi dan Sumber Daya Mineral', 'dinas'],
  ['DPKPP', 'Dinas Perkebunan', 'dinas'],
  ['BPSDMD', 'Badan Pengembangan Sumber Daya Manusia Daerah', 'badan'],
  ['BIRO-UMUM', 'Biro Umum', 'sekretariat'],
  ['BIRO-HUKUM', 'Biro Hukum', 'sekretariat'],
  ['BIRO-ORG', 'Biro Organisasi', 'sekretariat'],
  ['BIRO-PEM', 'Biro Pemerintahan dan Otonomi Daerah', 'sekretariat'],
  ['BIRO-EKON', 'Biro Perekonomian', 'sekretariat'],
  ['BIRO-KESRA', 'Biro Kesejahteraan Rakyat', 'sekretariat'],
  ['BIRO-ADPIM', 'Biro Administrasi Pimpinan', 'sekretariat'],
  ['BIRO-PBJ', 'Biro Pengadaan Barang dan Jasa', 'sekretariat'],
  ['BIRO-INFRA', 'Biro Administrasi Pembangunan', 'sekretariat'],
];

const svc = (kode: string, nama: string, standar_hari: number, perBulan: number): ServiceDef => ({ kode, nama, standar_hari, perBulan });

/** Services by kind of unit; `perBulan` is the monthly volume of a unit of scale 1. */
const LAYANAN = {
  DUKCAPIL: [
    svc('KTP-EL', 'Kartu Tanda Penduduk Elektronik', 14, 900),
    svc('AKTA-LAHIR', 'Akta Kelahiran', 7, 500),
    svc('KK', 'Kartu Keluarga', 7, 700),
  ],
  DPMPTSP: [svc('PBG', 'Persetujuan Bangunan Gedung', 30, 40), svc('NIB', 'Nomor Induk Berusaha', 1, 300)],
  kecamatan: [svc('PATEN-SK', 'Surat Keterangan Kecamatan', 3, 60), svc('PATEN-REK', 'Rekomendasi Perizinan Kecamatan', 5, 20)],
  kelurahan: [svc('SK-DOMISILI', 'Surat Keterangan Domisili', 1, 40)],
  puskesmas: [svc('RAWAT-JALAN', 'Rawat Jalan Puskesmas', 1, 700), svc('KIA', 'Pelayanan Kesehatan Ibu dan Anak', 1, 150)],
  rsud: [svc('IGD', 'Instalasi Gawat Darurat', 1, 900), svc('POLIKLINIK', 'Rawat Jalan Rumah Sakit', 1, 2500)],
  samsat: [svc('PKB', 'Pembayaran Pajak Kendaraan Bermotor', 1, 3000)],
} as const satisfies Record<string, readonly ServiceDef[]>;

type LayananKind = keyof typeof LAYANAN;

interface NationalUnit extends UnitDef {
  /** Employees appraised in the first year (0 = not in e-Kinerja, like a desa). */
  pegawai: number;
  /** Services the unit reports in layanan.csv and surveys, if any. */
  layanan?: LayananKind;
  /** Volume multiplier of its services. */
  skala: number;
}

const pad = (n: number, w = 2): string => String(n).padStart(w, '0');

/** The units of one region, sized by its kind. */
function unitsOf(kind: RegionKind, rng: Rng): NationalUnit[] {
  const units: NationalUnit[] = [];
  const add = (u: NationalUnit): void => void units.push(u);
  const opdCount = kind === 'kota' ? rng.int(26, 34) : kind === 'kabupaten' ? rng.int(34, 40) : rng.int(40, OPD.length);
  // Provinsi nomenclature has bureaus instead of the district-only offices.
  const opd =
    kind === 'provinsi'
      ? OPD.filter(([kode]) => kode !== 'DUKCAPIL' && kode !== 'DPMD')
      : OPD.filter(([kode]) => !kode.startsWith('BIRO-'));
  for (const [kode, nama, jenis] of opd.slice(0, opdCount)) {
    const layanan = kode === 'DUKCAPIL' || kode === 'DPMPTSP' ? kode : kode === 'BAPENDA' && kind === 'provinsi' ? 'samsat' : undefined;
    add({ kode, nama, jenis, pegawai: rng.int(20, 110), layanan, skala: kind === 'provinsi' ? rng.factor(0.4) * 3 : rng.factor(0.5) });
  }
  const rsud = kind === 'kota' ? 1 : kind === 'kabupaten' ? rng.int(1, 2) : rng.int(2, 4);
  for (let r = 1; r <= rsud; r++) {
    add({
      kode: `RSUD-${r}`,
      nama: `Rumah Sakit Umum Daerah ${r}`,
      jenis: 'rsud',
      induk: 'DINKES',
      pegawai: rng.int(120, 320),
      layanan: 'rsud',
      skala: rng.factor(0.4),
    });
  }
  if (kind === 'provinsi') {
    for (let u = 1, n = rng.int(10, 20); u <= n; u++) {
      add({
        kode: `UPT-${pad(u)}`,
        nama: `UPT Pelayanan Pendapatan Daerah Wilayah ${u}`,
        jenis: 'lainnya',
        induk: 'BAPENDA',
        pegawai: rng.int(10, 30),
        layanan: 'samsat',
        skala: rng.factor(0.5) / 3,
      });
    }
    for (let s = 1, n = rng.int(15, 30); s <= n; s++) {
      add({ kode: `SMA-${pad(s)}`, nama: `SMA Negeri ${s}`, jenis: 'sekolah', induk: 'DISDIK', pegawai: rng.int(20, 55), skala: 1 });
    }
    return units;
  }
  const kecamatan = kind === 'kota' ? rng.int(4, 10) : rng.int(10, 28);
  for (let k = 1; k <= kecamatan; k++) {
    const kec = `KEC-${pad(k)}`;
    add({ kode: kec, nama: `Kecamatan ${k}`, jenis: 'kecamatan', pegawai: rng.int(12, 30), layanan: 'kecamatan', skala: rng.factor(0.4) });
    if (kind === 'kota') {
      for (let l = 1, n = rng.int(4, 8); l <= n; l++) {
        add({
          kode: `KEL-${pad(k)}-${pad(l)}`,
          nama: `Kelurahan ${k}.${l}`,
          jenis: 'kelurahan',
          induk: kec,
          pegawai: rng.int(6, 14),
          layanan: 'kelurahan',
          skala: rng.factor(0.4),
        });
      }
    } else {
      // Desa officials are not ASN: the units exist in the hierarchy, mostly without appraisals
      // (a few desa with seconded staff, all in groups below the threshold).
      for (let d = 1, n = rng.int(6, 16); d <= n; d++) {
        add({
          kode: `DESA-${pad(k)}-${pad(d)}`,
          nama: `Desa ${k}.${d}`,
          jenis: 'lainnya',
          induk: kec,
          pegawai: rng.chance(0.2) ? rng.int(2, 6) : 0,
          skala: 1,
        });
      }
    }
  }
  const puskesmas = kind === 'kota' ? rng.int(8, 18) : kecamatan + rng.int(0, 8);
  for (let p = 1; p <= puskesmas; p++) {
    add({
      kode: `PKM-${pad(p)}`,
      nama: `Puskesmas ${p}`,
      jenis: 'puskesmas',
      induk: 'DINKES',
      pegawai: rng.int(15, 45),
      layanan: 'puskesmas',
      skala: rng.factor(0.35),
    });
  }
  return units;
}

const YEARS = [2023, 2024, 2025] as const;
const PERIODS = YEARS.map(String);

const DIALECTS: readonly Dialect[] = [PLAIN, PLAIN, PLAIN_TAB, EXCEL_ID, EXCEL_ID_DASH];
const SPELLINGS: readonly Spelling[] = ['kode', 'kode', 'label', 'campur'];

/** A region's choices of what it exports and how it writes it. */
interface Style {
  dialect: Dialect;
  spelling: Spelling;
  /** First year surveyed (some regions started SKM recently). */
  surveySince: number;
  files: { layanan: boolean; pengaduan: boolean; pelatihan: boolean; laporan_harian: boolean };
}

function styleOf(rng: Rng): Style {
  return {
    dialect: rng.pick(DIALECTS),
    spelling: rng.pick(SPELLINGS),
    surveySince: rng.chance(0.75) ? 2023 : 2024,
    files: { layanan: rng.chance(0.8), pengaduan: rng.chance(0.7), pelatihan: rng.chance(0.6), laporan_harian: rng.chance(0.5) },
  };
}

function surveyUnits(
  units: readonly NationalUnit[],
  permohonan: (kode: string, semester: string) => number,
  since: number,
  rng: Rng,
): SurveyUnit[] {
  // Not every service unit runs the survey; those that do reach between a third of their
  // Krejcie–Morgan minimum and a little over it (most fall short, as in practice).
  return units
    .filter((u) => u.layanan !== undefined && rng.chance(0.6))
    .map((u) => {
      const cover = 0.3 + 0.8 * rng.next();
      const responden = (sem: Semester): number =>
        sem.tahun < since ? 0 : Math.ceil(minimumSample(Math.max(1, permohonan(u.kode, sem.key))) * cover);
      const unsur: Partial<Record<Unsur, number>> = { biaya: 0.25, waktu: rng.normal(-0.15, 0.1), sarana: rng.normal(-0.05, 0.1) };
      return {
        kode_unit: u.kode,
        layanan: LAYANAN[u.layanan!].map((s) => s.kode),
        ikm: clamp(rng.normal(81, 5), 66, 94),
        perTahun: rng.normal(0.6, 0.8),
        unsur,
        responden,
      };
    });
}

const INDIKATOR = [
  { kode: 'IKU-SAKIP', nama: 'Nilai evaluasi SAKIP perangkat daerah', satuan: 'nilai', arah: 'naik', target: 70 },
  { kode: 'IKU-SERAP', nama: 'Persentase serapan anggaran', satuan: '%', arah: 'naik', target: 95 },
  { kode: 'IKU-WAKTU', nama: 'Rata-rata waktu penyelesaian layanan', satuan: 'hari', arah: 'turun', target: 5 },
  { kode: 'IKU-ADUAN', nama: 'Persentase pengaduan yang ditindaklanjuti', satuan: '%', arah: 'naik', target: 90 },
] as const;

function indicators(units: readonly NationalUnit[], rng: Rng): IndicatorDef[] {
  return units
    .filter((u) => u.jenis !== 'lainnya' || u.pegawai > 0)
    .filter((u) => u.jenis !== 'kelurahan')
    .flatMap((u) =>
      INDIKATOR.slice(0, rng.int(1, INDIKATOR.length)).map((d) => {
        const nilai: Record<number, readonly [number, number | null]> = {};
        for (const tahun of YEARS) {
          const capaian = clamp(rng.normal(0.97, 0.1), 0.4, 1.4);
          const realisasi = d.arah === 'naik' ? d.target * capaian : d.target * (2 - capaian);
          // The last year is not always reported by export time: blank, never 0.
          nilai[tahun] = [d.target, tahun === 2025 && rng.chance(0.25) ? null : round(Math.max(0, realisasi), 2)];
        }
        return { kode_unit: u.kode, kode: d.kode, nama: d.nama, satuan: d.satuan, arah: d.arah, nilai };
      }),
    );
}

const PELATIHAN: readonly (readonly [string, KategoriPelatihan, number])[] = [
  ['Pelatihan Pelayanan Prima', 'pelayanan_publik', 24],
  ['Pelatihan Kepemimpinan Pengawas', 'manajerial', 40],
  ['Literasi Digital ASN', 'teknologi_informasi', 16],
  ['Bimbingan Teknis Penyusunan SKP', 'teknis', 8],
  ['Pelatihan Jabatan Fungsional', 'fungsional', 32],
];

function trainings(units: readonly NationalUnit[], rng: Rng): TrainingDef[] {
  const appraised = units.filter((u) => u.pegawai >= 10).map((u) => u.kode);
  return PELATIHAN.map(([nama, kategori, jp]) => ({
    nama,
    kategori,
    jp,
    units: appraised.filter(() => rng.chance(0.35)),
    tahun: YEARS.filter(() => rng.chance(0.8)),
    peserta: [2, 25] as const,
  })).filter((t) => t.units.length > 0 && t.tahun.length > 0);
}

/** Writes region `i` into `outDir/<code>/`. */
export async function writeNationalRegion(outDir: string, i: number, provinsiOf: (i: number) => string): Promise<RegionContext> {
  const kind = kindOf(i);
  const kode = regionCode(i);
  const ctx = new RegionContext(outDir, kode);
  const style = styleOf(ctx.rng('gaya'));
  const units = unitsOf(kind, ctx.rng('unit'));
  const nomor = String(i + 1).padStart(3, '0');
  await ctx.wilayah({
    nama: `${NAMA_JENIS[kind]} Sintetis ${nomor}`,
    provinsi: provinsiOf(i),
    sumber: `${SUMBER_SINTETIS}; wilayah uji skala nasional`,
    tanggal_ekspor: `2026-01-${pad(ctx.rng('ekspor').int(5, 25))}`,
    lisensi: 'CC-BY-4.0',
    kontak: `bkpsdm.${kode}@example.go.id`,
  });
  const { dialect, spelling } = style;
  await ctx.write('unit', dialect, unitRows(units, spelling, ctx.rng('unit-ejaan')));

  const staff: Record<string, number[]> = {};
  for (const u of units) if (u.pegawai > 0) staff[u.kode] = YEARS.map((_, y) => Math.max(1, Math.round(u.pegawai * (1 + 0.03 * y))));
  const appraisals = generateAppraisals(
    { periods: PERIODS, staff, scores: { atasan: true, diri: true, rekan: true, decimals: 1 }, predikat: 'isi', spelling, shareNamed: 0 },
    ctx.rng('kinerja'),
    new NipFactory(ctx.rng('nip')),
  );
  await ctx.write('kinerja_pegawai', dialect, appraisals);

  const rngLayanan = ctx.rng('layanan');
  const points: ServicePoint[] = units
    .filter((u) => u.layanan)
    .map((u) => ({ kode_unit: u.kode, skala: u.skala, layanan: LAYANAN[u.layanan!] }));
  const baseTepat = clamp(rngLayanan.normal(0.82, 0.08), 0.5, 0.98);
  const layanan = generateLayanan(
    points,
    { tepat: (m: Month) => clamp(baseTepat + 0.02 * (m.tahun - 2023), 0, 1), rata: (_m, _u, s) => s.standar_hari * 0.8, tumbuh: 0.04 },
    rngLayanan,
  );
  if (style.files.layanan) await ctx.write('layanan', dialect, layanan);
  const prefix = kode.replace(/-/g, '').toUpperCase();
  await ctx.write(
    'skm',
    dialect,
    generateSurvey(
      surveyUnits(units, permohonanPerSemester(layanan), style.surveySince, ctx.rng('survei')),
      { spelling, idPrefix: prefix, blankAnswer: 0.01, saran: 0.03 },
      ctx.rng('skm'),
    ),
  );

  await ctx.write('iku', dialect, generateIku(indicators(units, ctx.rng('iku-plan')), spelling, ctx.rng('iku')));

  if (style.files.pengaduan) {
    const rngPlan = ctx.rng('pengaduan-plan');
    const plans = units
      .filter((u) => u.layanan)
      .map((u) => ({
        kode_unit: u.kode,
        perBulan: () => 0.5 + 2 * u.skala * rngPlan.next(),
        kategori: [
          ['waktu', 3],
          ['prosedur', 2],
          ['persyaratan', 2],
          ['perilaku_petugas', 1],
          ['sarana', 1],
          ['informasi', 1],
          ['biaya', 0.5],
          ['lainnya', 0.5],
        ] as const,
        kanal: [
          ['lapor', 3],
          ['aplikasi', 2],
          ['whatsapp', 2],
          ['langsung', 2],
          ['surat', 0.5],
          ['media_sosial', 1],
          ['lainnya', 0.3],
        ] as const,
        hariSelesai: () => 4 + 10 * rngPlan.next(),
      }));
    await ctx.write(
      'pengaduan',
      dialect,
      generatePengaduan(
        plans,
        { spelling, idPrefix: `${prefix}-ADU`, cutoff: '2025-12-31', ditolak: 0.05, macet: 0.1, uraian: 0.2 },
        ctx.rng('pengaduan'),
      ),
    );
  }
  if (style.files.pelatihan)
    await ctx.write('pelatihan', dialect, generatePelatihan(trainings(units, ctx.rng('pelatihan-plan')), spelling, ctx.rng('pelatihan')));
  if (style.files.laporan_harian) {
    const pegawai: Record<string, (m: Month) => number> = {};
    for (const u of units) if (u.pegawai >= 10) pegawai[u.kode] = (m) => staff[u.kode][m.tahun - 2023];
    const start = clamp(ctx.rng('laporan-plan').normal(0.7, 0.1), 0.4, 0.95);
    const months = monthsOf().length;
    const index = (m: Month) => monthsOf().findIndex((x) => x.tahun === m.tahun && x.bulan === m.bulan);
    await ctx.write(
      'laporan_harian',
      dialect,
      generateLaporan({ pegawai, kepatuhan: (m) => clamp(start + (0.95 - start) * (index(m) / months), 0, 1) }, ctx.rng('laporan')),
    );
  }
  return ctx;
}

/** Kota and kabupaten belong to the provinsi of their block of 14 (a provinsi is its own). */
export function provinsiName(i: number): string {
  return `Provinsi Sintetis ${String(Math.floor(i / 14) * 14 + 3).padStart(3, '0')}`;
}
