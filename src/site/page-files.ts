/**
 * The files of a region's own pages — its page, a page per unit, a page per service — as the
 * pages' getStaticPaths will list them, read from the staged tables before any page is drawn:
 * pages that would share a path are refused before the build spends its time rendering them.
 * Indonesian paths; the English pages sit under en/ in the same shape.
 */
import { servicesOf, unitsOf } from './model.ts';
import { regionPath, servicePath, unitPath } from '../routes.ts';

/** A page's file, relative to the site, from its URL path (`/wilayah/a/` → `wilayah/a/index.html`), as Astro writes it. */
const fileOf = (url: string): string => `${decodeURIComponent(url).slice(1)}index.html`;

export const regionPageFiles = (kode: string): string[] => [
  fileOf(regionPath(kode)),
  ...unitsOf(kode).map((u) => fileOf(unitPath(kode, u.kode))),
  ...servicesOf(kode).map((s) => fileOf(servicePath(kode, s.kode))),
];
