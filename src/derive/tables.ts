/**
 * Validated regions → the published tables of contract §6. Pure: no file, no clock.
 * Each table is a function so that a page, a test or the benchmark can ask for one alone.
 */
import { KELOMPOK_UMUR, PREDIKAT, UNSUR_KEYS, type Predikat } from '../contract/enums.ts';
import type { PublishedRow, TableName } from '../contract/published.ts';
import type { RegionData } from '../validate/export.ts';
import { capaianOf, kategoriCapaian } from './capaian.ts';
import { groupBy } from './group.ts';
import { addResponse, ikmOf, minimumSample, newIkmAccumulator, type IkmAccumulator } from './ikm.ts';
import { comparePeriods, inPeriod, kelompokUmur, monthOf, semesterOf, yearOf } from './periods.ts';
import { mapped, ranksOf, SortedRows } from './order.ts';
import { predikatOf } from './predikat.ts';
import { daysBetween, kepatuhanLaporan, ketepatanWaktu } from './rates.ts';
import { mean, median, round2 } from './rounding.ts';
import { suppressPredikat, type PredikatGroup } from './suppression.ts';

export interface DeriveOptions {
  /** Group threshold for appraisal counts (contract §5), ≥ 5. */
  threshold: number;
}

const byKeys = (...keys: string[]) => (a: PublishedRow, b: PublishedRow) => {
  for (const k of keys) {
    const x = a[k];
    const y = b[k];
    if (x === y) continue;
    if (x === null) return 1;
    if (y === null) return -1;
    return typeof x === 'number' && typeof y === 'number' ? x - y : comparePeriods(String(x), String(y));
  }
  return 0;
};

export function* wilayahRows(regions: readonly RegionData[]): Iterable<PublishedRow> {
  for (const r of regions) {
    const w = r.wilayah;
    yield { kode_wilayah: r.code, nama: w.nama, provinsi: w.provinsi, tanggal_ekspor: w.tanggal_ekspor, sumber: w.sumber ?? null, lisensi: w.lisensi };
  }
}

export function* unitRows(regions: readonly RegionData[]): Iterable<PublishedRow> {
  for (const r of regions) {
    const rows: PublishedRow[] = [];
    for (const u of r.unit) rows.push({ kode_wilayah: r.code, kode_unit: u.kode_unit, nama_unit: u.nama_unit, jenis_unit: u.jenis_unit, induk_unit: u.induk_unit ?? null });
    yield* rows.sort(byKeys('kode_unit'));
  }
}

/** Applications received by each unit, per period, from layanan.csv: the N of Krejcie–Morgan. */
function applicationsPerPeriod(region: RegionData, periods: Iterable<[string, string]>): Map<string, number | null> {
  const byUnit = groupBy(region.layanan, (l) => l.kode_unit);
  const out = new Map<string, number | null>();
  for (const [unit, periode] of periods) {
    const rows = byUnit.get(unit);
    out.set(`${unit}|${periode}`, rows ? rows.filter((l) => inPeriod(periode, l.tahun, l.bulan)).reduce((n, l) => n + l.permohonan, 0) : null);
  }
  return out;
}

/**
 * A region's survey responses as the IKM derivations read them: per row, the unit and the
 * period codes, and the nine answers, straight from the table's columns (no object per row).
 */
interface SurveyColumns {
  length: number;
  unit: Int32Array;
  units: readonly string[];
  /** Per row, index into `periods` of its year and of its semester. */
  year: Int32Array;
  semester: Int32Array;
  periods: string[];
  answers: Float64Array[];
}

const surveyCache = new WeakMap<RegionData, SurveyColumns>();

function surveyColumns(r: RegionData): SurveyColumns {
  let cols = surveyCache.get(r);
  if (!cols || cols.length !== r.skm.length) surveyCache.set(r, (cols = readSurveyColumns(r)));
  return cols;
}

function readSurveyColumns(r: RegionData): SurveyColumns {
  const unit = r.skm.texts('kode_unit');
  const tanggal = r.skm.texts('tanggal');
  const periods: string[] = [];
  const index = new Map<string, number>();
  const periodOf = (p: string) => {
    let i = index.get(p);
    if (i === undefined) index.set(p, (i = periods.push(p) - 1));
    return i;
  };
  const yearOfDate = tanggal.dict.map((d) => periodOf(yearOf(d)));
  const semesterOfDate = tanggal.dict.map((d) => periodOf(semesterOf(d)));
  const n = r.skm.length;
  const year = new Int32Array(n);
  const semester = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    year[i] = yearOfDate[tanggal.codes[i]];
    semester[i] = semesterOfDate[tanggal.codes[i]];
  }
  return { length: n, unit: unit.codes, units: unit.dict, year, semester, periods, answers: UNSUR_KEYS.map((k) => r.skm.numbers(k)) };
}

