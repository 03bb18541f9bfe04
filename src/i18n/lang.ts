/**
 * The two languages of the site. Indonesian lives at `/…`, English at `/en/…`, with the same
 * pages: every component takes a `lang` prop; words and number formats are in this folder,
 * addresses in src/routes.ts.
 */
export type Lang = 'id' | 'en';

/** The same page in the other language. */
export function otherLang(lang: Lang): Lang {
  return lang === 'id' ? 'en' : 'id';
}
