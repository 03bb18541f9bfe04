/**
 * Build time only (imports linkedom; no browser script imports this): a DOM document for Plot
 * to draw in, so the static pages carry the same SVG the browser would draw. One document
 * serves every chart: Plot builds detached elements and never touches its body.
 */
import { parseHTML } from 'linkedom';
import { renderPlot, type Plot, type PlotA11y } from '../charts/plot.ts';

let shared: Document | undefined;

export function svgDocument(): Document {
  // linkedom implements the part of the DOM that Plot uses; its types are its own.
  shared ??= parseHTML('<!doctype html><html><body></body></html>').document as unknown as Document;
  return shared;
}

/** A chart drawn at build time: renderPlot into the shared linkedom document. */
export const renderStatic = (options: Plot.PlotOptions, a11y: PlotA11y): string => renderPlot(options, a11y, svgDocument());
