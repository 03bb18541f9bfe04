/** /wilayah/<kode>/unit/<kode_unit>/<chart>.csv: exactly the rows of one chart's table on the unit page. */
import type { APIRoute } from 'astro';
import { unitsOf } from '../../../../../site/model.ts';
import { regionsToRender } from '../../../../../site/page-set.ts';
import { unitChartCsvs } from '../../../../../site/unit-charts.ts';

export async function getStaticPaths() {
  // One unit at a time, as the region routes go one region at a time: not every unit drawn at once.
  const paths: { params: { kode: string; unit: string; chart: string } }[] = [];
  for (const r of regionsToRender())
    for (const u of unitsOf(r.kode))
      for (const chart of (await unitChartCsvs(r.kode, u.kode)).keys()) paths.push({ params: { kode: r.kode, unit: u.kode, chart } });
  return paths;
}

export const GET: APIRoute = async ({ params }) => {
  const csv = (await unitChartCsvs(params.kode!, params.unit!)).get(params.chart!);
  return new Response(csv ?? '', { headers: { 'content-type': 'text/csv; charset=utf-8' } });
};
