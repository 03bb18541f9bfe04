/**
 * The charts of a unit page: what a unit head can act on, from published rows only, each by the
 * module of its topic (which also holds the topic's region-page variant).
 */
import { hasFile, unitsOf } from './model.ts';
import { CHART_INPUT, pageCharts } from './region-charts.ts';
import { ikmTrend, unsurScores } from './ikm-charts.ts';
import { indicators } from './capaian-charts.ts';
import { unitServices } from './timeliness-charts.ts';
import { unitComplaints } from './complaints-charts.ts';
import { unitTraining } from './training-charts.ts';
import { unitCompliance } from './compliance-charts.ts';
import { unitPredikat } from './predikat-charts.ts';

export const UNIT_CHARTS = [
  { id: 'ikm-tren', build: ikmTrend },
  { id: 'unsur', build: unsurScores },
  { id: 'iku', build: indicators },
  { id: 'layanan', build: unitServices },
  { id: 'pengaduan', build: unitComplaints },
  { id: 'pelatihan', build: unitTraining },
  { id: 'kepatuhan', build: unitCompliance },
  { id: 'predikat', build: unitPredikat },
] as const;

const unitPages = pageCharts(
  (lang, kode, unit) =>
    Promise.all(
      UNIT_CHARTS.map(async ({ id, build }) => ({ id, chart: await build(lang, kode, unit), fileSent: hasFile(kode, CHART_INPUT[id]) })),
    ),
  4,
);
/** The unit page's charts (those of the last few pages kept: pageCharts). */
export const unitCharts = unitPages.charts;
/** `/wilayah/<kode>/unit/<kode_unit>/<chart>.csv`: exactly the rows of one chart's table on the unit page. */
export const unitChartCsvEndpoints = unitPages.csvEndpoints('unit', (kode) => unitsOf(kode).map((u) => u.kode));
