/** src/publish: the CSV writer's safety for Excel, and the privacy gate on its own. */
import { writeFileSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { createHash, randomBytes } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import { Zip, ZipDeflate, zipSync } from 'fflate';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { csvHeader, csvLine } from '../../src/publish/csv.ts';
import { TABLES } from '../../src/contract/published.ts';
import { csvCell } from '../../src/charts/csv-text.ts';
import {
  NIP_LIKE,
  PieceFinder,
  findInBytes,
  isMeaningfulPrivate,
  meaningfulView,
  overlapOf,
  readChecked,
  scanForLeaks,
  type PieceMemory,
} from '../../src/publish/privacy-gate.ts';
import { withDuckDb } from '../../src/publish/parquet.ts';
import { pieceCutter } from '../../src/publish/text-pieces.ts';
import { publishTables } from '../../src/publish/tables.ts';
import { deriveTables } from '../../src/derive/tables.ts';
import { validateExport } from '../../src/validate/export.ts';
import { PrivateSearch } from '../../src/validate/private-search.ts';
import { PrivateValues } from '../../src/validate/private-values.ts';
import { pack } from '../../src/validate/fast/packed.ts';
import { anchorCodes } from '../../src/validate/private-anchor.ts';
import { PARTITION_DIR, PARTITION_MANIFEST, type PartitionManifest } from '../../src/queries/partitions.ts';
import { tempDirEach } from '../support/temp-dir.ts';

describe('csvCell (RFC 4180, safe to open in Excel)', () => {
  test('text that Excel would run as a formula gets a leading apostrophe', () => {
    expect(csvCell('=SUM(A1)')).toBe("'=SUM(A1)");
    expect(csvCell('+62 812')).toBe("'+62 812");
    expect(csvCell('-5 hari')).toBe("'-5 hari");
    expect(csvCell('@kinerja')).toBe("'@kinerja");
  });

  test('numbers are numbers, negative ones included; empty is empty', () => {
    expect(csvCell(-5)).toBe('-5');
    expect(csvCell(91.48)).toBe('91.48');
    expect(csvCell(0)).toBe('0');
    expect(csvCell(null)).toBe('');
    expect(csvCell('')).toBe('');
  });

  test('commas, quotes and line breaks are quoted, quotes doubled', () => {
    expect(csvCell('Kota Alfa, Papua')).toBe('"Kota Alfa, Papua"');
    expect(csvCell('Layanan "Prima"')).toBe('"Layanan ""Prima"""');
    expect(csvCell('baris\nbaru')).toBe('"baris\nbaru"');
    expect(csvCell('=HYPERLINK("x","y")')).toBe('"\'=HYPERLINK(""x"",""y"")"');
  });

  test('ordinary text and a formula sign inside are untouched', () => {
    expect(csvCell('KTP-el')).toBe('KTP-el');
    expect(csvCell('Rata-rata = 5')).toBe('Rata-rata = 5');
    expect(csvCell('≥60')).toBe('≥60');
  });

  test('a line ends with CRLF', () => {
    expect(csvLine(['alpha', 1, null, '=1+1'])).toBe("alpha,1,,'=1+1\r\n");
  });
});

describe('NIP_LIKE', () => {
  test('an NIP, compact or printed with spaces', () => {
    expect(NIP_LIKE.test('198601012010011001')).toBe(true);
    expect(NIP_LIKE.test('nip 19860101 201001 1 001.')).toBe(true);
  });
  test('any birth year, and dots or dashes between the groups (contract 1.1)', () => {
    expect(NIP_LIKE.test('200001012020011001')).toBe(true);
    expect(NIP_LIKE.test('20000101.202001.1.001')).toBe(true);
    expect(NIP_LIKE.test('19451231-197001-2-001')).toBe(true);
  });
  test('not a longer number, not a date or count', () => {
    expect(NIP_LIKE.test('1986010120100110011')).toBe(false);
    expect(NIP_LIKE.test('2025-01-15,29,91.48')).toBe(false);
    expect(NIP_LIKE.test('998601012010011001')).toBe(false);
  });
});

describe('isMeaningfulPrivate', () => {
  test('short and purely numeric values are dropped (they would match counts by chance)', () => {
    expect(['Ana', '1234', '198601012010011001', 'Pegawai Uji 001', 'RSP-0001'].filter(isMeaningfulPrivate)).toEqual([
      '198601012010011001',
      'Pegawai Uji 001',
      'RSP-0001',
    ]);
  });
  test('the contract\'s own words are not private: a saran "Sangat Baik", an uraian "waktu"', () => {
    expect(['Sangat Baik', 'Baik', 'Kurang Baik', 'waktu', 'lainnya', 'tidak', 'Pelayanan lambat'].filter(isMeaningfulPrivate)).toEqual([
      'Pelayanan lambat',
    ]);
  });
});

describe('scanForLeaks', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'kt-gate-'));
    await mkdir(join(dir, 'data'));
    await writeFile(join(dir, 'data', 'unit.csv'), 'kode_wilayah,kode_unit,nama_unit\r\nalpha,U01,Dinas Kependudukan\r\n');
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  test('a clean folder has no leak', async () => {
    expect(await scanForLeaks(dir, new Set(['Pegawai Uji 001']))).toEqual([]);
  });

  test('an NIP planted in a page is found, in any text file', async () => {
    await writeFile(join(dir, 'index.html'), '<p>Kepala dinas: 19860101 201001 1 001</p>');
    expect(await scanForLeaks(dir, new Set())).toEqual([{ file: 'index.html', what: expect.stringContaining('NIP') }]);
  });

  test('a private value as a published cell is found, also behind the formula apostrophe', async () => {
    await writeFile(join(dir, 'data', 'iku.csv'), "kode_unit,sasaran\r\nU01,Pegawai Uji 001\r\nU02,'-Pegawai Uji 002\r\n");
    const leaks = await scanForLeaks(dir, new Set(['Pegawai Uji 001', '-Pegawai Uji 002']));
    expect(leaks).toEqual([
      { file: join('data', 'iku.csv'), what: expect.stringContaining('row 2') },
      { file: join('data', 'iku.csv'), what: expect.stringContaining('row 3') },
    ]);
  });
});

