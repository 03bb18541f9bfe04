/** The checker's CSV for Excel (src/client/check/report-csv.ts): BOM, ";" between cells, CRLF, formulas guarded. */
import { expect, test } from 'vitest';
import { issue } from '../../src/contract/issues.ts';
import { reportCsv } from '../../src/client/check/report-csv.ts';
import { checkWords } from '../../src/i18n/check-words.ts';

test('errors then warnings, one line each, cells with ";" quoted and a formula made text', () => {
  const w = checkWords('id');
  const err = issue({ region: 'uji', file: 'skm.csv', row: 3, column: 'saran', value: '=1+1;"x"' }, 'type-error', {
    id: 'salah; perbaiki',
    en: 'wrong, fix it',
  });
  const warn = issue({ region: 'uji', file: 'catatan.txt' }, 'unknown-file', { id: 'bukan berkas kontrak', en: 'not a contract file' });
  const csv = [...reportCsv([err], [warn], w)].join('');
  expect(csv.split('\r\n')).toEqual([
    '\uFEFFwilayah;berkas;baris;kolom;kode;jenis;nilai;pesan;message',
    `uji;skm.csv;3;saran;type-error;kesalahan;"'=1+1;""x""";"salah; perbaiki";"wrong, fix it"`,
    'uji;catatan.txt;;;unknown-file;peringatan;;bukan berkas kontrak;not a contract file',
    '',
  ]);
});
