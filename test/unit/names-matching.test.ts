/** The search page's quick match of region names (src/client/names-matching.ts). */
import { expect, test } from 'vitest';
import { MOST_NAMES, namesMatching } from '../../src/client/names-matching.ts';

const sample = ['Kota Binjai', 'Provinsi DKI Jakarta', 'Kota Jayapura', 'Kabupaten Manokwari', 'Kecamatan Maulafa, Kota Kupang'];

test('a name matches when it holds every word of the query as the start of one of its own, whatever the case, diacritics or punctuation', () => {
  expect(namesMatching('binjai', sample)).toEqual([0]);
  expect(namesMatching('KOTA jaya', sample)).toEqual([2]);
  expect(namesMatching('kupang, maulafa', sample)).toEqual([4]);
  expect(namesMatching('dki', sample)).toEqual([1]);
  expect(namesMatching('Manokwarí', sample)).toEqual([3]);
  // A word inside another word is not its start; a word the name lacks matches nothing.
  expect(namesMatching('njai', sample)).toEqual([]);
  expect(namesMatching('kota bandung', sample)).toEqual([]);
  expect(namesMatching('  ,. ', sample)).toEqual([]);
  expect(namesMatching('kota', sample)).toEqual([0, 2, 4]);
});

test(`a query more than ${MOST_NAMES} names share names none: it names no region`, () => {
  const many = Array.from({ length: 12 }, (_, i) => `Kabupaten Sintetis ${String(i + 1).padStart(3, '0')}`);
  expect(namesMatching('kabupaten', many)).toEqual([]);
  expect(namesMatching('sintetis 007', many)).toEqual([6]);
  expect(namesMatching('kabupaten', many.slice(0, MOST_NAMES))).toEqual([0, 1, 2, 3, 4]);
  expect(namesMatching('kabupaten', many.slice(0, MOST_NAMES + 1))).toEqual([]);
});
