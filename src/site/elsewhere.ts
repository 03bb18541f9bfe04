/**
 * Where a section without data sends its reader: to the other regions that have such data.
 * A few are named on the page; more are counted, and listed once, on /wilayah/. Named in every
 * empty section of every unit page, 514 regions would be tens of KB a page — most of a page, its
 * twins, its search entry and its privacy check — so a page's size would grow with the country.
 */
import { REGIONS, regionPath } from '../routes.ts';
import { CHART_INPUT, regionSection } from './region-charts.ts';
import { regionsWithFile, regionsWithServices, type SiteMapRegion } from './site-map.ts';

/** The most regions an empty section names; with more, it gives their number and a link to the list. */
export const NAMED_AT_MOST = 2;

/** The region page's section listing its units and services. */
export const SERVICES_SECTION = 'unit-layanan';

/** A region, linked to one section of its page. */
export interface RegionLink {
  region: SiteMapRegion;
  href: string;
}
const linkedAt = (regions: SiteMapRegion[], section: string): RegionLink[] =>
  regions.map((region) => ({ region, href: `${regionPath(region.kode)}#${section}` }));

export interface Elsewhere {
  /** The regions to name; empty when they are counted instead (or there are none). */
  named: RegionLink[];
  /** How many other regions have the data; 0: none has. */
  count: number;
  /** Where all of them are listed: a section of /wilayah/. */
  list: string;
}

const elsewhere = (others: SiteMapRegion[], section: string, list: string): Elsewhere => ({
  named: others.length <= NAMED_AT_MOST ? linkedAt(others, section) : [],
  count: others.length,
  list,
});

/**
 * Each input file a chart is drawn from, with the region page's section for it: the first chart
 * drawn from it that is a section of its own (skm.csv → ikm).
 */
const fileSections = new Map<string, string>();
for (const [chart, file] of Object.entries(CHART_INPUT))
  if (regionSection(chart) === chart && !fileSections.has(file)) fileSections.set(file, chart);
export const FILE_SECTIONS: ReadonlyMap<string, string> = fileSections;

/** The id of the list, on /wilayah/, of the regions that sent `file` (`pengaduan.csv` → `kirim-pengaduan`). */
export const sentListId = (file: string): string => `kirim-${file.replace(/\.csv$/, '').replaceAll('_', '-')}`;
/** The id of the list, on /wilayah/, of the regions that publish services. */
export const SERVICES_LIST_ID = 'ada-layanan';

/** The other regions that sent the file a chart is drawn from (an empty section of `kode`'s pages), named at the chart's section. */
export const elsewhereForChart = (chart: string, kode: string): Elsewhere =>
  elsewhere(regionsWithFile(CHART_INPUT[chart], kode), regionSection(chart), `${REGIONS}#${sentListId(CHART_INPUT[chart])}`);

/** The other regions that publish services (a region page listing none). */
export const elsewhereForServices = (kode: string): Elsewhere =>
  elsewhere(regionsWithServices(kode), SERVICES_SECTION, `${REGIONS}#${SERVICES_LIST_ID}`);

export interface SentList {
  id: string;
  /** The input file, and the chart (the region page's section) whose topic names it. */
  file: string;
  chart: string;
  /** Every region that sent it, in the site's order. */
  regions: RegionLink[];
}

/** For /wilayah/: per input file a chart is drawn from, the regions that sent it; and those that publish services. */
export function sentLists(): { files: SentList[]; services: RegionLink[] } {
  return {
    files: [...FILE_SECTIONS].map(([file, chart]) => ({
      id: sentListId(file),
      file,
      chart,
      regions: linkedAt(regionsWithFile(file), chart),
    })),
    services: linkedAt(regionsWithServices(), SERVICES_SECTION),
  };
}
