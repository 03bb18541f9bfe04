/** What changed between two releases (src/release/changes.ts), on hand-made tables with hand-counted answers. */
import { createHash } from 'node:crypto';
import { releaseId } from '../../src/release/identity.ts';
import { describe, expect, it } from 'vitest';
import { compareReleases, revisionsCsv } from '../../src/release/changes.ts';
import { releaseSummary } from '../../src/release/summary.ts';
import type { TableName } from '../../src/contract/published.ts';

const ikmHeader = 'kode_wilayah,kode_unit,periode,responden,ikm,mutu';
const before: Partial<Record<TableName, string>> = {
  ikm_unit: `${ikmHeader}\r\nb,U1,2025-S1,30,80.5,B\r\nb,U2,2025-S1,40,70,C\r\nb,U3,2025-S1,12,90,A\r\n`,
  skm_responden: 'kode_wilayah,kode_unit,persyaratan\r\nb,U1,4\r\nb,U1,4\r\nb,U2,3\r\n',
};
const after: Partial<Record<TableName, string>> = {
  // U1 revised (ikm and mutu), U2 unchanged, U3 gone, U4 new
  ikm_unit: `${ikmHeader}\r\nb,U1,2025-S1,31,76.6,C\r\nb,U2,2025-S1,40,70,C\r\nb,U4,2025-S1,10,88.31,A\r\n`,
  // one of the two equal rows gone, one new row
  skm_responden: 'kode_wilayah,kode_unit,persyaratan\r\nb,U1,4\r\nb,U2,3\r\nb,U2,1\r\n',
};

describe('compareReleases', () => {
  const { tables, revisions } = compareReleases(
    (n) => before[n],
    (n) => after[n],
  );
  const byName = Object.fromEntries(tables.map((t) => [t.tabel, t]));

  it('counts rows added, removed and changed by the primary key', () => {
    expect(byName.ikm_unit).toEqual({ tabel: 'ikm_unit', baris: 3, ditambah: 1, dihapus: 1, diubah: 1 });
  });

  it('counts a table without a key as a multiset of rows', () => {
    expect(byName.skm_responden).toEqual({ tabel: 'skm_responden', baris: 3, ditambah: 1, dihapus: 1, diubah: 0 });
  });

  it('a table of the same bytes in both releases: no row added, removed or changed, its rows counted', () => {
    const same = compareReleases(
      (n) => after[n],
      (n) => after[n],
    ).tables;
    expect(same.find((t) => t.tabel === 'ikm_unit')).toEqual({ tabel: 'ikm_unit', baris: 3, ditambah: 0, dihapus: 0, diubah: 0 });
    expect(same.find((t) => t.tabel === 'skm_responden')).toEqual({ tabel: 'skm_responden', baris: 3, ditambah: 0, dihapus: 0, diubah: 0 });
  });

  it('lists each revised headline figure, old → new, and not the columns that are not headlines', () => {
    expect(revisions).toEqual([
      { tabel: 'ikm_unit', kode_wilayah: 'b', kode_unit: 'U1', kunci: '2025-S1', kolom: 'ikm', lama: '80.5', baru: '76.6' },
      { tabel: 'ikm_unit', kode_wilayah: 'b', kode_unit: 'U1', kunci: '2025-S1', kolom: 'mutu', lama: 'B', baru: 'C' },
    ]);
    expect(revisionsCsv(revisions)).toBe(
      'tabel,kode_wilayah,kode_unit,kunci,kolom,lama,baru\r\nikm_unit,b,U1,2025-S1,ikm,80.5,76.6\r\nikm_unit,b,U1,2025-S1,mutu,B,C\r\n',
    );
  });

  it('says it in words, with the counts it computed', () => {
    const meta = {
      id: '2026-02-01-00000002',
      nomor: 2,
      tanggal: '2026-02-02',
      data_hingga: '2026-01',
      sebelumnya: '2026-01-01-00000001',
      tabel: tables,
      revisi: revisions.length,
    };
    expect(releaseSummary(meta, 'id')).toBe(
      'Dibanding rilis 2026-01-01-00000001, 2 tabel berubah: ikm_unit (+1 ditambah, −1 dihapus, 1 diubah); skm_responden (+1 ditambah, −1 dihapus). 2 angka utama direvisi (IKM, capaian, predikat).',
    );
    expect(releaseSummary(meta, 'en')).toBe(
      'Compared with release 2026-01-01-00000001, 2 tables changed: ikm_unit (+1 added, −1 removed, 1 changed); skm_responden (+1 added, −1 removed). 2 headline figures revised (IKM, capaian, predikat).',
    );
    expect(releaseSummary({ ...meta, sebelumnya: null }, 'id')).toBe('Rilis pertama: 2 tabel, 6 baris.');
  });
});

