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
 * download. An empty cell says why it is empty, in words, never as 0. In a table, what its row,
 * the table or the column's header names already is not said again (`named`; sourceOf reads it).
 */
export function numHtml(cell: Cell, lang: Lang, named: Named = {}): string {
  const w = t(lang);
  const text = cell.missing ? (cell.note ? `${w.missing[cell.missing]}: ${cell.note}` : w.missing[cell.missing]) : cell.text;
  // A plain word needs no <data>; a code shown as words, or any number, keeps its raw value.
  const needsData = cell.ref !== undefined || cell.numeric || cell.raw !== text;
  const cls = cell.missing ? ' class="missing"' : '';
  // A figure revised since the previous release says so, and links to its old value.
  const mark = cell.revised ? ` <a class="revised" href="${esc(cell.revised)}">${esc(w.revised)}</a>` : '';
  if (cell.href) return `<a href="${esc(cell.href)}">${needsData ? `<data value="${esc(cell.raw)}">${esc(text)}</data>` : esc(text)}</a>`;
  if (cell.ref) {
    const { row, col } = named;
    const source =
      row && row.table === cell.ref.table && row.key === cell.ref.key
        ? ''
        : ` data-tabel="${esc(cell.ref.table)}" data-kunci="${esc(cell.ref.key)}"`;
    const column = col === cell.ref.col ? '' : ` data-kolom="${esc(cell.ref.col)}"`;
    return `<data value="${esc(cell.raw)}"${source}${column}${cls}>${esc(text)}</data>${mark}`;
  }
  if (needsData) return `<data value="${esc(cell.raw)}"${cls}>${esc(text)}</data>`;
  return esc(text);
}

/** What a table cell's surroundings name of its source: its row's table and key, its column's name. */
interface Named {
  row?: RowRef;
  col?: string;
}

/** A published row a table row shows: its table and primary key. */
interface RowRef {
  table: string;
  key: string;
}

/**
 * The source of a table row, when every cell that has one shares it: the row then names its key
 * once (`<tr data-kunci>`, and its table unless the <table> names it for every row) instead of
 * every cell repeating it (most of a long table's bytes).
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

/** The one value every given value is (undefined ones aside); undefined if they differ or none is given. */
function shared<T>(values: readonly (T | undefined)[]): T | undefined {
  let one: T | undefined;
  for (const v of values) {
    if (v === undefined) continue;
    if (one === undefined) one = v;
    else if (v !== one) return undefined;
  }
  return one;
}

/** Where a printed number comes from. */
export interface Source {
  table: string;
  key: string;
  col: string;
}

/**
 * The source of a printed number (a <data> with a source, in a sentence or a table): its table,
 * key and column, from the <data> itself or, in a table, its row, the <table> and its column's
 * header (chartTableHtml). Null for a value without a source (a link's, a plain code's). The one
 * reading of that markup: the tests, and anyone checking the page against the downloads, read it so.
 */
export function sourceOf(data: Element): Source | null {
  const table = data.closest('[data-tabel]')?.getAttribute('data-tabel');
  const key = data.closest('[data-kunci]')?.getAttribute('data-kunci');
  const col = data.getAttribute('data-kolom') ?? columnHeaderOf(data)?.getAttribute('data-kolom');
  return table && key && col ? { table, key, col } : null;
}

/** The header (<th>) of the table column an element's cell is in; null outside a table's body. */
export function columnHeaderOf(el: Element): Element | null {
  const td = el.closest('td');
  if (!td?.parentElement) return null;
  const at = [...td.parentElement.children].indexOf(td);
  return td.closest('table')?.querySelector('thead tr')?.children[at] ?? null;
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
  const cells = chart.rows.map((row) => shown.map((c) => row[c.key]));
  // A column of cells from one published column names it once, in its header; a table of rows
  // from one published table names it once, on the <table> (sourceOf reads them back).
  // (Only where every cell of the column has a source: a header never lends one to a cell without.)
  const cols = shown.map((_, j) => {
    const column = cells.map((r) => r[j]).filter((c) => c !== undefined);
    return column.every((c) => c.ref && !c.href) ? shared(column.map((c) => c.ref!.col)) : undefined;
  });
  const refs = cells.map(rowRefOf);
  const table = shared(refs.map((r) => r?.table));
  const attr = (name: string, value: string | undefined) => (value === undefined ? '' : ` ${name}="${esc(value)}"`);
  const head = shown.map((c, j) => `<th scope="col"${num(c.numeric)}${attr('data-kolom', cols[j])}>${esc(c.label)}</th>`).join('');
  const body = cells
    .map((row, i) => {
      const ref = refs[i];
      const attrs = ref ? `${ref.table === table ? '' : attr('data-tabel', ref.table)}${attr('data-kunci', ref.key)}` : '';
      return `<tr${attrs}>${row.map((cell, j) => `<td${num(shown[j].numeric)}>${cell ? numHtml(cell, lang, { row: ref, col: cols[j] }) : ''}</td>`).join('')}</tr>`;
    })
    .join('');
  const note = empty.length ? `<p class="note">${esc(t(lang).chart.emptyColumns(empty.map((c) => c.label).join(', ')))}</p>` : '';
  return `<div class="table-scroll" tabindex="0" role="region" aria-label="${esc(caption)}"><table${attr('data-tabel', table)}><caption class="visually-hidden">${esc(caption)}</caption><thead><tr>${head}</tr></thead><tbody>${body}</tbody></table></div>${note}`;
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
