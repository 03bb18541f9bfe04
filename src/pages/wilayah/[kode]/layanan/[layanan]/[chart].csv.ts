/** /wilayah/<kode>/layanan/<kode_layanan>/<chart>.csv: exactly the rows of one chart's table on the service page. */
import type { APIRoute } from 'astro';
import { servicesOf } from '../../../../../site/model.ts';
import { regionsToRender } from '../../../../../site/page-set.ts';
import { serviceChartCsvs } from '../../../../../site/service-charts.ts';

export function getStaticPaths() {
  return regionsToRender().flatMap((r) =>
    servicesOf(r.kode).flatMap((s) =>
      [...serviceChartCsvs(r.kode, s.kode).keys()].map((chart) => ({ params: { kode: r.kode, layanan: s.kode, chart } })),
    ),
  );
}

export const GET: APIRoute = ({ params }) => {
  const csv = serviceChartCsvs(params.kode!, params.layanan!).get(params.chart!);
  return new Response(csv ?? '', { headers: { 'content-type': 'text/csv; charset=utf-8' } });
};
