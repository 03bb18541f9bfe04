import { publishedDir } from './published.ts';

/**
 * The key of a result read from the published tables: its arguments, with the folder they are
 * read from (tests read several in one process). Every cache of src/site/ that outlives a call keys by it.
 */
export const cacheKey = (...args: readonly (string | number)[]): string => JSON.stringify([publishedDir(), ...args]);

/**
 * One result per distinct arguments, for the build: a page, its CSV endpoints, forum slides and
 * embeds all ask for the same charts, which should be drawn once. Arguments are plain strings and
 * numbers (language, region, unit, a count…), keyed by cacheKey. Like readTable's tables, results
 * are kept for the life of the process (the build runs Astro once).
 */
export function memoize<A extends readonly (string | number)[], R>(build: (...args: A) => R): (...args: A) => R {
  const results = new Map<string, R>();
  return (...args) => {
    const key = cacheKey(...args);
    if (!results.has(key)) results.set(key, build(...args));
    return results.get(key)!;
  };
}

/**
 * Like memoize, but keeps only the results of the `keep` arguments asked for last: for results
 * a route asks for again and again while it renders one region, or one unit (a page, then its
 * CSV endpoints), and that would otherwise pile up over every region of the site (issue #13).
 */
export function memoizeRecent<A extends readonly (string | number)[], R>(
  build: (...args: A) => R,
  keep: number,
): ((...args: A) => R) & { kept: () => number } {
  const results = new Map<string, R>();
  const recent = (...args: A): R => {
    const key = cacheKey(...args);
    let result: R;
    if (results.has(key)) {
      result = results.get(key)!;
      // Asked again: now the most recent (a Map iterates in insertion order).
      results.delete(key);
    } else {
      result = build(...args);
      if (results.size >= keep) results.delete(results.keys().next().value!);
    }
    results.set(key, result);
    return result;
  };
  return Object.assign(recent, { kept: () => results.size });
}
