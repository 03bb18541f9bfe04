/** Every region chart that has data gets an embed page. */
import { regions } from '../../lib/model.ts';
import { regionCharts } from '../../lib/charts/region.ts';

export const regionChartPaths = () =>
  regions().flatMap((r) =>
    regionCharts('id', r.kode)
      .filter((c) => c.chart?.svg)
      .map((c) => ({ params: { kode: r.kode, chart: c.id } })),
  );
