/** src/read/csv-pieces.ts: a CSV file read a piece at a time gives the rows Papa gives of the whole. */
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import Papa from 'papaparse';
import { describe, expect, test } from 'vitest';
import { csvBytesRows, csvFileRows } from '../../src/read/csv-pieces.ts';
import { tempDirEach } from '../support/temp-dir.ts';

describe('csvFileRows', () => {
  const tmp = tempDirEach('kt-csv-pieces-');
  const rowsOf = async (text: string, pieceBytes: number) => {
    await writeFile(join(tmp.dir, 'a.csv'), text);
    const rows: string[][] = [];
    for await (const r of csvFileRows(join(tmp.dir, 'a.csv'), pieceBytes)) rows.push(r);
    return rows;
  };
  const whole = (text: string) => Papa.parse<string[]>(text, { skipEmptyLines: true }).data;

  const lines = ['kode,teks'];
  for (let i = 0; i < 3_000; i++)
    lines.push(i % 4 === 0 ? `${i},"baris ""${i}"",\r\nlanjut é 𝔸"` : i % 97 === 0 ? '' : `${i},layanan ${i} é`);
  lines.push(...Array.from({ length: 30 }, (_, i) => `${3_000 + i},jam; senin; selasa`));
  const text = lines.join('\r\n') + '\r\n';

  test('quoted line breaks and commas, doubled quotes, blank lines, 2- and 4-byte characters: the whole reading, at any piece size', async () => {
    for (const piece of [7, 64, 1_000, 9_999, 1 << 24]) expect(await rowsOf(text, piece), `${piece}`).toEqual(whole(text));
  });
  test('the same rows from the file’s bytes already read (csvBytesRows), at any piece size', () => {
    for (const piece of [7, 64, 1_000, 1 << 24])
      expect([...csvBytesRows('a.csv', Buffer.from(text), piece)], `${piece}`).toEqual(whole(text));
  });
  test('a byte order mark at a later record, an empty file, a header alone, CR line ends, a record longer than a piece', async () => {
    const cases = [
      'a,b\r\n1,2\r\n\uFEFFx,4\r\n5,6\r\n',
      '',
      'a,b',
      'a,b\r\n',
      'a,b\r1,2\r3,4\r',
      `a,b\r\n1,"${'panjang '.repeat(40)}"\r\n2,3\r\n`,
      `a,b\r\n1,"kutip tak ditutup\r\n2,3\r\n`,
    ];
    for (const text of cases)
      for (const piece of [1, 3, 8, 64]) expect(await rowsOf(text, piece), JSON.stringify([text.slice(0, 20), piece])).toEqual(whole(text));
  });
  test('quoted line breaks do not stop it cutting: it never holds much more than a piece and a record', async () => {
    await writeFile(join(tmp.dir, 'a.csv'), text);
    const rows: string[][] = [];
    for await (const r of csvFileRows(join(tmp.dir, 'a.csv'), 64, 400)) rows.push(r);
    expect(rows).toEqual(whole(text));
  });
  test('more bytes than it holds without a line end outside quotes: refused in words', async () => {
    await writeFile(join(tmp.dir, 'a.csv'), 'a,b\r' + '1,2\r'.repeat(100));
    const read = async () => {
      for await (const r of csvFileRows(join(tmp.dir, 'a.csv'), 16, 200)) void r;
    };
    await expect(read()).rejects.toThrow(/no line end outside quotes within 200 bytes/);
  });
  test('a last line without a line end, and a stray quote in an unquoted cell', async () => {
    expect(await rowsOf('a,b\r\n1,2\r\n3,4', 5)).toEqual(whole('a,b\r\n1,2\r\n3,4'));
    const stray = `a,b\r\n1,layar 5" lebar\r\n${Array.from({ length: 50 }, (_, i) => `${i},"x\ny"`).join('\r\n')}\r\n`;
    expect(await rowsOf(stray, 16)).toEqual(whole(stray));
  });
});