/** Row i's nine answers into `out`, undefined where not answered. */
function readAnswers(cols: SurveyColumns, i: number, out: (number | undefined)[]): void {
  for (let k = 0; k < 9; k++) {
    const a = cols.answers[k][i];
    out[k] = a === a ? a : undefined;
  }
}

export function* ikmUnitRows(regions: readonly RegionData[]): Iterable<PublishedRow> {
  const answers = new Array<number | undefined>(9);
  for (const r of regions) {
    const cols = surveyColumns(r);
    const P = cols.periods.length;
    // Unit × period, by number: a few thousand slots, most filled.
    const slots = new Array<IkmAccumulator | undefined>(cols.units.length * P);
    const groups: { unit: string; periode: string; acc: IkmAccumulator }[] = [];
    const accFor = (unit: number, period: number) => {
      const key = unit * P + period;
      let acc = slots[key];
      if (!acc) {
        slots[key] = acc = newIkmAccumulator();
        groups.push({ unit: cols.units[unit], periode: cols.periods[period], acc });
      }
      return acc;
    };
    for (let i = 0; i < cols.length; i++) {
      readAnswers(cols, i, answers);
      addResponse(accFor(cols.unit[i], cols.year[i]), answers);
      addResponse(accFor(cols.unit[i], cols.semester[i]), answers);
    }
    const population = applicationsPerPeriod(r, groups.map((g) => [g.unit, g.periode]));
    const rows: PublishedRow[] = [];
    for (const g of groups) {
      const res = ikmOf(g.acc);
      const N = population.get(`${g.unit}|${g.periode}`) ?? null;
      const minimum = N === null || N === 0 ? null : minimumSample(N);
      const row: PublishedRow = { kode_wilayah: r.code, kode_unit: g.unit, periode: g.periode, responden: res.responden };
      for (const k of UNSUR_KEYS) row[`nrr_${k}`] = res.nrr[k];
      Object.assign(row, {
        ikm: res.ikm,
        ikm_bawah: res.ikm_bawah,
        ikm_atas: res.ikm_atas,
        mutu: res.mutu,
        kinerja: res.kinerja,
        sampel_minimum: minimum,
        sampel_cukup: minimum === null ? null : res.responden >= minimum ? 'ya' : 'tidak',
      });
      rows.push(row);
    }
    yield* rows.sort(byKeys('kode_unit', 'periode'));
  }
}

/** The same index over all of a region's respondents: one formula, a larger group. */
export function* ikmWilayahRows(regions: readonly RegionData[]): Iterable<PublishedRow> {
  const answers = new Array<number | undefined>(9);
  for (const r of regions) {
    const cols = surveyColumns(r);
    const groups = new Map<number, { acc: IkmAccumulator; units: Set<number> }>();
    const add = (period: number, unit: number) => {
      let g = groups.get(period);
      if (!g) groups.set(period, (g = { acc: newIkmAccumulator(), units: new Set() }));
      g.units.add(unit);
      addResponse(g.acc, answers);
    };
    for (let i = 0; i < cols.length; i++) {
      readAnswers(cols, i, answers);
      add(cols.year[i], cols.unit[i]);
      add(cols.semester[i], cols.unit[i]);
    }
    const rows: PublishedRow[] = [];
    for (const [period, g] of groups) {
      const res = ikmOf(g.acc);
      const row: PublishedRow = { kode_wilayah: r.code, periode: cols.periods[period], unit: g.units.size, responden: res.responden };
      for (const k of UNSUR_KEYS) row[`nrr_${k}`] = res.nrr[k];
      Object.assign(row, { ikm: res.ikm, ikm_bawah: res.ikm_bawah, ikm_atas: res.ikm_atas, mutu: res.mutu, kinerja: res.kinerja });
      rows.push(row);
    }
    yield* rows.sort(byKeys('periode'));
  }
}

