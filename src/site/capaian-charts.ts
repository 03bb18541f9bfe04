/**
 * Indicators (capaian_iku): the region page's categories by programme and a unit page's target
 * against realisation, both filterable (src/charts/capaian-programme.ts, unit-indicators.ts draw
 * them at build and in the browser from the same SQL).
 */
import type { Lang } from '../i18n/lang.ts';
import { tr } from '../i18n/words.ts';
import type { ChartData } from '../charts/chart.ts';
import { rowsFromQuery, unguard } from '../charts/row.ts';
import { svgDocument } from './plot-document.ts';
import { runPublishedSql } from './run-sql.ts';
import {
  ALL_PROGRAMMES,
  capaianProgrammesSql,
  capaianSql,
  capaianYearsSql,
  programmeValue,
  type CapaianChoice,
} from '../queries/region-charts.ts';
import { unitIndicatorsSql, unitIndicatorYearsSql, type UnitIndicatorsChoice } from '../queries/unit-charts.ts';
import { capaianChart, noProgrammeLabel } from '../charts/capaian-programme.ts';
import { unitIndicatorsChart } from '../charts/unit-indicators.ts';
import { field, values } from './filter-fields.ts';

// ——— The region: indicator categories by programme ———

export async function capaianByProgramme(lang: Lang, kode: string): Promise<ChartData | null> {
  const T = tr(lang);
  const years = await values(capaianYearsSql(kode));
  const tahun = years.at(-1);
  if (tahun === undefined) return null;
  const programmes = (await runPublishedSql(capaianProgrammesSql(kode))).rows.map((r) => (typeof r[0] === 'string' ? r[0] : null));
  const choice: CapaianChoice = { kode, tahun, program: ALL_PROGRAMMES };
  const sql = capaianSql(choice);
  const chart = capaianChart(lang, { kode, tahun, rows: rowsFromQuery(await runPublishedSql(sql)) }, svgDocument());
  const fields = [
    ...field(
      'tahun',
      T('Tahun', 'Year'),
      tahun,
      years.map((y) => ({ value: y, label: y })),
    ),
    ...field(
      'program',
      T('Program', 'Programme'),
      ALL_PROGRAMMES,
      programmes.length > 1
        ? [
            { value: ALL_PROGRAMMES, label: T('Semua program', 'All programmes') },
            ...programmes.map((p) => ({ value: programmeValue(p), label: p === null ? noProgrammeLabel(lang) : unguard(p) })),
          ]
        : [],
    ),
  ];
  return fields.length
    ? { ...chart, filter: { kind: 'capaian', context: { ...choice }, fields, sql, tables: ['capaian_iku', 'unit'] } }
    : chart;
}

// ——— Indicators: target against realisation ———

export async function indicators(lang: Lang, kode: string, unit: string): Promise<ChartData | null> {
  const T = tr(lang);
  const years = (await runPublishedSql(unitIndicatorYearsSql(kode, unit))).rows.map((r) => String(r[0]));
  const choice: UnitIndicatorsChoice = { kode, unit, tahun: '' };
  const sql = unitIndicatorsSql(choice);
  const chart = unitIndicatorsChart(lang, rowsFromQuery(await runPublishedSql(sql)), svgDocument());
  if (!chart || years.length < 2) return chart;
  const options = [
    { value: '', label: T('Semua tahun (grafik: tahun terakhir)', 'Every year (chart: latest year)') },
    ...years.map((y) => ({ value: y, label: y })),
  ];
  return {
    ...chart,
    filter: {
      kind: 'iku',
      context: { ...choice },
      fields: [{ name: 'tahun', label: T('Tahun', 'Year'), value: '', options }],
      sql,
      tables: ['capaian_iku'],
    },
  };
}
