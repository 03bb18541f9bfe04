/**
 * The charts of a region page, each built from published rows only, by the module of its topic
 * (which also holds the topic's unit-page variant). A chart builder returns null when the region
 * has no rows for it; the page then says which input file was missing.
 */
import type { Lang } from '../i18n/lang.ts';
import type { ChartData } from '../charts/chart.ts';
import { hasFile } from './model.ts';
import { memoize } from './memo.ts';
import { regionChartEmbedPath } from '../routes.ts';
import { ikmRanking } from './ikm-charts.ts';
import { capaianByProgramme } from './capaian-charts.ts';
import { timelinessByMonth } from './timeliness-charts.ts';
import { complaintsByMonth } from './complaints-charts.ts';
import { trainingByCategory } from './training-charts.ts';
import { reportCompliance } from './compliance-charts.ts';
import { predikatDistribution, scoreGap } from './predikat-charts.ts';

/** Which input file a chart needs, so a page can say "not sent" rather than show nothing. */
export const CHART_INPUT: Record<string, string> = {
  ikm: 'skm.csv',
  'ikm-tren': 'skm.csv',
  unsur: 'skm.csv',
  capaian: 'iku.csv',
  iku: 'iku.csv',
  ketepatan: 'layanan.csv',
  layanan: 'layanan.csv',
  'ketepatan-bulanan': 'layanan.csv',
  'waktu-proses': 'layanan.csv',
  pengaduan: 'pengaduan.csv',
  pelatihan: 'pelatihan.csv',
  kepatuhan: 'laporan_harian.csv',
  predikat: 'kinerja_pegawai.csv',
  'selisih-nilai': 'kinerja_pegawai.csv',
};

/** The region-page section that holds the figures of a unit- or service-page chart (the same id where unnamed). */
export const REGION_SECTION: Record<string, string> = {
  'ikm-tren': 'ikm',
  unsur: 'ikm',
  iku: 'capaian',
  layanan: 'ketepatan',
  'ketepatan-bulanan': 'ketepatan',
  'waktu-proses': 'ketepatan',
};

export const REGION_CHARTS: readonly { id: string; build: (lang: Lang, kode: string) => ChartData | null | Promise<ChartData | null> }[] = [
  { id: 'ikm', build: ikmRanking },
  { id: 'capaian', build: capaianByProgramme },
  { id: 'ketepatan', build: timelinessByMonth },
  { id: 'pengaduan', build: complaintsByMonth },
  { id: 'pelatihan', build: trainingByCategory },
  { id: 'kepatuhan', build: reportCompliance },
  { id: 'predikat', build: predikatDistribution },
  { id: 'selisih-nilai', build: scoreGap },
];

export interface PageChart {
  id: string;
  chart: ChartData | null;
  /** Whether the region sent the input file this chart needs. */
  fileSent: boolean;
}

/** The embed page of a region chart (without language prefix): only a chart that draws something has one. */
export const regionChartEmbed = (kode: string, chart: Pick<ChartData, 'id' | 'svg'>): string | undefined =>
  chart.svg ? regionChartEmbedPath(kode, chart.id) : undefined;

/** The region page's charts; memoised because the page, its CSV endpoints, forum and embeds all ask. */
export const regionCharts = memoize((lang: Lang, kode: string): Promise<PageChart[]> =>
  Promise.all(
    REGION_CHARTS.map(async ({ id, build }) => ({ id, chart: await build(lang, kode), fileSent: hasFile(kode, CHART_INPUT[id]) })),
  ),
);
