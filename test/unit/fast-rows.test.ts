/**
 * FastRows reads a slice's rows where they lie, a column at a time, for speed (issue #5);
 * splitRows with FileRules.row stays the reference. On any file, reading every row the general
 * way and reading it with FastRows (the general way only for the rows it declines) must give the
 * same slice result: issues, rows, the typed table with its codes, keys and their hashes, unit
 * codes and private values. Here on the sample's files, each damaged in many random ways
 * (seeded, so a failure reproduces).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import Papa from 'papaparse';
import { describe, expect, test } from 'vitest';
import { INPUTS } from '../../src/contract/inputs/index.ts';
import { MEMO_LIMIT } from '../../src/validate/columns.ts';
import { planSlices } from '../../src/validate/fast/parallel.ts';
import { readSlice } from '../../src/validate/fast/slice-worker.ts';

const DATA = 'data';

/** Cell texts that are wrong, or right but not in the plain form FastRows reads. */
const ODD_CELLS = [
  '',
  ' ',
  '  ',
  'x',
  '0',
  '5',
  '-1',
  '+3',
  '04',
  '4.0',
  '4,5',
  '12.',
  '.5',
  ',5',
  '1e3',
  '1234567890123456',
  '99999999999999999999',
  '1.234',
  '1.234,5',
  '90.95562596018631',
  '0,0',
  '2023-02-30',
  '31/12/2023',
  '2023-13-01',
  '45123',
  'ya',
  'P',
  'sma',
  'S1',
  'di atas',
  'Di Atas Ekspektasi',
  '2024-S1',
  '2024-s2',
  '2024-Q5',
  'é',
  '日本',
  '😀',
  'x😀',
  'U01 ',
  '\tU01',
  '\u00a0U01',
  'LAY-A\u00a0',
  '\ufeffabc',
  '"',
  'a"b',
  '""',
  'a,b',
  'a;b',
  'a\nb',
  'a\r\nb',
  'a\rb',
  'x\r',
  '\rx',
  '198601012010011001',
  '19860101 201001 1 001',
  '1.98601E+17',
  'undefined',
];

let seed = 1;
const rnd = () => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32;
const pick = <T>(a: readonly T[]): T => a[Math.floor(rnd() * a.length)];
/** A seed of its own for each file (the sample's regions have files of the same path length). */
const seedOf = (text: string) => [...text].reduce((h, c) => Math.imul(h ^ c.charCodeAt(0), 16777619) >>> 0, 2166136261);

/** A cell as a CSV writer would put it: quoted when it must be, and sometimes when it need not; a CR now and then left bare. */
function written(cell: string, delim: string): string {
  const must = cell.includes(delim) || cell.includes('"') || cell.includes('\n') || (cell.includes('\r') && rnd() < 0.5);
  return must || rnd() < 0.03 ? `"${cell.replace(/"/g, '""')}"` : cell;
}

/**
 * The file's columns as a header may give them (positions into a row; -1 a column the contract
 * does not know): as they are, one dropped, one unknown added, shuffled, one repeated.
 */
function columnsOf(width: number, n: number): number[] {
  const cols = Array.from({ length: width }, (_, i) => i);
  const at = () => Math.floor(rnd() * cols.length);
  switch (n % 6) {
    case 1:
      cols.splice(at(), 1);
      break;
    case 2:
      cols.splice(at(), 0, -1);
      break;
    case 3:
      cols.sort(() => rnd() - 0.5);
      break;
    case 4:
      cols.splice(at(), 0, cols[at()]);
      break;
  }
  return cols;
}

/** `count` rows of `rows` (header first, repeated as needed), with about one in five damaged, as one CSV text. */
function damaged(rows: string[][], count: number, cols: number[], delim: string, nl: string): string {
  const row = (r: number) => rows[1 + ((r - 1) % (rows.length - 1))];
  const out: string[] = [cols.map((c) => (c < 0 ? 'catatan' : rows[0][c])).join(delim)];
  for (let r = 1; r <= count; r++) {
    let cells = cols.map((c) => (c < 0 ? pick(['', 'x', 'y z']) : (row(r)[c] ?? '')));
    const roll = rnd();
    if (roll < 0.12) {
      const c = Math.floor(rnd() * cells.length);
      const k = rnd();
      cells[c] =
        k < 0.5
          ? pick(ODD_CELLS)
          : k < 0.65
            ? ` ${cells[c]}`
            : k < 0.8
              ? `${cells[c]} `
              : k < 0.9
                ? (row(1 + Math.floor(rnd() * count))[cols[c]] ?? '')
                : cells[c] + pick(['é', '日', '😀', '"']);
    } else if (roll < 0.14)
      cells = cols.map((c) => (c < 0 ? '' : (row(Math.max(1, r - 1))[c] ?? ''))); // a duplicate of the row before
    else if (roll < 0.15) cells.pop();
    else if (roll < 0.16) cells.push('extra');
    else if (roll < 0.17) cells = cells.map(() => pick(['', ' ']));
    else if (roll < 0.18) {
      out.push(pick(['', ' ', '\t', delim + delim, '\r']));
      continue;
    }
    out.push(cells.map((c) => written(c, delim)).join(delim));
  }
  return out.join(nl) + (rnd() < 0.5 ? nl : '');
}

