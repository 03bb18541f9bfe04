/**
 * The headline figures of a region (home and region pages) and of a unit, for the latest period
 * of each table (for IKM, the latest year: the official figure, see ikm-annual.ts). Each
 * figure is either one published cell, or a plain sum of published cells; the sentence says
 * which, and links the table.
 */
import type { PublishedRow, TableName } from '../contract/published.ts';
import type { Lang } from '../i18n/lang.ts';
import { tr } from '../i18n/words.ts';
import { formatMonth, formatMonths, formatNumber } from '../i18n/format.ts';
import { pubCell, sumCell, type Rich } from '../charts/chart.ts';
import { hasFile, latestYear, regionByCode, regionMonths, rowsOf, unitNames, type Region } from './model.ts';
import { dataUntil } from '../derive/periods.ts';
import { monthOf, num, str } from '../charts/row.ts';
import { RECENT_MONTHS } from '../charts/common.ts';
import { metOf, trendOfRow } from '../charts/target.ts';
import { tableExists } from './published.ts';
import { memoize } from './memo.ts';
import { annualIkmHeadline } from './ikm-annual.ts';
import { keptOrMade } from './kept-headlines.ts';

export interface Headline {
  label: string;
  /** The figure itself (may hold several numbers); null when the region sent no such data. */
  value: Rich | null;
  /** Why the figure means what it says, e.g. "capaian ≥ 100 counts as on target". */
  note?: Rich;
  period: string;
  /** The last month the figure's data cover (`YYYY-MM`, see derive/periods.ts dataUntil); null when not known. */
  until: string | null;
  table: TableName;
  /** The input file whose absence explains a null value. */
  file?: string;
}

/** A headline the region cannot have: it did not send the file (said as such, never as 0). */
const notSent = (label: string, table: TableName, file: string): Headline => ({ label, value: null, period: '', until: null, table, file });

const pct = (lang: Lang, a: number, b: number) => ({
  raw: (Math.round((a / b) * 10000) / 100).toString(),
  text: `${formatNumber(lang, Math.round((a / b) * 10000) / 100, 'fixed2')}%`,
  numeric: true,
});

/** The units with rows in each period of ikm_unit (rows of one region). */
function unitsByPeriod(rows: readonly PublishedRow[]): Map<string, Set<string>> {
  const out = new Map<string, Set<string>>();
  for (const r of rows) {
    const p = str(r, 'periode');
    if (!out.has(p)) out.set(p, new Set());
    out.get(p)!.add(str(r, 'kode_unit'));
  }
  return out;
}

/** A unit page's headline: its annual IKM (null when the unit has none). */
export const unitHeadlines = (lang: Lang, kode: string, unit: string): Headline[] => {
  const annual = tableExists('ikm_unit')
    ? annualIkmHeadline(lang, { table: 'ikm_unit', rows: rowsOf('ikm_unit', kode, unit), exportDate: regionByCode(kode)?.tanggalEkspor })
    : null;
  return annual ? [annual] : [];
};

/**
 * Each region's headlines in both languages, made when first asked for. Both languages' home pages
 * ask for every region's, and its pages for its own: the other language's are made while the
 * region's files are the ones just read (published.ts keeps a few regions' files, not every one).
 * A region whose pages this build does not render may have them kept from a build before (kept-headlines.ts).
 */
const headlinesOfBoth = memoize((kode: string): Record<Lang, readonly Headline[]> =>
  keptOrMade(
    kode,
    () => {
      const region = regionByCode(kode)!;
      return { id: headlinesIn('id', region), en: headlinesIn('en', region) };
    },
    isBoth,
  ),
);

/** A kept file's shape (kept-headlines.ts): both languages' lists of headlines. */
const isBoth = (v: unknown): v is Record<Lang, readonly Headline[]> => {
  const lists = v as Record<Lang, unknown> | null;
  return (
    typeof lists === 'object' &&
    lists !== null &&
    [lists.id, lists.en].every((l) => Array.isArray(l) && l.every((h) => typeof h?.label === 'string' && typeof h?.table === 'string'))
  );
};

export const regionHeadlines = (lang: Lang, region: Region): readonly Headline[] => headlinesOfBoth(region.kode)[lang];

