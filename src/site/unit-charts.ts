/**
 * The charts of a unit page: what a unit head can act on, from published rows only, each by the
 * module of its topic (which also holds the topic's region-page variant).
 */
import type { Lang } from '../i18n/lang.ts';
import { hasFile } from './model.ts';
import { memoizeRecent } from './memo.ts';
import { CHART_INPUT, chartCsvs, type PageChart } from './region-charts.ts';
import { ikmTrend, unsurScores } from './ikm-charts.ts';
import { indicators } from './capaian-charts.ts';
import { unitServices } from './timeliness-charts.ts';
import { unitComplaints } from './complaints-charts.ts';
import { unitTraining } from './training-charts.ts';
import { unitCompliance } from './compliance-charts.ts';
import { unitPredikat } from './predikat-charts.ts';

export const UNIT_CHARTS = [
  { id: 'ikm-tren', build: ikmTrend },
  { id: 'unsur', build: unsurScores },
  { id: 'iku', build: indicators },
  { id: 'layanan', build: unitServices },
  { id: 'pengaduan', build: unitComplaints },
  { id: 'pelatihan', build: unitTraining },
  { id: 'kepatuhan', build: unitCompliance },
  { id: 'predikat', build: unitPredikat },
] as const;

/**
 * The CSV of every chart a unit page draws something for (chart id → CSV, in page order), kept
 * for the whole build: the unit pages are all rendered before their CSV endpoints, and the
 * charts themselves (their SVG, every cell) are too large to keep for every unit of the site.
 */
const csvs = new Map<string, ReadonlyMap<string, string>>();
const csvKey = (kode: string, unit: string): string => JSON.stringify([kode, unit]);

/** The unit page's charts; only the last few are kept (memoizeRecent), the CSVs of all (unitChartCsvs). */
export const unitCharts = memoizeRecent(async (lang: Lang, kode: string, unit: string): Promise<PageChart[]> => {
  const charts = await Promise.all(
    UNIT_CHARTS.map(async ({ id, build }) => ({ id, chart: await build(lang, kode, unit), fileSent: hasFile(kode, CHART_INPUT[id]) })),
  );
  // The CSV endpoints are in Indonesian (/wilayah/…/unit/…/<chart>.csv).
  if (lang === 'id') csvs.set(csvKey(kode, unit), chartCsvs(charts, kode));
  return charts;
}, 4);

/** The CSV of each chart of a unit page that has one (a chart with rows), by chart id. */
export async function unitChartCsvs(kode: string, unit: string): Promise<ReadonlyMap<string, string>> {
  const key = csvKey(kode, unit);
  if (!csvs.has(key)) await unitCharts('id', kode, unit);
  return csvs.get(key)!;
}
