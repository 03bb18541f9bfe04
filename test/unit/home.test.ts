/** What the home page shows of the regions (src/site/home.ts) and the words it says of them. */
import { expect, test } from 'vitest';
import { byProvince, CARDS_MOST, showsCards } from '../../src/site/home.ts';
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

test('the words of the grouped home page count what the groups hold, in both languages', () => {
  const regions = Array.from({ length: 61 }, (_, i) => ({ nama: `Wilayah ${i}`, provinsi: ['Aceh', 'Bali', 'Papua'][i % 3] }));
  const groups = byProvince(regions);
  const id = t('id').home;
  const en = t('en').home;
  expect(id.tooMany(String(regions.length), String(groups.length))).toBe(
    '61 wilayah di 3 provinsi: terlalu banyak untuk menampilkan angka utama semuanya di satu halaman. Angka utama setiap wilayah ada di halaman wilayahnya.',
  );
  expect(en.tooMany(String(regions.length), String(groups.length))).toBe(
    "61 regions in 3 provinces: too many to show every one's headline figures on one page. Each region's headline figures are on its page.",
  );
  expect(en.tooMany('61', '1')).toMatch(/^61 regions in 1 province:/);
  expect(groups.map((g) => en.count(String(g.regions.length)))).toEqual(['21 regions', '20 regions', '20 regions']);
  expect(id.count('21')).toBe('21 wilayah');
  expect(en.count('1')).toBe('1 region');
});