/**
 * toEqual, in a tenth of the time when the two are the same: Node's strict comparison first (what
 * it finds equal, toEqual does too); only a difference goes to toEqual, for its diff.
 */
function expectSame<T>(actual: T, expected: T): void {
  if (!isDeepStrictEqual(actual, expected)) expect(actual).toEqual(expected);
}

function sliceOf(text: string, file: string, unitCodes: string[] | null, slices: number) {
  const bytes = Buffer.from(text);
  const shared = new SharedArrayBuffer(bytes.length);
  Buffer.from(shared).set(bytes);
  const plan = planSlices(Buffer.from(shared), slices);
  if (!plan) return null;
  return plan.slices.map(([start, end]) => ({
    region: 'uji',
    file,
    buffer: shared,
    start,
    end,
    dialect: plan.dialect,
    newline: plan.newline,
    header: plan.header,
    headerRow: plan.headerRow,
    unitCodes,
  }));
}

const regions = readdirSync(DATA, { withFileTypes: true })
  .filter((d) => d.isDirectory())
  .map((d) => d.name);
const files = regions.flatMap((region) =>
  INPUTS.filter((i) => i.file !== 'unit.csv')
    .map((i) => join(DATA, region, i.file))
    .filter((path) => readdirSync(join(DATA, region)).includes(path.split('/').pop()!))
    .map((path) => ({ region, path, file: path.split('/').pop()! })),
);

describe('FastRows gives what splitRows and FileRules.row give', () => {
  test.each(files)('$region/$file, damaged 36 ways', ({ region, path, file }) => {
    const source = readFileSync(path, 'utf8');
    const rows = Papa.parse<string[]>(source, { skipEmptyLines: true }).data;
    // Its own delimiter: numbers are written for it (a ";" file has decimal commas); a "," file also as tab-separated.
    const own = source.split('\n')[0].includes(';') ? ';' : ',';
    const units = Papa.parse<string[]>(readFileSync(join(DATA, region, 'unit.csv'), 'utf8'), { header: true }).data.map(
      (u) => (u as unknown as { kode_unit: string }).kode_unit,
    );
    let fastRows = 0;
    let totalRows = 0;
    let issues = 0;
    for (let n = 0; n < 36; n++) {
      seed = seedOf(`${region}/${file}/${n}`);
      // Every sixth file longer than two batches of FastRows (1024 rows each), the others short.
      const count = n % 6 === 5 ? 2600 : 300;
      const delim = own === ',' && n % 5 === 4 ? '\t' : own;
      const text = (n % 7 === 3 ? '\ufeff' : '') + damaged(rows, count, columnsOf(rows[0].length, n), delim, n % 2 ? '\r\n' : '\n');
      // Some runs without unit.csv's codes, some with one code missing from it (foreign-key issues).
      const codes = n % 4 === 0 ? null : units.filter((_, i) => i !== n % units.length);
      const tasks = sliceOf(text, file, codes, 1 + (n % 3));
      if (!tasks) continue;
      for (const task of tasks) {
        const general = readSlice(task, false);
        const fast = readSlice(task, true);
        expectSame({ ...fast, fastRows: 0 }, { ...general, fastRows: 0 });
        fastRows += fast.fastRows;
        totalRows += fast.dataRows;
        issues += fast.issues.length;
      }
    }
    // Not a comparison of two general readings: most rows were read fast, and issues were found.
    expect(fastRows / totalRows).toBeGreaterThan(0.5);
    expect(issues).toBeGreaterThan(0);
  });

  test('a column with more distinct texts than a column keeps answers for: the rest go the general way, with the same result', () => {
    const text = readFileSync(join(DATA, regions[0], 'skm.csv'), 'utf8');
    const [header, ...all] = text.trimEnd().split('\n');
    const lines = all.filter((l) => !l.includes('"'));
    const at = header.split(',').indexOf('kode_layanan');
    // 20 000 rows, each naming a service of its own (kode_layanan is not checked against layanan.csv).
    const rows = Array.from({ length: 20000 }, (_, i) => {
      const cells = lines[i % lines.length].split(',');
      cells[0] = `R-${i}`;
      cells[at] = `LAY-${i}`;
      return cells.join(',');
    });
    const [first] = sliceOf([header, ...rows].join('\n') + '\n', 'skm.csv', null, 1)!;
    // One slice of all of it (planSlices would cut it in two).
    const task = { ...first, end: first.buffer.byteLength };
    const general = readSlice(task, false);
    const fast = readSlice(task, true);
    expect({ ...fast, fastRows: 0 }).toEqual({ ...general, fastRows: 0 });
    expect(fast.issues).toEqual([]);
    expect(fast.fastRows).toBe(MEMO_LIMIT);
  });

  test('a file of valid rows is read fast throughout, its quoted suggestions with a doubled quote "" too', () => {
    const text = readFileSync(join(DATA, regions[0], 'skm.csv'), 'utf8');
    const [task] = sliceOf(text, 'skm.csv', null, 1)!;
    const result = readSlice(task);
    expect(result.issues).toEqual([]);
    expect(text).toContain('""');
    expect(result.fastRows).toBe(result.dataRows);
  });
});
