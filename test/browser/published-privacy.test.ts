/**
 * Contract 1.1 §5 on the built sample (global setup), read as a reader reads it: the published
 * CSV files, attacked with code apart from src/derive (test/support/disclosure.ts).
 *
 * - predikat_unit: every hidden cell of every published row still admits at least three values;
 * - skm_responden: every combination of the quasi-identifiers occurs at least k times, every
 *   answer of the export is there unchanged, and the IKM recomputed from it is ikm_unit's.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Papa from 'papaparse';
import { describe, expect, inject, test } from 'vitest';
import { PREDIKAT, UNSUR_KEYS } from '../../src/contract/enums.ts';
import { validateExport } from '../../src/validate/export.ts';
import { feasibleHiddenValues } from '../support/disclosure.ts';

const siteDir = inject('siteDir');
/** The build's threshold: the default, as global setup sets no KT_AMBANG_KELOMPOK. */
const K = 10;
type Row = Record<string, string>;
const table = (name: string): Row[] =>
  Papa.parse<Row>(readFileSync(join(siteDir, 'data', `${name}.csv`), 'utf8'), { header: true, skipEmptyLines: true }).data;
const count = (v: string) => (v === '' ? null : Number(v));

describe('predikat_unit: hidden cells cannot be narrowed down', () => {
  const rows = table('predikat_unit');

  test('every hidden cell of every row with sel_kecil admits at least three values, for either reader', () => {
    const small = rows.filter((r) => r.disembunyikan === 'sel_kecil');
    expect(small.length).toBeGreaterThan(100);
    for (const r of small) {
      const cells = PREDIKAT.map((p) => count(r[p.value]));
      for (const model of ['any', 'rules'] as const) {
        for (const values of feasibleHiddenValues(cells, Number(r.pegawai), model)) {
          expect(
            values.size,
            `${r.kode_wilayah} ${r.kode_unit} ${r.periode} (${model}): ${cells.join(',')} of ${r.pegawai}`,
          ).toBeGreaterThanOrEqual(3);
        }
      }
    }
  });

  test('a row without a reason hides nothing, and a row with sel_kecil publishes its size and sums to it where nothing is hidden', () => {
    for (const r of rows) {
      const cells = PREDIKAT.map((p) => count(r[p.value]));
      if (r.disembunyikan === '') expect(cells.reduce((a, b) => a! + b!, 0)).toBe(Number(r.pegawai));
      if (r.disembunyikan === 'sel_kecil') expect(cells.filter((c) => c === null).length).toBeGreaterThanOrEqual(2);
    }
  });
});

