/**
 * Validated regions → the published tables of contract §6. Pure: no file, no clock.
 * Each table is a function so that a page, a test or the benchmark can ask for one alone.
 */
import { KELOMPOK_UMUR, PREDIKAT, UNSUR_KEYS, type Predikat, type Unsur } from '../contract/enums.ts';
import type { PublishedRow, TableName } from '../contract/published.ts';
import type { RegionData } from '../validate/export.ts';
import type { Numbers } from '../validate/table.ts';
import { capaianOf, kategoriCapaian, previousYearKey, targetMet, trendOf } from './capaian.ts';
import { groupBy } from '../group.ts';
import { addResponse, ikmOf, minimumSample, newIkmAccumulator, type IkmAccumulator, type IkmResult } from './ikm.ts';
import { comparePeriods, inPeriod, kelompokPendidikan, kelompokUmur, monthOf, semesterOf, yearOf } from './periods.ts';
import { kAnonymize } from './k-anonymity.ts';
import { mapped, ranksOf, SortedRows, type SortKey } from './order.ts';
import { predikatOf } from '../contract/predikat.ts';
import { daysBetween, kepatuhanLaporan, ketepatanWaktu } from './rates.ts';
import { mean, median, round2 } from './rounding.ts';
import { suppressPredikat, type PredikatGroup } from './suppression.ts';
import type { PublishedPredikat } from './across-releases.ts';

export interface DeriveOptions {
  /** Group threshold for appraisal counts (contract §5), ≥ 5. */
  threshold: number;
  /** The predikat_unit rows the releases already published gave a group (across-releases.ts); none by default. */
  earlierPredikat?: (kode_wilayah: string, kode_unit: string, periode: string) => readonly PublishedPredikat[];
}

const byKeys =
  (...keys: string[]) =>
  (a: PublishedRow, b: PublishedRow) => {
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
    yield {
      kode_wilayah: r.code,
      nama: w.nama,
      provinsi: w.provinsi,
      tanggal_ekspor: w.tanggal_ekspor,
      sumber: w.sumber ?? null,
      lisensi: w.lisensi,
      kontak: w.kontak || null,
    };
  }
}

export function* unitRows(regions: readonly RegionData[]): Iterable<PublishedRow> {
  for (const r of regions) {
    const rows: PublishedRow[] = [];
    for (const u of r.unit)
      rows.push({
        kode_wilayah: r.code,
        kode_unit: u.kode_unit,
        nama_unit: u.nama_unit,
        jenis_unit: u.jenis_unit,
        induk_unit: u.induk_unit ?? null,
      });
    yield* rows.sort(byKeys('kode_unit'));
  }
}

/** Applications received by each unit, per period, from layanan.csv: the N of Krejcie–Morgan. */
function applicationsPerPeriod(region: RegionData, periods: Iterable<[string, string]>): Map<string, number | null> {
  const byUnit = groupBy(region.layanan, (l) => l.kode_unit);
  const out = new Map<string, number | null>();
  for (const [unit, periode] of periods) {
    const rows = byUnit.get(unit);
    out.set(
      `${unit}|${periode}`,
      rows ? rows.filter((l) => inPeriod(periode, l.tahun, l.bulan)).reduce((n, l) => n + l.permohonan, 0) : null,
    );
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
  answers: Numbers[];
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
    const population = applicationsPerPeriod(
      r,
      groups.map((g) => [g.unit, g.periode]),
    );
    const rows: PublishedRow[] = [];
    for (const g of groups) {
      const res = ikmOf(g.acc);
      const N = population.get(`${g.unit}|${g.periode}`) ?? null;
      const minimum = N === null || N === 0 ? null : minimumSample(N);
      rows.push({
        kode_wilayah: r.code,
        kode_unit: g.unit,
        periode: g.periode,
        ...ikmCells(res),
        sampel_minimum: minimum,
        sampel_cukup: minimum === null ? null : res.responden >= minimum ? 'ya' : 'tidak',
      });
    }
    yield* rows.sort(byKeys('kode_unit', 'periode'));
  }
}

