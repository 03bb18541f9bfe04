/** A release's changes in one sentence, for its page, the release list and the feed (both languages). */
import { formatNumber } from '../i18n/format.ts';
import type { Lang } from '../i18n/lang.ts';
import type { ReleaseMeta } from './archive.ts';

const n = (lang: Lang, x: number) => formatNumber(lang, x, 'count');

export function releaseSummary(meta: ReleaseMeta, lang: Lang): string {
  if (meta.sebelumnya === null) {
    const rows = meta.tabel.reduce((a, t) => a + t.baris, 0);
    return lang === 'id'
      ? `Rilis pertama: ${n(lang, meta.tabel.filter((t) => t.baris > 0).length)} tabel, ${n(lang, rows)} baris.`
      : `First release: ${n(lang, meta.tabel.filter((t) => t.baris > 0).length)} tables, ${n(lang, rows)} rows.`;
  }
  const changed = meta.tabel.filter((t) => (t.ditambah ?? 0) + (t.dihapus ?? 0) + (t.diubah ?? 0) > 0);
  const parts = changed.map((t) =>
    lang === 'id'
      ? `${t.tabel} (${[t.ditambah && `+${n(lang, t.ditambah)} ditambah`, t.dihapus && `−${n(lang, t.dihapus)} dihapus`, t.diubah && `${n(lang, t.diubah)} diubah`].filter(Boolean).join(', ')})`
      : `${t.tabel} (${[t.ditambah && `+${n(lang, t.ditambah)} added`, t.dihapus && `−${n(lang, t.dihapus)} removed`, t.diubah && `${n(lang, t.diubah)} changed`].filter(Boolean).join(', ')})`,
  );
  const head =
    lang === 'id'
      ? changed.length === 0
        ? `Dibanding rilis ${meta.sebelumnya}, tidak ada baris yang berubah.`
        : `Dibanding rilis ${meta.sebelumnya}, ${n(lang, changed.length)} tabel berubah: ${parts.join('; ')}.`
      : changed.length === 0
        ? `Compared with release ${meta.sebelumnya}, no row changed.`
        : `Compared with release ${meta.sebelumnya}, ${n(lang, changed.length)} ${changed.length === 1 ? 'table' : 'tables'} changed: ${parts.join('; ')}.`;
  const revised =
    meta.revisi === 0
      ? lang === 'id'
        ? ' Tidak ada angka utama yang direvisi.'
        : ' No headline figure was revised.'
      : lang === 'id'
        ? ` ${n(lang, meta.revisi)} angka utama direvisi (IKM, capaian, predikat).`
        : ` ${n(lang, meta.revisi)} headline ${meta.revisi === 1 ? 'figure' : 'figures'} revised (IKM, capaian, predikat).`;
  return head + revised;
}
