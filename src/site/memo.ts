/**
 * One result per distinct arguments, for the build: a page, its CSV endpoints, forum slides and
 * embeds all ask for the same charts, which should be drawn once. Arguments are plain strings and
 * numbers (language, region, unit, a count…), so their JSON is the key. One build per process: like readTable's
 * tables, results are kept for the life of the process (the build runs Astro once).
 */
export function memoize<A extends readonly (string | number)[], R>(build: (...args: A) => R): (...args: A) => R {
  const results = new Map<string, R>();
  return (...args) => {
    const key = JSON.stringify(args);
    if (!results.has(key)) results.set(key, build(...args));
    return results.get(key)!;
  };
}
