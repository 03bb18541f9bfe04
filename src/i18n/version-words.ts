/**
 * Words of a region's data version (docs/incremental.md): a region's pages name it, and their
 * export date, in the footer and citations instead of the release and the build date. Build
 * time only, kept out of words.ts, which browser scripts bundle.
 */
import type { Lang } from './lang.ts';

const id = {
  footerVersion: (nama: string) => `Data ${nama} versi`,
  footerExported: 'Diekspor',
  /** "… Dalam Kinerja Terbuka, data Kota Binjai versi 2026-01-16-…" (src/release/citation.ts). */
  citeVersion: (nama: string) => `data ${nama} versi`,
  citeAccessed: 'Diakses',
};

const en: typeof id = {
  footerVersion: (nama: string) => `${nama} data version`,
  footerExported: 'Exported',
  citeVersion: (nama: string) => `${nama} data version`,
  citeAccessed: 'Accessed',
};

export const versionWords = (lang: Lang): typeof id => (lang === 'id' ? id : en);
