/**
 * Observable Plot rendered at build time into a plain SVG string (linkedom stands in for the
 * browser's DOM), so charts need no JavaScript on the reader's phone.
 */
import * as Plot from '@observablehq/plot';
import { parseHTML } from 'linkedom';

/**
 * Okabe–Ito: eight colours that stay distinct for the common colour-vision deficiencies and
 * in greyscale print (paired with labels, never colour alone).
 */
export const PALETTE = ['#0072B2', '#E69F00', '#009E73', '#CC79A7', '#56B4E9', '#D55E00', '#F0E442', '#000000'] as const;
export const BLUE = '#0072B2';
export const ORANGE = '#D55E00';
export const GREY = '#8c959f';
export const HIDDEN_FILL = '#d0d7de';

/**
 * Charts are drawn 360 units wide and scale with the page: on a 360 px phone the 14 px labels
 * still read at about 12 px. Wider drawings would shrink their text below legibility.
 */
export const CHART_WIDTH = 360;

/** Height of one labelled row in row charts: the label sits above its bar or dot. */
export const ROW = 40;

export interface PlotA11y {
  /** Short text alternative read by screen readers; the table below holds every value. */
  label: string;
}

/** Plot prints coordinates to 15 digits; two are plenty and keep pages light. */
const trimDecimals = (svg: string) => svg.replace(/(\d+\.\d\d)\d+/g, '$1');

export function renderPlot(options: Plot.PlotOptions, a11y: PlotA11y): string {
  const { document } = parseHTML('<!doctype html><html><body></body></html>');
  const el = Plot.plot({
    width: CHART_WIDTH,
    style: { fontSize: '14px', fontFamily: 'inherit' },
    ...options,
    document: document as unknown as Document,
  });
  // One accessible image with one name; Plot's aria-labels on inner groups are not allowed on
  // elements without a role (and the table under the chart holds every value anyway).
  for (const g of el.querySelectorAll('[aria-label]')) g.removeAttribute('aria-label');
  el.setAttribute('role', 'img');
  el.setAttribute('aria-label', a11y.label);
  return trimDecimals(el.outerHTML);
}

/**
 * Row labels above each row instead of a left axis: on a narrow screen the whole width stays
 * for the data and long unit names stay readable.
 */
export function rowLabels<T>(data: readonly T[], y: (d: T) => string, text: (d: T) => string = y): Plot.Markish {
  return Plot.text(data, { y, text, frameAnchor: 'left', textAnchor: 'start', dy: -ROW / 2 + 9, fill: '#1b1f24', lineWidth: 22, textOverflow: 'ellipsis' });
}

/** Margins of row charts: a little air on top, room for the x axis and its label below. */
export const ROW_MARGIN_TOP = 8;
export const ROW_MARGIN_BOTTOM = 44;

/** Vertical room for `rows` labelled rows plus the x axis, so every row gets exactly ROW. */
export const rowsHeight = (rows: number) => ROW_MARGIN_TOP + ROW_MARGIN_BOTTOM + rows * ROW;

export { Plot };
