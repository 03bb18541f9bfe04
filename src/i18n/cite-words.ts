/**
 * Words of a Kutip / Cite block, at build time (src/components/Cite.astro) and in the browser,
 * where its script makes the BibTeX, RIS and CSL-JSON blocks (src/client/cite-live.ts).
 */
import type { Lang } from './lang.ts';

const id = {
  cite: 'Kutip',
  copyCitation: 'Salin kutipan',
  copyFormat: (label: string) => `Salin ${label}`,
  /** Said only with JavaScript off: the other formats are made when the block is opened. */
  formatsNeedScript: 'BibTeX, RIS dan CSL-JSON untuk kutipan ini dibuat di peramban saat blok ini dibuka, hanya bila JavaScript aktif.',
};

const en: typeof id = {
  cite: 'Cite',
  copyCitation: 'Copy citation',
  copyFormat: (label: string) => `Copy ${label}`,
  formatsNeedScript:
    'BibTeX, RIS and CSL-JSON for this citation are made in the browser when this block is opened, only with JavaScript on.',
};

export const citeWords = (lang: Lang): typeof id => (lang === 'en' ? en : id);
