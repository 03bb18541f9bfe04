/** The release archive's addresses (the feed, a release's page and its files). */

/** The archive's folder under the published data folder: `data/rilis/<id>/`. */
export const RELEASES_DIR = 'rilis';
export const FEED_FILE = 'rilis.xml';
export const FEED_PATH = `/${FEED_FILE}`;
export const RELEASES_PATH = '/data/rilis/';
export const releasePath = (id: string) => `${RELEASES_PATH}${id}/`;
/**
 * Where the list of releases names a region's data version (src/release/identity.ts
 * regionVersion) and the releases that hold it: a region's pages link there, knowing only their
 * own region.
 */
export const regionVersionAnchor = (kode: string, versi: string) => `versi-${kode}-${versi}`;
export const regionVersionPath = (kode: string, versi: string) => `${RELEASES_PATH}#${regionVersionAnchor(kode, versi)}`;