describe('scanForLeaks: a long CSV in pieces reads its cells as a whole reading does', () => {
  const tmp = tempDirEach('kt-gate-csvpieces-');
  // A short value without a letter: the whole-cell check alone finds it (the text search passes it over).
  const values = new Set(['2025-0001']);
  const leaksOf = async (text: string) => {
    await writeFile(join(tmp.dir, 'lain.csv'), text);
    return [await scanForLeaks(tmp.dir, values), await scanForLeaks(tmp.dir, values, { pieceBytes: 500 })];
  };

  test('a later piece full of semicolons is still cut at the first piece’s commas', async () => {
    const rows = ['kode,teks', ...Array.from({ length: 40 }, (_, i) => `${i},catatan biasa`)];
    rows.push(...Array.from({ length: 40 }, (_, i) => `${40 + i},jam; senin; selasa; rabu`), '99,2025-0001');
    const [whole, pieces] = await leaksOf(rows.join('\r\n') + '\r\n');
    expect(whole).toEqual([{ file: 'lain.csv', what: expect.stringContaining('row 82') }]);
    expect(pieces).toEqual(whole);
  });
  test('a stray quote in an unquoted cell: the rest is read whole, the same rows found', async () => {
    const rows = ['kode,teks', '1,layar 5" lebar', ...Array.from({ length: 80 }, (_, i) => `${i + 2},"baris\ndua"`), '99,2025-0001'];
    const [whole, pieces] = await leaksOf(rows.join('\r\n') + '\r\n');
    expect(whole).toEqual([{ file: 'lain.csv', what: expect.stringContaining('row 83') }]);
    expect(pieces).toEqual(whole);
  });
});

