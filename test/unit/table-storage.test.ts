/**
 * How the validator stores a column (src/validate/rows.ts, columnKind): integers whose bounds
 * keep them exact in 32 bits (the survey's answers and ages) in a Float32Array, every other
 * number in a Float64Array; the values read back are the ones in the file.
 */
import { describe, expect, test } from 'vitest';
import { integer, number } from '../../src/contract/fields.ts';
import { validateExport } from '../../src/validate/export.ts';
import { columnKind } from '../../src/validate/rows.ts';
import { INPUTS } from '../../src/contract/inputs/index.ts';

const d = { id: 'x', en: 'x' };

describe('columnKind', () => {
  test('an integer with both bounds within 2^24 is stored in 32 bits; without both, or past them, or a number, in 64', () => {
    expect(columnKind(integer(d, 1, 4))).toBe('integer32');
    expect(columnKind(integer(d, -(2 ** 24), 2 ** 24))).toBe('integer32');
    expect(columnKind(integer(d, 0))).toBe('number');
    expect(columnKind(integer(d, 0, 2 ** 24 + 1))).toBe('number');
    expect(columnKind(number(d, { min: 0, max: 4 }))).toBe('number');
  });
});

describe("every input's 32-bit columns", () => {
  test('are integers whose schema refuses a value past either bound: nothing stored there can be rounded', () => {
    const columns = INPUTS.flatMap((i) => Object.entries(i.fields).filter(([, f]) => columnKind(f) === 'integer32'));
    expect(columns.map(([name]) => name)).toEqual(expect.arrayContaining(['persyaratan', 'sarana', 'umur', 'bulan']));
    for (const [name, f] of columns) {
      const [min, max] = f.range!;
      expect(
        [min, max, min - 1, max + 1, min + 0.5].map((v) => f.schema.safeParse(v).success),
        name,
      ).toEqual([true, true, false, false, false]);
    }
  });
});

describe('the valid fixture, validated', () => {
  test("the survey's answers and ages are 32-bit, read back as written; counts stay 64-bit", async () => {
    const v = await validateExport('test/fixtures/valid');
    const [alpha] = v.regions;
    const answers = alpha.skm.numbers('persyaratan');
    expect(answers).toBeInstanceOf(Float32Array);
    expect(alpha.skm.numbers('umur')).toBeInstanceOf(Float32Array);
    expect(alpha.layanan.numbers('permohonan')).toBeInstanceOf(Float64Array);
    // The first rows of alpha/skm.csv and layanan.csv, as the files give them.
    expect([...answers.subarray(0, 2)]).toEqual([4, 4]);
    expect([...alpha.skm.numbers('umur').subarray(0, 2)]).toEqual([18, 20]);
    expect(alpha.skm.at(1)).toMatchObject({ persyaratan: 4, umur: 20, jenis_kelamin: 'l' });
    expect([...alpha.layanan.numbers('permohonan').subarray(0, 2)]).toEqual([60, 40]);
    expect(alpha.layanan.numbers('rata_hari')[0]).toBe(2.5);
  });
});
