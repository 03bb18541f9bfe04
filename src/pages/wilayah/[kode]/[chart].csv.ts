/** /wilayah/<kode>/<chart>.csv: exactly the rows of one chart's table on the region page. */
import type { APIRoute } from 'astro';
import { regionsToRender } from '../../../site/page-set.ts';
import { regionChartSummary } from '../../../site/region-charts.ts';
import { renderSpill } from '../../../site/spill.ts';

export async function getStaticPaths() {
  const paths: { params: { kode: string; chart: string } }[] = [];
  // One region after another: drawing every region's charts at once would hold them all.
  for (const r of regionsToRender())
    for (const chart of (await regionChartSummary(r.kode)).csvs.keys()) paths.push({ params: { kode: r.kode, chart } });
  return paths;
}

export const GET: APIRoute = async ({ params }) => {
  const csv = (await regionChartSummary(params.kode!)).csvs.get(params.chart!);
  return new Response(csv ? renderSpill.get(csv) : '', { headers: { 'content-type': 'text/csv; charset=utf-8' } });
};
