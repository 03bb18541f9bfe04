/**
 * Issue #5: the faster paths behave as the plain ones. The private values kept as lists answer
 * as a Set; the privacy gate reads a published table's CSV in one pass and finds what the
 * general CSV reading finds; the typed table gives back what was put in.
 */
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { strToU8, zipSync } from 'fflate';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { TABLES } from '../../src/contract/published.ts';
import { meaningfulView, scanForLeaks } from '../../src/publish/privacy-gate.ts';
import { pack, PackBuilder, packedAt, unpack } from '../../src/validate/fast/packed.ts';
import { PrivateValues } from '../../src/validate/private-values.ts';
import { Table } from '../../src/validate/table.ts';
import { hashKey, SeenKeys, type KeySlice } from '../../src/validate/fast/unique.ts';

describe('PrivateValues: a Set, whatever way the values came in', () => {
  test('lists, packs and single values, in order, without repeats', () => {
    const pv = new PrivateValues();
    pv.add('R-1');
    pv.addAll(['R-2', 'R-1', 'Saran panjang']);
    pv.addAll(pack(['R-3', 'R-2']));
    pv.add('R-4');
    expect([...pv]).toEqual(['R-1', 'R-2', 'Saran panjang', 'R-3', 'R-4']);
    expect(pv.size).toBe(5);
    expect(pv.has('R-3')).toBe(true);
    expect(pv.has('R-9')).toBe(false);
    expect(JSON.stringify({ pv })).toBe('{"pv":{}}'); // nothing of it leaks into a serialised report
  });

  test('absorb takes another collection over, after its own values', () => {
    const a = new PrivateValues();
    a.add('satu');
    const b = new PrivateValues();
    b.addAll(['dua', 'satu', 'tiga']);
    a.absorb(b);
    expect([...a]).toEqual(['satu', 'dua', 'tiga']);
    expect(b.size).toBe(0);
  });
});

describe('packed strings and uniqueness by hash', () => {
  test('a pack gives back its strings, empty ones and non-ASCII ones too', () => {
    const values = ['', 'Rp 1.000', 'kantor ≥ 60', '', 'é'];
    const p = pack(values);
    expect(unpack(p)).toEqual(values);
    expect(values.map((_, i) => packedAt(p, i))).toEqual(values);
  });

  test("strings put together from parts, across the builder's chunks, come back whole and hash as hashKey", () => {
    let seed = 7;
    const rnd = () => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32;
    const b = new PackBuilder();
    const want: string[] = [];
    for (let i = 0; i < 20000; i++) {
      let s = '';
      for (let p = 0, parts = 1 + Math.floor(rnd() * 3); p < parts; p++) {
        // Mostly short parts, now and then one longer than a chunk; some not ASCII.
        const len = rnd() < 0.002 ? 70000 + Math.floor(rnd() * 1000) : Math.floor(rnd() * 20);
        const part = Array.from({ length: len }, (_, k) => String.fromCharCode(rnd() < 0.1 ? 0x4e00 + (k % 50) : 97 + (k % 26))).join('');
        if (rnd() < 0.5) b.appendString(part);
        else
          b.appendUnits(
            Uint16Array.from(part, (c) => c.charCodeAt(0)),
            0,
            part.length,
          );
        s += part;
      }
      b.close();
      expect(b.lastHash()).toBe(hashKey(s));
      want.push(s);
    }
    const got = unpack(b.finish());
    expect(got.length).toBe(want.length);
    expect(got.every((g, i) => g === want[i])).toBe(true);
  });

  test('duplicates are found across slices, each naming the first row, none by a mere hash match', () => {
    const slice = (keys: string[], rows: number[]) => ({ keys: pack(keys), hashes: Int32Array.from(keys, hashKey), rows });
    // Slices added in file order, as parallel.ts merges them.
    const findDuplicates = (slices: KeySlice[], duplicate: (key: string, row: number, first: number) => void) => {
      const seen = new SeenKeys();
      for (const s of slices) seen.add(s);
      seen.duplicates(duplicate);
    };
    const found: [string, number, number][] = [];
    findDuplicates([slice(['a', 'b', 'a'], [2, 3, 4]), slice(['c', 'b', 'a'], [5, 6, 7])], (key, row, first) =>
      found.push([key, row, first]),
    );
    expect(found).toEqual([
      ['a', 4, 2],
      ['b', 6, 3],
      ['a', 7, 2],
    ]);
    // Different keys forced onto one hash are still different keys.
    const same = { keys: pack(['x', 'y']), hashes: Int32Array.of(7, 7), rows: [2, 3] };
    const none: unknown[] = [];
    findDuplicates([same], (...d) => none.push(d));
    expect(none).toEqual([]);
  });

  test('on many keys, grouped over many tables, the duplicates a Map finds, in row order', () => {
    let seed = 3;
    const rnd = () => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32;
    // 60 000 keys in 4 slices, one in twenty a repeat of an earlier one (in its slice or before).
    const keys = Array.from({ length: 60000 }, (_, i) => (i > 0 && rnd() < 0.05 ? `K${Math.floor(rnd() * i)}` : `K${i}`));
    const firstRow = new Map<string, number>();
    const expected: [string, number, number][] = [];
    keys.forEach((k, i) => {
      const row = i + 2;
      if (firstRow.has(k)) expected.push([k, row, firstRow.get(k)!]);
      else firstRow.set(k, row);
    });
    expect(expected.length).toBeGreaterThan(2000);
    // The count expected only spreads the keys over tables: none (one table, grown), too few (tables grown), about right, too many.
    for (const expectedKeys of [0, 1000, 60000, 1_000_000]) {
      const seen = new SeenKeys(expectedKeys);
      const found: [string, number, number][] = [];
      for (const [a, b] of [
        [0, 9000],
        [9000, 30000],
        [30000, 30001],
        [30001, 60000],
      ]) {
        const part = keys.slice(a, b);
        seen.add({ keys: pack(part), hashes: Int32Array.from(part, hashKey), rows: part.map((_, i) => a + i + 2) });
      }
      seen.duplicates((key, row, first) => found.push([key, row, first]));
      expect(found).toEqual(expected);
    }
  });
});

