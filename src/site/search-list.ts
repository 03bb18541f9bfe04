/**
 * What the search page lists for readers without JavaScript (SearchView.astro): every region
 * with its units and services, or, past LISTED_MOST of those, the regions alone, each region's
 * page listing its own. Every unit and service of a national site would make the page megabytes
 * (about 10,000 units at 50 sample regions: 808 KB).
 */
import { regions, servicesOf, unitsOf } from './model.ts';

export const LISTED_MOST = 1000;

/** Whether the units and services of these regions are few enough to list them all. */
export const listsWhole = (listed: readonly { units: readonly unknown[]; services: readonly unknown[] }[]): boolean =>
  listed.reduce((n, l) => n + l.units.length + l.services.length, 0) <= LISTED_MOST;

/** Every region with its units and services, and whether all of them are listed (listsWhole). */
export function searchList() {
  const listed = regions().map((region) => ({ region, units: unitsOf(region.kode), services: servicesOf(region.kode) }));
  return { listed, whole: listsWhole(listed) };
}