/** The cells of ikmColumns() (contract/published.ts), from one group's index: responden, nrr_*, ikm … kinerja. */
function ikmCells(res: IkmResult): PublishedRow {
  const cells: PublishedRow = { responden: res.responden };
  for (const k of UNSUR_KEYS) cells[`nrr_${k}`] = res.nrr[k];
  return Object.assign(cells, { ikm: res.ikm, ikm_bawah: res.ikm_bawah, ikm_atas: res.ikm_atas, mutu: res.mutu, kinerja: res.kinerja });
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
      rows.push({ kode_wilayah: r.code, periode: cols.periods[period], unit: g.units.size, ...ikmCells(res) });
    }
    yield* rows.sort(byKeys('periode'));
  }
}

/** skm_responden's quasi-identifiers, the first blanked first: most detail lost for the least use. */
const QI_BLANKING_ORDER = [
  'pekerjaan',
  'kelompok_pendidikan',
  'kelompok_umur',
  'jenis_kelamin',
  'kode_layanan',
  'semester',
  'kode_unit',
] as const;
/** The last of them kept wherever the rows beneath allow: ikm_unit stays recomputable per unit and semester. */
const QI_KEPT = 2;

/**
 * Survey microdata, k-anonymous (contract §5): coarsened for every row (semester, KELOMPOK_UMUR,
 * KELOMPOK_PENDIDIKAN), then quasi-identifiers blanked where a combination still occurs fewer
 * than k times: pekerjaan first, then education, age, sex, service, and only for a unit's
 * semester with fewer than k responses the semester, for a unit with fewer than k the unit
 * (k-anonymity.ts). The nine answers are never
 * altered. Per region: a unit code means nothing outside its region. A region with fewer than
 * k responses publishes none here (its IKM is still in ikm_unit).
 */
export function* skmRespondenRows(regions: readonly RegionData[], opts: DeriveOptions): Iterable<PublishedRow> {
  for (const r of regions) {
    const t = r.skm;
    if (t.length < opts.threshold) continue;
    /** A published column as sort key: each row's place among the column's values, blank first, and the value at each place. */
    type Sortable = { values: readonly (string | number | null)[]; key: SortKey };
    const text = (
      name: 'kode_unit' | 'kode_layanan' | 'tanggal' | 'jenis_kelamin' | 'pendidikan' | 'pekerjaan',
      map: (v: string) => string | null = (v) => v,
    ): Sortable => {
      const c = t.texts(name);
      const dict = [...c.dict.map(map), null];
      const { rank, values } = ranksOf(dict);
      // A blank cell (code −1) is the dictionary's last entry, null.
      return { values, key: { values: mapped(t.length, (i) => rank[c.codes[i] < 0 ? dict.length - 1 : c.codes[i]]), size: values.length } };
    };
    // Answers are 1–4 (the schema's bounds): each its own place, blank (NaN) first as 0.
    const answer = (u: Unsur): Sortable => {
      const a = t.numbers(u);
      return { values: [null, 1, 2, 3, 4], key: { values: mapped(t.length, (i) => (a[i] === a[i] ? a[i] : 0)), size: 5 } };
    };
    const ageBand = (): Sortable => {
      const umur = t.numbers('umur');
      const bands: (string | null)[] = [null, ...KELOMPOK_UMUR];
      const placeOf = new Map<number, number>();
      const place = (u: number) => {
        let b = placeOf.get(u);
        if (b === undefined) placeOf.set(u, (b = bands.indexOf(kelompokUmur(u === u ? u : undefined))));
        return b;
      };
      return { values: bands, key: { values: mapped(t.length, (i) => place(umur[i])), size: bands.length } };
    };
    // The quasi-identifiers, coarsened, in published order; blanked in QI_BLANKING_ORDER.
    const qis: [string, Sortable][] = [
      ['kode_unit', text('kode_unit')],
      ['kode_layanan', text('kode_layanan')],
      ['semester', text('tanggal', semesterOf)],
      ['jenis_kelamin', text('jenis_kelamin')],
      ['kelompok_umur', ageBand()],
      ['kelompok_pendidikan', text('pendidikan', kelompokPendidikan)],
      ['pekerjaan', text('pekerjaan')],
    ];
    const order = QI_BLANKING_ORDER.map((name) => qis.findIndex(([n]) => n === name));
    const safe = kAnonymize(
      qis.map(([, c]) => c.key),
      order,
      opts.threshold,
      QI_KEPT,
    );
    if (!safe.ok) continue;
    qis.forEach(([, c], q) => (c.key = { values: safe.places[q], size: c.key.size }));
    const qi = (name: string) => qis.find(([n]) => n === name)!;
    // In the published order of the columns, which is also the sort order.
    const columns: [string, Sortable][] = [
      qi('kode_unit'),
      qi('kode_layanan'),
      qi('semester'),
      ...UNSUR_KEYS.map((u): [string, Sortable] => [u, answer(u)]),
      qi('jenis_kelamin'),
      qi('kelompok_umur'),
      qi('kelompok_pendidikan'),
      qi('pekerjaan'),
    ];
    const sorted = new SortedRows(
      t.length,
      columns.map(([, c]) => c.key),
    );
    const places = new Int32Array(columns.length);
    for (let i = 0; i < sorted.length; i++) {
      sorted.keysAt(i, places);
      const row: PublishedRow = { kode_wilayah: r.code };
      for (let c = 0; c < columns.length; c++) row[columns[c][0]] = columns[c][1].values[places[c]];
      yield row;
    }
  }
}

