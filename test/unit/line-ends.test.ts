/**
 * read/lines.ts: line ends made "\n" outside quotes, rows numbered by the line they start on —
 * whatever the chunk boundaries (a CRLF or a closing quote cut in two), and with the rows
 * PapaParse reads from the result.
 */
import Papa from 'papaparse';
import { describe, expect, test } from 'vitest';
import { LineEnds, RowTooLong } from '../../src/read/lines.ts';

/** The text for PapaParse and the start line of every row, the text given in the chunks `cuts` makes. */
function run(text: string, cuts: number[], delimiter = ',') {
  const ends = new LineEnds(delimiter);
  let out = '';
  let from = 0;
  for (const c of [...cuts, text.length]) {
    out += ends.push(text.slice(from, c));
    from = c;
  }
  out += ends.end();
  const rows = Papa.parse<string[]>(out, { delimiter, newline: '\n' }).data;
  return { out, rows: rows.map((cells) => [ends.nextRowLine(), cells] as const) };
}

const CASES: [string, string][] = [
  ['mixed CRLF, LF and CR', 'a,b\r\n1,2\n3,4\r5,6\r\n7,8'],
  ['a quoted CRLF, LF and CR stay in the cell, and count as lines', 'a,b\r\n"x\r\ny",1\r"p\nq\rr",2\n3,4\n'],
  ['doubled quotes, a quote closed before spaces, a quote that does not close', 'a,b\n"x""y",1\n"z"  ,2\n"u"v\nw",3\n4,5'],
  ['a quote at the very end', 'a,b\n1,"x"'],
  ['blank lines and a CR alone at the end', 'a,b\r\n\r\n\n1,2\r'],
];

describe('the same text and rows, cut anywhere', () => {
  test.each(CASES)('%s', (_name, text) => {
    const whole = run(text, []);
    for (let i = 0; i <= text.length; i++) {
      for (const j of [i, Math.min(text.length, i + 1), Math.min(text.length, i + 2)])
        expect(run(text, [i, j]), `cut at ${i}, ${j}`).toEqual(whole);
    }
  });
});

test('rows start on the lines an editor shows', () => {
  const { rows } = run(CASES[1][1], []);
  expect(rows.slice(0, 4)).toEqual([
    [1, ['a', 'b']],
    [2, ['x\r\ny', '1']],
    [4, ['p\nq\rr', '2']],
    [7, ['3', '4']],
  ]);
  expect(run(CASES[0][1], []).rows.map(([line]) => line)).toEqual([1, 2, 3, 4, 5]);
});

test('a row longer than the limit stops the reading, naming the line it starts on', () => {
  const ends = new LineEnds(',', 10);
  expect(() => ends.push('a,b\n1,2\n"' + 'x'.repeat(20))).toThrow(RowTooLong);
  const held = new LineEnds(',', 10);
  // a quote followed by nothing but spaces is held back until its meaning is known — bounded too
  expect(() => held.push('a\n"x"' + ' '.repeat(20))).toThrow(expect.objectContaining({ row: 2 }));
});
