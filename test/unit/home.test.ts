/** What the home page shows of the regions (src/site/home.ts) and the words it says of them. */
import { expect, test } from 'vitest';
import { byProvince, CARDS_MOST, provinceKey, showsCards } from '../../src/site/home.ts';
import { t } from '../../src/i18n/words.ts';

test(`a card per region up to ${CARDS_MOST} regions; past that, the regions by province`, () => {
  // The sample (5) and the benchmark's 50 regions keep their cards.
  expect(showsCards(5)).toBe(true);
  expect(showsCards(50)).toBe(true);
  expect(showsCards(CARDS_MOST)).toBe(true);
  expect(showsCards(CARDS_MOST + 1)).toBe(false);
  expect(showsCards(514)).toBe(false);
});

test('regions grouped by province: provinces in Indonesian alphabetical order, each region once, in the order given', () => {
  const regions = [
    { nama: 'Kota Ambon', provinsi: 'Maluku' },
    { nama: 'Kota Binjai', provinsi: 'Sumatera Utara' },
    { nama: 'Kota Jayapura', provinsi: 'Papua' },
    { nama: 'Kota Medan', provinsi: 'Sumatera Utara' },
    { nama: 'Kabupaten Manokwari', provinsi: 'Papua Barat' },
    { nama: 'Kota Tual', provinsi: 'Maluku' },
    { nama: 'Kota Banda Aceh', provinsi: 'Aceh' },
  ];
  const groups = byProvince(regions);
  expect(groups.map((g) => g.provinsi)).toEqual(['Aceh', 'Maluku', 'Papua', 'Papua Barat', 'Sumatera Utara']);
  expect(groups.find((g) => g.provinsi === 'Maluku')!.regions.map((r) => r.nama)).toEqual(['Kota Ambon', 'Kota Tual']);
  expect(groups.find((g) => g.provinsi === 'Sumatera Utara')!.regions.map((r) => r.nama)).toEqual(['Kota Binjai', 'Kota Medan']);
  expect(groups.flatMap((g) => g.regions).length).toBe(regions.length);
  expect(byProvince([])).toEqual([]);
});

test("a province spelt several ways by its regions' exports is one province, named as most of them spell it", () => {
  expect(provinceKey('  Provinsi   JAWA  Tengah ')).toBe('jawa tengah');
  const regions = [
    { nama: 'Kota Semarang', provinsi: 'Jawa Tengah' },
    { nama: 'Kota Surakarta', provinsi: 'JAWA TENGAH' },
    { nama: 'Kabupaten Kudus', provinsi: 'Provinsi Jawa Tengah' },
    { nama: 'Kota Magelang', provinsi: 'Jawa Tengah' },
    { nama: 'Kota Bandung', provinsi: 'JAWA BARAT' },
    { nama: 'Kota Bogor', provinsi: 'Jawa Barat' },
  ];
  const groups = byProvince(regions);
  // Of equally many spellings, the first in alphabetical order (Indonesian collation: lower case first).
  expect(groups.map((g) => [g.provinsi, g.regions.length])).toEqual([
    ['Jawa Barat', 2],
    ['Jawa Tengah', 4],
  ]);
  // The page's sentence counts these groups: 6 regions in 2 provinces, not 5 spellings.
  expect(t('en').home.tooMany(String(regions.length), String(groups.length))).toMatch(/^6 regions in 2 provinces:/);
  expect(t('id').home.tooMany(String(regions.length), String(groups.length))).toMatch(/^6 wilayah di 2 provinsi:/);
});

test('the words of the grouped home page, singular and plural, in both languages', () => {
  const id = t('id').home;
  const en = t('en').home;
  expect(id.tooMany('61', '3')).toBe(
    '61 wilayah di 3 provinsi: terlalu banyak untuk menampilkan angka utama semuanya di satu halaman. Angka utama setiap wilayah, bila ada, ada di halaman wilayahnya.',
  );
  expect(en.tooMany('61', '3')).toBe(
    "61 regions in 3 provinces: too many to show every one's headline figures on one page. Each region's headline figures, where it has any, are on its page.",
  );
  expect(en.tooMany('61', '1')).toMatch(/^61 regions in 1 province:/);
  expect(en.count('21')).toBe('21 regions');
  expect(en.count('1')).toBe('1 region');
  expect(id.count('1')).toBe('1 wilayah');
});
