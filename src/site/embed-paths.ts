/** Every region chart that has something to draw gets an embed page (regionChartEmbed says which). */
import { regionsToRender } from './page-set.ts';
import { regionChartEmbed, regionCharts } from './region-charts.ts';

export const regionChartPaths = async () =>
  (
    await Promise.all(
      regionsToRender().map(async (r) =>
        (await regionCharts('id', r.kode)).flatMap((c) =>
          c.chart && regionChartEmbed(r.kode, c.chart) ? [{ params: { kode: r.kode, chart: c.id } }] : [],
        ),
      ),
    )
  ).flat();
