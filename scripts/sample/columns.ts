/**
 * The columns of each contract file, in the order the sample writes them, with how each is
 * formatted. The type checks at the bottom tie these lists to the contract's field lists in
 * src/contract/inputs/: adding or renaming a contract column without updating the sample
 * fails `npm run check`. (Type-only imports: nothing from the contract runs here.)
 */
import type { Cell, Column } from './format.ts';
import { UNSUR_KEYS, type Unsur } from '../../src/contract/enums.ts';
import type { unit } from '../../src/contract/inputs/unit.ts';
import type { kinerjaPegawai } from '../../src/contract/inputs/kinerja_pegawai.ts';
import type { skm } from '../../src/contract/inputs/skm.ts';
import type { iku } from '../../src/contract/inputs/iku.ts';
import type { layanan } from '../../src/contract/inputs/layanan.ts';
import type { pengaduan } from '../../src/contract/inputs/pengaduan.ts';
import type { pelatihan } from '../../src/contract/inputs/pelatihan.ts';
import type { laporanHarian } from '../../src/contract/inputs/laporan_harian.ts';

const text = <N extends string>(name: N): Column<N> => ({ name, kind: 'text' });
const int = <N extends string>(name: N): Column<N> => ({ name, kind: 'int' });
const count = <N extends string>(name: N): Column<N> => ({ name, kind: 'count' });
const dec = <N extends string>(name: N, digits: number): Column<N> => ({ name, kind: 'dec', digits });
const date = <N extends string>(name: N): Column<N> => ({ name, kind: 'date' });

const unsurColumns = UNSUR_KEYS.map((k) => int(k)) as Column<Unsur>[];

export const COLUMNS = {
  unit: [text('kode_unit'), text('nama_unit'), text('jenis_unit'), text('induk_unit')],
  kinerja_pegawai: [
    text('nip'),
    text('nama'),
    text('kode_unit'),
    text('periode'),
    text('hasil_kerja'),
    text('perilaku_kerja'),
    text('predikat'),
    dec('nilai_atasan', 2),
    dec('nilai_diri', 2),
    dec('nilai_rekan', 2),
  ],
  skm: [
    text('id_responden'),
    text('kode_unit'),
    text('kode_layanan'),
    date('tanggal'),
    ...unsurColumns,
    text('jenis_kelamin'),
    int('umur'),
    text('pendidikan'),
    text('pekerjaan'),
    text('saran'),
  ],
  iku: [
    text('kode_unit'),
    int('tahun'),
    text('kode_indikator'),
    text('nama_indikator'),
    text('satuan'),
    text('arah'),
    dec('target', 2),
    dec('realisasi', 2),
    text('program'),
    text('sasaran'),
  ],
  layanan: [
    text('kode_unit'),
    text('kode_layanan'),
    text('nama_layanan'),
    int('tahun'),
    int('bulan'),
    count('permohonan'),
    count('selesai'),
    count('tepat_waktu'),
    dec('standar_hari', 1),
    dec('rata_hari', 1),
  ],
  pengaduan: [
    text('id_pengaduan'),
    text('kode_unit'),
    date('tanggal_masuk'),
    date('tanggal_selesai'),
    text('kategori'),
    text('kanal'),
    text('status'),
    text('uraian'),
  ],
  pelatihan: [text('kode_unit'), int('tahun'), text('nama_pelatihan'), text('kategori'), count('peserta'), dec('jam_pelajaran', 1)],
  laporan_harian: [text('kode_unit'), int('tahun'), int('bulan'), count('pegawai'), int('hari_kerja'), count('laporan')],
} as const;

export type FileName = keyof typeof COLUMNS;
export type ColumnName<F extends FileName> = (typeof COLUMNS)[F][number]['name'];

/** One row of a file: every column named, blank as `undefined` (so no column is forgotten). */
export type Row<F extends FileName> = { [K in ColumnName<F>]: Cell };

// ---- Compile-time agreement with the contract -------------------------------------------

type ContractColumns<I> = I extends { fields: infer F } ? keyof F & string : never;
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
type Agrees<F extends FileName, I> = Same<ColumnName<F>, ContractColumns<I>>;

const agreement: {
  unit: Agrees<'unit', typeof unit>;
  kinerja_pegawai: Agrees<'kinerja_pegawai', typeof kinerjaPegawai>;
  skm: Agrees<'skm', typeof skm>;
  iku: Agrees<'iku', typeof iku>;
  layanan: Agrees<'layanan', typeof layanan>;
  pengaduan: Agrees<'pengaduan', typeof pengaduan>;
  pelatihan: Agrees<'pelatihan', typeof pelatihan>;
  laporan_harian: Agrees<'laporan_harian', typeof laporanHarian>;
} = { unit: true, kinerja_pegawai: true, skm: true, iku: true, layanan: true, pengaduan: true, pelatihan: true, laporan_harian: true };
void agreement;