describe('PrivateSearch: private values inside text (contract 1.1 §5)', () => {
  const search = PrivateSearch.of([
    'Budi Santoso',
    'Budi',
    'Ani',
    'RSP-0001',
    'Petugas meminta uang tambahan',
    '198601012010011001',
    '2025',
    '1234.5',
    'Sangat Baik',
    'Şahin',
    'İnah',
  ]);
  const found = (text: string) => search.find(text) !== null;
  test('a name as whole words, ignoring case; a short value not inside a longer word', () => {
    expect(found('Kelurahan BUDI SANTOSO')).toBe(true);
    expect(found('Kepala: Budi.')).toBe(true);
    expect(found('Puskesmas Budiman')).toBe(false);
    expect(found('Kelurahan Budi\n   Santoso')).toBe(true);
    // A short value at the text's very end, after a letter beyond ASCII (no word start) or after a dash (one).
    expect(found('Kepala Budi')).toBe(true);
    expect(found('éBudi')).toBe(false);
    expect(found('—Budi')).toBe(true);
    // Short values beyond ASCII, one that grows when lower-cased (İ: i and a combining dot).
    expect(found('Kepala Şahin.')).toBe(true);
    expect(found('ibu İnah')).toBe(true);
    expect(found('ibu İnahwati')).toBe(false);
    // Any one whitespace character between words reads as a space, as a run of them does.
    for (const space of ['\t', '\n', '\r', '\u00a0', '\u2003'])
      expect(found(`Kelurahan Budi${space}Santoso`), JSON.stringify(space)).toBe(true);
  });
  test('long values anywhere; an NIP in any written form', () => {
    expect(found('(catatan: petugas meminta uang tambahanx)')).toBe(true);
    expect(found('nip 1986-0101-2010-0110-01')).toBe(true);
    expect(found('nip 198.601.012.010.011.001')).toBe(true);
  });
  test("not looked for (the minimum lengths): 3 characters, short values without a letter, the contract's words", () => {
    expect(found('Kelurahan Ani')).toBe(false);
    expect(found('tahun 2025, target 1234.5')).toBe(false);
    expect(found('IKM Sangat Baik')).toBe(false);
  });
  test('many values sharing a prefix, one pass over the text', () => {
    const ids = Array.from({ length: 200_000 }, (_, i) => `MLF-2023-${String(i).padStart(7, '0')}`);
    const many = PrivateSearch.of(ids);
    const page = 'Responden MLF-2023 bulan 2023-01: 4, 3, 2. '.repeat(20_000);
    expect(many.find(page)).toBeNull();
    expect(many.find(page + ' MLF-2023-0165432')).not.toBeNull();
  });
  test('a value given by thousands is filed once', () => {
    const saran = Array.from({ length: 100_000 }, (_, i) => (i % 2 ? 'Mohon perbaiki antrian pelayanan' : 'Terima kasih atas pelayanan'));
    const search = PrivateSearch.of(saran);
    expect(search.share().long.rows.length).toBe(2 * 4);
    expect(search.find('kami mohon perbaiki antrian pelayanan di loket')).toEqual({ kind: 'text', at: 5 });
  });

  test('many values ending alike (one anchor, one bucket): the one in the text is found where it starts, no near one', () => {
    const saran = Array.from({ length: 5_000 }, (_, i) => `Keluhan nomor ${i} tentang pelayanan loket`);
    const search = PrivateSearch.of([...saran, 'Ani Rahmat']);
    // Its tables sent to another thread are the same memory: the search made there answers the same.
    const copy = PrivateSearch.from(structuredClone(search.share()));
    const [mine, theirs] = [search.share().long.rows, copy.share().long.rows];
    mine[0] ^= 1;
    expect(theirs[0]).toBe(mine[0]);
    mine[0] ^= 1;
    for (const s of [search, copy]) {
      expect(s.find('ada KELUHAN NOMOR 4321 tentang pelayanan loket kemarin')).toEqual({ kind: 'text', at: 4 });
      expect(s.find('keluhan nomor 5000 tentang pelayanan loket')).toBeNull();
      expect(s.find('eluhan nomor 12 tentang pelayanan loket')).toBeNull();
      // Ten characters: as whole words.
      expect(s.find('oleh Ani Rahmat.')).toEqual({ kind: 'text', at: 5 });
      expect(s.find('Ani Rahmatullah')).toBeNull();
      expect(s.find('Hani Rahmat')).toBeNull();
    }
  });
  test('a search for given texts alone finds in them what the whole search finds, and files no value it cannot find there', () => {
    const ids = Array.from({ length: 50_000 }, (_, i) => `SKL-${String(i).padStart(9, '0')}`);
    const values = [...ids, 'Budi Santoso', 'Budi', 'Petugas meminta uang tambahan', 'Kantor  Camat\u00a0Maulafa', '198601012010011001'];
    const texts = [
      'Kelurahan BUDI SANTOSO',
      'Puskesmas Budiman',
      'layanan skl-000012345 cepat',
      'kantor camat maulafa',
      'nip 1986-0101-2010-0110-01',
      'Dinas Kesehatan',
      'SKL-0000123',
    ];
    const whole = PrivateSearch.of(values);
    const limited = PrivateSearch.of(values, texts);
    for (const t of texts) expect(limited.find(t), t).toEqual(whole.find(t));
    expect(texts.map((t) => whole.find(t) !== null)).toEqual([true, false, true, true, true, false, false]);
    expect(PrivateSearch.of(ids, ['Dinas Kesehatan', 'SKL-0000123']).empty).toBe(true);
    expect(PrivateSearch.of(ids).empty).toBe(false);
  });
  test('values given packed, with the anchor codes a slice worker works out or without, are filed as one by one', () => {
    const values = [
      ...Array.from({ length: 2_000 }, (_, i) => `SKL-${String(i).padStart(9, '0')}`),
      ...['Budi Santoso', 'Budi', 'Ani', '2023-01-02', '12345678', '123456789012', 'Kantor  Camat\u00a0Maulafa', ' Petugas Loket '],
      // NIPs: plain, with spaces around (filed trimmed), 18 characters not all digits, and one no NIP-like pattern catches
      ...['198601012010011001', ' 197001011995031002 ', '19860101201001100X', '123456789012345678'],
      ...['İSTANBUL ŞAHİN', 'Mohon loket dibuka lebih pagi.', 'sangat baik', 'LAY-A', ''],
    ];
    const texts = [
      'Kelurahan BUDI SANTOSO',
      'Puskesmas Budiman',
      'layanan skl-000001234 cepat',
      'kantor camat maulafa',
      'nip 1986-0101-2010-0110-01 dan 1970 0101 1995 0310 02',
      'kode 19860101201001100x',
      'nomor 123456789012345678 di sini',
      'istanbul şahin',
      'mohon loket dibuka lebih pagi. petugas loket',
      'Dinas Kesehatan',
    ];
    const packed = (codes: boolean) => {
      const pv = new PrivateValues();
      const p = pack(values);
      return pv.addAll(p, codes ? anchorCodes(p.text, p.ends) : undefined);
    };
    for (const within of [undefined, texts]) {
      const one = PrivateSearch.of(values, within);
      for (const codes of [false, true]) {
        const search = PrivateSearch.of(packed(codes), within);
        expect(search.empty).toBe(one.empty);
        for (const t of texts) expect(search.find(t), `${t} ${codes}`).toEqual(one.find(t));
      }
    }
    expect(texts.map((t) => PrivateSearch.of(values).find(t) !== null)).toEqual([
      true,
      false,
      true,
      true,
      true,
      true,
      true,
      false,
      true,
      false,
    ]);
    // An NIP among packed values alone still makes the search not empty.
    expect(PrivateSearch.of(new PrivateValues().addAll(pack(['123456789012345678'])), ['x']).empty).toBe(false);
  });
});

