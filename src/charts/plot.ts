/**
 * Observable Plot drawn into a plain SVG string. At build time the document is linkedom's
 * (plot-document.ts), so charts need no JavaScript on the reader's phone; in the browser a
 * filtered chart is redrawn by the same code into the page's own document. No node imports.
 */
import * as Plot from '@observablehq/plot';
import type { Lang } from '../i18n/lang.ts';
import { formatNumber, type NumberStyle } from '../i18n/format.ts';
import { distinctLabels, textEms } from './label-fit.ts';

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
 * Hidden cells are hatched, not a flat grey: a flat light grey reads in greyscale and on paper
 * like the grey of "Butuh perbaikan". Dark diagonal lines on white, drawn in the SVG itself
 * (printed without "background graphics"); the legend's swatch is the same (site.css .hatched).
 */
export const HATCH_ID = 'kt-arsir';
export const HATCH_FILL = `url(#${HATCH_ID})`;
const HATCH_INK = '#57606a';
/** The same hatching in a lighter ink, for a whole hidden group: its reason is printed on it and must read. */
export const HATCH_LIGHT_FILL = `url(#${HATCH_ID}-muda)`;
const HATCH_LIGHT_INK = '#afb8c1';

/** A mark that draws nothing but defines the hatch pattern, so a chart can fill with HATCH_FILL. */
export const hatchPattern: Plot.RenderFunction = (_index, _scales, _values, _dimensions, context) => {
  const ns = 'http://www.w3.org/2000/svg';
  const el = (tag: string, attrs: Record<string, string>) => {
    const node = context.document.createElementNS(ns, tag);
    for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, v);
    return node;
  };
  const pattern = (id: string, ink: string) => {
    const node = el('pattern', { id, width: '6', height: '6', patternUnits: 'userSpaceOnUse', patternTransform: 'rotate(45)' });
    node.append(
      el('rect', { width: '6', height: '6', fill: 'white' }),
      el('line', { x1: '0', y1: '0', x2: '0', y2: '6', stroke: ink, 'stroke-width': '3' }),
    );
    return node;
  };
  const defs = el('defs', {});
  defs.append(pattern(HATCH_ID, HATCH_INK), pattern(`${HATCH_ID}-muda`, HATCH_LIGHT_INK));
  return defs as unknown as SVGElement;
};

/**
 * Charts are drawn 360 units wide and scale with the page: on a 360 px phone the 14 px labels
 * still read at about 12 px, and nothing is printed smaller than SMALL_TEXT. Wider drawings
 * would shrink their text below legibility.
 */
export const CHART_WIDTH = 360;

/**
 * Class of a text mark that prints each row's value or state ("95", "disembunyikan: kelompok
 * kecil"): these repeat by nature, unlike labels, which must tell rows apart (distinctLabels).
 */
export const VALUE_TEXT = 'kt-value';

/**
 * The smallest text a chart may print (heatmap cells, month initials). A 360-unit drawing is
 * shown about 316 px wide on a 360 px phone (scale 0.88): 13 units read at 11.4 px.
 */
export const SMALL_TEXT = 13;

/** Height of one labelled row in row charts: the label sits above its bar or dot. */
export const ROW = 40;

export interface PlotA11y {
  /** Short text alternative read by screen readers; the table below holds every value. */
  label: string;
}

/** Attributes that hold coordinates (always with a `.` decimal point, whatever the page's language). */
const GEOMETRY = ['x', 'y', 'x1', 'x2', 'y1', 'y2', 'cx', 'cy', 'r', 'dx', 'dy', 'd', 'points', 'transform', 'width', 'height', 'viewBox'];

/** Plot prints coordinates to 15 digits; two are plenty and keep pages light. */
export const trimCoordinates = (value: string): string => value.replace(/(\d\.\d\d)\d+/g, '$1');

const DECIMAL_MARK: Record<Lang, string> = { id: ',', en: '.' };

/**
 * Trailing zero decimals off numbers printed in the page's language: `2,50` → `2,5` and
 * `3,00` → `3` on Indonesian pages, `2.50` → `2.5` on English ones. Only digits after the
 * language's decimal mark count as decimals, so thousands stay whole (`1.000` in Indonesian,
 * `1,000` in English).
 */
export function trimDecimals(text: string, lang: Lang): string {
  const mark = DECIMAL_MARK[lang] === ',' ? ',' : '\\.';
  return text.replace(new RegExp(`(\\d)${mark}(\\d*?)0+(?!\\d)`, 'g'), (_m, unit: string, kept: string) =>
    kept ? `${unit}${DECIMAL_MARK[lang]}${kept}` : unit,
  );
}

/** A tick formatter for chart axes in the page's language, without trailing zero decimals. */
export const axisFormat =
  (lang: Lang, style: NumberStyle = 'plain') =>
  (d: number): string =>
    trimDecimals(formatNumber(lang, d, style), lang);

/**
 * One accessible image with one name. Plot names its inner groups (`<g aria-label="dot">`);
 * on an element without a role that is a prohibited ARIA attribute (axe: serious), and the table
 * under every chart holds each value anyway, so only the <svg> keeps a label. Coordinates are
 * shortened here too, in attributes only: text (tick labels, names) keeps every digit.
 * Works on Plot's <svg>, or on the <figure> it returns when it adds a legend, in any DOM.
 */
