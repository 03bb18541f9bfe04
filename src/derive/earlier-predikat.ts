/** The predikat_unit rows of earlier releases (their CSV rows), by group: what across-releases.ts reads a new row beside. */
import { PREDIKAT, type Predikat } from '../contract/enums.ts';
import type { PublishedPredikat } from './across-releases.ts';

/** The mean scores, in the order of PublishedPredikat.rata. */
export const MEAN_COLUMNS = ['rata_nilai_atasan', 'rata_nilai_diri', 'rata_nilai_rekan'] as const;

const count = (text: string | undefined): number | null => (text === undefined || text === '' ? null : Number(text));

export function predikatLookup(
  rows: readonly Record<string, string>[],
): (kode_wilayah: string, kode_unit: string, periode: string) => readonly PublishedPredikat[] {
  const byGroup = new Map<string, PublishedPredikat[]>();
  for (const r of rows) {
    const key = JSON.stringify([r.kode_wilayah, r.kode_unit, r.periode]);
    const row: PublishedPredikat = {
      pegawai: count(r.pegawai),
      counts: Object.fromEntries(PREDIKAT.map((p) => [p.value, count(r[p.value])])) as Record<Predikat, number | null>,
      rata: MEAN_COLUMNS.map((c) => count(r[c])),
    };
    byGroup.set(key, [...(byGroup.get(key) ?? []), row]);
  }
  return (kode_wilayah, kode_unit, periode) => byGroup.get(JSON.stringify([kode_wilayah, kode_unit, periode])) ?? [];
}
