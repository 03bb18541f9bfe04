/** /wilayah/<kode>/unit/<kode_unit>/<chart>.csv: exactly the rows of one chart's table on the unit page. */
import { unitChartCsvEndpoints } from '../../../../../site/unit-charts.ts';

export const { getStaticPaths, GET } = unitChartCsvEndpoints;
