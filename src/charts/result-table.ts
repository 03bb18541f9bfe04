/**
 * A query result as an HTML table string. The build renders the static comparison with it and
 * the browser renders the live one with it, so the same rows give the same markup.
 */
import type { Cell, QueryResult } from '../queries/result.ts';
import { escapeHtml } from './html.ts';

export interface TableOptions {
  caption?: string;
  /** Header text per column (defaults to the column names). */
  headers?: readonly string[];
  /** Column indexes to leave out (e.g. codes already shown by name). */
  hide?: readonly number[];
  /** Column indexes in the order shown (defaults to the result's order); hidden ones are left out still. */
  order?: readonly number[];
  /**
   * Columns a narrow screen shows as labelled lines under the row's key columns rather than
   * beside them (interactive.css .kt-phone-rows): the table then fits a 360 px phone.
   */
  secondary?: readonly number[];
  /** A class on the table (styles of one page's tables). */
  className?: string;
  maxRows?: number;
  cell: (value: Cell, column: number) => string;
}

const isNumericColumn = (rows: readonly Cell[][], i: number) =>
  rows.some((r) => typeof r[i] === 'number') && rows.every((r) => r[i] === null || typeof r[i] === 'number');

export function resultTableHtml(result: QueryResult, opts: TableOptions): string {
  const keep = (opts.order ?? result.columns.map((_, i) => i)).filter((i) => !opts.hide?.includes(i));
  const numeric = new Set(keep.filter((i) => isNumericColumn(result.rows, i)));
  const header = (i: number) => opts.headers?.[i] ?? result.columns[i];
  const cls = (i: number) => {
    const names = [numeric.has(i) ? 'num' : '', opts.secondary?.includes(i) ? 'secondary' : ''].filter(Boolean);
    return names.length ? ` class="${names.join(' ')}"` : '';
  };
  // A secondary cell carries its header, for the line a narrow screen shows it on ("Responden: 120").
  const label = (i: number) => (opts.secondary?.includes(i) ? ` data-label="${escapeHtml(header(i))}"` : '');
  const head = keep.map((i) => `<th scope="col"${cls(i)}>${escapeHtml(header(i))}</th>`).join('');
  const rows = result.rows
    .slice(0, opts.maxRows ?? result.rows.length)
    .map((row) => `<tr>${keep.map((i) => `<td${cls(i)}${label(i)}>${escapeHtml(opts.cell(row[i], i))}</td>`).join('')}</tr>`)
    .join('');
  const caption = opts.caption ? `<caption>${escapeHtml(opts.caption)}</caption>` : '';
  const table = opts.className ? `<table class="${escapeHtml(opts.className)}">` : '<table>';
  return `<div class="table-scroll" tabindex="0" role="region" aria-label="${escapeHtml(opts.caption ?? 'Tabel')}">${table}${caption}<thead><tr>${head}</tr></thead><tbody>${rows}</tbody></table></div>`;
}
