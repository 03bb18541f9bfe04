/**
 * Synthetic SKM responses (skm.csv, PermenPAN-RB 14/2017).
 *
 * Each surveyed unit has an expected IKM; an answer to an unsur is 1 + Binomial(3, p),
 * whose mean is exactly the target on the 1–4 scale, jittered per respondent so that
 * answers of one person hang together. Sample sizes can be tied to the Krejcie–Morgan
 * minimum of the unit's applications, so that some units clear the minimum and others
 * deliberately do not.
 */
import { JENIS_KELAMIN, PEKERJAAN, PENDIDIKAN, UNSUR_KEYS, type Unsur } from '../../src/contract/enums.ts';
import { addResponse, ikmOf as ikmResult, minimumSample, newIkmAccumulator } from '../../src/derive/ikm.ts';
import { monthsOfSemester, randomWorkday, semestersOf, type Month, type Semester } from './calendar.ts';
import type { Row } from './columns.ts';
import { clamp, weighted, type Rng } from './random.ts';
import { spell, type Spelling } from './spelling.ts';

export interface SurveyUnit {
  kode_unit: string;
  /** Services the responses are attributed to (kode_layanan); none = column left blank. */
  layanan?: readonly string[];
  /** Expected IKM (0–100) in the first year. */
  ikm: number;
  /** Change of the expected IKM per year (improving units > 0). */
  perTahun?: number;
  /** Per-unsur offsets on the 1–4 scale (e.g. waktu −0.2 where queues are long). */
  unsur?: Partial<Record<Unsur, number>>;
  /** A time-dependent offset, for stories like a reform that speeds up services. */
  geser?: (month: Month, unsur: Unsur) => number;
  /** Number of responses collected in a semester (0 = not surveyed then). */
  responden: (semester: Semester) => number;
}

export interface SurveyStyle {
  spelling: Spelling;
  /** Prefix of id_responden, e.g. `JKT` → `JKT-2023-000001`. */
  idPrefix: string;
  /** Share of each unsur left blank (never all nine in one row). */
  blankAnswer: number;
  /** Share of rows with a suggestion. */
  saran: number;
}

const SARAN = [
  'Antrean mohon dipercepat.',
  'Petugas ramah dan membantu, terima kasih.',
  'Ruang tunggu perlu ditambah kursi.',
  'Informasi persyaratan sebaiknya dipasang di papan pengumuman.',
  'Mohon jam layanan diperpanjang sampai sore.',
  'Nomor antrean daring sering tidak tersedia.',
  'Toilet umum perlu dibersihkan lebih sering.',
  'Pelayanan sudah cepat, pertahankan.',
  'Mohon disediakan tempat parkir, ruang laktasi, dan jalur kursi roda.',
  'Sistem sering gangguan, mohon diperbaiki.',
  'Petugas "loket 2" sangat membantu.',
] as const;

export const pickGender = weighted(JENIS_KELAMIN.map((o) => [o.value, 1] as const));
export const pickEducation = weighted<(typeof PENDIDIKAN)[number]['value']>([
  ['sd', 8],
  ['smp', 14],
  ['sma', 42],
  ['d1-d3', 10],
  ['d4-s1', 22],
  ['s2', 3.5],
  ['s3', 0.5],
]);
export const pickJob = weighted<(typeof PEKERJAAN)[number]['value']>([
  ['swasta', 30],
  ['wirausaha', 22],
  ['lainnya', 20],
  ['pns', 10],
  ['pelajar', 12],
  ['tni', 3],
  ['polri', 3],
]);

/** Age loosely consistent with occupation: students are young. */
export function pickAge(rng: Rng, job: string): number {
  if (job === 'pelajar') return rng.int(15, 24);
  return Math.round(clamp(rng.normal(39, 12), 18, 85));
}

/** Nine answers of one respondent; `mean(unsur)` is the expected answer on the 1–4 scale. */
export function answerSet(rng: Rng, mean: (u: Unsur) => number, blankShare: number): Record<Unsur, number | undefined> {
  const mood = rng.normal(0, 0.22);
  const answers = {} as Record<Unsur, number | undefined>;
  let answered = 0;
  for (const u of UNSUR_KEYS) {
    const m = clamp(mean(u) + mood, 1.02, 3.98);
    if (rng.chance(blankShare)) {
      answers[u] = undefined;
    } else {
      answers[u] = 1 + rng.binomial(3, (m - 1) / 3);
      answered++;
    }
  }
  // A response with nine blanks is a contract error; a real respondent answers something.
  if (answered === 0) answers.persyaratan = 1 + rng.binomial(3, (clamp(mean('persyaratan'), 1, 4) - 1) / 3);
  return answers;
}

