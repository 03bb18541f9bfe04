/** What the search page lists without JavaScript (src/site/search-list.ts). */
import { expect, test } from 'vitest';
import { LISTED_MOST, listsWhole } from '../../src/site/search-list.ts';

const regions = (n: number, units: number, services: number) =>
  Array.from({ length: n }, () => ({ units: Array.from({ length: units }), services: Array.from({ length: services }) }));

test(`every unit and service up to ${LISTED_MOST} of them; past that, the regions alone`, () => {
  // The sample: five regions, 61 units, a few services.
  expect(listsWhole(regions(5, 13, 4))).toBe(true);
  expect(listsWhole(regions(10, LISTED_MOST / 10 - 1, 1))).toBe(true);
  expect(listsWhole(regions(10, LISTED_MOST / 10, 1))).toBe(false);
  // 50 sample regions: about 10,000 units.
  expect(listsWhole(regions(50, 200, 11))).toBe(false);
});
