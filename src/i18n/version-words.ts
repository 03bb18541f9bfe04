/**
 * Words of a region's data version (docs/incremental.md): a region's pages name it, and their
 * export date, in the footer and citations instead of the release and the build date. The
 * citation's words also reach the browser, where a Kutip block's script writes its formats.
 */
import type { Lang } from './lang.ts';

const id = {
  footerVersion: (nama: string) => `Data ${nama} versi`,
  footerExported: 'Diekspor',
  /** "… Dalam Kinerja Terbuka, data Kota Binjai versi 2026-01-16-…" (src/i18n/citation.ts). */
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