interface Draft {
  kode_unit: string;
  kode_layanan: string | undefined;
  tanggal: string;
  answers: Record<Unsur, number | undefined>;
}

function draftsOf(unit: SurveyUnit, semester: Semester, rng: Rng, blankShare: number): Draft[] {
  const months = monthsOfSemester(semester);
  const drafts: Draft[] = [];
  for (let i = unit.responden(semester); i > 0; i--) {
    const month = rng.pick(months);
    const base = (unit.ikm + (unit.perTahun ?? 0) * (month.tahun - 2023 + (month.bulan - 1) / 12)) / 25;
    const mean = (u: Unsur) => base + (unit.unsur?.[u] ?? 0) + (unit.geser?.(month, u) ?? 0);
    drafts.push({
      kode_unit: unit.kode_unit,
      kode_layanan: unit.layanan ? rng.pick(unit.layanan) : undefined,
      tanggal: randomWorkday(rng, month.tahun, month.bulan),
      answers: answerSet(rng, mean, blankShare),
    });
  }
  return drafts;
}

/** All responses of a region, in date order, numbered in that order as a survey app would. */
export function generateSurvey(units: readonly SurveyUnit[], style: SurveyStyle, rng: Rng): Row<'skm'>[] {
  const drafts = semestersOf().flatMap((sem) => units.flatMap((u) => draftsOf(u, sem, rng, style.blankAnswer)));
  drafts.sort((a, b) => (a.tanggal < b.tanggal ? -1 : a.tanggal > b.tanggal ? 1 : 0));
  const perYear = new Map<string, number>();
  return drafts.map((d) => {
    const year = d.tanggal.slice(0, 4);
    const seq = (perYear.get(year) ?? 0) + 1;
    perYear.set(year, seq);
    return {
      id_responden: `${style.idPrefix}-${year}-${String(seq).padStart(6, '0')}`,
      kode_unit: d.kode_unit,
      kode_layanan: d.kode_layanan,
      tanggal: d.tanggal,
      ...d.answers,
      ...respondent(rng, style),
    };
  });
}

type RespondentColumns = 'jenis_kelamin' | 'umur' | 'pendidikan' | 'pekerjaan' | 'saran';

/** Who answered: mostly filled in, as survey apps make these fields optional. */
export function respondent(rng: Rng, style: Pick<SurveyStyle, 'spelling' | 'saran'>): Pick<Row<'skm'>, RespondentColumns> {
  const job = pickJob(rng);
  return {
    jenis_kelamin: rng.chance(0.96) ? spell(JENIS_KELAMIN, pickGender(rng), style.spelling, rng) : undefined,
    umur: rng.chance(0.93) ? pickAge(rng, job) : undefined,
    pendidikan: rng.chance(0.9) ? spell(PENDIDIKAN, pickEducation(rng), style.spelling, rng) : undefined,
    pekerjaan: rng.chance(0.92) ? spell(PEKERJAAN, job, style.spelling, rng) : undefined,
    saran: rng.chance(style.saran) ? rng.pick(SARAN) : undefined,
  };
}

/**
 * Responses per semester so that the unit reaches `cover` × its Krejcie–Morgan minimum
 * (cover < 1: deliberately too few). `permohonan` gives the unit's applications in a semester.
 */
export function coverMinimum(permohonan: (semester: Semester) => number, cover: number): (semester: Semester) => number {
  return (semester) => {
    const n = permohonan(semester);
    return n > 0 ? Math.ceil(minimumSample(n) * cover) : 0;
  };
}

/**
 * IKM of a set of responses, computed by the pipeline's own code (contract §4): used to fill
 * indicator realisations so that the iku.csv story agrees with the published ikm_unit.
 */
export function ikmOf(rows: readonly Row<'skm'>[]): number | undefined {
  const acc = newIkmAccumulator();
  for (const r of rows)
    addResponse(
      acc,
      UNSUR_KEYS.map((u) => (typeof r[u] === 'number' ? r[u] : undefined)),
    );
  return ikmResult(acc).ikm ?? undefined;
}