describe('compareReleases by region files', () => {
  // Region b as above; region a the same in both releases; region c only before, region d only after.
  const a = { ikm_unit: `a,U1,2025-S1,50,81,B\r\n`, skm_responden: 'a,U1,4\r\na,U1,3\r\n' };
  const c = { ikm_unit: `c,U9,2025-S1,20,60,C\r\n`, skm_responden: 'c,U9,2\r\n' };
  const d = { ikm_unit: `d,U1,2025-S1,25,91,A\r\nd,U2,2025-S1,25,91,A\r\n`, skm_responden: 'd,U1,4\r\n' };
  const rowsOf = (text: string) => text.split('\r\n').slice(1, -1);
  const whole = (regions: Record<string, Partial<Record<TableName, string>>>) => (n: TableName) => {
    const b = regions.b[n];
    if (b === undefined) return undefined;
    const header = b.split('\r\n')[0];
    return `${header}\r\n${Object.keys(regions)
      .sort()
      .map((k) =>
        k === 'b'
          ? rowsOf(b)
              .map((r) => `${r}\r\n`)
              .join('')
          : (regions[k][n] ?? ''),
      )
      .join('')}`;
  };
  // A region's file: the header and its lines; an unchanged region's text must never be read.
  const parts = (regions: Record<string, Partial<Record<TableName, string>>>, unread: string[]) => (n: TableName) => {
    const text = whole(regions)(n);
    if (text === undefined) return null;
    const [header, ...lines] = text.split('\r\n').slice(0, -1);
    return Object.keys(regions)
      .sort()
      .map((kode) => {
        const mine = lines.filter((l) => l.startsWith(`${kode},`));
        const body = `${header}\r\n${mine.map((l) => `${l}\r\n`).join('')}`;
        return {
          kode,
          rows: mine.length,
          sha256: createHash('sha256').update(body).digest('hex'),
          text: () => {
            if (unread.includes(kode)) throw new Error(`${kode} read`);
            return body;
          },
        };
      });
  };
  const was = { a, b: before, c };
  const now = { a, b: after, d };

  it('gives the counts and revisions of the whole tables, without reading a region whose file did not change', () => {
    const wholeAnswer = compareReleases(whole(was), whole(now));
    // The tables given by region files are never read whole; the others the fixture lacks.
    const notWhole = (n: TableName) => {
      if (n in before) throw new Error(`${n} read whole`);
      return undefined;
    };
    const byParts = compareReleases(notWhole, notWhole, { previous: parts(was, ['a']), current: parts(now, ['a']) });
    expect(byParts).toEqual(wholeAnswer);
    expect(byParts.tables.find((t) => t.tabel === 'ikm_unit')).toEqual({ tabel: 'ikm_unit', baris: 6, ditambah: 3, dihapus: 2, diubah: 1 });
    expect(byParts.tables.find((t) => t.tabel === 'skm_responden')).toEqual({
      tabel: 'skm_responden',
      baris: 6,
      ditambah: 2,
      dihapus: 2,
      diubah: 0,
    });
    expect(byParts.revisions).toEqual(wholeAnswer.revisions);
    expect(byParts.revisions.length).toBe(2);
  });

  it('counts a table’s rows from its region files when there is nothing to compare with, never reading it whole', () => {
    // The fixture's tables are given by region files; the others it lacks.
    const readWhole = (n: TableName) => {
      if (n in before) throw new Error(`${n} read whole`);
      return undefined;
    };
    const noRegions = () => null;
    // A first release (no previous table) counts every row added, as the whole table's comparison does.
    const first = compareReleases(() => undefined, readWhole, { previous: noRegions, current: parts(now, Object.keys(now)) });
    expect(first).toEqual(compareReleases(() => undefined, whole(now)));
    expect(first.tables.find((t) => t.tabel === 'skm_responden')).toEqual({
      tabel: 'skm_responden',
      baris: 6,
      ditambah: 6,
      dihapus: 0,
      diubah: 0,
    });
    // The previous release's microdata not at hand: counted, not compared.
    const unknown = compareReleases(() => null, readWhole, { previous: noRegions, current: parts(now, Object.keys(now)) });
    expect(unknown).toEqual(compareReleases(() => null, whole(now)));
    expect(unknown.tables.find((t) => t.tabel === 'ikm_unit')).toEqual({
      tabel: 'ikm_unit',
      baris: 6,
      ditambah: null,
      dihapus: null,
      diubah: null,
    });
  });
});

describe('releaseId', () => {
  // The published tables, as datapackage.json lists them: sha256 of each CSV.
  let tables = ['kode_unit,nama_unit,jenis_unit\nU1,Satu,dinas\n'];
  const id = (settings = { ambang: 10 }) =>
    releaseId(
      '2026-01-15',
      tables.map((t) => `sha256:${createHash('sha256').update(t).digest('hex')}`),
      settings,
    );

  it('is the newest export date and a hash of the published tables: the same for the same bytes, new for any change', () => {
    const first = id();
    expect(first).toMatch(/^2026-01-15-[0-9a-f]{8}$/);
    expect(id()).toBe(first);
    expect(id({ ambang: 15 })).not.toBe(first);
    tables = ['kode_unit,nama_unit,jenis_unit\nU1,Satu,badan\n'];
    expect(id()).not.toBe(first);
  });
});
