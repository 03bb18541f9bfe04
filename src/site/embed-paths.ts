/** Every region chart that has something to draw gets an embed page (regionChartEmbed says which). */
import { regionsToRender } from './page-set.ts';
import { regionChartSummary } from './region-charts.ts';

export async function regionChartPaths(): Promise<{ params: { kode: string; chart: string } }[]> {
  const paths: { params: { kode: string; chart: string } }[] = [];
  // One region after another: drawing every region's charts at once would hold them all.
  for (const r of regionsToRender())
    for (const chart of (await regionChartSummary(r.kode)).embeds) paths.push({ params: { kode: r.kode, chart } });
  return paths;
}
