/**
 * A table's first rows are read from the start of its file in pieces (headRecords): whatever
 * the piece size, the records are those of the whole file, even when a piece ends inside a
 * quoted line break or a multi-byte character.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { headRecords } from '../../src/site/published.ts';

const CSV =
  'kode_wilayah,nama,catatan\r\n' +
  'kota-001,"Kota Jayapura","baris\r\ndua"\r\n' +
  'kab-002,Maulafa — Kupang,"""kutip"", koma"\r\n' +
  'kab-003,Manokwari,ñ€𝄞\r\n' +
  'kab-004,Binjai,\r\n';

describe('headRecords', () => {
  const dir = mkdtempSync(join(tmpdir(), 'kt-head-'));
  const path = join(dir, 't.csv');
  writeFileSync(path, CSV);
  const whole = Papa.parse<string[]>(CSV, { skipEmptyLines: true }).data;

  it('gives the whole file’s first records, however small the first piece', () => {
    const bytes = Buffer.byteLength(CSV);
    for (let first = 1; first <= bytes + 1; first++)
      for (const records of [1, 2, 3, 5, 9])
        expect([first, records, headRecords(path, records, first)]).toEqual([first, records, whole.slice(0, records)]);
  });

  it('reads no more than it needs of a long file', () => {
    const long = join(dir, 'long.csv');
    writeFileSync(long, 'a,b\r\n' + '1,2\r\n'.repeat(10) + `"${'x'.repeat(1 << 20)}"\r\n`);
    expect(headRecords(long, 3, 64)).toEqual([
      ['a', 'b'],
      ['1', '2'],
      ['1', '2'],
    ]);
  });
});
