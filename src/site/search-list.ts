/**
 * What the search page lists for readers without JavaScript (SearchView.astro): every region
 * with its units and services, or, past LISTED_MOST of those, the regions alone, each region's
 * page listing its own. Every unit and service of a national site would make the page megabytes
 * (about 10,000 units at 50 sample regions: 808 KB).
 */
import { regions, servicesOf, unitsOf, type Region, type Service, type Unit } from './model.ts';

export const LISTED_MOST = 1000;

/** Whether the units and services of these regions are few enough to list them all. */
export const listsWhole = (listed: readonly { units: readonly unknown[]; services: readonly unknown[] }[]): boolean =>
  listed.reduce((n, l) => n + l.units.length + l.services.length, 0) <= LISTED_MOST;

/** Every region with its units and services, where they are few enough (listsWhole); else the regions alone. */
export type SearchList =
  { whole: true; listed: { region: Region; units: Unit[]; services: Service[] }[] } | { whole: false; regions: Region[] };

export function searchList(): SearchList {
  const withUnits = regions().map((region) => ({ region, units: unitsOf(region.kode), services: [] }));
  // Past LISTED_MOST units the services could not be listed either: not read (every region's
  // service table, a second of a --since build's national pages at 50 regions).
  if (!listsWhole(withUnits)) return { whole: false, regions: withUnits.map((l) => l.region) };
  const listed = withUnits.map(({ region, units }) => ({ region, units, services: servicesOf(region.kode) }));
  return listsWhole(listed) ? { whole: true, listed } : { whole: false, regions: listed.map((l) => l.region) };
}
