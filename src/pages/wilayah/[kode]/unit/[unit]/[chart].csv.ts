/** /wilayah/<kode>/unit/<kode_unit>/<chart>.csv: exactly the rows of one chart's table on the unit page. */
import type { APIRoute } from 'astro';
import { regions, unitsOf } from '../../../../../lib/model.ts';
import { unitCharts } from '../../../../../lib/charts/unit.ts';
import { chartCsv } from '../../../../../lib/chart.ts';

export function getStaticPaths() {
  return regions().flatMap((r) =>
    unitsOf(r.kode).flatMap((u) =>
      unitCharts('id', r.kode, u.kode)
        .filter((c) => c.chart)
        .map((c) => ({ params: { kode: r.kode, unit: u.kode, chart: c.id } })),
    ),
  );
}

export const GET: APIRoute = ({ params }) => {
  const chart = unitCharts('id', params.kode!, params.unit!).find((c) => c.id === params.chart)?.chart;
  return new Response(chart ? chartCsv(chart) : '', { headers: { 'content-type': 'text/csv; charset=utf-8' } });
};
