/**
 * The site's fixed words in both languages. One object per language with the same shape
 * (checked by the type), so a missing English word is a compile error, not a blank on the page.
 * Sentences built around numbers live next to the code that builds them (see src/charts/ and src/site/).
 * Browser scripts import it too (chart filters), so it imports nothing but types. The compare
 * page's words are in compare-words.ts, which its script imports alone.
 */
import type { Lang } from './lang.ts';

/**
 * Why a chart draws nothing: the region's export does not hold the data (a file sent without
 * these columns filled), every group is hidden for privacy, the realisation is not reported yet,
 * or the figure cannot be computed. A file not sent at all is MissingSection's, not a chart's.
 */
export type EmptyReason = 'tidak-diekspor' | 'disembunyikan' | 'belum-dilaporkan' | 'tidak-berlaku';

/** A topic at the start of an English sentence ("complaint" → "Complaint data exist for …"). */
const capitalise = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1);

const id = {
  siteName: 'Kinerja Terbuka',
  tagline: 'Kinerja aparatur dan kepuasan layanan publik pemerintah daerah, terbuka untuk semua.',
  skip: 'Langsung ke isi',
  otherLangLabel: 'English',
  readMore: 'Selengkapnya',
  nav: {
    label: 'Navigasi utama',
    beranda: 'Beranda',
    wilayah: 'Wilayah',
    data: 'Data',
    jelajah: 'Jelajah',
    bandingkan: 'Bandingkan',
    metodologi: 'Metodologi',
    kualitas: 'Kualitas data',
    tentang: 'Tentang',
    periksa: 'Periksa ekspor (petugas data)',
    templat: 'Templat ekspor',
    panduan: 'Panduan petugas data',
  },
  breadcrumb: 'Jejak halaman',
  syntheticBanner: 'Data di situs ini sintetis: dibuat untuk uji coba, bukan data pemerintah yang sebenarnya.',
  syntheticShort: 'Data sintetis.',
  syntheticFooter: 'Tidak ada angka di situs ini yang menggambarkan pemerintah daerah atau pegawai yang nyata.',
  footerLicence: 'Data dapat digunakan ulang dengan lisensi',
  footerSource: 'Unduh tabel lengkap di halaman',
  footerBuilt: 'Dibangun',
  footerRelease: 'Rilis',
  dataUntil: 'data hingga',
  revised: 'direvisi',
  bundle: 'Paket data untuk redaksi (zip: CSV, kamus, README, CITATION.cff, checksum)',
  releasesFeed: 'Umpan rilis data (Atom)',
  missing: {
    hidden: 'disembunyikan',
    na: 'tidak tersedia',
    unreported: 'belum dilaporkan',
    unknown: 'tidak diketahui',
  },
  chart: {
    table: 'Tabel data grafik',
    showTable: 'Tampilkan tabel',
    rows: 'baris',
    csv: 'Unduh CSV',
    source: 'Sumber',
    period: 'Periode',
    method: 'Cara menghitung',
    permalink: 'Tautan ke grafik ini',
    embed: 'Sematkan',
    sql: 'SQL-nya di penjelajah',
    noChart: 'Tidak ada data untuk digambar.',
    /** Why a chart draws nothing (ChartData.empty): its true cause, never a guess. */
    empty: {
      'tidak-diekspor': 'Tidak ada yang digambar: ekspor wilayah ini tidak berisi data ini (bukan nol, bukan disembunyikan).',
      disembunyikan: 'Tidak ada yang digambar: semua kelompok disembunyikan untuk melindungi data pribadi (bukan nol).',
      'belum-dilaporkan': 'Tidak ada yang digambar: realisasinya belum dilaporkan (bukan nol).',
      'tidak-berlaku': 'Tidak ada yang digambar: angka ini tidak dapat dihitung dari data yang ada (bukan nol).',
    } as Record<EmptyReason, string>,
    filterHint: 'Pilihan ini menghitung ulang grafik dan tabel di peramban Anda (mesin kueri dimuat sekali, sekitar 35 MB).',
    filterCancel: 'Batal, kembali ke grafik semula',
    filterCancelled: 'Grafik semula ditampilkan; mesin kueri tetap dimuat di latar belakang.',
    emptyColumns: (columns: string) => `Kolom yang kosong di semua baris tidak ditampilkan: ${columns}.`,
  },
  /** Whether an indicator met its target and which way is better: a kategori is not success. */
  target: {
    metColumn: 'Target tercapai?',
    directionColumn: 'Arah',
    trendColumn: 'Dibanding tahun lalu',
    direction: { naik: '↑ makin tinggi makin baik', turun: '↓ makin rendah makin baik' } as Record<string, string>,
    /** The legend's warning beside the kategori colours. */
    kategoriNote: 'Warna = kategori capaian (Permendagri 86/2017), bukan tanda target tercapai',
    targetLine: 'garis putus-putus = target (capaian 100%)',
  },
  /** Why a predikat row is hidden, as a sentence says it after a count (predikat_unit.disembunyikan). */
  hiddenBecause: {
    kelompok_kecil: 'karena kelompoknya kecil',
    sel_kecil: 'karena sel-selnya kecil',
    pembeda: 'agar tidak dapat dihitung dari selisih',
  } as Record<string, string>,
  forumView: 'Tampilan forum (presentasi)',
  noFile: (what: string) => `Wilayah ini tidak mengirim data ${what}. Bagian ini sengaja kosong — bukan nol.`,
  search: {
    label: 'Cari wilayah, unit atau layanan',
    placeholder: 'mis. KTP, puskesmas, kecamatan',
    button: 'Cari',
    title: 'Pencarian',
    noJs: 'Pencarian memerlukan JavaScript. Tanpa JavaScript, gunakan daftar di bawah ini (Ctrl+F / "Cari di halaman").',
    loading: 'Mencari…',
    none: 'Tidak ada hasil.',
    noneWhat: 'Yang ada di situs ini: setiap wilayah, unit dan layanan di daftar di bawah, dan setiap tabel di halaman',
    noneWhatRegions:
      'Yang ada di situs ini: setiap wilayah di daftar di bawah (unit dan layanannya di halaman wilayah itu), dan setiap tabel di halaman',
    results: 'hasil',
    failed: 'Pencarian tidak dapat dimuat. Coba lagi, atau gunakan daftar di bawah ini.',
    partial: 'Sebagian indeks pencarian tidak dapat dimuat: hasil ini mungkin tidak lengkap.',
    regions: 'Wilayah yang namanya cocok',
    onRegionPages: 'Unit dan layanan setiap wilayah terdaftar di halaman wilayahnya.',
  },
  topics: {
    ikm: 'survei kepuasan masyarakat',
    'ikm-tren': 'survei kepuasan masyarakat',
    unsur: 'survei kepuasan masyarakat',
    capaian: 'indikator kinerja (IKU)',
    iku: 'indikator kinerja (IKU)',
    ketepatan: 'standar dan ketepatan waktu layanan',
    layanan: 'standar dan ketepatan waktu layanan',
    pengaduan: 'pengaduan',
    pelatihan: 'pelatihan',
    kepatuhan: 'laporan kegiatan harian',
    predikat: 'penilaian kinerja pegawai',
    'selisih-nilai': 'penilaian kinerja pegawai',
  } as Record<string, string>,
  titles: {
    ikm: 'Kepuasan masyarakat (IKM) per unit',
    'ikm-tren': 'IKM per semester',
    unsur: 'Sembilan unsur layanan: mana yang menarik IKM turun',
    capaian: 'Target dan realisasi indikator kinerja per program',
    iku: 'Indikator kinerja: target dan realisasi',
    ketepatan: 'Ketepatan waktu layanan terhadap standar',
    layanan: 'Ketepatan waktu layanan unit ini',
    pengaduan: 'Pengaduan per bulan dan kategori',
    pelatihan: 'Jam pelatihan per kategori',
    kepatuhan: 'Kepatuhan laporan kegiatan harian',
    predikat: 'Sebaran predikat kinerja pegawai',
    'selisih-nilai': 'Selisih nilai atasan, diri sendiri dan rekan',
    'ketepatan-bulanan': 'Permohonan selesai tepat waktu per bulan',
    'waktu-proses': 'Rata-rata lama proses dibanding standar',
  } as Record<string, string>,
  noRows: 'Tidak ada baris untuk bagian ini di tabel yang dipublikasikan.',
  onThisPage: 'Di halaman ini',
  exportDate: 'Tanggal ekspor',
  source: 'Sumber',
  province: 'Provinsi',
  units: 'Unit',
  services: 'Layanan',
  region: 'Wilayah',
  allRegions: 'Semua wilayah',
  contact: {
    heading: 'Kontak, koreksi dan pengaduan',
    region: (nama: string) => `Pertanyaan atau koreksi data ${nama}:`,
    none: (nama: string) => `${nama} tidak mencantumkan kontak dalam ekspornya; lihat cara mengirim koreksi.`,
    lapor: 'Pengaduan tentang pelayanan publik, ke kanal nasional',
    laporName: 'SP4N-LAPOR!',
    corrections: 'Cara mengirim koreksi',
  },
  elsewhere: {
    regions: (what: string) => `Data ${what} ada untuk:`,
    none: 'Belum ada wilayah yang mengirim data ini.',
    region: (nama: string) => `Angka wilayah ${nama} untuk bagian ini`,
    services: 'Layanan ada di wilayah:',
    /** Too many regions to name: their number, linked to the list on /wilayah/ (more than site/elsewhere.ts names). */
    counted: (what: string, n: string) => ({ before: `Data ${what} ada untuk`, link: `${n} wilayah lain`, after: '.' }),
    servicesCounted: (n: string) => ({ before: 'Layanan ada di', link: `${n} wilayah lain`, after: '.' }),
  },
  /** /wilayah/: which region sent which data. */
  sent: {
    heading: 'Data yang dikirim tiap wilayah',
    intro: 'Wilayah yang tidak mengirim suatu berkas menampilkan bagiannya kosong, bukan nol.',
    file: (what: string) => `Data ${what}`,
    count: (n: string, total: string) => `Dikirim oleh ${n} dari ${total} wilayah:`,
    services: 'Layanan yang diterbitkan',
    servicesCount: (n: string, total: string) => `${n} dari ${total} wilayah menerbitkan layanan:`,
  },
  /** The home page past site/home.ts's CARDS_MOST regions: the regions by province. */
  home: {
    byProvince: 'Wilayah per provinsi',
    tooMany: (regions: string, provinces: string) =>
      `${regions} wilayah di ${provinces} provinsi: terlalu banyak untuk menampilkan angka utama semuanya di satu halaman. Angka utama setiap wilayah, bila ada, ada di halaman wilayahnya.`,
    allRegions: 'Semua wilayah dengan tanggal ekspornya',
    count: (n: string) => `${n} wilayah`,
  },
  notFound: {
    title: 'Halaman tidak ditemukan',
    body: 'Alamat ini tidak ada di situs. Mungkin tautannya lama atau salah ketik.',
    home: 'Kembali ke beranda',
  },
};

