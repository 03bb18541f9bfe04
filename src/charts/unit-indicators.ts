/**
 * A unit's indicators, target against realisation with their category: rows of
 * unitIndicatorsSql → table, CSV and SVG. The table lists the rows the reader chose (every year
 * by default); the chart draws the latest year among them. Drawn at build time and in the
 * browser when the year changes. No node imports.
 */
import type { PublishedRow } from '../contract/published.ts';
import type { Lang } from '../i18n/lang.ts';
import { t, tr } from '../i18n/words.ts';
import { labelCell, shapeCell, type ChartData } from './chart-data.ts';
import { num, rawCell, str } from './row.ts';
import { kategoriCapaianLabel, tercapaiLabel } from '../i18n/labels.ts';
import { axisFormat, Plot, renderPlot, rowLabelsWithTail } from './plot.ts';
import { BAR_INSET, capaianLegend, columns, KATEGORI_CAPAIAN_COLORS, rowChart } from './common.ts';
import { directionCell, metCell, targetSentence, trendCell, trendSentence } from './target.ts';
import { CAPAIAN_IKU } from './target.ts';

/** Rows of unitIndicatorsSql, in its order (latest year first); null when there are none. */
export function unitIndicatorsChart(lang: Lang, rows: PublishedRow[], document: Document): ChartData | null {
  const T = tr(lang);
  const w = t(lang);
  if (rows.length === 0) return null;
  const cell = (r: PublishedRow, col: string, opts: Parameters<typeof shapeCell>[4] = {}) => shapeCell(lang, CAPAIAN_IKU, r, col, opts);
  const year = num(rows[0], 'tahun')!;
  const latest = rows.filter((r) => r.tahun === year);
  const drawn = latest.filter((r) => num(r, 'capaian') !== null);
  const maxX = Math.max(120, ...drawn.map((r) => num(r, 'capaian')!));
  const key = (r: PublishedRow) => str(r, 'kode_indikator');
  const svg = drawn.length
    ? renderPlot(
        {
          ...rowChart(drawn.map(key)),
          x: {
            domain: [0, Math.ceil(maxX / 10) * 10],
            label: T(`Capaian ${year} (%) →`, `Achievement ${year} (%) →`),
            tickFormat: axisFormat(lang, 'count'),
            grid: true,
          },
          color: { domain: Object.keys(KATEGORI_CAPAIAN_COLORS), range: Object.values(KATEGORI_CAPAIAN_COLORS) },
          marks: [
            // Each row says its direction and whether the target was met: the bar's colour is only the kategori.
            rowLabelsWithTail(
              drawn,
              key,
              (r) => `${str(r, 'arah') === 'turun' ? '↓' : '↑'} ${str(r, 'nama_indikator')}`,
              (r) => tercapaiLabel(str(r, 'tercapai'), lang),
              (r) => `${str(r, 'nama_indikator')} · ${w.target.direction[str(r, 'arah')] ?? ''}`,
            ),
            Plot.barX(drawn, {
              y: key,
              x: (r: PublishedRow) => num(r, 'capaian'),
              fill: (r: PublishedRow) => str(r, 'kategori'),
              ...BAR_INSET,
            }),
            Plot.ruleX([100], { stroke: '#1b1f24', strokeDasharray: '4,3' }),
          ],
        },
        { label: T(`Capaian ${drawn.length} indikator unit tahun ${year}`, `Achievement of ${drawn.length} unit indicators in ${year}`) },
        document,
      )
    : '';
  return {
    id: 'iku',
    title: t(lang).titles.iku,
    // The year's movement first (how many improved or held steady), then the targets met.
    takeaway: [T(`Tahun ${year}: `, `In ${year}: `), ...trendSentence(lang, latest, year), ...targetSentence(lang, latest)],
    columns: columns(lang, [
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
    rows: rows.map((r) => ({
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
    })),
    svg,
    ...(svg ? {} : { empty: 'belum-dilaporkan' as const }),
    sources: ['capaian_iku'],
    period: rows.length > latest.length ? `${num(rows.at(-1)!, 'tahun')} – ${year}` : String(year),
    method: 'capaian',
    collapse: rows.length > 12,
    legend: capaianLegend(lang),
  };
}