describe('skm_responden: k-anonymous, answers unchanged', () => {
  const rows = table('skm_responden');
  const QI = ['kode_unit', 'kode_layanan', 'semester', 'jenis_kelamin', 'kelompok_umur', 'kelompok_pendidikan', 'pekerjaan'];

  test(`every combination of region and the seven quasi-identifiers occurs at least k = ${K} times`, () => {
    const classes = new Map<string, number>();
    for (const r of rows) {
      const key = JSON.stringify([r.kode_wilayah, ...QI.map((q) => r[q])]);
      classes.set(key, (classes.get(key) ?? 0) + 1);
    }
    const small = [...classes].filter(([, n]) => n < K);
    expect(small).toEqual([]);
    // Not by blanking everything: every sample unit and unit's semester has k responses or
    // more, so all keep both; most keep the respondent's sex.
    for (const q of ['kode_unit', 'semester'])
      expect(
        rows.filter((r) => r[q] === ''),
        q,
      ).toEqual([]);
    expect(rows.filter((r) => r.jenis_kelamin !== '').length / rows.length).toBeGreaterThan(0.8);
  });

  test('every response of the export is published with its nine answers as given', async () => {
    const v = await validateExport('data');
    expect(v.ok).toBe(true);
    const answers = (get: (u: string) => string) => UNSUR_KEYS.map(get).join(',');
    for (const region of v.regions) {
      const given = Array.from({ length: region.skm.length }, (_, i) =>
        answers((u) => {
          const a = region.skm.numbers(u as (typeof UNSUR_KEYS)[number])[i];
          return a === a ? String(a) : '';
        }),
      ).sort();
      const published = rows
        .filter((r) => r.kode_wilayah === region.code)
        .map((r) => answers((u) => r[u]))
        .sort();
      expect(published, region.code).toEqual(given);
    }
  });

  test('the IKM recomputed from the microdata of a unit and semester is the published ikm_unit', () => {
    const ikm = new Map(table('ikm_unit').map((r) => [`${r.kode_wilayah}|${r.kode_unit}|${r.periode}`, r]));
    const groups = new Map<string, Row[]>();
    for (const r of rows) {
      const key = `${r.kode_wilayah}|${r.kode_unit}|${r.semester}`;
      groups.set(key, [...(groups.get(key) ?? []), r]);
    }
    // Only where neither the unit nor the semester is blanked: there the group is whole.
    const blankSemester = new Set(rows.filter((r) => r.semester === '').map((r) => `${r.kode_wilayah}|${r.kode_unit}`));
    let checked = 0;
    for (const [key, group] of groups) {
      const [wilayah, unit, semester] = key.split('|');
      if (unit === '' || semester === '' || blankSemester.has(`${wilayah}|${unit}`)) continue;
      const published = ikm.get(key);
      expect(published, key).toBeDefined();
      expect(Number(published!.responden), key).toBe(group.length);
      const nrr = UNSUR_KEYS.map((u) => {
        const given = group
          .map((r) => r[u])
          .filter((a) => a !== '')
          .map(Number);
        return given.reduce((a, b) => a + b, 0) / given.length;
      });
      nrr.forEach((x, i) =>
        expect(Math.abs(x - Number(published![`nrr_${UNSUR_KEYS[i]}`])), `${key} ${UNSUR_KEYS[i]}`).toBeLessThanOrEqual(0.00005 + 1e-9),
      );
      expect(Math.abs((nrr.reduce((a, b) => a + b, 0) / 9) * 25 - Number(published!.ikm)), key).toBeLessThanOrEqual(0.005 + 1e-9);
      checked++;
    }
    expect(checked / [...ikm.values()].filter((r) => r.periode.includes('-S')).length).toBeGreaterThan(0.5);
  });

  test('a unit keeps its code on all of its responses: their number is the sum of its yearly respondents', () => {
    const perYear = new Map<string, number>();
    for (const r of table('ikm_unit').filter((r) => /^\d{4}$/.test(r.periode))) {
      const key = `${r.kode_wilayah}|${r.kode_unit}`;
      perYear.set(key, (perYear.get(key) ?? 0) + Number(r.responden));
    }
    const perUnit = new Map<string, number>();
    for (const r of rows)
      if (r.kode_unit !== '') perUnit.set(`${r.kode_wilayah}|${r.kode_unit}`, (perUnit.get(`${r.kode_wilayah}|${r.kode_unit}`) ?? 0) + 1);
    // Every sample unit has at least k responses, so none loses its code.
    expect(perUnit).toEqual(perYear);
  });
});

describe('bundles and .xlsx files hold only what the site publishes', () => {
  test('every CSV line of every region bundle is a line of the site’s CSV of that table; the whole-site bundle is byte for byte the site’s', async () => {
    const { readdirSync } = await import('node:fs');
    const { unzipSync, strFromU8 } = await import('fflate');
    const lines = (text: string) => text.split('\r\n').filter(Boolean);
    const site = join(siteDir, 'data');
    const all = unzipSync(readFileSync(join(site, 'kinerja-terbuka.zip')));
    const bundles = readdirSync(join(site, 'paket')).filter((f) => f.endsWith('.zip'));
    expect(bundles.length).toBeGreaterThan(0);
    for (const [name, bytes] of Object.entries(all).filter(([n]) => n.endsWith('.csv')))
      expect(Buffer.from(bytes).equals(readFileSync(join(site, name))), name).toBe(true);
    for (const b of bundles) {
      for (const [name, bytes] of Object.entries(unzipSync(readFileSync(join(site, 'paket', b)))).filter(([n]) => n.endsWith('.csv'))) {
        const published = new Set(lines(readFileSync(join(site, name), 'utf8')));
        for (const line of lines(strFromU8(bytes))) expect(published.has(line), `${b}!/${name}: ${line.slice(0, 40)}`).toBe(true);
      }
    }
  });
});
