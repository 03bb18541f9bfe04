/** /wilayah/<kode>/layanan/<kode_layanan>/<chart>.csv: exactly the rows of one chart's table on the service page. */
import type { APIRoute } from 'astro';
import { servicesOf } from '../../../../../site/model.ts';
import { regionsToRender } from '../../../../../site/page-set.ts';
import { serviceCharts } from '../../../../../site/service-charts.ts';
import { chartCsv } from '../../../../../charts/chart.ts';

export function getStaticPaths() {
  return regionsToRender().flatMap((r) =>
    servicesOf(r.kode).flatMap((s) =>
      serviceCharts('id', r.kode, s.kode)
        .filter((c) => c.chart)
        .map((c) => ({ params: { kode: r.kode, layanan: s.kode, chart: c.id } })),
    ),
  );
}

export const GET: APIRoute = ({ params }) => {
  const chart = serviceCharts('id', params.kode!, params.layanan!).find((c) => c.id === params.chart)?.chart;
  return new Response(chart ? chartCsv(chart, params.kode!) : '', { headers: { 'content-type': 'text/csv; charset=utf-8' } });
};