function headlinesIn(lang: Lang, region: Region): Headline[] {
  const T = tr(lang);
  const kode = region.kode;
  const out: Headline[] = [];

  if (!hasFile(kode, 'skm.csv')) out.push(notSent(T('Kepuasan masyarakat (IKM)', 'Citizen satisfaction (IKM)'), 'ikm_wilayah', 'skm.csv'));
  else if (tableExists('ikm_wilayah')) {
    const units = unitsByPeriod(rowsOf('ikm_unit', kode));
    const annual = annualIkmHeadline(lang, {
      table: 'ikm_wilayah',
      rows: rowsOf('ikm_wilayah', kode),
      unitsOf: (p) => units.get(p) ?? new Set(),
      exportDate: region.tanggalEkspor,
    });
    if (annual) out.push(annual);
  }

  if (!hasFile(kode, 'iku.csv')) out.push(notSent(T('Indikator mencapai target', 'Indicators on target'), 'capaian_iku', 'iku.csv'));
  const iku = rowsOf('capaian_iku', kode);
  const year = latestYear(iku);
  if (year !== undefined) {
    // How many improved or held steady leads (as in New York's Mayor's Management Report): a
    // kategori says how close to target, not whether things got better.
    const compared = iku
      .filter((r) => r.tahun === year)
      .map(trendOfRow)
      .filter(Boolean);
    if (compared.length) {
      const better = compared.filter((x) => x !== 'memburuk').length;
      out.push({
        label: T('Indikator membaik atau tetap', 'Indicators improved or held steady'),
        value: [pct(lang, better, compared.length)],
        note: [
          sumCell(lang, better),
          T(' dari ', ' of '),
          sumCell(lang, compared.length),
          T(
            ` indikator dibanding ${year - 1}, menurut arah tiap indikator`,
            ` indicators against ${year - 1}, by each indicator's direction`,
          ),
        ],
        period: String(year),
        until: dataUntil(String(year), region.tanggalEkspor),
        table: 'capaian_iku',
      });
    }
    const reported = iku.filter((r) => r.tahun === year && metOf(r) !== null);
    const onTarget = reported.filter((r) => metOf(r) === true).length;
    if (reported.length) {
      out.push({
        label: T('Indikator mencapai target', 'Indicators on target'),
        value: [pct(lang, onTarget, reported.length)],
        note: [
          sumCell(lang, onTarget),
          T(' dari ', ' of '),
          sumCell(lang, reported.length),
          T(
            ' indikator; "mencapai target" = realisasi ≥ target (arah naik) atau ≤ target (arah turun)',
            ' indicators; "on target" = realisation ≥ target (direction up) or ≤ target (down)',
          ),
        ],
        period: String(year),
        until: dataUntil(String(year), region.tanggalEkspor),
        table: 'capaian_iku',
      });
    }
  }

  if (!hasFile(kode, 'layanan.csv'))
    out.push(notSent(T('Layanan selesai tepat waktu', 'Services completed on time'), 'ketepatan_layanan', 'layanan.csv'));
  const layanan = rowsOf('ketepatan_layanan', kode);
  const lastLayanan = regionMonths('ketepatan_layanan', kode, 1)[0];
  if (lastLayanan) {
    const rows = layanan.filter((r) => monthOf(r) === lastLayanan);
    const selesai = rows.reduce((s, r) => s + (num(r, 'selesai') ?? 0), 0);
    const tepat = rows.reduce((s, r) => s + (num(r, 'tepat_waktu') ?? 0), 0);
    if (selesai > 0) {
      out.push({
        label: T('Layanan selesai tepat waktu', 'Services completed on time'),
        value: [pct(lang, tepat, selesai)],
        note: [
          sumCell(lang, tepat),
          T(' dari ', ' of '),
          sumCell(lang, selesai),
          T(' permohonan selesai, semua layanan', ' completed applications, all services'),
        ],
        period: formatMonth(lang, lastLayanan, true),
        until: lastLayanan,
        table: 'ketepatan_layanan',
      });
    }
  }

  if (!hasFile(kode, 'pengaduan.csv'))
    out.push(notSent(T('Pengaduan diselesaikan', 'Complaints resolved'), 'pengaduan_bulanan', 'pengaduan.csv'));
  const aduan = rowsOf('pengaduan_bulanan', kode);
  const months = regionMonths('pengaduan_bulanan', kode, RECENT_MONTHS);
  if (months.length) {
    const rows = aduan.filter((r) => months.includes(str(r, 'bulan')));
    const masuk = rows.reduce((s, r) => s + (num(r, 'masuk') ?? 0), 0);
    const selesai = rows.reduce((s, r) => s + (num(r, 'selesai') ?? 0), 0);
    if (masuk > 0) {
      out.push({
        label: T('Pengaduan diselesaikan', 'Complaints resolved'),
        value: [pct(lang, selesai, masuk)],
        note: [sumCell(lang, selesai), T(' dari ', ' of '), sumCell(lang, masuk), T(' pengaduan masuk', ' complaints received')],
        period: formatMonths(lang, months),
        until: months.at(-1)!,
        table: 'pengaduan_bulanan',
      });
    }
  }

  if (!hasFile(kode, 'laporan_harian.csv'))
    out.push(notSent(T('Kepatuhan laporan harian', 'Daily report compliance'), 'kepatuhan_laporan', 'laporan_harian.csv'));
  const lapor = rowsOf('kepatuhan_laporan', kode);
  const lastLapor = regionMonths('kepatuhan_laporan', kode, 1)[0];
  if (lastLapor) {
    const rows = lapor
      .filter((r) => monthOf(r) === lastLapor && num(r, 'kepatuhan') !== null)
      .sort((a, b) => num(a, 'kepatuhan')! - num(b, 'kepatuhan')!);
    const names = unitNames(kode);
    if (rows.length) {
      const low = rows[0];
      const high = rows.at(-1)!;
      out.push({
        label: T('Kepatuhan laporan harian', 'Daily report compliance'),
        value:
          rows.length > 1
            ? [pubCell(lang, 'kepatuhan_laporan', low, 'kepatuhan'), '% – ', pubCell(lang, 'kepatuhan_laporan', high, 'kepatuhan'), '%']
            : [pubCell(lang, 'kepatuhan_laporan', low, 'kepatuhan'), '%'],
        note:
          rows.length > 1
            ? [
                T(
                  `terendah ${names.get(str(low, 'kode_unit'))}, tertinggi ${names.get(str(high, 'kode_unit'))}`,
                  `lowest ${names.get(str(low, 'kode_unit'))}, highest ${names.get(str(high, 'kode_unit'))}`,
                ),
              ]
            : [names.get(str(low, 'kode_unit')) ?? ''],
        period: formatMonth(lang, lastLapor, true),
        until: lastLapor,
        table: 'kepatuhan_laporan',
      });
    }
  }
  return out;
}
