/**
 * What changed between two releases, from their published CSVs alone (no input is read): per
 * table, rows added, removed and changed (matched by the table's primary key; a table without
 * one, the survey microdata, by whole rows), and every headline figure that was revised, old →
 * new. Pure: the archive reads the files, this compares them.
 */
import Papa from 'papaparse';
import { TABLES, type TableDef, type TableName } from '../contract/published.ts';

/** A published table, its name one of TableName's. */
type Table = TableDef<TableName>;

export interface TableChange {
  tabel: TableName;
  baris: number;
  /** null: not compared (the previous release's microdata were not at hand; see archive.ts NOT_ARCHIVED). */
  ditambah: number | null;
  dihapus: number | null;
  diubah: number | null;
}

/** One revised headline figure, as a row of `perubahan.csv`. */
export interface Revision {
  tabel: TableName;
  kode_wilayah: string;
  kode_unit: string;
  /** The rest of the row's key: a period, a year and indicator code. */
  kunci: string;
  kolom: string;
  lama: string;
  baru: string;
}

/**
 * The headline figures whose revisions are listed one by one (issue #11: IKM, capaian, predikat
 * counts). The region's IKM is one too: region pages, the home page and forum decks lead with it.
 */
export const HEADLINES: Partial<Record<TableName, readonly string[]>> = {
  ikm_unit: ['ikm', 'mutu'],
  ikm_wilayah: ['ikm', 'mutu'],
  capaian_iku: ['capaian', 'kategori'],
  predikat_unit: ['pegawai', 'sangat_baik', 'baik', 'butuh_perbaikan', 'kurang', 'sangat_kurang'],
};

/**
 * A revised figure's anchor on its release page (`#rev-ikm_unit-binjai-U01-2025-S2-ikm`), made
 * from the same cells the page's own figure is read from, so a page can link its mark there.
 */
export function revisionAnchor(r: Record<'tabel' | 'kode_wilayah' | 'kode_unit' | 'kunci' | 'kolom', string>): string {
  return `rev-${[r.tabel, r.kode_wilayah, r.kode_unit, r.kunci, r.kolom].join('-').replace(/[^A-Za-z0-9_.-]+/g, '_')}`;
}

/** The revision key of one published row's cell: what `compareReleases` writes for it. */
export function revisionOf(
  tabel: TableName,
  cell: (column: string) => string,
  kolom: string,
): Pick<Revision, 'tabel' | 'kode_wilayah' | 'kode_unit' | 'kunci' | 'kolom'> {
  const key = TABLES.find((t) => t.name === tabel)?.primaryKey ?? [];
  return {
    tabel,
    kode_wilayah: cell('kode_wilayah'),
    kode_unit: cell('kode_unit'),
    kunci: key
      .filter((c) => c !== 'kode_wilayah' && c !== 'kode_unit')
      .map(cell)
      .join(' · '),
    kolom,
  };
}

export const REVISION_COLUMNS = ['tabel', 'kode_wilayah', 'kode_unit', 'kunci', 'kolom', 'lama', 'baru'] as const;

type Rows = { header: string[]; rows: string[][] };

const parse = (csv: string | undefined): Rows => {
  if (csv === undefined) return { header: [], rows: [] };
  const data = Papa.parse<string[]>(csv, { skipEmptyLines: true }).data;
  return { header: data[0] ?? [], rows: data.slice(1) };
};

function keyed(t: Rows, key: readonly string[]): Map<string, string[]> {
  const at = key.map((k) => t.header.indexOf(k));
  return new Map(t.rows.map((r) => [JSON.stringify(at.map((i) => r[i])), r]));
}

/** Rows of `a` not in `b`, counted as a multiset (a row repeated twice counts twice). */
function multisetMinus(a: string[][], b: string[][]): number {
  const left = new Map<string, number>();
  for (const r of b) {
    const k = JSON.stringify(r);
    left.set(k, (left.get(k) ?? 0) + 1);
  }
  let n = 0;
  for (const r of a) {
    const k = JSON.stringify(r);
    const c = left.get(k) ?? 0;
    if (c > 0) left.set(k, c - 1);
    else n++;
  }
  return n;
}

/**
 * A split table's region files (src/publish/partitions.ts: the header and the region's lines,
 * byte for byte), with their rows and hash from the manifest; a file's text is read only when
 * its hash differs from the other release's.
 */
export interface RegionPart {
  kode: string;
  rows: number;
  sha256: string;
  text: () => string;
}

/**
 * `previous` gives a table's CSV, undefined when that release had no such table, null when it is
 * not at hand. With `parts` of both releases (their region files), a split table is compared
 * region by region, and a region whose file has the same hash is not read: the same counts and
 * revisions, since every table's key (or, without one, every row) starts with kode_wilayah, so no
 * row of one region matches another's; and a correction from one region reads that region's rows
 * rather than every table whole twice.
 */
