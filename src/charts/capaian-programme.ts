/**
 * The region's indicators of one year, target against realisation, grouped by programme: rows
 * of capaianSql → table, CSV and SVG. Drawn at build time for the static page and in the browser
 * when a reader picks another year or programme. No node imports.
 */
import type { PublishedRow } from '../contract/published.ts';
import type { Lang } from '../i18n/lang.ts';
import { t, tr } from '../i18n/words.ts';
import { labelCell, shapeCell, type ChartData, type ChartRow, type Rich } from './chart-data.ts';
import { num, rawCell, str } from './row.ts';
import { kategoriCapaianLabel } from '../i18n/labels.ts';
import { axisFormat, Plot, renderPlot, rowLabels } from './plot.ts';
import { BAR_DY, capaianLegend, columns, KATEGORI_CAPAIAN_COLORS, rowChart, unitCells } from './common.ts';
import { CAPAIAN_IKU, directionCell, metCell, targetSentence, trendCell, trendSentence } from './target.ts';
import { namesOf } from './ikm-ranking.ts';

/** How an indicator without a programme is labelled (the CSV keeps the empty cell). */
export const noProgrammeLabel = (lang: Lang): string => tr(lang)('(tanpa program)', '(no programme)');

export interface CapaianInput {
  kode: string;
  tahun: string;
  /** Rows of capaianSql, in its order (by programme, highest achievement first). */
  rows: PublishedRow[];
}

export function capaianChart(lang: Lang, { kode, tahun, rows }: CapaianInput, document: Document): ChartData {
  const T = tr(lang);
  const w = t(lang);
  const names = namesOf(rows);
  const programOf = (r: PublishedRow) => str(r, 'program') || noProgrammeLabel(lang);
  const cell = (r: PublishedRow, col: string, opts: Parameters<typeof shapeCell>[4] = {}) => shapeCell(lang, CAPAIAN_IKU, r, col, opts);
  const table: ChartRow[] = rows.map((r) => ({
    program: labelCell(rawCell(r, 'program'), programOf(r)),
    ...unitCells(lang, kode, r, names),
    tahun: labelCell(rawCell(r, 'tahun')),
    kode_indikator: labelCell(rawCell(r, 'kode_indikator')),
    nama_indikator: labelCell(rawCell(r, 'nama_indikator'), str(r, 'nama_indikator')),
    satuan: labelCell(rawCell(r, 'satuan'), str(r, 'satuan')),
    arah: directionCell(lang, r),
    target: cell(r, 'target'),
    realisasi: cell(r, 'realisasi', { missing: 'unreported' }),
    capaian: cell(r, 'capaian', { missing: 'unreported' }),
    kategori: cell(r, 'kategori', { missing: 'unreported', text: kategoriCapaianLabel(str(r, 'kategori'), lang) }),
    tercapai: metCell(lang, r),
    dibanding_tahun_lalu: trendCell(lang, r),
  }));
  const drawn = rows.filter((r) => num(r, 'capaian') !== null);
  const programs = [...new Set(drawn.map(programOf))];
  const maxX = Math.max(120, ...drawn.map((r) => num(r, 'capaian')!));
  // Start the axis near the lowest value (never above 50) so that the cluster around 100 spreads out.
  const minX = Math.max(0, Math.min(50, Math.floor((Math.min(...drawn.map((r) => num(r, 'capaian')!)) - 10) / 10) * 10));
  const svg = drawn.length
    ? renderPlot(
        {
          ...rowChart(programs),
          x: {
            domain: [minX, Math.ceil(maxX / 10) * 10],
            label: T('Capaian (%) →', 'Achievement (%) →'),
            tickFormat: axisFormat(lang, 'count'),
            grid: true,
          },
          color: { domain: Object.keys(KATEGORI_CAPAIAN_COLORS), range: Object.values(KATEGORI_CAPAIAN_COLORS) },
          marks: [
            Plot.ruleX([100], { stroke: '#1b1f24', strokeDasharray: '4,3' }),
            rowLabels(programs, (p) => p),
            Plot.dot(drawn, {
              y: programOf,
              dy: BAR_DY,
              x: (r: PublishedRow) => num(r, 'capaian'),
              fill: (r: PublishedRow) => str(r, 'kategori'),
              stroke: '#1b1f24',
              strokeWidth: 0.6,
              r: 5,
              fillOpacity: 0.85,
            }),
          ],
        },
        {
          label: T(
            `Capaian ${drawn.length} indikator tahun ${tahun} per program`,
            `Achievement of ${drawn.length} indicators in ${tahun} by programme`,
          ),
        },
        document,
      )
    : '';
  // The year's movement first (how many improved or held steady), then the targets met.
  const takeaway: Rich = [
    T(`Tahun ${tahun}: `, `In ${tahun}: `),
    ...trendSentence(lang, rows, Number(tahun)),
    ...targetSentence(lang, rows),
  ];
  return {
    id: 'capaian',
    title: t(lang).titles['capaian'],
    takeaway,
    columns: columns(lang, [
      ['program', 'Program', 'Programme'],
      'kode_unit',
      'nama_unit',
      'tahun',
      'kode_indikator',
      'nama_indikator',
      'satuan',
      ['arah', w.target.directionColumn, w.target.directionColumn],
      'target',
      'realisasi',
      'capaian',
      'kategori',
      ['tercapai', w.target.metColumn, w.target.metColumn],
      ['dibanding_tahun_lalu', w.target.trendColumn, w.target.trendColumn],
    ]),
    rows: table,
    svg,
    ...(svg ? {} : { empty: 'belum-dilaporkan' as const }),
    sources: ['capaian_iku'],
    period: tahun,
    method: 'capaian',
    collapse: true,
    legend: capaianLegend(lang),
  };
}