export function* skmRespondenRows(regions: readonly RegionData[]): Iterable<PublishedRow> {
  for (const r of regions) {
    const t = r.skm;
    // A text column as sort key: each row's place among the column's values (blank first).
    const text = (name: 'kode_unit' | 'kode_layanan' | 'tanggal' | 'jenis_kelamin' | 'pendidikan' | 'pekerjaan', map: (v: string) => string | null = (v) => v) => {
      const c = t.texts(name);
      const dict = [...c.dict.map(map), null];
      const { rank, values } = ranksOf(dict);
      const blank = rank[dict.length - 1];
      return { values, key: { values: mapped(t.length, (i) => (c.codes[i] < 0 ? blank : rank[c.codes[i]])), size: values.length } };
    };
    const umur = t.numbers('umur');
    const bands: (string | null)[] = [null, ...KELOMPOK_UMUR];
    const bandOf = new Map<number, number>();
    const band = (u: number) => {
      let b = bandOf.get(u);
      if (b === undefined) bandOf.set(u, (b = bands.indexOf(kelompokUmur(u === u ? u : undefined))));
      return b;
    };
    // Answers are 1–4 (the schema's bounds); blank (NaN) sorts first, as 0.
    const answer = (k: (typeof UNSUR_KEYS)[number]) => {
      const a = t.numbers(k);
      return { values: mapped(t.length, (i) => (a[i] === a[i] ? a[i] : 0)), size: 5 };
    };
    const columns = [text('kode_unit'), text('kode_layanan'), text('tanggal', monthOf)];
    const tail = [text('jenis_kelamin'), { values: bands, key: { values: mapped(t.length, (i) => band(umur[i])), size: bands.length } }, text('pendidikan'), text('pekerjaan')];
    const sorted = new SortedRows(t.length, [...columns.map((c) => c.key), ...UNSUR_KEYS.map(answer), ...tail.map((c) => c.key)]);
    const k = new Int32Array(3 + 9 + 4);
    for (let i = 0; i < sorted.length; i++) {
      sorted.keysAt(i, k);
      const row: PublishedRow = { kode_wilayah: r.code, kode_unit: columns[0].values[k[0]], kode_layanan: columns[1].values[k[1]], bulan: columns[2].values[k[2]] };
      for (let u = 0; u < 9; u++) row[UNSUR_KEYS[u]] = k[3 + u] === 0 ? null : k[3 + u];
      row.jenis_kelamin = tail[0].values[k[12]];
      row.kelompok_umur = tail[1].values[k[13]];
      row.pendidikan = tail[2].values[k[14]];
      row.pekerjaan = tail[3].values[k[15]];
      yield row;
    }
  }
}

export function* predikatUnitRows(regions: readonly RegionData[], opts: DeriveOptions): Iterable<PublishedRow> {
  for (const r of regions) {
    const groups: PredikatGroup[] = [];
    for (const [, rows] of groupBy(r.kinerja_pegawai, (k) => `${k.kode_unit}|${k.periode}`)) {
      const counts = Object.fromEntries(PREDIKAT.map((p) => [p.value, 0])) as Record<Predikat, number>;
      for (const k of rows) counts[predikatOf(k.hasil_kerja, k.perilaku_kerja)]++;
      const avg = (pick: (k: (typeof rows)[number]) => number | undefined) => round2(mean(rows.map(pick).filter((v): v is number => v !== undefined)));
      groups.push({
        kode_unit: rows[0].kode_unit,
        periode: rows[0].periode,
        pegawai: rows.length,
        counts,
        rata_nilai_atasan: avg((k) => k.nilai_atasan),
        rata_nilai_diri: avg((k) => k.nilai_diri),
        rata_nilai_rekan: avg((k) => k.nilai_rekan),
      });
    }
    const rows = suppressPredikat(groups, opts.threshold).map((g) => ({
      kode_wilayah: r.code,
      kode_unit: g.kode_unit,
      periode: g.periode,
      pegawai: g.pegawai,
      ...g.counts,
      rata_nilai_atasan: g.rata_nilai_atasan,
      rata_nilai_diri: g.rata_nilai_diri,
      rata_nilai_rekan: g.rata_nilai_rekan,
      disembunyikan: g.disembunyikan,
    }));
    yield* rows.sort(byKeys('kode_unit', 'periode'));
  }
}

export function* capaianIkuRows(regions: readonly RegionData[]): Iterable<PublishedRow> {
  for (const r of regions) {
    const rows: PublishedRow[] = [];
    for (const i of r.iku) {
      const capaian = capaianOf(i.arah, i.target, i.realisasi);
      rows.push({
        kode_wilayah: r.code,
        kode_unit: i.kode_unit,
        tahun: i.tahun,
        kode_indikator: i.kode_indikator,
        nama_indikator: i.nama_indikator,
        satuan: i.satuan,
        arah: i.arah,
        target: i.target,
        realisasi: i.realisasi ?? null,
        capaian,
        kategori: kategoriCapaian(capaian),
        program: i.program ?? null,
        sasaran: i.sasaran ?? null,
      });
    }
    yield* rows.sort(byKeys('kode_unit', 'tahun', 'kode_indikator'));
  }
}

