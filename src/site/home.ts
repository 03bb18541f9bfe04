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

/** The regions by province: provinces in alphabetical order, each one's regions in the order given (the model's: by name). */
export function byProvince<R extends Pick<Region, 'provinsi'>>(regions: readonly R[]): { provinsi: string; regions: R[] }[] {
  const groups = new Map<string, R[]>();
  for (const r of regions) {
    const group = groups.get(r.provinsi);
    if (group) group.push(r);
    else groups.set(r.provinsi, [r]);
  }
  return [...groups].sort(([a], [b]) => alphabetical(a, b)).map(([provinsi, rs]) => ({ provinsi, regions: rs }));
}
