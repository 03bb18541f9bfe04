/** Words of the forum and embed pages, and the short link printed on every slide. */
import type { Lang } from './lang.ts';

const WORDS = {
  id: {
    forum: 'Tampilan forum',
    description: (nama: string) =>
      `Grafik kinerja ${nama} satu per layar, untuk dipresentasikan di forum reformasi birokrasi dan akuntabilitas.`,
    exported: 'data diekspor',
    hint: 'Tombol panah ← → atau PageUp/PageDown untuk berpindah slide; cetak atau simpan sebagai PDF untuk satu slide per halaman.',
    navLabel: 'Navigasi slide',
    prev: 'Sebelumnya',
    next: 'Berikutnya',
    fullscreen: 'Layar penuh',
    exitFullscreen: 'Keluar layar penuh',
    embed: 'Sematkan grafik ini',
    position: (n: number, total: number, title: string) => `Slide ${n} dari ${total}: ${title}`,
    embedBack: (nama: string) => `Lihat halaman lengkap ${nama}`,
    embedBackCompare: 'Buka perbandingan ini dan pilih sendiri',
    listTitle: 'Tampilan forum per wilayah',
    listLead:
      'Untuk pimpinan yang mempresentasikan kinerja di forum reformasi birokrasi dan akuntabilitas: satu grafik per layar, huruf besar, satu kalimat kesimpulan, dan tautan ke halaman lengkapnya. Dapat dicetak satu slide per halaman.',
  },
  en: {
    forum: 'Forum view',
    description: (nama: string) => `${nama}'s performance charts one per screen, for presenting in reform and accountability forums.`,
    exported: 'data exported',
    hint: 'Arrow keys ← → or PageUp/PageDown move between slides; print or save as PDF for one slide per page.',
    navLabel: 'Slide navigation',
    prev: 'Previous',
    next: 'Next',
    fullscreen: 'Full screen',
    exitFullscreen: 'Exit full screen',
    embed: 'Embed this chart',
    position: (n: number, total: number, title: string) => `Slide ${n} of ${total}: ${title}`,
    embedBack: (nama: string) => `See ${nama}'s full page`,
    embedBackCompare: 'Open this comparison and make your own choices',
    listTitle: 'Forum view per region',
    listLead:
      'For leaders presenting performance in reform and accountability forums: one chart per screen, large type, a one-sentence takeaway and a link to the full page. Prints one slide per page.',
  },
};

export const forumWords = (lang: Lang) => WORDS[lang];
