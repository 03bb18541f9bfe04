/**
 * The words of the export checker (/periksa/) in both languages, one shape (a missing English
 * word is a type error), as words.ts: used by the page at build time and by its script in the
 * browser (src/client/check/page.ts), so it imports only the number format.
 */
import type { Lang } from './lang.ts';
import { formatNumber } from './format.ts';

const count = (lang: Lang, n: number) => formatNumber(lang, n, 'count');

const id = {
  title: 'Periksa ekspor sebelum dikirim',
  lead: 'Untuk petugas data: pilih folder ekspor wilayah Anda, dan halaman ini memeriksanya dengan aturan yang sama persis dengan yang dipakai situs saat membangun (kontrak ekspor), lalu menunjukkan setiap kesalahan — berkas, baris, kolom, nilai — dan cara memperbaikinya.',
  local: 'Berkas Anda diperiksa di komputer ini saja; tidak ada yang dikirim ke internet.',
  localMore: 'Halaman ini sudah termuat seluruhnya; Anda bahkan dapat memutus internet sebelum memilih folder.',
  noscript:
    'Pemeriksa ini memerlukan JavaScript, yang mati di peramban Anda. Tanpa JavaScript, baca panduan untuk petugas data, atau minta pengelola situs menjalankan "npm run validate -- --data <folder>" atas ekspor Anda.',
  guide: 'Panduan untuk petugas data',
  templates: 'Templat CSV dan Excel',
  pick: 'Pilih folder ekspor',
  pickHint: 'Folder satu wilayah (berisi wilayah.json, unit.csv, skm.csv …) atau folder berisi beberapa folder wilayah.',
  drop: 'atau seret folder (atau berkasnya) ke sini',
  /** Loose files are checked as one region folder of this name (client/check/messages.ts LOOSE_REGION). */
  loose: (region: string) => `Berkas yang diseret tanpa foldernya diperiksa sebagai satu folder wilayah bernama "${region}".`,
  cancel: 'Batalkan',
  cancelled: 'Pemeriksaan dibatalkan.',
  reading: (files: number) => `Memeriksa ${count('id', files)} berkas…`,
  rowsRead: (rows: number) => `${count('id', rows)} baris dibaca`,
  failed: 'Pemeriksaan gagal karena kesalahan di halaman ini (bukan di berkas Anda):',
  valid: 'Sah — siap dikirim.',
  errors: (n: number) => `${count('id', n)} kesalahan`,
  warnings: (n: number) => `${count('id', n)} peringatan`,
  invalidNote:
    'Perbaiki kesalahan di bawah, simpan ulang sebagai "CSV UTF-8", lalu periksa lagi. Peringatan tidak menghalangi pengiriman, tetapi bacalah.',
  rowsSummary: (rows: number, used: number) => `${count('id', rows)} baris dibaca, ${count('id', used)} dipakai`,
  errorsTitle: 'Kesalahan',
  warningsTitle: 'Peringatan',
  filesTitle: 'Berkas yang dibaca',
  file: 'Berkas',
  row: 'Baris',
  column: 'Kolom',
  value: 'Nilai',
  message: 'Masalah dan cara memperbaiki',
  wholeFile: 'berkas',
  showAll: (n: number) => `Tampilkan semua (${count('id', n)} lagi)`,
  capped: (n: number) => `… dan ${count('id', n)} lagi: lihat laporan yang diunduh.`,
  downloadJson: 'Unduh laporan (JSON)',
  downloadCsv: 'Unduh laporan untuk Excel (CSV)',
  jsonFile: 'laporan-pemeriksaan.json',
  csvFile: 'laporan-pemeriksaan.csv',
  csvHeader: ['wilayah', 'berkas', 'baris', 'kolom', 'kode', 'jenis', 'nilai', 'pesan', 'message'],
  error: 'kesalahan',
  warning: 'peringatan',
};

export type CheckWords = typeof id;

const en: CheckWords = {
  title: 'Check an export before sending it',
  lead: 'For data officers: choose your region’s export folder, and this page checks it by exactly the rules the site applies when it builds (the export contract), then shows every error — file, row, column, value — and how to fix it.',
  local: 'Your files are checked on this computer only; nothing is sent to the internet.',
  localMore: 'This page is fully loaded; you may even disconnect from the internet before choosing the folder.',
  noscript:
    'This checker needs JavaScript, which is off in your browser. Without JavaScript, read the guide for data officers, or ask the site’s maintainer to run "npm run validate -- --data <folder>" on your export.',
  guide: 'Guide for data officers',
  templates: 'CSV and Excel templates',
  pick: 'Choose the export folder',
  pickHint: 'One region’s folder (holding wilayah.json, unit.csv, skm.csv …) or a folder holding several region folders.',
  drop: 'or drag the folder (or its files) here',
  loose: (region: string) => `Files dragged without their folder are checked as one region folder named "${region}".`,
  cancel: 'Cancel',
  cancelled: 'The check was cancelled.',
  reading: (files: number) => `Checking ${count('en', files)} files…`,
  rowsRead: (rows: number) => `${count('en', rows)} rows read`,
  failed: 'The check failed because of an error in this page (not in your files):',
  valid: 'Valid — ready to send.',
  errors: (n: number) => `${count('en', n)} ${n === 1 ? 'error' : 'errors'}`,
  warnings: (n: number) => `${count('en', n)} ${n === 1 ? 'warning' : 'warnings'}`,
  invalidNote: 'Fix the errors below, save again as "CSV UTF-8", then check again. Warnings do not stop sending, but read them.',
  rowsSummary: (rows: number, used: number) => `${count('en', rows)} rows read, ${count('en', used)} used`,
  errorsTitle: 'Errors',
  warningsTitle: 'Warnings',
  filesTitle: 'Files read',
  file: 'File',
  row: 'Row',
  column: 'Column',
  value: 'Value',
  message: 'Problem and how to fix it',
  wholeFile: 'file',
  showAll: (n: number) => `Show all (${count('en', n)} more)`,
  capped: (n: number) => `… and ${count('en', n)} more: see the downloaded report.`,
  downloadJson: 'Download the report (JSON)',
  downloadCsv: 'Download the report for Excel (CSV)',
  jsonFile: 'check-report.json',
  csvFile: 'check-report.csv',
  csvHeader: ['region', 'file', 'row', 'column', 'code', 'kind', 'value', 'pesan', 'message'],
  error: 'error',
  warning: 'warning',
};

export const checkWords = (lang: Lang): CheckWords => (lang === 'en' ? en : id);
