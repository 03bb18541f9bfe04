/**
 * What a sample region is, and the context its builder writes through. Each region module
 * in ./regions/ exports a `RegionSpec`: its metadata and a `build` function that turns its
 * story tables into files.
 */
import { join } from 'node:path';
import { JENIS_UNIT } from '../../src/contract/enums.ts';
import type { Wilayah } from '../../src/contract/wilayah.ts';
import type { FileName, Row } from './columns.ts';
import type { Dialect } from './format.ts';
import { Rng } from './random.ts';
import { spell, type Spelling } from './spelling.ts';
import { writeCsv, writeWilayah, type WriteOptions, type Written } from './writer.ts';

/** Every wilayah.json of the sample says, in its source, that the data are invented. */
export const SUMBER_SINTETIS = 'DATA SINTETIS untuk demonstrasi — e-Kinerja dan aplikasi SKM (contoh)';

export type JenisUnit = (typeof JENIS_UNIT)[number]['value'];

export interface UnitDef {
  kode: string;
  nama: string;
  jenis: JenisUnit;
  induk?: string;
}

export interface RegionSpec {
  /** Folder name, `[a-z0-9-]{2,40}`. */
  kode: string;
  wilayah: Wilayah;
  /** How the files are spelt, for data/README.md. */
  dialek: string;
  /** The stories the data tell, one sentence each, for data/README.md. */
  cerita: readonly string[];
  build(ctx: RegionContext): Promise<void>;
}

export class RegionContext {
  readonly dir: string;
  readonly written: Written[] = [];

  constructor(
    outDir: string,
    readonly kode: string,
  ) {
    this.dir = join(outDir, kode);
  }

  /** A random stream private to this region and purpose, e.g. `rng('skm')`. */
  rng(purpose: string): Rng {
    return Rng.from(`${this.kode}/${purpose}`);
  }

  async wilayah(w: Wilayah): Promise<void> {
    this.written.push(await writeWilayah(this.dir, w));
  }

  async write<F extends FileName>(file: F, dialect: Dialect, rows: Iterable<Row<F>>, options?: WriteOptions): Promise<void> {
    this.written.push(await writeCsv(this.dir, file, dialect, rows, options));
  }
}

export function unitRows(units: readonly UnitDef[], spelling: Spelling, rng: Rng): Row<'unit'>[] {
  return units.map((u) => ({
    kode_unit: u.kode,
    nama_unit: u.nama,
    jenis_unit: spell(JENIS_UNIT, u.jenis, spelling, rng),
    induk_unit: u.induk,
  }));
}

/** The same headcount in every period. */
export const tetap = (n: number, periods: number): number[] => new Array<number>(periods).fill(n);

/**
 * A deterministic wobble of ±8 % around `n` per semester, so survey volumes are not
 * suspiciously constant without spending random numbers on them.
 */
export function sekitar(n: number): (sem: { tahun: number; s: 1 | 2 }) => number {
  return (sem) => Math.round(n * (1 + 0.08 * Math.sin(sem.tahun * 2 + sem.s)));
}
