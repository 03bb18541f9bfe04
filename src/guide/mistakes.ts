/**
 * What each issue code of the validator means to a data officer, and how to fix it in Excel.
 * Keyed by IssueCode, so a new code in src/contract/issues.ts is a compile error here until it
 * has its entry (and test/unit/guide.test.ts checks the list against ISSUE_CODES).
 */
import type { Bilingual } from '../contract/fields.ts';
import type { IssueCode } from '../contract/issues.ts';

export interface Mistake {
  /** What the checker found, in a data officer's words. */
  what: Bilingual;
  /** How to fix it, with Excel open. */
  fix: Bilingual;
}

export const MISTAKES: Record<IssueCode, Mistake> = {
  'encoding-error': {
    what: {
      id: 'Berkas tidak tersimpan sebagai UTF-8, sehingga huruf seperti é atau tanda kutip miring rusak.',
      en: 'The file is not saved as UTF-8, so letters such as é or curly quotes are damaged.',
    },
    fix: {
      id: 'Simpan ulang dari Excel dengan File → Save As → "CSV UTF-8 (Comma delimited)", bukan "CSV (Comma delimited)" biasa.',
      en: 'Save again from Excel with File → Save As → "CSV UTF-8 (Comma delimited)", not plain "CSV (Comma delimited)".',
    },
  },
  'file-error': {
    what: {
      id: 'Berkas atau folder tidak dapat atau tidak boleh dibaca: folder bernama seperti CSV, pintasan ke luar folder ekspor, berkas terlalu besar, dua berkas yang namanya hanya beda huruf besar/kecil, atau folder wilayah yang tersembunyi atau salah nama.',
      en: 'A file or folder cannot or must not be read: a folder named like a CSV, a shortcut leading outside the export folder, a file too large, two files whose names differ only in case, or a hidden or misnamed region folder.',
    },
    fix: {
      id: 'Letakkan berkas CSV asli (bukan pintasan) langsung di folder wilayah, satu berkas per nama. Nama folder wilayah: huruf kecil, angka dan tanda hubung (mis. kota-contoh).',
      en: 'Put the real CSV files (not shortcuts) directly in the region folder, one file per name. Region folder names: lower-case letters, digits and hyphens (e.g. kota-contoh).',
    },
  },
  'private-in-public': {
    what: {
      id: 'Nilai privat (NIP, nama, nomor responden atau pengaduan, saran, uraian) tertulis di kolom yang akan diterbitkan, misalnya nama pegawai di nama unit atau nama indikator.',
      en: "A private value (NIP, name, respondent or complaint number, suggestion, description) is written in a column that will be published, for instance an employee's name in a unit or indicator name.",
    },
    fix: {
      id: 'Buka baris dan kolom yang disebut laporan (nilainya tidak ditampilkan) dan hapus data pribadinya dari teks itu; Ctrl+F membantu mencarinya.',
      en: 'Open the row and column the report names (the value is not shown) and remove the personal data from that text; Ctrl+F helps find it.',
    },
  },
  'blank-header': {
    what: {
      id: 'Ada kolom tanpa judul di baris pertama, sering karena sel kosong atau kolom tambahan di sebelah kanan.',
      en: 'A column has no heading in the first row, often an empty cell or an extra column on the right.',
    },
    fix: {
      id: 'Hapus kolom kosong di kanan tabel (pilih kolomnya → klik kanan → Delete), atau beri judul yang benar.',
      en: 'Delete empty columns to the right of the table (select them → right-click → Delete), or give the column its proper heading.',
    },
  },
  'duplicate-header': {
    what: { id: 'Judul kolom yang sama muncul dua kali.', en: 'The same column heading appears twice.' },
    fix: {
      id: 'Hapus salah satu kolomnya, atau ganti judulnya sesuai templat.',
      en: 'Delete one of the columns, or rename it as in the template.',
    },
  },
  'missing-column': {
    what: { id: 'Kolom wajib tidak ada, atau judulnya salah ketik.', en: 'A required column is missing, or its heading is mistyped.' },
    fix: {
      id: 'Salin baris judul dari templat CSV berkas itu; huruf besar/kecil dan spasi di judul tidak masalah (Kode Unit = kode_unit).',
      en: "Copy the heading row from that file's CSV template; case and spaces in headings do not matter (Kode Unit = kode_unit).",
    },
  },
  'unknown-column': {
    what: {
      id: 'Peringatan: ada kolom yang tidak dikenal kontrak. Kolom itu diabaikan, datanya tidak dipakai.',
      en: 'Warning: a column the contract does not know. It is ignored and its data are not used.',
    },
    fix: {
      id: 'Hapus kolom itu, atau periksa ejaan judulnya bila seharusnya kolom kontrak.',
      en: "Delete the column, or check the heading's spelling if it was meant to be a contract column.",
    },
  },
  'extra-cell': {
    what: {
      id: 'Baris ini berisi lebih banyak sel daripada judul, biasanya karena koma atau titik koma di dalam teks yang tidak diberi tanda kutip, atau isian di luar tabel.',
      en: 'The row has more cells than the heading, usually a comma or semicolon inside unquoted text, or something typed outside the table.',
    },
    fix: {
      id: 'Simpan dari Excel (Excel memberi tanda kutip sendiri) alih-alih menyunting CSV di Notepad, dan hapus isian di kanan tabel.',
      en: 'Save from Excel (it adds the quotes itself) rather than editing the CSV in Notepad, and delete anything to the right of the table.',
    },
  },
  'missing-cell': {
    what: {
      id: 'Baris ini berisi lebih sedikit sel daripada judul, biasanya baris yang terpotong atau tergabung.',
      en: 'The row has fewer cells than the heading, usually a cut or merged row.',
    },
    fix: {
      id: 'Lengkapi baris itu; sel yang sengaja kosong tetap harus ada (pemisahnya tetap ditulis).',
      en: 'Complete the row; a cell left blank on purpose must still be there (its separator is still written).',
    },
  },
  'type-error': {
    what: {
      id: 'Isi sel bukan jenis yang diminta: huruf di kolom angka, tanggal yang mustahil (31/02/2025), atau tanggal yang menjadi angka seri Excel (45678).',
      en: 'A cell holds the wrong kind of value: letters in a number column, an impossible date (31/02/2025), or a date turned into an Excel serial number (45678).',
    },
    fix: {
      id: 'Untuk tanggal: pilih kolomnya → Format Cells → Custom → yyyy-mm-dd, lalu simpan ulang. Untuk angka: hapus satuan atau teks dari sel (tulis 12, bukan "12 orang").',
      en: 'For dates: select the column → Format Cells → Custom → yyyy-mm-dd, then save again. For numbers: remove units or text from the cell (write 12, not "12 orang").',
    },
  },
  'constraint-error': {
    what: {
      id: 'Nilai di luar batas kontrak: unsur SKM selain 1–4, bulan 13, nilai di atas 100, kode dengan spasi, sel wajib yang kosong, atau baris survei tanpa satu pun jawaban.',
      en: "A value outside the contract's bounds: an SKM answer other than 1–4, month 13, a score above 100, a code with a space, an empty required cell, or a survey row with no answer at all.",
    },
    fix: {
      id: 'Betulkan nilainya sesuai batas yang disebut laporan. Templat .xlsx menolak nilai seperti ini saat diketik.',
      en: 'Correct the value to the bounds the report gives. The .xlsx template refuses such values as they are typed.',
    },
  },
  'enum-error': {
    what: {
      id: 'Nilai bukan salah satu pilihan kontrak (mis. jenis_unit "Dinas Kesehatan" alih-alih "dinas").',
      en: 'The value is not one of the contract\'s choices (e.g. jenis_unit "Dinas Kesehatan" instead of "dinas").',
    },
    fix: {
      id: 'Pilih dari daftar pilihan di templat .xlsx, atau ketik salah satu nilai yang disebut laporan. Huruf besar/kecil dan label panjang ("Di Atas Ekspektasi") diterima.',
      en: 'Pick from the drop-down list of the .xlsx template, or type one of the values the report lists. Case and long labels ("Di Atas Ekspektasi") are accepted.',
    },
  },
  'unique-error': {
    what: {
      id: 'Baris yang sama (kunci yang sama) muncul dua kali: kode unit ganda, NIP dengan periode yang sama dua kali, atau nomor responden ganda.',
      en: 'The same row (the same key) appears twice: a repeated unit code, an NIP twice for one period, or a repeated respondent number.',
    },
    fix: {
      id: 'Di Excel: Data → Remove Duplicates pada kolom kuncinya, atau beri kode yang berbeda. Kode yang hanya berbeda huruf besar/kecil dianggap sama.',
      en: 'In Excel: Data → Remove Duplicates on the key columns, or give different codes. Codes that differ only in case count as the same.',
    },
  },
  'foreign-key-error': {
    what: { id: 'kode_unit tidak ada di unit.csv wilayah ini.', en: "kode_unit is not in this region's unit.csv." },
    fix: {
      id: 'Tambahkan unitnya ke unit.csv, atau betulkan kodenya. Di templat .xlsx, kode_unit dipilih dari kode di lembar unit.',
      en: 'Add the unit to unit.csv, or correct the code. In the .xlsx template, kode_unit is picked from the codes on the unit sheet.',
    },
  },
  'consistency-error': {
    what: {
      id: 'Kolom-kolom satu baris saling bertentangan: tepat_waktu lebih dari selesai, tanggal selesai sebelum tanggal masuk, predikat tidak sesuai matriks, atau laporan melebihi pegawai × hari kerja.',
      en: 'Columns of one row contradict each other: tepat_waktu above selesai, a resolution date before the receipt date, a predikat that does not match the matrix, or reports above employees × working days.',
    },
    fix: {
      id: 'Periksa kedua kolom yang disebut laporan di aplikasi sumbernya; untuk predikat, kosongkan kolomnya bila ragu: situs menghitungnya dari hasil dan perilaku kerja.',
      en: 'Check both columns the report names in the source application; for predikat, leave the column blank when unsure: the site works it out from results and behaviour.',
    },
  },
  'excel-damage': {
    what: {
      id: 'Excel telah mengubah NIP (atau kode 18 digit) menjadi angka: 1,98609E+17, atau angka nol di depan hilang.',
      en: 'Excel has turned an NIP (or an 18-digit code) into a number: 1.98609E+17, or its leading zeros are gone.',
    },
    fix: {
      id: 'Jangan ketik ulang. Ekspor ulang dari aplikasi, lalu di Excel buka CSV lewat Data → From Text/CSV, pilih kolom nip → tipe Text, baru simpan. Di templat .xlsx kolom nip sudah berformat Teks.',
      en: 'Do not retype. Export again from the application, then open the CSV in Excel through Data → From Text/CSV, set the nip column to type Text, then save. In the .xlsx template the nip column is already formatted as Text.',
    },
  },
  'unknown-file': {
    what: {
      id: 'Peringatan: berkas CSV yang namanya bukan berkas kontrak. Berkas itu tidak dibaca.',
      en: "Warning: a CSV file whose name is not one of the contract's files. It is not read.",
    },
    fix: {
      id: 'Ganti nama berkasnya persis seperti kontrak (unit.csv, skm.csv, …), misalnya "Templat - unit.csv" dari Google Sheets menjadi unit.csv, atau pindahkan berkas lain keluar dari folder wilayah.',
      en: 'Rename the file exactly as the contract says (unit.csv, skm.csv, …), e.g. "Templat - unit.csv" from Google Sheets to unit.csv, or move other files out of the region folder.',
    },
  },
};
