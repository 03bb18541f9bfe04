/**
 * Plot names every mark group (`<g aria-label="dot">`); on a plain <g> that is an ARIA attribute
 * without a role, which axe reports as serious. A chart here is one image with one label, and
 * the table beside it carries every value, so the groups lose their labels and the SVG says
 * what it shows.
 */

/** For Plot's element (an <svg>, or a <figure> holding legend + <svg>), in any DOM. */
export function labelChart(el: Element, label: string): void {
  const svg = el.tagName.toLowerCase() === 'svg' ? el : [...el.children].find((c) => c.tagName.toLowerCase() === 'svg');
  if (!svg) return;
  svg.setAttribute('role', 'img');
  svg.setAttribute('aria-label', label);
  for (const g of svg.querySelectorAll('g[aria-label]')) g.removeAttribute('aria-label');
}

/** The same for an SVG already serialised (the region charts, drawn by src/lib/plot.ts). */
export const unlabelGroups = (svg: string): string => svg.replace(/<g(\s[^>]*?)?\saria-label="[^"]*"/g, '<g$1');