export function* ketepatanLayananRows(regions: readonly RegionData[]): Iterable<PublishedRow> {
  for (const r of regions) {
    const rows: PublishedRow[] = [];
    for (const l of r.layanan) {
      rows.push({
        kode_wilayah: r.code,
        kode_unit: l.kode_unit,
        kode_layanan: l.kode_layanan,
        nama_layanan: l.nama_layanan,
        tahun: l.tahun,
        bulan: l.bulan,
        permohonan: l.permohonan,
        selesai: l.selesai,
        tepat_waktu: l.tepat_waktu,
        ketepatan: ketepatanWaktu(l.tepat_waktu, l.selesai),
        standar_hari: l.standar_hari,
        rata_hari: l.rata_hari ?? null,
      });
    }
    yield* rows.sort(byKeys('kode_unit', 'kode_layanan', 'tahun', 'bulan'));
  }
}

export function* pengaduanBulananRows(regions: readonly RegionData[]): Iterable<PublishedRow> {
  for (const r of regions) {
    const rows: PublishedRow[] = [];
    for (const [, group] of groupBy(r.pengaduan, (p) => `${p.kode_unit}|${monthOf(p.tanggal_masuk)}|${p.kategori}`)) {
      const done = group.filter((p) => p.status === 'selesai');
      const days = done.filter((p) => p.tanggal_selesai !== undefined).map((p) => daysBetween(p.tanggal_masuk, p.tanggal_selesai!));
      rows.push({
        kode_wilayah: r.code,
        kode_unit: group[0].kode_unit,
        bulan: monthOf(group[0].tanggal_masuk),
        kategori: group[0].kategori,
        masuk: group.length,
        selesai: done.length,
        median_hari: round2(median(days)),
      });
    }
    yield* rows.sort(byKeys('kode_unit', 'bulan', 'kategori'));
  }
}

export function* pelatihanUnitRows(regions: readonly RegionData[]): Iterable<PublishedRow> {
  for (const r of regions) {
    const rows: PublishedRow[] = [];
    for (const [, group] of groupBy(r.pelatihan, (p) => `${p.kode_unit}|${p.tahun}|${p.kategori}`)) {
      rows.push({
        kode_wilayah: r.code,
        kode_unit: group[0].kode_unit,
        tahun: group[0].tahun,
        kategori: group[0].kategori,
        kegiatan: group.length,
        peserta: group.reduce((n, p) => n + p.peserta, 0),
        jam_pelajaran_total: round2(group.reduce((n, p) => n + p.peserta * p.jam_pelajaran, 0)),
      });
    }
    yield* rows.sort(byKeys('kode_unit', 'tahun', 'kategori'));
  }
}

export function* kepatuhanLaporanRows(regions: readonly RegionData[]): Iterable<PublishedRow> {
  for (const r of regions) {
    const rows: PublishedRow[] = [];
    for (const l of r.laporan_harian) {
      rows.push({
        kode_wilayah: r.code,
        kode_unit: l.kode_unit,
        tahun: l.tahun,
        bulan: l.bulan,
        pegawai: l.pegawai,
        hari_kerja: l.hari_kerja,
        laporan: l.laporan,
        kepatuhan: kepatuhanLaporan(l.laporan, l.pegawai, l.hari_kerja),
      });
    }
    yield* rows.sort(byKeys('kode_unit', 'tahun', 'bulan'));
  }
}

/** Every published table, by name, as a lazily produced sequence of rows. */
export function deriveTables(regions: readonly RegionData[], opts: DeriveOptions): Record<TableName, () => Iterable<PublishedRow>> {
  return {
    wilayah: () => wilayahRows(regions),
    unit: () => unitRows(regions),
    ikm_unit: () => ikmUnitRows(regions),
    ikm_wilayah: () => ikmWilayahRows(regions),
    skm_responden: () => skmRespondenRows(regions),
    predikat_unit: () => predikatUnitRows(regions, opts),
    capaian_iku: () => capaianIkuRows(regions),
    ketepatan_layanan: () => ketepatanLayananRows(regions),
    pengaduan_bulanan: () => pengaduanBulananRows(regions),
    pelatihan_unit: () => pelatihanUnitRows(regions),
    kepatuhan_laporan: () => kepatuhanLaporanRows(regions),
  };
}
