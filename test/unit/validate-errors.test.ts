/**
 * One fixture folder per error code (test/fixtures/errors/<code>/<region>/): a tiny export with
 * the one bad file. Rows are Excel's: header = row 1, blank lines counted.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import Papa from 'papaparse';
import { beforeAll, describe, expect, test } from 'vitest';
import { INPUTS } from '../../src/contract/inputs/index.ts';
import { ISSUE_CODES, WARNING_CODES, type IssueCode } from '../../src/contract/issues.ts';
import { normalizeHeader } from '../../src/read/dialect.ts';
import { validateExport, type ValidatedExport } from '../../src/validate/export.ts';
import { formatReport, reportJson } from '../../src/validate/report.ts';

const ROOT = 'test/fixtures/errors';
const FIXTURES = readdirSync(ROOT)
  .filter((d) => statSync(join(ROOT, d)).isDirectory())
  .sort();

const reports = new Map<string, ValidatedExport>();
beforeAll(async () => {
  for (const code of FIXTURES) reports.set(code, await validateExport(join(ROOT, code)));
});
const reportOf = (code: string) => reports.get(code)!;

test('every issue code of the contract has a fixture folder', () => {
  expect(FIXTURES).toEqual([...ISSUE_CODES].sort());
});

describe.each(FIXTURES)('fixture %s', (code) => {
  test('produces only issues of its own code (no cascade into other codes)', () => {
    const r = reportOf(code);
    const issues = [...r.errors, ...r.warnings];
    expect(issues.length).toBeGreaterThan(0);
    expect(new Set(issues.map((i) => i.code))).toEqual(new Set([code]));
  });

  test('warnings leave the export valid, errors do not', () => {
    const r = reportOf(code);
    const warning = WARNING_CODES.has(code as IssueCode);
    expect(r.ok).toBe(warning);
    expect(warning ? r.errors : r.warnings).toEqual([]);
  });

  test('every issue speaks Indonesian and English, and says where', () => {
    const r = reportOf(code);
    for (const i of [...r.errors, ...r.warnings]) {
      expect(i.message_id.length).toBeGreaterThan(10);
      expect(i.message_en.length).toBeGreaterThan(10);
      expect(i.message_id).not.toBe(i.message_en);
      expect(i.message).toBe(`${i.message_id} — ${i.message_en}`);
      // A file-error may name a folder of the export itself (no region) or of a region.
      if (i.code === 'file-error') expect(i.file).not.toBe('');
      else {
        expect(i.region).not.toBe('');
        expect(i.file).toMatch(/\.(csv|json)$/);
      }
    }
  });

  test('no private value (NIP, nama, id, saran, uraian) appears in the report, even as the bad cell', () => {
    const r = reportOf(code);
    const secrets = privateValuesOf(join(ROOT, code));
    // The private-in-public fixture's tables hold private values in public text by design: its issues only.
    const texts = [
      JSON.stringify(code === 'private-in-public' ? { ...r, regions: [] } : r),
      JSON.stringify(reportJson(r)),
      formatReport(r),
    ];
    for (const s of secrets) for (const t of texts) expect(t, `private value "${s}"`).not.toContain(s);
  });
});

/** Private cells of every readable CSV of a fixture, including a free text split by an unquoted comma. */
function privateValuesOf(dir: string): string[] {
  const out: string[] = [];
  for (const region of readdirSync(dir)) {
    if (!statSync(join(dir, region)).isDirectory()) continue;
    for (const name of readdirSync(join(dir, region))) {
      const input = INPUTS.find((i) => i.file === name.toLowerCase());
      if (!input || !statSync(join(dir, region, name)).isFile()) continue;
      const bytes = readFileSync(join(dir, region, name));
      if (bytes.includes(0) || !isUtf8(bytes)) continue; // the encoding fixtures: unreadable by design
      const rows = Papa.parse<string[]>(bytes.toString('utf8').replace(/^\uFEFF/, ''), { skipEmptyLines: true }).data;
      if (rows.length === 0) continue;
      const header = rows[0].map(normalizeHeader);
      const privateIdx = header.flatMap((h, i) => (input.fields[h as keyof typeof input.fields]?.private ? [i] : []));
      for (const row of rows.slice(1)) {
        for (const i of privateIdx) if (row[i]?.trim()) out.push(row[i].trim());
        // cells past the header in a file with private columns: a private text split by a comma
        if (privateIdx.length > 0) for (const extra of row.slice(header.length)) if (extra.trim()) out.push(extra.trim());
      }
    }
  }
  return out;
}

