/** /wilayah/<kode>/unit/<kode_unit>/<chart>.csv: exactly the rows of one chart's table on the unit page. */
import type { APIRoute } from 'astro';
import { unitsOf } from '../../../../../site/model.ts';
import { regionsToRender } from '../../../../../site/page-set.ts';
import { unitCharts } from '../../../../../site/unit-charts.ts';
import { chartCsv } from '../../../../../charts/chart.ts';

export async function getStaticPaths() {
  const units = regionsToRender().flatMap((r) => unitsOf(r.kode).map((u) => [r.kode, u.kode] as const));
  const perUnit = await Promise.all(
    units.map(async ([kode, unit]) =>
      (await unitCharts('id', kode, unit)).filter((c) => c.chart).map((c) => ({ params: { kode, unit, chart: c.id } })),
    ),
  );
  return perUnit.flat();
}

export const GET: APIRoute = async ({ params }) => {
  const chart = (await unitCharts('id', params.kode!, params.unit!)).find((c) => c.id === params.chart)?.chart;
  return new Response(chart ? chartCsv(chart, params.kode!) : '', { headers: { 'content-type': 'text/csv; charset=utf-8' } });
};
