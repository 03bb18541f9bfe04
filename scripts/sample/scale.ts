/**
 * Scale mode: one synthetic region `skala` with exactly N survey rows and 0.2·N appraisal
 * rows, for benchmarks of the build. Rows come from generators and are streamed to disk,
 * so memory stays flat however large N is; nothing is sorted or collected.
 */
import { KANAL, KATEGORI_PELATIHAN, KATEGORI_PENGADUAN, type Unsur } from '../../src/contract/enums.ts';
import { addDays, monthsOf, semestersOf, workingDaysOf } from './calendar.ts';
import type { Row } from './columns.ts';
import { PLAIN } from './format.ts';
import { appraise } from './people.ts';
import { predikatOf } from '../../src/contract/predikat.ts';
import { Rng, clamp, round, weighted } from './random.ts';
import { RegionContext, SUMBER_SINTETIS, type JenisUnit } from './region.ts';
import { answerSet, respondent } from './survey.ts';

const UNIT_COUNT = 200;
const SERVICES = ['LAY-A', 'LAY-B', 'LAY-C'] as const;
const JENIS: readonly JenisUnit[] = ['dinas', 'badan', 'kecamatan', 'kelurahan', 'kelurahan', 'puskesmas', 'sekolah', 'lainnya'];

interface ScaleUnit {
  kode: string;
  jenis: JenisUnit;
  induk: string | undefined;
  /** Expected IKM, spread over C, B and A. */
  ikm: number;
}

function units(rng: Rng): ScaleUnit[] {
  return Array.from({ length: UNIT_COUNT }, (_, i) => {
    const jenis = i < 10 ? 'dinas' : rng.pick(JENIS);
    return {
      kode: `U${String(i + 1).padStart(3, '0')}`,
      jenis,
      // Units after the first ten hang under one of the ten dinas.
      induk: i < 10 ? undefined : `U${String((i % 10) + 1).padStart(3, '0')}`,
      ikm: clamp(rng.normal(80, 6), 62, 93),
    };
  });
}

function* unitRows(list: readonly ScaleUnit[]): Generator<Row<'unit'>> {
  for (const u of list) yield { kode_unit: u.kode, nama_unit: `Unit Skala ${u.kode.slice(1)}`, jenis_unit: u.jenis, induk_unit: u.induk };
}

/** Survey rows spread evenly over the working days of 2023–2025, in date order. */
function* skmRows(n: number, list: readonly ScaleUnit[], rng: Rng): Generator<Row<'skm'>> {
  const days = monthsOf().flatMap((m) => workingDaysOf(m.tahun, m.bulan));
  const style = { spelling: 'kode', saran: 0.02 } as const;
  for (let i = 0; i < n; i++) {
    const unit = list[Math.floor(rng.next() * list.length)];
    const base = unit.ikm / 25;
    const answers = answerSet(rng, (u: Unsur) => base + (u === 'biaya' ? 0.3 : u === 'waktu' ? -0.2 : 0), 0.01);
    const row: Row<'skm'> = {
      id_responden: `SKL-${String(i + 1).padStart(9, '0')}`,
      kode_unit: unit.kode,
      kode_layanan: rng.pick(SERVICES),
      tanggal: days[Math.floor((i * days.length) / n)],
      ...answers,
      ...respondent(rng, style),
    };
    yield row;
  }
}

/**
 * Exactly `n` appraisal rows: employees × six semesters, period by period. The NIP is built
 * from the employee's index (birth date advances every 999 employees, the sequence is
 * 001–999 within a birth date), so it is unique without a lookup table.
 */
function* kinerjaRows(n: number, rng: Rng): Generator<Row<'kinerja_pegawai'>> {
  const periods = semestersOf().map((s) => s.key);
  const employees = Math.ceil(n / periods.length);
  const abilities = new Float32Array(employees).map(() => rng.normal());
  let emitted = 0;
  for (const periode of periods) {
    for (let e = 0; e < employees && emitted < n; e++, emitted++) {
      const a = appraise(rng, abilities[e]);
      yield {
        nip: nipOf(e),
        nama: undefined,
        kode_unit: `U${String((e % UNIT_COUNT) + 1).padStart(3, '0')}`,
        periode,
        hasil_kerja: a.hasil,
        perilaku_kerja: a.perilaku,
        predikat: predikatOf(a.hasil, a.perilaku),
        nilai_atasan: round(a.atasan, 1),
        nilai_diri: round(a.diri, 1),
        nilai_rekan: round(a.rekan, 1),
      };
    }
  }
}

function nipOf(e: number): string {
  const birth = addDays('1965-01-01', Math.floor(e / 999)).replace(/-/g, '');
  const appointed = Number(birth.slice(0, 4)) + 25;
  return `${birth}${appointed}03${(e % 2) + 1}${String((e % 999) + 1).padStart(3, '0')}`;
}