/** A region's appraisal groups (unit × period), before suppression: all predikat_unit needs of its rows. */
export function predikatGroups(r: RegionData): PredikatGroup[] {
  const groups: PredikatGroup[] = [];
  for (const [, rows] of groupBy(r.kinerja_pegawai, (k) => `${k.kode_unit}|${k.periode}`)) {
    const counts = Object.fromEntries(PREDIKAT.map((p) => [p.value, 0])) as Record<Predikat, number>;
    for (const k of rows) counts[predikatOf(k.hasil_kerja, k.perilaku_kerja)]++;
    const avg = (pick: (k: (typeof rows)[number]) => number | undefined) =>
      round2(mean(rows.map(pick).filter((v): v is number => v !== undefined)));
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
  return groups;
}

/** One region's predikat_unit rows, of its groups (predikatGroups): suppressed with what earlier releases published of them. */
export function predikatRowsOf(code: string, groups: readonly PredikatGroup[], opts: DeriveOptions): PublishedRow[] {
  const earlier = opts.earlierPredikat;
  const rows = suppressPredikat(groups, opts.threshold, earlier && ((u, p) => earlier(code, u, p))).map((g) => ({
    kode_wilayah: code,
    kode_unit: g.kode_unit,
    periode: g.periode,
    pegawai: g.pegawai,
    ...g.counts,
    rata_nilai_atasan: g.rata_nilai_atasan,
    rata_nilai_diri: g.rata_nilai_diri,
    rata_nilai_rekan: g.rata_nilai_rekan,
    disembunyikan: g.disembunyikan,
  }));
  return rows.sort(byKeys('kode_unit', 'periode'));
}

export function* predikatUnitRows(regions: readonly RegionData[], opts: DeriveOptions): Iterable<PublishedRow> {
  for (const r of regions) yield* predikatRowsOf(r.code, predikatGroups(r), opts);
}

export function* capaianIkuRows(regions: readonly RegionData[]): Iterable<PublishedRow> {
  for (const r of regions) {
    const rows: PublishedRow[] = [];
    const realisasiOf = new Map<string, number | null>();
    for (const i of r.iku) realisasiOf.set(previousYearKey(i), i.realisasi ?? null);
    for (const i of r.iku) {
      const capaian = capaianOf(i.arah, i.target, i.realisasi);
      const met = targetMet(i.arah, i.target, i.realisasi ?? null);
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
        tercapai: met === null ? null : met ? 'ya' : 'tidak',
        dibanding_tahun_lalu: trendOf(i.arah, i.realisasi ?? null, realisasiOf.get(previousYearKey(i, 1)) ?? null),
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
    skm_responden: () => skmRespondenRows(regions, opts),
    predikat_unit: () => predikatUnitRows(regions, opts),
    capaian_iku: () => capaianIkuRows(regions),
    ketepatan_layanan: () => ketepatanLayananRows(regions),
    pengaduan_bulanan: () => pengaduanBulananRows(regions),
    pelatihan_unit: () => pelatihanUnitRows(regions),
    kepatuhan_laporan: () => kepatuhanLaporanRows(regions),
  };
}
