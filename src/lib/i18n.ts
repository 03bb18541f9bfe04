/**
 * The two languages of the site. Indonesian lives at `/…`, English at `/en/…`, with the same
 * pages: every component takes a `lang` prop and asks this module for words and number formats.
 */
export type Lang = 'id' | 'en';

/** `/wilayah/x/` → `/en/wilayah/x/` and back; paths always start and end with '/'. */
export function localePath(lang: Lang, path: string): string {
  const clean = path.startsWith('/') ? path : `/${path}`;
  return lang === 'en' ? `/en${clean}` : clean;
}

/** The same page in the other language. */
export function otherLang(lang: Lang): Lang {
  return lang === 'id' ? 'en' : 'id';
}
