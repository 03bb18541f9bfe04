/** /wilayah/<kode>/layanan/<kode_layanan>/<chart>.csv: exactly the rows of one chart's table on the service page. */
import type { APIRoute } from 'astro';
import { servicesOf } from '../../../../../site/model.ts';
import { regionsToRender } from '../../../../../site/page-set.ts';
import { serviceChartCsvs } from '../../../../../site/service-charts.ts';

export async function getStaticPaths() {
  // One service at a time, as the unit and region routes go: not every service drawn at once.
  const paths: { params: { kode: string; layanan: string; chart: string } }[] = [];
  for (const r of regionsToRender())
    for (const s of servicesOf(r.kode))
      for (const chart of (await serviceChartCsvs(r.kode, s.kode)).keys()) paths.push({ params: { kode: r.kode, layanan: s.kode, chart } });
  return paths;
}

export const GET: APIRoute = async ({ params }) => {
  const csv = (await serviceChartCsvs(params.kode!, params.layanan!)).get(params.chart!);
  return new Response(csv ?? '', { headers: { 'content-type': 'text/csv; charset=utf-8' } });
};