/** Monthly volumes per unit and service, sized so the survey roughly meets its minimum. */
function* layananRows(list: readonly ScaleUnit[], rng: Rng): Generator<Row<'layanan'>> {
  for (const u of list) {
    for (const kode of SERVICES) {
      for (const m of monthsOf()) {
        const permohonan = Math.round(120 * rng.factor(0.3));
        const selesai = Math.round(permohonan * 0.95);
        yield {
          kode_unit: u.kode,
          kode_layanan: kode,
          nama_layanan: `Layanan ${kode.slice(-1)}`,
          tahun: m.tahun,
          bulan: m.bulan,
          permohonan,
          selesai,
          tepat_waktu: Math.round(selesai * clamp(rng.normal(0.85, 0.08), 0, 1)),
          standar_hari: 5,
          rata_hari: selesai > 0 ? round(4 * rng.factor(0.2), 1) : undefined,
        };
      }
    }
  }
}

function* pengaduanRows(n: number, list: readonly ScaleUnit[], rng: Rng): Generator<Row<'pengaduan'>> {
  const days = monthsOf().flatMap((m) => workingDaysOf(m.tahun, m.bulan));
  const kategori = weighted(KATEGORI_PENGADUAN.map((o) => [o.value, 1] as const));
  const kanal = weighted(KANAL.map((o) => [o.value, 1] as const));
  for (let i = 0; i < n; i++) {
    const masuk = days[Math.floor((i * days.length) / n)];
    const selesai = addDays(masuk, Math.round(8 * rng.factor(0.5)));
    const open = selesai > '2025-12-31';
    yield {
      id_pengaduan: `SKL-ADU-${String(i + 1).padStart(8, '0')}`,
      kode_unit: list[Math.floor(rng.next() * list.length)].kode,
      tanggal_masuk: masuk,
      tanggal_selesai: open ? undefined : selesai,
      kategori: kategori(rng),
      kanal: kanal(rng),
      status: open ? 'diproses' : 'selesai',
      uraian: undefined,
    };
  }
}

function* ikuRows(list: readonly ScaleUnit[], rng: Rng): Generator<Row<'iku'>> {
  for (const tahun of [2023, 2024, 2025]) {
    for (const u of list) {
      const target = 80;
      yield {
        kode_unit: u.kode,
        tahun,
        kode_indikator: 'IKU-1',
        nama_indikator: 'Indikator kinerja sintetis naik',
        satuan: '%',
        arah: 'naik',
        target,
        realisasi: round(target * rng.factor(0.1), 2),
        program: undefined,
        sasaran: undefined,
      };
      yield {
        kode_unit: u.kode,
        tahun,
        kode_indikator: 'IKU-2',
        nama_indikator: 'Indikator kinerja sintetis turun',
        satuan: 'hari',
        arah: 'turun',
        target: 10,
        realisasi: round(10 * rng.factor(0.15), 2),
        program: undefined,
        sasaran: undefined,
      };
    }
  }
}

function* pelatihanRows(list: readonly ScaleUnit[], rng: Rng): Generator<Row<'pelatihan'>> {
  for (const tahun of [2023, 2024, 2025]) {
    for (const u of list) {
      for (let k = 0; k < 2; k++) {
        const kategori = rng.pick(KATEGORI_PELATIHAN).value;
        yield {
          kode_unit: u.kode,
          tahun,
          nama_pelatihan: `Pelatihan sintetis ${kategori}`,
          kategori,
          peserta: rng.int(1, 20),
          jam_pelajaran: rng.pick([8, 16, 24, 40]),
        };
      }
    }
  }
}

function* laporanRows(list: readonly ScaleUnit[], rng: Rng): Generator<Row<'laporan_harian'>> {
  for (const m of monthsOf()) {
    const hari_kerja = workingDaysOf(m.tahun, m.bulan).length;
    for (const u of list) {
      const pegawai = 20;
      yield {
        kode_unit: u.kode,
        tahun: m.tahun,
        bulan: m.bulan,
        pegawai,
        hari_kerja,
        laporan: Math.round(pegawai * hari_kerja * clamp(rng.normal(0.8, 0.1), 0, 1)),
      };
    }
  }
}

export async function writeScale(outDir: string, n: number): Promise<RegionContext> {
  const ctx = new RegionContext(outDir, 'skala');
  const list = units(ctx.rng('unit'));
  await ctx.wilayah({
    nama: 'Wilayah Skala (sintetis)',
    provinsi: 'Sintetis',
    sumber: `${SUMBER_SINTETIS}; data uji skala, ${n} baris SKM`,
    tanggal_ekspor: '2026-01-15',
    lisensi: 'CC-BY-4.0',
    kontak: 'uji@example.go.id',
  });
  await ctx.write('unit', PLAIN, unitRows(list));
  await ctx.write('skm', PLAIN, skmRows(n, list, ctx.rng('skm')));
  await ctx.write('kinerja_pegawai', PLAIN, kinerjaRows(Math.round(n * 0.2), ctx.rng('kinerja')));
  await ctx.write('layanan', PLAIN, layananRows(list, ctx.rng('layanan')));
  await ctx.write('pengaduan', PLAIN, pengaduanRows(Math.max(1, Math.round(n / 100)), list, ctx.rng('pengaduan')));
  await ctx.write('iku', PLAIN, ikuRows(list, ctx.rng('iku')));
  await ctx.write('pelatihan', PLAIN, pelatihanRows(list, ctx.rng('pelatihan')));
  await ctx.write('laporan_harian', PLAIN, laporanRows(list, ctx.rng('laporan')));
  return ctx;
}
