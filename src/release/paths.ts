/** The release archive's addresses (the feed, a release's page and its files). */
export const FEED_FILE = 'rilis.xml';
export const FEED_PATH = `/${FEED_FILE}`;
export const RELEASES_PATH = '/data/rilis/';
export const releasePath = (id: string) => `${RELEASES_PATH}${id}/`;