describe('scanForLeaks: private values inside staged text (contract 1.1)', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'kt-gate-text-'));
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });
  const names = new Set(["Ma'ruf Santoso", 'Mohon loket dibuka lebih pagi', 'RSP-0501']);

  test('inside an HTML page, behind entities', async () => {
    await writeFile(join(dir, 'index.html'), '<h1>Kelurahan Ma&#39;ruf Santoso</h1>');
    expect(await scanForLeaks(dir, names)).toEqual([
      { file: 'index.html', what: expect.stringContaining('private value inside the text') },
    ]);
  });
  test('inside a JSON string with escapes, and an NIP of 2000 with dots in a script', async () => {
    await writeFile(join(dir, 'a.json'), '{"t":"Saran: \\u004Dohon loket dibuka lebih pagi!"}');
    await writeFile(join(dir, 'b.js'), 'const x = "20000101.202001.1.001";');
    expect(await scanForLeaks(dir, names)).toEqual([
      { file: 'a.json', what: expect.stringContaining('private value') },
      { file: 'b.js', what: expect.stringContaining('NIP') },
    ]);
  });
  test('inside a CSV cell (not the whole cell), and in a gzip file of the search index', async () => {
    await writeFile(join(dir, 'lain.csv'), 'a,b\r\n1,"Tindak lanjut rsp-0501 ""segera"""\r\n');
    await mkdir(join(dir, 'pagefind'));
    await writeFile(join(dir, 'pagefind', 'x.pf_fragment'), gzipSync(Buffer.from('pagefind_dcd{"content":"Kelurahan Ma\'ruf Santoso"}')));
    expect((await scanForLeaks(dir, names)).map((l) => l.file)).toEqual(['lain.csv', join('pagefind', 'x.pf_fragment')]);
  });
  test('inside a Parquet file, through its data (compressed, its bytes hold no text)', async () => {
    const path = join(dir, 'unit.parquet');
    await withDuckDb((run) =>
      run(
        `COPY (SELECT 'alpha' AS kode_wilayah, 'Kelurahan Ma''ruf Santoso' AS nama_unit) TO '${path}' (FORMAT parquet, COMPRESSION zstd)`,
      ),
    );
    expect(await scanForLeaks(dir, names)).toEqual([
      { file: 'unit.parquet', what: expect.stringContaining('private value inside the text in column nama_unit') },
    ]);
  });
  test('a clean folder, a word that only begins like a name: no leak', async () => {
    await writeFile(join(dir, 'index.html'), '<p>Kelurahan Ma&#39;ruf, Santoso Jaya; RSP-05012</p>');
    expect(await scanForLeaks(dir, names)).toEqual([]);
  });

  test('the private-in-public fixture, published anyway: its CSV and its Parquet files are refused', async () => {
    const validated = await validateExport('test/fixtures/errors/private-in-public');
    const tables = deriveTables(validated.regions, { threshold: 10 });
    await mkdir(join(dir, 'data'));
    await publishTables(tables, validated.regions, join(dir, 'data'), '2026-01-01', { ambang_kelompok: 10 });
    const gate = () => scanForLeaks(dir, meaningfulView(validated.privateValues));
    const leaking = ['capaian_iku', 'ketepatan_layanan', 'unit', 'wilayah'];
    // The region files of the split tables carry the same cells, and are refused the same way.
    const manifest = JSON.parse(await readFile(join(dir, 'data', PARTITION_MANIFEST), 'utf8')) as PartitionManifest;
    const parts = leaking.flatMap((t) => (manifest.tabel[t] ?? []).map((f) => f.path));
    expect(parts.length).toBeGreaterThanOrEqual(3);
    expect((await gate()).map((l) => l.file).sort()).toEqual(
      [...leaking.flatMap((t) => [`${t}.csv`, `${t}.parquet`]), 'datapackage.json', ...parts].map((f) => join('data', f)).sort(),
    );
    await rm(join(dir, 'data', PARTITION_DIR), { recursive: true });
    for (const f of await readdir(join(dir, 'data'))) if (f.endsWith('.csv') || f.endsWith('.json')) await rm(join(dir, 'data', f));
    expect((await gate()).map((l) => l.file).sort()).toEqual(leaking.map((t) => join('data', `${t}.parquet`)).sort());
  });
});

