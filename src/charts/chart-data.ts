/**
 * What every chart on the site is made of: rows of cells that carry both the CSV text
 * (`raw`, what the download holds) and what the reader sees. The page's table, its CSV
 * download and the SVG are all drawn from the same rows, so they cannot disagree.
 *
 * No node imports and no schemas: the browser redraws filtered charts with this module too.
 * (chart.ts adds the schema-aware `pubCell` for build-time builders.)
 */
import type { ColumnType, PublishedRow, TableName, TABLES } from '../contract/published.ts';
import type { Lang } from '../i18n/lang.ts';
import { formatNumber, type NumberStyle } from '../i18n/format.ts';
import { rawCell } from './row.ts';
import { parsePeriod } from '../derive/periods.ts';
import { guardFormula, quoteCsv } from './csv-text.ts';
import type { EmptyReason } from '../i18n/words.ts';

export type { EmptyReason };

/**
 * Why a cell is empty: the privacy rules hid it, it could not be computed, it was not reported
 * yet, or what it would say is not known (its `note` says why, e.g. an unknown sample adequacy).
 */
export type Missing = 'hidden' | 'na' | 'unreported' | 'unknown';

/** Where a printed number comes from: one cell of one published table. */
export interface CellRef {
  table: TableName;
  key: string;
  col: string;
}

export interface Cell {
  /** The text of this cell in the CSV download ('' when empty). */
  raw: string;
  /** What the reader sees (already formatted); for empty cells, see `missing`. */
  text: string;
  ref?: CellRef;
  missing?: Missing;
  /** Extra detail shown after a missing marker, e.g. the reason a group is hidden. */
  note?: string;
  href?: string;
  numeric?: boolean;
  /** The cell changed since the previous release: its line on the release page (src/site/revised.ts). */
  revised?: string;
}

export interface ChartColumn {
  /** The CSV header: a published column name where there is one. */
  key: string;
  label: string;
  numeric?: boolean;
}

export type ChartRow = Record<string, Cell>;

/** Text with numbers in it: each number stays a Cell so the page can mark where it came from. */
export type Rich = (string | Cell)[];

export interface ChartData {
  /** Permalink anchor and CSV file name, unique on its page. */
  id: string;
  title: string;
  /** One sentence a reader can take away without reading the chart; numbers in it keep their source. */
  takeaway: Rich;
  columns: ChartColumn[];
  rows: ChartRow[];
  /** Observable Plot SVG (empty when there is nothing to draw). */
  svg: string;
  /** Why `svg` is empty, said in its place (words.ts chart.empty); absent when something is drawn. */
  empty?: EmptyReason;
  sources: TableName[];
  /** The period the chart covers, in words. */
  period: string;
  /** Anchor of the section of the methodology page that explains these numbers. */
  method: string;
  /** Long tables fold away so that the page stays short on a phone. */
  collapse?: boolean;
  /** Colour keys, as HTML under the chart (always with words: colour is never the only cue). */
  legend?: LegendItem[];
  /** Choices a reader can change in the browser (the chart is redrawn from the same SQL). */
  filter?: ChartFilter;
  /**
   * The same chart cut into parts of a few rows each, for the forum view's slides: a chart of
   * thirty rows shrunk to a slide's height has text no room can read (common.ts slideParts).
   */
  slideParts?: string[];
  /** The key of each of slideParts when it differs from part to part (the sample states a part's rows draw); else `legend`. */
  slideLegends?: LegendItem[][];
  /**
   * In place of a heatmap too dense for a phone (narrow screens only): one line per row with
   * its latest and lowest month, every number keeping its source.
   */
  phoneList?: PhoneListItem[];
}

export interface PhoneListItem {
  label: string;
  text: Rich;
}

export interface LegendItem {
  color: string;
  label: string;
  dashed?: boolean;
  /** Drawn hatched (hidden cells), so it differs from every solid colour in greyscale and print. */
  hatched?: boolean;
  /** The dot symbol the chart uses for this key, so shape backs up colour. */
  shape?: 'circle' | 'square' | 'triangle' | 'diamond' | 'rule';
  /** How the symbol is filled when fill tells keys apart (IKM sample adequacy, charts/sample.ts); default solid. */
  fill?: 'solid' | 'hollow' | 'light';
}

/** The form above a filterable chart: one <select> per field, the current choice selected. */
export interface ChartFilter {
  /** Which live renderer redraws the chart (src/client/filter-live.ts). */
  kind: string;
  /** The build's choice (region, period, …), as data attributes of the form; the fields override it. */
  context: Record<string, string>;
  fields: FilterField[];
  /** The published tables its SQL reads: the page tells the browser how to load them. */
  tables: TableName[];
  /** The explorer link for the current choice: the very SQL that produced these rows. */
  sql: string;
}

export interface FilterField {
  name: string;
  label: string;
  value: string;
  options: { value: string; label: string }[];
}

/**
 * How a published table is keyed and typed, as far as a chart needs to know. Build-time code
 * takes it from the schemas (chart.ts); browser code writes the few it uses by hand, and a
 * unit test holds them equal to the schemas.
 */
