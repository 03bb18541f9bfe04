/** /wilayah/<kode>/<chart>.csv: exactly the rows of one chart's table on the region page. */
import type { APIRoute } from 'astro';
import { regionsToRender } from '../../../site/page-set.ts';
import { regionCharts } from '../../../site/region-charts.ts';
import { chartCsv } from '../../../charts/chart.ts';

export async function getStaticPaths() {
  const perRegion = await Promise.all(
    regionsToRender().map(async (r) =>
      (await regionCharts('id', r.kode)).filter((c) => c.chart).map((c) => ({ params: { kode: r.kode, chart: c.id } })),
    ),
  );
  return perRegion.flat();
}

export const GET: APIRoute = async ({ params }) => {
  const chart = (await regionCharts('id', params.kode!)).find((c) => c.id === params.chart)?.chart;
  return new Response(chart ? chartCsv(chart, params.kode!) : '', { headers: { 'content-type': 'text/csv; charset=utf-8' } });
};