export type Words = typeof id;

const en: Words = {
  siteName: 'Kinerja Terbuka',
  tagline: 'Civil-service performance and public service satisfaction of local governments, open to everyone.',
  skip: 'Skip to content',
  otherLangLabel: 'Bahasa Indonesia',
  readMore: 'Read more',
  nav: {
    label: 'Main navigation',
    beranda: 'Home',
    wilayah: 'Regions',
    data: 'Data',
    jelajah: 'Explore',
    bandingkan: 'Compare',
    metodologi: 'Methodology',
    kualitas: 'Data quality',
    tentang: 'About',
    periksa: 'Check an export (data officers)',
    templat: 'Export templates',
    panduan: 'Guide for data officers',
  },
  breadcrumb: 'Breadcrumb',
  syntheticBanner: 'The data on this site are synthetic: made for testing, not real government data.',
  syntheticShort: 'Synthetic data.',
  syntheticFooter: 'No number on this site describes a real local government or civil servant.',
  footerLicence: 'The data may be reused under the licence',
  footerSource: 'Download the full tables on the page',
  footerBuilt: 'Built',
  footerRelease: 'Release',
  dataUntil: 'data up to',
  revised: 'revised',
  bundle: 'Data bundle for newsrooms (zip: CSV, dictionary, README, CITATION.cff, checksums)',
  releasesFeed: 'Data release feed (Atom)',
  missing: {
    hidden: 'hidden',
    na: 'not available',
    unreported: 'not reported yet',
    unknown: 'unknown',
  },
  chart: {
    table: 'Chart data table',
    showTable: 'Show table',
    rows: 'rows',
    csv: 'Download CSV',
    source: 'Source',
    period: 'Period',
    method: 'How it is computed',
    permalink: 'Link to this chart',
    embed: 'Embed',
    sql: 'Its SQL in the explorer',
    noChart: 'No data to draw.',
    empty: {
      'tidak-diekspor': "Nothing to draw: this region's export does not hold these data (not zero, not hidden).",
      disembunyikan: 'Nothing to draw: every group is hidden to protect personal data (not zero).',
      'belum-dilaporkan': 'Nothing to draw: the realisation has not been reported yet (not zero).',
      'tidak-berlaku': 'Nothing to draw: this figure cannot be computed from the data there are (not zero).',
    },
    filterHint: 'These choices recompute the chart and table in your browser (the query engine loads once, about 35 MB).',
    filterCancel: 'Cancel, back to the original chart',
    filterCancelled: 'The original chart is shown; the query engine keeps loading in the background.',
    emptyColumns: (columns: string) => `Columns empty in every row are left out: ${columns}.`,
  },
  target: {
    metColumn: 'Target met?',
    directionColumn: 'Direction',
    trendColumn: 'Against last year',
    direction: { naik: '↑ higher is better', turun: '↓ lower is better' },
    kategoriNote: 'Colour = achievement category (Permendagri 86/2017), not a sign that the target was met',
    targetLine: 'dashed line = target (100% achievement)',
  },
  hiddenBecause: {
    kelompok_kecil: 'because the group is small',
    sel_kecil: 'because of small cells',
    pembeda: 'to prevent differencing',
  },
  forumView: 'Forum view (for presenting)',
  noFile: (what: string) => `This region did not send ${what} data. This section is empty on purpose — not zero.`,
  search: {
    label: 'Search regions, units or services',
    placeholder: 'e.g. ID card, health centre, district',
    button: 'Search',
    title: 'Search',
    noJs: 'Search needs JavaScript. Without it, use the list below (Ctrl+F / "Find in page").',
    loading: 'Searching…',
    none: 'No results.',
    noneWhat: 'What this site has: every region, unit and service in the list below, and every table on the page',
    noneWhatRegions:
      'What this site has: every region in the list below (its units and services on that region’s page), and every table on the page',
    results: 'results',
    failed: 'Search could not be loaded. Try again, or use the list below.',
    partial: 'Part of the search index could not be loaded: these results may be incomplete.',
    regions: 'Regions whose names match',
    onRegionPages: 'Each region’s units and services are listed on its page.',
  },
  topics: {
    ikm: 'citizen satisfaction survey',
    'ikm-tren': 'citizen satisfaction survey',
    unsur: 'citizen satisfaction survey',
    capaian: 'performance indicator (IKU)',
    iku: 'performance indicator (IKU)',
    ketepatan: 'service standard and timeliness',
    layanan: 'service standard and timeliness',
    pengaduan: 'complaint',
    pelatihan: 'training',
    kepatuhan: 'daily activity report',
    predikat: 'employee appraisal',
    'selisih-nilai': 'employee appraisal',
  },
  titles: {
    ikm: 'Citizen satisfaction (IKM) per unit',
    'ikm-tren': 'Satisfaction index by semester',
    unsur: 'The nine service elements: which one pulls the index down',
    capaian: 'Performance indicators: target against realisation by programme',
    iku: 'Performance indicators: target against realisation',
    ketepatan: 'Service timeliness against the standard',
    layanan: "Timeliness of this unit's services",
    pengaduan: 'Complaints by month and category',
    pelatihan: 'Training hours by category',
    kepatuhan: 'Daily activity report compliance',
    predikat: 'Distribution of employee performance ratings',
    'selisih-nilai': 'Gap between supervisor, self and peer scores',
    'ketepatan-bulanan': 'Applications completed on time, by month',
    'waktu-proses': 'Mean processing time against the standard',
  },
  noRows: 'The published tables have no rows for this section.',
  onThisPage: 'On this page',
  exportDate: 'Export date',
  source: 'Source',
  province: 'Province',
  units: 'Units',
  services: 'Services',
  region: 'Region',
  allRegions: 'All regions',
  contact: {
    heading: 'Contact, corrections and complaints',
    region: (nama: string) => `Questions or corrections about the data of ${nama}:`,
    none: (nama: string) => `${nama} gave no contact in its export; see how to send a correction.`,
    lapor: 'Complaints about a public service, to the national channel',
    laporName: 'SP4N-LAPOR!',
    corrections: 'How to send a correction',
  },
  elsewhere: {
    regions: (what: string) => `${capitalise(what)} data exist for:`,
    none: 'No region has sent these data yet.',
    region: (nama: string) => `The figures of ${nama} for this section`,
    services: 'Services exist in:',
    counted: (what: string, n: string) => ({ before: `${capitalise(what)} data exist for`, link: `${n} other regions`, after: '.' }),
    servicesCounted: (n: string) => ({ before: 'Services exist in', link: `${n} other regions`, after: '.' }),
  },
  sent: {
    heading: 'Data each region sent',
    intro: 'A region that did not send a file shows its sections empty, not as zero.',
    file: (what: string) => `${capitalise(what)} data`,
    count: (n: string, total: string) => `Sent by ${n} of ${total} ${total === '1' ? 'region' : 'regions'}:`,
    services: 'Published services',
    servicesCount: (n: string, total: string) => `${n} of ${total} ${total === '1' ? 'region publishes' : 'regions publish'} services:`,
  },
  home: {
    byProvince: 'Regions by province',
    tooMany: (regions: string, provinces: string) =>
      `${regions} ${regions === '1' ? 'region' : 'regions'} in ${provinces} ${provinces === '1' ? 'province' : 'provinces'}: too many to show every one's headline figures on one page. Each region's headline figures, where it has any, are on its page.`,
    allRegions: 'Every region with its export date',
    count: (n: string) => `${n} ${n === '1' ? 'region' : 'regions'}`,
  },
  notFound: {
    title: 'Page not found',
    body: 'This address does not exist on the site. The link may be old or mistyped.',
    home: 'Back to the home page',
  },
};

const WORDS: Record<Lang, Words> = { id, en };

export function t(lang: Lang): Words {
  return WORDS[lang];
}

/** Inline bilingual text for sentences that are built around data: `tr(lang)('Unit', 'Units')`. */
export const tr =
  (lang: Lang) =>
  (idText: string, enText: string): string =>
    lang === 'id' ? idText : enText;
