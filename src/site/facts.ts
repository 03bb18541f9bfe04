/**
 * Facts about the whole build that every page frame needs: licence, build date and whether the
 * data are synthetic. Read from the published tables, so the footer tells the same story as
 * the downloads.
 */
import { siteConfig } from '../config.ts';
import { readPublishedJson, readTable } from './published.ts';
import { RELEASES_DIR, RELEASE_INDEX, type ReleaseMeta } from '../release/archive.ts';
import { ABOUT } from '../routes.ts';

export interface SiteFacts {
  licence: string;
  licenceUrl: string;
  buildDate: string;
  /** True when any region says its data are synthetic, sample or test data. */
  synthetic: boolean;
  /** This publication (src/release/): its ID and the last month its data cover; null for a site built before releases. */
  release: ReleaseMeta | null;
  /** Every release in the archive, newest first. */
  releases: ReleaseMeta[];
}

// A region's `sumber` (or name) says where the data come from; the sample generator and the
// test fixtures say so in words, and that is the only signal a static build can trust.
const SYNTHETIC_WORDS = /sintetis|synthetic|contoh|sample|fixture|\(uji\)|dummy/i;

let cached: SiteFacts | undefined;

export function siteFacts(): SiteFacts {
  if (cached) return cached;
  const wilayah = readTable('wilayah');
  const licence = String(wilayah.find((w) => w.lisensi)?.lisensi ?? 'CC-BY-4.0');
  const synthetic = process.env.KT_DATA_SINTETIS === '1' || wilayah.some((w) => SYNTHETIC_WORDS.test(`${w.sumber ?? ''} ${w.nama ?? ''}`));
  const releases = readPublishedJson<{ rilis: ReleaseMeta[] }>(`${RELEASES_DIR}/${RELEASE_INDEX}`)?.rilis ?? [];
  const version = readPublishedJson<{ version: string }>('datapackage.json')?.version;
  cached = {
    licence,
    licenceUrl: licenceUrl(licence),
    buildDate: siteConfig().buildDate,
    synthetic,
    release: releases.find((r) => r.id === version) ?? null,
    releases,
  };
  return cached;
}

/** The national public-service complaint channel (SP4N-LAPOR!): linked, never loaded from. */
export const LAPOR_URL = 'https://www.lapor.go.id';

/** A region's `kontak` as a link, when it is an e-mail address or a web address; else printed as it is. */
export function contactHref(kontak: string): string | undefined {
  if (/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(kontak)) return `mailto:${kontak}`;
  if (/^https?:\/\/\S+$/i.test(kontak)) return kontak;
  return undefined;
}

function licenceUrl(licence: string): string {
  const m = /^CC-(BY(?:-SA)?)-(\d\.\d)$/i.exec(licence);
  if (m) return `https://creativecommons.org/licenses/${m[1].toLowerCase()}/${m[2]}/`;
  if (/^CC0/i.test(licence)) return 'https://creativecommons.org/publicdomain/zero/1.0/';
  return ABOUT;
}
