/**
 * Facts about the whole build that every page frame needs: licence, build date and whether the
 * data are synthetic; and, for a region's pages, the region's own facts instead of the build's
 * (regionFacts). Read from the published tables, so the footer tells the same story as the
 * downloads.
 */
import { siteConfig } from '../config.ts';
import { readPublishedJson } from './published.ts';
import { memoize } from './memo.ts';
import { MONTHLY_TABLES, RELEASE_INDEX, type ReleaseMeta } from '../release/archive.ts';
import { RELEASES_DIR } from '../release/paths.ts';
import { PARTITION_MANIFEST, type PartitionManifest } from '../queries/partitions.ts';
import { latestMonth, monthOfCells } from '../derive/periods.ts';
import { licenceUrl, siteMap } from './site-map.ts';
import { regionByCode, rowsOf } from './model.ts';

export interface SiteFacts {
  licence: string;
  licenceUrl: string;
  buildDate: string;
  /** True when any region says its data are synthetic, sample or test data (site-map.ts). */
  synthetic: boolean;
  /** This publication (src/release/): its ID and the last month its data cover; null for a site built before releases. */
  release: ReleaseMeta | null;
  /** Every release in the archive, newest first. */
  releases: ReleaseMeta[];
}

/** The site's facts, read once per published folder. */
export const siteFacts = memoize((): SiteFacts => {
  const { licence, licenceUrl, synthetic } = siteMap();
  const releases = readPublishedJson<{ rilis: ReleaseMeta[] }>(`${RELEASES_DIR}/${RELEASE_INDEX}`)?.rilis ?? [];
  const version = readPublishedJson<{ version: string }>('datapackage.json')?.version;
  return {
    licence,
    licenceUrl,
    buildDate: siteConfig().buildDate,
    synthetic,
    release: releases.find((r) => r.id === version) ?? null,
    releases,
  };
});

/** The national public-service complaint channel (SP4N-LAPOR!): linked, never loaded from. */
export const LAPOR_URL = 'https://www.lapor.go.id';

/** A region's `kontak` as a link, when it is an e-mail address or a web address; else printed as it is. */
export function contactHref(kontak: string): string | undefined {
  if (/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(kontak)) return `mailto:${kontak}`;
  if (/^https?:\/\/\S+$/i.test(kontak)) return kontak;
  return undefined;
}

/** What a region's pages say of their data in place of the release and the build date. */
export interface RegionFacts {
  kode: string;
  nama: string;
  /** Its data version (src/release/identity.ts regionVersion); null for tables published without one. */
  versi: string | null;
  tanggalEkspor: string;
  /** Its own licence (wilayah.json `lisensi`) and the licence's deed. */
  licence: string;
  licenceUrl: string;
  /** The last month its monthly tables cover (`YYYY-MM`), or null: the release's `data_hingga`, for this region alone. */
  dataHingga: string | null;
}

/** A region's own facts, or null for a code the site does not have. */
export const regionFacts = memoize((kode: string): RegionFacts | null => {
  const region = regionByCode(kode);
  return region
    ? {
        kode,
        nama: region.nama,
        versi: readPublishedJson<PartitionManifest>(PARTITION_MANIFEST)?.versi?.[kode] ?? null,
        tanggalEkspor: region.tanggalEkspor,
        licence: region.lisensi || 'CC-BY-4.0',
        licenceUrl: licenceUrl(region.lisensi || 'CC-BY-4.0'),
        dataHingga: latestMonth(
          MONTHLY_TABLES.flatMap((t) => rowsOf(t, kode).map((r) => monthOfCells(r.tahun as number, r.bulan as number))),
        ),
      }
    : null;
});
