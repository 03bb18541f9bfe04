/** A page's citation record (src/i18n/citation.ts), from the site's facts at build time. */
import { siteConfig } from '../config.ts';
import type { CitationRecord } from '../i18n/citation.ts';
import { dataPackage } from './datapackage.ts';
import type { Lang } from '../i18n/lang.ts';
import { regionFacts, siteFacts } from './facts.ts';
import { t } from '../i18n/words.ts';
import { regionOfPath } from '../routes.ts';

/**
 * `path` is the cited page's path on the site, language prefix and fragment included. A page under
 * a region's address cites the region's data version, dated its export, with no access date (the
 * copy script puts in the reader's): the same region data, the same citation, whatever the build.
 */
export function citationFor(lang: Lang, title: string, path: string): CitationRecord {
  const facts = siteFacts();
  const { siteUrl, buildDate } = siteConfig();
  const kode = regionOfPath(path);
  const region = kode ? regionFacts(kode) : null;
  const url = { url: siteUrl ? `${siteUrl}${path}` : path, absolute: siteUrl !== null };
  const cited = region?.versi
    ? { ...url, version: region.versi, issued: region.tanggalEkspor, region: region.nama }
    : {
        version: facts.release?.id ?? dataPackage().version,
        issued: facts.release?.tanggal ?? buildDate,
        ...url,
        // The day the page was built; the copy script puts in the reader's own day.
        accessed: buildDate,
      };
  return {
    title,
    container: 'Kinerja Terbuka',
    author: 'Kinerja Terbuka',
    ...cited,
    licence: region?.licence ?? facts.licence,
    ...(facts.synthetic ? { note: t(lang).syntheticShort } : {}),
  };
}
