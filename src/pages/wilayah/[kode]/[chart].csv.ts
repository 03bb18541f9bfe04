/** /wilayah/<kode>/<chart>.csv: exactly the rows of one chart's table on the region page. */
import type { APIRoute } from 'astro';
import { regions } from '../../../lib/model.ts';
import { regionCharts } from '../../../lib/charts/region.ts';
import { chartCsv } from '../../../lib/chart.ts';

export function getStaticPaths() {
  return regions().flatMap((r) =>
    regionCharts('id', r.kode)
      .filter((c) => c.chart)
      .map((c) => ({ params: { kode: r.kode, chart: c.id } })),
  );
}

export const GET: APIRoute = ({ params }) => {
  const chart = regionCharts('id', params.kode!).find((c) => c.id === params.chart)?.chart;
  return new Response(chart ? chartCsv(chart) : '', { headers: { 'content-type': 'text/csv; charset=utf-8' } });
};
