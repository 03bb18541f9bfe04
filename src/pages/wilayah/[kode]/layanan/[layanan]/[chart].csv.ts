/** /wilayah/<kode>/layanan/<kode_layanan>/<chart>.csv: exactly the rows of one chart's table on the service page. */
import { serviceChartCsvEndpoints } from '../../../../../site/service-charts.ts';

export const { getStaticPaths, GET } = serviceChartCsvEndpoints;