export function finishChart(el: Element, label: string): void {
  // In a <figure>, the chart is the <svg> child; the legend's swatches hold small <svg>s of their own.
  const svg = el.tagName.toLowerCase() === 'svg' ? el : [...el.children].find((c) => c.tagName.toLowerCase() === 'svg');
  for (const node of el.querySelectorAll('[aria-label], [aria-description]')) {
    if (node === svg) continue;
    node.removeAttribute('aria-label');
    node.removeAttribute('aria-description');
  }
  for (const node of [el, ...el.querySelectorAll('*')]) {
    for (const name of GEOMETRY) {
      const value = node.getAttribute(name);
      if (value !== null && /\d\.\d{3}/.test(value)) node.setAttribute(name, trimCoordinates(value));
    }
  }
  // Plot writes the same rules into every chart (a fifth of a kilobyte each, tens of thousands of
  // charts at national scale); the site's stylesheet holds them once (src/styles/site.css). A
  // legend's own rules (its swatches) stay with it.
  for (const child of svg ? [...svg.children] : [])
    if (child.tagName.toLowerCase() === 'style' && (child.textContent ?? '').startsWith(':where(.plot-')) child.remove();
  if (svg) {
    svg.setAttribute('role', 'img');
    svg.setAttribute('aria-label', label);
  }
}

const escapeText = (s: string) =>
  s
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/\u00a0/g, '&nbsp;');
const escapeAttr = (s: string) => escapeText(s).replace(/"/g, '&quot;');
/** `font-size: 14px; font-family: inherit;` (a browser's CSSOM) and `font-size:14px;font-family:inherit` (linkedom) alike. */
const canonicalStyle = (css: string) =>
  css
    .split(';')
    .map((d) => d.trim().replace(/\s*:\s*/, ':'))
    .filter(Boolean)
    .join(';');

/**
 * Markup of a drawn chart, the same from linkedom and from a browser's DOM: attributes in
 * name order (linkedom lists them backwards) and inline styles written one way, so the build's
 * SVG and the browser's redraw of the same rows are the same text.
 */
export function chartMarkup(node: Node): string {
  if (node.nodeType === 3) return escapeText(node.textContent ?? '');
  if (node.nodeType !== 1) return '';
  const el = node as Element;
  const tag = el.tagName.toLowerCase();
  const attrs = [...el.attributes]
    .map((a) => [a.name, a.name === 'style' ? canonicalStyle(a.value) : a.value] as const)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([name, value]) => ` ${name}="${escapeAttr(value)}"`)
    .join('');
  // <style> holds CSS, not markup: its text is written as it is.
  const inner = tag === 'style' ? (el.textContent ?? '') : [...el.childNodes].map(chartMarkup).join('');
  return `<${tag}${attrs}>${inner}</${tag}>`;
}

/** Draws a chart into `document` (linkedom's at build time, the page's in the browser) and returns its markup. */
export function renderPlot(options: Plot.PlotOptions, a11y: PlotA11y, document: Document): string {
  const el = Plot.plot({
    width: CHART_WIDTH,
    style: { fontSize: '14px', fontFamily: 'inherit' },
    ...options,
    document,
  });
  finishChart(el, a11y.label);
  return chartMarkup(el);
}

/**
 * Row labels above each row instead of a left axis: on a narrow screen the whole width stays
 * for the data and long unit names stay readable.
 */
export function rowLabels<T>(data: readonly T[], y: (d: T) => string, text: (d: T) => string = y, title?: (d: T) => string): Plot.Markish {
  const fitted = fittedLabels(data, y, text);
  // A cut label's whole text is its title (as Plot gives one it cuts itself).
  const whole = title ?? ((d: T) => (fitted.get(y(d)) === text(d) ? null : text(d)));
  return Plot.text(data, {
    y,
    text: (d: T) => fitted.get(y(d))!,
    title: whole,
    frameAnchor: 'left',
    textAnchor: 'start',
    dy: -ROW / 2 + 9,
    fill: '#1b1f24',
    lineWidth: LABEL_EMS,
    textOverflow: 'ellipsis',
  });
}

/**
 * Row labels whose end (`tail`: "Tidak tercapai") is always read whole: the rest of each label
 * is fitted, no two alike, in the room the longest tail leaves.
 */
export function rowLabelsWithTail<T>(
  data: readonly T[],
  y: (d: T) => string,
  text: (d: T) => string,
  tail: (d: T) => string,
  title?: (d: T) => string,
): Plot.Markish {
  const room = LABEL_EMS - Math.max(0, ...data.map((d) => textEms(` · ${tail(d)}`)));
  const fitted = fittedLabels(data, y, text, room);
  return rowLabels(data, y, (d) => `${fitted.get(y(d))} · ${tail(d)}`, title);
}

/**
 * Each key's label fitted to `ems`, no two alike within the chart (distinctLabels): the one way
 * every chart labels its rows or panels.
 */
export function fittedLabels<T>(
  data: readonly T[],
  key: (d: T) => string,
  text: (d: T) => string,
  ems: number = LABEL_EMS,
): Map<string, string> {
  const first = new Map<string, string>();
  for (const d of data) if (!first.has(key(d))) first.set(key(d), text(d));
  const keys = [...first.keys()];
  const labels = distinctLabels(keys, [...first.values()], ems);
  return new Map(keys.map((k, i) => [k, labels[i]]));
}

/** How wide a row's label may run (ems) before Plot cuts it with an ellipsis. */
const LABEL_EMS = 22;
/** Margins of row charts: a little air on top, room for the x axis and its label below. */
export const ROW_MARGIN_TOP = 8;
export const ROW_MARGIN_BOTTOM = 44;

/** Vertical room for `rows` labelled rows plus the x axis, so every row gets exactly ROW. */
export const rowsHeight = (rows: number) => ROW_MARGIN_TOP + ROW_MARGIN_BOTTOM + rows * ROW;

export { Plot };
