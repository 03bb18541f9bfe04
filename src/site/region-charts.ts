/**
 * The charts of a region page, each built from published rows only, by the module of its topic
 * (which also holds the topic's unit-page variant). A chart builder returns null when the region
 * has no rows for it; the page then says which input file was missing.
 */
import type { APIRoute } from 'astro';
import v8 from 'node:v8';
import { deflateRawSync, inflateRawSync } from 'node:zlib';
import type { Lang } from '../i18n/lang.ts';
import { chartCsv, type ChartData } from '../charts/chart.ts';
import { hasFile } from './model.ts';
import { regionsToRender } from './page-set.ts';
import { cacheKey, memoizeRecent } from './memo.ts';
import { renderSpill, type Spilled } from './spill.ts';
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

/** The region page's section for a chart: its own, or the one it is part of there (a unit's or service's chart). */
export const regionSection = (chart: string): string => REGION_SECTION[chart] ?? chart;

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

/**
 * The region page's charts, drawn once: the region page, its forum deck, its embeds and its CSV
 * endpoints all ask, each route for every region in turn (embeds first, CSVs last). Kept for the
 * whole build but packed (v8.serialize, deflated: a tenth of the size, a few ms to unpack) in the
 * spill (spill.ts), and only the last few unpacked, so the heap does not hold every region's
 * drawn charts (issue #13).
 */
export const regionCharts = memoizeRecent((lang: Lang, kode: string): Promise<PageChart[]> => {
  const key = cacheKey(lang, kode);
  const unpack = (kept: Buffer) => v8.deserialize(inflateRawSync(kept)) as PageChart[];
  const kept = packed.get(key);
  if (kept) return Promise.resolve(unpack(renderSpill.bytes(kept)));
  return Promise.all(
    REGION_CHARTS.map(async ({ id, build }) => ({ id, chart: await build(lang, kode), fileSent: hasFile(kode, CHART_INPUT[id]) })),
  ).then((charts) => {
    const packing = deflateRawSync(v8.serialize(charts), { level: 1 });
    packed.set(key, renderSpill.put(packing));
    if (lang === 'id')
      summaries.set(cacheKey(kode), {
        embeds: charts.flatMap((c) => (c.chart && regionChartEmbed(kode, c.chart) ? [c.id] : [])),
        csvs: chartCsvs(charts, kode),
      });
    // The unpacked copy, as every later caller gets it: whichever route draws a region first, its page prints the same.
    return unpack(packing);
  });
}, 2);

/** Each region's charts, packed, by language and region: where they lie in the spill. */
const packed = new Map<string, Spilled>();

/** What the embed and CSV routes list of a region's charts: which have an embed page, and each chart's CSV (spilled). */
interface RegionChartSummary {
  embeds: string[];
  csvs: ReadonlyMap<string, Spilled>;
}
const summaries = new Map<string, RegionChartSummary>();

/** The region's charts that have an embed page, and the CSV of each that has one (the endpoints are in Indonesian). */
export async function regionChartSummary(kode: string): Promise<RegionChartSummary> {
  if (!summaries.has(cacheKey(kode))) await regionCharts('id', kode);
  return summaries.get(cacheKey(kode))!;
}

/**
 * The CSV endpoint's text of each chart a page has (every chart not null, drawn or not), chart
 * id → where it lies in the spill (renderSpill.get reads it): kept to the end of the build, not held.
 */
export const chartCsvs = (charts: readonly PageChart[], kode: string): ReadonlyMap<string, Spilled> =>
  new Map(charts.flatMap((c) => (c.chart ? [[c.id, renderSpill.put(chartCsv(c.chart, kode))] as const] : [])));

/**
 * The charts of one kind of page below a region (a unit's, a service's), drawn by `draw` once per
 * language and page: only the last `keep` pages' charts are kept whole (their SVG, every cell:
 * too large to keep for every page of the site), and the CSV of every Indonesian chart for the
 * whole build, for the CSV endpoints (in Indonesian), which Astro renders after all the pages.
 */
export function pageCharts(draw: (lang: Lang, kode: string, page: string) => Promise<PageChart[]>, keep: number) {
  const csvs = new Map<string, ReadonlyMap<string, Spilled>>();
  const charts = memoizeRecent(async (lang: Lang, kode: string, page: string): Promise<PageChart[]> => {
    const drawn = await draw(lang, kode, page);
    // Kept once: a page drawn again (its charts let go) has the same CSVs.
    if (lang === 'id' && !csvs.has(cacheKey(kode, page))) csvs.set(cacheKey(kode, page), chartCsvs(drawn, kode));
    return drawn;
  }, keep);
  /** The CSV of each chart of the page that has one (a chart with rows), by chart id. */
  const chartCsvsOf = async (kode: string, page: string): Promise<ReadonlyMap<string, Spilled>> => {
    const key = cacheKey(kode, page);
    if (!csvs.has(key)) await charts('id', kode, page);
    return csvs.get(key)!;
  };
  /**
   * The CSV endpoints of this kind of page (`/wilayah/<kode>/<kind>/<page>/<chart>.csv`, `param`
   * naming the page), one path per page and chart that has a CSV, a page at a time.
   */
  const csvEndpoints = (param: string, pagesOf: (kode: string) => string[]) => ({
    async getStaticPaths() {
      const paths: { params: Record<string, string> }[] = [];
      for (const r of regionsToRender())
        for (const page of pagesOf(r.kode))
          for (const chart of (await chartCsvsOf(r.kode, page)).keys()) paths.push({ params: { kode: r.kode, [param]: page, chart } });
      return paths;
    },
    GET: (async ({ params }) => {
      const csv = (await chartCsvsOf(params.kode!, params[param]!)).get(params.chart!);
      return new Response(csv ? renderSpill.get(csv) : '', { headers: { 'content-type': 'text/csv; charset=utf-8' } });
    }) satisfies APIRoute,
  });
  return { charts, csvEndpoints };
}
