/**
 * The search page's quick match of region names (src/components/views/SearchView.astro): the
 * index ranks a region's many short pages (its services, its units), which all repeat its name,
 * above the region's own long page, so a query naming a region links that page above the results.
 */

/** At most this many names match; a query more names share (say "kota") names none. */
export const MOST_NAMES = 5;

/** A text's words, without case or diacritics, for matching. */
export const wordsOf = (text: string): string[] =>
  text
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);

/** The indices of `names` holding every word of `query` as the start of one of theirs, in order; none past MOST_NAMES. */
export function namesMatching(query: string, names: readonly string[]): number[] {
  const asked = wordsOf(query);
  if (asked.length === 0) return [];
  const found: number[] = [];
  names.forEach((name, i) => {
    const own = wordsOf(name);
    if (asked.every((w) => own.some((n) => n.startsWith(w)))) found.push(i);
  });
  return found.length > MOST_NAMES ? [] : found;
}
