/**
 * src/validate/private-hashes.ts: private values kept as hashes on shared memory. A string is
 * found wherever it stands in a text, and a string not among them is not.
 */
import { describe, expect, test } from 'vitest';
import { BackHash, HashedStrings, RowCollector, someRow } from '../../src/validate/private-hashes.ts';
import { PrivateSearch } from '../../src/validate/private-search.ts';

describe('BackHash', () => {
  test('the hashes of each length back from one place are those of the text standing there alone', () => {
    const text = 'Kelurahan Budi Santoso, İnah — 198601012010011001';
    const walk = new BackHash().at(text, 30);
    const alone = new BackHash();
    // Lengths out of order: a shorter one after a longer walks again from the end.
    for (const length of [1, 5, 12, 30, 7, 29]) {
      expect(walk.of(length)).toBe(true);
      const piece = text.slice(30 - length, 30);
      alone.at(piece, piece.length).of(piece.length);
      expect([walk.a, walk.b], piece).toEqual([alone.a, alone.b]);
    }
    expect(walk.of(31)).toBe(false);
    expect(walk.to).toBe(30);
  });

  test('texts that differ in one character, or only in length, hash apart', () => {
    const h = new BackHash();
    const hashes = new Set<string>();
    for (const t of ['budi santoso', 'budi santosa', 'budi  santoso', 'udi santoso', '\u0000budi santoso', 'Budi santoso']) {
      h.at(t, t.length).of(t.length);
      hashes.add(`${h.a},${h.b}`);
    }
    expect(hashes.size).toBe(6);
  });
});

describe('HashedStrings and RowCollector', () => {
  test('every string added is found, in a text of its own or at its place in a longer one; no other is', () => {
    const values = Array.from({ length: 60_000 }, (_, i) => `RSP-${String(i * 7).padStart(7, '0')}`);
    const collect = HashedStrings.collect();
    for (const v of values) collect.add(v);
    const set = collect.finish();
    for (const v of values.slice(0, 5_000)) expect(set.has(v), v).toBe(true);
    expect(set.has(values[59_999])).toBe(true);
    expect(set.has(`x ${values[123]} y`, 2, 2 + values[123].length)).toBe(true);
    const others = Array.from({ length: 20_000 }, (_, i) => `RSP-${String(i * 7 + 3).padStart(7, '0')}`);
    expect(others.filter((v) => set.has(v))).toEqual([]);
    expect(set.has('RSP-000000')).toBe(false); // a string a character short of one
    expect(set.empty).toBe(false);
    expect(HashedStrings.collect().finish().empty).toBe(true);
  });

  test('rows across many chunks land each in its bucket once, on shared memory', () => {
    const rows = new RowCollector();
    const n = 300_000; // past the first chunks (a thousand rows, doubling)
    for (let i = 0; i < n; i++) rows.push(i % 1000, i, -i, 7);
    const table = rows.table();
    expect(table.rows.buffer).toBeInstanceOf(SharedArrayBuffer);
    expect(table.starts.buffer).toBeInstanceOf(SharedArrayBuffer);
    expect(table.rows.length).toBe(4 * n);
    const seen: number[] = [];
    someRow(table, 42, (r) => (seen.push(table.rows[r + 1]), false));
    expect(seen.sort((a, b) => a - b)).toEqual(Array.from({ length: n / 1000 }, (_, i) => 42 + 1000 * i));
    expect(someRow(table, 1000, () => true)).toBe(false);
  });

  test("a bucket's rows come sorted, by key and then the next numbers (a pattern's length), each once", () => {
    const rows = new RowCollector();
    // Many repeats of few rows under one key (a saran thousands of respondents gave), pushed longest first.
    for (let i = 0; i < 10_000; i++) rows.push(7, 30 - (i % 3), 1, 2);
    rows.push(7, 5, 9, 9);
    rows.push(7, 5, 8, 9);
    const table = rows.table();
    expect(table.rows.length).toBe(4 * 5);
    expect(table.rows.buffer).toBeInstanceOf(SharedArrayBuffer);
    const seen: number[][] = [];
    someRow(table, 7, (r) => (seen.push([...table.rows.subarray(r + 1, r + 4)]), false));
    expect(seen).toEqual([
      [5, 8, 9],
      [5, 9, 9],
      [28, 1, 2],
      [29, 1, 2],
      [30, 1, 2],
    ]);
  });
});

