/** A comparison link's units on a form that lists none (src/client/kept-units.ts). */
import { parseHTML } from 'linkedom';
import { expect, test } from 'vitest';
import { nameKeptUnits, showKeptUnits, unitNames } from '../../src/client/kept-units.ts';
import { compareSql, COMPARE_COLUMNS } from '../../src/queries/compare.ts';
import { COMPARE_WORDS } from '../../src/i18n/compare-words.ts';

const form = () => {
  const { document } = parseHTML(
    `<form><p class="note" id="all">${COMPARE_WORDS.id.unitsNotListed('10.000')}</p><fieldset id="kept" hidden><legend>${COMPARE_WORDS.id.unitsFromLink}</legend><div class="kt-checks"></div></fieldset></form>`,
  );
  return { box: document.getElementById('kept') as HTMLElement, all: document.getElementById('all') as HTMLElement };
};
const boxes = (box: HTMLElement) =>
  [...box.querySelectorAll('input')].map((i) => ({
    name: i.name,
    value: i.value,
    checked: i.checked,
    label: i.parentElement?.textContent?.trim(),
  }));

test("a link's units become ticked boxes of the form, named as a result names them; the note that every unit is compared is hidden meanwhile", () => {
  const { box, all } = form();
  const units = ['kota-001:DINKES', 'kab-002:PKM-01'];
  showKeptUnits(box, all, units, new Map());
  expect(box.hidden).toBe(false);
  expect(all.hidden).toBe(true);
  expect(boxes(box)).toEqual([
    { name: 'unit', value: 'kota-001:DINKES', checked: true, label: 'kota-001:DINKES' },
    { name: 'unit', value: 'kab-002:PKM-01', checked: true, label: 'kab-002:PKM-01' },
  ]);
  // A result names the units it has rows for (its columns are compareSql's); one without a value keeps its key.
  const names = unitNames({
    columns: [...COMPARE_COLUMNS],
    rows: [['kota-001', 'Kota Sintetis 001', 'DINKES', 'Dinas Kesehatan', '2025', 81.2, null, null, 120, 'ya']],
  });
  // The reader unticks one while the query runs; the result names the boxes and leaves each as it was.
  box.querySelectorAll('input')[1].checked = false;
  nameKeptUnits(box, names);
  expect(boxes(box)).toEqual([
    { name: 'unit', value: 'kota-001:DINKES', checked: true, label: 'Dinas Kesehatan (Kota Sintetis 001)' },
    { name: 'unit', value: 'kab-002:PKM-01', checked: false, label: 'kab-002:PKM-01' },
  ]);
  // Submitted so: the unticked unit is gone from the boxes, the other keeps its name.
  showKeptUnits(box, all, ['kota-001:DINKES'], names);
  expect(boxes(box).map((b) => b.label)).toEqual(['Dinas Kesehatan (Kota Sintetis 001)']);
  // The keys are the ones compareSql filters on.
  expect(compareSql({ measure: 'ikm', regions: [], units, periods: [] })).toContain(
    "m.kode_wilayah || ':' || m.kode_unit IN ('kota-001:DINKES', 'kab-002:PKM-01')",
  );
  // Every box unticked and submitted, or a link without units: no box, and the note is true again.
  showKeptUnits(box, all, [], names);
  expect(box.hidden).toBe(true);
  expect(all.hidden).toBe(false);
  expect(boxes(box)).toEqual([]);
});

test('a result without the unit and region columns names nothing; a form without its list of boxes is an error, not a lost legend', () => {
  expect(unitNames({ columns: ['kode_wilayah', 'nilai'], rows: [['kota-001', 1]] }).size).toBe(0);
  const { document } = parseHTML('<fieldset id="kept"><legend>Unit</legend></fieldset>');
  expect(() => showKeptUnits(document.getElementById('kept') as HTMLElement, null, ['kota-001:DINKES'], new Map())).toThrow(/kt-checks/);
});

test('the words of kept units, in both languages', () => {
  expect(COMPARE_WORDS.id.unitsFromLinkHint).toBe(
    'Hapus centang sebuah unit untuk melepasnya dari perbandingan; tanpa unit yang dicentang, setiap wilayah yang dipilih dibandingkan dengan semua unitnya.',
  );
  expect(COMPARE_WORDS.en.unitsFromLinkHint).toBe(
    'Untick a unit to drop it from the comparison; with none ticked, each region chosen is compared with all its units.',
  );
  // With none ticked, the query has no unit filter: every unit of the chosen regions.
  expect(compareSql({ measure: 'ikm', regions: ['kota-001'], units: [], periods: [] })).not.toContain('kode_unit IN');
});
