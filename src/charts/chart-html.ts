/**
 * The changing parts of a chart figure as HTML text: its numbers, takeaway, drawing, colour key
 * and table. The Astro components print these strings, and the browser prints the same strings
 * when a reader's filter redraws a chart, so both renders are one markup. Every data value goes
 * through escapeHtml; only Plot's own SVG (built through the DOM, so already escaped) is inserted
 * as it is. No node imports.
 */
import { shownColumns, type Cell, type ChartData, type LegendItem, type PhoneListItem, type Rich } from './chart-data.ts';
import { escapeHtml as esc } from './html.ts';
import type { Lang } from '../i18n/lang.ts';
import { t } from '../i18n/words.ts';

/**
 * One printed value. A number from a published table is wrapped in <data> carrying its source
 * (table, primary key, column) and its CSV text, so anyone can check the page against the
 * download. An empty cell says why it is empty, in words, never as 0.
 */
export function numHtml(cell: Cell, lang: Lang, rowRef?: RowRef): string {
  const w = t(lang);
  const text = cell.missing ? (cell.note ? `${w.missing[cell.missing]}: ${cell.note}` : w.missing[cell.missing]) : cell.text;
  // A plain word needs no <data>; a code shown as words, or any number, keeps its raw value.
  const needsData = cell.ref !== undefined || cell.numeric || cell.raw !== text;
  const cls = cell.missing ? ' class="missing"' : '';
  // A figure revised since the previous release says so, and links to its old value.
  const mark = cell.revised ? ` <a class="revised" href="${esc(cell.revised)}">${esc(w.revised)}</a>` : '';
  if (cell.href) return `<a href="${esc(cell.href)}">${needsData ? `<data value="${esc(cell.raw)}">${esc(text)}</data>` : esc(text)}</a>`;
  if (cell.ref) {
    // In a table row that names its source once (rowRefOf), a cell names only its column.
    const source =
      rowRef && rowRef.table === cell.ref.table && rowRef.key === cell.ref.key
        ? ''
        : ` data-tabel="${esc(cell.ref.table)}" data-kunci="${esc(cell.ref.key)}"`;
    return `<data value="${esc(cell.raw)}"${source} data-kolom="${esc(cell.ref.col)}"${cls}>${esc(text)}</data>${mark}`;
  }
  if (needsData) return `<data value="${esc(cell.raw)}"${cls}>${esc(text)}</data>`;
  return esc(text);
}

/** A published row a table row shows: its table and primary key, written once on the <tr>. */
interface RowRef {
  table: string;
  key: string;
}

/**
 * The source of a table row, when every cell that has one shares it: the row then names it once
 * and each cell its column (`tr[data-tabel][data-kunci] > td > data[data-kolom]`), instead of
 * repeating table and key in every cell (most of a long table's bytes). A reader finds a cell's
 * source at `closest('[data-kunci]')`.
 */
function rowRefOf(cells: readonly (Cell | undefined)[]): RowRef | undefined {
  let ref: RowRef | undefined;
  for (const cell of cells) {
    if (!cell?.ref) continue;
    if (!ref) ref = { table: cell.ref.table, key: cell.ref.key };
    else if (ref.table !== cell.ref.table || ref.key !== cell.ref.key) return undefined;
  }
  return ref;
}

/** A sentence with numbers in it; each number keeps its source. */
export const richHtml = (parts: Rich, lang: Lang): string => parts.map((p) => (typeof p === 'string' ? esc(p) : numHtml(p, lang))).join('');

export function legendHtml(items: readonly LegendItem[]): string {
  const li = (l: LegendItem) => {
    const cls = [
      'swatch',
      l.shape,
      l.fill === undefined || l.fill === 'solid' ? undefined : l.fill,
      l.dashed ? 'dashed' : undefined,
      l.hatched ? 'hatched' : undefined,
    ]
      .filter(Boolean)
      .join(' ');
    return `<li><span class="${esc(cls)}" style="--c:${esc(l.color)}" aria-hidden="true"></span>${esc(l.label)}</li>`;
  };
  return items.length ? `<ul class="legend">${items.map(li).join('')}</ul>` : '';
}

/**
 * The table under a chart: the same rows as the SVG and the CSV download. It scrolls inside
 * its own box (focusable, so keyboard users can scroll it) and never widens the page.
 */
export function chartTableHtml(chart: Pick<ChartData, 'columns' | 'rows'>, lang: Lang, caption: string): string {
  const num = (numeric: boolean | undefined) => (numeric ? ' class="num"' : '');
  const { shown, empty } = shownColumns(chart);
  const head = shown.map((c) => `<th scope="col"${num(c.numeric)}>${esc(c.label)}</th>`).join('');
  const body = chart.rows
    .map((row) => {
      const ref = rowRefOf(shown.map((c) => row[c.key]));
      const attrs = ref ? ` data-tabel="${esc(ref.table)}" data-kunci="${esc(ref.key)}"` : '';
      return `<tr${attrs}>${shown.map((c) => `<td${num(c.numeric)}>${row[c.key] ? numHtml(row[c.key], lang, ref) : ''}</td>`).join('')}</tr>`;
    })
    .join('');
  const note = empty.length ? `<p class="note">${esc(t(lang).chart.emptyColumns(empty.map((c) => c.label).join(', ')))}</p>` : '';
  return `<div class="table-scroll" tabindex="0" role="region" aria-label="${esc(caption)}"><table><caption class="visually-hidden">${esc(caption)}</caption><thead><tr>${head}</tr></thead><tbody>${body}</tbody></table></div>${note}`;
}

/** In place of a chart that draws nothing: its true cause, as a data attribute too. */
export function emptyChartHtml(chart: Pick<ChartData, 'empty'>, lang: Lang): string {
  const w = t(lang);
  return chart.empty
    ? `<p class="muted chart-empty" data-kosong="${esc(chart.empty)}">${esc(w.chart.empty[chart.empty])}</p>`
    : `<p class="muted">${esc(w.chart.noChart)}</p>`;
}

/** A dense heatmap as a list, shown instead of it on a phone (site.css). */
export const phoneListHtml = (items: readonly PhoneListItem[], lang: Lang): string =>
  `<ul class="phone-list">${items.map((i) => `<li><strong>${esc(i.label)}</strong>: ${richHtml(i.text, lang)}</li>`).join('')}</ul>`;

/** What sits between a figure's caption (and filter) and its links: drawing, colour key, table. */
export function chartBodyHtml(chart: ChartData, lang: Lang): string {
  const w = t(lang);
  const table = chartTableHtml(chart, lang, `${w.chart.table}: ${chart.title}`);
  return [
    chart.svg
      ? `<div class="chart-svg${chart.phoneList?.length ? ' has-phone-list' : ''}">${chart.svg}</div>`
      : emptyChartHtml(chart, lang),
    chart.svg && chart.phoneList?.length ? phoneListHtml(chart.phoneList, lang) : '',
    // The key of a chart that draws nothing would describe marks that are not there.
    chart.svg ? legendHtml(chart.legend ?? []) : '',
    chart.collapse
      ? `<details><summary>${esc(w.chart.showTable)} (${chart.rows.length} ${esc(w.chart.rows)})</summary>${table}</details>`
      : table,
  ].join('');
}