test('buckets counted for rows pushed are merged to about one a row kept, when most were repeats; every row kept is still found under its key', () => {
  const rows = new RowCollector();
  const distinct = 5_000;
  // Each row four times (an NIP in four files), keys spread as hashes are.
  for (let round = 0; round < 4; round++) for (let i = 0; i < distinct; i++) rows.push(Math.imul(i, 0x2545f491), i, 1, 2);
  const table = rows.table();
  expect(table.rows.length).toBe(4 * distinct);
  // 20,000 rows pushed would take 2^15 buckets; 5,000 kept take 2^13 (the first power of two at or past them).
  expect(table.starts.length).toBe(2 ** 13 + 1);
  expect(table.starts.buffer).toBeInstanceOf(SharedArrayBuffer);
  expect(table.starts[table.starts.length - 1]).toBe(distinct);
  for (let i = 0; i < distinct; i++) {
    const key = Math.imul(i, 0x2545f491);
    const found: number[] = [];
    someRow(table, key, (r) => (found.push(table.rows[r + 1]), false));
    expect(found).toEqual([i]);
  }
  expect(someRow(table, Math.imul(distinct, 0x2545f491), () => true)).toBe(false);
  // So many repeats: the rows kept were moved into memory of their own size.
  expect(table.rows.buffer.byteLength).toBe(16 * distinct);
  // Its rows let go, a collector makes its table once.
  expect(() => rows.table()).toThrow('table() twice');
  expect(() => rows.push(1, 2, 3, 4)).toThrow('push after table()');
});

test('a few repeats dropped: the rows kept stay where they were placed (no second copy), every one still found', () => {
  const rows = new RowCollector();
  const distinct = 8_000;
  for (let i = 0; i < distinct; i++) rows.push(Math.imul(i, 0x2545f491), i, 1, 2);
  // One row in sixteen pushed twice: within an eighth of the rows pushed.
  for (let i = 0; i < distinct; i += 16) rows.push(Math.imul(i, 0x2545f491), i, 1, 2);
  const pushed = distinct + distinct / 16;
  const table = rows.table();
  expect(table.rows.length).toBe(4 * distinct);
  expect(table.rows.buffer.byteLength).toBe(16 * pushed);
  // 8,500 rows pushed took 2^14 buckets; the 8,000 kept take 2^13, merged into a table of their own.
  expect(table.starts.length).toBe(2 ** 13 + 1);
  expect(table.starts[table.starts.length - 1]).toBe(distinct);
  for (let i = 0; i < distinct; i++) {
    const found: number[] = [];
    someRow(table, Math.imul(i, 0x2545f491), (r) => (found.push(table.rows[r + 1]), false));
    expect(found).toEqual([i]);
  }
});

describe('without shared memory', () => {
  test('a browser page that is not cross-origin isolated (the export checker) makes the same search in plain memory', () => {
    const saved = globalThis.SharedArrayBuffer;
    Reflect.deleteProperty(globalThis, 'SharedArrayBuffer');
    try {
      const search = PrivateSearch.of(['Budi Santoso', 'RSP-000123', '198601012010011001']);
      expect(search.share().long.rows.buffer).toBeInstanceOf(ArrayBuffer);
      expect(['oleh budi santoso', 'kode RSP-000123', 'nip 198601012010011001', 'Budiman'].map((t) => search.find(t) !== null)).toEqual([
        true,
        true,
        true,
        false,
      ]);
    } finally {
      globalThis.SharedArrayBuffer = saved;
    }
  });
});