export interface TableShape {
  name: TableName;
  key: readonly string[];
  types: Readonly<Record<string, ColumnType>>;
  /** The declared display style of each number column it prints (contract: Column.style). */
  styles: Readonly<Record<string, NumberStyle>>;
}

/** The primary key of a published table, checked against the contract at compile time. */
export type PrimaryKey<N extends TableName> = Extract<(typeof TABLES)[number], { name: N }>['primaryKey'];

/** The row's primary key as the site writes it: key values in primaryKey order, joined by '|'. */
export const keyOf = (shape: Pick<TableShape, 'key'>, row: PublishedRow): string => shape.key.map((k) => rawCell(row, k)).join('|');

/**
 * A cell holding one published value, with its provenance. Empty cells say why they are empty
 * (`missing`), never print as 0.
 */
export function shapeCell(
  lang: Lang,
  shape: TableShape,
  row: PublishedRow,
  col: string,
  opts: { missing?: Missing; style?: NumberStyle; text?: string } = {},
): Cell {
  const raw = rawCell(row, col);
  const type = shape.types[col] ?? 'string';
  const numeric = type === 'integer' || type === 'number';
  const ref = { table: shape.name, key: keyOf(shape, row), col };
  if (raw === '') return { raw, text: '', ref, numeric, missing: opts.missing ?? 'na' };
  const value = row[col];
  const text =
    opts.text ??
    (numeric && typeof value === 'number' ? formatNumber(lang, value, opts.style ?? shape.styles[col] ?? 'plain') : String(value));
  return { raw, text, ref, numeric };
}

/**
 * A label cell (names, months, categories): the CSV keeps the code, the page shows words.
 * Formula text is guarded here, as in the published tables; values read with rawCell already are.
 */
export function labelCell(raw: string, text: string = raw, href?: string): Cell {
  const safe = guardFormula(raw);
  return href ? { raw: safe, text, href } : { raw: safe, text };
}

/**
 * A number the page adds up from published rows (e.g. complaints of all units in a month).
 * It has no single source cell, so no `ref`; the CSV carries the same sum.
 */
export function sumCell(lang: Lang, value: number | null, style: NumberStyle = 'count'): Cell {
  if (value === null) return { raw: '', text: '', numeric: true, missing: 'na' };
  return { raw: String(value), text: formatNumber(lang, value, style), numeric: true };
}

/**
 * A chart's columns split into those its table and CSV show and those empty in every row (no
 * value and no reason for none), which are left out, and said to be, rather than take a
 * phone's width. A column of hidden or not computable cells is not empty: it says why.
 */
export function shownColumns(chart: Pick<ChartData, 'columns' | 'rows'>): { shown: ChartColumn[]; empty: ChartColumn[] } {
  const isEmpty = (c: ChartColumn) =>
    chart.rows.length > 0 && chart.rows.every((r) => !r[c.key] || (r[c.key].raw === '' && r[c.key].text === '' && !r[c.key].missing));
  return { shown: chart.columns.filter((c) => !isEmpty(c)), empty: chart.columns.filter(isEmpty) };
}

/**
 * The CSV of a chart: exactly its table's rows, RFC 4180, CRLF, as the published tables; led by
 * the region's code (`kode_wilayah`, the same in every row) when the table does not show it, so
 * a file that leaves the page still says where its numbers are from.
 */
export function chartCsv(chart: Pick<ChartData, 'columns' | 'rows'>, kodeWilayah?: string): string {
  // Raw values are guarded already (labelCell, rawCell): quoted only, so a raw `-3.5` stays as it is.
  const { shown } = shownColumns(chart);
  const lead = kodeWilayah !== undefined && !shown.some((c) => c.key === 'kode_wilayah') ? [quoteCsv(kodeWilayah)] : [];
  const lines = [[...(lead.length ? ['kode_wilayah'] : []), ...shown.map((c) => quoteCsv(c.key))].join(',')];
  for (const row of chart.rows) lines.push([...lead, ...shown.map((c) => quoteCsv(row[c.key]?.raw ?? ''))].join(','));
  return lines.join('\r\n') + '\r\n';
}

/** The periods a chart's rows cover: one, or the first and last (`2025-01_2025-12`); none when its rows have no period. */
function periodSpan(rows: readonly ChartRow[]): string[] {
  for (const key of ['periode', 'bulan', 'tahun']) {
    const values = [...new Set(rows.map((r) => r[key]?.raw ?? '').filter((v) => parsePeriod(v) !== null))].sort();
    if (values.length) return values.length === 1 ? values : [`${values[0]}_${values.at(-1)}`];
  }
  return [];
}

/**
 * A chart's download named for what it holds: region (and unit or service), chart, period —
 * `binjai-ikm-2025-S2.csv`. `choice` is a redrawn chart's period choice; else its rows say.
 */
export function chartFileName(chart: Pick<ChartData, 'id' | 'rows'>, scope: readonly string[], choice: readonly string[] = []): string {
  const parts = [...scope, chart.id, ...(choice.length ? choice : periodSpan(chart.rows))];
  return `${parts
    .map((p) => p.replace(/[^\w-]+/g, '_'))
    .filter(Boolean)
    .join('-')}.csv`;
}
