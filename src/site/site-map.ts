/**
 * What a region's pages may know of the rest of the site (docs/incremental.md point 3): the
 * region list, which input files each region sent and whether it lists services, and the facts
 * of the whole site (licence, synthetic data). It changes rarely — a region joins, is renamed,
 * or a file first appears or disappears — so a region's pages, made from their region's rows,
 * this map, the code and KT_SITE_URL, stay byte for byte the same while only other regions'
 * figures change. Its hash (siteMapHash) is what an incremental build compares.
 */
import { createHash } from 'node:crypto';
import { quality, regions, servicesOf } from './model.ts';
import { readTable, regionRowCount } from './published.ts';
import { memoize } from './memo.ts';
import { ABOUT } from '../routes.ts';

export interface SiteMapRegion {
  kode: string;
  nama: string;
  /** The input files it sent (the quality report's `present`), in name order; null without a report (every file assumed). */
  berkas: string[] | null;
  /** Whether it publishes any service (ketepatan_layanan rows). */
  layanan: boolean;
}

export interface SiteMap {
  /** Every region, in the site's order (by name, Indonesian alphabet). */
  wilayah: SiteMapRegion[];
  /** The one licence of every region's data; when regions differ, each licence, in name order, joined by ", ". */
  licence: string;
  /** The licence's deed; when regions differ, the about page, which says whose data are under which. */
  licenceUrl: string;
  /** True when any region says its data are synthetic, sample or test data. */
  synthetic: boolean;
}

// A region's `sumber` (or name) says where the data come from; the sample generator and the
// test fixtures say so in words, and that is the only signal a static build can trust.
const SYNTHETIC_WORDS = /sintetis|synthetic|contoh|sample|fixture|\(uji\)|dummy/i;

/** The site map, read once per published folder. */
export const siteMap = memoize((): SiteMap => {
  const all = regions();
  // Every region's licence: naming one region's for all would be untrue where they differ.
  const licences = [...new Set(readTable('wilayah').map((w) => String(w.lisensi || 'CC-BY-4.0')))].sort();
  const licence = licences.length > 0 ? licences.join(', ') : 'CC-BY-4.0';
  const sent = (kode: string) =>
    quality()
      .wilayah.find((w) => w.kode_wilayah === kode)
      ?.berkas.filter((b) => b.present)
      .map((b) => b.file)
      .sort() ?? null;
  return {
    // A region lists a service for each of its ketepatan_layanan rows' codes: any row, any service.
    wilayah: all.map((r) => ({
      kode: r.kode,
      nama: r.nama,
      berkas: sent(r.kode),
      layanan: (regionRowCount('ketepatan_layanan', r.kode) ?? servicesOf(r.kode).length) > 0,
    })),
    licence,
    licenceUrl: licences.length > 1 ? ABOUT : licenceUrl(licence),
    synthetic: process.env.KT_DATA_SINTETIS === '1' || all.some((r) => SYNTHETIC_WORDS.test(`${r.sumber} ${r.nama}`)),
  };
});

/** sha256 of the site map: the same map, the same hash. */
export const siteMapHash = (): string => createHash('sha256').update(JSON.stringify(siteMap())).digest('hex');

/** The regions (but `except`) that sent `file`, in the site's order. */
export const regionsWithFile = (file: string, except?: string): SiteMapRegion[] =>
  siteMap().wilayah.filter((r) => r.kode !== except && (r.berkas === null || r.berkas.includes(file)));

/** The regions (but `except`) that publish services, in the site's order. */
export const regionsWithServices = (except?: string): SiteMapRegion[] => siteMap().wilayah.filter((r) => r.kode !== except && r.layanan);

/** A licence's deed, or the about page for one without a known deed. */
export function licenceUrl(licence: string): string {
  const m = /^CC-(BY(?:-SA)?)-(\d\.\d)$/i.exec(licence);
  if (m) return `https://creativecommons.org/licenses/${m[1].toLowerCase()}/${m[2]}/`;
  if (/^CC0/i.test(licence)) return 'https://creativecommons.org/publicdomain/zero/1.0/';
  return ABOUT;
}