function isUtf8(bytes: Buffer): boolean {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
}

test('the privacy check above has something to check', () => {
  expect(privateValuesOf(join(ROOT, 'excel-damage'))).toEqual(
    expect.arrayContaining(['1.98609E+17', '19860101201001100', 'Pegawai Uji Delapan']),
  );
  expect(privateValuesOf(join(ROOT, 'extra-cell'))).toEqual(expect.arrayContaining(['Petugas ramah', 'tapi antrean panjang sekali']));
  expect(privateValuesOf(join(ROOT, 'unique-error'))).toContain('R-0501');
});

describe('encoding-error', () => {
  test('a Windows-1252 unit.csv (byte 0xE9) is reported on the file, with the "CSV UTF-8" hint', () => {
    const r = reportOf('encoding-error');
    expect(r.errors).toContainEqual(
      expect.objectContaining({ region: 'ansi', file: 'unit.csv', row: null, column: null, code: 'encoding-error' }),
    );
    const e = r.errors.find((i) => i.region === 'ansi')!;
    expect(e.message_id).toContain('CSV UTF-8');
    expect(e.message_en).toContain('CSV UTF-8');
  });

  test('an unreadable unit.csv is one error: the other files are not all reported as unknown units', () => {
    expect(reportOf('encoding-error').errors.filter((i) => i.region === 'ansi')).toHaveLength(1);
  });

  test('UTF-16 ("Unicode Text"), with and without its BOM', () => {
    const r = reportOf('encoding-error');
    for (const region of ['utf16', 'utf16-tanpa-bom']) {
      expect(r.errors).toContainEqual(expect.objectContaining({ region, file: 'pelatihan.csv', row: null, code: 'encoding-error' }));
      expect(r.errors.filter((i) => i.region === region)).toHaveLength(1);
    }
  });
});

test('blank-header: the empty 4th header of pelatihan.csv', () => {
  expect(reportOf('blank-header').errors).toEqual([
    expect.objectContaining({ region: 'uji', file: 'pelatihan.csv', row: 1, column: '(kolom ke-4)', code: 'blank-header' }),
  ]);
});

test('duplicate-header: "pegawai" and "Pegawai" are the same column', () => {
  expect(reportOf('duplicate-header').errors).toEqual([
    expect.objectContaining({ file: 'laporan_harian.csv', row: 1, column: 'pegawai', code: 'duplicate-header', value: 'Pegawai' }),
  ]);
});

describe('missing-column', () => {
  test('iku.csv without "target": reported on the column, and no row of the file is used', () => {
    const r = reportOf('missing-column');
    expect(r.errors).toContainEqual(expect.objectContaining({ file: 'iku.csv', row: null, column: 'target', code: 'missing-column' }));
    expect(r.regions[0].iku.length).toBe(0);
  });
  test('an empty file has no header row', () => {
    expect(reportOf('missing-column').errors).toContainEqual(
      expect.objectContaining({ file: 'pelatihan.csv', row: null, column: null, code: 'missing-column' }),
    );
  });
});

test('unknown-column: a warning on the header, the export stays valid and the column is ignored', () => {
  const r = reportOf('unknown-column');
  expect(r.ok).toBe(true);
  expect(r.warnings).toEqual([
    expect.objectContaining({ file: 'layanan.csv', row: 1, column: 'keterangan', code: 'unknown-column', value: 'Keterangan' }),
  ]);
  expect(r.regions[0].layanan.toArray()).toEqual([
    {
      kode_unit: 'U01',
      kode_layanan: 'L01',
      nama_layanan: 'KTP-el',
      tahun: 2025,
      bulan: 1,
      permohonan: 60,
      selesai: 50,
      tepat_waktu: 45,
      standar_hari: 3,
      rata_hari: 2.5,
    },
  ]);
});

test('unknown-file: a .csv outside the contract is a warning, never silently ignored', () => {
  const r = reportOf('unknown-file');
  expect(r.ok).toBe(true);
  expect(r.warnings).toEqual([expect.objectContaining({ file: 'pegawai.csv', row: null, code: 'unknown-file' })]);
});

