/**
 * Words of the interactive pages in both languages, one object shape (a missing English word is
 * a type error). Used at build time by the pages and in the browser by their scripts.
 */
import type { Lang } from './lang.ts';
import type { EngineFailure, EngineProgress } from '../queries/engine-types.ts';
import { formatBytes, formatNumber } from './format.ts';

const id = {
  loadingEngine: 'Memuat mesin kueri DuckDB-WASM',
  compiling: 'Menyiapkan mesin kueri…',
  loadingTable: (table: string, size: string) => `Tabel ${table} dimuat (${size}).`,
  downloadingRegions: (table: string, regions: string, of: string, size: string) =>
    `Tabel ${table}: mengunduh ${size} untuk ${regions} dari ${of} wilayah…`,
  running: 'Menjalankan kueri…',
  done: (rows: number, ms: number) => `${rows} baris · ${ms} ms`,
  truncated: (shown: number, rows: number) => `Menampilkan ${shown} dari ${rows} baris; unduh CSV untuk semuanya.`,
  cancelled: 'Kueri dibatalkan.',
  queryError: 'DuckDB menolak kueri ini:',
  noRows: 'Kueri berhasil, tetapi tidak ada baris.',
  resultCaption: (rows: number) => `Hasil kueri (${rows} baris)`,
  failure: {
    unsupported:
      'Peramban ini tidak dapat menjalankan DuckDB-WASM (perlu WebAssembly dan Web Worker). Isi halaman tetap dapat dibaca; unduh tabel CSV atau Parquet untuk dianalisis di komputer Anda.',
    mime: 'Berkas mesin kueri (.wasm) dikirim server dengan jenis MIME yang salah, sehingga peramban tidak dapat memuatnya. Pengelola situs perlu mengirim berkas .wasm sebagai application/wasm.',
    missing: 'Berkas mesin kueri atau tabel tidak ditemukan di server. Muat ulang halaman; jika tetap gagal, unduh tabelnya langsung.',
    timeout:
      'Mesin kueri tidak selesai dimuat (tidak ada kemajuan selama 45 detik). Periksa koneksi, lalu coba lagi; pengelola situs: pastikan berkas .wasm dikirim sebagai application/wasm.',
    failed: 'Mesin kueri gagal dimulai.',
  } satisfies Record<EngineFailure, string>,
  run: 'Jalankan',
  cancel: 'Batalkan',
  downloadCsv: 'Unduh hasil (CSV)',
  resultFile: 'hasil-kueri.csv',
  copyLink: 'Salin tautan kueri',
  linkCopied: 'Tautan kueri disalin.',
  linkNotCopied: 'Peramban tidak mengizinkan penyalinan; salin tautan dari bilah alamat.',
  linkHeld:
    'Kueri dari tautan ini belum dijalankan, karena tidak sekadar membaca tabel terbitan situs ini. Baca kuerinya di kotak di atas, lalu tekan Jalankan bila Anda mau.',
  onlyPublished:
    'Penjelajah ini hanya membaca tabel terbitan situs ini: berkas lain, alamat di luar situs ini, dan ekstensi DuckDB tidak dapat dibuka.',
};

export type ClientWords = typeof id;

const en: ClientWords = {
  loadingEngine: 'Loading the DuckDB-WASM query engine',
  compiling: 'Preparing the query engine…',
  loadingTable: (table, size) => `Table ${table} loaded (${size}).`,
  downloadingRegions: (table, regions, of, size) => `Table ${table}: downloading ${size} for ${regions} of ${of} regions…`,
  running: 'Running the query…',
  done: (rows, ms) => `${rows} ${rows === 1 ? 'row' : 'rows'} · ${ms} ms`,
  truncated: (shown, rows) => `Showing ${shown} of ${rows} rows; download the CSV for all of them.`,
  cancelled: 'Query cancelled.',
  queryError: 'DuckDB rejected this query:',
  noRows: 'The query ran but returned no rows.',
  resultCaption: (rows) => `Query result (${rows} ${rows === 1 ? 'row' : 'rows'})`,
  failure: {
    unsupported:
      'This browser cannot run DuckDB-WASM (it needs WebAssembly and Web Workers). The page can still be read; download the CSV or Parquet tables to analyse them on your computer.',
    mime: 'The server sends the query engine file (.wasm) with the wrong MIME type, so the browser cannot load it. The site’s maintainer needs to serve .wasm files as application/wasm.',
    missing: 'The query engine or a table was not found on the server. Reload the page; if it still fails, download the table directly.',
    timeout:
      'The query engine did not finish loading (no progress for 45 seconds). Check the connection and try again; site maintainers: make sure .wasm is served as application/wasm.',
    failed: 'The query engine failed to start.',
  },
  run: 'Run',
  cancel: 'Cancel',
  downloadCsv: 'Download result (CSV)',
  resultFile: 'query-result.csv',
  copyLink: 'Copy link to this query',
  linkCopied: 'Link to this query copied.',
  linkNotCopied: 'The browser does not allow copying; copy the link from the address bar.',
  linkHeld:
    'The query from this link has not been run, because it does more than read this site’s published tables. Read it in the box above, then press Run if you want to.',
  onlyPublished:
    'This explorer reads only this site’s published tables: other files, addresses outside this site and DuckDB extensions cannot be opened.',
};

export const clientWords = (lang: Lang): ClientWords => (lang === 'en' ? en : id);

/** The page's language as the layout declared it on <html lang>. */
export const pageLang = (doc: Document = document): Lang => (doc.documentElement.lang === 'en' ? 'en' : 'id');

export function progressText(p: EngineProgress, lang: Lang): string {
  const w = clientWords(lang);
  switch (p.step) {
    case 'engine':
      return p.total > 0 ? `${w.loadingEngine}: ${formatBytes(lang, p.loaded)} / ${formatBytes(lang, p.total)}…` : `${w.loadingEngine}…`;
    case 'compile':
      return w.compiling;
    case 'table':
      return w.loadingTable(p.table, formatBytes(lang, p.bytes));
    case 'download':
      return w.downloadingRegions(
        p.table,
        formatNumber(lang, p.regions, 'count'),
        formatNumber(lang, p.of, 'count'),
        formatBytes(lang, p.bytes),
      );
    case 'query':
      return w.running;
  }
}
