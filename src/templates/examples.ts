/**
 * Two example rows per input file, as a data officer would type them into the templates. The
 * columns, their order and their rules come from src/contract/inputs/; these are only values,
 * typed so that a column added to the contract is a compile error here until it has an example
 * (and test/unit/templates.test.ts runs them through the validator).
 *
 * Private columns hold values that cannot be anyone's: NIPs of zeros (no birth date, so never
 * NIP-like to the privacy gate) and respondent or complaint numbers that say "contoh"; names
 * and free text stay blank, as the contract allows.
 */
import type { AnyInputFile } from '../contract/input.ts';
import type { iku, kinerjaPegawai, laporanHarian, layanan, pelatihan, pengaduan, skm, unit } from '../contract/inputs/index.ts';

type Pair<I extends AnyInputFile> = readonly [Record<keyof I['fields'] & string, string>, Record<keyof I['fields'] & string, string>];

/** Keyed by file name without `.csv`; the test checks these keys against INPUTS. */
export interface Examples {
  unit: Pair<typeof unit>;
  kinerja_pegawai: Pair<typeof kinerjaPegawai>;
  skm: Pair<typeof skm>;
  iku: Pair<typeof iku>;
  layanan: Pair<typeof layanan>;
  pengaduan: Pair<typeof pengaduan>;
  pelatihan: Pair<typeof pelatihan>;
  laporan_harian: Pair<typeof laporanHarian>;
}

export const EXAMPLES: Examples = {
  unit: [
    { kode_unit: 'DINKES', nama_unit: 'Dinas Kesehatan', jenis_unit: 'dinas', induk_unit: '' },
    { kode_unit: 'PKM-01', nama_unit: 'Puskesmas Kota', jenis_unit: 'puskesmas', induk_unit: 'DINKES' },
  ],
  kinerja_pegawai: [
    {
      nip: '000000000000000001',
      nama: '',
      kode_unit: 'DINKES',
      periode: '2025',
      hasil_kerja: 'di_atas',
      perilaku_kerja: 'sesuai',
      predikat: 'baik',
      nilai_atasan: '85',
      nilai_diri: '90',
      nilai_rekan: '80.5',
    },
    {
      nip: '000000000000000002',
      nama: '',
      kode_unit: 'PKM-01',
      periode: '2025-S1',
      hasil_kerja: 'sesuai',
      perilaku_kerja: 'sesuai',
      predikat: '',
      nilai_atasan: '78',
      nilai_diri: '',
      nilai_rekan: '',
    },
  ],
  skm: [
    {
      id_responden: 'contoh-r0001',
      kode_unit: 'PKM-01',
      kode_layanan: 'KIA',
      tanggal: '2025-03-14',
      persyaratan: '4',
      prosedur: '3',
      waktu: '3',
      biaya: '4',
      produk: '4',
      kompetensi: '4',
      perilaku: '4',
      pengaduan: '3',
      sarana: '3',
      jenis_kelamin: 'p',
      umur: '34',
      pendidikan: 'd4-s1',
      pekerjaan: 'wirausaha',
      saran: '',
    },
    {
      id_responden: 'contoh-r0002',
      kode_unit: 'PKM-01',
      kode_layanan: 'KIA',
      tanggal: '2025-07-02',
      persyaratan: '3',
      prosedur: '3',
      waktu: '2',
      biaya: '4',
      produk: '3',
      kompetensi: '3',
      perilaku: '4',
      pengaduan: '',
      sarana: '3',
      jenis_kelamin: 'l',
      umur: '',
      pendidikan: 'sma',
      pekerjaan: '',
      saran: '',
    },
  ],
  iku: [
    {
      kode_unit: 'DINKES',
      tahun: '2025',
      kode_indikator: 'IKU-01',
      nama_indikator: 'Persentase ibu hamil yang mendapat layanan kesehatan',
      satuan: '%',
      arah: 'naik',
      target: '95',
      realisasi: '91.5',
      program: 'Program Pemenuhan Upaya Kesehatan',
      sasaran: 'Meningkatnya derajat kesehatan masyarakat',
    },
    {
      kode_unit: 'PKM-01',
      tahun: '2025',
      kode_indikator: 'IKU-02',
      nama_indikator: 'Rata-rata waktu tunggu layanan',
      satuan: 'menit',
      arah: 'turun',
      target: '30',
      realisasi: '',
      program: '',
      sasaran: '',
    },
  ],
  layanan: [
    {
      kode_unit: 'PKM-01',
      kode_layanan: 'KIA',
      nama_layanan: 'Pemeriksaan ibu hamil',
      tahun: '2025',
      bulan: '1',
      permohonan: '120',
      selesai: '110',
      tepat_waktu: '100',
      standar_hari: '1',
      rata_hari: '0.5',
    },
    {
      kode_unit: 'PKM-01',
      kode_layanan: 'KIA',
      nama_layanan: 'Pemeriksaan ibu hamil',
      tahun: '2025',
      bulan: '2',
      permohonan: '95',
      selesai: '95',
      tepat_waktu: '90',
      standar_hari: '1',
      rata_hari: '',
    },
  ],
  pengaduan: [
    {
      id_pengaduan: 'contoh-a0001',
      kode_unit: 'PKM-01',
      tanggal_masuk: '2025-01-06',
      tanggal_selesai: '2025-01-09',
      kategori: 'waktu',
      kanal: 'lapor',
      status: 'selesai',
      uraian: '',
    },
    {
      id_pengaduan: 'contoh-a0002',
      kode_unit: 'DINKES',
      tanggal_masuk: '2025-02-11',
      tanggal_selesai: '',
      kategori: 'informasi',
      kanal: 'whatsapp',
      status: 'diproses',
      uraian: '',
    },
  ],
  pelatihan: [
    {
      kode_unit: 'DINKES',
      tahun: '2025',
      nama_pelatihan: 'Pelayanan Prima',
      kategori: 'pelayanan_publik',
      peserta: '25',
      jam_pelajaran: '16',
    },
    {
      kode_unit: 'PKM-01',
      tahun: '2025',
      nama_pelatihan: 'Pengelolaan Data Kesehatan',
      kategori: 'teknologi_informasi',
      peserta: '8',
      jam_pelajaran: '24.5',
    },
  ],
  laporan_harian: [
    { kode_unit: 'DINKES', tahun: '2025', bulan: '1', pegawai: '40', hari_kerja: '21', laporan: '800' },
    { kode_unit: 'PKM-01', tahun: '2025', bulan: '1', pegawai: '12', hari_kerja: '21', laporan: '240' },
  ],
};

/** wilayah.json (contract §1), every key filled in. */
export const EXAMPLE_WILAYAH = {
  nama: 'Kabupaten Contoh',
  provinsi: 'Provinsi Contoh',
  sumber: 'e-Kinerja, aplikasi SKM dan aplikasi pengaduan',
  tanggal_ekspor: '2026-01-15',
  lisensi: 'CC-BY-4.0',
  kontak: 'bkpsdm@example.go.id',
};
