/**
 * `/rilis.xml`: an Atom feed with one entry per release, newest first, each with its summary of
 * changes, so a newsroom or an auditor hears of a publication without checking the site.
 */
import { Feed } from 'feed';
import { formatMonth } from '../i18n/format.ts';
import type { ReleaseMeta } from './archive.ts';
import { FEED_PATH, RELEASES_PATH, releasePath } from './paths.ts';
import { releaseSummary } from './summary.ts';

/**
 * The feed library takes absolute links only. When the site's address is known (KT_SITE_URL)
 * the links are absolute; else they are written against a placeholder host that is then taken
 * out, leaving site paths: Atom resolves a relative link against the feed's own address
 * (RFC 4287 §3.4, xml:base), so a reader's feed client still finds every release.
 */
const PLACEHOLDER = 'https://kinerja-terbuka.invalid';

export function releaseFeed(releases: readonly ReleaseMeta[], siteUrl: string | null): string {
  const at = (path: string) => `${siteUrl ?? PLACEHOLDER}${path}`;
  const date = (d: string) => new Date(`${d}T00:00:00Z`);
  const feed = new Feed({
    id: siteUrl ? at(FEED_PATH) : 'tag:kinerja-terbuka,2026:rilis',
    title: 'Kinerja Terbuka — rilis data / data releases',
    description: 'Setiap rilis data dan apa yang berubah / every data release and what changed',
    link: at(RELEASES_PATH),
    language: 'id',
    updated: releases[0] ? date(releases[0].tanggal) : undefined,
    generator: false,
    feedLinks: { atom: at(FEED_PATH) },
  });
  for (const r of releases) {
    feed.addItem({
      title: `Rilis / release ${r.id}${r.data_hingga ? ` (data hingga ${formatMonth('id', r.data_hingga, true)} / data up to ${formatMonth('en', r.data_hingga, true)})` : ''}`,
      id: siteUrl ? at(releasePath(r.id)) : `tag:kinerja-terbuka,2026:rilis:${r.id}`,
      link: at(releasePath(r.id)),
      date: date(r.tanggal),
      description: `${releaseSummary(r, 'id')} — ${releaseSummary(r, 'en')}`,
    });
  }
  const xml = feed.atom1();
  return siteUrl ? xml : xml.split(PLACEHOLDER).join('');
}