describe('scanForLeaks: texts longer than a string can hold, read in overlapping pieces', () => {
  const tmp = tempDirEach('kt-gate-pieces-');
  const names = new Set(["Ma'ruf Santoso", 'Mohon loket dibuka lebih pagi', 'RSP-0501']);
  const search = PrivateSearch.of(names);
  const piece = 100_000;
  // Filler with 2- and 4-byte characters and entities, so that cuts fall inside characters and escapes.
  const filler = (bytes: number) => {
    const unit = '<p>Pelayanan prima é &amp; 𝔸 &#233; ramah</p>\n';
    return Buffer.from(unit.repeat(Math.ceil(bytes / Buffer.byteLength(unit)))).subarray(0, bytes);
  };
  const cleanAt = (buf: Buffer, at: number) => {
    let i = at; // a character's first byte: the value is put between characters
    while ((buf[i] & 0xc0) === 0x80) i++;
    return i;
  };
  const withValue = (written: string, at: number, size = 2 * piece + 50_000) => {
    const base = filler(size);
    const i = cleanAt(base, at);
    return Buffer.concat([base.subarray(0, i), Buffer.from(` ${written} `), base.subarray(i)]);
  };

  test('a value across a cut is found, wherever the cut falls in it, behind an entity too', () => {
    expect(overlapOf(search)).toBeGreaterThanOrEqual(64 * 1024);
    // Cuts a few bytes past every 20,000 (one hash bit): values put there straddle them.
    const sizes = { min: 20_000, bits: 1 };
    let across = 0;
    for (const at of [20_000, 40_000, 60_000])
      for (const d of [-40, -25, -13, -7, -3, -1, 0, 1, 5]) {
        for (const written of ['Ma&#39;ruf Santoso', 'Mohon loket dibuka lebih pagi', '19850312 201001 1 002']) {
          const bytes = withValue(written, at + d);
          const start = bytes.indexOf(` ${written} `) + 1;
          if (
            pieceCutter(piece, sizes)
              .push(bytes)
              .some((cut) => cut > start && cut < start + written.length)
          )
            across++;
          const finder = new PieceFinder(search, piece, undefined, sizes);
          finder.push(bytes);
          const found = finder.end();
          expect(found, `${written} at ${at}${d}`).not.toBeNull();
          expect(found!.pieceFrom).toBeDefined();
        }
      }
    // Most of them do straddle a cut (else this test would not test cuts).
    expect(across).toBeGreaterThan(40);
  });
  test('a piece is known by the bytes it was searched in: the same are not read again, any change near it reads it', () => {
    // Hardly a natural cut (one hash bit pattern in 65,536): the filler repeats, so cuts are forced, at the most a piece holds.
    const big = 4 * piece;
    const sizes = { min: 20_000, bits: 16 };
    const clean = new Set<string>();
    const memory: PieceMemory = { passed: (p) => clean.has(p), clean: (p) => void clean.add(p) };
    const read = (bytes: Buffer, with_: PieceMemory | undefined = memory) => {
      const finder = new PieceFinder(search, big, with_, sizes);
      finder.push(bytes);
      return { found: finder.end(), skipped: finder.skipped };
    };
    const long = filler(3 * big);
    const cuts = pieceCutter(big, sizes).push(long);
    const overlap = overlapOf(search);
    expect(cuts.length).toBeGreaterThanOrEqual(2);
    const [a, b] = cuts;
    expect(b - a).toBeGreaterThan(overlap + 10_000);
    expect(read(long)).toEqual({ found: null, skipped: 0 });
    expect(clean.size).toBe(cuts.length + 1);
    expect(read(long)).toEqual({ found: null, skipped: cuts.length + 1 });
    // A change inside the second piece, more than the overlap before its end: that piece alone is read again.
    const changed = Buffer.from(long);
    changed.write('<p>Pelayanan baik &amp; ramah!</p>', a + 5000);
    expect(pieceCutter(big, sizes).push(changed)).toEqual(cuts);
    expect(read(changed)).toEqual({ found: null, skipped: cuts.length });
    // A value across the next cut: the piece before holds its head, the piece after reads it whole in its overlap.
    const across = Buffer.from(changed);
    across.write(' Mohon loket dibuka lebih pagi ', b - 12);
    expect(pieceCutter(big, sizes).push(across)).toEqual(cuts);
    expect(read(across).found).not.toBeNull();
    // A change in the overlap before a known piece changes how that piece reads (a run of backslashes
    // decides whether the one before "u004d" starts an escape): the piece is read again, and the value found.
    const run = (flip: boolean) => {
      const text = Buffer.concat([Buffer.alloc(b + overlap + 2_001, '\\'), Buffer.from('u004dohon loket dibuka lebih pagi '), filler(big)]);
      if (flip) text[b - overlap + 100] = 0x78; // an "x" in the run: the backslashes after it are one fewer, an even run
      return text;
    };
    expect(pieceCutter(big, sizes).push(run(true))).toEqual(pieceCutter(big, sizes).push(run(false)));
    expect(read(run(false), undefined).found).not.toBeNull();
    expect(read(run(true), undefined).found).toBeNull();
    expect(read(run(true)).found).toBeNull();
    expect(read(run(false)).found).not.toBeNull();
  });
  test('a long clean text, cut inside characters and entities: nothing found', () => {
    expect(findInBytes(search, filler(3 * piece + 17), piece)).toBeNull();
    expect(findInBytes(search, filler(70_000), 1_000)).toBeNull();
  });
  test('the gate says which part of a long page holds the value', async () => {
    await writeFile(join(tmp.dir, 'index.html'), withValue('Mohon loket dibuka lebih pagi', 2 * piece - 10));
    const [leak] = await scanForLeaks(tmp.dir, names, { pieceBytes: piece });
    expect(leak.file).toBe('index.html');
    expect(leak.what).toMatch(
      /^nilai privat di dalam teks di karakter \d+ dari teks yang dibaca mulai bita \d+ \/ .* at character \d+ of the text read from byte \d+$/,
    );
    // The same file read whole (as the default piece of 64 MiB does): one offset, no part.
    expect((await scanForLeaks(tmp.dir, names))[0].what).toMatch(/teks di posisi \d+ \/ a private value inside the text at offset \d+$/);
  });
  test('a text pushed a chunk at a time (a zip entry as it is inflated) is searched in the same pieces, with the same answer', () => {
    const chunked = (bytes: Buffer, sizes: number[]) => {
      const finder = new PieceFinder(search, piece);
      for (let at = 0, i = 0; at < bytes.length; at += sizes[i++ % sizes.length])
        finder.push(bytes.subarray(at, at + sizes[i % sizes.length]));
      return finder.end();
    };
    for (const sizes of [[1 << 20], [7_919, 65_536, 3], [piece], [piece + 1, piece - 1]]) {
      for (const cut of [piece, 2 * piece])
        for (const d of [-13, -1, 0, 5]) {
          const bytes = withValue('Mohon loket dibuka lebih pagi', cut + d);
          expect(chunked(bytes, sizes), `${sizes} at ${cut}${d}`).toEqual(findInBytes(search, bytes, piece));
        }
      expect(chunked(filler(3 * piece + 17), sizes)).toBeNull();
    }
  });
  test("a long entry of a zip (an Excel sheet's XML) is read as it is inflated: found where it is, passed over where read clean before", async () => {
    const sheet = (value: string | null) => {
      const base = filler(3 * piece);
      return value === null ? base : withValue(value, 2 * piece + 7);
    };
    // A fixed time in each entry's header: zipSync's default (now, to 2 s) made two zips of the
    // same entries differ when made either side of a tick.
    const xlsx = (value: string | null) =>
      zipSync(
        {
          '[Content_Types].xml': Buffer.from('<Types/>'),
          'xl/worksheets/sheet1.xml': sheet(value),
          'xl/workbook.xml': Buffer.from('<workbook/>'),
        },
        { mtime: '2026-01-01' },
      );
    await mkdir(join(tmp.dir, 'data', 'rilis', 'r1'), { recursive: true });
    await writeFile(join(tmp.dir, 'data', 'a.xlsx'), xlsx(null));
    await writeFile(join(tmp.dir, 'data', 'rilis', 'r1', 'a.xlsx'), xlsx(null));
    const contents: string[] = [];
    expect(await scanForLeaks(tmp.dir, names, { pieceBytes: piece, onClean: (owner, seen) => contents.push(`${owner} ${seen}`) })).toEqual(
      [],
    );
    // Each file's three contents in the zip's order, the long sheet known by the zip's bytes and its name, found
    // clean for both files: the copy's sheet is not read again.
    const text = (b: Buffer | string) => `text:${createHash('sha256').update(b).digest('hex')}`;
    const sheetKey = (zip: Uint8Array) => `zip:${createHash('sha256').update(zip).digest('hex')}!/xl/worksheets/sheet1.xml`;
    const three = [text('<Types/>'), sheetKey(xlsx(null)), text('<workbook/>')];
    // The sheet's pieces, as it was read: where its bytes say it is cut.
    const bytes = sheet(null);
    const ends = [...pieceCutter(piece).push(bytes), bytes.length];
    expect(ends.length).toBeGreaterThan(3);
    // Each piece known by the bytes it was searched in (from the overlap before it): one for each piece, all different.
    const pieces = contents.slice(1, 1 + ends.length);
    expect(new Set(pieces).size).toBe(ends.length);
    for (const p of pieces) expect(p).toMatch(/^data\/a\.xlsx piece:[0-9a-f]{64}$/);
    expect(pieces[0]).toBe(`data/a.xlsx piece:${createHash('sha256').update(bytes.subarray(0, ends[0])).digest('hex')}`);
    expect(contents).toEqual([
      `data/a.xlsx ${three[0]}`,
      ...pieces,
      ...three.slice(1).map((c) => `data/a.xlsx ${c}`),
      ...three.map((c) => `data/rilis/r1/a.xlsx ${c}`),
    ]);
    await writeFile(join(tmp.dir, 'data', 'a.xlsx'), xlsx('Mohon loket dibuka lebih pagi'));
    const [leak, ...more] = await scanForLeaks(tmp.dir, names, { pieceBytes: piece });
    expect(more).toEqual([]);
    expect(leak.file).toBe(join('data', 'a.xlsx!', 'xl', 'worksheets', 'sheet1.xml'));
    // The piece that holds it was read from `overlap` before its cut (a cut within a piece's length before the value).
    const from = Number(/dari teks yang dibaca mulai bita (\d+)/.exec(leak.what)?.[1]);
    expect(from).toBeLessThanOrEqual(2 * piece + 7);
    expect(from).toBeGreaterThanOrEqual(2 * piece + 7 - piece - overlapOf(search));
    // Passed before (the memory of an earlier build, which trusts it only while no private value changed): not read.
    const leaking = sheetKey(await readFile(join(tmp.dir, 'data', 'a.xlsx')));
    expect(await scanForLeaks(tmp.dir, names, { pieceBytes: piece, passedBefore: (seen) => seen === leaking })).toEqual([]);
    // Two long sheets in one zip, read in one pass: the value in the second is found there.
    await writeFile(
      join(tmp.dir, 'data', 'a.xlsx'),
      zipSync({ 'xl/worksheets/sheet1.xml': sheet(null), 'xl/worksheets/sheet2.xml': sheet('Mohon loket dibuka lebih pagi') }),
    );
    expect((await scanForLeaks(tmp.dir, names, { pieceBytes: piece })).map((l) => l.file)).toEqual([
      join('data', 'a.xlsx!', 'xl', 'worksheets', 'sheet2.xml'),
    ]);
    await writeFile(join(tmp.dir, 'data', 'a.xlsx'), xlsx('Mohon loket dibuka lebih pagi'));
    // Read whole (the default piece), the same entry is refused too.
    expect((await scanForLeaks(tmp.dir, names)).map((l) => l.file)).toEqual([leak.file]);
  });
  test('a zip longer than a piece is read through its file handle: the same leak, the same contents clean; one changed while read is refused', async () => {
    // Stored, not deflated: the zip is longer than its sheet, so longer than a piece.
    const stored = (value: string | null) =>
      zipSync(
        {
          'xl/worksheets/sheet1.xml': value === null ? filler(3 * piece) : withValue(value, 2 * piece + 7),
          'xl/workbook.xml': Buffer.from('<workbook/>'),
        },
        { mtime: '2026-01-01', level: 0 },
      );
    const path = join(tmp.dir, 'data', 'a.xlsx');
    await mkdir(join(tmp.dir, 'data'), { recursive: true });
    await writeFile(path, stored('Mohon loket dibuka lebih pagi'));
    expect(stored(null).length).toBeGreaterThan(3 * piece);
    const read: string[] = [];
    const [leak, ...more] = await scanForLeaks(tmp.dir, names, { pieceBytes: piece, onRead: (file, hash) => read.push(`${file} ${hash}`) });
    expect(more).toEqual([]);
    expect(leak.file).toBe(join('data', 'a.xlsx!', 'xl', 'worksheets', 'sheet1.xml'));
    expect(read).toEqual([`data/a.xlsx ${createHash('sha256').update(stored('Mohon loket dibuka lebih pagi')).digest('hex')}`]);
    await writeFile(path, stored(null));
    const clean = async (pieceBytes: number) => {
      const contents: string[] = [];
      expect(await scanForLeaks(tmp.dir, names, { pieceBytes, onClean: (owner, seen) => contents.push(`${owner} ${seen}`) })).toEqual([]);
      return contents.filter((c) => !c.includes(' piece:'));
    };
    // Read on disk, the zip's contents are known as one held is: the long sheet by the zip's bytes and its name.
    const sha = (b: Uint8Array | string) => createHash('sha256').update(b).digest('hex');
    expect(await clean(piece)).toEqual([
      `data/a.xlsx zip:${sha(stored(null))}!/xl/worksheets/sheet1.xml`,
      `data/a.xlsx text:${sha('<workbook/>')}`,
    ]);
    // A zip rewritten between its first reading (its hash) and the last: the gate stops, vouching for neither.
    const rewrite = (file: string) => void (file === 'data/a.xlsx' && writeFileSync(path, stored('bersih lagi')));
    await expect(scanForLeaks(tmp.dir, names, { pieceBytes: piece, onRead: rewrite })).rejects.toThrow(/changed while it was read/);
    // Damaged (its central directory cut off): not published, as a damaged zip held whole is not.
    const whole = stored(null);
    await writeFile(path, whole.subarray(0, whole.length - 40));
    const [damaged, ...others] = await scanForLeaks(tmp.dir, names, { pieceBytes: piece });
    expect(others).toEqual([]);
    expect(damaged).toMatchObject({ file: join('data', 'a.xlsx') });
    expect(damaged.what).toMatch(/a zip not readable whole is not published/);
  });
  test('a zip with a name twice, or damaged, is not published; gzip inside a long entry is read unpacked', async () => {
    const out: Uint8Array[] = [];
    const twice = new Zip((err, chunk) => {
      if (err) throw err;
      out.push(chunk);
    });
    for (const text of ['Mohon loket dibuka lebih pagi', 'bersih']) {
      const entry = new ZipDeflate('a.xml');
      twice.add(entry);
      entry.push(Buffer.from(text), true);
    }
    twice.end();
    await writeFile(join(tmp.dir, 'dua.zip'), Buffer.concat(out));
    const whole = zipSync({ 'a.xml': Buffer.from('bersih') });
    await writeFile(join(tmp.dir, 'rusak.zip'), whole.subarray(0, whole.length - 7));
    // Hex text compresses to about half: its gzip is longer than a piece, so the entry is long.
    const hex = randomBytes(150_000).toString('hex');
    await writeFile(join(tmp.dir, 'gz.zip'), zipSync({ 'x.json': gzipSync(`${hex} Mohon loket dibuka lebih pagi`) }, { level: 0 }));
    const leaks = await scanForLeaks(tmp.dir, names, { pieceBytes: piece });
    expect(leaks.map((l) => [l.file, l.what.split(' / ')[0]])).toEqual([
      ['dua.zip', expect.stringMatching(/^zip tidak terbaca utuh, tidak diterbitkan$/)],
      [join('gz.zip!', 'x.json'), expect.stringMatching(/^nilai privat di dalam teks/)],
      ['rusak.zip', expect.stringMatching(/^zip tidak terbaca utuh, tidak diterbitkan$/)],
    ]);
    expect(leaks[0].what).toContain('a name twice: a.xml');
  });
  test('a CSV longer than a piece is streamed, in the site and in a zip: the leaks and contents of reading it whole', async () => {
    const table = TABLES.find((t) => t.name === 'capaian_iku')!;
    const line = (i: number, sasaran: string) =>
      table.columns
        .map((c) =>
          c.name === 'kode_wilayah'
            ? 'alpha'
            : c.name === 'kode_unit'
              ? `U${i % 97}`
              : c.name === 'sasaran'
                ? sasaran
                : c.type === 'number'
                  ? String(i % 1000)
                  : '',
        )
        .join(',');
    // Past the fast reading's first block of 4 MiB, so that it reads the file in blocks of lines.
    const body = Array.from({ length: 70_000 }, (_, i) => line(i, `Sasaran layanan nomor ${i} untuk warga kota`));
    const file = (lines: string[]) => Buffer.from(csvHeader(table) + lines.join('\r\n') + '\r\n');
    const leaking = body.map((l, i) => (i === 3 || i === 61_000 ? line(i, 'RSP-0501') : l));
    // A line ending the fast reading does not read: the file is read again as any CSV.
    const bare = leaking.map((l, i) => (i === 65_000 ? `${l}\n${line(i, 'x')}` : l));
    const inText = body.map((l, i) => (i === 62_000 ? line(i, 'catatan mohon loket dibuka lebih pagi ya') : l));
    const cases: [string, Buffer][] = [
      ['clean', file(body)],
      ['cells', file(leaking)],
      ['bare', file(bare)],
      ['text', file(inText)],
    ];
    for (const [name, bytes] of cases) {
      await rm(tmp.dir, { recursive: true, force: true });
      await mkdir(join(tmp.dir, 'data', 'paket'), { recursive: true });
      await writeFile(join(tmp.dir, 'data', 'capaian_iku.csv'), bytes);
      await writeFile(join(tmp.dir, 'data', 'paket', 'x.zip'), zipSync({ 'capaian_iku.csv': [bytes, { level: 1 }] }));
      const read = async (pieceBytes?: number) => {
        // Whole files and zip entries (a text read in pieces also remembers its pieces: not compared).
        const contents: string[] = [];
        const onClean = (owner: string, c: string) => void (c.startsWith('piece:') || contents.push(`${owner} ${c}`));
        const leaks = await scanForLeaks(tmp.dir, names, { pieceBytes, onClean });
        return { leaks, contents };
      };
      const whole = await read();
      const streamed = await read(1_000_000);
      expect(bytes.length, name).toBeGreaterThan(5_000_000);
      if (name === 'text') {
        // A piece says where it starts: reading whole, the text has none. The same files, the same kind of leak.
        expect(streamed.leaks.map((l) => l.file)).toEqual(whole.leaks.map((l) => l.file));
        expect(streamed.leaks.map((l) => l.what.split(' / ')[1].split(' at ')[0])).toEqual([
          'a private value inside the text',
          'a private value inside the text',
        ]);
      } else expect(streamed, name).toEqual(whole);
    }
    // What reading them whole found: the rows of the leaking cells, once in the site and once in the zip.
    const rowsOf = async () =>
      (await scanForLeaks(tmp.dir, names, { pieceBytes: 1_000_000 })).map((l) => `${l.file} ${l.what.match(/row \d+/)?.[0]}`);
    await writeFile(join(tmp.dir, 'data', 'capaian_iku.csv'), file(bare));
    await writeFile(join(tmp.dir, 'data', 'paket', 'x.zip'), zipSync({ 'capaian_iku.csv': file(leaking) }));
    expect(await rowsOf()).toEqual([
      `${join('data', 'capaian_iku.csv')} row 5`,
      `${join('data', 'capaian_iku.csv')} row 61002`,
      `${join('data', 'paket', 'x.zip!', 'capaian_iku.csv')} row 5`,
      `${join('data', 'paket', 'x.zip!', 'capaian_iku.csv')} row 61002`,
    ]);
  });

  test('a long CSV read again must be the bytes hashed: one that changed between readings stops the gate', async () => {
    const bytes = [Buffer.from('a,b\r\n'), Buffer.from('1,2\r\n')];
    const sha = createHash('sha256').update(Buffer.concat(bytes)).digest('hex');
    let reads = 0;
    const chunks = async (take: (chunk: Uint8Array) => void) => {
      reads++;
      for (const b of bytes) take(b);
    };
    const taken: number[] = [];
    await readChecked(chunks, sha, 'data/x.csv', (c) => taken.push(c.length));
    expect([reads, taken]).toEqual([1, [5, 5]]);
    bytes[1] = Buffer.from('1,3\r\n');
    await expect(readChecked(chunks, sha, 'data/x.csv', () => {})).rejects.toThrow(
      'data/x.csv: berubah selagi dibaca / changed while it was read',
    );
  });

  test('a long CSV of any name is parsed a piece at a time, cut between records: the same rows as read whole', async () => {
    const rows = ['kode,teks'];
    for (let i = 0; i < 12_000; i++) rows.push(i % 3 === 0 ? `${i},"baris ""${i}""\nlanjut é 𝔸"` : `${i},layanan ${i} é`);
    rows.splice(4_321, 0, '', 'x,RSP-0501');
    rows.splice(9_876, 0, 'y,RSP-0501', 'z,RSP-0501', 'w,RSP-0501');
    await writeFile(join(tmp.dir, 'lain.csv'), rows.join('\r\n') + '\r\n');
    const whole = await scanForLeaks(tmp.dir, names);
    // Records as a CSV parser counts them: the blank line is skipped, a quoted line break is inside its row.
    expect(whole.map((l) => l.what)).toEqual([4322, 9876, 9877].map((r) => expect.stringContaining(`row ${r}`)));
    expect(await scanForLeaks(tmp.dir, names, { pieceBytes: 7_001 })).toEqual(whole);
  });
});