describe('the typed table', () => {
  test('numbers and texts by column, blanks left out of the records, slices put back together', () => {
    type R = { kode: string; n?: number; t?: string };
    const a = new Table<R>(['kode', 'n', 't'], ['text', 'number', 'text'], 1);
    a.push({ kode: 'U01', n: 3, t: 'x' }, 2);
    a.push({ kode: 'U02' }, 3);
    const b = new Table<R>(['kode', 'n', 't'], ['text', 'number', 'text']);
    b.push({ kode: 'U01', n: -0.5 }, 5);
    b.push({ kode: 'U03', n: 4, t: 'y' }, 6);
    expect(a.toArray()).toEqual([{ kode: 'U01', n: 3, t: 'x' }, { kode: 'U02' }]);
    // Slices put back together in order, as parallel.ts does; `retain` then leaves out records by file row.
    const concat = (keep?: (row: number) => boolean) => {
      const t = new Table<R>(['kode', 'n', 't'], ['text', 'number', 'text']);
      for (const p of [a.toPart(), b.toPart()]) t.append(p);
      if (keep) t.retain(keep);
      return t;
    };
    const all = concat();
    expect(all.toArray()).toEqual([
      { kode: 'U01', n: 3, t: 'x' },
      { kode: 'U02' },
      { kode: 'U01', n: -0.5 },
      { kode: 'U03', n: 4, t: 'y' },
    ]);
    expect([0, 1, 2, 3].map((i) => all.fileRowOf(i))).toEqual([2, 3, 5, 6]);
    const kept = concat((row) => row !== 3);
    expect(kept.toArray()).toEqual([
      { kode: 'U01', n: 3, t: 'x' },
      { kode: 'U01', n: -0.5 },
      { kode: 'U03', n: 4, t: 'y' },
    ]);
    expect([0, 1, 2].map((i) => kept.fileRowOf(i))).toEqual([2, 5, 6]);
    const codes = all.texts('kode');
    expect([...codes.codes].map((c) => codes.dict[c])).toEqual(['U01', 'U02', 'U01', 'U03']);
    expect([...all.numbers('n')]).toEqual([3, NaN, -0.5, 4]);
    // A column's distinct values read before the parts are copied in: the same list, in the same order, as after.
    const early = concat();
    expect(early.length).toBe(4);
    expect([...early.dictionary('t')]).toEqual(['x', 'y']);
    early.append(new Table<R>(['kode', 'n', 't'], ['text', 'number', 'text']).toPart());
    const late = new Table<R>(['kode', 'n', 't'], ['text', 'number', 'text']);
    late.push({ kode: 'U04', t: 'z' }, 7);
    early.append(late.toPart());
    expect([...early.dictionary('kode')]).toEqual(['U01', 'U02', 'U03', 'U04']);
    expect(early.toArray()).toEqual([...all.toArray(), { kode: 'U04', t: 'z' }]);
    const t = early.texts('t');
    expect([...t.dict]).toEqual(['x', 'y', 'z']);
    expect([...t.codes]).toEqual([0, -1, -1, 1, 2]);
  });
});

