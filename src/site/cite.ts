/** A page's citation record (src/release/citation.ts), from the site's facts at build time. */
import { siteConfig } from '../config.ts';
import type { CitationRecord } from '../release/citation.ts';
import { dataPackage } from './datapackage.ts';
import type { Lang } from '../i18n/lang.ts';
import { siteFacts } from './facts.ts';
import { t } from '../i18n/words.ts';

/** `path` is the cited page's path on the site, language prefix and fragment included. */
export function citationFor(lang: Lang, title: string, path: string): CitationRecord {
  const facts = siteFacts();
  const { siteUrl, buildDate } = siteConfig();
  const pkg = dataPackage();
  return {
    title,
    container: 'Kinerja Terbuka',
    author: 'Kinerja Terbuka',
    version: facts.release?.id ?? pkg.version,
    issued: facts.release?.tanggal ?? buildDate,
    url: siteUrl ? `${siteUrl}${path}` : path,
    absolute: siteUrl !== null,
    // The day the page was built; the copy script puts in the reader's own day.
    accessed: buildDate,
    licence: facts.licence,
    ...(facts.synthetic ? { note: t(lang).syntheticShort } : {}),
  };
}
