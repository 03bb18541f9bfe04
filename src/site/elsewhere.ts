/**
 * Where a section without data sends its reader: to the other regions that have such data.
 * A few are named on the page; more are counted, and listed once, on /wilayah/. Named in every
 * empty section of every unit page, 514 regions would be tens of KB a page — most of a page, its
 * twins, its search entry and its privacy check — so a page's size would grow with the country.
 */
import { REGIONS, regionPath } from '../routes.ts';
import { CHART_INPUT, REGION_SECTION } from './region-charts.ts';
import { regionsWithFile, regionsWithServices, siteMap, type SiteMapRegion } from './site-map.ts';

/** The most regions an empty section names; with more, it gives their number and a link to the list. */
export const NAMED_AT_MOST = 3;

export interface Elsewhere {
  /** The regions to name, each linked to its section; empty when they are counted instead (or there are none). */
  named: SiteMapRegion[];
  /** How many other regions have the data; 0: none has. */
  count: number;
  /** Where all of them are listed: a section of /wilayah/. */
  list: string;
}

const elsewhere = (others: SiteMapRegion[], list: string): Elsewhere => ({
  named: others.length <= NAMED_AT_MOST ? others : [],
  count: others.length,
  list,
});

/** The id of the list, on /wilayah/, of the regions that sent `file` (`pengaduan.csv` → `kirim-pengaduan`). */
export const sentListId = (file: string): string => `kirim-${file.replace(/\.csv$/, '').replaceAll('_', '-')}`;
/** The id of the list, on /wilayah/, of the regions that publish services. */
export const SERVICES_LIST_ID = 'ada-layanan';

/** The other regions that sent the file a chart is made from (an empty section of `kode`'s pages). */
export const elsewhereForChart = (chart: string, kode: string): Elsewhere =>
  elsewhere(regionsWithFile(CHART_INPUT[chart], kode), `${REGIONS}#${sentListId(CHART_INPUT[chart])}`);

/** The other regions that publish services (a region page listing none). */
export const elsewhereForServices = (kode: string): Elsewhere => elsewhere(regionsWithServices(kode), `${REGIONS}#${SERVICES_LIST_ID}`);

export interface SentList {
  id: string;
  /** The input file, and the chart (the region page's section) whose topic names it. */
  file: string;
  chart: string;
  /** Every region that sent it, in the site's order, each with the address of its section. */
  regions: { region: SiteMapRegion; href: string }[];
}

/** For /wilayah/: per input file a chart is made from, the regions that sent it, then those that publish services. */
export function sentLists(): { files: SentList[]; services: { region: SiteMapRegion; href: string }[]; total: number } {
  const map = siteMap();
  // One list per file, named by the first chart drawn from it, which is the region page's section for it.
  const files = new Map<string, string>();
  for (const [chart, file] of Object.entries(CHART_INPUT)) if (!files.has(file) && !REGION_SECTION[chart]) files.set(file, chart);
  return {
    files: [...files].map(([file, chart]) => ({
      id: sentListId(file),
      file,
      chart,
      regions: regionsWithFile(file, '').map((region) => ({ region, href: `${regionPath(region.kode)}#${chart}` })),
    })),
    services: regionsWithServices('').map((region) => ({ region, href: `${regionPath(region.kode)}#unit-layanan` })),
    total: map.wilayah.length,
  };
}