describe('the privacy gate on a published table', () => {
  let dir: string;
  const table = TABLES.find((t) => t.name === 'capaian_iku')!;
  const header = table.columns.map((c) => c.name).join(',');
  const row = (cells: Record<string, string>) => table.columns.map((c) => cells[c.name] ?? '').join(',');
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'kt-gate-fast-'));
    await mkdir(join(dir, 'data'));
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  const both = async (text: string, privateValues: string[]) => {
    await writeFile(join(dir, 'data', 'capaian_iku.csv'), text);
    const asSet = await scanForLeaks(dir, new Set(privateValues));
    const pv = new PrivateValues();
    pv.addAll(pack(privateValues));
    const asLists = await scanForLeaks(dir, meaningfulView(pv));
    // The same file under a name the gate does not know is read as any CSV.
    await rm(join(dir, 'data', 'capaian_iku.csv'));
    await writeFile(join(dir, 'data', 'lain.csv'), text);
    const general = (await scanForLeaks(dir, new Set(privateValues))).map((l) => ({ ...l, file: join('data', 'capaian_iku.csv') }));
    await rm(join(dir, 'data', 'lain.csv'));
    return { asSet, asLists, general };
  };

  test('a private text in a text column is found on its row, as the general reading finds it', async () => {
    const text =
      [
        header,
        row({ kode_wilayah: 'alpha', kode_unit: 'U01', nama_indikator: 'Indikator satu' }),
        row({ kode_wilayah: 'alpha', kode_unit: 'U02', sasaran: 'Pegawai Uji 001', program: "'-Pegawai Uji 002" }),
      ].join('\r\n') + '\r\n';
    const { asSet, asLists, general } = await both(text, ['Pegawai Uji 001', '-Pegawai Uji 002']);
    expect(asSet).toEqual([
      { file: join('data', 'capaian_iku.csv'), what: expect.stringContaining('row 3') },
      { file: join('data', 'capaian_iku.csv'), what: expect.stringContaining('row 3') },
    ]);
    expect(asLists).toEqual(asSet);
    expect(general).toEqual(asSet);
  });

  test('a number in a number column is not a private text, whatever a saran said', async () => {
    const text = [header, row({ kode_wilayah: 'alpha', kode_unit: 'U01', target: '1234.5', capaian: '91.48' })].join('\r\n') + '\r\n';
    expect((await both(text, ['1234.5'])).asSet).toEqual([]);
  });

  test('the same table in a region folder or a bundle is read the same fast way: known by its name and header, wherever it lies', async () => {
    const text = [header, row({ kode_wilayah: 'alpha', kode_unit: 'U01', target: '1234.5', capaian: '91.48' })].join('\r\n') + '\r\n';
    await mkdir(join(dir, 'data', 'wilayah', 'alpha'), { recursive: true });
    await mkdir(join(dir, 'data', 'paket'));
    await writeFile(join(dir, 'data', 'capaian_iku.csv'), text);
    await writeFile(join(dir, 'data', 'wilayah', 'alpha', 'capaian_iku.csv'), text);
    await writeFile(join(dir, 'data', 'paket', 'alpha.zip'), zipSync({ 'capaian_iku.csv': strToU8(text), 'lain.csv': strToU8(text) }));
    // How each content was read, by file: `csv:<table>` the fast way, `csv:` as any CSV.
    const contents: Record<string, string[]> = {};
    const onClean = (file: string, content: string) => void (contents[file] ??= []).push(content.split(':').slice(0, 2).join(':'));
    const lookup = meaningfulView(new PrivateValues().addAll(pack(['Pegawai Uji 001'])));
    expect(await scanForLeaks(dir, lookup, { onClean })).toEqual([]);
    // The zip's other entry holds the same bytes under a name of no table: read as any CSV.
    expect(contents).toEqual({
      [join('data', 'capaian_iku.csv')]: ['csv:capaian_iku'],
      [join('data', 'wilayah', 'alpha', 'capaian_iku.csv')]: ['csv:capaian_iku'],
      [join('data', 'paket', 'alpha.zip')]: ['csv:capaian_iku', 'csv:'],
    });
  });

  test('lines that do not end in CRLF are read as any CSV', async () => {
    const text = [header, row({ kode_wilayah: 'alpha', kode_unit: 'U01', sasaran: 'Pegawai Uji 001' })].join('\n') + '\n';
    const { asSet, general } = await both(text, ['Pegawai Uji 001']);
    expect(asSet).toEqual(general);
    expect(asSet).toHaveLength(1);
  });
});
