/**
 * Words of the compare page (/bandingkan/) and of its live result (client/comparison-view.ts):
 * a file of their own, so that the page's script loads these and not every word of the site.
 */
export const COMPARE_WORDS = {
  id: {
    title: 'Bandingkan unit',
    lead: 'Pilih ukuran, periode, wilayah dan (bila perlu) unit. Semua angka berasal dari tabel yang dipublikasikan; tautan hasilnya menyimpan pilihan Anda.',
    measure: 'Ukuran',
    ikm: 'Indeks kepuasan',
    unsur: 'Unsur survei (nilai rata-rata 1–4)',
    other: 'Kinerja',
    periods: 'Periode',
    regions: 'Wilayah',
    regionsHint: 'Tidak ada yang dicentang = semua wilayah.',
    units: 'Unit (opsional)',
    unitsHint: 'Tidak ada yang dicentang = semua unit di wilayah terpilih.',
    unitsNotListed: (units: string) =>
      `Jumlah unit (${units}) terlalu banyak untuk dicantumkan di sini: setiap wilayah yang dipilih dibandingkan dengan semua unitnya.`,
    unitsFromLink: 'Unit yang dipilih tautan ini',
    unitsFromLinkHint:
      'Hapus centang sebuah unit untuk melepasnya dari perbandingan; tanpa unit yang dicentang, setiap wilayah yang dipilih dibandingkan dengan semua unitnya.',
    submit: 'Bandingkan',
    noscript:
      'Tanpa JavaScript halaman ini menampilkan perbandingan bawaan di bawah (IKM setiap unit pada tahun terakhir). Untuk pilihan lain, buka halaman dengan JavaScript, atau unduh tabelnya di',
    noscriptMany:
      'Tanpa JavaScript halaman ini hanya dapat menampilkan perbandingan bawaan (IKM setiap unit pada tahun terakhir), dan perbandingan itu memiliki terlalu banyak unit untuk satu grafik. Untuk memilih apa yang dibandingkan, buka halaman dengan JavaScript, atau unduh tabelnya di',
    data: 'halaman data',
    loadNote: 'Perbandingan pertama memuat mesin kueri (sekitar 35 MB, sekali saja).',
    // The result (comparison-view.ts): table headers, note and links.
    region: 'Wilayah',
    unit: 'Unit',
    period: 'Periode',
    low: 'Batas bawah 95%',
    high: 'Batas atas 95%',
    allPeriods: 'semua periode',
    noRows: 'Tidak ada data untuk pilihan ini. Coba periode atau ukuran lain.',
    // A comparison of every unit too large to draw (comparison-view.ts: tooManyToDraw).
    tooMany: (units: string, regions: string) =>
      `${units} unit di ${regions} wilayah memiliki nilai untuk pilihan ini: terlalu banyak untuk satu grafik yang terbaca.`,
    tooManyWhere: (table: string) => `Nilainya berasal dari tabel ${table}, yang dapat diunduh.`,
    chooseFewer: 'Pilih wilayah di atas untuk membandingkan unitnya.',
    permalink: 'Tautan perbandingan ini',
    sql: 'Lihat SQL-nya di penjelajah',
    embed: 'Sematkan',
    interval: 'Garis menunjukkan interval kepercayaan 95%: dua unit yang garisnya bertumpang tindih belum tentu berbeda.',
    // What the comparison could not show (comparison-view.ts: missingValues).
    noValue: (period: string, units: string) => `Tidak ada nilai untuk ${period}: ${units}.`,
    noPeriod: (period: string) => `Tidak ada nilai untuk ${period} pada pilihan ini.`,
  },
  en: {
    title: 'Compare units',
    lead: 'Choose a measure, periods, regions and (optionally) units. Every number comes from the published tables; the link to the result keeps your choices.',
    measure: 'Measure',
    ikm: 'Satisfaction index',
    unsur: 'Survey elements (mean score 1–4)',
    other: 'Performance',
    periods: 'Periods',
    regions: 'Regions',
    regionsHint: 'None ticked = all regions.',
    units: 'Units (optional)',
    unitsHint: 'None ticked = all units of the chosen regions.',
    unitsNotListed: (units: string) =>
      `There are too many units (${units}) to list here: each region chosen is compared with all its units.`,
    unitsFromLink: 'Units this link chose',
    unitsFromLinkHint: 'Untick a unit to drop it from the comparison; with none ticked, each region chosen is compared with all its units.',
    submit: 'Compare',
    noscript:
      'Without JavaScript this page shows the default comparison below (IKM of every unit in the latest year). To compare other choices, open the page with JavaScript, or download the tables on the',
    noscriptMany:
      'Without JavaScript this page can only show the default comparison (IKM of every unit in the latest year), and that comparison has too many units for one chart. To choose what to compare, open the page with JavaScript, or download the tables on the',
    data: 'data page',
    loadNote: 'The first comparison loads the query engine (about 35 MB, once).',
    region: 'Region',
    unit: 'Unit',
    period: 'Period',
    low: '95% lower bound',
    high: '95% upper bound',
    allPeriods: 'all periods',
    noRows: 'No data for these choices. Try another period or measure.',
    tooMany: (units: string, regions: string) =>
      `${units} units in ${regions} regions have a value for these choices: too many for one readable chart.`,
    tooManyWhere: (table: string) => `The values come from the table ${table}, which can be downloaded.`,
    chooseFewer: 'Choose regions above to compare their units.',
    permalink: 'Link to this comparison',
    sql: 'See its SQL in the explorer',
    embed: 'Embed',
    interval: 'Lines show the 95% confidence interval: two units whose lines overlap may not really differ.',
    noValue: (period: string, units: string) => `No value for ${period}: ${units}.`,
    noPeriod: (period: string) => `No value for ${period} in these choices.`,
  },
};
