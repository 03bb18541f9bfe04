/**
 * read/split.ts splits the slices of large files instead of PapaParse, for speed (issue #5); PapaParse
 * stays the reference. On every text parallel.ts would slice, both must read the same rows, cell for
 * cell: here on fixed edge cases and on many random files (seeded, so a failure reproduces).
 */
import Papa from 'papaparse';
import { describe, expect, test } from 'vitest';
import { SliceText, splitRows } from '../../src/read/split.ts';
import { planSlices } from '../../src/validate/fast/parallel.ts';

function both(file: Buffer, slices: number): { papa: string[][]; ours: string[][] }[] | null {
  const plan = planSlices(file, slices);
  if (!plan) return null;
  return plan.slices.map(([s, e]) => {
    const bytes = file.subarray(s, e);
    const text = bytes.toString('utf8');
    const papa: string[][] = [];
    Papa.parse<string[]>(text, {
      delimiter: plan.dialect.delimiter,
      newline: plan.newline,
      header: false,
      skipEmptyLines: false,
      step: (r) => void papa.push(r.data),
    });
    const ours: string[][] = [];
    splitRows(text, new SliceText(Buffer.from(bytes)).units, plan.dialect.delimiter, plan.newline, (cells) => void ours.push([...cells]));
    return { papa, ours };
  });
}

describe('splitRows reads what PapaParse reads', () => {
  test.each([
    ['plain rows', 'a,b,c\n1,2,3\n4,5,6\n'],
    ['no final line end', 'a,b,c\n1,2,3\n4,5,6'],
    ['CRLF, with a lone CR and LF inside cells', 'a,b,c\r\n1,x\ry,3\r\n4,p\nq,6\r\n'],
    ['quoted cells with delimiters, line ends and doubled quotes', 'a,b,c\n"1,5","say ""hi""","two\nlines"\n"",x,""""\n'],
    ['semicolon and non-ASCII', 'a;b;c\nSaran: pelayanan ramah 👍;é;"q;r"\n'],
    ['blank lines and short rows', 'a,b,c\n\n1\n,,\n'],
  ])('%s', (_name, text) => {
    const results = both(Buffer.from(text), 2);
    expect(results).not.toBeNull();
    for (const { papa, ours } of results!) expect(ours).toEqual(papa);
  });

  test('a quote the slicer did not vouch for is refused, not misread', () => {
    expect(() => splitRows('1,"open\n', new SliceText(Buffer.from('1,"open\n')).units, ',', '\n', () => undefined)).toThrow();
  });

  test('20,000 random files, sliced 1 to 3 ways', () => {
    let seed = 20261123;
    const rnd = () => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32;
    const pick = <T>(a: readonly T[]) => a[Math.floor(rnd() * a.length)];
    let compared = 0;
    let quoted = 0;
    for (let n = 0; n < 20_000; n++) {
      const delim = pick([',', ';', '\t']);
      const nl = pick(['\n', '\r\n']);
      const cell = () => {
        let s = '';
        const k = Math.floor(rnd() * 4);
        if (rnd() < 0.3) {
          for (let i = 0; i < k; i++) s += pick(['a', '""', delim, nl, ' ', '\n', '\r', 'é']);
          return `"${s}"`;
        }
        for (let i = 0; i < k; i++) s += pick(['a', 'b', ' ', '1', 'é', 'x y', 'U01', '\r', rnd() < 0.1 ? nl : 'z']);
        return s;
      };
      const rows = Array.from({ length: Math.floor(rnd() * 6) }, () => Array.from({ length: 1 + Math.floor(rnd() * 4) }, cell).join(delim));
      const file = Buffer.from(`h1${delim}h2${delim}h3${nl}${rows.join(nl)}${rnd() < 0.5 ? nl : ''}`);
      const results = both(file, 1 + Math.floor(rnd() * 3));
      if (!results) continue;
      compared++;
      if (file.includes(34)) quoted++;
      for (const { papa, ours } of results) expect(ours).toEqual(papa);
    }
    // The generator must reach the interesting cases, or the test proves little.
    expect(compared).toBeGreaterThan(10_000);
    expect(quoted).toBeGreaterThan(2_000);
  });
});
