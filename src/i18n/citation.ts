/**
 * One citation record, every format made from it: the plain sentence (Indonesian or English),
 * BibTeX, RIS and CSL-JSON. The pages write the sentence and the record into the HTML at build
 * time; the script of a Kutip block makes the other formats from the record in the browser, with
 * the reader's access date (src/client/cite-live.ts).
 */
import type { Lang } from './lang.ts';
import { versionWords } from './version-words.ts';

export interface CitationRecord {
  /** What is cited: the data page, a table, a chart. */
  title: string;
  /** The work it belongs to: the site's data package. */
  container: string;
  author: string;
  /**
   * The release ID (src/release/identity.ts) and the date it was first published (`YYYY-MM-DD`);
   * on a region's pages, the region's data version and its export date, and `region` its name.
   */
  version: string;
  issued: string;
  region?: string;
  /** Absolute when the site's address is known (KT_SITE_URL); else a path on the site. */
  url: string;
  absolute: boolean;
  /**
   * `YYYY-MM-DD`; left out where no day the build knows is the reader's (a region's pages, reused
   * unchanged from build to build): the copy script puts in the reader's own day.
   */
  accessed?: string;
  licence: string;
  /** e.g. "Data sintetis." */
  note?: string;
}

export const CITATION_FORMATS = ['bibtex', 'ris', 'csl'] as const;
export type CitationFormat = (typeof CITATION_FORMATS)[number];
/** Each format's name, as its readers know it. */
export const FORMAT_LABEL: Record<CitationFormat, string> = { bibtex: 'BibTeX', ris: 'RIS', csl: 'CSL-JSON' };

const dateParts = (d: string) => d.split('-').map(Number);

/** The sentence to paste into an article or a report. */
export function citationText(c: CitationRecord, lang: Lang): string {
  const where = c.absolute
    ? c.url
    : lang === 'id'
      ? `${c.url} (alamat relatif di situs ini; situs dibangun tanpa KT_SITE_URL)`
      : `${c.url} (a path on this site; it was built without KT_SITE_URL)`;
  const note = c.note ? ` ${c.note}` : '';
  const w = versionWords(lang);
  const version = c.region ? w.citeVersion(c.region) : lang === 'id' ? 'rilis' : 'release';
  const accessed = c.accessed ? ` ${w.citeAccessed} ${c.accessed}.` : '';
  return lang === 'id'
    ? `${c.author} (${c.issued.slice(0, 4)}). ${c.title}. Dalam ${c.container}, ${version} ${c.version}.${note} Lisensi ${c.licence}. ${where}.${accessed}`
    : `${c.author} (${c.issued.slice(0, 4)}). ${c.title}. In ${c.container}, ${version} ${c.version}.${note} Licence ${c.licence}. ${where}.${accessed}`;
}

/** A BibTeX key from the release: `kinerjaterbuka2026_2026-01-20-6178b08a` has no spaces or braces. */
const bibKey = (c: CitationRecord) => `kinerjaterbuka${c.issued.slice(0, 4)}_${c.version}`.replace(/[^A-Za-z0-9_:-]/g, '');
const bibEscape = (s: string) => s.replace(/[{}\\]/g, (ch) => `\\${ch}`);

export function bibtex(c: CitationRecord): string {
  const fields: [string, string][] = [
    ['author', c.author],
    ['title', c.title],
    ['booktitle', c.container],
    ['year', c.issued.slice(0, 4)],
    ['version', c.version],
    ['url', c.url],
    ...(c.accessed ? [['urldate', c.accessed] as [string, string]] : []),
    ['note', [c.note, `Lisensi / licence ${c.licence}`].filter(Boolean).join(' ')],
  ];
  // The author is an organisation: double braces keep BibTeX from reading "Terbuka, Kinerja".
  const value = (k: string, v: string) => (k === 'url' ? v : k === 'author' ? `{${bibEscape(v)}}` : bibEscape(v));
  return `@misc{${bibKey(c)},\n${fields.map(([k, v]) => `  ${k} = {${value(k, v)}}`).join(',\n')}\n}\n`;
}

export function ris(c: CitationRecord): string {
  const [y, m, d] = dateParts(c.issued);
  const lines: [string, string][] = [
    ['TY', 'DATA'],
    ['AU', c.author],
    ['TI', c.title],
    ['T2', c.container],
    ['PY', String(y)],
    ['DA', `${y}/${String(m).padStart(2, '0')}/${String(d).padStart(2, '0')}`],
    ['ET', c.version],
    ['UR', c.url],
    ...(c.accessed ? [['Y2', c.accessed] as [string, string]] : []),
    ['N1', [c.note, `Lisensi / licence ${c.licence}`].filter(Boolean).join(' ')],
    ['ER', ''],
  ];
  return lines.map(([k, v]) => `${k}  - ${v}`.trimEnd()).join('\r\n') + '\r\n';
}

export function cslJson(c: CitationRecord): string {
  const item = {
    id: bibKey(c),
    type: 'dataset',
    author: [{ literal: c.author }],
    title: c.title,
    'container-title': c.container,
    version: c.version,
    issued: { 'date-parts': [dateParts(c.issued)] },
    ...(c.accessed ? { accessed: { 'date-parts': [dateParts(c.accessed)] } } : {}),
    URL: c.url,
    license: c.licence,
    ...(c.note ? { note: c.note } : {}),
  };
  return JSON.stringify([item], null, 2) + '\n';
}

export function citationIn(format: CitationFormat, c: CitationRecord): string {
  return format === 'bibtex' ? bibtex(c) : format === 'ris' ? ris(c) : cslJson(c);
}
