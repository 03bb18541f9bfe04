/**
 * Every address of the site, built by functions (one source per URL; browser-safe). Paths are
 * written without a language prefix (`/wilayah/x/`); `localePath` puts English under `/en/`.
 * The pages under src/pages/[...lang]/ are generated once per entry of LANG_PARAMS.
 */
import type { Lang } from './i18n/lang.ts';

/** `/wilayah/x/` → `/en/wilayah/x/` for English; paths always start and end with '/'. */
export function localePath(lang: Lang, path: string): string {
  const clean = path.startsWith('/') ? path : `/${path}`;
  return lang === 'en' ? `/en${clean}` : clean;
}

/** A link's href on a page in `lang`: a site path in that language, an outside address as it is. */
export const hrefIn = (lang: Lang, href: string): string => (href.startsWith('/') ? localePath(lang, href) : href);

/** The `lang` parameter of src/pages/[...lang]/: none for Indonesian (the root), `en` for English. */
export const LANG_PARAMS = [
  { lang: undefined, code: 'id' },
  { lang: 'en', code: 'en' },
] as const satisfies readonly { lang: string | undefined; code: Lang }[];

/** What every page under src/pages/[...lang]/ receives besides its own props. */
export interface LangProps {
  lang: Lang;
}

/**
 * getStaticPaths of a page under src/pages/[...lang]/: each of its own entries once per
 * language (Indonesian at the root, English under /en/), with `lang` given to it as a prop.
 */
export function langPaths<P extends Record<string, string>, X extends object = Record<never, never>>(
  pages: readonly { params: P; props?: X }[] = [{ params: {} as P }],
) {
  return LANG_PARAMS.flatMap(({ lang, code }) =>
    pages.map((p) => ({ params: { ...p.params, lang }, props: { ...p.props, lang: code } as X & LangProps })),
  );
}

export const HOME = '/';
export const REGIONS = '/wilayah/';
export const DATA = '/data/';
export const EXPLORER = '/jelajah/';
export const COMPARE = '/bandingkan/';
export const METHOD = '/metodologi/';
export const QUALITY = '/kualitas-data/';
export const ABOUT = '/tentang/';
export const SEARCH = '/cari/';
export const FORUMS = '/forum/';
export const COMPARE_EMBED = '/embed/bandingkan/';
/** For data officers: the in-browser export checker, the templates, the guide. */
export const CHECKER = '/periksa/';
export const TEMPLATES = '/templat/';
export const GUIDE = '/panduan/';
/** Pagefind's search index (src/publish/search-index.ts): its scripts and first part, and in it the list of the parts merged into that. */
export const SEARCH_INDEX = '/pagefind/';
export const SEARCH_PARTS_FILE = 'kt-bagian.json';

export const regionPath = (kode: string) => `/wilayah/${kode}/`;
export const unitPath = (kode: string, kodeUnit: string) => `/wilayah/${kode}/unit/${encodeURIComponent(kodeUnit)}/`;
export const servicePath = (kode: string, kodeLayanan: string) => `/wilayah/${kode}/layanan/${encodeURIComponent(kodeLayanan)}/`;
export const forumPath = (kode: string) => `/forum/${kode}/`;
export const regionChartEmbedPath = (kode: string, chart: string) => `/embed/wilayah/${kode}/${chart}/`;
/** The folders (regionPath, forumPath, regionChartEmbedPath) whose next folder is a region's own. */
const REGION_ROOTS = ['wilayah', 'forum', 'embed/wilayah'] as const;
const REGION_PATH = new RegExp(
  `^/?(?:${LANG_PARAMS.flatMap(({ lang }) => (lang ? [`${lang}/`] : [])).join('|')})?(?:${REGION_ROOTS.join('|')})/([^/]+)/`,
);
/**
 * The region whose address a site path lies under (its region, unit and service pages, forum
 * deck, chart embeds and chart CSVs, in either language, a file's .br and .gz twins too), or null
 * for a national path. These are the pages a shard renders for its regions (src/site/page-set.ts),
 * those that carry only that region's facts, and those an incremental build reuses (src/build/incremental.ts).
 */
export function regionOfPath(path: string): string | null {
  const m = REGION_PATH.exec(path);
  return m ? m[1] : null;
}
/**
 * Every folder that holds a region's files (regionOfPath), in either language, relative to the
 * site's root: nothing of another region or of the nation lies in them, so an incremental build
 * may move them whole (src/build/incremental.ts).
 */
export const regionFolders = (kode: string): string[] =>
  LANG_PARAMS.flatMap(({ lang }) => REGION_ROOTS.map((root) => (lang ? `${lang}/${root}/${kode}` : `${root}/${kode}`)));
/** A table's page (dictionary, downloads). */
export const tablePath = (table: string) => `/data/${table}/`;
/** A published file: the same for both languages (data are not translated). */
export const tableFile = (table: string, format: 'csv' | 'parquet', dataPath = DATA) => `${dataPath}${table}.${format}`;
/** A query opened in the explorer. */
export const explorerQuery = (lang: Lang, sql: string) => `${localePath(lang, EXPLORER)}?q=${encodeURIComponent(sql)}`;

/**
 * The live page's address as printed on a slide: the full URL when the site's address is
 * configured (astro.config `site`), else the path, which is still short enough to type.
 */
export function liveLink(lang: Lang, path: string, site: URL | undefined): { href: string; text: string } {
  const href = localePath(lang, path);
  const full = site ? new URL(href, site).href : href;
  return { href, text: full.replace(/^https?:\/\//, '') };
}