export function compareReleases(
  previous: (name: TableName) => string | undefined | null,
  current: (name: TableName) => string | undefined,
  parts?: { previous: (name: TableName) => RegionPart[] | null; current: (name: TableName) => RegionPart[] | null },
): { tables: TableChange[]; revisions: Revision[] } {
  const tables: TableChange[] = [];
  const revisions: Revision[] = [];
  for (const table of TABLES) {
    const [partsBefore, partsNow] = [parts?.previous(table.name) ?? null, parts?.current(table.name) ?? null];
    let compared: Compared;
    if (partsBefore && partsNow) compared = compareParts(table, partsBefore, partsNow);
    else {
      const was = previous(table.name);
      // Nothing to compare with (a first release, a table new in it, or microdata not at hand): its
      // rows are counted from its region files, never read whole (the survey's national file passes
      // a string's longest, 512 MiB, at a few hundred regions).
      compared =
        partsNow && (was === undefined || was === null) ? counted(table, partsNow, was) : compareTable(table, was, current(table.name));
    }
    const { change, revised } = compared;
    tables.push(change);
    for (const r of revised) revisions.push(r);
  }
  return { tables, revisions };
}

type Compared = { change: TableChange; revised: Revision[] };

/** One table, region by region (see compareReleases). */
function compareParts(table: Table, before: readonly RegionPart[], after: readonly RegionPart[]): Compared {
  const change: TableChange = { tabel: table.name, baris: 0, ditambah: 0, dihapus: 0, diubah: 0 };
  const revised: Revision[] = [];
  const old = new Map(before.map((p) => [p.kode, p]));
  for (const part of after) {
    change.baris += part.rows;
    const was = old.get(part.kode);
    old.delete(part.kode);
    if (was?.sha256 === part.sha256) continue;
    // Changed, or new in this release (then every row added, as for a table the previous release lacked).
    const one = compareTable(table, was?.text(), part.text());
    change.ditambah! += one.change.ditambah!;
    change.dihapus! += one.change.dihapus!;
    change.diubah! += one.change.diubah!;
    for (const r of one.revised) revised.push(r);
  }
  for (const gone of old.values()) change.dihapus! += gone.rows;
  return { change, revised };
}

/**
 * A table's rows counted from its region files: all added when the previous release had none
 * (undefined), uncompared when it is not at hand (null). What compareTable gives in those cases,
 * since a published table's key is unique and no published line is empty.
 */
function counted(table: Table, now: readonly RegionPart[], was: undefined | null): Compared {
  const baris = now.reduce((n, p) => n + p.rows, 0);
  const change: TableChange =
    was === null
      ? { tabel: table.name, baris, ditambah: null, dihapus: null, diubah: null }
      : { tabel: table.name, baris, ditambah: baris, dihapus: 0, diubah: 0 };
  return { change, revised: [] };
}

/** One table whole: `was` as compareReleases's `previous` gives it. */
function compareTable(table: Table, was: string | undefined | null, text: string | undefined): Compared {
  const revised: Revision[] = [];
  const after = parse(text);
  if (was === null)
    return { change: { tabel: table.name, baris: after.rows.length, ditambah: null, dihapus: null, diubah: null }, revised };
  // The same bytes: nothing added, removed or changed, without keying both (most tables, when one region sends a correction).
  if (was === text && text !== undefined)
    return { change: { tabel: table.name, baris: after.rows.length, ditambah: 0, dihapus: 0, diubah: 0 }, revised };
  const before = parse(was);
  if (table.primaryKey.length === 0) {
    const change = {
      tabel: table.name,
      baris: after.rows.length,
      ditambah: multisetMinus(after.rows, before.rows),
      dihapus: multisetMinus(before.rows, after.rows),
      diubah: 0,
    };
    return { change, revised };
  }
  const old = keyed(before, table.primaryKey);
  const now = keyed(after, table.primaryKey);
  let added = 0;
  let changed = 0;
  const watched = HEADLINES[table.name] ?? [];
  for (const [k, row] of now) {
    const was = old.get(k);
    if (!was) {
      added++;
      continue;
    }
    // Columns are compared by name: a column added to a table in a later version is no change of its rows.
    const differs = after.header.some((c, i) => before.header.includes(c) && was[before.header.indexOf(c)] !== row[i]);
    if (!differs) continue;
    changed++;
    const cell = (r: string[], h: string[], c: string) => r[h.indexOf(c)] ?? '';
    for (const col of watched) {
      const [lama, baru] = [cell(was, before.header, col), cell(row, after.header, col)];
      if (lama === baru) continue;
      revised.push({ ...revisionOf(table.name, (c) => cell(row, after.header, c), col), lama, baru });
    }
  }
  let removed = 0;
  for (const k of old.keys()) if (!now.has(k)) removed++;
  return { change: { tabel: table.name, baris: after.rows.length, ditambah: added, dihapus: removed, diubah: changed }, revised };
}

/** `perubahan.csv`: one revised headline figure a row (all cells are published values). */
export function revisionsCsv(revisions: readonly Revision[]): string {
  return (
    Papa.unparse({ fields: [...REVISION_COLUMNS], data: revisions.map((r) => REVISION_COLUMNS.map((c) => r[c])) }, { newline: '\r\n' }) +
    '\r\n'
  );
}
