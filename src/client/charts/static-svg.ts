/**
 * Build time only (imports linkedom; no browser script imports this): a DOM document for Plot
 * to draw in, so the static pages carry the same SVG the browser would draw.
 */
import { parseHTML } from 'linkedom';

export function svgDocument(): Document {
  // linkedom implements the part of the DOM that Plot uses; its types are its own.
  return parseHTML('<!doctype html><html><body></body></html>').document as unknown as Document;
}
