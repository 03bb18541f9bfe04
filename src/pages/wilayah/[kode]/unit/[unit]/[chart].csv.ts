/** /wilayah/<kode>/unit/<kode_unit>/<chart>.csv: exactly the rows of one chart's table on the unit page. */
import type { APIRoute } from 'astro';
import { unitsOf } from '../../../../../site/model.ts';
import { regionsToRender } from '../../../../../site/page-set.ts';
import { unitChartCsvs } from '../../../../../site/unit-charts.ts';

export async function getStaticPaths() {
  const units = regionsToRender().flatMap((r) => unitsOf(r.kode).map((u) => [r.kode, u.kode] as const));
  const perUnit = await Promise.all(
    units.map(async ([kode, unit]) => [...(await unitChartCsvs(kode, unit)).keys()].map((chart) => ({ params: { kode, unit, chart } }))),
  );
  return perUnit.flat();
}

export const GET: APIRoute = async ({ params }) => {
  const csv = (await unitChartCsvs(params.kode!, params.unit!)).get(params.chart!);
  return new Response(csv ?? '', { headers: { 'content-type': 'text/csv; charset=utf-8' } });
};
