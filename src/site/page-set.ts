/**
 * Which pages one Astro run renders (issue #13: shards and their merge). A region's pages are
 * those under its address: region, unit and service pages, its forum deck, its chart embeds and
 * chart CSVs. National pages are all the others. A one-machine build renders both; a shard
 * renders its regions' pages only; the merge renders the national pages and takes the regions'
 * from the shards. The pipeline decides and passes the choice in KT_PAGES, so that the route
 * files stay the same in every run and Astro bundles the same assets for each.
 */
import { langPaths } from '../routes.ts';
import { regions, type Region } from './model.ts';

export interface PageSet {
  /** Region codes whose pages are rendered; null: every region. */
  regions: readonly string[] | null;
  /** Whether the national pages are rendered. */
  national: boolean;
}

export const PAGES_ENV = 'KT_PAGES';

export const EVERY_PAGE: PageSet = { regions: null, national: true };

export function pageSet(env: NodeJS.ProcessEnv = process.env): PageSet {
  const raw = env[PAGES_ENV];
  return raw ? (JSON.parse(raw) as PageSet) : EVERY_PAGE;
}

/** The regions whose pages this run renders, in the model's order. */
export function regionsToRender(): Region[] {
  const only = pageSet().regions;
  if (!only) return regions();
  const chosen = new Set(only);
  return regions().filter((r) => chosen.has(r.kode));
}

/** A national page's paths in both languages, or none when this run renders regions only. */
export const nationalPaths: typeof langPaths = (pages) => (pageSet().national ? langPaths(pages) : []);

/** A national endpoint's paths (one language), or none when this run renders regions only. */
export const nationalOnly = <T>(paths: () => T[]): T[] => (pageSet().national ? paths() : []);
