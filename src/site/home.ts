/**
 * What the home page shows of the regions (HomeView.astro): a card of headline figures for each,
 * or, past CARDS_MOST regions, the regions by province, each a link to its page (where its
 * headline figures are). A card is about 3.6 KB of HTML: at 500 regions the page was 1.8 MB, too
 * much for a cheap phone on a slow network, and no reader scrolls 500 cards.
 */
import { alphabetical, type Region } from './model.ts';

export const CARDS_MOST = 60;

/** Whether this many regions get a card each on the home page. */
export const showsCards = (regions: number): boolean => regions <= CARDS_MOST;

/**
 * A province as each region's export names it (`wilayah.json`, trimmed only): "Jawa Tengah",
 * "JAWA TENGAH" and "Provinsi Jawa Tengah" are one province, so that the page counts provinces,
 * not spellings. (A misspelt name is still another province.)
 */
export const provinceKey = (name: string): string =>
  name
    .toLocaleLowerCase('id')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^provinsi /, '');

/**
 * The regions by province (provinceKey), provinces in alphabetical order, each one's regions in
 * the order given (the model's: by name). A province is named as most of its regions spell it
 * (of equally many, the first in alphabetical order).
 */
export function byProvince<R extends Pick<Region, 'provinsi'>>(regions: readonly R[]): { provinsi: string; regions: R[] }[] {
  const groups = new Map<string, { spellings: Map<string, number>; regions: R[] }>();
  for (const r of regions) {
    const key = provinceKey(r.provinsi);
    let group = groups.get(key);
    if (!group) groups.set(key, (group = { spellings: new Map(), regions: [] }));
    group.spellings.set(r.provinsi, (group.spellings.get(r.provinsi) ?? 0) + 1);
    group.regions.push(r);
  }
  return [...groups.values()]
    .map(({ spellings, regions: rs }) => ({
      provinsi: [...spellings].sort(([a, m], [b, n]) => n - m || alphabetical(a, b))[0][0],
      regions: rs,
    }))
    .sort((a, b) => alphabetical(a.provinsi, b.provinsi));
}