describe('extra-cell', () => {
  test('an unquoted comma inside saran splits it: row 3 has a 19th cell, and its text is masked', () => {
    const r = reportOf('extra-cell');
    expect(r.errors).toContainEqual(
      expect.objectContaining({
        file: 'skm.csv',
        row: 3,
        column: '(kolom ke-19)',
        code: 'extra-cell',
        value: expect.stringMatching(/^\[disamarkan/),
      }),
    );
  });
  test('in a file without private columns the extra cell is shown', () => {
    expect(reportOf('extra-cell').errors).toContainEqual(
      expect.objectContaining({ file: 'pelatihan.csv', row: 2, column: '(kolom ke-7)', code: 'extra-cell', value: 'lebih' }),
    );
  });
});

test('missing-cell: row 3 of pengaduan.csv stops after kanal; the first missing column is status', () => {
  expect(reportOf('missing-cell').errors).toEqual([
    expect.objectContaining({ file: 'pengaduan.csv', row: 3, column: 'status', code: 'missing-cell' }),
  ]);
});

describe('type-error', () => {
  const errors = () => reportOf('type-error').errors;
  test('numbers: a unit inside the cell, and a decimal comma in a comma-separated file (with the hint)', () => {
    expect(errors()).toContainEqual(
      expect.objectContaining({ file: 'layanan.csv', row: 2, column: 'standar_hari', code: 'type-error', value: '3 hari' }),
    );
    expect(errors()).toContainEqual(
      expect.objectContaining({ file: 'layanan.csv', row: 3, column: 'rata_hari', code: 'type-error', value: '3,5' }),
    );
    expect(errors().find((i) => i.column === 'rata_hari')!.message_en).toContain('2.5, not 2,5');
  });
  test('a whole number with decimals', () => {
    expect(errors()).toContainEqual(
      expect.objectContaining({ file: 'laporan_harian.csv', row: 2, column: 'pegawai', code: 'type-error', value: '12.5' }),
    );
  });
  test('an impossible date, an Excel serial (after a blank line: row 4), and a month-first date', () => {
    expect(errors()).toContainEqual(
      expect.objectContaining({ file: 'pengaduan.csv', row: 2, column: 'tanggal_masuk', code: 'type-error', value: '31/02/2025' }),
    );
    expect(errors()).toContainEqual(
      expect.objectContaining({ file: 'pengaduan.csv', row: 4, column: 'tanggal_masuk', code: 'type-error', value: '45678' }),
    );
    expect(errors()).toContainEqual(
      expect.objectContaining({ file: 'pengaduan.csv', row: 5, column: 'tanggal_selesai', code: 'type-error', value: '02/14/2025' }),
    );
    // 45678 days after Excel's day 0 (1899-12-30) is 2025-01-21: the message says so, to help the fix
    expect(errors().find((i) => i.value === '45678')!.message_en).toContain('2025-01-21');
  });
  test('a period Excel-style with a space', () => {
    expect(errors()).toContainEqual(
      expect.objectContaining({ file: 'kinerja_pegawai.csv', row: 2, column: 'periode', code: 'type-error', value: '2025 S1' }),
    );
  });
  test('exactly these seven errors', () => {
    expect(errors()).toHaveLength(7);
  });
});

describe('constraint-error', () => {
  const errors = () => reportOf('constraint-error').errors;
  test('a survey row with all nine unsur blank', () => {
    expect(errors()).toContainEqual(expect.objectContaining({ file: 'skm.csv', row: 2, column: null, code: 'constraint-error' }));
  });
  test('umur 12 is below 15; an answer of 5 is above 4', () => {
    expect(errors()).toContainEqual(
      expect.objectContaining({ file: 'skm.csv', row: 3, column: 'umur', code: 'constraint-error', value: '12' }),
    );
    expect(errors()).toContainEqual(
      expect.objectContaining({ file: 'skm.csv', row: 5, column: 'persyaratan', code: 'constraint-error', value: '5' }),
    );
  });
  test('a required cell left blank', () => {
    expect(errors()).toContainEqual(
      expect.objectContaining({ file: 'skm.csv', row: 4, column: 'tanggal', code: 'constraint-error', value: '' }),
    );
  });
  test('a code with a space, and a target of 0 (must be > 0)', () => {
    expect(errors()).toContainEqual(
      expect.objectContaining({ file: 'skm.csv', row: 6, column: 'kode_layanan', code: 'constraint-error', value: 'L 01' }),
    );
    expect(errors()).toContainEqual(
      expect.objectContaining({ file: 'iku.csv', row: 2, column: 'target', code: 'constraint-error', value: '0' }),
    );
  });
  test('a code "..", or one starting with a dot, is refused (it would name a folder of the site above its own)', () => {
    expect(errors()).toContainEqual(
      expect.objectContaining({ file: 'unit.csv', row: 4, column: 'kode_unit', code: 'constraint-error', value: '..' }),
    );
    expect(errors()).toContainEqual(
      expect.objectContaining({ file: 'unit.csv', row: 5, column: 'kode_unit', code: 'constraint-error', value: '.hidden' }),
    );
    expect(errors().find((i) => i.value === '..')!.message_en).toContain('starts with a letter or digit');
  });
});

describe('enum-error', () => {
  test('values outside the list, with the allowed values in the message', () => {
    const r = reportOf('enum-error');
    expect(r.errors).toContainEqual(
      expect.objectContaining({ file: 'pengaduan.csv', row: 2, column: 'kanal', code: 'enum-error', value: 'email' }),
    );
    expect(r.errors).toContainEqual(
      expect.objectContaining({ file: 'kinerja_pegawai.csv', row: 2, column: 'hasil_kerja', code: 'enum-error', value: 'Luar Biasa' }),
    );
    expect(r.errors.find((i) => i.column === 'kanal')!.message_en).toContain('lapor, aplikasi, whatsapp');
  });
  test('a unit rejected for its jenis_unit still exists: no foreign-key error for the files that name it', () => {
    const r = reportOf('enum-error');
    expect(r.errors.filter((i) => i.region === 'unit-salah')).toEqual([
      expect.objectContaining({ file: 'unit.csv', row: 3, column: 'jenis_unit', code: 'enum-error', value: 'Kantor Kelurahan' }),
    ]);
  });
});

describe('unique-error', () => {
  const errors = () => reportOf('unique-error').errors;
  test('a repeated id_responden (after a blank line: row 4), its value masked', () => {
    expect(errors()).toContainEqual(
      expect.objectContaining({
        file: 'skm.csv',
        row: 4,
        column: 'id_responden',
        code: 'unique-error',
        value: expect.stringMatching(/^\[disamarkan/),
      }),
    );
    expect(errors().find((i) => i.file === 'skm.csv')!.message_en).toContain('row 2');
  });
  test('a repeated (kode_unit, kode_layanan, tahun, bulan)', () => {
    expect(errors()).toContainEqual(
      expect.objectContaining({
        file: 'layanan.csv',
        row: 3,
        column: 'kode_unit+kode_layanan+tahun+bulan',
        code: 'unique-error',
        value: 'U01 / L01 / 2025 / 1',
      }),
    );
  });
  test('a kode_unit that differs from another only in case (U01, u01)', () => {
    const e = errors().find((i) => i.file === 'unit.csv');
    expect(e).toEqual(expect.objectContaining({ row: 4, column: 'kode_unit', code: 'unique-error', value: 'u01' }));
    expect(e!.message_en).toContain('"U01" on row 2');
  });
  test('the same NIP twice in a period', () => {
    expect(errors()).toContainEqual(
      expect.objectContaining({ file: 'kinerja_pegawai.csv', row: 3, column: 'nip+periode', code: 'unique-error' }),
    );
  });
});

describe('private-in-public', () => {
  const errors = () => reportOf('private-in-public').errors;
  const where = () => errors().map((i) => `${i.file}:${i.row}:${i.column}`);
  test('a private value inside public text is found, each named by file, row and column', () => {
    expect(where()).toEqual([
      'wilayah.json:null:sumber', // an id_pengaduan inside the source
      'unit.csv:3:nama_unit', // an employee's name, in another case, inside a unit name
      'iku.csv:3:nama_indikator', // an NIP of someone born in 2000, written with dots
      'iku.csv:4:program', // a known NIP written in groups of four
      'iku.csv:5:sasaran', // an id_responden, in lower case
      'iku.csv:6:sasaran', // a saran inside a longer text
      'layanan.csv:3:nama_layanan', // an uraian inside a service name
    ]);
  });
  test('never the value: the cell is not echoed, and the message says what was looked for and how', () => {
    for (const i of errors()) expect(i.value).toBeNull();
    expect(errors()[0].message_id).toContain('kata utuh');
    expect(errors()[0].message_en).toMatch(/4–11 characters as whole words, texts of 12 characters or more anywhere/);
  });
  test('the contract\'s words are no one\'s: a saran "Sangat Baik" is not found in "Indeks Sangat Baik"', () => {
    expect(where().filter((w) => w.startsWith('iku.csv:7'))).toEqual([]);
  });
});

test('foreign-key-error: a kode_unit not in unit.csv, and an induk_unit not in the file', () => {
  const r = reportOf('foreign-key-error');
  expect(r.errors).toContainEqual(
    expect.objectContaining({ file: 'skm.csv', row: 2, column: 'kode_unit', code: 'foreign-key-error', value: 'U99' }),
  );
  expect(r.errors).toContainEqual(
    expect.objectContaining({ file: 'unit.csv', row: 4, column: 'induk_unit', code: 'foreign-key-error', value: 'U77' }),
  );
  expect(r.errors).toHaveLength(2);
});

describe('consistency-error', () => {
  const errors = () => reportOf('consistency-error').errors;
  test("a predikat that is not the matrix's (sesuai × di_atas is baik)", () => {
    expect(errors()).toContainEqual(
      expect.objectContaining({ file: 'kinerja_pegawai.csv', row: 2, column: 'predikat', code: 'consistency-error', value: 'sangat_baik' }),
    );
  });
  test('tepat_waktu > selesai', () => {
    expect(errors()).toContainEqual(
      expect.objectContaining({ file: 'layanan.csv', row: 2, column: 'tepat_waktu', code: 'consistency-error', value: '55' }),
    );
  });
  test('tanggal_selesai before tanggal_masuk; status selesai without tanggal_selesai', () => {
    expect(errors()).toContainEqual(
      expect.objectContaining({ file: 'pengaduan.csv', row: 2, column: 'tanggal_selesai', code: 'consistency-error', value: '2025-07-03' }),
    );
    expect(errors()).toContainEqual(
      expect.objectContaining({ file: 'pengaduan.csv', row: 3, column: 'tanggal_selesai', code: 'consistency-error' }),
    );
  });
  test('laporan > pegawai × hari_kerja (300 > 12 × 21 = 252)', () => {
    expect(errors()).toContainEqual(
      expect.objectContaining({ file: 'laporan_harian.csv', row: 2, column: 'laporan', code: 'consistency-error', value: '300' }),
    );
    expect(errors().find((i) => i.file === 'laporan_harian.csv')!.message_en).toContain('252');
  });
  test('exactly these five', () => {
    expect(errors()).toHaveLength(5);
  });
});

describe('excel-damage', () => {
  test('an NIP in scientific notation and one that lost a digit, in a comma and a semicolon file', () => {
    const r = reportOf('excel-damage');
    expect(r.errors).toContainEqual(
      expect.objectContaining({ region: 'uji', file: 'kinerja_pegawai.csv', row: 2, column: 'nip', code: 'excel-damage' }),
    );
    expect(r.errors).toContainEqual(
      expect.objectContaining({ region: 'uji', file: 'kinerja_pegawai.csv', row: 3, column: 'nip', code: 'excel-damage' }),
    );
    expect(r.errors).toContainEqual(
      expect.objectContaining({ region: 'uji-titik-koma', file: 'kinerja_pegawai.csv', row: 2, column: 'nip', code: 'excel-damage' }),
    );
    expect(r.errors).toHaveLength(3); // the third row's 18-digit NIP is fine
  });
  test('the message gives the fix: format the column as Text', () => {
    const e = reportOf('excel-damage').errors[0];
    expect(e.message_id).toContain('Teks');
    expect(e.message_en).toContain('Text');
  });
});

describe('the export folder itself', () => {
  test('a data folder that does not exist is an error, not a crash', async () => {
    const r = await validateExport('test/fixtures/tidak-ada');
    expect(r.ok).toBe(false);
    expect(r.errors).toEqual([expect.objectContaining({ code: 'constraint-error', file: 'test/fixtures/tidak-ada' })]);
  });
});
